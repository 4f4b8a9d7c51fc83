"""A folder dropped on the window goes where a person expects: on the Train tab it is the
training data, on the GAN tab the GAN's data, and on any other tab a folder of class folders
goes to the Train tab while a folder of pictures (or a checkpoint) goes to the GAN tab."""

from __future__ import annotations

import pytest
from PIL import Image

from neurolab.gui.folder_kind import looks_like_class_folders
from neurolab.gui.tabs.activations import ActivationsTab
from neurolab.gui.tabs.gan import GanTab
from neurolab.gui.tabs.train import TrainTab
from tests.gui.qt_helpers import drop
from tests.helpers import photo


def _pictures(folder, count, seed=0):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        Image.fromarray(photo(24, 24, seed=seed + i)).save(folder / f"p{i}.png")


@pytest.fixture
def class_folders(tmp_path):
    root = tmp_path / "pets"
    _pictures(root / "cats", 3)
    _pictures(root / "dogs", 3, seed=10)
    (root / "README.txt").write_text("two classes")  # a note beside the class folders is fine
    return root


@pytest.fixture
def picture_folder(tmp_path):
    root = tmp_path / "faces"
    _pictures(root, 4)
    (root / "more").mkdir()  # a subfolder beside pictures: still a folder of pictures
    (root / "extra").mkdir()
    return root


def test_the_folder_shapes(class_folders, picture_folder, tmp_path):
    assert looks_like_class_folders(str(class_folders))
    assert not looks_like_class_folders(str(picture_folder))
    assert not looks_like_class_folders(str(class_folders / "cats"))  # one class, pictures
    assert not looks_like_class_folders(str(tmp_path / "missing"))


def test_class_folders_dropped_on_another_tab_go_to_the_train_tab(qtbot, window, class_folders):
    window.show_tab(window.tab(ActivationsTab))
    train = window.tab(TrainTab)
    with qtbot.waitSignal(train.data_shown, timeout=60_000):
        drop(window, str(class_folders))
    assert window.current_tab() is train
    assert train.data_source == str(class_folders) and train.folder.classes == ["cats", "dogs"]
    assert window.tab(GanTab).data_source != str(class_folders)


def test_a_folder_of_pictures_dropped_on_another_tab_goes_to_the_gan_tab(qtbot, window,
                                                                         picture_folder):
    window.show_tab(window.tab(ActivationsTab))
    gan = window.tab(GanTab)
    drop(window, str(picture_folder))
    assert window.current_tab() is gan and gan.data_source == str(picture_folder)
    assert window.tab(TrainTab).data_source != str(picture_folder)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)


def test_the_tab_on_screen_takes_the_folder(qtbot, window, class_folders, picture_folder):
    gan, train = window.tab(GanTab), window.tab(TrainTab)
    window.show_tab(gan)
    drop(window, str(class_folders))  # class folders on the GAN tab: the GAN's data after all
    assert window.current_tab() is gan and gan.data_source == str(class_folders)
    assert train.data_source != str(class_folders)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)

    window.show_tab(train)
    with qtbot.waitSignal(train.error, timeout=60_000):  # the Train tab on screen: its data
        drop(window, str(picture_folder))  # (no class folders: it says so in a sentence)
    assert window.current_tab() is train and train.data_source == str(picture_folder)
    assert gan.data_source == str(class_folders)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
