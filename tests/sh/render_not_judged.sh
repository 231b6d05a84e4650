# render_not_judged.sh - an area a later inspection did not judge (overall
# effectiveness, after April 2026) is shown with its last grade and says
# so in both templates; the pack's "against the inspection before" count
# leaves it out; the peers' grade matrix names such cells. Synthetic
# Rutland reports: ILACS 2019, 2023 and May 2026. Then a later report of
# Rutland that cannot be read (an HTML page saved with a report's name):
# no grade of Rutland's is shown as current, and both briefings say what
# was not read and why.
. tests/lib.sh
mkdir -p "$WORK/cfg"
cat > "$WORK/cfg/rutland.yaml" <<YAML
reports: [$ROOT/tests/fixtures/compare/reports]
authority: Rutland
themes: [sufficiency]
briefings:
  - template: briefing-pack
    output: ../out/pack.pdf
  - template: members-summary
    output: ../out/members.pdf
YAML
"$CSBRIEF" build -q "$WORK/cfg/rutland.yaml" >"$WORK/log" 2>&1
expect_eq "Rutland briefings build" "$?" 0
note="Not judged at the May 2026 inspection; this grade is from May 2023."
# The members' grade table's last column only (its cells' lines would
# otherwise interleave with the area descriptions beside them).
members=$(pdftotext -f 1 -l 1 -x 320 -y 0 -W 275 -H 842 "$WORK/out/members.pdf" - | tr -s ' \n' '  ')
expect_contains "members' summary: overall effectiveness says it was not judged in 2026" "$members" "$note"
pack=$(pdf_text "$WORK/out/pack.pdf")
pack_table=$(pdftotext -f 3 -l 3 -x 400 -y 0 -W 195 -H 842 "$WORK/out/pack.pdf" - | tr -s ' \n' '  ')
expect_contains "pack: the latest grades table says so too" "$pack_table" "$note"
gap="Overall effectiveness was not judged at the May 2026 inspection; the latest grade read is from May 2023."
# Its grade is not shown as current: no badge, no arrow, the grade cell says why.
# The members' grade column alone (its narrow cell breaks before the date,
# which stays whole, and the next column's words would come between its
# lines), the pack's summary pages as laid out.
members_grades=$(pdftotext -f 1 -l 1 -x 238 -y 0 -W 100 -H 842 "$WORK/out/members.pdf" - | tr -s ' \n' '  ')
pack_pages=$(pdftotext -f 1 -l 3 -layout "$WORK/out/pack.pdf" - | tr -s ' \n' '  ')
for which in members:"$members_grades" pack:"$pack_pages"; do
    page=${which#*:}
    expect_contains "${which%%:*}: the grade cell says it was not judged in May 2026" "$page" \
        "Not judged in May 2026"
    expect_contains "${which%%:*}: ... and what it was" "$page" "last: Good"
done
# Members' grade table, the pack's summary table and its "what a reader
# should know".
expect_eq "the note is on overall effectiveness only (in each table)" \
    "$(printf '%s' "$members$pack_table" | grep -o 'Not judged at the' | wc -l)" 2
expect_eq "... and once as a gap, in a sentence of its own" \
    "$(printf '%s' "$pack" | grep -o "$gap" | wc -l)" 1
against=$(printf '%s' "$pack" | grep -o 'Against the inspection before: [^.]*\.')
case "$against" in
    *"the same"*) ;;
    *) fail "pack: no 'against the inspection before' sentence: $against" ;;
esac
total=$(printf '%s' "$against" | grep -o '[0-9]\+' | awk '{ t += $1 } END { print t + 0 }')
expect_eq "pack: 'against the inspection before' counts the four areas judged in 2026" "$total" 4

# In the peers' grade matrix, a cell older than its authority's latest
# inspection is named under it.
cat > "$WORK/cfg/scilly.yaml" <<YAML
reports: [$ROOT/tests/fixtures/compare/reports]
authority: Isles of Scilly
compare_with: [Rutland]
themes: [sufficiency]
briefings:
  - template: briefing-pack
    output: ../out/scilly.pdf
YAML
"$CSBRIEF" build -q "$WORK/cfg/scilly.yaml" >"$WORK/log" 2>&1
expect_eq "a pack comparing with Rutland builds" "$?" 0
expect_contains "the peers' matrix names Rutland's overall grade as from May 2023" \
    "$(pdf_text "$WORK/out/scilly.pdf")" \
    "Rutland: overall effectiveness, from May 2023: not current, not judged at the May 2026 inspection."

