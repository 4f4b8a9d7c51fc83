"""Shared fixtures: quiet TensorFlow, offscreen Qt, per-test settings, small models."""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """Every test gets its own settings folder and an empty Keras cache."""
    monkeypatch.setenv("NEUROLAB_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def offline_keras(tmp_path, monkeypatch):
    """No network (a proxy on a closed port) and an empty Keras cache."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    for var in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(var, "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NEUROLAB_OFFLINE", raising=False)
