"""Training a classifier (issue #16): folders, splits, settings, the pausable job, saving."""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.errors import BadInputError
from neurolab.core.jobs import run_job
from neurolab.core.training.config import TrainConfig, available
from neurolab.core.training.data import builtin_folder, scan_folder, stratified_split
from neurolab.core.training.evaluation import Evaluation
from tests.training_helpers import shape_folder


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    return shape_folder(tmp_path_factory.mktemp("shapes"))


# --- folders ------------------------------------------------------------------------

def test_folder_of_class_folders_is_read_recursively(shapes):
    folder = scan_folder(shapes)
    assert folder.classes == ["fish", "house", "sun"]
    assert folder.counts() == {"fish": 12, "house": 12, "sun": 12}
    assert any("deeper" in f for f in folder.files)
    assert folder.warnings == [] and folder.unreadable == []
    thumbs = folder.samples(1, n=4)
    assert len(thumbs) == 4 and thumbs[0].dtype == np.uint8 and max(thumbs[0].shape[:2]) <= 96


def test_unreadable_files_are_skipped_and_listed(tmp_path):
    root = shape_folder(tmp_path / "pets", per_class=10)
    (root / "sun" / "notes.txt").write_text("not a picture")
    (root / "fish" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    folder = scan_folder(root)
    assert sorted(p.split("/")[-1] for p in folder.unreadable) == ["broken.png", "notes.txt"]
    assert len(folder) == 30
    assert any("cannot be read" in w for w in folder.warnings)


@pytest.mark.parametrize("make, words", [
    (lambda p: p, "no class folders"),
    (lambda p: (p / "cat").mkdir() or (p / "dog").mkdir() or p, "no pictures"),
    (lambda p: shape_folder(p, classes=("sun",)), "only one class"),
    (lambda p: p / "missing", "was not found"),
])
def test_bad_folders_get_a_sentence(tmp_path, make, words):
    with pytest.raises(BadInputError, match=words):
        scan_folder(make(tmp_path))


def test_few_pictures_and_imbalance_are_warned(tmp_path):
    root = shape_folder(tmp_path / "a", classes=("sun",), per_class=40)
    shape_folder(tmp_path / "a", classes=("fish",), per_class=6)
    warnings = scan_folder(root).warnings
    assert any("fish has only 6" in w for w in warnings)
    assert any("unbalanced" in w for w in warnings)


def test_split_is_stratified_and_fixed_by_the_seed():
    targets = np.repeat([0, 1, 2], [50, 20, 5])
    train, val = stratified_split(targets, 0.2, seed=3)
    assert np.bincount(targets[val]).tolist() == [10, 4, 1]
    assert not set(train) & set(val) and len(train) + len(val) == 75
    again = stratified_split(targets, 0.2, seed=3)
    assert np.array_equal(again[1], val)
    assert not np.array_equal(stratified_split(targets, 0.2, seed=4)[1], val)


def test_builtin_folder_lives_in_memory():
    folder = builtin_folder(size=32, per_class=2)
    assert len(folder.classes) == 10 and folder.images.shape == (20, 32, 32, 3)
    assert folder.picture(3).shape == (32, 32, 3) and folder.files[0].startswith("builtin/")


def test_settings_are_checked_with_sentences():
    assert {"bundled", "scratch"} <= set(available())
    with pytest.raises(BadInputError, match="not a backbone"):
        TrainConfig(backbone="nope").validated()
    with pytest.raises(BadInputError, match="validation share"):
        TrainConfig(validation=1.5).validated()
    with pytest.raises(BadInputError, match="epochs"):
        TrainConfig(epochs=0).validated()
    with pytest.raises(BadInputError, match="scratch|pretrained"):
        TrainConfig(backbone="scratch", fine_tune=True).validated()
    with pytest.raises(BadInputError, match="flip must be true or false"):
        TrainConfig(flip="no").validated()


def test_flips_can_be_left_out_of_augmentation(shapes):
    """Digits and letters mirrored are other symbols: ``flip=False`` keeps turns, zoom and contrast."""
    from neurolab.core.training.trainer import ClassifierTrainer

    folder = builtin_folder(size=32, per_class=2)
    kinds = [[type(layer).__name__ for layer in ClassifierTrainer(folder, TrainConfig(flip=f)).augmentation.layers]
             for f in (True, False)]
    assert "RandomFlip" in kinds[0] and "RandomFlip" not in kinds[1] and "RandomRotation" in kinds[1]


def _grey_folder(root, side=8, classes=3, per_class=10):
    """``root/<digit>/<n>.png``: small greyscale pictures, as scikit-learn's digits are."""
    from PIL import Image

    rng = np.random.default_rng(0)
    for c in range(classes):
        (root / str(c)).mkdir(parents=True)
        for n in range(per_class):
            pixels = rng.integers(0, 256, (side, side), dtype=np.uint8)
            Image.fromarray(pixels, "L").save(root / str(c) / f"{n}.png")
    return root


def test_small_greyscale_pictures_train_a_network_from_scratch_at_their_size(tmp_path):
    """Digits at 8×8 through the shapes trunk blown up to 64 px: 81.6 %; from scratch at 8 px:
    99.4 % (benchmarks/train_defaults.py). Mirrored digits are other symbols: no flips."""
    folder = scan_folder(_grey_folder(tmp_path / "digits"))
    assert folder.typical_side() == 8 and folder.greyscale()
    chosen = TrainConfig().for_pictures(folder).validated()
    assert (chosen.backbone, chosen.size, chosen.flip) == ("scratch", 8, False)
    assert (chosen.epochs, chosen.patience) == (60, 10)  # a network from scratch learns slower
    assert TrainConfig(image_size=16).for_pictures(folder).size == 16


def test_a_network_from_scratch_chosen_for_large_classes_trains_without_augmentation(tmp_path):
    """Fashion-MNIST (240 training pictures a class): augmentation cost 2-3 points and half
    again the epochs; digits needed none either (benchmarks/train_defaults.py). Few pictures
    a class, or scratch picked by hand, keep it."""
    from neurolab.core.training.config import AUGMENT_BELOW

    per_class = int(np.ceil(AUGMENT_BELOW / 0.8))  # the smallest class: AUGMENT_BELOW for training
    large = scan_folder(_grey_folder(tmp_path / "large", per_class=per_class))
    chosen = TrainConfig().for_pictures(large).validated()
    assert (chosen.backbone, chosen.augment) == ("scratch", False)
    assert TrainConfig(backbone="scratch").for_pictures(large).augment is True  # picked: as given
    small = scan_folder(_grey_folder(tmp_path / "small", per_class=per_class - 2))
    assert TrainConfig().for_pictures(small).augment is True
    from neurolab.core.training.trainer import ClassifierTrainer

    assert ClassifierTrainer(large, TrainConfig(epochs=1)).augmentation is None


def test_photo_like_pictures_keep_a_pretrained_backbone_and_flips(shapes, monkeypatch):
    from neurolab.core.training import config

    folder = scan_folder(shapes)  # 64 px colour
    assert folder.typical_side() == 64 and not folder.greyscale()
    chosen = TrainConfig().for_pictures(folder)
    assert (chosen.backbone, chosen.size, chosen.flip, chosen.epochs) == ("bundled", 64, True, 30)
    assert TrainConfig().for_pictures(builtin_folder(size=64, per_class=1)).backbone == "bundled"
    monkeypatch.setattr(config.BackboneChoice, "available",
                        lambda self: self.key in ("bundled", "scratch", "resnet50", "vgg16"))
    assert TrainConfig().for_pictures(folder).backbone == "resnet50"  # cached: the fastest first


def test_settings_given_stay_as_given(tmp_path):
    folder = scan_folder(_grey_folder(tmp_path / "digits"))
    chosen = TrainConfig(backbone="bundled", flip=True, epochs=12).for_pictures(folder)
    assert (chosen.backbone, chosen.size, chosen.flip, chosen.epochs) == ("bundled", 64, True, 12)
    scratch = TrainConfig(backbone="scratch", epochs=7, patience=2).for_pictures(folder)
    assert (scratch.size, scratch.epochs, scratch.patience) == (8, 7, 2)
    with pytest.raises(BadInputError, match="picture size"):
        TrainConfig(backbone="bundled", image_size=8).validated()  # pretrained trunks: 32 px and up


def test_the_scratch_network_keeps_small_pictures_unpooled():
    from neurolab.core.training.backbones import build_trunk

    small, large = build_trunk("scratch", 8), build_trunk("scratch", 64)
    assert not any("pool" in layer.name for layer in small.model.layers)
    assert small.model.get_layer("relu4").output.shape[1:3] == (8, 8)
    assert large.model.get_layer("relu4").output.shape[1:3] == (8, 8)  # 64 → 32 → 16 → 8


def test_evaluation_counts_and_mistakes():
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.3, 0.7], [0.6, 0.4]])
    evaluation = Evaluation.from_predictions(["a", "b"], [10, 11, 12, 13], [0, 0, 1, 1], probabilities)
    assert evaluation.confusion.tolist() == [[1, 1], [1, 1]]
    assert evaluation.cell(0, 1) == [11] and evaluation.accuracy == 0.5
    assert [m.index for m in evaluation.mistakes] == [11, 13]  # most confident wrong first
    assert np.allclose(evaluation.normalised().sum(axis=1), 1)
    assert evaluation.to_json()["confusion_matrix"] == [[1, 1], [1, 1]]


