"""The window's tabs, in the order they appear: the one list the window, the screenshot verb
and the Lab panel loop over. Adding a tab is a new file here plus one line in ``TABS``
(see ``base.Tab`` for what a tab offers, and docs/ARCHITECTURE.md)."""

from __future__ import annotations

from neurolab.gui.tabs.activations import ActivationsTab
from neurolab.gui.tabs.adversarial import AdversarialTab
from neurolab.gui.tabs.base import Tab
from neurolab.gui.tabs.explain import ExplainTab
from neurolab.gui.tabs.features import FeaturesTab
from neurolab.gui.tabs.gan import GanTab
from neurolab.gui.tabs.style import StyleTab
from neurolab.gui.tabs.train import TrainTab

#: The first tab takes the start-up image (and any image opened on a tab that takes none).
TABS: tuple[type[Tab], ...] = (ActivationsTab, AdversarialTab, StyleTab, GanTab, TrainTab, ExplainTab,
                               FeaturesTab)


def tab_classes() -> tuple[type[Tab], ...]:
    """The tabs, read when asked (a test may add one to ``TABS``)."""
    return TABS
