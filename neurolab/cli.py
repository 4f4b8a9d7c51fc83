"""``neurolab <verb>``: every job of the window from the command line.

Thin by design: parse, call core, print. ``--json`` prints one JSON object on
stdout. Errors are one line on stderr; exit status 2 for bad input, 1 for an
internal failure. Nothing else reaches stderr but the progress bar (on a
terminal): TensorFlow's and Keras's messages are dropped (:mod:`neurolab.quiet`)
unless ``--verbose`` is given, and a bad model file is refused before
TensorFlow is imported. With no verb the window opens (``neurolab --kiosk``,
``neurolab photo.jpg``); a first word that is neither a verb nor an image is
a mistyped verb, named with the nearest real one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Callable

import neurolab
from neurolab.core.errors import BadInputError, NeurolabError, describe_exception
from neurolab.quiet import own_words_only

VERBS = ("gui", "analyze", "graph", "activations", "classify", "attack", "fool", "blend", "explain", "features",
         "dream", "style", "gan", "train", "models", "screenshot")


def _tensorflow_environment(window: bool, verbose: bool) -> None:
    """oneDNN on (as everywhere); the window keeps TensorFlow's info lines out of its
    terminal (:func:`own_words_only` silences the verbs)."""
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "1")
    if window and not verbose:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def _emit(args, payload: dict[str, Any], text: str) -> None:
    if getattr(args, "json", False):
        if getattr(args, "precision", None) is not None:  # a verb that computes: what it computed in
            from neurolab.core.precision import used

            payload = {**payload, "precision": used()}
        print(json.dumps(payload))
    else:
        print(text)


class _StderrProgress:
    """A one-line progress bar on stderr for jobs driven from the command line."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, event) -> None:
        if not self.enabled:
            return
        filled = int(event.fraction * 30)
        eta = (event.metrics.get("eta_seconds", event.metrics.get("eta_s"))) if event.metrics else None
        left = f" ~{eta:.0f} s left" if eta is not None and eta == eta and event.step < event.total else ""
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {event.stage[:40]:<40}{left:<16}")
        sys.stderr.flush()
        if event.step >= event.total:
            sys.stderr.write("\n")


def _refuse_unreadable_model(spec: str) -> None:
    """A missing, empty or damaged model file, or an unknown name, is refused in a second,
    before TensorFlow's import (several seconds) — with the sentence loading would give."""
    from neurolab.core.models.catalog import APPLICATIONS, BUNDLED, SQUEEZENET, is_model_file, load_model
    from neurolab.core.models.files import inspect_model_file

    if spec.strip().lower() in (BUNDLED, SQUEEZENET, *APPLICATIONS):
        return
    if is_model_file(spec) or os.path.exists(spec):
        inspect_model_file(spec)
    else:
        load_model(spec)  # neither a name nor a file: refused without importing TensorFlow


def _load_model(spec: str, preprocessing=None, **options):
    """``preprocessing``: the ``--preprocess`` choice, read by :func:`_run` (None: the model's own)."""
    from neurolab.core.models.catalog import load_model

    _refuse_unreadable_model(spec)
    return load_model(spec, preprocessing=preprocessing, **options)


def _workspace(spec: str, preprocessing=None):
    from neurolab.core.jobs import run_job
    from neurolab.core.workspace import open_model_job, preprocessing_job

    _refuse_unreadable_model(spec)
    workspace = run_job(open_model_job(spec), _StderrProgress(True))
    if preprocessing is None:
        return workspace
    # An option the user typed that cannot feed this model is an error, not a warning.
    workspace.loaded.with_preprocessing(preprocessing)
    return workspace if preprocessing.key == workspace.loaded.preprocessing_key else \
        run_job(preprocessing_job(workspace, preprocessing))


# --- verbs -------------------------------------------------------------------
def cmd_gui(args) -> int:
    from neurolab.gui.app import run_gui

    return run_gui(image=args.image, model=args.model, kiosk=args.kiosk, lang=args.lang,
                   exit_when_ready=args.exit_when_ready)


def cmd_analyze(args) -> int:
    from neurolab.core.formatting import format_dims, format_learnables, text_table

    workspace = _workspace(args.model, args.preprocessing)
    analysis = workspace.analysis
    lines = [f"{analysis.name}: {analysis.total_params:,} parameters",
             f"preprocessing: {workspace.loaded.preprocessing_key}, {workspace.loaded.preprocessing}"]
    # Columns as wide as their cells, long names cut with '…' (the JSON has them whole).
    lines += text_table([[f"{row.index:>4}", row.key, row.type, format_dims(row.activations),
                          format_learnables(row.learnables), row.description]
                         for row in analysis.layers], caps=[6, 32, 24, 16, 36])
    lines += [f"warning: {w}" for w in analysis.warnings]
    written = _write_tables(args, analysis)
    lines += [f"table written to {path}" for path in written]
    _emit(args, analysis.to_json(preprocessing=workspace.loaded.preprocessing_key,
                                 **({"csv": args.csv} if args.csv else {}),
                                 **({"markdown": args.markdown} if args.markdown else {})),
          "\n".join(lines))
    return 0


def _write_tables(args, analysis) -> list[str]:
    """``--csv FILE`` / ``--markdown FILE``: the table as the window's File ▸ Export writes it."""
    from neurolab.core.inspection.table_export import COLUMNS, analysis_rows, write_table

    written = []
    for path, markdown in ((args.csv, False), (args.markdown, True)):
        if path:
            _check_output_folder(path)
            write_table(path, COLUMNS, analysis_rows(analysis), title=analysis.name, markdown=markdown)
            written.append(path)
    return written


