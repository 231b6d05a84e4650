# render_unusual_text.sh - text in a report that the briefing cannot show
# as it is: Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0, U+1FFFE,
# U+10FFFF) are dropped and the briefing is built; characters no bundled
# font has (Arabic, an emoji) are printed as empty boxes, with one warning
# naming them, where they are and which briefing; a minus sign (U+2212,
# which the fonts lack) prints as a hyphen-minus, with no warning. Every
# PDF passes qpdf --check (exit 0).
. tests/lib.sh
copy_examples redcar-and-cleveland.yaml
cfg="$WORK/examples/redcar-and-cleveland.yaml"
report="$WORK/examples/reports/redcar-and-cleveland-2025-12-ilacs.txt"
pack="$WORK/out/redcar-and-cleveland-briefing-pack.pdf"
# In an area for improvement, which both briefings quote.
afi='The sufficiency of homes for children in care.'

sed -i "s/^- $afi/- The sufficiency\xef\xbf\xbe of homes\xef\xb7\x90 for\xf0\x9f\xbf\xbe children\xf4\x8f\xbf\xbf in care\xef\xbf\xbf./" "$report"
check "the report now holds five noncharacters" grep -q $'\xef\xb7\x90' "$report"
log=$("$CSBRIEF" build "$cfg" 2>&1); rc=$?
expect_eq "noncharacters: the briefings are built (status 0)" "$rc" 0
expect_contains "noncharacters: the area for improvement is quoted without them" \
    "$(pdf_text "$pack")" "$afi"
for f in "$WORK"/out/*.pdf; do check "noncharacters: $(basename "$f") passes qpdf --check" qpdf --check "$f"; done

sed -i "s/^- The sufficiency.*national framework)$/- $afi Families said \"شكرا\" 😀 (outcome 4, national framework)/" "$report"
log=$("$CSBRIEF" build "$cfg" 2>&1); rc=$?
expect_eq "missing glyphs: the briefings are built (status 0)" "$rc" 0
expect_contains "missing glyphs: a warning names the characters" "$log" \
    "characters that no bundled font can show, printed as empty boxes: ا ر ش ك 😀 (U+0627 U+0631 U+0634 U+0643 U+1F600)"
expect_contains "missing glyphs: ... and the text they are in" "$log" 'Families said "شكرا"'
expect_eq "missing glyphs: one warning per briefing" "$(printf '%s\n' "$log" | grep -c 'no bundled font can show')" 2
expect_contains "missing glyphs: ... naming the briefing" "$log" "redcar-and-cleveland-members-summary.pdf: warning: "
for f in "$WORK"/out/*.pdf; do check "missing glyphs: $(basename "$f") passes qpdf --check" qpdf --check "$f"; done
sed -i "s/^- The sufficiency.*national framework)$/- $afi In 2015\xe2\x88\x9216 \xe2\x88\x92 as reported (outcome 4, national framework)/" "$report"
log=$("$CSBRIEF" build "$cfg" 2>&1); rc=$?
expect_eq "minus sign: the briefings are built (status 0)" "$rc" 0
case "$log" in
    *"no bundled font"*) fail "minus sign: no warning (it has a stand-in)" ;;
    *) ok "minus sign: no warning (it has a stand-in)" ;;
esac
expect_contains "minus sign: printed as a hyphen-minus" "$(pdf_text "$pack")" "In 2015-16 - as reported"
cp "$ROOT/examples/reports/redcar-and-cleveland-2025-12-ilacs.txt" "$report"
log=$("$CSBRIEF" build "$cfg" 2>&1)
case "$log" in
    *"no bundled font"*) fail "the example reports need no glyph the fonts lack" ;;
    *) ok "the example reports need no glyph the fonts lack" ;;
esac
