"""A minimal PDF writer for tests: text lines in a CID font whose ToUnicode maps each code to its code point.

pdfplumber reads the text layer from the ToUnicode map alone (no font file is embedded), which is
enough to test reading PDFs without a PDF library: page breaks, running headers and footers, a
scan without text (a page with no line), a ruled table, and a password-protected file (a Standard security
handler whose empty user password does not open it).
"""

from __future__ import annotations

from pathlib import Path


def make_pdf(path: Path, pages: list[list[tuple[float, float, str]]], *, encrypt: bool = False, size: float = 12,
             rules: list[list[tuple[float, float, float, float]]] | None = None) -> None:
    """A minimal PDF: each page's (x, y, text) lines in a CID font whose ToUnicode maps code = code point;
    ``rules``: each page's ruled lines (x0, y0, x1, y1), the borders of a table."""
    chars = sorted({ord(c) for page in pages for _, _, t in page for c in t})
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
    for i in range(0, len(chars), 100):
        chunk = chars[i:i + 100]
        cmap += f"{len(chunk)} beginbfchar\n" + "".join(f"<{c:04X}> <{c:04X}>\n" for c in chunk) + "endbfchar\n"
    cmap += "endcmap CMapName currentdict /CMap defineresource pop end end"
    tounicode = add(b"<< /Length %d >>\nstream\n" % len(cmap.encode()) + cmap.encode() + b"\nendstream")
    desc = add(b"<< /Type /FontDescriptor /FontName /Song /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 "
               b"/Descent -120 /CapHeight 700 /StemV 80 >>")
    cid = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
              b"/Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>" % desc)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>"
               % (cid, tounicode))
    page_ids = []
    pages_id = len(objs) + 2 * len(pages) + 1
    for page in pages:
        ops = "".join(f"BT /F1 {size} Tf {x} {y} Td <{''.join(f'{ord(c):04X}' for c in t)}> Tj ET\n" for x, y, t in page)
        ops += "".join(f"{x0} {y0} m {x1} {y1} l S\n" for x0, y0, x1, y1 in (rules[len(page_ids)] if rules else []))
        content = add(b"<< /Length %d >>\nstream\n" % len(ops) + ops.encode() + b"\nendstream")
        page_ids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                            b"/Contents %d 0 R >>" % (pages_id, font, content)))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % i for i in page_ids), len(page_ids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    enc = ""
    if encrypt:
        enc = (" /Encrypt << /Filter /Standard /V 1 /R 2 /O <" + "11" * 32 + "> /U <" + "22" * 32 + "> /P -4 >>"
               " /ID [<" + "33" * 16 + "> <" + "33" * 16 + ">]")
    out += f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R{enc} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
