# build_crash.sh - killing a build at random moments (SIGKILL, many times)
# never leaves a truncated or invalid PDF at a destination: each one is,
# byte for byte, either the complete old PDF or the complete new one (the
# two differ: runs alternate between two subtitles), and poppler opens it.
# No process outlives a killed run; the next run cleans up and completes.
# CSB_CRASH_RUNS sets the number of kills (default 50; 3 under valgrind).
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
    wait "$pid" 2>/dev/null
    [ $? = 137 ] && killed=$((killed + 1)) # not finished when the signal came
    for _ in $(seq 100); do [ "$(alive)" = 0 ] && break; sleep 0.02; done
    [ "$(alive)" = 0 ] || survivors=$((survivors + 1))
    [ -n "$(find "$out" -name '*.tmp-*' -newer "$WORK/started")" ] && mid=$((mid + 1))
    for f in "$out"/*.pdf; do
        sum=$(md5sum < "$f" | cut -c1-32)
        if [ -z "${want["$(basename "$f") $sum"]:-}" ] || ! pdfinfo "$f" >/dev/null 2>&1; then
            bad=$((bad + 1))
            echo "# run $i (killed after ${delay}ms): $(basename "$f") is not a complete PDF"
        fi
    done
done
echo "# $runs runs, $killed killed while running ($mid in the middle of writing a PDF), window ${window}ms"
expect_eq "after $runs random SIGKILLs, every destination is a complete old or new PDF" "$bad" 0
# (Under valgrind, with three slow runs, a kill mid-write is not expected.)
want_mid=1; [ "${CSB_VALGRIND:-0}" = 1 ] && want_mid=0
[ "$killed" -ge $((runs / 3)) ] && [ "$mid" -ge "$want_mid" ] \
    && ok "runs were killed while at work ($killed of $runs, $mid while writing a PDF)" \
    || fail "only $killed of $runs runs were killed while at work, $mid while writing a PDF"
expect_eq "no render process outlives a killed run" "$survivors" 0
for f in "$out"/*.pdf; do
    check "$(basename "$f") passes qpdf --check (no errors)" sh -c 'qpdf --check "$1" >/dev/null 2>&1; [ $? -ne 2 ]' _ "$f"
done

log=$("$CSBRIEF" build "${cfgs[@]}" 2>&1); rc=$?
expect_eq "the next run completes" "$rc" 0
left=$(find "$out" -name '*.tmp-*')
expect_eq "and leaves no temporary file" "$left" ""
log=$("$CSBRIEF" build --log-format json "${cfgs[@]}" 2>&1)
expect_eq "after it, nothing is left to build" "$(printf '%s\n' "$log" | grep -c '"event":"built"')" 0
