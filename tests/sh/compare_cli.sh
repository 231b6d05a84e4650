# compare_cli.sh - `csbrief compare` end to end: the JSON model and the
# CSV changes table for the synthetic fixtures (tests/fixtures/compare),
# and for Redcar and Cleveland from the samples plus the shared corpus
# (skipped when ../shared/corpus is absent).
. tests/lib.sh

fixtures="$ROOT/tests/fixtures/compare/rutland.yaml"

json=$("$CSBRIEF" compare "$fixtures" 2>"$WORK/err"); rc=$?
expect_eq "compare (json) exits 0 on the fixtures" "$rc" 0
for key in '"timeline"' '"duplicates"' '"areas"' '"areas_for_improvement"' '"themes"' \
           '"peers"' '"peers_without_reports"' '"peer_summary"' '"peer_themes"' \
           '"recurring_themes"' '"headline_findings"' '"priority_actions"' \
           '"not_judged_since"' '"framework_labels"'; do
    expect_contains "the JSON model has $key" "$json" "$key"
done
if command -v python3 >/dev/null 2>&1; then
    if printf '%s' "$json" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null; then
        ok "the JSON model parses"
    else
        fail "the JSON model parses"
    fi
else
    skip "the JSON model parses" "python3 is not installed"
fi
expect_contains "Bracknell Forest has no reports" "$json" '"peers_without_reports": ["Bracknell Forest"]'
expect_contains "the focused visit's priority action is shown" "$json" \
    '"text": "Leaders must ensure that every child placed at a distance has an up-to-date care plan."'
expect_contains "overall is not current after the 2026 inspection" \
    "$(printf '%s\n' "$json" | grep -A1 '"area": "overall", "title"' | head -2)" \
    '"current": false, "not_judged_since": {"file": "'"$ROOT"'/tests/fixtures/compare/reports/rutland-2026-05-ilacs.txt"'

expect_contains "a theme the config defines has evidence" \
    "$(printf '%s\n' "$json" | grep -A3 '"theme": "homes-near-family"' | head -4)" \
    '"strengths": 0, "concerns": 2'

csv=$("$CSBRIEF" compare --format csv "$fixtures" 2>/dev/null); rc=$?
expect_eq "compare --format csv exits 0" "$rc" 0
expect_eq "the CSV header" "$(printf '%s\n' "$csv" | head -1)" \
    "authority,authority_code,role,area,area_title,from_date,from_kind,from_area,from_grade,from_wording,from_file,to_date,to_kind,to_area,to_grade,to_wording,to_file,steps,direction,years"
expect_eq "one row per area and change (9 for Rutland)" "$(printf '%s\n' "$csv" | tail -n +2 | wc -l | tr -d ' ')" 9
row=$(printf '%s\n' "$csv" | grep '^Rutland,857,focus,in_care,' | head -1)
expect_contains "in care continues the 2019 combined judgement" "$row" \
    "2019-03-15,ilacs,in_care_and_care_leavers,requires_improvement"
expect_contains "and is unchanged into 2023" "$row" ",0,unchanged,4.2"

"$CSBRIEF" compare --format xml "$fixtures" >/dev/null 2>&1; rc=$?
expect_eq "an unknown format is a usage error" "$rc" 2

if have_shared_corpus; then
    cat > "$WORK/redcar.yaml" <<EOF
reports:
  - $ROOT/examples/reports
  - $SHARED/corpus/pdf/80541-redcar-and-cleveland__2017-04-07.pdf
  - $SHARED/corpus/pdf/80541-redcar-and-cleveland__2022-09-22.pdf
  - $SHARED/corpus/pdf/80541-redcar-and-cleveland__2026-01-28.pdf
  - $SHARED/corpus/pdf/80563-stockton-on-tees__2019-07-01.pdf
  - $SHARED/corpus/pdf/80563-stockton-on-tees__2023-05-09.pdf
authority: Redcar and Cleveland
compare_with: [Stockton-on-Tees]
themes: [private-fostering, sufficiency]
briefings:
  - template: members-summary
    output: out.pdf
EOF
    json=$("$CSBRIEF" compare "$WORK/redcar.yaml" 2>/dev/null); rc=$?
    expect_eq "Redcar and Cleveland: compare exits 0" "$rc" 0
    expect_contains "the 2025 ILACS read twice is noted once, the PDF kept" "$json" \
        "are one ilacs inspection (the same kind of report and the same inspection dates, 2025-12-12); the PDF is kept"
    expect_contains "private fostering recurs" \
        "$(printf '%s\n' "$json" | awk '/"text": "The response to children who are privately fostered."/ && !/shared_themes/ {getline; print}')" \
        '"status": "recurring"'
    csv=$("$CSBRIEF" compare --format csv "$WORK/redcar.yaml" 2>/dev/null)
    expect_contains "help and protection: SLAC 2012 to SIF 2017" "$csv" \
        "Redcar and Cleveland,807,focus,help_protection,Children who need help and protection,2012-06-01,slac,help_protection,adequate"
    expect_contains "Stockton-on-Tees overall unchanged 2019 to 2023" "$csv" \
        "Stockton-on-Tees,808,peer,overall,Overall effectiveness,2019-05-24,ilacs,overall,requires_improvement"
else
    skip "Redcar and Cleveland through the CLI" "../shared/corpus is absent"
fi
