# extract_cli.sh - `csbrief extract` on the shipped inputs: the fixtures and
# the sample reports give exactly the expected rows; JSON, with each
# paragraph's tone, why and reading of its sentences from the data
# directory's cues; bad inputs get
# one stderr line each and the run goes on (exit 1); --cache.
. tests/lib.sh
export CSBRIEF_DATADIR=${CSBRIEF_DATADIR:-$ROOT}
HEADER="file,authority,authority_code,kind,inspection_start,inspection_end,published,lead_inspector,area,grade"

# compare_csv WHAT EXPECTED GOT: one check, each differing row printed.
compare_csv() {
    local what=$1 want=$2 got=$3
    if diff "$want" "$got" >"$WORK/d.txt"; then
        ok "$what"
    else
        sed -n 's/^< /#   expected: /p; s/^> /#   got:      /p' "$WORK/d.txt"
        fail "$what"
    fi
}

(cd "$ROOT/tests/fixtures" && "$CSBRIEF" extract *.txt) >"$WORK/fixtures.csv" 2>"$WORK/fixtures.err"
expect_eq "fixtures: exit 0" "$?" 0
compare_csv "fixtures: every kind as expected (tests/fixtures/expected.csv)" \
    "$ROOT/tests/fixtures/expected.csv" "$WORK/fixtures.csv"
expect_contains "fixtures: unreadable grade warned with its line" "$(cat "$WORK/fixtures.err")" \
    "csbrief: not-judged.txt:12: warning: the grade for 'Overall effectiveness' reads 'Gd'"
expect_contains "fixtures: shared trust name warned" "$(cat "$WORK/fixtures.err")" \
    "ambiguous-alias.txt:7: warning: 'Northamptonshire Children's Trust' can mean"
expect_contains "fixtures: a grade read from its section heading when the cover's cannot be" \
    "$(cat "$WORK/fixtures.err")" "csbrief: body-grades.txt:8: warning: the grade for 'The impact of leaders"
expect_contains "fixtures: cover and section heading disagreeing leaves the grade empty" \
    "$(cat "$WORK/fixtures.err")" \
    "body-grades.txt:26: warning: the grade for 'The experiences and progress of care leavers' is Outstanding where the judgements are listed but Good in its section heading; care_leavers left empty"
expect_eq "fixtures: only those four warnings" "$(wc -l <"$WORK/fixtures.err" | tr -d ' ')" 4

(cd "$ROOT/examples/reports" && "$CSBRIEF" extract --format csv *.txt) >"$WORK/samples.csv" 2>"$WORK/samples.err"
expect_eq "samples: exit 0" "$?" 0
compare_csv "samples: grades, dates, authorities (tests/fixtures/samples-expected.csv)" \
    "$ROOT/tests/fixtures/samples-expected.csv" "$WORK/samples.csv"
expect_eq "samples: no warnings" "$(cat "$WORK/samples.err")" ""

# An ungraded report still gets one row, with empty area and grade.
row=$("$CSBRIEF" extract "$ROOT/tests/fixtures/focused-visit.txt" | tail -1)
expect_contains "ungraded: one row, empty area and grade" "$row" ",Fern Facsimile,,"

json=$("$CSBRIEF" extract --format json "$ROOT/tests/fixtures/ilacs-2023.txt" "$ROOT/tests/fixtures/jtai.txt")
expect_contains "json: paragraphs" "$json" '"paragraphs": ['
expect_contains "json: framework reference" "$json" '"framework_ref": "outcome 3, national framework"'
if command -v python3 >/dev/null; then
    check "json: valid JSON, two records" python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert len(d)==2' "$json"
    check "json: every paragraph has a tone and a why ending in its verdict" python3 -c '
import json,sys
for r in json.loads(sys.argv[1]):
    assert r["paragraphs"]
    for p in r["paragraphs"]:
        assert p["tone"] in ("strength","concern","mixed","neutral"), p
        assert p["why"] and p["why"][-1].startswith("verdict: " + p["tone"] + ":"), p' "$json"
    check "json: every paragraph reads its sentences: offsets into its text, in order, each with its weights, own tone and whether it decided" python3 -c '
import json,sys,re
for r in json.loads(sys.argv[1]):
    for p in r["paragraphs"]:
        s, text = p["sentences"], p["text"].encode()
        assert s or p["tone"] == "neutral", p
        end = 0
        for t in s:
            assert end <= t["start"] < t["end"] <= len(text), (t, p)
            end = t["end"]
            assert t["strength"] >= 0 and t["concern"] >= 0, t
            want = ("mixed" if t["strength"] > 0 and t["concern"] > 0 else "strength" if t["strength"] > 0
                    else "concern" if t["concern"] > 0 else "none")
            assert t["tone"] == want and t["decided"] in (True, False), t
        m = re.search(r"decided by sentences? ([0-9, ]+)$", p["why"][-1])
        named = sorted(int(k) - 1 for k in m.group(1).split(", ")) if m else []
        assert named == [i for i, t in enumerate(s) if t["decided"]], (named, p)' "$json"
else
    skip "json: valid JSON" "python3 is not installed"
fi
# "held promptly, although ... not always timely": the main clause decides.
expect_contains "json: a paragraph's tone and the cue that decided it" "$json" \
    "verdict: strength: strength 1 (sentence 1), concern 0.62 (sentence 1); concern share 0.38"
