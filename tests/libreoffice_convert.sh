#!/usr/bin/env bash
# Exports the demo workspace's workbook and has LibreOffice (headless, a private profile) convert
# it to PDF: the conversion must succeed and make a PDF of many pages with every sheet on a page
# of its own (each page's footer names its sheet), and say nothing on stderr but the one line LibreOffice prints
# on every machine without Java.
# usage: libreoffice_convert.sh CONVENE_CLI OUT_DIR
set -euo pipefail
cli=$1 out=$2
rm -rf "$out"
mkdir -p "$out"
export XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data"
"$cli" --db "$out/demo.db" demo > /dev/null
sheets=$("$cli" --db "$out/demo.db" --json export "$out/demo.xlsx" |
  /usr/bin/python3 -c 'import json, sys; print("\n".join(s["sheet"] for s in json.load(sys.stdin)["sheets"]))')

status=0
timeout 300 soffice -env:UserInstallation="file://$out/profile" --headless --norestore \
  --convert-to pdf --outdir "$out" "$out/demo.xlsx" > "$out/soffice.out" 2> "$out/soffice.err" ||
  status=$?
fail() { echo "libreoffice_convert: $*" >&2; cat "$out/soffice.out" "$out/soffice.err" >&2; exit 1; }
[ "$status" -eq 0 ] || fail "soffice exited with $status"
[ -s "$out/demo.pdf" ] || fail "no PDF written"
# Anything on stderr but the Java notice is a complaint.
if grep -v -e '^Warning: failed to launch javaldx - java may not function correctly$' \
     -e '^$' "$out/soffice.err" > "$out/complaints.txt"; then
  fail "soffice complained: $(cat "$out/complaints.txt")"
fi
bytes=$(stat -c %s "$out/demo.pdf")
[ "$bytes" -gt 100000 ] || fail "the PDF is only $bytes bytes"
pages=$(pdfinfo "$out/demo.pdf" | awk '/^Pages:/ { print $2 }')
[ "$pages" -ge 20 ] || fail "the PDF has only $pages pages"
# The footer of every printed page: the sheet's name, then "Page N of M".
pdftotext -layout "$out/demo.pdf" - |
  sed -n -E 's/^[[:space:]]*(.*[^[:space:]])[[:space:]]+Page [0-9]+ of [0-9]+[[:space:]]*$/\1/p' |
  sort -u > "$out/footers.txt"
while IFS= read -r sheet; do
  grep -q -x -F -- "$sheet" "$out/footers.txt" || fail "no page of sheet \"$sheet\" in the PDF"
done <<< "$sheets
About"
echo "converted: $pages pages, $bytes bytes"
