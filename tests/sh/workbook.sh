# workbook.sh - the analysts' workbook (format: xlsx) read back with
# openpyxl and checked against `csbrief compare --format json` of the same
# config: one sheet per table, each with its header row frozen and an
# autofilter; every judgement of every authority, every grade change,
# the focus's areas for improvement and theme evidence (quoted as the
# comparison quotes it); grades as their words in the PDF's colours, dates
# as dates, links to the sources; and the same bytes from two runs. Then
# the national overview as a workbook: every authority's latest grades as
# the comparison has them, and national counts that add up.
. tests/lib.sh
copy_examples redcar-and-cleveland-analysts.yaml
config="$WORK/examples/redcar-and-cleveland-analysts.yaml"
book="$WORK/out/redcar-and-cleveland-workbook.xlsx"
"$CSBRIEF" build "$config" >"$WORK/build.log" 2>&1
expect_eq "the example config builds with status 0" "$?" 0
check "the workbook is written" test -s "$book"
"$CSBRIEF" compare --format json "$config" >"$WORK/compare.json" 2>/dev/null
# Debian's python3 has python3-openpyxl (scripts/install-deps).
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" - "$book" "$WORK/compare.json" >"$WORK/checks" 2>&1 <<'EOF'
import datetime, json, re, sys
import openpyxl

book, cmp = sys.argv[1], json.load(open(sys.argv[2]))
wb = openpyxl.load_workbook(book)

def check(ok, what):
    print(("ok - " if ok else "not ok - ") + what)

TITLES = {"outstanding": "Outstanding", "good": "Good", "requires_improvement": "Requires improvement",
          "adequate": "Adequate", "inadequate": "Inadequate"}
# The PDF's grade colours (src/doc/doc.c, csb_grade_fill).
FILLS = {"Outstanding": "163E6C", "Good": "6EA6D8", "Requires improvement": "F7D070",
         "Adequate": "F7D070", "Inadequate": "B02A30"}
SHEETS = ["About", "Inspections and judgements", "Grade changes", "Areas for improvement",
          "Theme evidence", "Latest grades", "What this is based on"]
check(wb.sheetnames == SHEETS, "the sheets are %s" % wb.sheetnames)

def table(name):
    """The sheet's table: its header row (the frozen one) and the rows under it."""
    ws = wb[name]
    head_row = ws[ws.freeze_panes].row - 1 if ws.freeze_panes else 0
    cells = list(ws.iter_rows(min_row=head_row))
    head = [c.value for c in cells[0]]
    rows = [dict(zip(head, [c.value for c in r])) for r in cells[1:]
            if any(c.value is not None for c in r)]
    return ws, head_row, head, rows

stories = [cmp["focus"]] + cmp["peers"]
for name in SHEETS[1:]:
    ws, head_row, head, rows = table(name)
    check(head_row > 0 and ws.freeze_panes == "A%d" % (head_row + 1),
          "%s: the header row (%d) is frozen" % (name, head_row))
    want = "A%d:%s%d" % (head_row, openpyxl.utils.get_column_letter(len(head)), head_row + len(rows))
    check(ws.auto_filter.ref == want, "%s: an autofilter over the table (%s, want %s)"
          % (name, ws.auto_filter.ref, want))
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(len(head))]
    check(all(w and w >= 8 for w in widths), "%s: every column has a width set" % name)

# Every judgement of every report of every authority.
_, _, head, rows = table("Inspections and judgements")
got = sorted((r["Authority"], r["Area"], r["Grade"], r["As the report words it"]) for r in rows if r["Area"])
want = sorted((s["authority"], j["area_title"], TITLES.get(j["grade"], "Not graded"), j["wording"])
              for s in stories for e in s["timeline"] for j in e["judgements"])
check(got == want, "judgements: %d rows, one per judgement of every authority, as compare says (%d)"
      % (len(got), len(want)))
reports = sorted((s["authority"], e["start"], e["end"]) for s in stories for e in s["timeline"])
seen = sorted(set((r["Authority"], r["Start"].date().isoformat() if r["Start"] else None,
                   r["End"].date().isoformat() if r["End"] else None) for r in rows))