expect_contains "json: why names the cue, the negation and the sentence" "$json" \
    "concern: 'not always' negates 'timely' (sentence 1, weight 0.12, conceded by 'although', 'not always' counted already)"
expect_contains "json: that paragraph's one sentence, read: both sides, the strength decided" "$json" \
    '"strength": 1, "concern": 0.625, "tone": "mixed", "decided": true}]'

# The cues are the data directory's: an edited cues.yaml changes the tone; a
# broken one stops JSON (exit 2, naming the file) but not CSV.
data="$WORK/data"
mkdir -p "$data/templates"
cp -r "$ROOT/data" "$data/"
cp "$ROOT/templates/themes.yaml" "$ROOT/templates/tone-model.csv" "$data/templates/"
awk '{print} /^concern:$/ {print "  - held promptly"}' "$ROOT/templates/cues.yaml" >"$data/templates/cues.yaml"
edited=$(CSBRIEF_DATADIR="$data" "$CSBRIEF" extract --format json "$ROOT/tests/fixtures/ilacs-2023.txt")
expect_contains "cues: read from the data directory" "$edited" "concern: 'held promptly' (sentence 1)"
printf 'strength: [unclosed\n' >"$data/templates/cues.yaml"
CSBRIEF_DATADIR="$data" "$CSBRIEF" extract --format json "$ROOT/tests/fixtures/ilacs-2023.txt" >/dev/null 2>"$WORK/cues.err"
expect_eq "cues: a broken cues.yaml is a usage error for JSON" "$?" 2
expect_contains "cues: the error names the file" "$(cat "$WORK/cues.err")" "cues.yaml"
CSBRIEF_DATADIR="$data" "$CSBRIEF" extract "$ROOT/tests/fixtures/ilacs-2023.txt" >/dev/null 2>&1
expect_eq "cues: CSV does not need them" "$?" 0

# Bad inputs: one "csbrief: FILE: reason" line each; good files still done.
printf '' >"$WORK/empty.pdf"
printf '<!DOCTYPE html>\n<html><title>Report not found</title></html>\n' >"$WORK/error-page.pdf"
printf '\x00\x01\x02binary\xff\xfe\x00' >"$WORK/junk.txt"
printf '%%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' >"$WORK/truncated.pdf"
printf 'Minutes of the parish council meeting.\n\nApologies were received.\n' >"$WORK/minutes.txt"
bad=("$WORK/empty.pdf" "$WORK/error-page.pdf" "$WORK/junk.txt" "$WORK/truncated.pdf" "$WORK/minutes.txt" "$WORK/missing.pdf")
if have_shared_corpus && command -v qpdf >/dev/null; then
    qpdf --encrypt pw pw 256 -- "$SHARED/corpus/pdf/80541-redcar-and-cleveland__2026-01-28.pdf" "$WORK/locked.pdf" 2>/dev/null
    [ -f "$WORK/locked.pdf" ] && bad+=("$WORK/locked.pdf")
fi
"$CSBRIEF" extract "${bad[0]}" "$ROOT/tests/fixtures/trust.txt" "${bad[@]:1}" >"$WORK/mixed.csv" 2>"$WORK/mixed.err"
expect_eq "bad inputs: exit 1" "$?" 1
expect_eq "bad inputs: the good report still extracted" "$(grep -c '^.*trust.txt,Sandwell' "$WORK/mixed.csv")" 5
for f in "${bad[@]}"; do
    expect_eq "bad input $(basename "$f"): exactly one stderr line" "$(grep -c "^csbrief: $f: " "$WORK/mixed.err")" 1
done
expect_eq "bad inputs: nothing else on stderr" "$(wc -l <"$WORK/mixed.err" | tr -d ' ')" "${#bad[@]}"
expect_contains "bad input: HTML named" "$(cat "$WORK/mixed.err")" "error-page.pdf: an HTML page"
if [ -f "$WORK/locked.pdf" ]; then
    expect_contains "bad input: encrypted named" "$(cat "$WORK/mixed.err")" "locked.pdf: the PDF is encrypted"
else
    skip "bad input: encrypted PDF" "qpdf or ../shared/corpus is absent"
fi

# --cache: the same output again, from the cache; a damaged entry is redone.
cache="$WORK/cache"
"$CSBRIEF" extract --cache "$cache" "$ROOT"/tests/fixtures/*.txt >"$WORK/c1.csv" 2>"$WORK/c1.err"
"$CSBRIEF" extract --cache "$cache" "$ROOT"/tests/fixtures/*.txt >"$WORK/c2.csv" 2>"$WORK/c2.err"
expect_eq "cache: one entry per report" "$(ls "$cache" | grep -c '\.rec$')" "$(ls "$ROOT"/tests/fixtures/*.txt | wc -l | tr -d ' ')"
check "cache: same rows from the cache" cmp "$WORK/c1.csv" "$WORK/c2.csv"
check "cache: same warnings from the cache" cmp "$WORK/c1.err" "$WORK/c2.err"
for e in "$cache"/*.rec; do printf 'garbage' >"$e"; done
"$CSBRIEF" extract --cache "$cache" "$ROOT"/tests/fixtures/*.txt >"$WORK/c3.csv" 2>"$WORK/c3.err"
check "cache: damaged entries ignored and redone" cmp "$WORK/c1.csv" "$WORK/c3.csv"
expect_eq "cache: damaged entries rewritten" "$(cat "$cache"/*.rec | grep -c garbage)" 0
