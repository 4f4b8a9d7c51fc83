"""The one atomic write: the old file or the new one, never half, and no temporary file left."""

from __future__ import annotations

import os
import stat

import pytest

from neurolab.core.atomic import atomic_write


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    path = tmp_path / "history.csv"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_write(path) as fp:
            fp.write(b"half of the new")
            raise RuntimeError("the disk is full")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["history.csv"]


def test_a_closed_job_leaves_nothing_behind(tmp_path):
    def job():
        with atomic_write(tmp_path / "w.h5", prefix=".w.h5.", suffix=".part") as fp:
            for _ in range(3):
                fp.write(b"block")
                yield

    running = job()
    next(running)
    running.close()  # what the runner does on Cancel
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_new_files_are_readable_by_all_and_overwritten_ones_keep_their_permissions(tmp_path):
    new, kept = tmp_path / "new.png", tmp_path / "kept.png"
    kept.write_bytes(b"")
    kept.chmod(0o600)
    for path in (new, kept):
        with atomic_write(path) as fp:
            fp.write(b"pixels")
        assert path.read_bytes() == b"pixels"
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
