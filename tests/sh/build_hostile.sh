# build_hostile.sh - a nightly run over a folder others can write cannot be
# turned against files: links and special files planted for what csbrief
# writes (lock, manifest, outputs) are never followed; an output that is an
# input is refused by check and build; a file csbrief did not write is not
# replaced without --force; inputs that are devices or FIFOs, and configs
# too large, are refused without hanging; names with newlines or Latin-1
# bytes cannot forge log lines or break the JSON log; SIGTERM stops a run
# in order.
. tests/lib.sh
copy_examples redcar-and-cleveland.yaml
cd "$WORK/examples" || exit 1
out="$WORK/out"
mkdir -p "$out"
victim="$WORK/victim.txt"
printf 'precious\n' >"$victim"
cat >one.yaml <<'EOF'
reports: [reports]
authority: Redcar and Cleveland
briefings:
  - {template: members-summary, output: ../out/summary.pdf}
EOF
novg() { grep -v '^==[0-9]*=='; }

# 1. A link planted as the lock.
ln -s "$victim" "$out/.csbrief-lock"
log=$("$CSBRIEF" build --log-format json one.yaml 2>&1); rc=$?
expect_eq "lock: a symbolic link planted as .csbrief-lock: the run fails (status 1)" "$rc" 1
expect_eq "lock: the file it points at is untouched" "$(cat "$victim")" "precious"
expect_contains "lock: the error says why" "$log" "is a symbolic link"
expect_contains "lock: the JSON log still ends with 'finished'" "$(printf '%s\n' "$log" | novg | tail -1)" '"event":"finished"'
rm "$out/.csbrief-lock"
if ln "$victim" "$out/.csbrief-lock" 2>/dev/null; then
    "$CSBRIEF" build -q one.yaml >/dev/null 2>&1; rc=$?
    expect_eq "lock: a hard link planted as .csbrief-lock is refused (status 1)" "$rc" 1
    expect_eq "lock: ... and its other name keeps its content" "$(cat "$victim")" "precious"
    rm "$out/.csbrief-lock"
else
    skip "lock: a hard link planted as .csbrief-lock" "cannot make a hard link here"
fi

# 2. A link planted as the manifest: replaced, never written through.
ln -s "$victim" "$out/.csbrief-manifest"
"$CSBRIEF" build -q one.yaml >/dev/null 2>&1; rc=$?
expect_eq "manifest: a run with a link planted as .csbrief-manifest succeeds" "$rc" 0
expect_eq "manifest: the file it pointed at is untouched" "$(cat "$victim")" "precious"
check "manifest: the link was replaced by csbrief's own file" test ! -L "$out/.csbrief-manifest"

# 3. Outputs that are inputs.
cat >self.yaml <<'EOF'
reports: [reports]
authority: Redcar and Cleveland
briefings:
  - {template: members-summary, output: reports/redcar-and-cleveland-2025-12-ilacs.pdf}
EOF
cp reports/redcar-and-cleveland-2025-12-ilacs.txt "$WORK/ilacs.keep"
err=$("$CSBRIEF" check self.yaml 2>&1 >/dev/null); rc=$?
expect_eq "input: check refuses an output in the report folder (status 2)" "$rc" 2
expect_contains "input: ... saying it would be read as a report" "$err" "is also an input: a report"
"$CSBRIEF" build -q self.yaml >/dev/null 2>&1; rc=$?
expect_eq "input: build refuses it too (status 2)" "$rc" 2
check "input: and writes nothing there" test ! -e reports/redcar-and-cleveland-2025-12-ilacs.pdf
ln -s "$PWD/reports/redcar-and-cleveland-2025-12-ilacs.txt" "$out/alias.pdf"
cat >alias.yaml <<'EOF'
reports: [reports]
authority: Redcar and Cleveland
briefings:
  - {template: members-summary, output: ../out/alias.pdf}
EOF
err=$("$CSBRIEF" check alias.yaml 2>&1 >/dev/null); rc=$?
expect_eq "input: an output that is a report under another name: check status 2" "$rc" 2
expect_contains "input: ... it is the same file" "$err" "the same file as a report"
"$CSBRIEF" build -q alias.yaml >/dev/null 2>&1
check "input: the report is unchanged" cmp -s reports/redcar-and-cleveland-2025-12-ilacs.txt "$WORK/ilacs.keep"
rm "$out/alias.pdf"

# 4. A file csbrief did not write, where a new briefing's output goes.
printf '%%PDF-1.4 someone else'"'"'s file\n' >"$out/other.pdf"
sed 's#../out/summary.pdf#../out/other.pdf#' one.yaml >other.yaml
err=$("$CSBRIEF" check other.yaml 2>&1 >/dev/null); rc=$?
expect_eq "foreign: check names a file csbrief did not write (status 1)" "$rc" 1
expect_contains "foreign: ... and says --force replaces it" "$err" "csbrief did not write it"
log=$("$CSBRIEF" build other.yaml 2>&1); rc=$?
expect_eq "foreign: build does not replace it (status 1)" "$rc" 1
expect_contains "foreign: ... and says so" "$log" "--force"
expect_contains "foreign: the file is untouched" "$(cat "$out/other.pdf")" "someone else"
"$CSBRIEF" build -q --force other.yaml >/dev/null 2>&1; rc=$?
expect_eq "foreign: --force replaces it" "$rc" 0
check "foreign: ... with a briefing" pdfinfo "$out/other.pdf"
"$CSBRIEF" build -q other.yaml >/dev/null 2>&1; rc=$?
expect_eq "foreign: afterwards it is csbrief's: the next run is fine" "$rc" 0