# --- the trainer -----------------------------------------------------------------------

def _trainer(folder, **settings):
    from neurolab.core.training.trainer import ClassifierTrainer

    return ClassifierTrainer(folder, TrainConfig(**settings))


@pytest.mark.slow
def test_frozen_backbone_learns_and_the_model_reopens_with_folder_names(shapes, tmp_path):
    from neurolab.core.images import load_image
    from neurolab.core.models.catalog import load_model
    from neurolab.core.models.classify import classify

    folder = scan_folder(shapes)
    trainer = _trainer(folder, epochs=25, seed=1)
    phases = []
    result = run_job(trainer.train_job(), lambda e: phases.append(e.metrics["phase"]))
    assert phases[0] == "features" and "training" in phases and phases[-1] == "evaluating"
    assert result.val_accuracy >= 0.8, result.history
    data = result.to_json()
    assert data["classes"] == ["fish", "house", "sun"] and data["epochs"] == len(result.history)
    assert np.array(data["confusion_matrix"]).sum() == len(trainer.val_idx)

    path = result.save(tmp_path / "mine.keras")
    assert (tmp_path / "mine.labels.txt").read_text().split() == ["fish", "house", "sun"]
    loaded = load_model(path)
    assert loaded.labels == ["fish", "house", "sun"] and loaded.preprocessing_key == "raw"
    evaluation = result.evaluation
    for index, predicted in list(zip(evaluation.indices, evaluation.predicted))[:6]:
        # the saved file, fed raw pixels by neurolab's loader, says what the evaluation said
        assert classify(loaded, load_image(folder.files[index]), top=1)[0].label == folder.classes[predicted]
    csv_path, json_path = result.save_metrics(tmp_path / "mine.metrics")
    assert open(csv_path).readline().strip() == "epoch,loss,accuracy,val_loss,val_accuracy"


