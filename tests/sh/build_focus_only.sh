# build_focus_only.sh - a members' summary shows its own authority's
# reports alone, so they alone (not its comparators' reports, nor whom it
# compares with) are its inputs: when a comparator's report changes, the
# packs that compare with that authority are rebuilt, saying why, and the
# other authorities' members' summaries are skipped as up to date; rebuilt
# by force, they come out byte for byte the same. Runs on the shipped
# sample reports, dated by them (no SOURCE_DATE_EPOCH), so a date or line
# taken from a comparator's report would show.
. tests/lib.sh
copy_examples redcar-and-cleveland.yaml stockton-on-tees.yaml
# A pack and a summary per authority, each compared with its region (both
# sample authorities are in the North East) and statistical neighbours.
cat > "$WORK/examples/all.yaml" <<'EOF'
reports: [reports]
authority: all
compare_with: [region, statistical-neighbours]
themes: [sufficiency, care-leavers, exploitation]
briefings:
  - template: briefing-pack
    output: ../out/all/{authority}-pack.pdf
  - template: members-summary
    output: ../out/all/{authority}-summary.pdf
EOF
cfgs=("$WORK/examples/redcar-and-cleveland.yaml" "$WORK/examples/stockton-on-tees.yaml" "$WORK/examples/all.yaml")
out="$WORK/out"
export SOURCE_DATE_EPOCH=
# Outputs named in "built ..." lines of a text log, sorted, relative to $out.
built() { sed -n 's/.* built \([^ ]*\) in [0-9.]*s .*/\1/p' | sed "s|^$out/||" | sort | tr '\n' ' '; }
summaries() { (cd "$out" && md5sum redcar-and-cleveland-members-summary.pdf all/redcar-and-cleveland-summary.pdf); }

"$CSBRIEF" build --log-format json "${cfgs[@]}" >"$WORK/log" 2>&1; rc=$?
expect_eq "first run: status 0" "$rc" 0
expect_eq "first run builds seven briefings" "$(grep -c '"event":"built"' "$WORK/log")" 7
before=$(summaries)

# A comparator's report changes: Stockton-on-Tees's inspection, which
# Redcar and Cleveland's packs compare with.
printf '\nA note added by the test.\n' >> "$WORK/examples/reports/stockton-on-tees-2023-03-ilacs.txt"
dry=$("$CSBRIEF" build --dry-run "${cfgs[@]}" 2>&1)
expect_contains "--dry-run: Redcar's pack would be rebuilt for Stockton's report" "$dry" \
    "would build $out/redcar-and-cleveland-briefing-pack.pdf: report stockton-on-tees-2023-03-ilacs.txt changed"
expect_eq "--dry-run would rebuild no Redcar members' summary" \
    "$(printf '%s\n' "$dry" | grep 'would build' | grep -c 'redcar-and-cleveland-\(members-\)\?summary')" 0
log=$("$CSBRIEF" build "${cfgs[@]}" 2>&1); rc=$?
expect_eq "after a comparator's report changed: status 0" "$rc" 0
expect_eq "the packs that compare with it and its own briefings are rebuilt, no other summary" \
    "$(printf '%s\n' "$log" | built)" \
    "all/redcar-and-cleveland-pack.pdf all/stockton-on-tees-pack.pdf all/stockton-on-tees-summary.pdf redcar-and-cleveland-briefing-pack.pdf stockton-on-tees-members-summary.pdf "
expect_contains "the log says why the pack was rebuilt" "$log" \
    "built $out/redcar-and-cleveland-briefing-pack.pdf in "
expect_contains "... because of the comparator's report" "$log" \
    "s (report stockton-on-tees-2023-03-ilacs.txt changed)"
expect_contains "the members' summary is skipped as up to date" "$log" \
    "skipped $out/redcar-and-cleveland-members-summary.pdf: up to date"
expect_contains "... and the one per authority too" "$log" \
    "skipped $out/all/redcar-and-cleveland-summary.pdf: up to date"
expect_contains "the summary line counts them" "$log" "5 built, 2 skipped (up to date), 0 failed"
check "the manifest records no Stockton report for Redcar's summary" \
    sh -c "awk '/^briefing/ {on = index(\$0, \"redcar-and-cleveland-members-summary.pdf\") > 0} on && /^input/' '$out/.csbrief-manifest' | grep -q 'report .*redcar' && \
           ! awk '/^briefing/ {on = index(\$0, \"redcar-and-cleveland-members-summary.pdf\") > 0} on && /^input/' '$out/.csbrief-manifest' | grep -q 'stockton\\|compare_with'"

"$CSBRIEF" build --force -q "${cfgs[@]}" >/dev/null 2>&1
expect_eq "rebuilt by force, the skipped summaries are byte for byte the same" "$(summaries)" "$before"

# Whom a summary compares with does not reach it either.
sed -i 's/^compare_with: \[Stockton-on-Tees\]$/compare_with: [Stockton-on-Tees, region]/' \
    "$WORK/examples/redcar-and-cleveland.yaml"
log=$("$CSBRIEF" build "${cfgs[@]}" 2>&1)
expect_eq "a changed compare_with rebuilds the pack, not the summary" \
    "$(printf '%s\n' "$log" | built)" "redcar-and-cleveland-briefing-pack.pdf "
expect_contains "... saying so" "$log" "'compare_with' in the config changed"

# The authority's own report still rebuilds its summary.
printf '\nA note added by the test.\n' >> "$WORK/examples/reports/redcar-and-cleveland-2012-05-slac.txt"
log=$("$CSBRIEF" build "${cfgs[@]}" 2>&1)
expect_contains "its own authority's report rebuilds the summary" "$log" \
    "built $out/redcar-and-cleveland-members-summary.pdf in "
expect_contains "... saying which" "$log" "(report redcar-and-cleveland-2012-05-slac.txt changed)"
