#!/usr/bin/env python3
"""Reads an .xlsx with nothing but Python's standard library (zipfile, xml) and prints its sheets as
JSON: {sheet name: {"cells": [[value, ...], ...], "formats": [[number format or null, ...], ...],
"frozen": "A2" or null, "autofilter": "A1:F9" or null, "widths": {column index: width}}}. Numbers stay
numbers, so a test can check the workbook against the report's JSON with a reader Kouka did not write."""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


# Excel's built-in number formats that a writer may use by id instead of writing them out.
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00"}


def number_formats(z):
    """The number format code of each cell style index (cellXfs), from xl/styles.xml."""
    if "xl/styles.xml" not in z.namelist():
        return []
    styles = ET.fromstring(z.read("xl/styles.xml"))
    custom = {}
    numfmts = styles.find("m:numFmts", NS)
    if numfmts is not None:
        for f in numfmts.findall("m:numFmt", NS):
            custom[int(f.get("numFmtId"))] = f.get("formatCode")
    xfs = styles.find("m:cellXfs", NS)
    out = []
    for xf in (xfs.findall("m:xf", NS) if xfs is not None else []):
        n = int(xf.get("numFmtId", "0"))
        out.append(custom.get(n, BUILTIN_FORMATS.get(n, str(n))))
    return out


def main(path):
    z = zipfile.ZipFile(path)
    formats_by_style = number_formats(z)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for sheet in book.find("m:sheets", NS):
        target = targets[sheet.get("{%s}id" % NS["r"])]
        root = ET.fromstring(z.read("xl/" + target.lstrip("/").replace("xl/", "")))
        rows = []
        formats = []
        for row in root.iter("{%s}row" % NS["m"]):
            cells = []
            row_formats = []
            for c in row.findall("m:c", NS):
                i = column_index(c.get("r"))
                while len(cells) < i:
                    cells.append(None)
                    row_formats.append(None)
                style = int(c.get("s", "0"))
                row_formats.append(formats_by_style[style] if style < len(formats_by_style) else None)
                v = c.find("m:v", NS)
                if c.get("t") == "s":
                    cells.append(shared[int(v.text)])
                elif c.get("t") == "inlineStr":
                    cells.append("".join(t.text or "" for t in c.iter("{%s}t" % NS["m"])))
                elif v is not None:
                    cells.append(float(v.text))
                else:
                    cells.append(None)
            rows.append(cells)
            formats.append(row_formats)
        pane = root.find(".//m:pane", NS)
        autofilter = root.find("m:autoFilter", NS)
        widths = {}
        for col in root.iter("{%s}col" % NS["m"]):
            for i in range(int(col.get("min")) - 1, int(col.get("max"))):
                widths[i] = float(col.get("width"))
        out[sheet.get("name")] = {"cells": rows, "formats": formats, "frozen": pane.get("topLeftCell") if pane is not None else None,
                                  "autofilter": autofilter.get("ref") if autofilter is not None else None, "widths": widths}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