@pytest.mark.slow
def test_pause_and_resume_is_exactly_an_unbroken_run(shapes):
    folder = scan_folder(shapes)
    settings = dict(epochs=3, batch_size=8, seed=2, patience=0)
    straight = run_job(_trainer(folder, **settings).train_job())

    paused = _trainer(folder, **settings)
    events = []
    for closes in range(100):
        job = paused.train_job()
        try:
            for _ in range(3 + closes % 4):  # a few events, then the job is closed (paused)
                events.append(next(job))
        except StopIteration as stop:
            resumed = stop.value
            break
        job.close()
    history = [entry for event in events for entry in event.metrics["history"]]
    assert [h["epoch"] for h in resumed.history] == [1, 2, 3]
    assert len(history) >= 3
    for a, b in zip(straight.history, resumed.history):
        assert a == pytest.approx(b, rel=1e-6)
    for a, b in zip(straight.model.get_weights(), resumed.model.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)


@pytest.mark.slow
def test_early_stopping_restores_the_best_epoch(shapes):
    folder = scan_folder(shapes)
    trainer = _trainer(folder, epochs=40, patience=2, learning_rate=0.5, seed=0)  # a rate that overshoots
    result = run_job(trainer.train_job())
    losses = [h["val_loss"] for h in result.history]
    assert result.stopped_early and len(losses) < 40
    assert result.best_epoch == int(np.argmin(losses)) + 1 and result.best_epoch < len(losses)
    best = result.history[result.best_epoch - 1]
    assert result.evaluation.accuracy == pytest.approx(best["val_accuracy"])