def cmd_graph(args) -> int:
    """The model's graph, laid out: JSON of boxes and edges, an SVG (core) or a PNG (Qt, no window)."""
    from neurolab.core.graph.layout import layout_graph
    from neurolab.core.graph.model_graph import ModelGraph

    output = args.output
    kind = os.path.splitext(output or "")[1].lower()
    if output and kind not in (".svg", ".png"):
        raise BadInputError(f"Cannot write '{output}': the graph is written as .svg or .png.")
    if output:
        _check_output_folder(output)
    workspace = _workspace(args.model, args.preprocessing)
    graph = ModelGraph.from_analysis(workspace.analysis)
    unknown = [key for key in args.collapse or [] if key not in graph.nested]
    if unknown:
        raise BadInputError(f"'{unknown[0]}' is not a nested model of {graph.name} "
                            f"(nested: {', '.join(graph.nested) or 'none'}).")
    collapsed = set(args.collapse or [])
    if kind == ".png":
        from neurolab.gui.graph_scene import write_graph_png

        layout = write_graph_png(graph, output, collapsed)
    else:
        layout = layout_graph(graph, collapsed)
        if kind == ".svg":
            from neurolab.core.atomic import atomic_write
            from neurolab.core.graph.svg import graph_svg

            with atomic_write(output) as fp:
                fp.write(graph_svg(layout, {n.key: n for n in graph.visible(collapsed)[0]},
                                   title=graph.name).encode("utf-8"))
    nodes = {n.key: n for n in graph.visible(collapsed)[0]}
    payload = layout.to_json()
    for entry in payload["nodes"]:
        node = nodes[entry["name"]]
        entry.update(type=node.type, shape=list(node.shape) if node.shape else None,
                     collapsed=node.collapsed)
    payload.update(model=args.model, name=graph.name, output=output, collapsed=sorted(collapsed))
    text = (f"{graph.name}: {len(layout.nodes)} nodes, {len(layout.edges)} edges, "
            f"{layout.extra.get('layers', 0)} layers deep, laid out in {layout.layout_s:.3f} s")
    if output:
        text += f"\ngraph written to {output}"
    _emit(args, payload, text)
    return 0


def cmd_activations(args) -> int:
    from neurolab.core.images import load_image, save_image
    from neurolab.core.inspection.mosaic import tile_channels

    image = load_image(args.image)
    workspace = _workspace(args.model, args.preprocessing)
    workspace.loaded.require_image()  # a vector or sequence model: its table, no activations of an image
    extractor = workspace.extractor
    key = args.layer
    if key not in extractor.layer_keys:
        raise BadInputError(f"The model has no layer called '{key}' "
                            f"(see `neurolab analyze {args.model}`).")
    result = extractor.compute(image, [key], native_size=args.native_size)
    if key in result.failures:  # the layer fails at every size, traced or not
        raise NeurolabError(result.failures[key])
    activation = result[key]
    if args.output:
        save_image(tile_channels(activation).image, args.output)
    if args.npy:
        _save_npy(activation, args.npy)
    payload = result.to_json(model=args.model, image=args.image, layer=key, output=args.output,
                             npy=args.npy, preprocessing=workspace.loaded.preprocessing_key)
    text = f"{key}: {'×'.join(map(str, activation.shape))}" + "".join(f"\n{n}" for n in result.notices)
    if args.output:
        text += f"\nmosaic written to {args.output}"
    _emit(args, payload, text)
    return 0


