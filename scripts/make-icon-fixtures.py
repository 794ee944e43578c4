#!/usr/bin/env python3
"""Draws the PNG icons of fixtures/icons/ (used by the rule cases of the icon rules).

Run from the repository root: python3 scripts/make-icon-fixtures.py
Only the standard library is used; the output is deterministic.
"""
import struct
import zlib
from pathlib import Path

OUT = Path("fixtures/icons")


def png(path, w, h, pixel):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(w)) for y in range(h)
    )

    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )
    (OUT / path).write_bytes(data)


def transparent_symbol_touching(x, y):
    # A transparent 192x192 icon whose anti-aliased symbol touches the left and right edges
    # over 25 pixels (like the published My Stickers icon).
    if 52 <= y < 77 and (x < 20 or x > 171):
        return (230, 80, 120, 128)
    if 40 <= x < 152 and 40 <= y < 152:
        return (230, 80, 120, 255)
    return (0, 0, 0, 0)


def gradient(x, y):
    return (x, 100, 200, 255)


def outline_padded(x, y):
    # A white 14x14 symbol centred on a 32x32 transparent canvas: 9 px of padding each side.
    return (255, 255, 255, 255) if 9 <= x < 23 and 9 <= y < 23 else (0, 0, 0, 0)


def outline_filled(x, y):
    # A white symbol filling the frame up to 1 px from the edges.
    return (255, 255, 255, 255) if 1 <= x < 31 and 2 <= y < 30 else (0, 0, 0, 0)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    png("color-transparent-symbol-touching-edge.png", 192, 192, transparent_symbol_touching)
    png("color-gradient-background.png", 192, 192, gradient)
    png("outline-padded.png", 32, 32, outline_padded)
    png("outline-filled.png", 32, 32, outline_filled)
