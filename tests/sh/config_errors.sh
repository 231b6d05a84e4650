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

# Ten thousand briefings writing one file are one mistake: one error (not
# one per pair: fifty million errors, which took 11 GB and never ended; the
# timeout only guards against that hang).
{
    printf 'reports: [../../examples/reports]\nauthority: Redcar and Cleveland\nbriefings:\n'
    for _ in $(seq 10000); do echo "  - {template: members-summary, output: out/x.pdf}"; done
} >"$WORK/many.yaml"
cp "$WORK/many.yaml" many-outputs.yaml
err=$(timeout 300 "$CSBRIEF" check many-outputs.yaml 2>&1 >/dev/null); rc=$?
rm -f many-outputs.yaml
expect_eq "config: 10,000 briefings sharing an output: status 2" "$rc" 2
expect_eq "config: ... one error" "$(printf '%s\n' "$err" | grep -c 'error:')" 1
expect_contains "config: ... naming how many" "$err" "and so do 9998 others"
# Two configs sharing an output: build refuses, once.
printf 'reports: [../../examples/reports]\nauthority: Redcar and Cleveland\nbriefings:\n  - {template: members-summary, output: out/shared.pdf}\n' >a-shared.yaml
printf 'reports: [../../examples/reports]\nauthority: Stockton-on-Tees\nbriefings:\n  - {template: members-summary, output: out/shared.pdf}\n' >b-shared.yaml
err=$("$CSBRIEF" build a-shared.yaml b-shared.yaml 2>&1 >/dev/null); rc=$?
rm -f a-shared.yaml b-shared.yaml
expect_eq "configs: two configs writing one output: build status 2" "$rc" 2
expect_eq "configs: ... one error naming both" "$(printf '%s\n' "$err" | grep -c '2 briefings write')" 1
expect_eq "configs: no PDF written" "$(find . -name '*.pdf' -path './out/*' | wc -l)" 0
rm -rf out
