"""The wheel: resources ship inside it and are found from an installed copy."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_installed_wheel_finds_its_resources(tmp_path):
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "-w", str(tmp_path / "dist"), str(ROOT)], capture_output=True, text=True,
                           timeout=300)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("neurolab-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "neurolab/resources/models/neurolab_shapes.keras" in names
    assert "neurolab/resources/models/gan_shapes_judge.keras" in names  # mode coverage's judge
    assert "neurolab/resources/images/flower.jpg" in names
    assert "neurolab/resources/labels/imagenet1k.txt" in names
    for name in ("neurolab_cs.qm", "neurolab_en.qm", "neurolab_en.ts"):  # the window reads all three
        assert f"neurolab/resources/translations/{name}" in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import neurolab.assets as a; "
            "from neurolab.core.models.catalog import list_models, imagenet_labels; "
            "assert str(a.resources_dir()).startswith(sys.argv[1]), a.resources_dir(); "
            "assert a.sample_images()[0].name == 'flower.jpg'; "
            "assert list_models()[0].name == 'shapes' and imagenet_labels()[985] == 'daisy'; print('ok')")
    result = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert result.stdout.strip() == "ok", result.stderr[-2000:]
