"""Everything the window needs about one model, prepared in one job.

Opening a model means importing TensorFlow (seconds, the first time), loading
or building the model, tracing its layers for any-size activations and
building the layer table. The GUI runs :func:`open_model_job` on its worker
thread; the command line runs it with :func:`~neurolab.core.jobs.run_job`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from neurolab.core.jobs import Job, Progress
from neurolab.core.phrases import Phrase


@dataclass
class Workspace:
    """A loaded model with its layer table and activation extractor."""

    loaded: object  # core.models.catalog.LoadedModel
    analysis: object  # core.inspection.analysis.ModelAnalysis
    extractor: object  # core.inspection.activations.ActivationExtractor; None without an image input
    device: str
    timings: dict[str, float] = field(default_factory=dict)


def compute_device() -> str:
    """'GPU' when TensorFlow sees one, else 'CPU'."""
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    return f"GPU ({len(gpus)})" if gpus else "CPU"


def open_model_job(spec: str, *, allow_download: bool = True) -> Job:
    """Import TensorFlow, load ``spec`` and prepare its table and activations."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    yield Progress(0, 4, Phrase("loading TensorFlow"))
    import tensorflow  # noqa: F401  - the slow import, on the caller's thread

    timings["tensorflow_s"] = time.perf_counter() - start
    yield Progress(1, 4, Phrase("loading {0}", (spec,)))
    from neurolab.core.inspection.activations import ActivationExtractor
    from neurolab.core.inspection.analysis import analyze_model
    from neurolab.core.models.catalog import load_model_job

    loaded = yield from load_model_job(spec, allow_download=allow_download)
    timings["model_s"] = time.perf_counter() - start
    yield Progress(2, 4, Phrase("tracing layers"))
    # A model without one image input (a vector, a sequence, several inputs) has its table only.
    extractor = ActivationExtractor(loaded) if loaded.image_input is not None else None
    yield Progress(3, 4, Phrase("analysing layers"))
    analysis = analyze_model(loaded.model, input_description=loaded.input_description,
                             native_only=extractor.native_only if extractor else (),
                             image_input=loaded.image_input)
    analysis.warnings[:0] = [w for w in ([loaded.notice] + loaded.warnings) if w]
    timings["ready_s"] = time.perf_counter() - start
    yield Progress(4, 4, Phrase("model ready"))
    return Workspace(loaded, analysis, extractor, compute_device(), timings)

