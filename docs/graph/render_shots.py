"""Renders the pictures in this folder: ``python docs/graph/render_shots.py`` (offscreen, offline).

Each is the window's own scene (``gui/graph_scene.py``) cropped around one module, colours
reduced to 128 for the repository; the bundled model's is taken from a started window on the
sample flower, after its thumbnails came.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("NEUROLAB_CONFIG_DIR", tempfile.mkdtemp())
os.environ.setdefault("NEUROLAB_DATA_DIR", tempfile.mkdtemp())
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))


def save(image, name: str) -> None:
    """A QImage saved as a 128-colour PNG."""
    from PIL import Image

    from neurolab.gui.graph_scene import png_bytes

    path = HERE / name
    path.write_bytes(png_bytes(image))
    with Image.open(path) as picture:
        picture.convert("RGB").quantize(128, dither=Image.Dither.NONE).save(path, optimize=True)
    print(name, path.stat().st_size // 1024, "KiB")


def crop(scene, first: str, last: str, margin: float = 24, also=(), scale: float = 1.0):
    """The scene between box ``first`` (top) and box ``last`` (bottom), as wide as the boxes between."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    layout = scene.layout
    top, bottom = layout.nodes[first].top - margin, layout.nodes[last].bottom + margin
    inside = [b for b in layout.nodes.values() if b.top >= top and b.bottom <= bottom]
    inside += [layout.nodes[k] for k in also]
    left = min(b.left for b in inside) - margin
    right = max(b.right for b in inside) + margin
    source = QRectF(left, top, right - left, bottom - top)
    image = QImage(round(source.width() * scale), round(source.height() * scale), QImage.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
    painter.end()
    return image


def scene_of(model):
    from neurolab.core.graph.model_graph import ModelGraph
    from neurolab.core.inspection.analysis import analyze_model
    from neurolab.gui.graph_scene import GraphScene

    scene = GraphScene(thumbnail_slots=False)
    scene.show_graph(ModelGraph.from_analysis(analyze_model(model)))
    return scene


def structure_shots() -> None:
    import keras

    from neurolab.core.models.squeezenet import build_squeezenet

    save(crop(scene_of(build_squeezenet()), "pool1", "fire3-concat"), "squeezenet_fire_modules.png")
    save(crop(scene_of(keras.applications.ResNet50(weights=None)), "pool1_pool", "conv2_block2_out"),
         "resnet50_skips.png")
    save(crop(scene_of(keras.applications.InceptionV3(weights=None)), "max_pooling2d_1", "mixed0"),
         "inceptionv3_branches.png")


def flower_shot() -> None:
    window, wait = started_window("shapes")
    window.layers.select_layer("conv3")
    wait(lambda: not window.runner.busy)
    save(window.grab().toImage(), "window_shapes_flower.png")
    save(crop(window.layers.graph.scene, "data", "relu4", scale=1.6), "shapes_flower_thumbnails.png")
    window.close()


def inception_window_shot() -> None:
    """InceptionV3 (weights=None, saved to a file first: offline) in the window on the flower,
    ``mixed0`` selected: its four branches meeting in the graph pane, thumbnails on."""
    import keras

    path = Path(tempfile.mkdtemp()) / "inceptionv3.keras"
    keras.applications.InceptionV3(weights=None).save(path)
    window, wait = started_window(str(path))
    window.layers.select_layer("mixed0")
    wait(lambda: not window.runner.busy)
    save(window.grab().toImage(), "window_inceptionv3_flower.png")
    window.close()


def started_window(model: str):
    """The window at 1366×768 on ``model`` and the sample flower, its graph's thumbnails in."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QApplication

    import neurolab.gui.main_window as main_window
    from neurolab.gui.app import create_window

    main_window.available_geometry = lambda _w: QRect(0, 0, 1366, 738)
    app = QApplication.instance() or QApplication([])
    window = create_window(model=model)
    window.setWindowState(Qt.WindowNoState)
    window.resize(1366, 768)
    window.show()
    ready = []
    window.ready.connect(lambda: ready.append(True))
    window.start()
    pane = window.layers.graph

    def wait(condition, seconds=180):
        end = time.time() + seconds
        while not condition() and time.time() < end:
            app.processEvents()
            time.sleep(0.01)

    wait(lambda: ready)
    wait(lambda: not window.runner.busy and pane.scene.thumbnails and not pane.building())

    def settled(condition):
        wait(condition)
        for _ in range(20):
            app.processEvents()
    return window, settled


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    application = QApplication([])  # before any font or scene
    structure_shots()
    flower_shot()
    inception_window_shot()