# A later report of Rutland that cannot be read: its authority and date
# come from the file's name (<urn>-<name>__<date>.pdf, Rutland's URN
# 80547). No grade of Rutland's is then current; the briefings say so.
mkdir -p "$WORK/unread"
cp "$ROOT"/tests/fixtures/compare/reports/*.txt "$WORK/unread/"
printf '<!DOCTYPE html>\n<html><body>Service unavailable</body></html>\n' \
    > "$WORK/unread/80547-rutland__2027-01-15.pdf"
cat > "$WORK/cfg/unread.yaml" <<YAML
reports: [$WORK/unread]
authority: Isles of Scilly
compare_with: [Rutland]
themes: [sufficiency]
briefings:
  - template: briefing-pack
    output: ../out/unread-pack.pdf
  - template: members-summary
    output: ../out/unread-members.pdf
YAML
"$CSBRIEF" build -q "$WORK/cfg/unread.yaml" >"$WORK/log" 2>&1
expect_eq "briefings with a report not read build (exit 1: a report was unreadable)" "$?" 1
pack=$(pdf_text "$WORK/out/unread-pack.pdf")
expect_contains "the matrix: Rutland's grades are not current, a later report not read" "$pack" \
    "Rutland: overall effectiveness, from May 2023: not current, a later report published 15 January 2027 could not be read"
expect_eq "every one of Rutland's five cells says so" \
    "$(printf '%s' "$pack" | grep -o 'a later report published 15 January 2027 could not be read' | wc -l)" 5
expect_contains "what it is based on: the report not read, and why" "$pack" \
    "Rutland, 80547-rutland__2027-01-15.pdf (published 15 January 2027), file 80547-rutland__2027-01-15.pdf: an HTML page"
expect_contains "the peers counted as not current" "$pack" "1 of the peers has a grade that is not current"
rutland_pack=$(
cat > "$WORK/cfg/rutland-unread.yaml" <<YAML
reports: [$WORK/unread]
authority: Rutland
themes: [sufficiency]
briefings:
  - template: members-summary
    output: ../out/rutland-unread.pdf
YAML
"$CSBRIEF" build -q "$WORK/cfg/rutland-unread.yaml" >"$WORK/log" 2>&1
pdf_text "$WORK/out/rutland-unread.pdf")
expect_contains "members' summary: the report not read is named, and why, for councillors" "$rutland_pack" \
    "1 report could not be read: a report, published 15 January 2027, because its file is a saved web page, not the report."
expect_contains "members' summary: a grade is not shown as current" "$rutland_pack" \
    "A report of January 2027 could not be read, so the latest grades read of overall effectiveness, impact of leaders, children who need help and protection, children in care and care leavers may not be current."

# The manifest records the report not read (the briefings name it): a
# second run is up to date; removing it rebuilds them, saying why.
log=$("$CSBRIEF" build "$WORK/cfg/unread.yaml" 2>&1)
expect_contains "a second run is up to date" "$log" "unread-pack.pdf: up to date"
rm "$WORK/unread/80547-rutland__2027-01-15.pdf"
log=$("$CSBRIEF" build "$WORK/cfg/unread.yaml" 2>&1)
expect_contains "removing the report not read rebuilds, saying why" "$log" \
    "report 80547-rutland__2027-01-15.pdf is no longer among the reports used"
expect_contains "and the grades are current again" "$(pdf_text "$WORK/out/unread-pack.pdf")" \
    "Rutland: overall effectiveness, from May 2023: not current, not judged at the May 2026 inspection."

# Reports not read for other reasons, each found where it is (hashing the
# file, reading it, parsing it), are said in data/not-read-reasons.csv's
# words for their kind; a second briefing in the same folder, whose build
# takes them from the manifest's notes without reading them again, says
# the same.
mkdir -p "$WORK/unread3"
cp "$ROOT"/tests/fixtures/compare/reports/*.txt "$WORK/unread3/"
ln -s /dev/zero "$WORK/unread3/80547-rutland__2027-02-01.pdf"
: > "$WORK/unread3/80547-rutland__2027-03-01.pdf"
printf 'Minutes of the corporate parenting board\n\nItem 1: apologies.\n' \
    > "$WORK/unread3/80547-rutland__2027-04-01.txt"
for which in first second; do
    cat > "$WORK/cfg/unread3-$which.yaml" <<YAML
reports: [$WORK/unread3]
authority: Rutland
themes: [sufficiency]
briefings:
  - template: members-summary
    output: ../out3/$which.pdf
YAML
    timeout 120 "$CSBRIEF" build -q "$WORK/cfg/unread3-$which.yaml" >"$WORK/log" 2>&1
    expect_eq "$which summary with three reports not read builds (exit 1)" "$?" 1
    expect_contains "$which summary: each report not read with its reason's words" \
        "$(pdf_text "$WORK/out3/$which.pdf")" \
        "3 reports could not be read: a report, published 1 February 2027, because its file could not be opened; a report, published 1 March 2027, because its file is empty; a report, published 1 April 2027, because its file is not an inspection report of a kind this summary can read."
done
expect_contains "the manifest notes each kind of problem" "$(cat "$WORK/out3/.csbrief-manifest")" \
    "unreadable	empty	the file is empty: download the report again"
