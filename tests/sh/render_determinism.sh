# render_determinism.sh - the same inputs give a byte-identical PDF (and
# workbook and web page), run after run (a new process each time, so
# different addresses; --force, so the second run builds rather than finds
# them up to date), with the date from SOURCE_DATE_EPOCH when it is set and
# from the reports when not: those the briefing shows (a members' summary,
# its authority's alone), and the cover says so ("Based on reports
# published up to ..."); the PDF never carries the clock.
. tests/lib.sh
copy_examples redcar-and-cleveland.yaml redcar-and-cleveland-analysts.yaml stockton-on-tees.yaml
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

# What the cover says of a date from the reports: the newest inspection of
# those the briefing shows when their publication dates are not all known.
expect_contains "without SOURCE_DATE_EPOCH: the pack says what its date is" "$(pdf_text "$WORK/c.pdf" 1)" \
    "Based on inspections and visits up to 12 December 2025"
stockton="$WORK/out/stockton-on-tees-members-summary.pdf"
"$CSBRIEF" build --force "$WORK/examples/stockton-on-tees.yaml" >/dev/null 2>&1
cover=$(pdf_text "$stockton" 1)
expect_contains "a members' summary is dated by its authority's reports, not its comparator's" \
    "$cover" "Based on inspections and visits up to 17 March 2023"
case "$cover" in *"December 2025"*) fail "... no comparator's date (December 2025) on it";;
    *) ok "... no comparator's date (December 2025) on it";; esac
created=$(pdfinfo "$stockton" 2>/dev/null | awk '/^CreationDate:/ {$1=""; print}')
expect_contains "... and its creation date is that date" "$created" "Mar 17 00:00:00 2023"
# Every publication date known (an index beside the reports): the newest.
printf 'file,published\nstockton-on-tees-2023-03-ilacs.txt,2023-05-05\n' \
    > "$WORK/examples/reports/index.csv"
"$CSBRIEF" build --force "$WORK/examples/stockton-on-tees.yaml" >/dev/null 2>&1
expect_contains "publication dates known: 'Based on reports published up to' the newest" \
    "$(pdf_text "$stockton" 1)" "Based on reports published up to 5 May 2023"
# A date given wins, printed as it is.
SOURCE_DATE_EPOCH=1767225600 "$CSBRIEF" build --force "$WORK/examples/stockton-on-tees.yaml" \
    >/dev/null 2>&1
cover=$(pdf_text "$stockton" 1)
case "$cover" in *"1 January 2026"*"Based on"*|*"Based on"*) fail "SOURCE_DATE_EPOCH: the date as it is";;
    *"1 January 2026"*) ok "SOURCE_DATE_EPOCH: the date as it is";;
    *) fail "SOURCE_DATE_EPOCH: the date as it is: $(printf '%s' "$cover" | head -c 200)";; esac