def _check_output_folder(path: str) -> None:
    """Fail before a long job, not after it, when the output cannot be written."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise BadInputError(f"Cannot write '{path}': the folder '{os.path.dirname(path)}' "
                            "does not exist.")


def _save_npy(array, path: str) -> None:
    import numpy as np

    _check_output_folder(path)
    np.save(path, array)


def _classifier(args):
    """The model of ``args``, classifying with ``--model-output`` (default: its first vector
    output); a sentence for a model that takes no image or does not classify."""
    from neurolab.core.models.interface import find_output

    loaded = _load_model(args.model, args.preprocessing)
    loaded.require_image()
    if args.model_output is not None:
        loaded.choose_output(find_output(loaded.outputs, args.model_output))
    loaded.require_classifier()
    return loaded


def _output_used(loaded) -> dict:
    """``{"model_output": name}`` of the output that classified, for ``--json``; nothing for a
    model with one output (its JSON stays as it was)."""
    return {"model_output": loaded.classifier_name} if loaded.classifier_name else {}


def cmd_classify(args) -> int:
    from neurolab.core.images import load_image
    from neurolab.core.models.classify import classify
    from neurolab.core.results import json_safe

    if args.top < 1:
        raise BadInputError("--top must be at least 1.")
    image = load_image(args.image)
    loaded = _classifier(args)
    predictions = classify(loaded, image, top=args.top)
    payload = json_safe({"model": args.model, "image": args.image, "pretrained": loaded.pretrained,
                         "notice": loaded.notice, "warnings": loaded.warnings,
                         "preprocessing": loaded.preprocessing_key,
                         **_output_used(loaded),
                         "top": [p.to_json() for p in predictions]})
    lines = [f"{p.probability:7.2%}  {p.label} ({p.index})" for p in predictions]
    if loaded.notice:
        lines.append(f"note: {loaded.display_name} is {loaded.notice}")
    lines += [f"warning: {w}" for w in loaded.warnings]
    _emit(args, payload, "\n".join(lines))
    return 0


def cmd_attack(args) -> int:
    from neurolab.core.adversarial.attacks import AttackConfig, attack_job
    from neurolab.core.images import load_image, save_image
    from neurolab.core.jobs import run_job
    from neurolab.core.models.labels import find_class

    low, high = AttackConfig.EPSILON_RANGE
    if not low <= args.epsilon <= high:
        raise BadInputError(f"--epsilon must be between {low:g} and {high:g} (pixel levels).")
    if args.steps < 1:
        raise BadInputError("--steps must be at least 1.")
    image = load_image(args.image)
    loaded = _classifier(args)
    target = find_class(loaded.labels, args.target) if args.target is not None else None
    config = AttackConfig(method=args.method, epsilon=args.epsilon, steps=args.steps,
                          step_size=args.step_size, target=target,
                          random_start=not args.no_random_start, seed=args.seed)
    # The job judges success on the rounded 8-bit pixels, exactly what the PNG holds.
    result = run_job(attack_job(loaded, image, config), _StderrProgress(not args.json))
    if args.output:
        save_image(result.adversarial, args.output)
    after = result.after[0]
    text = (f"{result.before[0].label} ({result.before[0].probability:.1%}) → {after.label} "
            f"({after.probability:.1%}); success: {result.success}; largest pixel change "
            f"{result.metrics['linf']}/255, SSIM {result.metrics['ssim']:.3f}")
    _emit(args, result.to_json(model=args.model, image=args.image, output=args.output,
                               preprocessing=loaded.preprocessing_key, **_output_used(loaded)),
          text + (f"\nwritten to {args.output}" if args.output else ""))
    return 0


def cmd_explain(args) -> int:
    from neurolab.core.explain.config import ExplainConfig
    from neurolab.core.explain.methods import explain_job
    from neurolab.core.images import load_image, save_image
    from neurolab.core.jobs import run_job
    from neurolab.core.models.labels import find_class

    settings = {name: getattr(args, name) for name in ("noise", "samples", "patch", "stride", "masks")
                if getattr(args, name) is not None}
    config = ExplainConfig(method=args.method, layer=args.layer, seed=args.seed, **settings)
    config.check()
    if not 0.0 <= args.opacity <= 1.0:
        raise BadInputError(f"--opacity must be between 0 and 1, not {args.opacity:g}.")
    for path in (args.output, args.npy):
        if path:
            _check_output_folder(path)
    image = load_image(args.image)
    loaded = _classifier(args)
    cls = find_class(loaded.labels, args.class_name) if args.class_name is not None else None
    result = run_job(explain_job(loaded, image, config, cls), _StderrProgress(not args.json))
    if args.output:
        save_image(result.overlay(image, opacity=args.opacity, colour_map=args.colour_map), args.output)
    if args.npy:
        _save_npy(result.map, args.npy)
    where = f" at layer {result.layer}" if result.layer else ""
    text = (f"{result.method} for {result.label} ({result.probability:.1%}){where}: a "
            f"{result.image_size[0]}×{result.image_size[1]} map from {result.low:.4g} to {result.high:.4g}")
    written = [path for path in (args.output, args.npy) if path]
    _emit(args, result.to_json(model=args.model, image=args.image, output=args.output, npy=args.npy,
                               preprocessing=loaded.preprocessing_key, **_output_used(loaded)),
          text + "".join(f"\nwritten to {path}" for path in written))
    return 0


def cmd_features(args) -> int:
    from neurolab.core.features.config import FeatureConfig
    from neurolab.core.features.jobs import class_images_job, features_job, parse_channels
    from neurolab.core.features.network import feature_network
    from neurolab.core.images import save_image
    from neurolab.core.jobs import run_job

    if (args.layer is None) == (not args.classes):
        raise BadInputError("Give either --layer NAME (a layer's filters) or --classes (the output neurons).")
    settings = {name: getattr(args, name) for name in ("steps", "size", "learning_rate", "parameterization")
                if getattr(args, name) is not None}
    config = FeatureConfig(seed=args.seed, **settings)
    config.check()
    for path in (args.output, args.npy):
        if path:
            _check_output_folder(path)
    loaded = _classifier(args) if args.classes else _load_model(args.model, args.preprocessing)
    loaded.require_image()
    progress = _StderrProgress(not args.json)
    if args.classes:
        from neurolab.core.adversarial.gradients import gradient_model

        targets = parse_channels(args.channels, gradient_model(loaded).classes)
        result = run_job(class_images_job(loaded, targets, config), progress)
    else:
        net = feature_network(loaded)
        targets = parse_channels(args.channels, net.layer_units(args.layer))
        result = run_job(features_job(loaded, args.layer, targets, config), progress)
    if args.output:
        save_image(result.grid().image, args.output)
    if args.npy:
        _save_npy(result.images, args.npy)
    what = f"layer {args.layer}" if args.layer else "classes"
    width, height = result.image_size
    text = (f"{len(result.channels)} images of {width}×{height} for {what}, mean value "
            f"{sum(result.values) / len(result.values):.4g}" + "".join(f"\n{n}" for n in result.notices))
    written = [path for path in (args.output, args.npy) if path]
    _emit(args, result.to_json(model=args.model, output=args.output, npy=args.npy,
                               preprocessing=loaded.preprocessing_key),
          text + "".join(f"\nwritten to {path}" for path in written))
    return 0


def cmd_dream(args) -> int:
    from neurolab.core.features.config import DreamConfig
    from neurolab.core.features.jobs import dream_job
    from neurolab.core.images import load_image, save_image
    from neurolab.core.jobs import run_job

    settings = {name: getattr(args, name) for name in ("octaves", "steps", "strength", "octave_scale")
                if getattr(args, name) is not None}
    config = DreamConfig(layers=tuple(k.strip() for k in args.layer.split(",") if k.strip()), **settings)
    config.check()
    _check_output_folder(args.output)
    image = load_image(args.image)
    loaded = _load_model(args.model, args.preprocessing)
    loaded.require_image()
    result = run_job(dream_job(loaded, image, config), _StderrProgress(not args.json))
    save_image(result.image, args.output)
    width, height = result.image_size
    _emit(args, result.to_json(model=args.model, image=args.image, output=args.output,
                               preprocessing=loaded.preprocessing_key),
          f"deep dream with {', '.join(result.layers)}: {width}×{height}, loss {result.losses[-1]:.4g}"
          f"\nwritten to {args.output}")
    return 0


def cmd_fool(args) -> int:
    from neurolab.core.adversarial.fooling import fool_job
    from neurolab.core.images import save_image
    from neurolab.core.jobs import run_job
    from neurolab.core.models.labels import find_class

    loaded = _classifier(args)
    target = find_class(loaded.labels, args.target)
    result = run_job(fool_job(loaded, target, start=args.start, steps=args.steps, seed=args.seed),
                     _StderrProgress(not args.json))
    if args.output:
        save_image(result.image, args.output)
    _emit(args, result.to_json(model=args.model, output=args.output, preprocessing=loaded.preprocessing_key,
                               **_output_used(loaded)),
          f"{result.label}: {result.probability:.1%} after {result.steps_taken} steps"
          + (f"\nwritten to {args.output}" if args.output else ""))
    return 0


def cmd_blend(args) -> int:
    from neurolab.core.adversarial.fooling import blend_result
    from neurolab.core.images import load_image, save_image

    if not 0.0 <= args.alpha <= 1.0:
        raise BadInputError("--alpha must be between 0 and 1.")
    image, noise = load_image(args.image), load_image(args.noise)
    loaded = _classifier(args)
    result = blend_result(loaded, image, noise, args.alpha)
    if args.output:
        save_image(result.blended, args.output)
    before, after, metrics = result.before[0], result.after[0], result.metrics
    _emit(args, result.to_json(model=args.model, image=args.image, noise=args.noise,
                               output=args.output, preprocessing=loaded.preprocessing_key, **_output_used(loaded)),
          f"{before.label} ({before.probability:.1%}) → {after.label} ({after.probability:.1%}); "
          f"SSIM {metrics['ssim']:.3f}, largest pixel change {metrics['linf']}/255")
    return 0


def cmd_style(args) -> int:
    from neurolab.core.images import load_image, save_image
    from neurolab.core.jobs import run_job
    from neurolab.core.style.transfer import StyleConfig, style_transfer_job

    if args.steps < 1:
        raise BadInputError("--steps must be at least 1.")
    if not 16 <= args.size <= 4096:
        raise BadInputError("--size must be between 16 and 4096 pixels.")
    for option, value in (("--style-weight", args.style_weight),
                          ("--content-weight", args.content_weight), ("--tv-weight", args.tv_weight)):
        if value is not None and not value >= 0:
            raise BadInputError(f"{option} must be a number of at least 0.")
    _check_output_folder(args.output)
    content, style = load_image(args.content), load_image(args.style)
    config = StyleConfig(steps=args.steps, size=args.size, style_weight=args.style_weight,
                         content_weight=args.content_weight, tv_weight=args.tv_weight,
                         start=args.start, seed=args.seed, backbone=args.backbone)
    result = run_job(style_transfer_job(content, style, config), _StderrProgress(not args.json))
    save_image(result.image, args.output)
    payload = result.to_json(content=args.content, style=args.style, output=args.output)
    _emit(args, payload,
          f"{args.output}: {payload['size'][0]}×{payload['size'][1]} px, {len(result.losses)} steps, "
          f"backbone {result.backbone_description}; final loss {result.losses[-1]:.3g}")
    return 0


def cmd_gan(args) -> int:
    return cmd_gan_train(args) if args.action == "train" else cmd_gan_sample(args)


def cmd_gan_train(args) -> int:
    """Train (or, with an existing checkpoint in --out, continue) a GAN; checkpoint every epoch."""
    from neurolab.core.gan.checkpoint import is_checkpoint_folder
    from neurolab.core.gan.config import GanConfig
    from neurolab.core.gan.data import builtin_dataset_job, folder_dataset_job
    from neurolab.core.gan.trainer import GanTrainer, save_metrics_csv
    from neurolab.core.images import save_image
    from neurolab.core.jobs import run_job

    progress = _StderrProgress(not args.json)
    out = os.path.abspath(args.out)
    if not os.path.isdir(os.path.dirname(out)):
        raise BadInputError(f"Cannot write '{args.out}': the folder "
                            f"'{os.path.dirname(os.path.normpath(args.out))}' does not exist.")
    data_job = (builtin_dataset_job(size=args.size) if args.data == "builtin"
                else folder_dataset_job(args.data, size=args.size))
    dataset = run_job(data_job, progress)
    for path, reason in dataset.skipped:
        print(f"neurolab: skipped {path}: {reason}", file=sys.stderr)
    if is_checkpoint_folder(out):
        trainer = GanTrainer.from_checkpoint(out, dataset=dataset)
        resumed = True
    else:
        chosen = {"epochs": args.epochs, "batch_size": args.batch_size, "latent_dim": args.latent}
        config = GanConfig(size=args.size, seed=args.seed,
                           **{k: v for k, v in chosen.items() if v is not None})
        trainer = GanTrainer(config, dataset)
        resumed = False
    result = run_job(trainer.train_job(epochs=args.epochs, checkpoint_dir=out), progress)
    grid_path = os.path.join(out, "samples.png")
    metrics_path = os.path.join(out, "metrics.csv")
    save_image(result.grid, grid_path)
    save_metrics_csv(result.history, metrics_path)
    payload = result.to_json(out=args.out, data=args.data, images=int(len(dataset.images)),
                             skipped=[{"path": p, "reason": r} for p, r in dataset.skipped],
                             resumed=resumed, samples=grid_path, metrics=metrics_path)
    _emit(args, payload,
          f"{result.steps} steps, {result.epochs} epochs on {len(dataset.images)} images"
          f"{' (resumed)' if resumed else ''}; samples in {grid_path}, metrics in {metrics_path}")
    return 0


def cmd_train(args) -> int:
    """Train a classifier on a folder of class folders (or the built-in shapes); save it with its labels."""
    from neurolab.core.jobs import run_job
    from neurolab.core.training.config import TrainConfig
    from neurolab.core.training.data import BUILTIN_PREFIX, builtin_folder, scan_folder

    if not args.out.lower().endswith(".keras"):
        raise BadInputError(f"'{args.out}': a trained model is saved as a .keras file.")
    folder_name = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(folder_name):
        raise BadInputError(f"Cannot write '{args.out}': the folder "
                            f"'{os.path.dirname(os.path.normpath(args.out))}' does not exist.")
    chosen = {"backbone": args.backbone, "epochs": args.epochs, "image_size": args.image_size,
              "validation": args.validation, "batch_size": args.batch_size, "patience": args.patience,
              "learning_rate": args.learning_rate}
    config = TrainConfig(fine_tune=args.fine_tune, augment=not args.no_augment,
                         flip=False if args.no_flip else None, seed=args.seed,
                         **{k: v for k, v in chosen.items() if v is not None}).validated()
    if args.folder == BUILTIN_PREFIX and not os.path.exists(args.folder):
        folder = builtin_folder(size=config.size, seed=args.seed)
    else:
        folder = scan_folder(args.folder, args.test_folder)  # a bad folder: refused before TensorFlow starts
    for path in folder.unreadable:
        print(f"neurolab: skipped {path}: not a picture neurolab can read", file=sys.stderr)
    for warning in folder.warnings:
        print(f"neurolab: {warning}", file=sys.stderr)

    from neurolab.core.training.trainer import ClassifierTrainer

    trainer = ClassifierTrainer(folder, config)
    result = run_job(trainer.train_job(), _StderrProgress(not args.json))
    model_path = result.save(args.out)
    csv_path, json_path = result.save_metrics(args.out[: -len(".keras")] + ".metrics")
    payload = result.to_json(folder=args.folder, out=model_path, pictures=len(folder),
                             unreadable=list(folder.unreadable), metrics_csv=csv_path, metrics_json=json_path)
    evaluation = result.evaluation
    _emit(args, payload,
          f"{len(result.history)} epochs (best {result.best_epoch}) in {result.seconds:.0f} s on {len(folder)} "
          f"pictures of {len(result.classes)} classes; {evaluation.to_json()['judged_on']} accuracy "
          f"{result.val_accuracy * 100:.1f} %; saved {model_path} with {os.path.basename(model_path)[:-6]}"
          f".labels.txt")
    return 0


def cmd_gan_sample(args) -> int:
    from neurolab.core.gan.sampling import sample_grid
    from neurolab.core.gan.trainer import load_generator
    from neurolab.core.images import save_image

    if args.n < 1 or args.n > 1024:
        raise BadInputError("--n must be between 1 and 1024.")
    if args.output:
        _check_output_folder(args.output)
    generator = load_generator(args.dir)
    output = args.output or os.path.join(args.dir, "sample_grid.png")
    save_image(sample_grid(generator, args.n, seed=args.seed), output)
    _emit(args, {"dir": args.dir, "n": args.n, "seed": args.seed, "output": output,
                 "image_size": [generator.size, generator.size], "step": generator.step,
                 "epoch": generator.epoch, "checkpoint": generator.checkpoint},
          f"{args.n} samples (step {generator.step}) written to {output}")
    return 0


def cmd_models(args) -> int:
    """``--cache`` holds for this command only (``main`` is also called in-process, by tests)."""
    if not args.cache:
        return _models(args)
    before = os.environ.get("NEUROLAB_WEIGHTS_CACHE")
    os.environ["NEUROLAB_WEIGHTS_CACHE"] = os.path.abspath(args.cache)
    try:
        return _models(args)
    finally:
        if before is None:
            del os.environ["NEUROLAB_WEIGHTS_CACHE"]
        else:
            os.environ["NEUROLAB_WEIGHTS_CACHE"] = before


def _models(args) -> int:
    from neurolab.core.models.catalog import list_models
    from neurolab.core.models.weights import WEIGHTS

    if args.action == "list":
        entries = list_models()
        _emit(args, {"models": [e.to_json() for e in entries]},
              "\n".join(f"{e.name:<16} {e.source:<20} {'×'.join(map(str, e.input_shape)):<12} "
                        f"{_availability(e)}"
                        for e in entries))
        return 0
    if not args.names:
        raise BadInputError(f"`neurolab models {args.action}` needs a model name.")
    if args.action == "fetch":
        return _fetch(args, args.names, list(WEIGHTS))
    infos = []
    for name in args.names:
        loaded = _load_model(name, allow_download=False)
        infos.append({"name": loaded.name, "display_name": loaded.display_name,
                      "source": loaded.source, "input_shape": list(loaded.input_shape),
                      "image_input": loaded.image_input is not None,
                      "outputs": [o.to_json() for o in loaded.outputs],
                      "model_output": (loaded.outputs[loaded.output_index].name
                                       if loaded.is_classifier and loaded.outputs else None),
                      "classes": len(loaded.labels), "preprocessing": loaded.preprocessing,
                      "pretrained": loaded.pretrained, "notice": loaded.notice,
                      "params": int(loaded.model.count_params())})
    payload = infos[0] if len(infos) == 1 else {"models": infos}
    _emit(args, payload, "\n\n".join("\n".join(f"{k}: {v}" for k, v in i.items()) for i in infos))
    return 0


def _availability(entry) -> str:
    """Whether a model works offline, and what it takes when it does not (no '0 MB' download)."""
    if entry.ready_offline:
        return "ready offline"
    if entry.download_mb > 0:
        return f"needs download ({entry.download_mb} MB)"
    return "opens untrained (no download)"


def _fetch(args, names: list[str], fetchable: list[str]) -> int:
    """Download and verify ImageNet weights into the (shared) cache, with a progress bar
    (SqueezeNet's are converted from torchvision's file on the way)."""
    from neurolab.core.errors import WeightsUnavailableError
    from neurolab.core.jobs import run_job
    from neurolab.core.models.weights import cache_dir, download_job

    unknown = [n for n in names if n not in fetchable]
    if unknown:
        raise BadInputError(f"'{unknown[0]}' has no ImageNet weights to fetch "
                            f"({', '.join(fetchable)}).")
    results, failed = [], False
    for name in names:
        try:
            path = run_job(download_job(name), _StderrProgress(not args.json))
            results.append({"name": name, "ready_offline": True, "path": str(path)})
        except WeightsUnavailableError as exc:
            failed = True
            print(f"neurolab: {exc}", file=sys.stderr)
            results.append({"name": name, "ready_offline": False, "error": str(exc)})
    _emit(args, {"cache": str(cache_dir()), "models": results},
          "\n".join(f"{r['name']}: {r.get('path', 'not fetched')}" for r in results))
    return 1 if failed else 0


def cmd_screenshot(args) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from neurolab.gui.screenshot import parse_size, render_screenshots

    sizes = [parse_size(text) for text in args.size]
    paths = render_screenshots(args.dir, model=args.model, image=args.image, sizes=sizes,
                               langs=args.lang, lab=args.lab)
    _emit(args, {"files": paths}, "\n".join(paths))
    return 0


# --- parser ------------------------------------------------------------------
class _OneLineParser(argparse.ArgumentParser):
    """Usage mistakes as one line on stderr and exit status 2, like every other bad input."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


