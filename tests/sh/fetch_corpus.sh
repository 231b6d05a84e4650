# fetch_corpus.sh - `csbrief fetch` of the North East (twelve authorities,
# forty real reports) from a copy of Ofsted's site on 127.0.0.1 made of
# ../shared: the listing of every provider (la-lookup.csv), each
# publication's link text and date (ofsted-publications.csv) and the PDFs
# (corpus/pdf). An empty folder is filled, byte for byte, each file named
# with the kind read from the report; a second run downloads nothing; the
# corpus's two HTML error pages are refused, and not downloaded again
# while unchanged; a build over the fetched folder gives the same
# comparison and briefing as one over the corpus files; and `build
# --fetch` fetches a newly published report and names it and the
# briefings it rebuilt. Skips, saying so, without ../shared.
. tests/lib.sh
pubs=$SHARED/data/ofsted-publications.csv
if ! have_shared_corpus || [ ! -f "$pubs" ] || [ ! -f "$SHARED/data/la-lookup.csv" ]; then
    skip "fetch of the real reports from a loopback copy of Ofsted's site" "no ../shared corpus and data"
    exit 0
fi
trap stop_site EXIT
site=$WORK/site
mkdir -p "$site"
cd "$WORK" || exit 1
start_site "$site" --providers "$SHARED/data/la-lookup.csv" --publications "$pubs" --pdfs "$SHARED/corpus/pdf"
if [ -z "$SITE_PORT" ]; then fail "the test site did not start: $(cat "$site/site.err")"; exit 1; fi
requests() { wc -l < "$site/requests.log" | tr -d ' '; }
sha() { sha256sum "$1" | cut -c1-64; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
fetch_config() { # FILE FOLDER FOCUS-LINES...
    local file=$1 into=$2; shift 2
    { printf '%s\n' "$@"
      printf 'cache: cache\nfetch:\n  into: %s\n  contact: fetch-tests@example.org\n  site: site/site.yaml\n  delay: 0\n' "$into"
      printf 'briefings:\n  - template: members-summary\n    output: out/{authority}-summary.pdf\n'; } > "$file"
}
fetch_config ne.yaml reports "regions: [North East]" "compare_with: [region]"

# ---- an empty folder filled -----------------------------------------------
t0=$(now)
log=$("$CSBRIEF" fetch --log-format json ne.yaml 2>"$WORK/err"); rc=$?
full=$(since "$t0")
expect_eq "full fetch of the North East: status 0" "$rc" 0
expect_eq "... forty reports downloaded" "$(ls reports/*.pdf | wc -l)" 40
expect_eq "... in 54 requests: 2 listing pages, 12 provider pages, 40 files" "$(requests)" 54
echo "# full fetch of the North East: $(requests) requests, 40 files, $(du -cb reports/*.pdf | tail -1 | cut -f1) bytes in ${full}s"
# Each file is the corpus file its address names, and named with the kind
# the corpus's ground truth gives for it (where it gives one).
bad=0; kinds=0
while IFS=, read -r file urn url _; do
    src=$(awk -F, -v id="/v1/file/${url##*/v1/file/}" \
        'substr($3, length($3) - length(id) + 1) == id {print $1; exit}' "$pubs")
    if [ -z "$src" ] || ! cmp -s "reports/$file" "$SHARED/corpus/pdf/$src"; then
        bad=$((bad+1)); echo "# $file is not $src"; continue
    fi
    want=$(awk -F, -v f="$src" '$1 == f {print $4; exit}' "$ROOT/tests/corpus/expected.csv")
    if [ -n "$want" ]; then
        kinds=$((kinds+1))
        case "$file" in *"-$want-"*) ;; *) bad=$((bad+1)); echo "# $file: the ground truth says $want" ;; esac
    fi
done < <(tail -n +2 reports/index.csv)
expect_eq "... each byte for byte the corpus file at its address" "$bad" 0
[ "$kinds" -gt 0 ] && ok "... and named with the kind the ground truth gives ($kinds of them checked)" \
    || fail "no downloaded file is in tests/corpus/expected.csv"
