# extract_corpus.sh - `csbrief extract --format csv` over the real reports
# in ../shared/corpus/pdf, run from inside that directory so `file` is the
# basename, compared with tests/corpus/expected.csv row by row (every
# column); the HTML error pages each get one stderr line and nothing else.
. tests/lib.sh
export CSBRIEF_DATADIR=${CSBRIEF_DATADIR:-$ROOT}

if ! have_shared_corpus; then
    skip "corpus: extract matches tests/corpus/expected.csv" "../shared/corpus is absent ($SHARED/corpus/pdf)"
    exit 0
fi

# Every report, or every CSB_CORPUS_STRIDE-th (tests/run sets 8 under
# valgrind) and the rejected pages; expected.csv cut down to the same files.
stride=${CSB_CORPUS_STRIDE:-1}
files=()
i=0
for f in $(cd "$SHARED/corpus/pdf" && ls *.pdf); do
    if [ $((i % stride)) = 0 ] || grep -qxF "$f" "$ROOT/tests/corpus/rejected.txt"; then files+=("$f"); fi
    i=$((i + 1))
done
[ "$stride" = 1 ] || echo "# a sample: ${#files[@]} of $i reports (CSB_CORPUS_STRIDE=$stride)"
expected="$WORK/expected.csv"
head -1 "$ROOT/tests/corpus/expected.csv" >"$expected"
tail -n +2 "$ROOT/tests/corpus/expected.csv" | grep -F -f <(printf '%s,\n' "${files[@]}") >>"$expected"
(cd "$SHARED/corpus/pdf" && "$CSBRIEF" extract --format csv "${files[@]}") >"$WORK/got.csv" 2>"$WORK/err.txt"
rc=$?
expect_eq "corpus: exit status 1 (two files cannot be read)" "$rc" 1
expect_eq "corpus: CSV header" "$(head -1 "$WORK/got.csv")" \
    "file,authority,authority_code,kind,inspection_start,inspection_end,published,lead_inspector,area,grade"

# Every mismatch, printed as expected / got.
diff <(tail -n +2 "$expected") <(tail -n +2 "$WORK/got.csv") >"$WORK/diff.txt"
mismatches=$(grep -c '^[<>]' "$WORK/diff.txt")
while IFS= read -r line; do
    case "$line" in
        "<"*) echo "#   expected: ${line#< }" ;;
        ">"*) echo "#   got:      ${line#> }" ;;
    esac
done <"$WORK/diff.txt"
expect_eq "corpus: every row of expected.csv (all columns), no other rows" "$mismatches" 0
expect_eq "corpus: $(($(wc -l <"$expected") - 1)) judgement rows" \
    "$(($(wc -l <"$WORK/got.csv") - 1))" "$(($(wc -l <"$expected") - 1))"

# The HTML pages: one "csbrief: FILE: reason" line each, and no other output.
while IFS= read -r bad; do
    [ -n "$bad" ] || continue
    n=$(grep -c "^csbrief: $bad: " "$WORK/err.txt")
    expect_eq "corpus: $bad rejected with one stderr line" "$n" 1
    if grep -q "^$bad," "$WORK/got.csv"; then fail "corpus: $bad has no rows"; else ok "corpus: $bad has no rows"; fi
done <"$ROOT/tests/corpus/rejected.txt"
expect_eq "corpus: nothing else on stderr (no warnings)" "$(wc -l <"$WORK/err.txt" | tr -d ' ')" \
    "$(grep -c . "$ROOT/tests/corpus/rejected.txt")"