@pytest.mark.slow
def test_fine_tuning_starts_from_the_trained_head_and_trains_only_the_last_block(shapes):
    """The usual transfer-learning recipe: the head settles on frozen features first (fast), then
    the last block is unfrozen; fine-tuning's first epoch starts at the head's accuracy, not chance."""
    folder = scan_folder(shapes)
    trainer = _trainer(folder, epochs=20, fine_tune=True, batch_size=8, patience=3, seed=1)
    conv4, conv3 = trainer.model.get_layer("conv4"), trainer.model.get_layer("conv3")
    before4, before3 = conv4.kernel.numpy(), conv3.kernel.numpy()
    stages, job = [], trainer.train_job()
    for event in job:
        stages.append(str(event.stage))
        if trainer.fine_tune_from is not None and event.metrics["epoch"] >= trainer.fine_tune_from + 1:
            break
    job.close()  # paused in the first fine-tuning epoch's end
    head_epochs = trainer.fine_tune_from
    assert 0 < head_epochs <= 20 and "fine-tuning the last block" in stages
    head = trainer.history[:head_epochs]
    head_best = head[int(np.argmin([h["val_loss"] for h in head]))]["val_accuracy"]
    first_fine = trainer.history[head_epochs]["val_accuracy"]
    assert head_best >= 0.8, head
    assert first_fine >= head_best - 0.15, trainer.history  # one picture of 7 in validation at most
    assert not np.allclose(before4, conv4.kernel.numpy()) and np.array_equal(before3, conv3.kernel.numpy())

    trainer.stop()  # stop finishes with the best epoch's weights, fine-tuned or not
    result = run_job(trainer.train_job())
    assert len(result.history) == head_epochs + 1 and result.fine_tune_from == head_epochs
    assert result.to_json()["fine_tune_from"] == head_epochs
    assert result.evaluation.accuracy == pytest.approx(result.history[result.best_epoch - 1]["val_accuracy"])


@pytest.mark.slow
def test_the_trained_model_classifies_a_picture_without_saving(shapes):
    from neurolab.core.images import load_image

    folder = scan_folder(shapes)
    trainer = _trainer(folder, epochs=15, augment=False, seed=1)
    result = run_job(trainer.train_job())
    evaluation = result.evaluation
    for index, predicted in list(zip(evaluation.indices, evaluation.predicted))[:4]:
        top = result.classify(load_image(folder.files[index]), top=2)
        assert len(top) == 2 and top[0].label == folder.classes[predicted]
        assert top[0].probability >= top[1].probability
    assert result.loaded().labels == folder.classes and result.loaded() is result.loaded()
