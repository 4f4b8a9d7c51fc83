"""No network access except an explicit weights download the user asked for.

A child process records every socket and URL audit event (``sys.addaudithook``)
while it runs each command-line verb on the bundled model and renders the
window with every tab (the screenshot verb runs each tab's job). Nothing may
reach for the network. The explicit ``models fetch`` must, which shows the
hook sees a download when there is one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

NETWORK_EVENTS = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                  "socket.sendto", "urllib.Request", "http.client.connect", "ftplib.connect")

CHILD = textwrap.dedent("""
    import json, sys
    seen = []
    sys.addaudithook(lambda event, args: seen.append((event, repr(args)[:160]))
                     if event in {events!r} else None)
    from neurolab.cli import main

    verbs = json.loads(sys.argv[1])
    codes = {{}}
    for name, argv in verbs.items():
        before = len(seen)
        codes[name] = [main(argv), seen[before:]]
    print("RESULT" + json.dumps(codes))
""")


def _run(verbs: dict, tmp_path, env_extra: dict) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KERAS_HOME=str(tmp_path / "keras"),
               NEUROLAB_DATA_DIR=str(tmp_path / "data"), **env_extra)
    env.pop("NEUROLAB_OFFLINE", None)
    script = CHILD.format(events=NETWORK_EVENTS)
    done = subprocess.run([sys.executable, "-c", script, json.dumps(verbs)], capture_output=True,
                          text=True, env=env, timeout=600, cwd=os.getcwd())
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT")]
    assert lines, (f"the child exited {done.returncode} without a result; stdout ends "
                   f"{done.stdout[-1500:]!r}; stderr ends {done.stderr[-1500:]!r}")
    return json.loads(lines[-1][len("RESULT"):])


@pytest.mark.slow(seconds=120)
def test_every_verb_and_every_tab_stay_off_the_network(tmp_path):
    from neurolab.assets import resource_path

    flower = str(resource_path("images") / "flower.jpg")
    cat = str(resource_path("images") / "cat.jpg")
    style = str(resource_path("styles") / "brush_strokes.png")
    out = str(tmp_path)
    verbs = {
        "analyze": ["analyze", "shapes", "--json"],
        "models": ["models", "list", "--json"],
        "activations": ["activations", "shapes", flower, "--layer", "conv1", "--json"],
        "classify": ["classify", "shapes", cat, "--json"],
        "attack": ["attack", "shapes", flower, "--steps", "3", "-o", out + "/adv.png", "--json"],
        "style": ["style", flower, style, "-o", out + "/styled.png", "--steps", "3", "--size", "64",
                  "--json"],
        "gan": ["gan", "train", "--epochs", "1", "--out", out + "/gan", "--json"],
        "window": ["screenshot", out + "/shots"],
    }
    results = _run(verbs, tmp_path, {})
    for name, (code, events) in results.items():
        assert code == 0, f"{name} exited {code}"
        assert events == [], f"{name} reached for the network: {events[:3]}"


def test_the_explicit_download_is_the_one_that_connects(tmp_path):
    proxy = {"HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"}
    results = _run({"fetch": ["models", "fetch", "mobilenet_v2", "--cache", str(tmp_path / "c")]},
                   tmp_path, proxy)
    code, events = results["fetch"]
    assert code == 1  # offline here: one sentence, exit 1
    assert any(event == "urllib.Request" or event.startswith("socket") for event, _ in events)
