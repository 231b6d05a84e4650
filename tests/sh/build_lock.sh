# build_lock.sh - one run at a time per output folder: a second run is
# refused with status 75, says who holds the folder and touches nothing; a
# lock left by a killed run is recognised and taken over, and the killed
# run's temporary files are removed.
. tests/lib.sh
copy_examples redcar-and-cleveland.yaml
cfg="$WORK/examples/redcar-and-cleveland.yaml"
out="$WORK/out"
fingerprint() { (cd "$out" && find . -type f -printf '%p %s %T@\n' | sort | md5sum); }
"$CSBRIEF" build -q "$cfg" >/dev/null 2>&1
check "a first run builds" test -s "$out/redcar-and-cleveland-briefing-pack.pdf"

# A real second run while the first is at work: stop the first (in its own
# process group, with any render process it started) once it holds the
# lock, so the check does not depend on timing.
setsid "$CSB_BIN" build --force -q "$cfg" >/dev/null 2>&1 &
first=$!
for _ in $(seq 500); do
    [ -s "$out/.csbrief-lock" ] && break
    sleep 0.01
done
kill -STOP -- "-$first" 2>/dev/null
before=$(fingerprint)
err=$("$CSBRIEF" build "$cfg" 2>&1 >/dev/null); rc=$?
expect_eq "a second run while one is at work exits 75" "$rc" 75
expect_contains "and says who holds the folder" "$err" "is in use by pid $first on "
expect_contains "... with the command it runs" "$err" "csbrief build --force -q"
expect_eq "the second run touched nothing" "$(fingerprint)" "$before"
kill -CONT -- "-$first" 2>/dev/null
wait "$first"; rc=$?
expect_eq "the first run then finishes normally" "$rc" 0
check "and leaves the lock released (empty)" test ! -s "$out/.csbrief-lock"

# A lock held by another process (a shell with flock(1) standing in for a
# csbrief run on another machine; it becomes 'sleep', holding the lock).
printf 'pid 4242\nhost elsewhere\nstarted 2026-01-31T02:00:00+00:00\ncommand csbrief build nightly.yaml\n' > "$out/.csbrief-lock"
( exec 9<>"$out/.csbrief-lock"; flock 9 && exec sleep 30 ) >/dev/null 2>&1 &
holder=$!
for _ in $(seq 500); do flock -n "$out/.csbrief-lock" true 2>/dev/null || break; sleep 0.02; done
err=$("$CSBRIEF" build --log-format json "$cfg" 2>/dev/null); rc=$?
expect_eq "a held lock: 75 again" "$rc" 75
expect_contains "the JSON log names the holder" "$err" '"event":"locked"'
expect_contains "... pid, host and command" "$err" "pid 4242 on elsewhere, started 2026-01-31T02:00:00+00:00 (csbrief build nightly.yaml)"
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null

# The holder died without releasing: the next run takes over and says so.
log=$("$CSBRIEF" build "$cfg" 2>&1); rc=$?
expect_eq "a stale lock is taken over" "$rc" 0
expect_contains "and recognised as left by a dead run" "$log" "left by pid 4242 on elsewhere"

# Killed mid-run: its temporary files are removed by the next run.
touch "$out/.redcar-and-cleveland-briefing-pack.pdf.tmp-999999999-abcdef"
log=$("$CSBRIEF" build "$cfg" 2>&1)
expect_contains "a dead run's temporary file is removed" "$log" "removed $out/.redcar-and-cleveland-briefing-pack.pdf.tmp-999999999-abcdef"
check "... and is gone" test ! -e "$out/.redcar-and-cleveland-briefing-pack.pdf.tmp-999999999-abcdef"