check(seen == sorted(set(reports)), "judgements: every report, with its dates, is there")
dates = [r["Start"] for r in rows if r["Start"] is not None]
check(dates and all(isinstance(d, datetime.datetime) for d in dates), "dates are dates, not text")
ws = wb["Inspections and judgements"]
fills_ok = True
for row in ws.iter_rows(min_row=4):
    cell = row[head.index("Grade")]
    if cell.value in FILLS:
        fills_ok &= cell.fill.fgColor.rgb[-6:].upper() == FILLS[cell.value]
check(fills_ok, "grades are their words on the PDF's colours")
# Ofsted's reports link to Ofsted's page; a peer challenge has no address known.
links = [(row[head.index("Report")].value, row[head.index("Source")].hyperlink)
         for row in ws.iter_rows(min_row=4)]
check(links and all((l is not None and l.target.startswith("https://reports.ofsted.gov.uk/"))
                    == (report != "LGA peer challenge") for report, l in links),
      "each Ofsted report links to its source")

# Every grade change.
_, _, _, rows = table("Grade changes")
got = sorted((r["Authority"], r["Area"], r["From"], r["To"], r["Change"], r["Steps"]) for r in rows)
want = sorted((s["authority"], a["title"], TITLES[c["from"]["grade"]], TITLES[c["to"]["grade"]],
               c["direction"], c["steps"]) for s in stories for a in s["areas"] for c in a["changes"])
check(got == want, "changes: the %d grade changes compare finds" % len(want))

# The focus's areas for improvement, tracked.
focus = cmp["focus"]["authority"]
_, _, _, rows = table("Areas for improvement")
got = [(r["Area for improvement"], r["Status"]) for r in rows if r["Authority"] == focus]
want = [(a["text"], a["status"]) for a in cmp["focus"]["areas_for_improvement"]]
check(got == want, "areas for improvement: the focus's %d, each with its status" % len(want))

# The focus's theme evidence, quoted and cited as compare has it.
_, _, _, rows = table("Theme evidence")
got = [(r["Theme"], r["Tone"], r["Quotation"], r["Paragraph"]) for r in rows if r["Authority"] == focus]
want = [(t["title"], e["tone"], e["quote"], e["paragraph"])
        for t in cmp["focus"]["themes"] for e in t["evidence"]]
check(got == want, "theme evidence: the focus's %d paragraphs, in compare's order, quoted alike" % len(want))
check(all(r["Citation"] for r in rows), "theme evidence: each is cited")
# Dates in words are joined by no-break spaces on a page, by plain ones in a cell, which Excel's
# Find and filters match as typed.
cited = [str(r["Citation"]) for r in rows]
check(any(re.search(r"(January|February|March|April|May|June|July|August|September|October|"
                    r"November|December) (19|20)\d\d", c) for c in cited),
      "theme evidence: citations name months and years in words")
nbsp = [(ws.title, c.coordinate) for ws in wb for r in ws.iter_rows() for c in r
        if isinstance(c.value, str) and "\u00a0" in c.value]
check(not nbsp, "no cell holds a no-break space: %s" % nbsp[:5])

# The latest grades, as the peer summary has the focus's.
_, _, head, rows = table("Latest grades")
row = next(r for r in rows if r["Authority"] == focus)
summary = {p["area"]: p["focus"] for p in cmp["peer_summary"]}
areas = {a["area"]: a["title"] for a in cmp["focus"]["areas"]}
check(row["Overall"] == TITLES[summary["overall"]], "latest grades: the focus's overall grade")
check(sorted(r["Authority"] for r in rows) == sorted(s["authority"] for s in stories),
      "latest grades: a row per authority")
print("done")
EOF
grep -v '^done$' "$WORK/checks"
grep -qx done "$WORK/checks" && ok "the workbook's checks ran to the end" || fail "the workbook's checks stopped"
cp "$book" "$WORK/a.xlsx"
"$CSBRIEF" build --force "$config" >/dev/null 2>&1
check "the workbook is byte-identical from two runs" cmp -s "$book" "$WORK/a.xlsx"

