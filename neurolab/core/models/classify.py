"""Classify an image with a loaded model: top-K classes with probabilities."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neurolab.core.images import model_pixels, resize_image


@dataclass
class Prediction:
    index: int
    label: str
    probability: float

    def to_json(self) -> dict:
        return {"class": self.label, "index": self.index, "probability": self.probability}


def model_input(loaded, image: np.ndarray) -> np.ndarray:
    """The image resized to the model's input size, as a float32 batch of one (0–255), H×W×C
    (an ``(H, W)`` model's channel axis is dropped later, by ``ImageInput.to_model``)."""
    height, width, channels = loaded.require_image().shape
    if image.shape[:2] != (height, width):
        image = resize_image(image, (width, height))
    return model_pixels(image, channels)[None]


def as_probabilities(scores: np.ndarray) -> np.ndarray:
    """Softmax outputs pass through; logits are turned into probabilities."""
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    if scores.min() >= 0 and abs(scores.sum() - 1.0) < 1e-3:
        return scores
    shifted = np.exp(scores - scores.max())
    return shifted / shifted.sum()


def classify(loaded, image: np.ndarray, *, top: int = 5) -> list[Prediction]:
    """Top-``top`` classes of ``image`` (any size: resized to the model's input), read from the
    output that classifies (a sentence for a model that does not)."""
    loaded.require_image()
    loaded.require_classifier()
    batch = loaded.image_input.to_model(loaded.preprocess(model_input(loaded, image)))
    scores = loaded.classifier_model()(batch, training=False)
    probabilities = as_probabilities(np.asarray(scores)[0])
    order = np.argsort(-probabilities)[:max(1, top)]
    return [Prediction(int(i), loaded.label(int(i)), float(probabilities[i])) for i in order]