VERBOSE_OPTIONS = ("-v", "--verbose")
VERBOSE_HELP = "also show TensorFlow's and Keras's own messages on stderr"


def _verbose_option(parser: argparse.ArgumentParser) -> None:
    """``--verbose`` after the verb too; SUPPRESS keeps a ``--verbose`` given before it."""
    parser.add_argument(*VERBOSE_OPTIONS, action="store_true", dest="verbose",
                        default=argparse.SUPPRESS, help=VERBOSE_HELP)


MODEL_HELP = "a model name (see `neurolab models list`) or a .keras/.h5 file"
MODEL_OUTPUT_HELP = ("which output classifies, by name or index, for a model with several "
                     "(default: the first that gives a score per class)")
IMAGE_HELP = "an image file (PNG, JPEG, ...)"

SEED_HELP = "random seed: same seed, same result (default 0)"
#: The verbs that feed an image to a model take ``--preprocess``.
PREPROCESS_VERBS = ("analyze", "activations", "classify", "attack", "fool", "blend", "explain", "features",
                    "dream")
#: The verbs that compute take ``--precision`` (``gan``'s actions have their own).
PRECISION_VERBS = ("activations", "classify", "attack", "fool", "blend", "explain", "features", "dream",
                   "style", "train")
PRECISION_HELP = ("what to compute in: auto (default: bfloat16 on CPUs with bf16 instructions, float16 on "
                  "GPUs with tensor cores, else float32), float32, bfloat16, float16; class probabilities "
                  "and other verdicts are always float32; --json says which was used")


