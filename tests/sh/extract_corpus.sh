# extract_corpus.sh - `csbrief extract --format csv` over the real reports
# in ../shared/corpus/pdf, run from inside that directory so `file` is the
# basename, with the publications index of ../shared/data as the files'
# source, compared with tests/corpus/expected.csv row by row (every
# column); the HTML error pages each get one stderr line and nothing else.
# Every report in the folder must have expected rows (or be listed in
# tests/corpus/rejected.txt), so a report added to the corpus without
# being read by hand fails here. The inspections held in two parts are
# those of tests/corpus/parts.csv (JSON's inspection_parts).
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
# Every report of the folder is covered by expected.csv or rejected.txt.
uncovered=()
for f in $(cd "$SHARED/corpus/pdf" && ls *.pdf); do
    if ! grep -q "^$f," "$ROOT/tests/corpus/expected.csv" && ! grep -qxF "$f" "$ROOT/tests/corpus/rejected.txt"; then
        uncovered+=("$f")
    fi
done
for f in "${uncovered[@]}"; do echo "#   no expected rows: $f"; done
expect_eq "corpus: every report in the folder has expected rows (tests/corpus/expected.csv)" \
    "${#uncovered[@]}" 0
expected="$WORK/expected.csv"
head -1 "$ROOT/tests/corpus/expected.csv" >"$expected"
tail -n +2 "$ROOT/tests/corpus/expected.csv" | grep -F -f <(printf '%s,\n' "${files[@]}") >>"$expected"
(cd "$SHARED/corpus/pdf" && "$CSBRIEF" extract --format csv \
    --sources "$SHARED/data/ofsted-publications.csv" "${files[@]}") >"$WORK/got.csv" 2>"$WORK/err.txt"
rc=$?
expect_eq "corpus: exit status 1 (two files cannot be read)" "$rc" 1
expect_eq "corpus: CSV header" "$(head -1 "$WORK/got.csv")" \
    "file,authority,authority_code,kind,inspection_start,inspection_end,published,lead_inspector,area,grade,published_from"

# Every mismatch, printed as expected / got (rows in file order, each
# report's rows in the report's order).
by_file() { tail -n +2 "$1" | LC_ALL=C sort -s -t, -k1,1; }
diff <(by_file "$expected") <(by_file "$WORK/got.csv") >"$WORK/diff.txt"
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

# Inspections held in two parts (`extract --format json`'s inspection_parts):
# exactly those of tests/corpus/parts.csv, read from each cover's
# "Inspection dates:", of the files read.
(cd "$SHARED/corpus/pdf" && "$CSBRIEF" extract --format json "${files[@]}") 2>/dev/null |
    sed -n 's/^    "file": "\(.*\)",$/\1/p
            s/^    "inspection_parts": \[\["\([0-9-]*\)", "\([0-9-]*\)"\], \["\([0-9-]*\)", "\([0-9-]*\)"\]\],$/parts,\1,\2,\3,\4/p' |
    awk -F, '/^parts,/ { print f "," $2 "," $3 "," $4 "," $5; next } { f = $0 }' |
    sort >"$WORK/parts.got"
tail -n +2 "$ROOT/tests/corpus/parts.csv" | grep -F -f <(printf '%s,\n' "${files[@]}") |
    sort >"$WORK/parts.want"
if diff "$WORK/parts.want" "$WORK/parts.got" >"$WORK/parts.diff"; then
    ok "corpus: $(wc -l <"$WORK/parts.want") inspections in two parts, those of tests/corpus/parts.csv"
else
    sed -n 's/^< /#   expected: /p; s/^> /#   got:      /p' "$WORK/parts.diff"
    fail "corpus: inspections in two parts, those of tests/corpus/parts.csv"
fi

# The HTML pages: one "csbrief: FILE: reason" line each, and no other output.
while IFS= read -r bad; do
    [ -n "$bad" ] || continue
    n=$(grep -c "^csbrief: $bad: " "$WORK/err.txt")
    expect_eq "corpus: $bad rejected with one stderr line" "$n" 1
    if grep -q "^$bad," "$WORK/got.csv"; then fail "corpus: $bad has no rows"; else ok "corpus: $bad has no rows"; fi
done <"$ROOT/tests/corpus/rejected.txt"
# Warnings: exactly those of tests/corpus/warnings.txt (a report that
# truly lacks something), of the files read, and nothing else.
grep -v -F -f <(sed 's/^/csbrief: /; s/$/: /' "$ROOT/tests/corpus/rejected.txt") "$WORK/err.txt" |
    sort >"$WORK/warnings.got"
grep -F -f <(printf 'csbrief: %s: \n' "${files[@]}") "$ROOT/tests/corpus/warnings.txt" |
    sort >"$WORK/warnings.want"
if diff "$WORK/warnings.want" "$WORK/warnings.got" >"$WORK/warnings.diff"; then
    ok "corpus: no warnings but those of tests/corpus/warnings.txt"
else
    sed -n 's/^< /#   expected: /p; s/^> /#   got:      /p' "$WORK/warnings.diff"
    fail "corpus: no warnings but those of tests/corpus/warnings.txt"
fi
