"""Channels of an activation tiled into one image, as MATLAB's montage shows them.

By default each channel is normalised on its own (min → black, max → white), so a
filter that responds weakly everywhere is still visible; white means strong. A
shared scale instead puts every tile on the layer's one range (weak filters stay
dark, so strengths can be compared), and a gamma below 1 brightens the mostly-black
tiles of ReLU layers. Large activations are subsampled before normalising so that a
mosaic of a big photo stays quick to draw when the user switches layers.

A vector (a Dense layer's 128 units, ``(N,)`` or ``1×1×N``) is a *neuron grid*: one
uniform cell per unit (128 → 8 rows × 16 columns), its brightness the unit's value on the
vector's one range; :attr:`Mosaic.unit_values` keeps the values for the view's hover.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from neurolab.core.results import result_json

DEFAULT_MAX_PIXELS = 1_500_000  # a mosaic bigger than this is subsampled (the view shows ~0.6 MP)
SEPARATOR = 1  # pixels of grey between tiles
SEPARATOR_VALUE = 64
SEPARATOR_RGB = (64, 64, 64)
#: Empty slots after the last tile: the views' dark background, hatched, so no one takes
#: them for (black) tiles of channels that do not exist.
EMPTY_RGB = (32, 32, 32)
EMPTY_HATCH_RGB = (72, 72, 72)
#: How tiles are scaled: each to its own range, or all to the layer's one range.
SCALES = ("tile", "shared")
DEFAULT_SCALE = "tile"
DEFAULT_GAMMA = 1.0


@dataclass
class Mosaic:
    """A tiled image plus the geometry needed to map a click back to a channel."""

    image: np.ndarray  # uint8, H × W (grey)
    rows: int
    cols: int
    tile_height: int
    tile_width: int
    channels: int
    low: np.ndarray | None = None  # per channel: the value drawn black (weak)
    high: np.ndarray | None = None  # per channel: the value drawn white (strong)
    scale: str = DEFAULT_SCALE
    gamma: float = DEFAULT_GAMMA
    means: np.ndarray | None = None  # per channel: the mean value (of the values drawn)
    #: A vector's values, one per cell (a Dense layer's units as a neuron grid); None for maps.
    unit_values: np.ndarray | None = None

    @property
    def is_neuron_grid(self) -> bool:
        """The cells are units of a vector (each one value), not channels of a map."""
        return self.unit_values is not None

    def unit_value(self, unit: int) -> float:
        """The value of ``unit`` in a neuron grid (what its cell's brightness shows)."""
        return float(self.unit_values[unit])

    def strongest_channel(self) -> int:
        """The channel with the largest mean response: a useful first look."""
        return 0 if self.means is None else int(np.argmax(self.means))

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The tiling in numbers (the pixels are the saved PNG): :mod:`neurolab.core.results`."""
        return result_json({"channels": self.channels, "rows": self.rows, "cols": self.cols,
                            "neuron_grid": self.is_neuron_grid,
                            "tile_size": [self.tile_width, self.tile_height],
                            "image_size": [int(self.image.shape[1]), int(self.image.shape[0])],
                            "colour_scale": self.scale, "gamma": self.gamma}, context)

    def tile_origin(self, channel: int) -> tuple[int, int]:
        """(x, y) of the top-left pixel of ``channel``'s tile (also for an empty slot)."""
        row, col = divmod(channel, self.cols)
        return col * (self.tile_width + SEPARATOR), row * (self.tile_height + SEPARATOR)

    def value_range(self, channel: int) -> tuple[float, float]:
        """The activation values drawn weakest and strongest in ``channel``'s tile."""
        if self.low is None or self.high is None:
            return 0.0, 0.0
        return float(self.low.flat[channel]), float(self.high.flat[channel])

    def channel_at(self, x: float, y: float) -> int | None:
        """The channel under pixel (x, y) of :attr:`image`, or ``None`` on a separator/outside."""
        pitch_x, pitch_y = self.tile_width + SEPARATOR, self.tile_height + SEPARATOR
        col, row = int(x // pitch_x), int(y // pitch_y)
        if not (0 <= col < self.cols and 0 <= row < self.rows):
            return None
        if x - col * pitch_x >= self.tile_width or y - row * pitch_y >= self.tile_height:
            return None
        index = row * self.cols + col
        return index if index < self.channels else None


def grid_shape(channels: int) -> tuple[int, int]:
    """Rows and columns of a near-square grid holding ``channels`` tiles."""
    cols = max(1, math.ceil(math.sqrt(channels)))
    return max(1, math.ceil(channels / cols)), cols


#: Side in pixels of one unit's cell in a neuron grid (the view enlarges it, nearest-neighbour).
NEURON_CELL = 8
#: The widest a neuron grid is made from a divisor of its size (cols ≤ this × rows).
NEURON_GRID_ASPECT = 4


def neuron_grid_shape(units: int) -> tuple[int, int]:
    """Rows and columns of a grid of ``units`` cells, wider than tall, filled where a divisor
    allows it: 128 → 8×16, 10 → 2×5, 784 → 28×28; a prime such as 127 → 8×16 with one empty."""
    units = max(1, int(units))
    for rows in range(math.isqrt(units), 0, -1):
        if units % rows == 0 and units // rows <= NEURON_GRID_ASPECT * rows:
            return rows, units // rows
    rows = max(1, math.ceil(math.sqrt(units / 2)))
    return rows, math.ceil(units / rows)


def is_vector(activation: np.ndarray) -> bool:
    """A vector of units (``(N,)`` or ``1×1×N``): shown as a neuron grid, one cell per unit."""
    array = as_channels_last(activation)
    return array.shape[0] * array.shape[1] == 1


def as_channels_last(activation: np.ndarray) -> np.ndarray:
    """Any activation as H × W × C: a vector becomes 1 × 1 × N (a channel per unit)."""
    array = np.asarray(activation)
    if array.ndim == 3:
        return array
    if array.ndim == 2:
        return array[..., None]
    if array.ndim == 1:
        return array[None, None, :]
    return array.reshape(array.shape[0], array.shape[1], -1)


def normalise_channels(activation: np.ndarray) -> np.ndarray:
    """Each channel to 0–255 (uint8); a constant channel is black.

    A 1×1 activation (a vector) is normalised as a whole, because per-channel
    scaling of single values would make every tile the same.
    """
    array = as_channels_last(activation).astype(np.float32, copy=False)
    axes = (0, 1) if array.shape[0] * array.shape[1] > 1 else (0, 1, 2)
    low = array.min(axis=axes, keepdims=True)
    span = array.max(axis=axes, keepdims=True) - low
    span[span == 0] = np.inf
    return ((array - low) * (255.0 / span)).astype(np.uint8)


def subsample_step(height: int, width: int, channels: int, max_pixels: int) -> int:
    """Stride that keeps the tiled mosaic under ``max_pixels``."""
    total = height * width * channels
    return max(1, math.ceil(math.sqrt(total / max_pixels))) if total > max_pixels else 1


def tile_channels(activation: np.ndarray, *, max_pixels: int = DEFAULT_MAX_PIXELS,
                  scale: str = DEFAULT_SCALE, gamma: float = DEFAULT_GAMMA) -> Mosaic:
    """All channels of one activation as a near-square grid (uint8 grey).

    ``scale`` 'tile' stretches each channel to its own range, 'shared' puts all on
    the layer's range; ``gamma`` < 1 brightens weak values (value ** gamma). A vector is
    a neuron grid (:func:`neuron_grid_shape`, cells of :data:`NEURON_CELL` px).
    Channels are laid out first (one contiguous row each), normalised and
    placed with a single reshape: a layer switch stays well under 50 ms.
    """
    if scale not in SCALES:
        raise ValueError(f"Unknown mosaic scale '{scale}': use {', '.join(SCALES)}.")
    array = as_channels_last(activation)
    units = None
    if array.shape[0] * array.shape[1] == 1:  # a vector: a neuron grid, each unit a uniform cell
        units = array.reshape(-1).astype(np.float32)
        array = np.broadcast_to(units, (NEURON_CELL, NEURON_CELL, units.size))
    height, width, channels = array.shape
    step = subsample_step(height, width, channels, max_pixels)
    whole = units is not None or scale == "shared"  # vectors: as a whole, see normalise_channels
    if step > 1:
        array = array[::step, ::step]
        height, width = array.shape[:2]
    planes = np.ascontiguousarray(np.moveaxis(array, -1, 0), dtype=np.float32).reshape(channels, -1)
    # The range of the values drawn (the subsample's, for a big layer), from the contiguous
    # planes: the tiles and their legend agree, and a layer switch stays quick (the full
    # array's min and max took ~30 ms for a 383×511×64 layer, benchmarks/bench_ui.py (c)).
    low = planes.min(axis=None if whole else 1).astype(np.float32).reshape(-1, 1)
    high = planes.max(axis=None if whole else 1).astype(np.float32).reshape(-1, 1)
    span = high - low
    span[span == 0] = np.inf
    values = (planes - low) * (255.0 / span)
    if gamma != 1.0:
        values = 255.0 * np.power(np.clip(values, 0.0, 255.0) / 255.0, float(gamma))
    tiles = values.astype(np.uint8).reshape(channels, height, width)
    rows, cols = grid_shape(channels) if units is None else neuron_grid_shape(channels)
    grid = np.full((rows * cols, height, width), SEPARATOR_VALUE, dtype=np.uint8)
    grid[:channels] = tiles
    out = np.full((rows, height + SEPARATOR, cols, width + SEPARATOR), SEPARATOR_VALUE, dtype=np.uint8)
    out[:, :height, :, :width] = grid.reshape(rows, cols, height, width).transpose(0, 2, 1, 3)
    image = out.reshape(rows * (height + SEPARATOR), cols * (width + SEPARATOR))
    image = np.ascontiguousarray(image[:-SEPARATOR, :-SEPARATOR])
    return Mosaic(image, rows, cols, height, width, channels,
                  np.broadcast_to(low.reshape(-1), (channels,)).copy(),
                  np.broadcast_to(high.reshape(-1), (channels,)).copy(), scale, float(gamma),
                  planes.mean(axis=1), units)


def tile_mask(mosaic: Mosaic) -> np.ndarray:
    """Boolean H × W of :attr:`Mosaic.image`: True on the pixels of real tiles."""
    mask = np.ones(mosaic.image.shape, dtype=bool)
    _paint_gaps(mask, mosaic, False, False)
    return mask


def empty_slots(mosaic: Mosaic) -> list[tuple[int, int]]:
    """(x, y) origins of the grid's slots after the last channel."""
    return [mosaic.tile_origin(index) for index in range(mosaic.channels, mosaic.rows * mosaic.cols)]


def _paint_gaps(target: np.ndarray, mosaic: Mosaic, separator, empty) -> None:
    """Set the separator lines and the empty slots of ``target`` (H × W [× 3]) by slicing."""
    target[:, mosaic.tile_width::mosaic.tile_width + SEPARATOR] = separator
    target[mosaic.tile_height::mosaic.tile_height + SEPARATOR] = separator
    for x, y in empty_slots(mosaic):
        target[y:y + mosaic.tile_height, x:x + mosaic.tile_width] = empty


def empty_slot_pixels(mosaic: Mosaic) -> np.ndarray:
    """What an empty slot of the grid looks like: the background colour hatched (RGB uint8,
    tile_height × tile_width)."""
    period = max(4, min(mosaic.tile_height, mosaic.tile_width) // 6)
    yy, xx = np.mgrid[0:mosaic.tile_height, 0:mosaic.tile_width]
    slot = np.empty((mosaic.tile_height, mosaic.tile_width, 3), dtype=np.uint8)
    slot[...] = EMPTY_RGB
    slot[((xx + yy) % period) < max(1, period // 3)] = EMPTY_HATCH_RGB
    return slot


def separator_lines(mosaic: Mosaic) -> tuple[range, range]:
    """The x of every vertical separator line and the y of every horizontal one."""
    height, width = mosaic.image.shape
    return (range(mosaic.tile_width, width, mosaic.tile_width + SEPARATOR),
            range(mosaic.tile_height, height, mosaic.tile_height + SEPARATOR))


def render_mosaic(mosaic: Mosaic, colour_map: str = "grey") -> np.ndarray:
    """The mosaic as saved (and shown: the GUI draws the same with Qt): tiles in
    ``colour_map``, grey separators, and the empty slots of the last row hatched in the
    background colour (RGB uint8)."""
    table = colour_map_table(colour_map)
    rgb = np.empty(mosaic.image.shape + (3,), dtype=np.uint8)
    for band in range(3):  # a 1-D lookup per band: half the time of table[image] (1.5 MP: 34 → 16 ms)
        np.take(table[:, band], mosaic.image, out=rgb[..., band])
    _paint_gaps(rgb, mosaic, SEPARATOR_RGB, empty_slot_pixels(mosaic))
    return rgb


def channel_values(activation: np.ndarray, channel: int) -> tuple[np.ndarray, float, float]:
    """One channel normalised to uint8 grey at full resolution, and the values drawn black
    and white; a vector's channels (1 × 1) are scaled with the whole vector, so they compare.
    One copy of the channel serves both (a layer switch used to read it twice)."""
    array = as_channels_last(activation)
    if array.shape[0] * array.shape[1] == 1:
        return (normalise_channels(array)[:, :, channel], float(array.min()), float(array.max()))
    plane = np.array(array[:, :, channel], dtype=np.float32)  # contiguous: the strided view is slow
    low, high = float(plane.min()), float(plane.max())
    if high == low:
        return np.zeros(plane.shape, dtype=np.uint8), low, high
    plane -= low
    plane *= 255.0 / (high - low)
    return plane.astype(np.uint8), low, high


def channel_image(activation: np.ndarray, channel: int) -> np.ndarray:
    """One channel, normalised to uint8 grey, at full resolution (see :func:`channel_values`)."""
    return channel_values(activation, channel)[0]


def channel_range(activation: np.ndarray, channel: int) -> tuple[float, float]:
    """The values :func:`channel_image` draws black and white (a vector's: the whole vector's)."""
    _, low, high = channel_values(activation, channel)
    return low, high


def heat_colours(grey: np.ndarray) -> np.ndarray:
    """A black-blue-cyan-white colour map for overlays ('ice', MATLAB's 'hot' with red and
    blue swapped), uint8 RGB: lightness rises all the way, and its blues are colours
    that the red, orange and yellow of flowers and faces do not have."""
    value = grey.astype(np.float32) / 255.0
    blue = np.clip(value * 3.0, 0, 1)
    green = np.clip(value * 3.0 - 1.0, 0, 1)
    red = np.clip(value * 3.0 - 2.0, 0, 1)
    return (np.stack([red, green, blue], axis=-1) * 255).astype(np.uint8)


#: The photo under an overlay: grey and dimmed, so heat colours stand out on any photo
#: (an orange flower under a red-yellow heat map would otherwise hide it).
OVERLAY_BASE_BRIGHTNESS = 0.7
OVERLAY_OPACITY = 0.9


def overlay(image: np.ndarray, grey: np.ndarray, *, opacity: float = OVERLAY_OPACITY,
            colour_map: str = "ice") -> np.ndarray:
    """``grey`` (any size) stretched over the RGB ``image`` as a heat map ('ice', or a
    colour map of :data:`COLOUR_MAPS` other than grey).

    The photo is drawn grey and dimmed; the heat colour covers it by the square root
    of the value, so the mostly-small values of a ReLU channel still show where the
    filter responds, and zero leaves the grey photo alone.
    """
    from PIL import Image

    height, width = image.shape[:2]
    stretched = np.asarray(Image.fromarray(grey).resize((width, height), Image.BILINEAR))
    weight = (np.sqrt(stretched.astype(np.float32) / 255.0) * opacity)[..., None]
    colours = overlay_colours(stretched, colour_map)
    lightness = image[..., :3].astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
    base = (lightness * OVERLAY_BASE_BRIGHTNESS)[..., None]
    blended = base * (1 - weight) + colours * weight
    return np.clip(blended, 0, 255).astype(np.uint8)


def overlay_colours(grey: np.ndarray, colour_map: str) -> np.ndarray:
    """The heat colours an overlay uses for the chosen colour map (grey → 'ice'), RGB uint8."""
    if colour_map in ("ice", "grey"):
        return heat_colours(grey)
    return colour_map_table(colour_map)[np.asarray(grey, dtype=np.uint8)]


# --- colour maps ---------------------------------------------------------------------

#: Cividis (Nuñez, Anderton & Renslow 2018, PLoS ONE 13(7): e0199239), every 16th of its 256
#: entries as 8-bit RGB: dark blue → grey → yellow, lightness rising all the way, and it looks
#: the same to readers with red-green colour-vision deficiency. Interpolated linearly in between.
CIVIDIS_TABLE = (
    (0, 34, 78), (0, 46, 106), (26, 56, 111), (50, 67, 109), (67, 78, 108), (83, 90, 109),
    (97, 101, 111), (111, 112, 115), (125, 124, 120), (140, 136, 120), (155, 148, 118),
    (171, 160, 114), (188, 174, 108), (205, 187, 99), (222, 201, 88), (240, 216, 70),
    (254, 232, 56),
)
CIVIDIS_POSITIONS = tuple(range(0, 256, 16)) + (255,)

#: The colour maps a mosaic can be shown in: name → a short description (the GUI translates its own).
COLOUR_MAPS = {
    "grey": "black (weak) to white (strong)",
    "cividis": "dark blue (weak) to yellow (strong); readable with colour-blindness",
}
DEFAULT_COLOUR_MAP = "grey"


@functools.cache
def colour_map_table(name: str) -> np.ndarray:
    """The 256 × 3 uint8 lookup table of colour map ``name`` (see :data:`COLOUR_MAPS`); made
    once and shared, so it is read-only."""
    if name == "grey":
        table = np.repeat(np.arange(256, dtype=np.uint8)[:, None], 3, axis=1)
    elif name == "cividis":
        anchors = np.asarray(CIVIDIS_TABLE, dtype=np.float64)
        levels = np.arange(256)
        columns = [np.interp(levels, CIVIDIS_POSITIONS, anchors[:, k]) for k in range(3)]
        table = np.rint(np.stack(columns, axis=-1)).astype(np.uint8)
    else:
        raise ValueError(f"Unknown colour map '{name}': use {', '.join(COLOUR_MAPS)}.")
    table.setflags(write=False)
    return table


def apply_colour_map(grey: np.ndarray, name: str = DEFAULT_COLOUR_MAP) -> np.ndarray:
    """A uint8 grey image in colour map ``name``: grey stays H × W, others become H × W × 3."""
    if name == "grey":
        return grey
    return colour_map_table(name)[np.asarray(grey, dtype=np.uint8)]
