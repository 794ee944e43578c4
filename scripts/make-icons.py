#!/usr/bin/env python3
"""Generate the icons of the clean fixture packages under fixtures/packages/.

For every package this writes
  color.png   192x192 RGBA: solid background colour, white symbol inside the
              central 96x96 area (48 px padding, as the store guidance asks);
  outline.png 32x32 RGBA: the same symbol in pure white (255,255,255,255),
              every other pixel fully transparent (0,0,0,0); no other colours
              and no other alpha values; 1 px margin around the symbol.

Python standard library only (zlib + struct). The output is deterministic, so
running `python3 scripts/make-icons.py` again leaves the files unchanged.
"""

import math
import os
import struct
import sys
import zlib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PACKAGES_DIR = os.path.join(ROOT, "fixtures", "packages")

WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


# --- symbols: functions of normalised coordinates (u, v) in [0, 1) -> bool ---

def sym_tab(u, v):
    """A window/page with a filled header bar (tab apps)."""
    border = 0.13
    inside = border <= u < 1 - border and border <= v < 1 - border
    return v < 0.32 or not inside


def sym_globe(u, v):
    """A globe: ring plus equator and meridian (localized app)."""
    r = math.hypot(u - 0.5, v - 0.5)
    if 0.37 <= r < 0.5:
        return True
    if r < 0.5 and (abs(v - 0.5) < 0.06 or abs(u - 0.5) < 0.06):
        return True
    return False


def sym_bubble(u, v):
    """A speech bubble with three dots cut out (command bot)."""
    body = v < 0.74
    tail = 0.74 <= v and u >= 0.12 and u < 0.12 + (1 - v) * 1.4 and u < 0.5
    dots = abs(v - 0.37) < 0.08 and any(abs(u - c) < 0.08 for c in (0.25, 0.5, 0.75))
    return (body or tail) and not dots


def sym_parcel(u, v):
    """A parcel with a cross band cut out (shipment search extension)."""
    band = abs(u - 0.5) < 0.07 or abs(v - 0.42) < 0.07
    return not band


def sym_magnifier(u, v):
    """A magnifying glass (API-based search extension)."""
    r = math.hypot(u - 0.4, v - 0.4)
    if 0.27 <= r < 0.4:
        return True
    # handle along the diagonal from the ring to the bottom-right corner
    t = (u + v) / 2
    d = abs(u - v) / math.sqrt(2)
    return t >= 0.66 and d < 0.1


def sym_diamond(u, v):
    """A diamond ring (declarative agent)."""
    d = abs(u - 0.5) + abs(v - 0.5)
    return 0.26 <= d < 0.49


def sym_plus(u, v):
    """A spark: plus sign with a hollow centre (custom engine agent)."""
    arms = abs(u - 0.5) < 0.17 or abs(v - 0.5) < 0.17
    hole = math.hypot(u - 0.5, v - 0.5) < 0.09
    return arms and not hole


# package name -> (background colour of the color icon, symbol)
PACKAGES = {
    "tab-personal": ((79, 70, 229), sym_tab),
    "bot-commands": ((23, 64, 112), sym_bubble),
    "me-bot-copilot": ((214, 104, 26), sym_parcel),
    "me-api-based": ((22, 128, 88), sym_magnifier),
    "declarative-agent": ((109, 40, 160), sym_diamond),
    "custom-engine-agent": ((150, 32, 48), sym_plus),
    "localized-tab": ((14, 116, 144), sym_globe),
}


# --- PNG encoding ---

def _chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def encode_png(width, height, pixels):
    """pixels: list of rows, each a list of (r, g, b, a) tuples; 8-bit RGBA."""
    raw = bytearray()
    for row in pixels:
        raw.append(0)  # filter type 0 (None)
        for px in row:
            raw.extend(px)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + _chunk(b"IEND", b"")
    )


def render(size, margin, symbol, fg, bg):
    """Render `symbol` into the square [margin, size - margin) of a size x size image."""
    inner = size - 2 * margin
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            px = bg
            if margin <= x < size - margin and margin <= y < size - margin:
                u = (x - margin + 0.5) / inner
                v = (y - margin + 0.5) / inner
                if symbol(u, v):
                    px = fg
            row.append(px)
        rows.append(row)
    return rows


def color_icon(bg_rgb, symbol):
    return encode_png(192, 192, render(192, 48, symbol, WHITE, bg_rgb + (255,)))


def outline_icon(symbol):
    return encode_png(32, 32, render(32, 1, symbol, WHITE, CLEAR))


def write_if_changed(path, data):
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except FileNotFoundError:
        pass
    with open(path, "wb") as f:
        f.write(data)
    return True


def main(argv):
    names = argv[1:] or sorted(PACKAGES)
    for name in names:
        if name not in PACKAGES:
            sys.exit(f"unknown package {name!r}; known: {', '.join(sorted(PACKAGES))}")
        bg, symbol = PACKAGES[name]
        pkg = os.path.join(PACKAGES_DIR, name)
        os.makedirs(pkg, exist_ok=True)
        for fname, data in (("color.png", color_icon(bg, symbol)), ("outline.png", outline_icon(symbol))):
            changed = write_if_changed(os.path.join(pkg, fname), data)
            print(f"{'wrote' if changed else 'kept '} {os.path.relpath(os.path.join(pkg, fname), ROOT)} ({len(data)} bytes)")


if __name__ == "__main__":
    main(sys.argv)
