# build_parallel.sh - --jobs 2 makes the same bytes as --jobs 1, for the
# sample reports (always) and for the North East pack from the real corpus
# (when ../shared/corpus is there); and the log formats: JSON lines with
# the summary last, a terminal's progress bar.
. tests/lib.sh
copy_examples
cat > "$WORK/examples/all.yaml" <<'EOF'
reports: [reports]
authority: all
compare_with: [region, statistical-neighbours]
themes: [sufficiency, care-leavers, exploitation, front-door]
briefings:
  - template: briefing-pack
    output: ../OUT/{authority}-briefing-pack.pdf
  - template: members-summary
    output: ../OUT/{authority}-members-summary.pdf
EOF
for j in 1 2; do
    sed "s/OUT/out-j$j/" "$WORK/examples/all.yaml" > "$WORK/examples/all-j$j.yaml"
    "$CSBRIEF" build -q --jobs $j "$WORK/examples/all-j$j.yaml" >/dev/null 2>&1
done
n=$(ls "$WORK"/out-j2/*.pdf 2>/dev/null | wc -l)
expect_eq "--jobs 2 built four briefings" "$n" 4
same=0
for f in "$WORK"/out-j1/*.pdf; do cmp -s "$f" "$WORK/out-j2/$(basename "$f")" && same=$((same + 1)); done
expect_eq "--jobs 2 output equals --jobs 1, byte for byte" "$same" 4

# The JSON log: one object per line, the summary last.
log=$("$CSBRIEF" build --force --log-format json --jobs 2 "$WORK/examples/all-j2.yaml" 2>"$WORK/err"); rc=$?
expect_eq "JSON log: status 0" "$rc" 0
notjson=$(printf '%s\n' "$log" | grep -vc '^{"time":"[^"]*","event":"[a-z-]*".*}$')
expect_eq "every stdout line is one JSON object with time and event" "$notjson" 0
expect_contains "the last line is the summary" "$(printf '%s\n' "$log" | tail -1)" '"event":"finished","briefings":4,"built":4,"skipped":0,"failed":0'
# (valgrind's own '==PID==' lines aside, under CSB_VALGRIND=1)
expect_eq "nothing on stderr in JSON mode" "$(grep -v '^==[0-9]*==' "$WORK/err")" ""

# On a terminal: a progress bar with counts (script(1) gives a terminal).
if command -v script >/dev/null 2>&1 && [ "${CSB_VALGRIND:-0}" != 1 ]; then
    tty=$(script -qec "$CSB_BIN build --force $WORK/examples/all-j2.yaml" /dev/null 2>&1 | tr '\r' '\n')
    expect_contains "a terminal gets a progress bar with counts" "$tty" "] 4/4  built 4  skipped 0  failed 0"
    expect_contains "... and the summary" "$tty" "4 built, 0 skipped (up to date), 0 failed"
else
    skip "progress bar on a terminal" "script(1) not available or under valgrind"
fi

# The North East pack from the real reports: 12 authorities, two jobs vs one.
if ! have_shared_corpus; then
    skip "North East pack: --jobs 2 equals --jobs 1" "no ../shared/corpus"
elif [ "${CSB_VALGRIND:-0}" = 1 ]; then
    skip "North East pack: --jobs 2 equals --jobs 1" "too slow under valgrind"
else
    for j in 1 2; do
        sed -e "s|^reports:.*|reports: [$SHARED/corpus/pdf]|" -e "s|\.\./\.\./out/north-east/|$WORK/ne-j$j/|" \
            examples/nightly/north-east.yaml > "$WORK/ne-j$j.yaml"
        "$CSBRIEF" build -q --jobs $j "$WORK/ne-j$j.yaml" >/dev/null 2>&1
    done
    n=$(ls "$WORK"/ne-j2/*.pdf 2>/dev/null | wc -l)
    expect_eq "North East pack: 24 briefings (12 authorities, two templates)" "$n" 24
    same=0
    for f in "$WORK"/ne-j1/*.pdf; do cmp -s "$f" "$WORK/ne-j2/$(basename "$f")" && same=$((same + 1)); done
    expect_eq "North East pack: --jobs 2 equals --jobs 1 for every briefing" "$same" "$n"
    log=$("$CSBRIEF" build --log-format json "$WORK/ne-j2.yaml" 2>/dev/null)
    expect_eq "North East pack: a second run builds nothing" \
        "$(printf '%s\n' "$log" | grep -c '"event":"built"')" 0
    expect_eq "... and reads no report again" "$(printf '%s\n' "$log" | grep -c '"event":"read"')" 0
fi
