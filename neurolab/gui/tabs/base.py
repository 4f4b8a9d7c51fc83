"""The tab contract: what every tab offers the window, the screenshot verb and the Lab.

The window knows its tabs only through this class and the list in
``gui/tabs/__init__.py``: it adds each to the tab widget with a View action
(Ctrl+1…N), passes it the model and the images, shows its sentences, saves and
restores its settings and says its title again after a language switch. The
screenshot verb runs each tab's default job; the Lab panel calls the verbs a
tab adds for its exercises (``ActivationsTab.set_native_size``,
``AdversarialTab.blend_with``, ``GanTab.ensure_training``...). Nobody outside a
tab touches its child widgets or its ``_members``. Every method here but
:meth:`Tab.tab_title` has a default that does nothing, so a new tab implements
only what it uses; a plain base class rather than an ABC, whose metaclass does
not mix with Qt's.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
from PySide6.QtCore import QPoint, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


class Tab(QWidget):
    """One tab of the window, built with the window's ``JobRunner``."""

    #: A name that never changes with the language: the screenshot's file name
    #: (``en-1366x768-tab3-style-transfer.png``).
    key: ClassVar[str] = ""
    #: The settings keys the tab writes in :meth:`save_state` (a settings file holding keys
    #: that neither the window nor a tab writes counts as damaged).
    settings_keys: ClassVar[frozenset[str]] = frozenset()
    #: An image opened while this tab is shown is for this tab; otherwise it goes to the
    #: first tab of the list, which takes the start-up image too.
    takes_images: ClassVar[bool] = False
    #: A folder dropped on the window (or named on the command line) opens in this tab.
    takes_folders: ClassVar[bool] = False
    #: ``explain_pair`` shows a photo and its changed twin explained (the Explain tab).
    explains: ClassVar[bool] = False
    #: ``show_features`` shows what a filter of the activation mosaic wants (the Features tab).
    shows_features: ClassVar[bool] = False

    error = Signal(str)  # a sentence for the error bar (core's English ones are translated there)
    message = Signal(str)  # a sentence for the status bar
    open_image_requested = Signal()  # the tab's "Open image…": the window's dialog opens
    view_ready = Signal()  # what the tab shows for its model and image is on screen
    open_model_requested = Signal(str)  # a model file the tab wrote (Train's Save): the window opens it
    #: a photo and its changed twin to explain (an ``explain.ExplainRequest``): the window shows the
    #: tab that ``explains`` and calls its ``explain_pair``
    explain_requested = Signal(object)
    #: a filter to visualise (a ``features.FeatureRequest``: layer, channel, the tab to go back to):
    #: the window shows the tab that ``shows_features`` and calls its ``show_features``
    features_requested = Signal(object)
    #: a tab's way back (the Features tab's *Back to activations*): the window shows the tab of that key
    show_tab_requested = Signal(str)
    #: the current photo's activations, every layer (an ``ActivationResult``; the Activations tab):
    #: the window's graph pane makes its thumbnails from them
    activations_computed = Signal(object)

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner

    # --- what the window shows of it -------------------------------------------
    def tab_title(self) -> str:
        """The tab's title in the window's language (``self.tr(...)``; asked again after a
        language switch)."""
        raise NotImplementedError(f"{type(self).__name__} has no title")

    def file_actions(self) -> list[QAction]:
        """Actions this tab adds to the File menu, whatever tab is shown (with shortcuts)."""
        return []

    def retranslate_ui(self) -> None:
        """After a language switch: the texts a lookup of the old language cannot say again
        (composed sentences, numbers in the language's format). Called by
        ``gui.retranslate`` on every widget that has it."""

    # --- what the window hands it ------------------------------------------------
    def set_workspace(self, workspace) -> None:
        """A model is open (``core.workspace.Workspace``)."""

    def set_models(self, entries: list[tuple[str, str]]) -> None:
        """The models the window can open, as (name or path, text in the window's language)."""

    def set_layer(self, key: str) -> None:
        """The layer picked in the Network table."""

    def wants_layer(self) -> bool:
        """True when the tab would show a layer but has none: the window picks the first
        convolution."""
        return False

    def set_image(self, image: np.ndarray, name: str) -> None:
        """An image opened for this tab (only called when :attr:`takes_images`)."""

    def offer_image(self, image: np.ndarray, name: str) -> None:
        """An image opened for another tab; a tab with an empty slot may take it too."""

    def open_folder(self, folder: str) -> None:
        """A folder dropped on the window (only called when :attr:`takes_folders`)."""

    def claims_folder(self, folder: str) -> bool:
        """True when a folder of this shape is this tab's (dropped on a tab that takes no
        folders, the window asks each tab that does; the first that claims it gets it)."""
        return False

    def wants_drop(self, point: QPoint) -> bool:
        """True when a file dropped at ``point`` (this tab's coordinates) belongs to a slot of
        this tab rather than to the window's "open"."""
        return False

    def drop(self, path: str, point: QPoint) -> None:
        """Open ``path`` in the slot at ``point`` (after :meth:`wants_drop` said yes)."""

    # --- jobs ------------------------------------------------------------------------
    def explain_pair(self, request) -> None:
        """Explain a photo and its changed twin (only a tab that ``explains``)."""

    def show_features(self, request) -> None:
        """Visualise the filter a mosaic tile asked about (only a tab that ``shows_features``)."""

    def busy(self) -> bool:
        """A job of this tab is queued or running, or a result is still being put on screen in
        steps (the Train tab's evaluation); the screenshot verb waits for it."""
        return False

    def run_default_job(self) -> None:
        """Start what the screenshot verb shows this tab after (an attack, a transfer, a short
        training); the verb then waits until every job has ended."""

    def set_training_epochs(self, epochs: int) -> None:
        """Train ``epochs`` from now on, if this tab trains (the screenshot verb's short runs)."""

    # --- saving ----------------------------------------------------------------------
    def computed_in(self) -> str:
        """The precision the tab's latest computing job ran in (its ``LatestJob``s, what each
        job noted: :attr:`neurolab.gui.worker.JobHandle.precision`); float32 before any."""
        from neurolab.gui.worker import LatestJob

        delivered = [job.computed for job in self.findChildren(LatestJob) if job.computed is not None]
        return max(delivered)[1] if delivered else "float32"

    def with_precision(self, payload: dict) -> dict:
        """``payload`` with ``precision``: what it was computed in, as the command line's ``--json``
        says it (a result that knows its own precision keeps it). Every tab's *Save* adds it here."""
        return {**payload, "precision": payload.get("precision") or self.computed_in()}

    def save_json_beside(self, payload: dict, image_path: str) -> str:
        """Write a result's JSON (:meth:`with_precision`) beside its saved image
        (``core.results.save_json_beside``); the JSON's path."""
        from neurolab.core.results import save_json_beside

        return save_json_beside(self.with_precision(payload), image_path)

    # --- settings and closing ------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        """Write the tab's settings (the keys in :attr:`settings_keys`) when the window closes."""

    def restore_state(self, settings: QSettings) -> None:
        """Read back what :meth:`save_state` wrote; missing or odd values mean defaults."""

    def save_on_close(self) -> None:
        """The window closes and the job thread has stopped: keep what would be lost (a
        training's last steps)."""
