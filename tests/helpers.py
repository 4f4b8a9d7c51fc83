"""Builders shared by the tests: deterministic photos and small Keras models."""

from __future__ import annotations

import numpy as np


def photo(height: int = 96, width: int = 128, seed: int = 0) -> np.ndarray:
    """A deterministic 'photo': smooth colour gradients, a disc and noise."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    image = np.stack([x / max(width - 1, 1), y / max(height - 1, 1),
                      0.5 + 0.5 * np.sin(x / 7.0)], axis=-1) * 200
    disc = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (min(width, height) / 4) ** 2
    image[disc] = [250, 220, 30]
    image += rng.normal(0, 8, image.shape)
    return np.clip(image, 0, 255).astype(np.uint8)


def small_cnn(input_shape=(32, 32, 3), classes: int = 4, *, flatten: bool = False, seed: int = 1):
    """A small functional CNN: conv/relu/pool blocks, then GAP (or Flatten) and Dense."""
    import keras

    keras.utils.set_random_seed(seed)
    inputs = keras.Input(input_shape, name="data")
    x = keras.layers.Conv2D(8, 3, padding="same", name="conv1")(inputs)
    x = keras.layers.ReLU(name="relu1")(x)
    x = keras.layers.MaxPooling2D(2, name="pool1")(x)
    x = keras.layers.Conv2D(16, 3, strides=2, name="conv2")(x)
    x = keras.layers.BatchNormalization(name="bn2")(x)
    x = keras.layers.Activation("relu", name="relu2")(x)
    x = keras.layers.Flatten(name="flat")(x) if flatten else keras.layers.GlobalAveragePooling2D(name="gap")(x)
    x = keras.layers.Dense(classes, name="fc")(x)
    outputs = keras.layers.Softmax(name="prob")(x)
    return keras.Model(inputs, outputs, name="small_cnn")


def nested_trunk_model(side: int = 16):
    """A classifier whose trunk is a nested network with a branch (transfer learning's shape):
    image → scale → trunk (t_conv → t_left | t_right → t_add) → pool → classes."""
    import keras
    from keras import layers

    trunk_in = keras.Input((side, side, 3), name="trunk_in")
    y = layers.Conv2D(4, 3, name="t_conv")(trunk_in)
    trunk = keras.Model(trunk_in, layers.Add(name="t_add")([layers.ReLU(name="t_left")(y),
                                                            layers.Conv2D(4, 1, name="t_right")(y)]),
                        name="trunk")
    inputs = keras.Input((side, side, 3), name="image")
    x = trunk(layers.Rescaling(1 / 255, name="scale")(inputs))
    x = layers.GlobalAveragePooling2D(name="pool")(x)
    return keras.Model(inputs, layers.Dense(3, activation="softmax", name="classes")(x), name="outer")


def loaded_model(model, *, name: str = "small", preprocess=None):
    from neurolab.core.models.catalog import LoadedModel

    shape = tuple(int(d) for d in model.inputs[0].shape[1:])
    return LoadedModel(model=model, name=name, display_name=name, source="test", input_shape=shape,
                       preprocess=preprocess or (lambda x: x / 255.0), preprocessing="unit",
                       labels=[f"c{i}" for i in range(int(model.outputs[0].shape[-1]))])


def child_processes(pid: int | None = None) -> dict[int, str]:
    """Live (not zombie) descendants of ``pid`` (this process by default): pid → command line.

    Read from /proc (Linux); empty elsewhere. psutil is not a dependency.
    """
    import os

    root = os.getpid() if pid is None else pid
    parents: dict[int, int] = {}
    commands: dict[int, str] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:  # ended while we looked
            continue
        if fields[0] != b"Z":
            parents[int(entry)] = int(fields[1])
            commands[int(entry)] = command
    found: dict[int, str] = {}
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        for child, its_parent in parents.items():
            if its_parent == parent and child not in found:
                found[child] = commands[child]
                frontier.append(child)
    return found


def module_chain(nodes: int, seed: int = 0) -> tuple[list[str], list[tuple[str, str]]]:
    """A synthetic network graph of about ``nodes`` layers: a chain of modules (1–4 branches of 1–3
    layers each, merged), now and then a skip edge around a module; (keys, edges). The graph
    layout's tests and ``benchmarks/graph.py`` (5,000 nodes) lay it out."""
    import random

    rng = random.Random(seed)
    keys, edges, last, number = ["n0"], [], "n0", 1
    while number < nodes:
        ends = []
        for _ in range(rng.randint(1, 4)):
            previous = last
            for _ in range(rng.randint(1, 3)):
                key = f"n{number}"
                number += 1
                keys.append(key)
                edges.append((previous, key))
                previous = key
            ends.append(previous)
        merge = f"n{number}"
        number += 1
        keys.append(merge)
        edges += [(end, merge) for end in ends]
        if rng.random() < 0.3:
            edges.append((last, merge))
        last = merge
    return keys, edges