expect_eq "... one index row each" "$(($(wc -l < reports/index.csv) - 1))" 40
expect_contains "... with the link text as the site shows it" "$(cat reports/index.csv)" \
    "redcar-and-cleveland-ilacs-2026-01-28.pdf,80541,http://127.0.0.1:$SITE_PORT/v1/file/50294204,\"Children's services inspection, PDF - 28 January 2026\",ilacs,2026-01-28,"

# ---- unchanged: nothing downloaded ---------------------------------------------
: > "$site/requests.log"
before=$(cd reports && find . -maxdepth 1 -type f ! -name .csbrief-lock -printf '%p %s %T@\n' | sort | md5sum)
t0=$(now)
log=$("$CSBRIEF" fetch --log-format json ne.yaml 2>/dev/null); rc=$?
again=$(since "$t0")
expect_eq "unchanged fetch: status 0" "$rc" 0
expect_eq "... downloads nothing" "$(grep -c '"event":"downloaded"' <<<"$log")" 0
expect_eq "... in 14 requests, every one answered 304" "$(requests):$(grep -c ' 304 0 conditional$' "$site/requests.log")" "14:14"
expect_eq "... and changes nothing" "$(cd reports && find . -maxdepth 1 -type f ! -name .csbrief-lock -printf '%p %s %T@\n' | sort | md5sum)" "$before"
echo "# unchanged fetch of the North East: $(requests) requests (all 304), 0 files in ${again}s"

# ---- the corpus's two HTML error pages ---------------------------------------------
# A briefing pack shows Blackpool's reports beside Birmingham's, so both are
# fetched (a members' summary alone would fetch Birmingham's only).
fetch_config html.yaml html "authority: Birmingham" "compare_with: [Blackpool]"
printf '  - template: briefing-pack\n    output: out/{authority}-pack.pdf\n' >> html.yaml
log=$("$CSBRIEF" fetch html.yaml 2>&1); rc=$?
expect_eq "Birmingham and Blackpool: status 1 (two files are HTML error pages)" "$rc" 1
expect_eq "... both named in the summary" "$(grep -c '^  failed: .*an HTML page (probably an error page), not a PDF; nothing was kept' <<<"$log")" 2
expect_eq "... and neither kept" "$(grep -c '2012' <(ls html))" 0
: > "$site/requests.log"
log=$("$CSBRIEF" fetch html.yaml 2>&1); rc=$?
expect_eq "the next run: still status 1, naming them" "$rc:$(grep -c '^  failed: .*still an HTML page' <<<"$log")" "1:2"
expect_eq "... asked for conditionally, and not downloaded again" "$(grep -c '^GET /v1/file/.* 304 0 conditional$' "$site/requests.log")" 2

# ---- the same briefing as from the corpus ------------------------------------------
# The reference folder: the same forty corpus files under their corpus
# names, with the index the corpus comes with (what ofsted-publications.csv
# records), so both builds know the same publication dates and addresses.
mkdir -p ref
{ echo "file,urn,url,title,published"
  tail -n +2 reports/index.csv | while IFS=, read -r file urn url _; do
      grep -F "/v1/file/${url##*/v1/file/}," "$pubs" | sed "s|https://files.ofsted.gov.uk|http://127.0.0.1:$SITE_PORT|"
  done; } > ref/index.csv
tail -n +2 ref/index.csv | cut -d, -f1 | while read -r f; do ln -s "$SHARED/corpus/pdf/$f" "ref/$f"; done
expect_eq "the reference folder has the forty corpus files" "$(ls ref/*.pdf | wc -l)" 40
# One parse cache for all: the same bytes are parsed once.
for which in reports ref; do
    printf 'reports: [%s]\nauthority: Redcar and Cleveland\ncompare_with: [region]\nthemes: [sufficiency, care-leavers]\ncache: cache\nbriefings:\n  - template: briefing-pack\n    output: out-%s/pack.pdf\n  - template: members-summary\n    output: out-%s/members.pdf\n' \
        "$which" "$which" "$which" > "pack-$which.yaml"
