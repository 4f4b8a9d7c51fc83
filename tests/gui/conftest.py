"""GUI fixtures: fail any test that leaves a job thread running (napari's guard); every test
here is marked ``gui`` (``pytest -m "not gui"`` runs the headless ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    """Mark this folder's tests ``gui`` (the hook sees every collected item, so filter by path)."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _no_dangling_job_threads(qapp):
    yield
    from neurolab.gui.worker import live_runners

    leftover = live_runners()
    for runner in leftover:
        runner.shutdown()
    assert not leftover, f"{len(leftover)} job thread(s) left running by this test"


@pytest.fixture
def czech(qapp):
    """The Czech translation installed for this test, removed after it."""
    from neurolab.gui.language import install_translator, remove_translators

    assert install_translator(qapp, "cs") is not None
    yield
    remove_translators(qapp)


@pytest.fixture
def english(qapp):
    """No translation: the English sources."""
    from neurolab.gui.language import remove_translators

    remove_translators(qapp)
    yield
    remove_translators(qapp)


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    """A small CNN saved as .keras, shared by a module's window tests."""
    from tests.helpers import small_cnn

    path = tmp_path_factory.mktemp("models") / "small.keras"
    small_cnn().save(path)
    return str(path)


@pytest.fixture
def window(qtbot, model_file):
    """A started window on ``model_file`` (its first mosaic shown), closed after the test."""
    from tests.gui.qt_helpers import started_window

    window = started_window(qtbot, model_file)
    yield window
    window.close()


@pytest.fixture(scope="module")
def flower_file(tmp_path_factory):
    """A drawn flower photo (96 px) the bundled model calls "flower"."""
    from PIL import Image

    from neurolab.core.models.bundled.shapes_data import CLASSES, make_dataset

    images, labels = make_dataset(4, size=96, seed=321)
    flower = images[list(labels).index(CLASSES.index("flower"))]
    path = tmp_path_factory.mktemp("img") / "flower.png"
    Image.fromarray(flower).save(path)
    return str(path)


@pytest.fixture
def adversarial_tab(qtbot, flower_file):
    """A window on the bundled model and the flower, its Adversarial tab shown and classified."""
    from neurolab.gui.app import create_window
    from neurolab.gui.tabs.adversarial import AdversarialTab

    window = create_window(model="shapes", image=flower_file)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.tab(AdversarialTab))
    with qtbot.waitSignal(window.tab(AdversarialTab).classified, timeout=120_000):
        window.start()
    yield window.tab(AdversarialTab)
    window.close()


@pytest.fixture
def gan_tab(qtbot, tmp_path, monkeypatch):
    """A GAN tab on its own runner, small networks, 64 built-in pictures (4 steps an epoch)."""
    from neurolab.core.gan.data import builtin_dataset
    from neurolab.gui.tabs.gan import GanTab
    from neurolab.gui.worker import JobRunner

    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path / "data"))
    runner = JobRunner()
    tab = GanTab(runner)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    tab.batch.setValue(16)
    tab.latent.setValue(16)
    tab._on_dataset(builtin_dataset(n=64))
    yield tab
    assert runner.shutdown()
