"""How the command line reads its words: bare options open the window, mistyped verbs are named,
every option explains itself, ``models list`` says only true things."""

from __future__ import annotations

import argparse

import pytest

from neurolab import cli


@pytest.fixture
def gui_calls(monkeypatch):
    """What ``neurolab ...`` would pass to the window (the window itself is not opened)."""
    calls = []

    def fake_run_gui(**kwargs):
        calls.append(kwargs)
        return 0

    import neurolab.gui.app

    monkeypatch.setattr(neurolab.gui.app, "run_gui", fake_run_gui)
    return calls


@pytest.mark.parametrize("argv,expected", [
    (["--kiosk"], {"kiosk": True}),
    (["--lang", "cs"], {"lang": "cs"}),
    (["--exit-when-ready"], {"exit_when_ready": True}),
    (["--model", "shapes", "--lang", "en"], {"model": "shapes", "lang": "en"}),
    (["photo.jpg", "--kiosk"], {"image": "photo.jpg", "kiosk": True}),
    (["--lang", "cs", "photo.jpg"], {"image": "photo.jpg", "lang": "cs"}),
    (["pictures/cat"], {"image": "pictures/cat"}),
    ([], {"image": None, "kiosk": False}),
])
def test_every_gui_option_works_on_bare_neurolab(gui_calls, argv, expected):
    assert cli.main(argv) == 0
    assert len(gui_calls) == 1
    assert {k: gui_calls[0][k] for k in expected} == expected


def test_an_existing_file_without_an_image_suffix_still_opens_the_window(gui_calls, tmp_path,
                                                                         monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "snapshot").write_bytes(b"")
    assert cli.main(["snapshot"]) == 0
    assert gui_calls[0]["image"] == "snapshot"


@pytest.mark.parametrize("argv,nearest", [
    (["clasify", "shapes", "img"], "classify"),
    (["clasify"], "classify"),
    (["activation", "shapes"], "activations"),
    (["modles", "list"], "models"),
])
def test_a_mistyped_verb_is_named_with_the_nearest_one(gui_calls, capsys, argv, nearest):
    code = cli.main(argv)
    err = capsys.readouterr().err
    assert code == 2 and not gui_calls
    assert f"'{argv[0]}' is not a verb" in err and f"did you mean '{nearest}'?" in err, err
    assert "unrecognized arguments" not in err and len(err.strip().splitlines()) == 1


def test_a_word_like_no_verb_lists_the_verbs(gui_calls, capsys):
    assert cli.main(["xyzzy"]) == 2
    err = capsys.readouterr().err
    assert "'xyzzy' is not a verb" in err and "classify" in err and "analyze" in err


@pytest.mark.parametrize("argv,verb,verbose", [
    (["analyze", "shapes"], "analyze", False),
    (["--verbose", "analyze", "shapes"], "analyze", True),
    (["analyze", "shapes", "--verbose"], "analyze", True),
    (["-v", "gan", "sample", "run"], "gan", True),
    (["gan", "train", "--out", "run", "-v"], "gan", True),
    (["--verbose"], "gui", True),
    (["-v", "photo.jpg", "--kiosk"], "gui", True),
    (["--kiosk"], "gui", False),
])
def test_verbose_is_read_before_or_after_the_verb(argv, verb, verbose):
    args = cli.build_parser().parse_args(cli._with_verb(argv))
    assert (args.verb, args.verbose) == (verb, verbose)


def _parsers(parser: argparse.ArgumentParser, path: str = "neurolab"):
    """(name, parser) for the parser and every sub-parser below it."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


def test_every_option_and_argument_has_help_text():
    missing = []
    for path, parser in _parsers(cli.build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            if not action.help or action.help == argparse.SUPPRESS:
                missing.append(f"{path}: {'/'.join(action.option_strings) or action.dest}")
    assert not missing, "no help text: " + ", ".join(missing)


def test_models_list_never_offers_a_download_of_0_mb(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))  # nothing cached
    monkeypatch.setenv("NEUROLAB_WEIGHTS_CACHE", str(tmp_path / "weights"))
    assert cli.main(["models", "list"]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "(0 MB)" not in out
    assert lines["squeezenet"].endswith("needs download (5 MB)")  # torchvision's weights, converted
    assert "needs download (" in lines["vgg16"]


@pytest.mark.parametrize("argv,sentence", [
    (["classify", "shapes", "nodir/missing.png"], "'nodir/missing.png' was not found."),
    (["analyze", "models/nonexistent.keras"], "'models/nonexistent.keras' was not found."),
    (["style", "IMAGE", "IMAGE", "-o", "nodir/sub/out.png"],
     "Cannot write 'nodir/sub/out.png': the folder 'nodir/sub' does not exist."),
    (["gan", "sample", "nodir/run"], "The checkpoint folder 'nodir/run' was not found."),
    (["gan", "train", "--out", "nodir/sub/run"],
     "Cannot write 'nodir/sub/run': the folder 'nodir/sub' does not exist."),
    (["gan", "train", "--data", "nodir/pictures", "--out", "run"],
     "The folder 'nodir/pictures' was not found."),
])
def test_error_sentences_name_the_path_as_the_user_typed_it(capsys, tmp_path, monkeypatch, argv,
                                                            sentence):
    from PIL import Image

    from tests.helpers import photo

    monkeypatch.chdir(tmp_path)
    Image.fromarray(photo(40, 50)).save(tmp_path / "photo.png")
    code = cli.main(["photo.png" if word == "IMAGE" else word for word in argv])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"neurolab: {sentence}\n"
