"""The Lab panel: the lab sheet's exercises as short guided steps, each with a set-up button.

The exercises follow the lab this project grew from (explore SqueezeNet's layer
table, look at the first and third convolution layers on the flower, classify a
fooling image, blend the flower with noise until the network stops saying
daisy, style transfer, a GAN) and one of its own: train a classifier on your own
classes, find the pair it confuses, look at a mistake in Activations. They are data
(:class:`Exercise`, :class:`LabStep`, each step holding the callable that sets the window
up); :meth:`LabPanel.run_step` calls it. A set-up drives the window through public verbs only: the window's
(open a model, an image, show a tab or a layer), the layer panel's, and the verbs
each tab offers for its exercises (``ActivationsTab.set_native_size``,
``AdversarialTab.grow_fooling`` / ``blend_with``, ``StyleTab.paint``,
``GanTab.ensure_training``...); :attr:`LabPanel.step_ready` says when the window
is in the state the step needs.

Clicks: the panel is open on a first start (no saved settings), so every
exercise is at most two clicks away (its title, then a set-up button); once a
user has closed it, View ▸ Lab (Ctrl+L) brings it back: three. Whether it is
open is remembered (setting ``lab_open``).

Which network: the lab sheet uses SqueezeNet. Exploring its table needs no
weights, but the other exercises need a trained network that knows a flower:
SqueezeNet when its ImageNet weights are on this computer (``neurolab models
fetch squeezenet`` or the Network panel's *Download ImageNet weights*), else
the best other ImageNet network whose weights are here (:data:`IMAGENET_STAND_INS`;
it knows daisies and flamingos too), else the bundled shapes model (trained,
offline, with a 'flower' class). The panel says which, and what to do to get
SqueezeNet — on a kiosk PC, where students cannot download, who can.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDockWidget,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolBox,
    QVBoxLayout,
    QWidget,
)

from neurolab.assets import resource_path, style_images
from neurolab.core.models.catalog import list_models
from neurolab.gui.core_texts import error_text, model_text
from neurolab.gui.locale_format import percent
from neurolab.gui.paths import same_file
from neurolab.gui.tabs.activations import ActivationsTab
from neurolab.gui.tabs.adversarial import AdversarialTab, Mode
from neurolab.gui.tabs.explain import ExplainTab
from neurolab.gui.tabs.features import FeaturesTab
from neurolab.gui.tabs.gan import GanTab
from neurolab.gui.tabs.style import StyleTab
from neurolab.gui.tabs.train import TrainTab

FLOWER = "flower.jpg"
FOOLING_IMAGE_NAME = "what_is_it.png"  # the lab sheet's name for its fooling image
#: Exercise 9 grows at most this many steps (a 64-channel layer on a classroom CPU: under a minute).
LAB_FEATURE_STEPS = 64


@dataclass(frozen=True)
class LabNetwork:
    """The network an exercise runs on, and the two classes the lab talks about."""

    spec: str
    flower_class: str  # what the flower photo is (the lab: "assume it is a daisy")
    fool_class: str  # what the fooling image is grown to be ("like a flamingo")
    display_name: str = ""


SQUEEZENET = LabNetwork("squeezenet", "daisy", "flamingo", "SqueezeNet v1.1")
BUNDLED = LabNetwork("shapes", "flower", "star")
#: ImageNet networks the Lab uses while SqueezeNet's weights are missing, best first: the small,
#: quick ones first (exercises 3 and 4 take gradients at the photo's size on a classroom CPU), then
#: the larger ones by how quickly they answer; each knows the lab's daisy and flamingo.
IMAGENET_STAND_INS = ("mobilenet_v2", "efficientnet_b0", "densenet121", "resnet50", "inception_v3",
                      "vgg16", "vgg19")


def lab_network() -> LabNetwork:
    """SqueezeNet when its ImageNet weights are on this computer; else the first of
    :data:`IMAGENET_STAND_INS` whose weights are; else the bundled model."""
    ready = {entry.name: entry for entry in list_models() if entry.ready_offline}
    if SQUEEZENET.spec in ready:
        return SQUEEZENET
    for name in IMAGENET_STAND_INS:
        if name in ready:
            return LabNetwork(name, SQUEEZENET.flower_class, SQUEEZENET.fool_class, ready[name].display_name)
    return BUNDLED


def downloads_off() -> bool:
    """Kiosk mode (or NEUROLAB_OFFLINE): the window may not download weights."""
    from neurolab.gui import file_dialogs

    return file_dialogs.policy().enabled or bool(os.environ.get("NEUROLAB_OFFLINE"))


def flower_path() -> str:
    return str(resource_path("images", FLOWER))


def convolution_keys(analysis) -> list[str]:
    """Layer keys of the model's 2-D convolutions, in order (any convolution if it has none)."""
    def key(row) -> str:
        return f"{row.parent}/{row.name}" if row.parent else row.name

    keys = [key(row) for row in analysis.layers if row.type == "Convolution"]
    return keys or [key(row) for row in analysis.layers if "Convolution" in row.type]


