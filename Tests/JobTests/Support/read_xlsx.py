#!/usr/bin/env python3
"""Reads an .xlsx with nothing but Python's standard library (zipfile, xml) and prints its sheets as
JSON: {sheet name: {"cells": [[value, ...], ...], "frozen": "A2" or null}}. Numbers stay numbers, so a
test can check the workbook against the report's JSON with a reader Kouka did not write."""
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


def main(path):
    z = zipfile.ZipFile(path)
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
        for row in root.iter("{%s}row" % NS["m"]):
            cells = []
            for c in row.findall("m:c", NS):
                i = column_index(c.get("r"))
                while len(cells) < i:
                    cells.append(None)
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
        pane = root.find(".//m:pane", NS)
        out[sheet.get("name")] = {"cells": rows, "frozen": pane.get("topLeftCell") if pane is not None else None}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
