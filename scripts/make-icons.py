#!/usr/bin/env python3
"""Draws the app icons (a white open door on blue) as PNGs, with no image library.

Run once after changing the design: python3 scripts/make-icons.py. Output is committed.
"""
import struct
import zlib
from pathlib import Path

BLUE = (0x1D, 0x4F, 0x91)
WHITE = (0xFF, 0xFF, 0xFF)
GOLD = (0xFF, 0xD0, 0x4D)
DARK = (0x0B, 0x2A, 0x55)


def png(path, size, pixel):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            row.extend(pixel(x / size, y / size))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def door(scale):
    """A door frame with the door swung open, drawn within the centre `scale` of the icon."""
    lo, hi = 0.5 - scale / 2, 0.5 + scale / 2

    def pixel(u, v):
        # Map to the door's own box.
        x, y = (u - lo) / (hi - lo), (v - lo) / (hi - lo)
        if not (0 <= x <= 1 and 0 <= y <= 1):
            return BLUE
        frame_l, frame_r, top, bottom = 0.22, 0.78, 0.08, 0.95
        inside = frame_l <= x <= frame_r and top <= y <= bottom
        if not inside:
            return BLUE
        # The open door is a trapezoid hinged on the left, its far edge nearer to us (taller).
        t = (x - frame_l) / (0.55 - frame_l)
        if x <= 0.55:
            skew = 0.06 * t
            if top - skew <= y <= bottom + skew * 0.3:
                if abs(x - 0.49) < 0.025 and abs(y - 0.55) < 0.025:
                    return GOLD
                return WHITE
        # Light through the doorway.
        return GOLD if y > 0.15 else DARK

    return pixel


out = Path(__file__).resolve().parent.parent / "public" / "icons"
out.mkdir(parents=True, exist_ok=True)
png(out / "icon-192.png", 192, door(0.86))
png(out / "icon-512.png", 512, door(0.86))
# Maskable icons may be cropped to a circle of 80%: keep the door well inside it.
png(out / "maskable-512.png", 512, door(0.56))
print("wrote", sorted(p.name for p in out.glob("*.png")))
