"""Every job the window runs: Cancel makes the window idle within 1 s; a failing job is a message.

One window on the bundled model; each job is started the way its button
starts it and cancelled inside its first step (tracing, or one long forward
pass: the steps that cannot be interrupted) or, for GAN training, mid-run.
"""

from __future__ import annotations

import time

import pytest

from neurolab.gui.tabs.activations import ActivationsTab
from neurolab.gui.tabs.adversarial import AdversarialTab
from neurolab.gui.tabs.gan import GanTab
from neurolab.gui.tabs.style import StyleTab
from tests.helpers import photo

CANCEL_WITHIN_S = 1.0


@pytest.fixture(autouse=True)
def _no_dangling_job_threads(request):
    """This module shares one window: only its runner may outlive a test (conftest's guard)."""
    yield
    from neurolab.gui.worker import live_runners

    shared = request.getfixturevalue("window").runner
    leftover = [runner for runner in live_runners() if runner is not shared]
    for runner in leftover:
        runner.shutdown()
    assert not leftover, f"{len(leftover)} job thread(s) left running by this test"


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    import os

    from neurolab.gui.app import create_window

    os.environ["NEUROLAB_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    window = create_window()
    window.show()
    window.start()
    deadline = time.monotonic() + 120
    while window.workspace is None or window.runner.busy:  # the bundled model and the sample
        qapp.processEvents()
        assert time.monotonic() < deadline, "the window did not start"
    yield window
    window.close()
    assert not window.runner.is_running()
    os.environ.pop("NEUROLAB_DATA_DIR", None)


def _activations(window):
    window.tabs.setCurrentWidget(window.tab(ActivationsTab))
    window.tab(ActivationsTab).set_image(photo(1200, 1600), "big.png")


def _classify(window):
    window.tab(AdversarialTab).set_image(photo(300, 400), "photo.png") if hasattr(
        window.tab(AdversarialTab), "set_image") else None
    window.tab(AdversarialTab).classify_clean()


def _attack(window):
    window.tab(AdversarialTab).steps.setValue(500)
    window.tab(AdversarialTab).run_attack()


def _fool(window):
    tab = window.tab(AdversarialTab)
    tab.fool_steps.setValue(500)
    tab.fool_target.setCurrentIndex(1)
    tab.run_fool()


def _blend(window):
    tab = window.tab(AdversarialTab)
    tab.noise = photo(227, 227, seed=3)
    tab._start_blend()


def _style(window):
    tab = window.tab(StyleTab)
    tab.steps.setValue(500) if hasattr(tab, "steps") else None
    tab.start()


def _gan(window):
    window.tab(GanTab).epochs.setValue(100)
    window.tab(GanTab).start()


def _explain(window):
    from neurolab.gui.tabs.explain import ExplainTab

    tab = window.tab(ExplainTab)
    window.show_tab(tab)
    tab.set_image(photo(600, 800), "photo.png")
    tab.set_method("smoothgrad")
    tab.samples_spin.setValue(500)
    tab.explain_button.click()


def _features(window):
    from neurolab.gui.tabs.features import FeaturesTab

    tab = window.tab(FeaturesTab)
    window.show_tab(tab)
    window.show_layer("conv4")
    tab.size_spin.setValue(160)
    tab.steps_spin.setValue(2000)
    tab.start_button.click()


def _dream(window):
    from neurolab.gui.tabs.features import FeaturesTab

    tab = window.tab(FeaturesTab)
    window.show_tab(tab)
    tab.set_image(photo(900, 1200), "photo.png")
    tab.set_mode("dream")
    window.show_layer("conv4")
    tab.dream_steps_spin.setValue(500)
    tab.start_button.click()


def _model(window):
    from neurolab.core.models.catalog import bundled_model_path

    window.open_model(str(bundled_model_path()))


JOBS = {"activations": _activations, "classify": _classify, "attack": _attack, "fool": _fool,
        "blend": _blend, "style transfer": _style, "GAN training": _gan, "explain": _explain,
        "features": _features, "dream": _dream, "model": _model}


@pytest.mark.parametrize("job", [pytest.param(job, marks=pytest.mark.slow) if job == "GAN training"
                                 else job for job in JOBS])  # GAN: its data and first steps first
def test_cancel_makes_the_window_idle_within_a_second(qtbot, window, job):
    runner = window.runner
    qtbot.waitUntil(lambda: not runner.busy, timeout=60_000)
    working = []

    def watch(handle):
        handle.started.connect(lambda: working.append(("started", handle.name)))
        handle.progressed.connect(lambda _event: working.append(("progress", handle.name)))

    runner.submitted.connect(watch)
    try:
        JOBS[job](window)
        if job == "GAN training":  # data and networks first; then training steps
            qtbot.waitUntil(lambda: window.tab(GanTab).trainer is not None
                            and window.tab(GanTab).trainer.step > 0, timeout=120_000)
        else:
            qtbot.waitUntil(lambda: bool(working), timeout=60_000)  # inside its first step
        assert runner.busy, f"the {job} job ended before it could be cancelled"
        started = time.perf_counter()
        window.cancel_button.click()
        qtbot.waitUntil(lambda: not runner.busy and not window.cancel_button.isVisible(),
                        timeout=10_000)
        elapsed = time.perf_counter() - started
    finally:
        runner.submitted.disconnect(watch)
    assert elapsed < CANCEL_WITHIN_S, f"{job}: idle {elapsed:.2f} s after Cancel"
    assert not window.error_bar.isVisible() or "Traceback" not in window.error_bar.text()


def test_a_job_that_raises_is_a_message_and_the_next_job_runs(qtbot, window, monkeypatch):
    """An exception inside a job reaches the error bar; the worker and window keep working."""
    from neurolab.core.models import classify as classify_module

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("float division by zero")

    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
    window.error_bar.hide()
    monkeypatch.setattr(classify_module, "classify", broken)
    window.tab(AdversarialTab).classify_clean()
    qtbot.waitUntil(window.error_bar.isVisible, timeout=30_000)
    text = window.error_bar.text()
    assert text and "Traceback" not in text and "\n" not in text.strip()
    monkeypatch.undo()
    window.error_bar.hide()
    with qtbot.waitSignal(window.tab(AdversarialTab).classified, timeout=60_000):
        window.tab(AdversarialTab).classify_clean()
    assert window.runner.is_running() and not window.error_bar.isVisible()
