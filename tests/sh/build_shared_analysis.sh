# build_shared_analysis.sh - analysing each report once for the whole run
# and sharing it changes no briefing: a build over real reports (five
# North East authorities from ../shared/corpus, 'authority: all' compared
# with region and statistical neighbours, both templates, and a second
# config with a theme of its own) gives the same bytes as
# --reference-analysis, where every briefing analyses each report it uses
# itself, the plain slow way (every theme's phrases matched one by one)
# and compares everything, the peers' areas for improvement included.
# Skipped without the corpus, and under valgrind (too slow there).
. tests/lib.sh
if ! have_shared_corpus; then skip "shared analysis: same bytes" "no ../shared/corpus"; exit 0; fi
if [ -n "${CSB_VG:-}" ]; then skip "shared analysis: same bytes" "not under valgrind"; exit 0; fi
mkdir -p "$WORK/reports"
for f in "$SHARED"/corpus/pdf/*-{redcar-and-cleveland,stockton-on-tees,middlesbrough,hartlepool,darlington}__*.pdf; do
    ln -s "$f" "$WORK/reports/"
done
cat > "$WORK/all.yaml" <<'YAML'
reports: [reports]
authority: all
compare_with: [region, statistical-neighbours]
themes: [sufficiency, care-leavers, exploitation, front-door, voice-of-the-child]
cache: cache
briefings:
  - template: briefing-pack
    output: OUT/{authority}-briefing-pack.pdf
  - template: members-summary
    output: OUT/{authority}-members-summary.pdf
YAML
cat > "$WORK/own-theme.yaml" <<'YAML'
reports: [reports]
authority: Hartlepool
compare_with: [Stockton-on-Tees, Darlington]
themes:
  - sufficiency
  - id: workforce-test
    title: Workforce
    phrases: [caseloads, social workers, agency staff]
cache: cache
briefings:
  - template: briefing-pack
    output: OUT/hartlepool-own-theme.pdf
YAML
for kind in shared reference; do
    for c in all own-theme; do sed "s|OUT|$kind|" "$WORK/$c.yaml" > "$WORK/$c-$kind.yaml"; done
done
(cd "$WORK" && "$CSBRIEF" build --log-format json all-shared.yaml own-theme-shared.yaml) \
    >"$WORK/shared.log" 2>&1
expect_eq "shared analysis: the build succeeds" "$?" 0
(cd "$WORK" && "$CSBRIEF" build --reference-analysis --log-format json all-reference.yaml \
    own-theme-reference.yaml) >"$WORK/reference.log" 2>&1
expect_eq "reference analysis: the build succeeds" "$?" 0
n=$(ls "$WORK"/shared/*.pdf 2>/dev/null | wc -l)
expect_eq "eleven briefings (five authorities, two templates, and one with a theme of its own)" "$n" 11
# Each report once per theme library: the second config's library has its
# own theme, so the reports of its three authorities are analysed for it too.
reports=$(( $(ls "$WORK/reports" | wc -l) + $(ls "$WORK"/reports/*-{hartlepool,stockton-on-tees,darlington}__*.pdf | wc -l) ))
expect_contains "the shared build analysed each report once per theme library" \
    "$(grep '"event":"analysed"' "$WORK/shared.log")" "\"reports\":$reports,\"briefings\":11"
expect_eq "the reference build shares no analysis" "$(grep -c '"event":"analysed"' "$WORK/reference.log")" 0
same=0
for f in "$WORK"/reference/*.pdf; do
    if cmp -s "$f" "$WORK/shared/$(basename "$f")"; then same=$((same + 1)); else echo "# differs: $(basename "$f")"; fi
done
expect_eq "every briefing is byte for byte the reference's" "$same" "$n"