@dataclass(frozen=True)
class LabStep:
    text: str  # what to do and look for, a sentence or three
    button: str  # the set-up button's label
    set_up: Callable[[], None]  # sets the window up; the panel's step_ready follows


@dataclass(frozen=True)
class Exercise:
    key: str
    title: str
    steps: tuple[LabStep, ...]
    question: str = ""  # the lab sheet's question, shown under the steps


class LabPanel(QDockWidget):
    """A dock with the exercises (one page each) and what the last set-up did."""

    step_ready = Signal(str, int)  # exercise key, step index: the window is set up for it
    step_failed = Signal(str)  # a sentence: why a set-up stopped

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("labDock")
        self.setWindowTitle(self.tr("Lab"))
        self.main = window
        self._generation = 0  # a new set-up makes every older one's pending steps void
        self._pending: tuple[str, int] | None = None
        self._fooling: tuple[str, object] | None = None  # (network spec, image) grown by the lab
        self.buttons: dict[tuple[str, int], QPushButton] = {}
        self._texts: dict[tuple[str, int], QLabel] = {}
        self._questions: dict[str, QLabel] = {}
        self.exercise_list = self.exercises()

        self.network_note = QLabel()
        self.network_note.setObjectName("labNetwork")
        self.network_note.setWordWrap(True)
        self.toolbox = QToolBox()
        self.toolbox.setObjectName("labExercises")
        for exercise in self.exercise_list:
            self.toolbox.addItem(self._page(exercise), exercise.title)
        # Qt's toolbox titles take no focus: make them Tab stops (Space opens one), and skip
        # the scroll area around each page, which holds nothing to press itself.
        for child in self.toolbox.findChildren(QWidget):
            if child.objectName() == "qt_toolbox_toolboxbutton":
                child.setFocusPolicy(Qt.StrongFocus)
            elif isinstance(child, QScrollArea):
                child.setFocusPolicy(Qt.NoFocus)
        self.status = QLabel(self.tr("Each button sets the window up for its step."))
        self.status.setObjectName("labStatus")
        self.status.setWordWrap(True)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.network_note)
        column.addWidget(self.toolbox, 1)
        column.addWidget(self.status)
        self.setWidget(holder)
        self.setFeatures(QDockWidget.DockWidgetClosable | QDockWidget.DockWidgetMovable
                         | QDockWidget.DockWidgetFloatable)
        self.setMinimumWidth(230)
        self.refresh_network_note()
        self._fit_width()

        window.model_failed.connect(self._on_failure)
        for tab in window.tab_list():  # a set-up stops at the first sentence a tab says
            tab.error.connect(self._on_failure)
        window.runner.busy_changed.connect(self._on_runner_busy)
        window.workspace_ready.connect(lambda _workspace: self.refresh_network_note())

    # --- the exercises (data) -----------------------------------------------
    def exercises(self) -> list[Exercise]:
        """The lab's exercises; class names follow the network they run on."""
        net = lab_network()
        return [
            Exercise("explore", self.tr("1. Explore the network"), (
                LabStep(self.tr("Open SqueezeNet, the network of the lab sheet. The table on the "
                                "left lists its layers, from the input image to the class "
                                "probabilities."),
                        self.tr("Open SqueezeNet"), self._open_squeezenet),
                LabStep(self.tr("The Activations column says what a layer hands on for one "
                                "image: height × width × channels. Follow it down from conv1: "
                                "where does the picture shrink, where do channels grow?"),
                        self.tr("Show conv1's activations"), self._show_activations_column),
                LabStep(self.tr("Learnables are the numbers that change while the network "
                                "learns: a convolution's filters (Weights) and one Bias per "
                                "filter. Which kinds of layer learn nothing?"),
                        self.tr("Show conv1's learnables"), self._show_learnables_column),
            )),
            Exercise("filters", self.tr("2. What the filters see"), (
                LabStep(self.tr("Run the flower photo through the first convolution layer. Each "
                                "tile is one filter's answer, bright where it responds. Find a "
                                "filter that lights up the whole flower."),
                        self.tr("Flower in the first convolution"), self._first_convolution),
                LabStep(self.tr("Now the third convolution layer: its filters combine simpler "
                                "features. The flower's outline stays, but each tile brings out "
                                "something else: edges, petals, the centre."),
                        self.tr("Flower in the third convolution"), self._third_convolution),
                LabStep(self.tr("The photo is larger than the network's input and still works: a "
                                "filter slides over an image of any size. Native size squeezes "
                                "the photo to the input size first. Compare the two."),
                        self.tr("Compare at native size"), self._native_size),
            )),
            Exercise("fooling", self.tr("3. Fooling images"), (
                LabStep(self.tr("Start from random noise and change the pixels, step by step, "
                                "until the network is sure it sees a {0}.").format(net.fool_class),
                        self.tr("Grow a fooling image"), self._grow_fooling_step),
                LabStep(self.tr("Classify the result as if it were a photo: the network's answer "
                                "appears under it."),
                        self.tr("Classify the fooling image"), self._classify_fooling),
            ), question=self.tr("Does the image resemble its class in any way?")),
            Exercise("blend", self.tr("4. Blend with noise"), (
                LabStep(self.tr("Mix the flower photo with the fooling noise. The chart shows how "
                                "sure the network is that it sees a {0} as the share of noise "
                                "grows from 0 to 100 %.").format(net.flower_class),
                        self.tr("Blend the flower with noise"), self._blend),
                LabStep(self.tr("Move the weight slider (the arrow keys work too) and find where "
                                "the network stops saying {0}. Would a person still see a flower "
                                "there?").format(net.flower_class),
                        self.tr("Take the slider"), self._blend_slider),
                LabStep(self.tr("Check your answer: the slider jumps to the first weight at "
                                "which the network changes its mind, the red line on the chart."),
                        self.tr("Show where it changes"), self._blend_flip),
            )),
            Exercise("style", self.tr("5. Style transfer"), (
                LabStep(self.tr("Paint the flower in the manner of a bundled style. The picture "
                                "appears while it is being painted, small first, then larger. "
                                "The loss curve falls while the size stays the same and jumps "
                                "up at each dashed line, where the picture is enlarged and "
                                "judged again at the new size."),
                        self.tr("Paint the flower"), self._paint_flower),
                LabStep(self.tr("Try another style. What of the photo survives, and what does the "
                                "style's texture replace?"),
                        self.tr("Another style"), self._next_style),
            )),
            Exercise("gan", self.tr("6. GAN"), (
                LabStep(self.tr("The training data: simple shapes that neurolab draws itself, each "
                                "shape in its own colour. The generator will learn to draw pictures "
                                "like these."),
                        self.tr("Show the training data"), self._gan_data),
                LabStep(self.tr("Start training. One network draws, the other judges whether a "
                                "picture is real or drawn; watch the 16 samples turn from noise "
                                "into coloured blobs and shapes while the two losses push against "
                                "each other. Which colours, and so which shapes, does the "
                                "generator leave out?"),
                        self.tr("Start training"), self._gan_train),
            )),
            Exercise("train", self.tr("7. Train your own classifier"), (
                LabStep(self.tr("Drop a folder with one folder of pictures per class on the Train "
                                "tab (or keep the built-in shapes) and train a classifier on it. "
                                "Watch the training and validation curves: where do they part?"),
                        self.tr("Train it"), self._train_classifier),
                LabStep(self.tr("The confusion matrix counts what the model said (columns) for "
                                "each true class (rows). The largest cell off the diagonal is the "
                                "pair it confuses most; its pictures appear beside it."),
                        self.tr("Show the confused pair"), self._train_confused),
                LabStep(self.tr("Save the model and look at one of its mistakes in Activations: "
                                "the model opens with your class names. What does the first "
                                "convolution see in the picture it got wrong?"),
                        self.tr("Open a mistake in Activations"), self._train_mistake),
            ), question=self.tr("Why might the model confuse these two classes?")),
            Exercise("explain", self.tr("8. Where does it look?"), (
                LabStep(self.tr("Grad-CAM colours the places of the flower photo that raise the "
                                "network's score for {0}. Is it the flower, or something around "
                                "it?").format(net.flower_class),
                        self.tr("Explain the flower"), self._explain_flower),
                LabStep(self.tr("Now its adversarial twin: the photo changed by a few levels per "
                                "pixel until the network says something else. Top: the photo, "
                                "bottom: the changed image; left for the old label, right for the "
                                "new one."),
                        self.tr("Explain the adversarial twin"), self._explain_twin),
            ), question=self.tr("Does the network look somewhere else once it is fooled?")),
            Exercise("features", self.tr("9. What do the filters want?"), (
                LabStep(self.tr("The mirror of exercise 2: instead of showing what the photo does to "
                                "each filter, neurolab grows a picture that each filter of the first "
                                "convolution answers as strongly as it can. Which filters want a "
                                "colour, which an edge?"),
                        self.tr("What the first convolution wants"), self._first_features),
                LabStep(self.tr("The third convolution's filters combine the first ones: their "
                                "pictures are patterns and textures, stripes, dots and curves."),
                        self.tr("What the third convolution wants"), self._third_features),
                LabStep(self.tr("Back to the flower in the third convolution: the tile that "
                                "answers most strongly is chosen and its filter's picture shown "
                                "large. Does the flower have that pattern where the tile is bright?"),
                        self.tr("Ask the flower's strongest tile"), self._ask_strongest_tile),
            ), question=self.tr("Why do deeper filters want patterns rather than single colours?")),
        ]

    def _page(self, exercise: Exercise) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 4, 4, 4)
        for index, step in enumerate(exercise.steps):
            text = QLabel(self._step_text(index, step))
            text.setObjectName(f"lab_{exercise.key}_{index}_text")
            text.setWordWrap(True)
            text.setTextFormat(Qt.RichText)
            button = QPushButton(step.button)
            button.setObjectName(f"lab_{exercise.key}_{index}")
            button.setToolTip(self._button_tip(index))
            button.clicked.connect(lambda _checked=False, k=exercise.key, i=index:
                                   self.run_step(k, i))
            self.buttons[(exercise.key, index)] = button
            self._texts[(exercise.key, index)] = text
            column.addWidget(text)
            column.addWidget(button, 0, Qt.AlignLeft)
        if exercise.question:
            question = QLabel(self._question_text(exercise))
            self._questions[exercise.key] = question
            question.setObjectName(f"lab_{exercise.key}_question")
            question.setWordWrap(True)
            question.setTextFormat(Qt.RichText)
            column.addWidget(question)
        column.addStretch(1)
        return page

    def _step_text(self, index: int, step: LabStep) -> str:
        return self.tr("<b>{0}.</b> {1}").format(index + 1, step.text)

    def _button_tip(self, index: int) -> str:
        return self.tr("Set the window up for step {0}").format(index + 1)

    def _question_text(self, exercise: Exercise) -> str:
        return self.tr("<i>Question:</i> {0}").format(exercise.question)

    def retranslate_ui(self) -> None:
        """After a language switch: every text of the panel, built from the exercises again."""
        self.setWindowTitle(self.tr("Lab"))
        self.refresh_network_note()
        for position, exercise in enumerate(self.exercise_list):
            self.toolbox.setItemText(position, exercise.title)
            for index, step in enumerate(exercise.steps):
                button = self.buttons[(exercise.key, index)]
                button.setText(step.button)
                button.setToolTip(self._button_tip(index))
            if exercise.key in self._questions:
                self._questions[exercise.key].setText(self._question_text(exercise))
        if self._pending is None:
            self.status.setText(self.tr("Each button sets the window up for its step."))
        self._fit_width()

    def _fit_width(self) -> None:
        """As wide as its widest button (in this language): no sideways scrolling, no cut label."""
        widest = max(button.minimumSizeHint().width() for button in self.buttons.values())
        for area in self.toolbox.findChildren(QAbstractScrollArea):
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
            scroll_bar = area.verticalScrollBar().sizeHint().width()
            area.setMinimumWidth(widest + 2 * 4 + scroll_bar + 2 * area.frameWidth() + 2)

    def refresh_network_note(self) -> None:
        """Say which network the exercises use (it changes once SqueezeNet's weights arrive)."""
        self.exercise_list = self.exercises()
        for exercise in self.exercise_list:
            for index, step in enumerate(exercise.steps):
                label = self._texts.get((exercise.key, index))
                if label is not None:
                    label.setText(self._step_text(index, step))
        net = lab_network()
        if net is SQUEEZENET:
            self.network_note.setText(self.tr("Exercises 2–4 use SqueezeNet with its ImageNet "
                                              "weights, as the lab sheet does."))
            return
        if net is BUNDLED:
            instead = self.tr("SqueezeNet's ImageNet weights are not on this computer, so exercises 2–4 "
                              "use the bundled shapes model: it is trained, and 'flower' is one of its "
                              "classes.")
        else:
            instead = self.tr("SqueezeNet's ImageNet weights are not on this computer, so exercises 2–4 "
                              "use {0}, another ImageNet network whose weights are here.").format(
                model_text(net.display_name))
        if downloads_off():  # a classroom PC: students cannot download; say who can
            todo = self.tr("Downloads are off on this PC; your teacher can put SqueezeNet's weights "
                           "into the shared weights folder (neurolab models fetch squeezenet, see the "
                           "README).")
        else:
            todo = self.tr("To use SqueezeNet as the lab sheet does, open it (exercise 1) and press "
                           "'Download ImageNet weights' in the Network panel once, online.")
        self.network_note.setText(f"{instead} {todo}")

    # --- dispatch -----------------------------------------------------------
    def exercise(self, key: str | int) -> Exercise:
        if isinstance(key, int):
            return self.exercise_list[key]
        return next(e for e in self.exercise_list if e.key == key)

    def run_step(self, exercise: str | int, step: int) -> None:
        """Set the window up for ``step`` of ``exercise``; :attr:`step_ready` says when it is."""
        chosen = self.exercise(exercise)
        self._generation += 1
        self._pending = (chosen.key, step)
        self.toolbox.setCurrentIndex(self.exercise_list.index(chosen))
        if chosen.key != "explore":  # the tabs are wanted again: the table goes back
            self.main.dock_layers_back()
        self.status.setText(self.tr("Setting up: {0}…").format(chosen.steps[step].button))
        chosen.steps[step].set_up()

    def press(self, exercise: str, step: int) -> None:
        """Click ``step``'s set-up button of ``exercise`` (the screenshot verb walks the Lab so)."""
        self.buttons[(exercise, step)].click()

    def _land(self, message: str = "") -> None:
        if self._pending is None:
            return
        key, step = self._pending
        self._pending = None
        button = self.exercise(key).steps[step].button
        self.status.setText(message or self.tr("Ready: {0}.").format(button))
        self.step_ready.emit(key, step)

    def _on_failure(self, message: str) -> None:
        if self._pending is None:
            return
        self._generation += 1
        self._pending = None
        self.status.setText(self.tr("The set-up stopped: {0}").format(error_text(message)))
        self.step_failed.emit(message)

    def _on_runner_busy(self, busy: bool) -> None:
        """Idle while a set-up still waits for a job: the job was cancelled (Esc, Cancel)."""
        if busy or self._pending is None:
            return
        generation = self._generation

        def check() -> None:
            if self._pending is not None and generation == self._generation \
                    and not self.main.runner.busy \
                    and not any(tab.busy() for tab in self.main.tab_list()):  # (Train's evaluation)
                self._generation += 1
                self._pending = None
                self.status.setText(self.tr("The set-up was cancelled; press its button again "
                                            "to repeat it."))
        QTimer.singleShot(0, self, check)  # dropped if the panel goes first (kiosk Reset)

    def _when(self, signals, ready: Callable[[], bool] | None, then: Callable[[], None]) -> None:
        """Call ``then`` once ``ready()`` holds: now, or after one of ``signals`` fires.

        ``ready=None`` waits for the next emission. A newer set-up voids the wait.
        """
        generation = self._generation
        if ready is not None and ready():
            then()
            return

        def check(*_args) -> None:
            stale = generation != self._generation
            if stale or ready is None or ready():
                for signal in signals:
                    try:
                        signal.disconnect(check)
                    except (RuntimeError, TypeError):
                        pass
                if not stale:
                    then()

        for signal in signals:
            signal.connect(check)

    # --- window verbs -------------------------------------------------------
    def _model_is(self, spec: str) -> bool:
        workspace = self.main.workspace
        return workspace is not None and workspace.loaded.spec == spec

    def _ensure_model(self, spec: str, then: Callable[[], None]) -> None:
        if self._model_is(spec):
            then()
            return
        self.main.open_model(spec)
        self._when([self.main.workspace_ready], lambda: self._model_is(spec), then)

    def _ensure_flower(self, tab, then: Callable[[], None]) -> None:
        """The flower photo in ``tab`` (Activations or Adversarial), which becomes current."""
        window = self.main
        window.show_tab(tab)
        path = flower_path()
        if tab.image is not None and same_file(tab.image_name, path):
            then()
            return
        window.open_image(path)
        self._when([window.image_opened],
                   lambda: tab.image is not None and same_file(tab.image_name, path), then)

    def _conv_key(self, position: int) -> str:
        keys = convolution_keys(self.main.workspace.analysis)
        return keys[min(position, len(keys) - 1)]

    # --- 1. explore ---------------------------------------------------------
    def _open_squeezenet(self) -> None:
        self._ensure_model(SQUEEZENET.spec, lambda: self._show_table(None))

    def _show_activations_column(self) -> None:
        self._ensure_model(SQUEEZENET.spec, lambda: self._show_table(3))

    def _show_learnables_column(self) -> None:
        self._ensure_model(SQUEEZENET.spec, lambda: self._show_table(4))

    def _show_table(self, column: int | None) -> None:
        """The table readable from # and Name to the step's column; with ``column``, the first
        convolution's cell there is current."""
        self.main.reveal_layer_columns(column if column is not None else 2)
        if column is None:
            self.main.layers.focus_table()
        else:
            self.main.layers.focus_table(self._conv_key(0), column)
        self._land()

    # --- 2. filters -----------------------------------------------------------
    def _first_convolution(self) -> None:
        self._show_activations(0, native=False)

    def _third_convolution(self) -> None:
        self._show_activations(2, native=False)

    def _native_size(self) -> None:
        self._show_activations(2, native=True)

    def _show_activations(self, position: int, *, native: bool) -> None:
        tab = self.main.tab(ActivationsTab)

        def select() -> None:
            key = self._conv_key(position)
            tab.set_native_size(native)  # recomputes when it changes
            self.main.show_layer(key)
            self._when([tab.mosaic_shown], lambda: tab.shows_layer(key), self._land)

        self._ensure_model(lab_network().spec, lambda: self._ensure_flower(tab, select))

    # --- 3. fooling images ------------------------------------------------------
    def _fooling_image(self, net: LabNetwork):
        if self._fooling is not None and self._fooling[0] == net.spec:
            return self._fooling[1]
        return None

    def _grow_fooling(self, net: LabNetwork, then: Callable[[], None]) -> None:
        """Grow the fooling image with the flower open, so it has the flower's size and still
        fools the network when exercise 4 blends it into the flower."""
        tab = self.main.tab(AdversarialTab)

        def grow() -> None:
            before = tab.result

            def grown() -> bool:
                return tab.fooling_image() is not None and tab.result is not before

            def keep() -> None:
                self._fooling = (net.spec, tab.fooling_image())
                then()

            tab.grow_fooling(net.fool_class)
            self._when([tab.result_shown], grown, keep)

        self._ensure_flower(tab, grow)

    def _ensure_fooling(self, net: LabNetwork, then: Callable[[], None]) -> None:
        if self._fooling_image(net) is not None:
            then()
        else:
            self._grow_fooling(net, then)

    def _grow_fooling_step(self) -> None:
        net = lab_network()
        self._ensure_model(net.spec, lambda: self._grow_fooling(net, self._land))

    def _classify_fooling(self) -> None:
        net = lab_network()
        tab = self.main.tab(AdversarialTab)

        def classify() -> None:
            image = self._fooling_image(net)
            self.main.show_tab(tab)
            tab.show_mode(Mode.FOOL)
            tab.set_image(image, FOOLING_IMAGE_NAME, guess_person=False)  # noise: a person names nothing
            self._when([tab.classified], lambda: tab.image is image and not tab.classifying(),
                       self._land)

        self._ensure_model(net.spec, lambda: self._ensure_fooling(net, classify))

    # --- 4. blending ------------------------------------------------------------
    def _blended(self) -> bool:
        tab = self.main.tab(AdversarialTab)
        return (tab.curve is not None and tab.image is not None
                and same_file(tab.image_name, flower_path()))

    def _ensure_blend(self, net: LabNetwork, then: Callable[[], None]) -> None:
        tab = self.main.tab(AdversarialTab)
        if self._blended() and self._model_is(net.spec):
            self.main.show_tab(tab)
            tab.show_mode(Mode.BLEND)
            then()
            return

        def blend() -> None:  # a person says: flower
            tab.blend_with(self._fooling_image(net), person_says=net.flower_class)
            self._when([tab.result_shown], self._blended, then)

        def classified() -> None:  # the tab sets the person's label from the network's answer
            self._when([tab.classified], lambda: not tab.classifying(), blend)

        self._ensure_model(net.spec, lambda: self._ensure_fooling(
            net, lambda: self._ensure_flower(tab, classified)))

    def _blend(self) -> None:
        self._ensure_blend(lab_network(), self._land)

    def _blend_slider(self) -> None:
        def take() -> None:
            self.main.tab(AdversarialTab).show_blend_weight(0.0, focus=True)
            self._land()

        self._ensure_blend(lab_network(), take)

    def _blend_flip(self) -> None:
        net = lab_network()

        def flip() -> None:
            tab = self.main.tab(AdversarialTab)
            flip_alpha = tab.curve.flip_alpha
            if flip_alpha is None:
                tab.show_blend_weight(1.0)
                self._land(self.tr("With this noise the network keeps saying {0} all the way. "
                                   "Grow a fooling image with more steps and blend again.")
                           .format(net.flower_class))
                return
            tab.show_blend_weight(flip_alpha)
            self._land(self.tr("At {0} noise the network stops saying {1}.").format(
                percent(flip_alpha), net.flower_class))

        self._ensure_blend(net, flip)

    # --- 9. what do the filters want? -------------------------------------------
    def _first_features(self) -> None:
        self._grow_features(0)

    def _third_features(self) -> None:
        self._grow_features(2)

    def _grow_features(self, position: int) -> None:
        tab = self.main.tab(FeaturesTab)

        def grow() -> None:
            key = self._conv_key(position)
            self.main.show_tab(tab)
            self.main.show_layer(key)
            tab.grow_filters(key, steps=LAB_FEATURE_STEPS)
            self._when([tab.grown], lambda: tab.shows_result_for(key), self._land)

        self._ensure_model(lab_network().spec, grow)

    def _ask_strongest_tile(self) -> None:
        activations, features = self.main.tab(ActivationsTab), self.main.tab(FeaturesTab)

        def ask() -> None:
            key = self._conv_key(2)
            activations.select_channel(activations.mosaic.strongest_channel())
            features.limit_steps(LAB_FEATURE_STEPS)
            activations.ask_what_filter_wants()  # as its "What does this filter want?" button does
            self._when([features.grown], lambda: features.shows_result_for(key), self._land)

        def select() -> None:
            key = self._conv_key(2)
            activations.set_native_size(False)
            self.main.show_layer(key)
            self._when([activations.mosaic_shown], lambda: activations.shows_layer(key), ask)

        self._ensure_model(lab_network().spec, lambda: self._ensure_flower(activations, select))

    # --- 8. where does it look? ---------------------------------------------------
    def _explain_flower(self) -> None:
        tab = self.main.tab(ExplainTab)

        def explain() -> None:
            tab.set_method("gradcam")
            tab.choose_class(None)  # the network's answer
            tab.choose_class(None, second=True)
            tab.run_explain()
            self._when([tab.explained], lambda: bool(tab.results) and not tab.busy(), self._land)

        self._ensure_model(lab_network().spec, lambda: self._ensure_flower(tab, explain))

    def _explain_twin(self) -> None:
        adversarial, explain = self.main.tab(AdversarialTab), self.main.tab(ExplainTab)

        def explain_pair() -> None:
            explain.set_method("gradcam")
            adversarial.explain_changed()  # as its "Explain the changed image" button does
            self._when([explain.explained], lambda: len(explain.results) == 4 and not explain.busy(),
                       self._land)

        def attack() -> None:
            before = adversarial.result
            adversarial.attack_towards(None)
            self._when([adversarial.result_shown], lambda: adversarial.result is not before
                       and not adversarial.busy(), explain_pair)

        def classified() -> None:
            self._when([adversarial.classified], lambda: not adversarial.classifying(), attack)

        self._ensure_model(lab_network().spec, lambda: self._ensure_flower(adversarial, classified))

    # --- 5. style transfer -------------------------------------------------------
    def _paint_flower(self) -> None:
        self._paint(0)

    def _next_style(self) -> None:
        styles = [str(p) for p in style_images()]
        current = self.main.tab(StyleTab).style_name
        index = next((i for i, p in enumerate(styles) if same_file(p, current)), -1)
        self._paint(index + 1)

    def _paint(self, style_index: int) -> None:
        tab = self.main.tab(StyleTab)
        self.main.show_tab(tab)
        styles = [str(p) for p in style_images()]
        tab.paint(flower_path(), styles[style_index % len(styles)] if styles else None)
        self._when([tab.preview_shown, tab.finished], lambda: tab.busy() or tab.result is not None,
                   self._land)

    # --- 6. GAN --------------------------------------------------------------------
    def _gan_data(self) -> None:
        tab = self.main.tab(GanTab)
        self.main.show_tab(tab)
        if tab.is_training():
            self._land(self.tr("Training is running: the samples are on the right."))
            return
        tab.show_builtin_data()
        self._when([tab.dataset_shown], tab.has_data, self._land)

    def _gan_train(self) -> None:
        tab = self.main.tab(GanTab)
        self.main.show_tab(tab)
        tab.ensure_training()
        self._when([tab.state_changed], tab.is_training, self._land)

    # --- 7. train your own classifier -----------------------------------------------
    def _ensure_trained(self, then: Callable[[], None]) -> None:
        tab = self.main.tab(TrainTab)
        self.main.show_tab(tab)
        if tab.has_result():
            then()
            return
        tab.ensure_trained()
        self._when([tab.evaluation_shown], tab.has_result, then)

    def _train_classifier(self) -> None:
        self._ensure_trained(self._land)

    def _train_confused(self) -> None:
        tab = self.main.tab(TrainTab)

        def show() -> None:
            if not tab.show_confused_pair():
                self._when([tab.pictures_shown], None, lambda: self._land(self.tr(
                    "The model made no mistakes on its validation pictures: train on harder "
                    "classes, or with fewer epochs.")))
                return
            self._when([tab.pictures_shown],
                       lambda: tab.cell is not None and not tab.pictures_pending(), self._land)

        self._ensure_trained(show)

    def _train_mistake(self) -> None:
        tab = self.main.tab(TrainTab)
        activations = self.main.tab(ActivationsTab)

        def open_mistake() -> None:
            path = tab.write_first_mistake()
            if path is None:
                self._land(self.tr("The model made no mistakes on its validation pictures; "
                                   "its model is open in Activations."))
                return
            self.main.show_tab(activations)
            self.main.open_image(path)

            def select() -> None:
                key = self._conv_key(0)
                self.main.show_layer(key)
                self._when([activations.mosaic_shown], lambda: activations.shows_layer(key),
                           self._land)

            self._when([self.main.image_opened],
                       lambda: same_file(activations.image_name, path), select)

        def saved() -> None:
            if tab.is_model_saved():
                self._ensure_model(tab.saved_path, open_mistake)
                return
            tab.save_for_lab()
            self._when([self.main.workspace_ready],
                       lambda: tab.is_model_saved() and self._model_is(tab.saved_path),
                       open_mistake)

        self._ensure_trained(saved)
