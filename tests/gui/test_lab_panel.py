"""The Lab panel: every exercise step set up through the GUI, and each exercise's click count."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from neurolab.assets import style_images
from neurolab.gui.lab_panel import BUNDLED, SQUEEZENET, convolution_keys, flower_path, lab_network
from neurolab.gui.tabs.activations import ActivationsTab
from neurolab.gui.tabs.adversarial import AdversarialTab
from neurolab.gui.tabs.explain import ExplainTab
from neurolab.gui.tabs.gan import GanTab, RunState
from neurolab.gui.tabs.style import StyleTab
from neurolab.gui.tabs.train import TrainTab
from tests.gui.qt_helpers import click_step, started_window

STEP_TIMEOUT_MS = 120_000


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path / "data"))  # GAN checkpoints go here
    window = started_window(qtbot)  # a fresh start: own settings, the bundled model
    window.activateWindow()
    yield window
    window.runner.cancel_all()
    window.close()


def stop_jobs(qtbot, window) -> None:
    window.runner.cancel_all()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=STEP_TIMEOUT_MS)


def same(a: str, b: str) -> bool:
    import os

    return os.path.samefile(a, b)


@pytest.mark.slow(seconds=40)
def test_every_exercise_step_lands_in_its_state(qtbot, window):
    from neurolab.core.adversarial.fooling import FoolResult
    from neurolab.gui.tabs.adversarial import BLEND_STEPS

    panel, net = window.lab, lab_network()
    assert panel.isVisible()  # a first start opens the lab
    walked = set()

    # 1. Explore the network: SqueezeNet's table, then its Activations and Learnables cells.
    click_step(qtbot, window, "explore", 0)
    assert window.workspace.loaded.spec == "squeezenet" and window.layers_dock.isVisible()
    names = [window.layers.tree.topLevelItem(i).text(1) for i in range(5)]
    assert names[:3] == ["data", "conv1", "relu_conv1"]
    for step, column, title in ((1, 3, "Activations"), (2, 4, "Learnables")):
        click_step(qtbot, window, "explore", step)
        tree = window.layers.tree
        assert tree.currentItem().text(1) == "conv1" and tree.currentColumn() == column
        assert tree.headerItem().text(column) == title
    walked |= {("explore", 0), ("explore", 1), ("explore", 2)}

    # 2. What the filters see: the flower through the first and third convolution, then native.
    tab = window.tab(ActivationsTab)
    for step, position, native in ((0, 0, False), (1, 2, False), (2, 2, True)):
        click_step(qtbot, window, "filters", step)
        key = convolution_keys(window.workspace.analysis)[position]
        assert window.workspace.loaded.spec == net.spec
        assert window.tabs.currentWidget() is tab and same(tab.image_name, flower_path())
        assert tab.layer == key and window.layers.current_layer() == key
        assert tab.native_box.isChecked() is native
        assert key in tab.result.activations and tab.mosaic_view.image() is not None
        walked.add(("filters", step))
    height, width = tab.result.activations[key].shape[:2]
    assert (height, width) != tab.image.shape[:2]  # native size: the model's input, not the photo

    # 3. Fooling images: grow one for the lab's class, then classify it as a photo.
    adversarial = window.tab(AdversarialTab)
    click_step(qtbot, window, "fooling", 0)
    assert window.tabs.currentWidget() is adversarial and adversarial.modes.currentIndex() == 1
    assert isinstance(adversarial.result, FoolResult) and adversarial.result.label == net.fool_class
    fooling = adversarial.result.image
    assert adversarial.result_view.image() is not None
    click_step(qtbot, window, "fooling", 1)
    assert adversarial.image is fooling and adversarial.image_name == "what_is_it.png"
    assert adversarial.clean_top and adversarial.clean_bars.labels()
    question = panel.findChild(object, "lab_fooling_question")
    assert "resemble its class" in question.text()
    walked |= {("fooling", 0), ("fooling", 1)}

    # 4. Blend: the flower with the fooling noise, the slider, the weight where the answer flips.
    click_step(qtbot, window, "blend", 0)
    assert same(adversarial.image_name, flower_path()) and adversarial.modes.currentIndex() == 2
    assert adversarial.human_label.currentText() == net.flower_class
    curve = adversarial.curve
    assert curve is not None and curve.true_label == net.flower_class and len(curve.alphas) == 21
    assert adversarial.blend_plot.xs  # the chart is drawn
    click_step(qtbot, window, "blend", 1)
    assert adversarial.blend_slider.value() == 0
    assert adversarial.curve is curve  # the slider step reuses the curve: no new job
    click_step(qtbot, window, "blend", 2)
    expected = BLEND_STEPS if curve.flip_alpha is None else round(curve.flip_alpha * BLEND_STEPS)
    assert adversarial.blend_slider.value() == expected
    if curve.flip_alpha is not None:
        assert adversarial.result_bars.labels()[0] != net.flower_class
    walked |= {("blend", 0), ("blend", 1), ("blend", 2)}

    # 5. Style transfer: the flower in the first bundled style, then the next one (started, cancelled).
    style = window.tab(StyleTab)
    styles = [str(p) for p in style_images()]
    for step, index in ((0, 0), (1, 1)):
        click_step(qtbot, window, "style", step)
        assert window.tabs.currentWidget() is style and same(style.content_name, flower_path())
        assert same(style.style_name, styles[index % len(styles)])
        assert style.busy() and not style.start_button.isEnabled()
        stop_jobs(qtbot, window)
        walked.add(("style", step))

    # 6. GAN: the built-in data, then training (started, then cancelled).
    gan = window.tab(GanTab)
    click_step(qtbot, window, "gan", 0)
    assert window.tabs.currentWidget() is gan and gan.data_source == "builtin"
    assert gan.dataset is not None and gan.grid_view.image() is not None
    click_step(qtbot, window, "gan", 1)
    assert gan.state is RunState.TRAINING and gan.trainer is not None
    stop_jobs(qtbot, window)
    walked |= {("gan", 0), ("gan", 1)}

    # 7. Train: the built-in shapes (a short real run), the most confused pair, one of its mistakes.
    train = window.tab(TrainTab)
    train.set_training_epochs(2)
    click_step(qtbot, window, "train", 0)
    assert window.tabs.currentWidget() is train and train.has_result()
    click_step(qtbot, window, "train", 1)
    assert train.cell is not None and train.cell[0] != train.cell[1]  # a confused pair, not the diagonal
    click_step(qtbot, window, "train", 2)
    assert window.tabs.currentWidget() is tab and window.workspace.loaded.path == train.saved_path
    assert window.workspace.loaded.labels == train.result.classes
    walked |= {("train", 0), ("train", 1), ("train", 2)}

    # 8. Where does it look? Grad-CAM of the flower, then the flower and its adversarial twin.
    explain = window.tab(ExplainTab)
    click_step(qtbot, window, "explain", 0)
    assert window.tabs.currentWidget() is explain and explain.shown_labels() == [net.flower_class]
    click_step(qtbot, window, "explain", 1)
    assert len(explain.shown_labels()) == 4 and explain.shown_labels()[0] == net.flower_class
    walked |= {("explain", 0), ("explain", 1)}

    # 9. What do the filters want? conv1's and conv3's pictures, then the flower's strongest tile.
    from neurolab.gui.tabs.features import FeaturesTab

    features = window.tab(FeaturesTab)
    features.size_spin.setValue(24)  # quick: the exercise keeps the smaller of its steps and these
    features.steps_spin.setValue(3)
    for step in range(3):
        click_step(qtbot, window, "features", step)
        assert window.tabs.currentWidget() is features and features.grid is not None
    assert features.back_button.isVisible() and features.result.channels[features.channel] == \
        window.tab(ActivationsTab).mosaic.strongest_channel()
    walked |= {("features", 0), ("features", 1), ("features", 2)}

    every = {(e.key, i) for e in panel.exercise_list for i in range(len(e.steps))}
    assert walked == every  # no step left unchecked


def _toolbox_buttons(panel) -> list[QAbstractButton]:
    return [b for b in panel.toolbox.findChildren(QAbstractButton)
            if b.objectName() == "qt_toolbox_toolboxbutton"]


def _reach(qtbot, window, index: int) -> int:
    """Open exercise ``index``'s first set-up as a user would; the clicks it took."""
    panel, clicks = window.lab, 0
    if not panel.isVisible():
        qtbot.keyClick(window, Qt.Key_L, Qt.ControlModifier)  # View ▸ Lab's shortcut
        if not panel.isVisible():  # no keyboard focus in this session: use the menu entry
            window.lab_action.trigger()
        clicks += 1
    assert panel.isVisible()
    if panel.toolbox.currentIndex() != index:
        qtbot.mouseClick(_toolbox_buttons(panel)[index], Qt.LeftButton)
        clicks += 1
    assert panel.toolbox.currentIndex() == index
    exercise = panel.exercise_list[index]
    qtbot.mouseClick(panel.buttons[(exercise.key, 0)], Qt.LeftButton)
    return clicks + 1