copy_examples national-overview.yaml
"$CSBRIEF" build "$WORK/examples/national-overview.yaml" >"$WORK/national.log" 2>&1
expect_eq "the national overview builds with status 0" "$?" 0
"$PY" - "$WORK/out/national-overview.xlsx" "$WORK/compare.json" >"$WORK/checks" 2>&1 <<'EOF'
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cmp = json.load(open(sys.argv[2]))
def check(ok, what):
    print(("ok - " if ok else "not ok - ") + what)
TITLES = {"outstanding": "Outstanding", "good": "Good", "requires_improvement": "Requires improvement",
          "adequate": "Adequate", "inadequate": "Inadequate"}
check(wb.sheetnames == ["About", "The national picture", "By region", "Every authority's latest grades",
                        "Recent changes"], "overview: its sheets are %s" % wb.sheetnames)
def table(name):
    ws = wb[name]
    head_row = ws[ws.freeze_panes].row - 1
    cells = list(ws.iter_rows(min_row=head_row, values_only=True))
    return [dict(zip(cells[0], r)) for r in cells[1:] if any(v is not None for v in r)]
stories = [cmp["focus"]] + cmp["peers"]
rows = table("Every authority's latest grades")
got = sorted((r["Authority"], r["Overall"]) for r in rows)
def latest(s, area):
    a = next(a for a in s["areas"] if a["area"] == area)
    return TITLES[a["latest"]["grade"]] if a["latest"] else "Not graded"
want = sorted((s["authority"], latest(s, "overall")) for s in stories)
check(got == want, "overview: every authority's latest overall grade, as compare has it: %s" % got)
national = table("The national picture")
counts = [sum(v for k, v in r.items() if k != "Area") for r in national]
check(national and all(n == len(stories) for n in counts),
      "overview: in each area the authorities at each grade add up to all %d" % len(stories))
print("done")
EOF
grep -v '^done$' "$WORK/checks"
grep -qx done "$WORK/checks" && ok "the overview's checks ran to the end" || fail "the overview's checks stopped"

# A grade the latest inspection did not give (inspections from April 2026
# judge no overall effectiveness) is not current: the overview says so in
# its cell, with the grade and when it was given, and counts it as not
# graded; the PDF's table says the same.
sed 's/Newcastle upon Tyne/Middlesbrough/g' "$ROOT/tests/fixtures/ilacs-2023.txt" \
    >"$WORK/examples/reports/middlesbrough-2023-ilacs.txt"
cp "$ROOT/tests/fixtures/ilacs-2026-no-overall.txt" "$WORK/examples/reports/middlesbrough-2026-ilacs.txt"
"$CSBRIEF" build "$WORK/examples/national-overview.yaml" >"$WORK/national.log" 2>&1
expect_eq "with a 2026 inspection: the national overview builds with status 0" "$?" 0
"$PY" - "$WORK/out/national-overview.xlsx" >"$WORK/checks" 2>&1 <<'EOF2'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def check(ok, what):
    print(("ok - " if ok else "not ok - ") + what)
def table(name):
    ws = wb[name]
    head_row = ws[ws.freeze_panes].row - 1
    cells = list(ws.iter_rows(min_row=head_row, values_only=True))
    return [dict(zip(cells[0], r)) for r in cells[1:] if any(v is not None for v in r)]
row = next(r for r in table("Every authority's latest grades") if r["Authority"] == "Middlesbrough")
# A date's words are joined by a plain space in a cell (a no-break one on a page).
check(str(row["Overall"]).startswith("Not current (") and "June 2023" in str(row["Overall"]),
      "overview: a 2026 inspection's missing overall grade is marked not current: %r" % row["Overall"])
check(row["Care leavers"] == "Good", "overview: ... its graded areas are current: %r" % row["Care leavers"])
overall = next(r for r in table("The national picture") if r["Area"] == "Overall effectiveness")
check(overall["Not graded"] == 1, "overview: ... and counted as not graded: %r" % overall)
print("done")
EOF2
grep -v '^done$' "$WORK/checks"
grep -qx done "$WORK/checks" && ok "the 2026 checks ran to the end" || fail "the 2026 checks stopped"
pdftotext -layout "$WORK/out/national-overview.pdf" - 2>/dev/null | grep -A3 "^ *Middlesbrough" >"$WORK/mbro.txt"
check "overview PDF: the not-current overall grade is said so" grep -q "Not current" "$WORK/mbro.txt"
