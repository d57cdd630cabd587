#!/usr/bin/python3
"""Reads a workbook Convene wrote, the way a reader's spreadsheet would, and prints it as JSON
for tests/export_workbook_test.cpp: every sheet with its cells (value, openpyxl's data type, vertical
alignment and the location an internal link points at), plus the chart parts found in the zip.

    /usr/bin/python3 tests/read_workbook.py FILE.xlsx > out.json
    /usr/bin/python3 tests/read_workbook.py --names NAMES.txt FILE.xlsx [CSV_DIR]
        prints every name of NAMES.txt (one a line) found in any XML part of the workbook or any
        CSV file, one "name<TAB>where" a line; nothing when none is found.
"""
import datetime
import html
import json
import os
import sys
import zipfile

import openpyxl


def cell_json(cell):
    value = cell.value
    if isinstance(value, (datetime.datetime, datetime.date)):
        value = value.isoformat()
    out = {"v": value, "t": cell.data_type}
    if value is not None and cell.alignment.vertical:
        out["va"] = cell.alignment.vertical
    if value is not None:
        out["xf"] = cell.style_id  # 0: no style attribute (the workbook's default format)
    if cell.hyperlink is not None:
        out["link"] = cell.hyperlink.location or cell.hyperlink.target
    return out


def read(path):
    wb = openpyxl.load_workbook(path)  # not read-only: hyperlinks are only read this way
    sheets = []
    for ws in wb.worksheets:
        rows = [[cell_json(c) for c in row] for row in ws.iter_rows()]
        sheets.append({
            "name": ws.title,
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "rows": rows,
            # rows given a height of their own (1-based row number -> points)
            "heights": {str(r): d.height for r, d in ws.row_dimensions.items() if d.height},
        })
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        bad = z.testzip()
    return {"sheets": sheets, "charts": charts, "zip_ok": bad is None}


def find_names(names_file, path, csv_dir):
    with open(names_file, encoding="utf-8") as f:
        names = [n.strip() for n in f if n.strip()]
    parts = []
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            parts.append((n, z.read(n).decode("utf-8", errors="replace")))
    if csv_dir:
        for n in sorted(os.listdir(csv_dir)):
            with open(os.path.join(csv_dir, n), encoding="utf-8") as f:
                parts.append((n, f.read()))
    for name in names:
        forms = {name, html.escape(name, quote=True), html.escape(name, quote=False),
                 name.replace("'", "&apos;")}
        for where, text in parts:
            if any(form in text for form in forms):
                print(name + "\t" + where)


def main():
    args = sys.argv[1:]
    if args and args[0] == "--names":
        find_names(args[1], args[2], args[3] if len(args) > 3 else None)
        return
    json.dump(read(args[0]), sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
