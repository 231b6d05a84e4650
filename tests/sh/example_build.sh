# example_build.sh - the README's example renders end to end: every example
# config builds, each PDF opens in poppler with the expected page count and
# the text that must be on it, and passes qpdf --check with exit status 0;
# each PDF is tagged (a structure tree in which the running header and
# footer are not content); the workbook, the HTML page and the national
# overview (PDF and workbook) are written too.
. tests/lib.sh
mkdir -p "$WORK/examples"
cp -r examples/reports "$WORK/examples/"
for f in examples/*.yaml; do cp "$f" "$WORK/examples/"; done
out=$("$CSBRIEF" build "$WORK"/examples/*.yaml 2>&1); rc=$?
expect_eq "examples build with status 0" "$rc" 0
pack="$WORK/out/redcar-and-cleveland-briefing-pack.pdf"
members="$WORK/out/redcar-and-cleveland-members-summary.pdf"
check "briefing pack is a PDF poppler opens" pdfinfo "$pack"
check "members' summary is a PDF poppler opens" pdfinfo "$members"
for f in "$WORK"/out/*.pdf; do
    check "$(basename "$f") passes qpdf --check (exit 0: no error, no warning)" qpdf --check "$f"
done
pages=$(pdf_pages "$pack")
[ "${pages:-0}" -ge 8 ] && ok "briefing pack has $pages pages (at least 8)" || fail "briefing pack has ${pages:-0} pages"
mp=$(pdf_pages "$members")
[ "${mp:-0}" -ge 2 ] && [ "${mp:-0}" -le 4 ] && ok "members' summary has $mp pages (2 to 4)" || fail "members' summary has ${mp:-0} pages, want 2 to 4"
cover=$(pdf_text "$pack" 1)
expect_contains "cover names the authority" "$cover" "Redcar and Cleveland"
expect_contains "cover has the title" "$cover" "Pre-inspection briefing"
all=$(pdf_text "$pack")
expect_contains "pack shows the 2025 overall grade" "$all" "Overall effectiveness was judged Good"
expect_contains "pack has a contents page" "$(pdf_text "$pack" 2)" "Contents"
expect_contains "pack lists an area for improvement" "$all" "The response to children who are privately"
expect_contains "pack compares with Stockton-on-Tees" "$all" "Stockton-on-Tees"
expect_contains "pack's themes: a tone is a pointer, the quoted words decide" "$all" \
    "A paragraph's tone is a pointer, not a verdict, and is sometimes wrong: the inspectors' own words, quoted on the theme pages, decide."
case "$all" in *"csbrief's reading"*|*"times in eight"*) fail "... with no tool talk or agreement figure";;
    *) ok "... with no tool talk or agreement figure";; esac
expect_contains "pages are numbered" "$(pdf_text "$pack" 3)" "Page 3 of $pages"
mtext=$(pdf_text "$members")
expect_contains "members' summary explains grades" "$mtext" "What the words mean"
expect_contains "members' summary explains the terms it quotes, alike ones in one row" "$mtext" \
    "Private fostering, privately"
expect_contains "members' summary has questions" "$mtext" "Questions members may wish to ask"
fonts=$(pdffonts "$pack" 2>/dev/null | awk 'NR>2 {print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
case "$fonts" in *Noto*) ok "fonts embedded are the bundled Noto families ($fonts)";; *) fail "unexpected fonts: $fonts";; esac
other=$(pdffonts "$pack" 2>/dev/null | awk 'NR>2 {print $1}' | grep -v Noto)
[ -z "$other" ] && ok "no font other than the bundled ones" || fail "other fonts: $other"

# Tagged: a structure tree; the furniture is not in it.
struct=$(pdfinfo -struct-text "$members" 2>/dev/null)
expect_contains "members' summary has a structure tree from a Document" "$(printf '%s' "$struct" | head -1)" "Document"
expect_contains "... with the summary's headings" "$struct" "What the latest inspection found"
expect_contains "... and table header cells heading their columns" "$struct" "/Scope /Column"
case "$struct" in *"Page 1 of"*) fail "... the running footer is an artifact";; *) ok "... the running footer is an artifact";; esac
# Words read as words: no ligature glyph (U+FB00-FB06) stands for letters.
lig=$(printf '%s' "$struct" | grep -o '[ﬀﬁﬂﬃﬄﬅﬆ]' | sort -u | tr -d '\n')
expect_eq "... its words have no ligature glyphs ('ff' read as one character)" "$lig" ""
expect_contains "... so 'difference' reads whole" "$struct" "difference?"
expect_contains "briefing pack's charts are figures" "$(pdfinfo -struct "$pack" 2>/dev/null)" "Figure"
# The other formats and the national overview.
html="$WORK/out/redcar-and-cleveland-members-summary.html"
check "the members' summary as a web page is written" test -s "$html"
page=$(cat "$html" 2>/dev/null)
expect_contains "... in British English" "$page" '<html lang="en-GB">'
expect_contains "... with header cells that say what they head" "$page" '<th scope="col"'
expect_contains "... and the summary's text" "$page" "What the latest inspection found"
check "the workbook is written" test -s "$WORK/out/redcar-and-cleveland-workbook.xlsx"
overview="$WORK/out/national-overview.pdf"
check "the national overview is a PDF poppler opens" pdfinfo "$overview"
otext=$(pdf_text "$overview")
expect_contains "... over every authority of the reports" "$otext" "2 local authorities"
expect_contains "... with both authorities' latest grades" "$otext" "Stockton-on-Tees"
check "the national overview's workbook is written" test -s "$WORK/out/national-overview.xlsx"
