"""The left panel: model picker, the layer tree (MATLAB analyzeNetwork columns), totals."""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurolab.core.formatting import format_dims
from neurolab.gui.core_texts import count_text, layer_type, learnables_text, model_text, phrase_text
from neurolab.gui.graph_pane import GraphPane

KEY_ROLE = Qt.UserRole + 1
NATIVE_ONLY_COLOUR = QColor(150, 150, 150)
FROZEN_COLUMNS = 2  # # and Name stay in view while the table scrolls sideways


class FrozenColumns(QTreeView):
    """# and Name drawn over the table's left edge once it scrolls sideways (Qt's frozen-column
    pattern): the same rows and selection, so a student always sees which layer a row is."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree
        self.setObjectName("frozenLayerNames")
        self.setModel(tree.model())
        self.setSelectionModel(tree.selectionModel())
        self.setFocusPolicy(Qt.NoFocus)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setStyleSheet("QTreeView#frozenLayerNames { border: none; "
                           "border-right: 1px solid palette(mid); }")
        self.header().setSectionResizeMode(QHeaderView.Fixed)
        self.header().setStretchLastSection(False)
        tree.header().sectionResized.connect(lambda *_: self.follow())
        tree.horizontalScrollBar().valueChanged.connect(lambda *_: self.follow())
        tree.horizontalScrollBar().rangeChanged.connect(lambda *_: self.follow())
        tree.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(tree.verticalScrollBar().setValue)
        tree.expanded.connect(self.expand)
        tree.collapsed.connect(self.collapse)
        self.expanded.connect(tree.expand)
        self.collapsed.connect(tree.collapse)
        tree.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.tree and event.type() == QEvent.Resize:
            self.follow()
        return False

    def follow(self) -> None:
        """Same columns, rows and place as the table; shown only while it is scrolled sideways."""
        tree = self.tree
        header = tree.header()
        for column in range(header.count()):
            self.setColumnHidden(column, column >= FROZEN_COLUMNS)
            if column < FROZEN_COLUMNS:
                self.setColumnWidth(column, header.sectionSize(column))
        self.setIndentation(tree.indentation())
        self.setRootIsDecorated(tree.rootIsDecorated())
        width = sum(header.sectionSize(c) for c in range(FROZEN_COLUMNS)) + 1
        frame = tree.frameWidth()
        self.setGeometry(frame, frame, width, tree.viewport().height() + header.height())
        self.verticalScrollBar().setValue(tree.verticalScrollBar().value())
        scrolled = tree.horizontalScrollBar().value() > 0
        self.setVisible(scrolled and width < tree.viewport().width())

    def sync_expansion(self) -> None:
        """After the table is filled again: the same rows open."""
        model = self.model()

        def walk(parent) -> None:
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                self.setExpanded(index, self.tree.isExpanded(index))
                walk(index)

        walk(self.rootIndex())
        self.follow()



class LayerPanel(QWidget):
    """Lists models to open and the layers of the open one; emits the user's choices."""

    model_requested = Signal(str)
    open_model_file_requested = Signal()
    layer_selected = Signal(str)  # layer key (parent/name for nested layers)
    download_requested = Signal()

    COLUMNS = ("#", "Name", "Type", "Activations", "Learnables", "Parameters", "Description")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.picker = QComboBox()
        self.picker.setObjectName("modelPicker")
        self.picker.setToolTip(self.tr("The network to explore"))
        self.picker.activated.connect(self._on_picked)
        self.open_button = QPushButton(self.tr("Open file…"))
        self.open_button.setToolTip(self.tr("Open a .keras or .h5 model file"))
        self.open_button.clicked.connect(self.open_model_file_requested)
        self.status = QLabel(self.tr("Loading TensorFlow…"))
        self.status.setObjectName("modelStatus")
        self.status.setWordWrap(True)
        self.download_button = QPushButton(self.tr("Download ImageNet weights"))
        self.download_button.setObjectName("downloadButton")
        self.download_button.setToolTip(self.tr("Fetch the trained weights once into Keras's cache; "
                                                "afterwards the model works offline"))
        self.download_button.clicked.connect(self.download_requested)
        self.download_button.hide()
        self.tree = QTreeWidget()
        self.tree.setObjectName("layerTree")
        self.tree.setColumnCount(len(self.COLUMNS))
        self._set_header_texts()
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        # Seven columns never fit a side panel: the table scrolls sideways by design (exercise 1
        # pops it out whole), so the clipped-text check accepts its horizontal scroll bar.
        self.tree.setProperty("allowHorizontalScroll", True)
        self.tree.itemSelectionChanged.connect(self._on_selection)
        self.frozen = FrozenColumns(self.tree)
        # How pixels become the network's input, above the table (whose input row says it too),
        # with the button that changes it (the window gives it the Model ▸ Preprocessing menu).
        self.preprocessing_label = QLabel()
        self.preprocessing_label.setObjectName("preprocessingLabel")
        self.preprocessing_label.setWordWrap(True)
        self.preprocessing_button = QToolButton()
        self.preprocessing_button.setObjectName("preprocessingButton")
        self.preprocessing_button.setPopupMode(QToolButton.InstantPopup)
        self.preprocessing_button.setEnabled(False)
        self._preprocessing = None
        self._set_preprocessing_texts()
        self.summary = QLabel()
        self.summary.setObjectName("modelSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)

        # The picker has a row of its own: its items ("VGG16 — needs download (528 MB)") are long.
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.download_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.picker)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        preprocessing = QHBoxLayout()
        preprocessing.addWidget(self.preprocessing_label, 1)
        preprocessing.addWidget(self.preprocessing_button)
        layout.addLayout(preprocessing)
        # The graph under the table (issue #19): the splitter's sizes and the graph's being shown
        # are the window's settings (View ▸ Layer graph).
        self.graph = GraphPane()
        self.graph.layer_clicked.connect(self.select_layer)
        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.setObjectName("layerSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.graph)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.summary)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._analysis = None
        self._downloads_forbidden = False

    def _set_header_texts(self) -> None:
        self.tree.setHeaderLabels([self._column_title(c) for c in self.COLUMNS])
        self._set_header_tooltips()

    def retranslate_ui(self) -> None:
        """After a language switch: headers, layer types and descriptions, the summary."""
        self._set_header_texts()
        self._set_preprocessing_texts()  # the graph pane retranslates itself (it has retranslate_ui)
        if self._analysis is not None:
            current = self.current_layer()
            self.set_analysis(self._analysis, graph=False)
            if current:
                self.tree.blockSignals(True)  # the same layer stays selected: nothing to recompute
                self.select_layer(current)
                self.tree.blockSignals(False)

    def _column_title(self, column: str) -> str:
        titles = {"#": "#", "Name": self.tr("Name"), "Type": self.tr("Type"),
                  "Activations": self.tr("Activations"), "Learnables": self.tr("Learnables"),
                  "Parameters": self.tr("Parameters"), "Description": self.tr("Description")}
        return titles[column]

    def _set_header_tooltips(self) -> None:
        tips = [
            self.tr("Position of the layer in the network, counting the input as 1."),
            self.tr("The layer's name; click it to see its activations."),
            self.tr("What kind of layer it is, in MATLAB's words."),
            self.tr("Size of what the layer outputs for one image: height × width × channels."),
            self.tr("The values the layer learns during training, with their shapes."),
            self.tr("How many numbers the layer stores (learnt and fixed)."),
            self.tr("What the layer does, with its settings."),
        ]
        header = self.tree.headerItem()
        for column, tip in enumerate(tips):
            header.setToolTip(column, tip)

    # --- models -----------------------------------------------------------
    def set_models(self, entries: list[tuple[str, str]], current: str | None = None) -> None:
        """``entries`` are (registry name or path, display text)."""
        self.picker.blockSignals(True)
        self.picker.clear()
        for name, text in entries:
            self.picker.addItem(text, name)
        self._fit_picker_list()
        if current is not None:
            self.select_model(current)
        self.picker.blockSignals(False)

    def _fit_picker_list(self) -> None:
        """The drop-down list as wide as its longest item, whatever the dock's width."""
        metrics = self.picker.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.picker.itemText(i))
                      for i in range(self.picker.count())), default=0)
        self.picker.view().setMinimumWidth(widest + 40)

    def select_model(self, name: str, display: str | None = None) -> None:
        index = self.picker.findData(name)
        if index < 0:  # a model file: its name shown, its whole path on hover
            self.picker.addItem(display or os.path.basename(name) or name, name)
            index = self.picker.count() - 1
            self.picker.setItemData(index, name, Qt.ToolTipRole)
            self._fit_picker_list()
        self.picker.blockSignals(True)
        self.picker.setCurrentIndex(index)
        self.picker.blockSignals(False)

    def _on_picked(self, index: int) -> None:
        self.model_requested.emit(self.picker.itemData(index))

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    # --- preprocessing ------------------------------------------------------
    def set_preprocessing_menu(self, menu) -> None:
        """The window's Model ▸ Preprocessing menu, opened by the button beside the table."""
        self.preprocessing_button.setMenu(menu)

    def set_preprocessing(self, phrase) -> None:
        """Show how the open model's pixels are scaled (a core phrase; None: no model)."""
        self._preprocessing = phrase
        self.preprocessing_button.setEnabled(phrase is not None)
        self._set_preprocessing_texts()

    def _set_preprocessing_texts(self) -> None:
        self.preprocessing_button.setText(self.tr("Change"))
        self.preprocessing_button.setToolTip(self.tr("How pixel values (0–255) are scaled before the network "
                                                     "sees them; the choice is remembered for this model"))
        self.preprocessing_label.setText(
            self.tr("Input: {0}").format(phrase_text(self._preprocessing)) if self._preprocessing is not None
            else self.tr("Input: –"))

    # --- the weights download -----------------------------------------------
    def offer_download(self, offered: bool) -> None:
        """Show the download button (SqueezeNet or a Keras Application opened without its weights) or not."""
        self.download_button.setVisible(offered)

    def set_downloading(self, downloading: bool) -> None:
        """One download at a time: the button waits while one runs."""
        self.download_button.setEnabled(not downloading and not self._downloads_forbidden)

    def forbid_downloads(self, reason: str) -> None:
        """Kiosk mode: the button stays greyed out, its tooltip says why."""
        self._downloads_forbidden = True
        self.download_button.setEnabled(False)
        self.download_button.setToolTip(reason)

    # --- layers -----------------------------------------------------------
    def set_analysis(self, analysis, *, graph: bool = True) -> None:
        """Fill the tree from a ``core.inspection.analysis.ModelAnalysis``; nested models expand.

        Types, descriptions and learnables' names are shown in the window's language;
        layer names and class names as the model gives them. ``graph``: lay out its graph too.
        """
        self._analysis = analysis
        if graph:
            self.graph.set_analysis(analysis)
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()
        parents: dict[str, QTreeWidgetItem] = {}
        for row in analysis.layers:
            key = f"{row.parent}/{row.name}" if row.parent else row.name
            description = phrase_text(row.description_phrase) if row.description_phrase.template \
                else row.description
            item = QTreeWidgetItem([str(row.index), row.name, layer_type(row.type),
                                    format_dims(row.activations), learnables_text(row.learnables),
                                    count_text(row.params), description])
            item.setData(0, KEY_ROLE, key)
            item.setToolTip(1, f"{row.name} ({row.class_name})")
            item.setToolTip(6, description)
            if row.native_only:
                for column in range(len(self.COLUMNS)):
                    item.setForeground(column, QBrush(NATIVE_ONLY_COLOUR))
                    item.setToolTip(column, self.tr("Needs the model's native input size: "
                                                    "activations use the image resized to it."))
            container = parents.get(row.parent) if row.parent else None
            if container is not None:
                container.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            parents[key] = item
            parents.setdefault(row.name, item)
            self._items[key] = item
        self.tree.expandToDepth(0)
        for column in range(len(self.COLUMNS) - 1):  # the description may run on
            self.tree.resizeColumnToContents(column)
        self.tree.blockSignals(False)
        self.frozen.sync_expansion()
        lines = [self.tr("Total parameters: {0}").format(count_text(analysis.total_params))]
        phrases = {str(p): p for p in analysis.warning_phrases}
        lines += [phrase_text(phrases[w]) if w in phrases else model_text(w) for w in analysis.warnings]
        self.summary.setText("\n".join(lines))

    def clear(self) -> None:
        self._analysis = None
        self.graph.clear()
        self.tree.clear()
        self._items.clear()
        self.summary.clear()

    def width_for_columns(self, last: int) -> int:
        """The panel's width that shows columns 0..``last`` whole (frame and scroll bar too)."""
        header = self.tree.header()
        columns = header.sectionPosition(last) + header.sectionSize(last)
        overhead = self.width() - self.tree.viewport().width()
        return columns + max(overhead, 40) + 4

    def select_layer(self, key: str, *, announce: bool = True) -> bool:
        """Make ``key`` the current row; ``announce=False``: without telling the tabs (they have it)."""
        item = self._items.get(key)
        if item is None:
            return False
        self.tree.blockSignals(not announce)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self.tree.scrollToItem(item)
        if not announce:
            self.graph.select_layer(key)
        return True

    def focus_table(self, key: str | None = None, column: int = 1) -> None:
        """Focus on the table with # and Name in view; with ``key``, that layer's cell in
        ``column`` is current (the Lab points at a layer's Activations or Learnables), scrolled
        down to it but never sideways past the names."""
        if key is not None and self.select_layer(key):
            item = self._items[key]
            self.tree.setCurrentItem(item, column)
            self.tree.scrollToItem(item)
        self.show_names()
        self.tree.setFocus()

    def show_names(self) -> None:
        """Scroll the table back to its first columns: # and Name in view."""
        self.tree.horizontalScrollBar().setValue(0)

    def current_layer(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KEY_ROLE) if item is not None else None

    def layer_keys(self) -> list[str]:
        return list(self._items)

    def _on_selection(self) -> None:
        key = self.current_layer()
        self.graph.select_layer(key)
        if key:
            self.layer_selected.emit(key)

    # --- the graph pane (the window's verbs for it) ------------------------------
    def show_graph(self, shown: bool) -> None:
        self.graph.setVisible(shown)

    def graph_shown(self) -> bool:
        return self.graph.isVisibleTo(self)

    def graph_building(self) -> bool:
        """The graph is still being laid out or drawn (it is built over idle turns)."""
        return self.graph.building()

    def find_layer(self) -> None:
        """Ctrl+F: the graph's search field focused, its text selected."""
        self.graph.focus_search()

    def find_next(self, step: int = 1) -> str | None:
        return self.graph.find_next(step)

    def export_graph(self, path: str) -> None:
        self.graph.export(path)

    def show_activations(self, result, runner) -> None:
        """The current photo's activations: the graph's thumbnails (a job on ``runner``)."""
        self.graph.show_activations(result, runner)

    def split_state(self):
        return self.splitter.saveState()

    def restore_split(self, state) -> None:
        """The table above the graph as the user left them (first start: the table a little taller)."""
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([560, 440])

    def table_rows(self) -> list[list[str]]:
        """The table's cells as shown (the window's language), a nested layer named by its key:
        File ▸ Export layer table writes these."""
        rows = []
        for key, item in self._items.items():
            cells = [item.text(column) for column in range(len(self.COLUMNS))]
            cells[1] = key
            rows.append(cells)
        return rows

    def column_titles(self) -> list[str]:
        return [self._column_title(c) for c in self.COLUMNS]
