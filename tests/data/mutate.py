"""Byte-level helpers shared by the bounded fuzz tests and ``benchmarks/fuzz_loaders.py``."""

from __future__ import annotations

import struct
import zlib


def fix_png_crcs(data: bytes) -> bytes:
    """Recompute every chunk's CRC, so that Pillow parses the mutated chunks instead of
    refusing the file at the first checksum."""
    out = bytearray(data)
    pos = 8
    while pos + 12 <= len(out):
        length = struct.unpack(">I", out[pos:pos + 4])[0]
        end = pos + 8 + length
        if end + 4 > len(out):
            break
        out[end:end + 4] = struct.pack(">I", zlib.crc32(out[pos + 4:end]))
        pos = end + 4
    return bytes(out)