def _precision_option(parser: argparse.ArgumentParser) -> None:
    from neurolab.core.precision import CHOICES

    parser.add_argument("--precision", choices=CHOICES, default="auto", help=PRECISION_HELP)


def _preprocess_help() -> str:
    from neurolab.core.models.preprocessing import CHOICES, CUSTOM_SYNTAX

    keys = "; ".join(f"{key}: {choice.phrase}" for key, choice in CHOICES.items())
    return ("how 0-255 pixels become the model's input, instead of what the model file tells or "
            f"neurolab assumes: {keys}; {CUSTOM_SYNTAX}: (x - MEAN) / STD, each one number or three "
            "(R,G,B) in 0-255 units, e.g. custom:127.5/127.5").replace("%", "%%")


def build_parser() -> argparse.ArgumentParser:
    from neurolab.core.explain.config import METHODS as EXPLAIN_METHODS  # plain data, as is the next
    from neurolab.core.style.backbones import BACKBONE_DEFAULTS  # plain data: no TensorFlow import

    parser = _OneLineParser(prog="neurolab", description=(
        "See what a convolutional neural network sees. With no verb, opens the window."))
    parser.add_argument("--version", action="version", version=f"neurolab {neurolab.__version__}")
    parser.add_argument(*VERBOSE_OPTIONS, action="store_true", dest="verbose", help=VERBOSE_HELP)
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_OneLineParser)

    def verb(name: str, help_text: str, handler: Callable) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        if name not in ("gui", "gan"):  # gan's actions have their own
            sub.add_argument("--json", action="store_true", help="print one JSON object on stdout")
        if name != "gan":
            _verbose_option(sub)
        if name in PREPROCESS_VERBS:
            sub.add_argument("--preprocess", metavar="KEY", help=_preprocess_help())
        if name in PRECISION_VERBS:
            _precision_option(sub)
        return sub

    gui = verb("gui", "open the window", cmd_gui)
    gui.add_argument("image", nargs="?", help="an image to open")
    gui.add_argument("--model", help="a model name or file")
    gui.add_argument("--kiosk", action="store_true", help="full screen, for classroom PCs")
    gui.add_argument("--lang", choices=("cs", "en"), help="language of the window")
    gui.add_argument("--exit-when-ready", action="store_true",
                     help="print start-up timings and exit once the model is ready (smoke test)")

    analyze = verb("analyze", "the layer table, as MATLAB's analyzeNetwork shows it", cmd_analyze)
    analyze.add_argument("model", help="a model name (see `neurolab models list`) or file")
    analyze.add_argument("--csv", metavar="FILE", help="also write the table to this CSV file")
    analyze.add_argument("--markdown", metavar="FILE", help="also write the table to this Markdown file")

    graph = verb("graph", "the model's layers as a graph: nodes, edges, a layered layout", cmd_graph)
    graph.add_argument("model", help=MODEL_HELP)
    graph.add_argument("-o", "--output", metavar="FILE", help="write the graph as SVG or PNG (by suffix)")
    graph.add_argument("--collapse", metavar="NESTED", action="append",
                       help="show this nested model as one box (repeatable)")

    acts = verb("activations", "one layer's activations for an image, at its own size",
                cmd_activations)
    acts.add_argument("model", help=MODEL_HELP)
    acts.add_argument("image", help=IMAGE_HELP)
    acts.add_argument("--layer", required=True, help="layer name (parent/name inside a nested model)")
    acts.add_argument("-o", "--output", help="write the channel mosaic to this PNG")
    acts.add_argument("--npy", help="write the raw activations (H×W×C float32) to this .npy")
    acts.add_argument("--native-size", action="store_true",
                      help="resize the image to the model's input size first")

    classify = verb("classify", "top-K classes of an image", cmd_classify)
    classify.add_argument("model", help=MODEL_HELP)
    classify.add_argument("--model-output", metavar="NAME|INDEX", help=MODEL_OUTPUT_HELP)
    classify.add_argument("image", help=IMAGE_HELP)
    classify.add_argument("--top", type=int, default=5, help="how many classes to list (default 5)")

    attack = verb("attack", "an adversarial image: a few levels per pixel change the network's answer",
                  cmd_attack)
    attack.add_argument("model", help=MODEL_HELP)
    attack.add_argument("--model-output", metavar="NAME|INDEX", help=MODEL_OUTPUT_HELP)
    attack.add_argument("image", help=IMAGE_HELP)
    attack.add_argument("--method", choices=("fgsm", "pgd"), default="pgd",
                        help="fgsm: one step; pgd: many small steps (default)")
    attack.add_argument("--epsilon", type=float, default=8.0, help="largest pixel change, 0-255 units")
    attack.add_argument("--steps", type=int, default=20, help="PGD steps (default 20)")
    attack.add_argument("--step-size", type=float, default=None, help="PGD step, 0-255 units")
    attack.add_argument("--target", help="class to make the network say (name or index); "
                        "default: anything but the current answer")
    attack.add_argument("--no-random-start", action="store_true",
                        help="PGD starts from the image itself, not a random point near it")
    attack.add_argument("--seed", type=int, default=0, help=SEED_HELP)
    attack.add_argument("-o", "--output", help="write the adversarial image to this PNG")

    explain_verb = verb("explain", "where does the network look? a class's heat map over the image, at its "
                        "own size", cmd_explain)
    explain_verb.add_argument("model", help=MODEL_HELP)
    explain_verb.add_argument("--model-output", metavar="NAME|INDEX", help=MODEL_OUTPUT_HELP)
    explain_verb.add_argument("image", help=IMAGE_HELP)
    explain_verb.add_argument("--method", choices=EXPLAIN_METHODS, default="gradcam",
                              help="gradcam (default), gradcam++, saliency, smoothgrad, occlusion, rise")
    explain_verb.add_argument("--class", dest="class_name", metavar="NAME",
                              help="the class to explain (name or index; default: the network's answer)")
    explain_verb.add_argument("--layer", help="Grad-CAM's layer (parent/name inside a nested model; "
                              "default: the last layer with a spatial map)")
    explain_verb.add_argument("-o", "--output", help="write the map over the image to this PNG")
    explain_verb.add_argument("--npy", help="write the map (height×width float32, the image's own size) "
                              "to this .npy")
    explain_verb.add_argument("--colour-map", choices=("cividis", "ice"), default="cividis",
                              help="colours of the map in the PNG (default cividis)")
    explain_verb.add_argument("--opacity", type=float, default=0.8, help="how strongly the map covers "
                              "the image in the PNG, 0-1 (default 0.8)")
    explain_verb.add_argument("--samples", type=int, help="SmoothGrad's noisy copies (default 32)")
    explain_verb.add_argument("--noise", type=float, help="SmoothGrad's noise, a fraction of 0-255 "
                              "(default 0.15)")
    explain_verb.add_argument("--patch", type=int, help="occlusion's square, in the network's input "
                              "pixels (default 8)")
    explain_verb.add_argument("--stride", type=int, help="occlusion's step (default 4)")
    explain_verb.add_argument("--masks", type=int, help="RISE's random masks (default 500)")
    explain_verb.add_argument("--seed", type=int, default=0, help=SEED_HELP)

    features_verb = verb("features", "what does each filter want to see? one image per channel of a layer "
                         "(or per class), grown by gradient ascent, as a grid", cmd_features)
    features_verb.add_argument("model", help=MODEL_HELP)
    features_verb.add_argument("--layer", help="the layer (parent/name inside a nested model)")
    features_verb.add_argument("--classes", action="store_true",
                               help="the output neurons instead of a layer (the logits, before the softmax)")
    features_verb.add_argument("--model-output", metavar="NAME|INDEX", help=MODEL_OUTPUT_HELP)
    features_verb.add_argument("--channels", default="all",
                               help="which channels (or classes): all, or numbers such as 0,1,2 or 0-7 "
                                    "(default all)")
    features_verb.add_argument("--steps", type=int, help="gradient-ascent steps (default 128)")
    features_verb.add_argument("--size", type=int, help="each image's side in pixels (default 96; class "
                                                        "images: the network's input size)")
    features_verb.add_argument("--learning-rate", type=float, help="Adam's step size (default 0.1)")
    features_verb.add_argument("--parameterization", choices=("fourier", "pixels"),
                               help="decorrelated colour + Fourier basis (default) or plain pixels")
    features_verb.add_argument("--seed", type=int, default=0, help=SEED_HELP)
    features_verb.add_argument("-o", "--output", help="write the grid of images to this PNG")
    features_verb.add_argument("--npy", help="write the images as an array channels×height×width×3 (RGB "
                                             "0-255, uint8) in the order asked")

    dream_verb = verb("dream", "deep dream: the photo changed to excite a layer, at its own size", cmd_dream)
    dream_verb.add_argument("model", help=MODEL_HELP)
    dream_verb.add_argument("image", help=IMAGE_HELP)
    dream_verb.add_argument("--layer", required=True, help="the layer(s) to excite, commas between")
    dream_verb.add_argument("--octaves", type=int, help="how many sizes, coarse to fine (default 3)")
    dream_verb.add_argument("--steps", type=int, help="steps per octave (default 10)")
    dream_verb.add_argument("--strength", type=float, help="each step's size in 0-255 levels (default 2.5)")
    dream_verb.add_argument("--octave-scale", type=float, help="each octave this many times the previous "
                                                               "(default 1.4)")
    dream_verb.add_argument("-o", "--output", required=True, help="write the dreamt photo to this PNG")

    fool = verb("fool", "a fooling image grown from noise", cmd_fool)
    fool.add_argument("model", help=MODEL_HELP)
    fool.add_argument("--model-output", metavar="NAME|INDEX", help=MODEL_OUTPUT_HELP)
    fool.add_argument("--target", required=True, help="class name or index")
    fool.add_argument("--start", choices=("noise", "grey"), default="noise",
                      help="what the image grows from (default noise)")
    fool.add_argument("--steps", type=int, default=200, help="most optimisation steps (default 200)")
    fool.add_argument("--seed", type=int, default=0, help=SEED_HELP)
    fool.add_argument("-o", "--output", help="write the image to this PNG")

    blend_verb = verb("blend", "an image plus noise: the network's label and how different it looks",
                      cmd_blend)
    blend_verb.add_argument("model", help=MODEL_HELP)
    blend_verb.add_argument("--model-output", metavar="NAME|INDEX", help=MODEL_OUTPUT_HELP)
    blend_verb.add_argument("image", help=IMAGE_HELP)
    blend_verb.add_argument("noise", help="the noise image to blend in (e.g. from `neurolab fool`)")
    blend_verb.add_argument("--alpha", type=float, default=0.5, help="noise weight, 0-1")
    blend_verb.add_argument("-o", "--output", help="write the blend to this PNG")

    gan = verb("gan", "train a GAN (gan train) or draw samples from one (gan sample)", cmd_gan)
    gan_actions = gan.add_subparsers(dest="action", metavar="ACTION", required=True,
                                     parser_class=_OneLineParser)
    train = gan_actions.add_parser("train", help="train a GAN; checkpoints in --out every epoch",
                                   description="Train a DCGAN. With a checkpoint already in --out, "
                                   "training continues from it.")
    train.add_argument("--data", default="builtin", help="'builtin' (no download) or a folder "
                       "of images (searched recursively)")
    train.add_argument("--epochs", type=int, default=None, help="train until this epoch")
    train.add_argument("--size", type=int, choices=(32, 64), default=32,
                       help="side of the pictures in px (default 32)")
    train.add_argument("--batch-size", type=int, default=None,
                       help="pictures per training step (default: the GAN's)")
    train.add_argument("--latent", type=int, default=None, help="latent vector length")
    train.add_argument("--seed", type=int, default=0, help=SEED_HELP)
    train.add_argument("--out", required=True, help="checkpoint folder")
    train.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    sample = gan_actions.add_parser("sample", help="a grid of samples from a checkpoint")
    sample.add_argument("dir", help="checkpoint folder written by `gan train` or the window")
    sample.add_argument("-o", "--output", help="write the grid to this PNG "
                        "(default DIR/sample_grid.png)")
    sample.add_argument("--n", type=int, default=16, help="number of samples")
    sample.add_argument("--seed", type=int, default=None,
                        help="same seed, same samples (default: different each time)")
    sample.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    _verbose_option(train)
    _verbose_option(sample)
    _precision_option(train)
    _precision_option(sample)

    style = verb("style", "paint CONTENT in the style of STYLE (neural style transfer)", cmd_style)
    style.add_argument("content", help="the photo to repaint")
    style.add_argument("style", help="the image whose style is carried over")
    style.add_argument("-o", "--output", required=True, help="write the result to this PNG")
    style.add_argument("--steps", type=int, default=200, help="optimisation steps (default 200)")
    style.add_argument("--size", type=int, default=256, help="long side of the result in px "
                       "(default 256)")
    style.add_argument("--style-weight", type=float, help="weight of the style loss "
                       "(default: the backbone's)")
    style.add_argument("--content-weight", type=float, help="weight of the content loss")
    style.add_argument("--tv-weight", type=float, help="weight of the smoothness (total variation) loss")
    style.add_argument("--start", choices=("content", "noise"), default="content",
                       help="start from the photo (default) or from noise")
    style.add_argument("--backbone", choices=tuple(BACKBONE_DEFAULTS), default=None,
                       help="default: VGG19 when its ImageNet weights are cached, else random filters")
    style.add_argument("--seed", type=int, default=0, help=SEED_HELP)

    train_verb = verb("train", "train a classifier on a folder of class folders (each folder's name is a "
                      "class); saves MODEL.keras and MODEL.labels.txt", cmd_train)
    train_verb.add_argument("folder", help="a folder of class folders (pets/cat, pets/dog…), or 'builtin' "
                            "for the drawn shapes")
    train_verb.add_argument("--out", required=True, metavar="MODEL.keras", help="where to save the model")
    train_verb.add_argument("--backbone", help="auto (default: a small CNN from scratch for small pictures, "
                            "else a cached ImageNet network or the bundled model's trunk), bundled, scratch, "
                            "or a Keras Application / squeezenet with cached weights")
    train_verb.add_argument("--epochs", type=int, help="most epochs (default 30, 60 from scratch; stops early "
                            "when the validation loss stops improving)")
    train_verb.add_argument("--image-size", type=int, metavar="PX", help="picture side (default: the backbone's; "
                            "from scratch: about the pictures' own)")
    train_verb.add_argument("--validation", type=float, metavar="FRACTION",
                            help="share of each class held out to validate (default 0.2)")
    train_verb.add_argument("--fine-tune", action="store_true", help="also train the backbone's last block")
    train_verb.add_argument("--no-augment", action="store_true", help="no flips, turns, zoom or contrast")
    train_verb.add_argument("--no-flip", action="store_true", help="augment without mirroring (digits, "
                            "letters, arrows: a mirrored one is another class or none; the default for "
                            "greyscale or small pictures)")
    train_verb.add_argument("--test-folder", metavar="FOLDER", help="judge on this folder of the same classes "
                            "instead of the validation pictures")
    train_verb.add_argument("--batch-size", type=int, help="pictures per step (default 32)")
    train_verb.add_argument("--learning-rate", type=float, help="Adam's learning rate (default 0.001)")
    train_verb.add_argument("--patience", type=int, help="epochs without improvement before stopping "
                            "(default 5; 0: never stop early)")
    train_verb.add_argument("--seed", type=int, default=0, help=SEED_HELP)

    models = verb("models", "list, fetch or describe model sources", cmd_models)
    models.add_argument("action", choices=("list", "fetch", "info"),
                        help="list: every model and whether it works offline; fetch: download "
                        "ImageNet weights; info: describe a model")
    models.add_argument("names", nargs="*", metavar="NAME", help="model names (fetch, info)")
    models.add_argument("--cache", metavar="DIR", help="weights folder shared by a classroom "
                        "(also $NEUROLAB_WEIGHTS_CACHE; default: Keras's cache)")

    shots = verb("screenshot", "render the window with each tab to PNGs (offscreen)", cmd_screenshot)
    shots.add_argument("dir", help="folder for the PNGs (made if missing)")
    shots.add_argument("--model", help="model to show (default: the window's default)")
    shots.add_argument("--image", help="image to show")
    shots.add_argument("--lang", nargs="+", choices=("cs", "en"), default=["en"],
                       help="languages of the window, one picture set each (default: en)")
    shots.add_argument("--size", nargs="+", default=["1366x768"], metavar="WIDTHxHEIGHT",
                       help="window sizes, e.g. 1366x768 1920x1080 (default: 1366x768)")
    shots.add_argument("--lab", action="store_true",
                       help="also the Lab panel at each exercise's final step, set up by its buttons")
    return parser


