"""Old CPUs without AVX get a sentence before TensorFlow is imported, never "Illegal instruction"."""

from __future__ import annotations

import pytest

from neurolab.core import cpu

MODERN = "processor\t: 0\nflags\t\t: fpu sse sse2 avx avx2 fma\n"
OLD = "processor\t: 0\nflags\t\t: fpu sse sse2 sse4_1 sse4_2\n"


def test_missing_flags_are_read_from_cpuinfo():
    assert cpu.missing_cpu_flags(MODERN, "x86_64") == []
    assert cpu.missing_cpu_flags(OLD, "x86_64") == ["avx"]
    assert cpu.missing_cpu_flags(OLD, "aarch64") == []  # other CPUs are not judged by x86 flags
    assert cpu.missing_cpu_flags(None, "x86_64") == []


@pytest.fixture
def old_cpu(monkeypatch):
    monkeypatch.setattr(cpu, "_cpuinfo_text", lambda: OLD)
    monkeypatch.setattr(cpu.platform, "machine", lambda: "x86_64")
    cpu.tensorflow_cpu_problem.cache_clear()
    yield
    cpu.tensorflow_cpu_problem.cache_clear()


def test_command_line_says_so_in_one_line(old_cpu, capsys):
    from neurolab.cli import main

    assert main(["classify", "shapes", "photo.png"]) == 1
    err = capsys.readouterr().err
    assert "lacks AVX" in err and len(err.strip().splitlines()) == 1 and "internal" not in err


def test_the_window_s_jobs_fail_with_the_sentence(old_cpu, qtbot):
    from neurolab.core.jobs import Progress
    from neurolab.gui.worker import JobRunner

    def job():
        yield Progress(0, 1, "would import TensorFlow")
        return 1

    runner = JobRunner()
    try:
        handle = runner.submit("model", job)
        with qtbot.waitSignal(handle.failed, timeout=10_000) as failed:
            pass
        assert "lacks AVX" in failed.args[0]
    finally:
        assert runner.shutdown()


def test_this_machine_can_run_tensorflow():
    cpu.tensorflow_cpu_problem.cache_clear()
    assert cpu.tensorflow_cpu_problem() is None