done
# Fetched names to corpus names, for comparing what each build says.
names=$(tail -n +2 ref/index.csv | while IFS=, read -r file urn url _; do
    printf 's|%s|%s|g\n' "$(grep -F ",$url," reports/index.csv | cut -d, -f1)" "$file"; done)
"$CSBRIEF" compare --format json pack-reports.yaml 2>/dev/null | sed -e "s|$WORK/reports/||g" -e "$names" > fetched.json
"$CSBRIEF" compare --format json pack-ref.yaml 2>/dev/null | sed -e "s|$WORK/ref/||g" > corpus.json
[ -s corpus.json ] && cmp -s fetched.json corpus.json \
    && ok "the comparison over the fetched folder is the one over the corpus" \
    || fail "the comparisons differ: $(diff fetched.json corpus.json | head -5)"
"$CSBRIEF" build -q pack-reports.yaml pack-ref.yaml >/dev/null 2>&1; rc=$?
expect_eq "both builds succeed" "$rc" 0
text() { pdftotext -layout "$@" - 2>/dev/null; }
[ -s out-ref/members.pdf ] && [ "$(text out-reports/members.pdf)" = "$(text out-ref/members.pdf)" ] \
    && ok "the members' summaries say the same ($(pdf_pages out-ref/members.pdf) pages)" \
    || fail "the members' summaries differ: $(diff <(text out-reports/members.pdf) <(text out-ref/members.pdf) | head -5)"
# The pack's last section lists each report's file, whose names differ by
# design: everything before it is the same, and it has as many pages.
sources=$(for p in $(seq "$(pdf_pages out-ref/pack.pdf)"); do
    text -f "$p" -l "$p" out-ref/pack.pdf | head -2 | grep -q 'Sources$' && { echo "$p"; break; }; done)
expect_eq "the packs have as many pages" "$(pdf_pages out-reports/pack.pdf)" "$(pdf_pages out-ref/pack.pdf)"
[ -n "$sources" ] && [ "$(text -l $((sources - 1)) out-reports/pack.pdf)" = "$(text -l $((sources - 1)) out-ref/pack.pdf)" ] \
    && ok "the briefing packs say the same up to their list of sources (pages 1 to $((sources - 1)))" \
    || fail "the briefing packs differ before their sources (page ${sources:-?}): $(diff <(text out-reports/pack.pdf) <(text out-ref/pack.pdf) | head -5)"

# ---- a newly published report: build --fetch ----------------------------------------
# Redcar and Cleveland's 2026 report is not on the site yet; the packs are
# built; then it is published and the nightly `build --fetch` runs.
newest=/v1/file/50294204
echo "$newest 404" > "$site/faults"
fetch_config night.yaml night "authority: Redcar and Cleveland" "compare_with: [Stockton-on-Tees]"
fetch_config stockton.yaml night "authority: Stockton-on-Tees" "compare_with: [Hartlepool]"
log=$("$CSBRIEF" build --fetch -q night.yaml stockton.yaml 2>&1); rc=$?
expect_eq "before publication: the report is missing (status 1), the rest is built" \
    "$rc:$(ls night | grep -c redcar):$(ls out | tr '\n' ' ')" "1:2:redcar-and-cleveland-summary.pdf stockton-on-tees-summary.pdf "
: > "$site/faults"
log=$("$CSBRIEF" build --fetch --log-format json night.yaml stockton.yaml 2>/dev/null); rc=$?
expect_eq "published: build --fetch downloads it and rebuilds (status 0)" "$rc" 0
expect_contains "the build summary names the new report" "$log" "\"new_reports\":[\"$WORK/night/redcar-and-cleveland-ilacs-2026-01-28.pdf\"]"
expect_contains "... and the briefing it rebuilt (Stockton's does not use it)" "$log" \
    "\"rebuilt_for_new_reports\":[\"$WORK/out/redcar-and-cleveland-summary.pdf (redcar-and-cleveland-ilacs-2026-01-28.pdf)\"]"
text=$("$CSBRIEF" build --fetch night.yaml stockton.yaml 2>&1)
expect_contains "a night with nothing new: nothing fetched, nothing rebuilt" "$text" "finished: 0 built, 2 skipped (up to date), 0 failed"