#: What a first word that is not a verb may be: an image to open in the window.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm")
TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")


def _looks_like_image(word: str) -> bool:
    """A path the window can open: an existing file, a path with a folder, or an image's name."""
    return (os.path.exists(word) or os.sep in word or "/" in word
            or word.lower().endswith(IMAGE_SUFFIXES))


def unknown_verb_message(word: str) -> str:
    """'clasify' -> the unknown verb named, with the nearest real one (or the list of verbs)."""
    import difflib

    close = difflib.get_close_matches(word.lower(), VERBS, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"the verbs are {', '.join(VERBS)}."
    return f"'{word}' is not a verb of neurolab; {hint} (see neurolab --help)"


def _with_verb(argv: list[str]) -> list[str]:
    """The arguments with ``gui`` put first where the window is meant.

    ``neurolab``, ``neurolab photo.jpg`` and ``neurolab --kiosk --lang cs`` open the
    window; ``--help`` and ``--version`` stay the program's own. A first word that is
    neither a verb nor an image's path is a mistyped verb: :class:`UnknownVerb`.
    """
    if argv and argv[0] in VERBOSE_OPTIONS:  # the program's own option, before any verb
        return [argv[0], *_with_verb(argv[1:])]
    if not argv:
        return ["gui"]
    first = argv[0]
    if first in VERBS or first in TOP_LEVEL_OPTIONS:
        return argv
    if first.startswith("-") or _looks_like_image(first):
        return ["gui", *argv]
    raise UnknownVerb(unknown_verb_message(first))


class UnknownVerb(Exception):
    """The first word is neither a verb nor an image: said in one line, exit status 2."""


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        argv = _with_verb(argv)
    except UnknownVerb as exc:
        print(f"neurolab: {exc}", file=sys.stderr)
        return 2
    parser = build_parser()
    args = parser.parse_args(argv)
    _tensorflow_environment(window=args.verb == "gui", verbose=args.verbose)
    if args.verb == "gui":
        return _run(args)
    with own_words_only(enabled=not args.verbose):
        return _run(args)


def _read_preprocess_option(args) -> None:
    """``--preprocess`` as a choice in ``args.preprocessing`` (None when not given): a bad one is
    refused in one sentence before any model or image is read."""
    from neurolab.core.models.preprocessing import preprocessing_choice

    text = getattr(args, "preprocess", None)
    args.preprocessing = preprocessing_choice(text) if text is not None else None


def _run(args) -> int:
    """The verb, its failure as one sentence on stderr."""
    try:
        if args.verb not in ("gui", "screenshot"):  # the window says it itself, in its error bar
            from neurolab.core.cpu import require_tensorflow_cpu

            require_tensorflow_cpu()  # before anything imports TensorFlow
        _read_preprocess_option(args)
        if getattr(args, "precision", None) is not None:
            from neurolab.core.precision import reset_used, set_precision

            set_precision(args.precision)
            reset_used()
        return int(args.handler(args) or 0)
    except BadInputError as exc:
        print(f"neurolab: {exc}", file=sys.stderr)
        return 2
    except NeurolabError as exc:  # not the input's fault, but still a sentence
        print(f"neurolab: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("neurolab: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        print(f"neurolab: internal error: {describe_exception(exc)}", file=sys.stderr)
        if os.environ.get("NEUROLAB_DEBUG"):
            raise
        return 1
