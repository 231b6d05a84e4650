# render_determinism.sh - the same inputs give a byte-identical PDF (and
# workbook and web page), run after run (a new process each time, so
# different addresses; --force, so the second run builds rather than finds
# them up to date), with the date from SOURCE_DATE_EPOCH when it is set and
# from the reports when not; the PDF never carries the clock.
. tests/lib.sh
copy_examples redcar-and-cleveland.yaml redcar-and-cleveland-analysts.yaml
pack="$WORK/out/redcar-and-cleveland-briefing-pack.pdf"
members="$WORK/out/redcar-and-cleveland-members-summary.pdf"
book="$WORK/out/redcar-and-cleveland-workbook.xlsx"
html="$WORK/out/redcar-and-cleveland-members-summary.html"
build() { "$CSBRIEF" build --force "$WORK/examples/redcar-and-cleveland.yaml" \
    "$WORK/examples/redcar-and-cleveland-analysts.yaml" >/dev/null 2>&1; }

build && cp "$pack" "$WORK/a.pdf" && cp "$members" "$WORK/a-members.pdf" &&
    cp "$book" "$WORK/a.xlsx" && cp "$html" "$WORK/a.html"
MALLOC_PERTURB_=165 build && cp "$pack" "$WORK/b.pdf" && cp "$members" "$WORK/b-members.pdf"
check "briefing pack: byte-identical from two runs" cmp -s "$WORK/a.pdf" "$WORK/b.pdf"
check "members' summary: byte-identical from two runs" cmp -s "$WORK/a-members.pdf" "$WORK/b-members.pdf"
check "workbook: byte-identical from two runs" cmp -s "$WORK/a.xlsx" "$book"
check "web page: byte-identical from two runs" cmp -s "$WORK/a.html" "$html"
created=$(pdfinfo "$WORK/a.pdf" 2>/dev/null | awk '/^CreationDate:/ {$1=""; print}')
expect_contains "creation date comes from SOURCE_DATE_EPOCH (2026-01-01)" "$created" "Jan 1 00:00:00 2026"

unset SOURCE_DATE_EPOCH
build && cp "$pack" "$WORK/c.pdf"
build && cp "$pack" "$WORK/d.pdf"
check "without SOURCE_DATE_EPOCH: still byte-identical" cmp -s "$WORK/c.pdf" "$WORK/d.pdf"
created=$(pdfinfo "$WORK/c.pdf" 2>/dev/null | awk '/^CreationDate:/ {$1=""; print}')
expect_contains "without SOURCE_DATE_EPOCH: the newest report's date" "$created" "Dec 12 00:00:00 2025"
today=$(date -u +%Y%m%d)
if grep -aq "D:$today\|($today" "$WORK/c.pdf"; then fail "no trace of today's date"; else ok "no trace of today's date"; fi
