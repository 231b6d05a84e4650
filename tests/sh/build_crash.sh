# build_crash.sh - killing a build at random moments (SIGKILL, many times)
# never leaves a truncated or invalid PDF at a destination: each one is,
# byte for byte, either the complete old PDF or the complete new one (the
# two differ: runs alternate between two subtitles), and poppler opens it.
# No process outlives a killed run; the next run cleans up and completes.
# CSB_CRASH_RUNS sets the number of random kills (default 50; 3 under
# valgrind); a fifth as many (at least 3) are aimed at the writing of a PDF.
. tests/lib.sh
copy_examples redcar-and-cleveland.yaml stockton-on-tees.yaml
cfgs=("$WORK/examples/redcar-and-cleveland.yaml" "$WORK/examples/stockton-on-tees.yaml")
out="$WORK/out"
runs=${CSB_CRASH_RUNS:-50}
[ "${CSB_VALGRIND:-0}" = 1 ] && runs=3

variant() { # A or B: every briefing's subtitle ends "(variant X)"
    sed -E -i "s/^(    subtitle: .*[^)])( \(variant [AB]\))?$/\1 (variant $1)/" "${cfgs[@]}"
}
now_ms() { date +%s%3N; }
# Processes of this test's runs still alive (children of a killed run
# included: they carry the same command line).
alive() { ps -eo args= | grep -F -- "$WORK/examples/" | grep -vc -e grep -e 'ps -eo'; }

declare -A want
for v in A B; do
    variant $v
    t0=$(now_ms)
    "$CSBRIEF" build --force -q "${cfgs[@]}" >/dev/null 2>&1
    took=$(( $(now_ms) - t0 ))
    for f in "$out"/*.pdf; do want["$(basename "$f") $(md5sum < "$f" | cut -c1-32)"]=$v; done
done
pdfs=$(ls "$out"/*.pdf | wc -l)
expect_eq "reference builds: three PDFs, each different in the two variants" "${#want[@]}" $((pdfs * 2))

# check_destinations RUN WHEN: every destination is one of the reference PDFs
# and poppler opens it; counts the ones that are not in $bad.
check_destinations() {
    local f sum
    for f in "$out"/*.pdf; do
        sum=$(md5sum < "$f" | cut -c1-32)
        if [ -z "${want["$(basename "$f") $sum"]:-}" ] || ! pdfinfo "$f" >/dev/null 2>&1; then
            bad=$((bad + 1))
            echo "# run $1 ($2): $(basename "$f") is not a complete PDF"
        fi
    done
}
# reap PID: wait for a killed run and for its render processes to go.
reap() {
    wait "$1" 2>/dev/null
    local rc=$?
    for _ in $(seq 100); do [ "$(alive)" = 0 ] && break; sleep 0.02; done
    [ "$(alive)" = 0 ] || survivors=$((survivors + 1))
    return $rc
}
written_since_start() { [ -n "$(find "$out" -name '*.tmp-*' -newer "$WORK/started")" ]; }

# Random kills: anywhere in a run, from start-up to the last rename.
window=$(( took + 20 ))
killed=0; bad=0; survivors=0; mid=0
for i in $(seq "$runs"); do
    [ $((i % 2)) = 0 ] && variant A || variant B
    touch "$WORK/started"
    "$CSBRIEF" build --force -q "${cfgs[@]}" >/dev/null 2>&1 &
    pid=$!
    delay=$(( RANDOM % window ))
    sleep "$(printf '0.%03d' "$delay")"
    kill -9 "$pid" 2>/dev/null
    reap "$pid"
    [ $? = 137 ] && killed=$((killed + 1)) # not finished when the signal came
    written_since_start && mid=$((mid + 1))
    check_destinations "$i" "killed after ${delay}ms"
done
echo "# $runs random kills, $killed while running ($mid in the middle of writing a PDF), window ${window}ms"
expect_eq "after $runs random SIGKILLs, every destination is a complete old or new PDF" "$bad" 0
[ "$killed" -ge $((runs / 3)) ] \
    && ok "random kills landed while the runs were at work ($killed of $runs)" \
    || fail "only $killed of $runs random kills landed while the runs were at work"

# Aimed kills: how long a run spends writing depends on the machine (and on
# sanitizers), so random kills may never land there. These wait until a
# temporary PDF appears, then kill at once.
aimed=$(( runs / 5 )); [ "$aimed" -lt 3 ] && aimed=3
mid_aimed=0
for i in $(seq "$aimed"); do
    [ $((i % 2)) = 0 ] && variant A || variant B
    touch "$WORK/started"
    "$CSBRIEF" build --force -q "${cfgs[@]}" >/dev/null 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null && ! written_since_start; do sleep 0.002; done
    kill -9 "$pid" 2>/dev/null
    reap "$pid"
    written_since_start && mid_aimed=$((mid_aimed + 1))
    check_destinations "aimed $i" "killed while writing"
done
echo "# $aimed aimed kills, $mid_aimed left a temporary PDF half written"
expect_eq "after $aimed SIGKILLs aimed at the writing of a PDF, every destination is complete" "$bad" 0
[ "$mid_aimed" -ge 1 ] \
    && ok "aimed kills landed in the middle of writing a PDF ($mid_aimed of $aimed)" \
    || fail "no aimed kill landed while a PDF was being written ($aimed tried)"
expect_eq "no render process outlives a killed run" "$survivors" 0
for f in "$out"/*.pdf; do
    check "$(basename "$f") passes qpdf --check (exit 0: no errors, no warnings)" qpdf --check "$f"
done

log=$("$CSBRIEF" build "${cfgs[@]}" 2>&1); rc=$?
expect_eq "the next run completes" "$rc" 0
[ "$rc" = 0 ] || printf '%s\n' "$log" | sed 's/^/#   /' | tail -20
left=$(find "$out" -name '*.tmp-*')
expect_eq "and leaves no temporary file" "$left" ""
log=$("$CSBRIEF" build --log-format json "${cfgs[@]}" 2>&1)
expect_eq "after it, nothing is left to build" "$(printf '%s\n' "$log" | grep -c '"event":"built"')" 0
