#!/usr/bin/env python3
"""Draws the app icons (the favicon's window on the brand red) as PNGs for the
web app manifest, with no image library: public/icons/icon-{192,512}.png and a
maskable 512 whose window stays inside the safe zone. Run once; output committed."""
import struct, zlib, pathlib

RED, WHITE = (0x9b, 0x1c, 0x1c), (0xff, 0xff, 0xff)

def png(path, size, inset):
    # The favicon's geometry on a 32-unit grid, scaled; `inset` shrinks it toward the centre.
    u = size / 32 * (1 - 2 * inset)
    o = size * inset
    def box(x0, y0, x1, y1):
        return (o + x0 * u, o + y0 * u, o + x1 * u, o + y1 * u)
    frame_out, frame_in = box(6.75, 7.75, 25.25, 24.25), box(9.25, 10.25, 22.75, 21.75)
    bars = [box(15, 9, 17, 23), box(8, 15, 24, 17)]
    inside = lambda b, x, y: b[0] <= x < b[2] and b[1] <= y < b[3]
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            cx, cy = x + 0.5, y + 0.5
            white = (inside(frame_out, cx, cy) and not inside(frame_in, cx, cy)) or any(inside(b, cx, cy) for b in bars)
            row += bytes(WHITE if white else RED)
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 2, 0, 0, 0))
    data += chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')
    pathlib.Path(path).write_bytes(data)

out = pathlib.Path(__file__).resolve().parent.parent / 'public' / 'icons'
out.mkdir(parents=True, exist_ok=True)
png(out / 'icon-192.png', 192, 0)
png(out / 'icon-512.png', 512, 0)
png(out / 'icon-maskable-512.png', 512, 0.1)
