#!/usr/bin/env python3
"""Writes the sample PDFs of tests/data/pdf/ (run from this folder): well-formed documents with
a correct cross-reference table or stream, and malformed and hostile ones. The files are
committed; this script says how they were made."""
import zlib

def pdf(objects, version=b"1.4", trailer_extra=b"", binary_comment=True):
    out = bytearray(b"%PDF-" + version + b"\n")
    if binary_comment:
        out += b"%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b">>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)

text = b"BT /F1 18 Tf 72 720 Td (Tilbud fra Virksomhedsporten) Tj ET"
page = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
    b" /Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]
open("tilbud.pdf", "wb").write(pdf(page))

# PDF 1.5 with a cross-reference stream instead of a table
def xref_stream_pdf():
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, body in enumerate(page, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref_off = len(out)
    rows = b"\x00\x00\x00\x00\xff\xff"
    for o in offs:
        rows += b"\x01" + o.to_bytes(4, "big") + b"\x00"
    rows += b"\x01" + xref_off.to_bytes(4, "big") + b"\x00"
    data = zlib.compress(rows)
    n = len(page) + 2
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 1] /Root 1 0 R /Filter /FlateDecode"
            b" /Length %d >>\nstream\n" % (n - 1, n, len(data)) + data + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % xref_off
    return bytes(out)
open("xref-stream.pdf", "wb").write(xref_stream_pdf())

open("version-2.0.pdf", "wb").write(pdf(page, version=b"2.0"))
# an incremental update: two %%EOF, the last one at the end
base = pdf(page)
open("updated.pdf", "wb").write(base + b"6 0 obj\n<< /Producer (Indgang test) >>\nendobj\n"
                                + b"startxref\n%d\n%%%%EOF\n" % base.index(b"xref"))
# garbage before the header (allowed within the first 1024 bytes)
open("junk-before-header.pdf", "wb").write(b"X" * 500 + pdf(page))

# hostile and malformed
js = list(page)
js[0] = b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>"
open("javascript.pdf", "wb").write(pdf(js))
hidden = list(page)
hidden[0] = b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (x) >> >>"
open("javascript-escaped.pdf", "wb").write(pdf(hidden))
launch = list(page)
launch[0] = b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>"
open("launch.pdf", "wb").write(pdf(launch))
enc = list(page) + [b"<< /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>"]
open("encrypted.pdf", "wb").write(pdf(enc, trailer_extra=b"/Encrypt 6 0 R "))
good = pdf(page)
open("truncated.pdf", "wb").write(good[: len(good) // 2])
open("no-xref.pdf", "wb").write(good.replace(b"\nxref\n", b"\nxxxx\n").replace(b"trailer", b"tttttt"))
open("late-header.pdf", "wb").write(b" " * 1100 + good)
open("bad-version.pdf", "wb").write(good.replace(b"%PDF-1.4", b"%PDF-9.9", 1))
open("empty.pdf", "wb").write(b"")
# a PNG with a .pdf name: judged by content, refused
open("picture.pdf", "wb").write(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
# a header and an end, but nothing between
open("shell.pdf", "wb").write(b"%PDF-1.7\n%%EOF\n")