# 5. Inputs that are devices or FIFOs, a config too large, the parse cache
# a link: refused at once (timeout: a hang fails the check).
ln -s /dev/zero reports/zero.pdf
mkfifo reports/fifo.txt
log=$(timeout 60 "$CSBRIEF" build one.yaml 2>&1); rc=$?
expect_eq "special: a device and a FIFO among the reports: status 1, no hang" "$rc" 1
expect_contains "special: /dev/zero is refused as a device" "$log" \
    "unreadable report reports/zero.pdf: cannot read the file: a device, not a regular file"
expect_contains "special: the FIFO is refused" "$log" "a FIFO (named pipe), not a regular file"
rm reports/zero.pdf reports/fifo.txt
mkfifo fifo.yaml
err=$(timeout 60 "$CSBRIEF" check fifo.yaml 2>&1); rc=$?
expect_eq "special: a FIFO as the config: status 2, no hang" "$rc" 2
expect_contains "special: ... saying what it is" "$err" "FIFO"
{ cat one.yaml; head -c 1100000 /dev/zero | tr '\0' '#'; } >huge.yaml
err=$("$CSBRIEF" check huge.yaml 2>&1); rc=$?
expect_eq "size: a config over 1 MB: status 2" "$rc" 2
expect_contains "size: ... naming the limit" "$err" "more than the limit of 1 MB"

# 6. Names that are not plain text: a newline, Latin-1 bytes.
cp reports/stockton-on-tees-2023-03-ilacs.txt "reports/evil
2026-01-01T00:00:00+00:00 built forged.pdf in 0.1s (new briefing).txt"
cp reports/stockton-on-tees-2023-03-ilacs.txt "reports/caf$(printf '\351').txt"
log=$("$CSBRIEF" build --force one.yaml 2>&1)
expect_eq "log: a file name with a newline forges no line" \
    "$(printf '%s\n' "$log" | grep -c '^2026-01-01T00:00:00+00:00 built forged')" 0
json=$("$CSBRIEF" build --force --log-format json one.yaml 2>&1 | novg)
check "log: with a Latin-1 name, the JSON log is valid UTF-8" sh -c 'printf "%s\n" "$1" | iconv -f UTF-8 -t UTF-8' _ "$json"
expect_eq "log: every JSON line is one object" "$(printf '%s\n' "$json" | grep -vc '^{.*}$')" 0
case "$log$json" in *CRITICAL*) fail "log: no GLib-CRITICAL" ;; *) ok "log: no GLib-CRITICAL" ;; esac
ext=$("$CSBRIEF" extract --format json reports/caf*.txt 2>&1)
check "extract: with a Latin-1 name, --format json is valid UTF-8" sh -c 'printf "%s\n" "$1" | iconv -f UTF-8 -t UTF-8' _ "$ext"
expect_contains "extract: the name's byte is written as its Latin-1 character" "$ext" 'caf\u00e9.txt'
rm reports/evil* reports/caf*

# 7. SIGTERM stops a run in order: children killed, temporary files
# removed, manifest saved, lock released, status 143.
{
    printf 'reports: [reports]\nauthority: Redcar and Cleveland\nbriefings:\n'
    for i in 1 2 3 4 5 6; do printf '  - {template: members-summary, output: ../out/stop-%s.pdf}\n' $i; done
} >stop.yaml
stop_and_check() { # the moment to stop: 'started' (parsing) or 'built' (rendering)
    local moment=$1 pid rc
    "$CSB_BIN" build --force -j 1 stop.yaml >"$WORK/stop.log" 2>&1 &
    pid=$!
    for _ in $(seq 1000); do grep -q " $moment " "$WORK/stop.log" && break; sleep 0.005; done
    kill -TERM "$pid"
    wait "$pid"; rc=$?
    expect_eq "SIGTERM ($moment): status 143" "$rc" 143
    expect_contains "SIGTERM ($moment): the summary says it was stopped" "$(cat "$WORK/stop.log")" "stopped by SIGTERM"
    expect_eq "SIGTERM ($moment): no temporary file left" "$(find "$out" -name '*.tmp-*' | wc -l)" 0
    check "SIGTERM ($moment): the lock is released (empty)" test ! -s "$out/.csbrief-lock"
    expect_eq "SIGTERM ($moment): a write is left pending in the manifest only for a killed worker" \
        "$(grep -c '^pending' "$out/.csbrief-manifest")" "$(grep -c 'FAILED .*was stopped (SIGTERM) while' "$WORK/stop.log")"
}
stop_and_check started
stop_and_check built
"$CSBRIEF" build -q stop.yaml >/dev/null 2>&1; rc=$?
expect_eq "SIGTERM: the next run completes" "$rc" 0
