# build_incremental.sh - a second run with nothing changed renders nothing;
# changing one report's content rebuilds exactly the briefings that use it
# (and says why); touching it without changing it rebuilds nothing;
# --dry-run lists what would be built and why, and writes nothing; --force
# and a deleted PDF rebuild; a retrained tone model (a data file) rebuilds.
# Runs on the shipped sample reports.
. tests/lib.sh
copy_examples redcar-and-cleveland.yaml stockton-on-tees.yaml
# One members' summary per authority found in the sample reports.
cat > "$WORK/examples/all.yaml" <<'EOF'
reports: [reports]
authority: all
briefings:
  - template: members-summary
    output: ../out/all/{authority}-summary.pdf
EOF
cfgs=("$WORK/examples/redcar-and-cleveland.yaml" "$WORK/examples/stockton-on-tees.yaml" "$WORK/examples/all.yaml")
out="$WORK/out"
# Outputs named in "built" events of a JSON log, sorted, relative to $out.
built() { grep '"event":"built"' | sed 's/.*"output":"\([^"]*\)".*/\1/' | sed "s|^$out/||" | sort | tr '\n' ' '; }
fingerprint() { (cd "$out" && find . -type f -printf '%p %s %T@\n' | sort | md5sum); }

log=$("$CSBRIEF" build --log-format json "${cfgs[@]}" 2>"$WORK/err"); rc=$?
expect_eq "first run: status 0" "$rc" 0
expect_eq "first run builds five briefings" "$(printf '%s\n' "$log" | built)" \
    "all/redcar-and-cleveland-summary.pdf all/stockton-on-tees-summary.pdf redcar-and-cleveland-briefing-pack.pdf redcar-and-cleveland-members-summary.pdf stockton-on-tees-members-summary.pdf "
check "the manifest is written beside the outputs" test -s "$out/.csbrief-manifest"
check "and beside the per-authority ones" test -s "$out/all/.csbrief-manifest"

before=$(fingerprint)
log=$("$CSBRIEF" build --log-format json "${cfgs[@]}" 2>&1); rc=$?
expect_eq "second run: status 0" "$rc" 0
expect_eq "second run with nothing changed renders nothing" "$(printf '%s\n' "$log" | built)" ""
expect_eq "five briefings skipped" "$(printf '%s\n' "$log" | grep -c '"event":"skipped"')" 5
after=$(cd "$out" && find . -type f -name '*.pdf' -printf '%p %s %T@\n' | sort | md5sum)
expect_eq "no PDF touched" "$after" "$(cd "$out" && find . -type f -name '*.pdf' -printf '%p %s %T@\n' | sort | md5sum)"
text=$("$CSBRIEF" build "${cfgs[@]}" 2>&1)
expect_contains "text log says it was skipped, and why" "$text" "all/stockton-on-tees-summary.pdf: up to date"
expect_eq "an unchanged report is not read again" "$(printf '%s\n' "$text" | grep -c ' read ')" 0
case "$text" in "$(date +%Y-)"*) ok "text log lines start with a timestamp";; *) fail "no timestamp: $(printf '%s' "$text" | head -1)";; esac

# Touch without changing: the content hash decides, not the time.
touch "$WORK/examples/reports/redcar-and-cleveland-2012-05-slac.txt"
log=$("$CSBRIEF" build --log-format json "${cfgs[@]}" 2>&1)
expect_eq "touching a report without changing it rebuilds nothing" "$(printf '%s\n' "$log" | built)" ""

# Change the 2012 Redcar report: Redcar's briefings use it; Stockton's
# (which names its two reports) and the Stockton summary do not.
printf '\nA note added by the test.\n' >> "$WORK/examples/reports/redcar-and-cleveland-2012-05-slac.txt"
before=$(fingerprint)
dry=$("$CSBRIEF" build --dry-run "${cfgs[@]}" 2>&1); rc=$?
expect_eq "--dry-run: status 0" "$rc" 0
expect_contains "--dry-run says what and why" "$dry" \
    "out/redcar-and-cleveland-briefing-pack.pdf: report redcar-and-cleveland-2012-05-slac.txt changed"
expect_eq "--dry-run lists the three briefings that use the report" "$(printf '%s\n' "$dry" | grep -c 'would build ')" 3
expect_eq "--dry-run writes nothing (outputs, manifests, lock, cache)" "$(fingerprint)" "$before"
log=$("$CSBRIEF" build --log-format json "${cfgs[@]}" 2>&1)
expect_eq "changing one report rebuilds exactly the briefings that use it" \
    "$(printf '%s\n' "$log" | built)" \
    "all/redcar-and-cleveland-summary.pdf redcar-and-cleveland-briefing-pack.pdf redcar-and-cleveland-members-summary.pdf "
expect_contains "the log gives the reason" "$log" '"reasons":["report redcar-and-cleveland-2012-05-slac.txt changed"]'

