"""GAN checkpoints survive ``kill -9`` in the middle of a write: the last whole one is read."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import numpy as np
import pytest

WRITER = textwrap.dedent("""
    import sys
    import numpy as np
    from neurolab.core.gan import checkpoint as gan_checkpoint
    from neurolab.core.gan.checkpoint import write_checkpoint

    real_write_file = gan_checkpoint._write_file

    def announced_write_file(path, data):
        # half the file on disk, then wait for the test's word: a kill lands inside the write
        with open(path, "wb") as half:
            half.write(data[:len(data) // 2])
        print("writing", path.name, step, flush=True)
        sys.stdin.readline()
        real_write_file(path, data)

    gan_checkpoint._write_file = announced_write_file

    root, megabytes = sys.argv[1], int(sys.argv[2])
    values = megabytes * 1024 * 1024 // 4
    step = 0
    while True:
        step += 1
        print("begin", step, flush=True)
        arrays = {"weights": np.full(values, step, dtype=np.float32)}
        write_checkpoint(root, arrays, {"step": step}, step=step, keep=2)
        print("wrote", step, flush=True)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX kill -9")
@pytest.mark.parametrize("kill_at", [("begin", 3), ("writing arrays.npz", 3), ("writing state.json", 4),
                                     ("writing manifest.json", 5), ("wrote", 4)])
def test_kill_9_during_writing_leaves_the_last_good_checkpoint(tmp_path, kill_at):
    from neurolab.core.gan.checkpoint import list_checkpoints, read_checkpoint, write_checkpoint

    root = tmp_path / "run"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(root), "24"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=os.getcwd())
    last_written = 0
    try:
        for line in writer.stdout:
            *words, step = line.split()
            word = " ".join(words)
            if word == "wrote":
                last_written = int(step)
            if (word, int(step)) == kill_at:
                writer.send_signal(signal.SIGKILL)  # before a write for "begin", between for "wrote"
                break
            if word.startswith("writing"):  # not this one: let the write go on
                writer.stdin.write("go\n")
                writer.stdin.flush()
    finally:
        writer.kill()
        writer.wait(timeout=30)
    assert last_written >= 2
    interrupted = [entry for entry in root.iterdir() if entry.name.startswith(".writing-")]
    if kill_at[0].startswith("writing"):
        assert interrupted, "the kill should land inside a write"

    arrays, state, folder = read_checkpoint(root)
    assert state["step"] >= last_written  # nothing written completely is lost
    assert np.all(arrays["weights"] == state["step"])  # and what is read is whole
    assert folder.name == f"step-{state['step']:08d}"

    write_checkpoint(root, {"weights": np.zeros(4, np.float32)}, {"step": 99}, step=99, keep=2)
    leftovers = [entry.name for entry in root.iterdir() if entry.name.startswith(".writing-")]
    assert leftovers == []  # the next write clears what the killed one left
    assert [info.step for info in list_checkpoints(root) if info.valid][0] == 99
