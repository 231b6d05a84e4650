# config_errors.sh - every mistake in a config gets the expected message,
# with file, line and column; csbrief check exits 2; nothing is written.
. tests/lib.sh
cd tests/config
for cfg in *.yaml; do
    if [ -f "$cfg.expect" ]; then want=$(sed -n 's/^# expect: //p' "$cfg.expect")
    else want=$(sed -n 's/^# expect: //p' "$cfg"); fi
    rm -rf out
    err=$("$CSBRIEF" check "$cfg" 2>&1 >/dev/null); rc=$?
    expect_eq "config $cfg: exit status 2" "$rc" 2
    expect_contains "config $cfg: message" "$err" "$want"
    build_err=$("$CSBRIEF" build "$cfg" 2>&1 >/dev/null); rc=$?
    expect_eq "config $cfg: build refuses with status 2" "$rc" 2
    if [ -e out ]; then fail "config $cfg: build wrote out/"; rm -rf out; else ok "config $cfg: nothing written"; fi
done
# Every error is reported, not just the first.
n=$("$CSBRIEF" check multiple-errors.yaml 2>&1 | grep -c 'error:')
expect_eq "config: all three errors reported in one pass" "$n" 3
