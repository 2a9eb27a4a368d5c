#!/usr/bin/env python3
"""Makes the sample pictures of tests/data/images/ (run from that folder).

good.png is drawn here; good.jpg and good.webp are good.png written by libvips (kept in the
tree, this script reads them). From them come the hostile and malformed samples the unit and
HTTP tests send: none is copied from anywhere.
"""
import random
import struct
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width, height, rows, colour_type=2):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    raw = b"".join(b"\x00" + r for r in rows)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


# a 400 x 300 picture with a gradient and a red square, RGBA (alpha is flattened on upload)
W, H = 400, 300
rows = []
for y in range(H):
    r = bytearray()
    for x in range(W):
        inside = 150 <= x < 250 and 100 <= y < 200
        r += bytes((200 if inside else x * 255 // W, 30 if inside else y * 255 // H, 120, 255))
    rows.append(bytes(r))
good = png(W, H, rows, colour_type=6)
write("good.png", good)

# a PNG whose CRC of the image data is wrong
i = good.index(b"IDAT")
length = struct.unpack(">I", good[i - 4:i])[0]
crc_at = i + 4 + length
bad = bytearray(good)
bad[crc_at] ^= 0xFF
write("badcrc.png", bytes(bad))

# a decompression bomb: the header claims 50000 x 50000 pixels (2.5 gigapixels), the data is
# one short row of zeros (a decoder that trusts the header allocates 7.5 GB)
ihdr = struct.pack(">IIBBBBB", 50000, 50000, 8, 2, 0, 0, 0)
write("bomb.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
      chunk(b"IDAT", zlib.compress(b"\x00" * 150001)) + chunk(b"IEND", b""))

# a GIF (1 x 1) and an SVG, both to be sent as image/jpeg
write("tiny.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00"
      b"\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
write("drawing.svg", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" '
      b'height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>\n')
write("empty.jpg", b"")
rnd = random.Random(9)
write("random.bin", bytes(rnd.randrange(256) for _ in range(4096)))

jpeg = open("good.jpg", "rb").read()
write("truncated.jpg", jpeg[: len(jpeg) // 2])


# a JPEG with an EXIF block (camera, orientation and a GPS position), an XMP packet and a
# comment, all of which must be gone from every stored file
def ifd(entries, next_ifd=0, base=0):
    """entries: (tag, type, count, value bytes); returns the IFD with its out-of-line data,
    laid out from offset base"""
    head = struct.pack(">H", len(entries))
    data_at = base + 2 + 12 * len(entries) + 4
    body = b""
    extra = b""
    for tag, typ, count, value in entries:
        if len(value) <= 4:
            body += struct.pack(">HHI", tag, typ, count) + value.ljust(4, b"\x00")
        else:
            body += struct.pack(">HHII", tag, typ, count, data_at + len(extra))
            extra += value
            if len(extra) % 2:
                extra += b"\x00"
    return head + body + struct.pack(">I", next_ifd) + extra


def rational(*pairs):
    return b"".join(struct.pack(">II", a, b) for a, b in pairs)


make = b"GPSCamera Inc.\x00"
# layout: TIFF header (8), IFD0 at 8, GPS IFD after it
ifd0_entries = [
    (0x010F, 2, len(make), make),              # Make
    (0x0112, 3, 1, struct.pack(">H", 6)),      # Orientation: turned 90° (shown upright when rotated)
    (0x8825, 4, 1, struct.pack(">I", 0)),      # GPS IFD pointer, patched below
]
ifd0 = ifd(ifd0_entries, base=8)
gps_at = 8 + len(ifd0)
ifd0_entries[2] = (0x8825, 4, 1, struct.pack(">I", gps_at))
ifd0 = ifd(ifd0_entries, base=8)
gps = ifd([
    (0x0000, 1, 4, b"\x02\x03\x00\x00"),                      # GPSVersionID
    (0x0001, 2, 2, b"N\x00"),                                   # GPSLatitudeRef
    (0x0002, 5, 3, rational((55, 1), (24, 1), (1234, 100))),   # GPSLatitude 55°24'12.34"
    (0x0003, 2, 2, b"E\x00"),                                   # GPSLongitudeRef
    (0x0004, 5, 3, rational((11, 1), (21, 1), (5678, 100))),   # GPSLongitude 11°21'56.78"
], base=gps_at)
tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + ifd0 + gps
app1 = b"Exif\x00\x00" + tiff
exif_seg = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
xmp = (b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
       b"xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
       b"xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='55,24.2N'/></rdf:RDF>"
       b"</x:xmpmeta>")
xmp_seg = b"\xff\xe1" + struct.pack(">H", len(xmp) + 2) + xmp
comment = b"secret location: Slagelse"
com_seg = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
# after SOI and any APP0 (JFIF) of good.jpg
at = 2
if jpeg[2:4] == b"\xff\xe0":
    at = 4 + struct.unpack(">H", jpeg[4:6])[0]
write("gps.jpg", jpeg[:at] + exif_seg + xmp_seg + com_seg + jpeg[at:])
