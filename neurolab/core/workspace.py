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


def open_model_job(spec: str, *, allow_download: bool = True, preprocessing=None) -> Job:
    """Import TensorFlow, load ``spec`` and prepare its table and activations.

    ``preprocessing`` (a ``core.models.preprocessing.Preprocessing``) replaces the
    model's own; one that cannot feed this model (a colour choice for a greyscale
    model) is left out with a warning, so a remembered choice never keeps a model shut.
    """
    timings: dict[str, float] = {}
    start = time.perf_counter()
    yield Progress(0, 4, Phrase("loading TensorFlow"))
    import tensorflow  # noqa: F401  - the slow import, on the caller's thread

    timings["tensorflow_s"] = time.perf_counter() - start
    from neurolab.core.precision import describe_device

    describe_device()  # once, here on the job thread: what precision ``auto`` means on this computer
    yield Progress(1, 4, Phrase("loading {0}", (spec,)))
    from neurolab.core.errors import BadInputError
    from neurolab.core.inspection.activations import ActivationExtractor
    from neurolab.core.models.catalog import load_model_job

    loaded = yield from load_model_job(spec, allow_download=allow_download)
    if preprocessing is not None:
        try:
            loaded = loaded.with_preprocessing(preprocessing)
        except BadInputError as exc:
            loaded.warnings.append(exc.phrase)
    timings["model_s"] = time.perf_counter() - start
    yield Progress(2, 4, Phrase("tracing layers"))
    # A model without one image input (a vector, a sequence, several inputs) has its table only.
    extractor = ActivationExtractor(loaded) if loaded.image_input is not None else None
    yield Progress(3, 4, Phrase("analysing layers"))
    analysis = _analysis(loaded, extractor)
    timings["ready_s"] = time.perf_counter() - start
    yield Progress(4, 4, Phrase("model ready"))
    return Workspace(loaded, analysis, extractor, compute_device(), timings)


def _analysis(loaded, extractor):
    """The layer table, its input row saying how pixels are fed, the model's notices first."""
    from neurolab.core.inspection.analysis import analyze_model

    analysis = analyze_model(loaded.model, input_description=loaded.input_description,
                             native_only=extractor.native_only if extractor else (),
                             image_input=loaded.image_input)
    analysis.warnings[:0] = [w for w in ([loaded.notice] + loaded.warnings) if w]
    return analysis


def preprocessing_job(workspace: Workspace, preprocessing=None) -> Job:
    """The open model fed another way (``preprocessing``; None: its default), without reloading it.

    A new Workspace: the same Keras model and traced layers, a new callable, so the
    activations' traced functions are built again for it (and the adversarial
    ``gradient_model`` sees a new ``preprocess`` and rebuilds its own); the old
    workspace stays whole for any job still using it. Raises ``BadInputError``
    for a choice that cannot feed this model.
    """
    yield Progress(0, 1, Phrase("changing the preprocessing"))
    loaded = workspace.loaded.with_preprocessing(preprocessing)
    extractor = workspace.extractor.for_model(loaded) if workspace.extractor is not None else None
    analysis = _analysis(loaded, extractor)
    yield Progress(1, 1, Phrase("model ready"))
    return Workspace(loaded, analysis, extractor, workspace.device, dict(workspace.timings))

