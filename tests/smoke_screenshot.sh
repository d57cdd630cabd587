#!/usr/bin/env bash
# Starts the real convene under Xvfb, saves a screenshot of each screen and checks none is blank.
# usage: smoke_screenshot.sh CONVENE PNG_CHECK OUT_DIR
set -euo pipefail
convene=$1 png_check=$2 out=$3
mkdir -p "$out"
export XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data"
for view in conversations library summaries; do
  xvfb-run -a -s "-screen 0 1280x720x24" "$convene" --db "$out/smoke.db" \
    --screenshot "$out/$view.png" --view "$view"
  "$png_check" "$out/$view.png" 1280 720
done
# A screen smaller than the default window (a small laptop): the window opens at the screen's size.
report=$(xvfb-run -a -s "-screen 0 1024x640x24" "$convene" --db "$out/smoke.db" --idle-report 1)
echo "$report"
[[ $report == "window 1024x640;"* ]] || { echo "the window does not fit a 1024x640 screen" >&2; exit 1; }
# Idle means asleep: a frame is drawn after input, a timer or a new layout, never in a loop.
frames=$(sed -E 's/.*; ([0-9]+) frames drawn.*/\1/' <<<"$report")
((frames <= 30)) || { echo "the idle window drew $frames frames in a second" >&2; exit 1; }
