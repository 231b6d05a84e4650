# build_failure.sh - a briefing that fails keeps its last good PDF and does
# not stop the others: exit status 1, the summary names the failure, the
# next run tries again. A briefing whose writes hit a file-size limit (a
# stand-in for a full disk: write(2) fails as it would with ENOSPC) fails
# the same way, with an error saying so, leaving valid PDFs.
. tests/lib.sh
copy_examples redcar-and-cleveland.yaml stockton-on-tees.yaml
cfgs=("$WORK/examples/redcar-and-cleveland.yaml" "$WORK/examples/stockton-on-tees.yaml")
out="$WORK/out"
# A PDF poppler opens and qpdf checks with exit status 0 (no error, no
# warning: 3, warnings only, is a failure).
# valgrind's own '==PID==' lines aside, under CSB_VALGRIND=1
novg() { grep -v '^==[0-9]*=='; }
valid_pdf() { pdfinfo "$1" >/dev/null 2>&1 && qpdf --check "$1" >/dev/null 2>&1; }
stockton="$out/stockton-on-tees-members-summary.pdf"
"$CSBRIEF" build -q "${cfgs[@]}" >/dev/null 2>&1
check "first run builds Stockton-on-Tees' summary" pdfinfo "$stockton"
good=$(md5sum < "$stockton")

# The only Stockton-on-Tees report turns out to be an HTML error page: its
# briefing cannot be made; Redcar's pack (which compares with Stockton)
# can, and Redcar's members' summary (which shows no Stockton report) is
# up to date.
printf '<!DOCTYPE html><html><body>Service unavailable</body></html>\n' \
    > "$WORK/examples/reports/stockton-on-tees-2023-03-ilacs.txt"
log=$("$CSBRIEF" build "${cfgs[@]}" 2>"$WORK/err"); rc=$?
expect_eq "a failing briefing: exit status 1" "$rc" 1
expect_eq "its last good PDF is kept" "$(md5sum < "$stockton")" "$good"
check "... and is still a valid PDF" valid_pdf "$stockton"
expect_contains "the others still build" "$log" "built "
expect_eq "Redcar's pack was rebuilt (its comparator's report changed)" \
    "$(printf '%s\n' "$log" | grep -c '^[^ ]* built .*redcar-and-cleveland-briefing-pack')" 1
expect_contains "... and Redcar's members' summary skipped" "$log" \
    "skipped $out/redcar-and-cleveland-members-summary.pdf: up to date"
expect_contains "the log names the failure" "$log" "FAILED "
expect_contains "the summary names it with the reason" "$log" \
    "failed: $stockton: no report among those read is about Stockton-on-Tees"
expect_contains "the unreadable report is named" "$log" "unreadable report"
expect_contains "errors go to stderr with the config's position" "$(cat "$WORK/err")" "stockton-on-tees.yaml:"

log=$("$CSBRIEF" build --log-format json "${cfgs[@]}" 2>/dev/null); rc=$?
expect_eq "the next run tries the failed briefing again" \
    "$(printf '%s\n' "$log" | grep -c '"event":"failed"')" 1
expect_eq "... and skips the others" "$(printf '%s\n' "$log" | grep -c '"event":"skipped"')" 2
expect_eq "... exit status 1 again" "$rc" 1
quiet=$("$CSBRIEF" build --quiet "${cfgs[@]}" 2>&1 | novg)
expect_eq "--quiet prints the failure, the bad report and the summary only" \
    "$(printf '%s\n' "$quiet" | grep -vc -e 'FAILED' -e 'unreadable report' -e 'finished:' -e 'failed:' -e 'error:')" 0

# A full disk, simulated by a file-size limit the PDFs exceed.
cp examples/reports/stockton-on-tees-2023-03-ilacs.txt "$WORK/examples/reports/"
"$CSBRIEF" build -q "${cfgs[@]}" >/dev/null 2>&1
before=$(md5sum "$out"/*.pdf)
log=$(ulimit -f 16; "$CSBRIEF" build --force "${cfgs[@]}" 2>&1); rc=$?
expect_eq "writes cut short by a size limit: exit status 1" "$rc" 1
expect_eq "every destination PDF is unchanged" "$(md5sum "$out"/*.pdf)" "$before"
expect_contains "the reason is given: a full disk (or quota), as write(2) says" "$log" \
    "(the disk or the quota is full)"
case "$log" in
    *"Please report it"* | *"csbrief stopped"*) fail "no briefing dies: each fails with an error" ;;
    *) ok "no briefing dies: each fails with an error" ;;
esac
for f in "$out"/*.pdf; do check "$(basename "$f") still opens (pdfinfo, qpdf --check)" valid_pdf "$f"; done
expect_eq "no temporary file left behind" "$(find "$out" -name '*.tmp-*' | wc -l)" 0
quiet=$("$CSBRIEF" build --quiet "${cfgs[@]}" 2>&1); rc=$?
quiet=$(printf '%s\n' "$quiet" | novg)
expect_eq "without the limit, all is rebuilt (status 0)" "$rc" 0
expect_eq "--quiet prints nothing when all went well" "$quiet" ""
