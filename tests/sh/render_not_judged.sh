# render_not_judged.sh - an area a later inspection did not judge (overall
# effectiveness, after April 2026) is shown with its last grade and says
# so in both templates; the pack's "against the inspection before" count
# leaves it out; the peers' grade matrix names such cells. Synthetic
# Rutland reports: ILACS 2019, 2023 and May 2026.
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
expect_contains "pack: the latest grades table says so too" "$pack" "$note"
expect_eq "the note is on overall effectiveness only (once in each)" \
    "$(printf '%s' "$members$pack" | grep -o 'Not judged at the' | wc -l)" 2
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
    "$(pdf_text "$WORK/out/scilly.pdf")" "so shown from an earlier one: Rutland (overall effectiveness, from May 2023)."
