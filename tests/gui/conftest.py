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
