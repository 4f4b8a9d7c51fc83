"""Kiosk policy: the administrator's file wins, folders are symlink-safe, Reset clears output."""

from __future__ import annotations

import os
import tempfile

import pytest

from neurolab.core.errors import BadInputError
from neurolab.core.kiosk import KioskPolicy, confine_writes, load_policy


@pytest.fixture
def admin_file(tmp_path, monkeypatch):
    path = tmp_path / "kiosk.ini"
    monkeypatch.setenv("NEUROLAB_KIOSK_CONFIG", str(path))
    return path


def test_no_file_and_no_flag_is_the_normal_desktop_app(admin_file, tmp_path):
    policy = load_policy(False, default_folder=tmp_path)
    assert not policy.enabled and policy.may_read("/anything") and policy.may_write("/anywhere")


def test_the_flag_alone_reads_the_default_folder_and_writes_a_fresh_one(admin_file, tmp_path):
    policy = load_policy(True, default_folder=tmp_path / "images")
    assert policy.enabled and policy.folder == tmp_path / "images"
    assert policy.output_folder.is_dir() and policy.output_folder.name.startswith("neurolab-kiosk-")
    policy.output_folder.rmdir()


def test_the_administrators_file_turns_kiosk_on_without_the_flag(admin_file, tmp_path):
    admin_file.write_text(f"[kiosk]\nenabled = yes\nfolder = {tmp_path}/material\n"
                          f"output_folder = {tmp_path}/out\n", encoding="utf-8")
    policy = load_policy(False, default_folder=tmp_path)
    assert policy.enabled and policy.folder == tmp_path / "material"
    assert policy.output_folder == tmp_path / "out" and policy.output_folder.is_dir()


def test_a_damaged_file_keeps_the_restrictions(admin_file, tmp_path):
    admin_file.write_bytes(b"[kiosk\n\xff\xfe enabled = no")
    policy = load_policy(False, default_folder=tmp_path)
    assert policy.enabled
    policy.output_folder.rmdir()


def test_reads_and_writes_stay_inside_even_through_links(tmp_path):
    material, out, elsewhere = tmp_path / "material", tmp_path / "out", tmp_path / "elsewhere"
    for folder in (material, out, elsewhere):
        folder.mkdir()
    (elsewhere / "secret.png").write_bytes(b"x")
    os.symlink(elsewhere, material / "link")
    policy = KioskPolicy(True, material, out)
    assert policy.may_read(material / "flower.jpg") and policy.may_read(out / "result.png")
    assert not policy.may_read(elsewhere / "secret.png")
    assert not policy.may_read(material / "link" / "secret.png")  # the link leads out
    assert not policy.may_read(material / ".." / "elsewhere" / "secret.png")
    assert policy.may_write(out / "result.png") and not policy.may_write(material / "x.png")
    with pytest.raises(BadInputError, match="outside the class folder"):
        policy.check_read(elsewhere / "secret.png")
    with pytest.raises(BadInputError, match="only in the class output folder"):
        policy.check_write(tmp_path / "x.png")


def test_clear_output_removes_what_a_student_left(tmp_path):
    out = tmp_path / "out"
    (out / "gan" / "run-1").mkdir(parents=True)
    (out / "mosaic.png").write_bytes(b"png")
    keep = tmp_path / "outside.txt"
    keep.write_text("kept")
    os.symlink(tmp_path, out / "link")  # a link is removed, never followed
    assert KioskPolicy(True, tmp_path, out).clear_output() == 3
    assert list(out.iterdir()) == [] and keep.read_text() == "kept"


def test_confine_writes_points_every_library_into_the_output_folder(tmp_path, monkeypatch):
    for name in ("KERAS_HOME", "TMPDIR", "NEUROLAB_DATA_DIR", "NEUROLAB_CONFIG_DIR",
                 "NEUROLAB_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)
    values = confine_writes(KioskPolicy(True, tmp_path, tmp_path / "out"))
    assert all(value.startswith(str(tmp_path / "out")) for name, value in values.items()
               if name != "NEUROLAB_OFFLINE")
    assert os.environ["KERAS_HOME"] == values["KERAS_HOME"] and tempfile.gettempdir() == values["TMPDIR"]
    assert os.environ["NEUROLAB_OFFLINE"] == "1"
    assert confine_writes(KioskPolicy()) == {}