# A changed setting rebuilds only its briefing.
sed -i 's/subtitle: For the Corporate Parenting Board$/subtitle: For the Corporate Parenting Board (March)/' \
    "$WORK/examples/stockton-on-tees.yaml"
log=$("$CSBRIEF" build --log-format json "${cfgs[@]}" 2>&1)
expect_eq "a changed subtitle rebuilds that briefing only" "$(printf '%s\n' "$log" | built)" \
    "stockton-on-tees-members-summary.pdf "
expect_contains "... because of the subtitle" "$log" "'subtitle' in the config changed"

rm "$out/all/stockton-on-tees-summary.pdf"
log=$("$CSBRIEF" build --log-format json "${cfgs[@]}" 2>&1)
expect_eq "a deleted PDF is rebuilt" "$(printf '%s\n' "$log" | built)" "all/stockton-on-tees-summary.pdf "
expect_contains "... because it is missing" "$log" '"reasons":["output missing"]'

log=$("$CSBRIEF" build --force --log-format json "${cfgs[@]}" 2>&1)
expect_eq "--force rebuilds all five" "$(printf '%s\n' "$log" | grep -c '"event":"built"')" 5
leftover=$(find "$out" -name '*.tmp-*' | wc -l)
expect_eq "no temporary file left" "$leftover" 0

# A newer report about an authority none of the named briefings compares
# with changes nothing in them: they are skipped, and rebuilding them by
# force gives the same bytes (their date and cover note come from the
# reports they use, not from every report read). Dates from the reports,
# not SOURCE_DATE_EPOCH, so a date taken from the wrong report would show.
named=("$WORK/examples/redcar-and-cleveland.yaml" "$WORK/examples/stockton-on-tees.yaml")
sums() { (cd "$out" && md5sum ./*.pdf); }
SOURCE_DATE_EPOCH= "$CSBRIEF" build --force -q "${named[@]}" >/dev/null 2>&1
before=$(sums)
sed -e 's/Stockton-on-Tees/Hartlepool/g' -e 's/6 to 17 March 2023/2 to 13 March 2026/' \
    "$WORK/examples/reports/stockton-on-tees-2023-03-ilacs.txt" \
    > "$WORK/examples/reports/hartlepool-2026-03-ilacs.txt"
log=$(SOURCE_DATE_EPOCH= "$CSBRIEF" build --log-format json "${named[@]}" 2>&1)
expect_eq "a report on an authority no briefing uses rebuilds nothing" "$(printf '%s\n' "$log" | built)" ""
SOURCE_DATE_EPOCH= "$CSBRIEF" build --force -q "${named[@]}" >/dev/null 2>&1
expect_eq "... and a forced rebuild gives the same bytes" "$(sums)" "$before"

# The parse cache keeps records of the reports still read; a record of a
# report that changed or went is removed once it is a month old.
cache="$out/.csbrief-cache"
current=$(cd "$WORK/examples/reports" && sha256sum ./*.txt | cut -c1-64 | sort -u)
records() { ls "$cache" | sed 's/\.rec$//' | sort | comm "$1" - <(printf '%s\n' "$current") | wc -l; }
stale_before=$(records -23); live_before=$(records -12)
[ "$stale_before" -ge 1 ] && ok "the cache holds a record of the report before it changed" \
    || fail "no stale record to prune (the test needs one)"
touch -d '40 days ago' "$cache"/*.rec
"$CSBRIEF" build -q "${cfgs[@]}" >/dev/null 2>&1
expect_eq "a month later, records of reports no longer read are pruned" "$(records -23)" 0
expect_eq "... and the records of the reports still read are all kept ($live_before)" \
    "$(records -12)" "$live_before"

# The learned tone layer (templates/tone-model.csv, named by cues.yaml) is
# data every briefing depends on, like cues.yaml: retraining it rebuilds.
share="$WORK/share"
mkdir -p "$share"
cp -r "$ROOT/data" "$ROOT/templates" "$ROOT/fonts" "$share/"
one=("$WORK/examples/stockton-on-tees.yaml")
CSBRIEF_DATADIR="$share" "$CSBRIEF" build -q "${one[@]}" >/dev/null 2>&1
log=$(CSBRIEF_DATADIR="$share" "$CSBRIEF" build --log-format json "${one[@]}" 2>&1)
expect_eq "with a copied data folder, nothing to do" "$(printf '%s\n' "$log" | built)" ""
sed -i '2s/^(bias),0,1,[0-9.]*/(bias),0,1,2.5/' "$share/templates/tone-model.csv"
log=$(CSBRIEF_DATADIR="$share" "$CSBRIEF" build --log-format json "${one[@]}" 2>&1)
expect_eq "a retrained tone model rebuilds" "$(printf '%s\n' "$log" | built)" \
    "stockton-on-tees-members-summary.pdf "
expect_contains "... saying so" "$log" "\"reasons\":[\"templates/tone-model.csv changed\"]"