def test_each_exercise_is_at_most_three_clicks_from_a_fresh_start(qtbot, monkeypatch):
    from neurolab.gui.app import create_window

    calls = []
    for restart in range(2):  # first start: the lab is open; then closed, and remembered so
        window = create_window()
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        panel = window.lab
        monkeypatch.setattr(panel, "run_step", lambda key, step: calls.append((key, step)))
        assert panel.isVisible() is (restart == 0)
        for index, exercise in enumerate(panel.exercise_list):
            if restart:
                panel.hide()  # a user who closed the lab
            panel.toolbox.setCurrentIndex(0)
            clicks = _reach(qtbot, window, index)
            assert calls[-1] == (exercise.key, 0)
            assert clicks <= (3 if restart else 2), (exercise.key, clicks)
        panel.hide()
        window.close()
    assert len(calls) == 2 * len(window.lab.exercise_list)


def test_the_lab_network_is_squeezenet_once_its_weights_are_here(monkeypatch):
    from neurolab.core.models.catalog import ModelEntry
    from neurolab.gui import lab_panel

    def entries(ready):
        return lambda: [ModelEntry("shapes", "shapes", "bundled", [64, 64, 3], 10, True, True),
                        ModelEntry("squeezenet", "SqueezeNet", "built-in", [227, 227, 3], 1000,
                                   ready_offline=ready)]

    monkeypatch.setattr(lab_panel, "list_models", entries(False))
    assert lab_panel.lab_network() is BUNDLED
    monkeypatch.setattr(lab_panel, "list_models", entries(True))
    assert lab_panel.lab_network() is SQUEEZENET
    assert (SQUEEZENET.flower_class, SQUEEZENET.fool_class) == ("daisy", "flamingo")


def test_a_language_switch_rebuilds_the_panel_texts(qtbot):
    from neurolab.gui.app import create_window

    window = create_window()
    qtbot.addWidget(window)
    panel = window.lab

    def texts():
        return ([panel.toolbox.itemText(i) for i in range(panel.toolbox.count())],
                [button.text() for button in panel.buttons.values()])

    before = texts()
    panel.toolbox.setItemText(0, "")
    panel.buttons[("explore", 0)].setText("")
    panel.retranslate_ui()  # what View ▸ Language calls on every widget that has it
    after = texts()
    assert after == before and panel.windowTitle() == "Lab"
    window.close()
