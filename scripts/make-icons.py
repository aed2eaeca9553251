#!/usr/bin/env python3
"""Draws the app icon: assets/icon.svg and assets/icon-192.png, icon-512.png.

A page of text lines, some highlighted in the entity colors of
style/main.css, on the accent blue. Only rounded rectangles, so the SVG and
the PNGs (rasterised here with 4x4 supersampling, standard library only) come
from the same list of shapes. Run it after changing a shape; the outputs are
committed, the build only copies them.
"""
import os
import struct
import zlib

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "assets")

# (x, y, width, height, corner radius, color) in a 512 x 512 box.
SHAPES = [
    (0, 0, 512, 512, 96, "#1f5fbf"),  # --accent
    (112, 72, 288, 368, 24, "#ffffff"),  # the page
    (152, 128, 76, 24, 12, "#c9c6bd"),
    (240, 128, 120, 24, 12, "#b4246b"),  # --person
    (152, 188, 208, 24, 12, "#c9c6bd"),
    (152, 248, 96, 24, 12, "#16803c"),  # --place
    (260, 248, 100, 24, 12, "#c9c6bd"),
    (152, 308, 150, 24, 12, "#c9c6bd"),
    (152, 368, 56, 24, 12, "#c9c6bd"),
    (220, 368, 120, 24, 12, "#1d63c6"),  # --organization
]


def svg():
    rects = "\n".join(
        f'  <rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{c}"/>' for x, y, w, h, r, c in SHAPES
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">\n'
        "  <title>Article Explorer</title>\n"
        f"{rects}\n</svg>\n"
    )


def inside(px, py, shape):
    x, y, w, h, r, _ = shape
    if px < x or py < y or px > x + w or py > y + h:
        return False
    cx = min(max(px, x + r), x + w - r)
    cy = min(max(py, y + r), y + h - r)
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r


def rgb(color):
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))


def png(size):
    scale = 512 / size
    n = 4
    offsets = [(i + 0.5) / n for i in range(n)]
    colors = [rgb(s[5]) for s in SHAPES]
    rows = []
    for j in range(size):
        row = bytearray([0])  # filter: none
        for i in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for oy in offsets:
                for ox in offsets:
                    px, py = (i + ox) * scale, (j + oy) * scale
                    top = None
                    for k in range(len(SHAPES) - 1, -1, -1):
                        if inside(px, py, SHAPES[k]):
                            top = colors[k]
                            break
                    if top is not None:
                        acc[0] += top[0]
                        acc[1] += top[1]
                        acc[2] += top[2]
                        acc[3] += 1
            cover = acc[3]
            if cover:
                row += bytes(round(acc[c] / cover) for c in range(3)) + bytes([round(255 * cover / (n * n))])
            else:
                row += bytes(4)
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


with open(os.path.join(out, "icon.svg"), "w", encoding="utf-8") as f:
    f.write(svg())
for size in (192, 512):
    with open(os.path.join(out, f"icon-{size}.png"), "wb") as f:
        f.write(png(size))
