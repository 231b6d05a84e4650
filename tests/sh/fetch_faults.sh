# fetch_faults.sh - `csbrief fetch` against a copy of Ofsted's site on
# 127.0.0.1 (tests/server), serving small reports made here, with a fault
# on each file: retried faults (500, 429 with Retry-After, a stalled
# response, a connection reset mid-body) end in a whole download; the rest
# (500 every time, a truncated PDF, an HTML page where the PDF should be, a
# redirect to another host, a redirect loop, a body over the size cap) fail
# alone, named in the summary, with nothing kept; a malformed provider page
# and a listing that changes between pages lose nothing. Then: a run with
# nothing new downloads nothing (requests counted by the server), kinds are
# filtered before downloading, an empty provider page is noticed, kills at
# random moments leave nothing half-written, a held folder gives 75 and the
# time budget stops a run cleanly. A config of members' summaries only
# fetches its authority's reports alone (the summary shows no other).
# Never beyond 127.0.0.1.
. tests/lib.sh
trap stop_site EXIT
site=$WORK/site
mkdir -p "$site/pdf"
cd "$WORK" || exit 1

# Twelve small reports of four authorities (one title the site description
# does not know). Ids are the files' addresses: /v1/file/ID.
pub() { # ID URN TEXT PUBLISHED TITLE-LINE [LINE...]
    local id=$1 urn=$2 text=$3 date=$4; shift 4
    tiny_pdf "$@" > "$site/pdf/$id.pdf"
    printf '%s.pdf,%s,https://files.ofsted.gov.uk/v1/file/%s,"%s",%s,"%s"\n' "$id" "$urn" "$id" \
        "${text%%,*}" "$date" "$text" >> "$site/publications.csv"
}
echo "file,urn,url,title,published,text" > "$site/publications.csv"
pub 9001 80541 "Children's services inspection, PDF - 19 December 2025" 2025-12-19 \
    "Inspection of Redcar and Cleveland local authority children's services" "Inspection dates: 1 to 12 December 2025"
pub 9002 80541 "Focused visit, PDF - 10 August 2023" 2023-08-10 "Focused visit to Redcar and Cleveland children's services"
pub 9003 80541 "Monitoring visit, PDF - 01 March 2024" 2024-03-01 "Monitoring visit to Redcar and Cleveland children's services"
pub 9101 80473 "Children's services inspection, PDF - 16 May 2024" 2024-05-16 \
    "Inspection of Hartlepool local authority children's services" "Inspection dates: 22 April to 3 May 2024"
pub 9102 80473 "Joint targeted area inspection, PDF - 02 November 2022" 2022-11-02 "Joint targeted area inspection of Hartlepool"
pub 9103 80473 "Focused visit, PDF - 20 July 2023" 2023-07-20 "Focused visit to Hartlepool children's services"
pub 9201 80563 "Children's services inspection, PDF - 09 May 2023" 2023-05-09 \
    "Inspection of Stockton-on-Tees local authority children's services" "Inspection dates: 6 to 17 March 2023"
pub 9202 80563 "Focused visit, PDF - 01 June 2021" 2021-06-01 "Focused visit to Stockton-on-Tees children's services"
pub 9203 80563 "Annual engagement meeting, PDF - 11 January 2022" 2022-01-11 "Annual engagement meeting: Stockton-on-Tees"
pub 9301 80458 "Children's services inspection, PDF - 02 December 2022" 2022-12-02 \
    "Inspection of Darlington local authority children's services" "Inspection dates: 7 to 18 November 2022"
pub 9302 80458 "Monitoring visit, PDF - 05 January 2023" 2023-01-05 "Monitoring visit to Darlington children's services" "First of two letters"
pub 9303 80458 "Monitoring visit, PDF - 05 January 2023" 2023-01-05 "Monitoring visit to Darlington children's services" "Second of two letters"
# Every authority of the table is a provider: two pages of listing.
start_site "$site" --providers "$ROOT/data/authorities.csv" --publications "$site/publications.csv" --pdfs "$site/pdf"
if [ -z "$SITE_PORT" ]; then fail "the test site did not start: $(cat "$site/site.err")"; exit 1; fi

# A briefing pack (it shows the comparators' reports, so they are
# fetched) and a members' summary; MEMBERS_ONLY=1: the summary alone.
config() { # NAME FOLDER [EXTRA FETCH LINES...]
    local name=$1 into=$2; shift 2
    {
        echo "authority: Redcar and Cleveland"
        echo "compare_with: [Hartlepool, Stockton-on-Tees, Darlington]"
        echo "fetch:"
        echo "  into: $into"
        echo "  contact: fetch-tests@example.org"
        echo "  site: site/site.yaml"
        echo "  delay: 0"
        echo "  timeout: 2s"
        echo "  retries: 2"
        echo "  backoff: 20ms"
        echo "  max_file_size: 1MB"
        local l; for l in "$@"; do echo "  $l"; done
        echo "briefings:"
        [ "${MEMBERS_ONLY:-}" = 1 ] || { echo "  - template: briefing-pack"
                                         echo "    output: out/{authority}-pack.pdf"; }
        echo "  - template: members-summary"
        echo "    output: out/{authority}-summary.pdf"
    } > "$WORK/$name"
}
config fetch.yaml reports
dl=$WORK/reports
files() { (cd "$1" && ls | sort | tr '\n' ' '); }
fixtures=$(cd "$site/pdf" && sha256sum ./*.pdf | cut -c1-64 | sort)
# Every PDF in folder $1 is byte for byte one the site served.
all_whole() { local f n=0; for f in "$1"/*.pdf; do [ -e "$f" ] || continue
    grep -qx "$(sha "$f")" <<<"$fixtures" || { n=$((n+1)); echo "# not whole: $f"; }; done; echo "$n"; }
top() { (cd "$1" && find . -maxdepth 1 -type f ! -name .csbrief-lock -printf '%p %s %T@\n' | sort | md5sum); }
requests() { wc -l < "$site/requests.log" | tr -d ' '; }
events() { grep -c "\"event\":\"$1\"" <<<"$2"; }
sha() { sha256sum "$1" | cut -c1-64; }

# ---- a first run: every fault at once ----------------------------------
cat > "$site/faults" <<'EOF'
/search shift 2
/provider/44/80473 malformed
/v1/file/9001 500 2
/v1/file/9002 429=1 1
/v1/file/9003 stall=5 1
/v1/file/9101 reset 1
/v1/file/9102 truncate
/v1/file/9103 html
/v1/file/9201 away
/v1/file/9202 loop
/v1/file/9301 big=2000000
/v1/file/9302 500
EOF
log=$("$CSBRIEF" fetch --log-format json fetch.yaml 2>"$WORK/err"); rc=$?
expect_eq "faults: exit status 1 (some files failed, the others were done)" "$rc" 1
expect_eq "faults: the five files whose faults pass are downloaded, named authority-kind-date" \
    "$(files "$dl")" \
    "darlington-monitoring-visit-2023-01-05.pdf hartlepool-ilacs-2024-05-16.pdf index.csv redcar-and-cleveland-focused-visit-2023-08-10.pdf redcar-and-cleveland-ilacs-2025-12-19.pdf redcar-and-cleveland-monitoring-visit-2024-03-01.pdf "
expect_eq "... each byte for byte as served" \
    "$(sha "$dl/redcar-and-cleveland-ilacs-2025-12-19.pdf") $(sha "$dl/hartlepool-ilacs-2024-05-16.pdf") $(sha "$dl/darlington-monitoring-visit-2023-01-05.pdf")" \
    "$(sha "$site/pdf/9001.pdf") $(sha "$site/pdf/9101.pdf") $(sha "$site/pdf/9303.pdf")"
expect_contains "500 twice, then a download: retried (attempt 3)" "$log" '"event":"retry","folder":"'"$dl"'","authority":"Redcar and Cleveland","url":"http://127.0.0.1:'"$SITE_PORT"'/v1/file/9001","detail":"HTTP 500 Internal Server Error","attempt":3'
wait429=$(grep '"event":"retry"' <<<"$log" | grep '/v1/file/9002' | sed 's/.*"wait":\([0-9.]*\).*/\1/')
[ -n "$wait429" ] && awk -v w="$wait429" 'BEGIN { exit !(w >= 1) }' \
    && ok "429 with Retry-After: 1: waited ${wait429}s before asking again" \
    || fail "429: the retry did not wait for Retry-After (wait '$wait429')"
expect_contains "a stalled response times out and is retried" "$log" '/v1/file/9003","detail":"no data for 2.0s (timed out)"'
expect_contains "a connection reset mid-body is retried" "$log" '/v1/file/9101","detail":"Transferred a partial file (after part of the body)"'
expect_contains "the malformed provider page still gives its three links" "$log" '"event":"provider","folder":"'"$dl"'","authority":"Hartlepool","urn":"80473","url":"http://127.0.0.1:'"$SITE_PORT"'/provider/44/80473","publications":3'
expect_contains "a listing that changed between pages is noticed and read again" "$log" "changed while it was read"
expect_eq "... the search listing was asked for four times (two pages, twice)" "$(grep -c '^GET /search' "$site/requests.log")" 4
expect_contains "... and gives every provider once" "$log" '"event":"listed","folder":"'"$dl"'","providers":'"$(($(wc -l < "$ROOT/data/authorities.csv") - 1))"
fails=$(grep '"event":"finished"' <<<"$log")
expect_contains "a truncated PDF is refused" "$fails" "(Joint targeted area inspection, PDF - 02 November 2022): the PDF is truncated (it has no end-of-file marker); nothing was kept"
expect_contains "an HTML page where the PDF should be is refused" "$fails" "(Focused visit, PDF - 20 July 2023): an HTML page (probably an error page), not a PDF; nothing was kept"
expect_contains "a redirect to another host is refused" "$fails" "redirected to http://files.elsewhere.invalid/v1/file/9201, outside the site's hosts; refused"
expect_contains "a redirect loop is refused" "$fails" "redirect loop (back to http://127.0.0.1:$SITE_PORT/v1/file/9202)"
expect_contains "a body over the size cap is refused" "$fails" "larger than the 1000000 bytes allowed"
expect_contains "500 every time fails after the retries" "$fails" "(Monitoring visit, PDF - 05 January 2023): HTTP 500 Internal Server Error, 3 times"
expect_contains "the summary counts them" "$fails" '"downloaded":5,"held":0,"skipped":1,"failed":6'
expect_contains "a title the site description does not know is skipped with a warning" "$log" "a publication titled 'Annual engagement meeting' (http://127.0.0.1:$SITE_PORT/v1/file/9203) is of no kind the site description knows"
expect_eq "the redirect elsewhere was not followed (one request for 9201)" "$(grep -c '^GET /v1/file/9201 ' "$site/requests.log")" 1
expect_eq "no temporary file is left" "$(find "$dl" -name '*.tmp-*' | wc -l)" 0
expect_eq "index.csv has the header the model reads" "$(head -1 "$dl/index.csv")" \
    "file,urn,url,title,kind,published,size,sha256,etag,last_modified,fetched"
row=$(grep '^redcar-and-cleveland-ilacs-2025-12-19.pdf,' "$dl/index.csv")
expect_contains "an index row: file, URN, address, link text, kind (read from the report), date, size, sha256" "$row" \
    "redcar-and-cleveland-ilacs-2025-12-19.pdf,80541,http://127.0.0.1:$SITE_PORT/v1/file/9001,\"Children's services inspection, PDF - 19 December 2025\",ilacs,2025-12-19,$(stat -c %s "$site/pdf/9001.pdf"),$(sha "$site/pdf/9001.pdf"),"
case "$row" in *',"""'*'""","'*', '*' GMT",20'*Z) ok "... then the ETag, Last-Modified and when it was fetched (UTC)" ;;
    *) fail "index row lacks ETag, Last-Modified or the time: $row" ;; esac
expect_eq "the index has one row per file" "$(($(wc -l < "$dl/index.csv") - 1))" 5

agent="[csbrief/$("$CSB_BIN" --version | cut -d' ' -f2) (children's services briefings; contact: fetch-tests@example.org)]"
expect_eq "every request names csbrief and the config's contact in its User-Agent" \
    "$(grep -cvF " $agent " "$site/requests.log")" 0

# ---- nothing new: the failing files are asked for again, nothing downloads ----
# The server logs the stalled request (9003, stall=5) when its stall ends,
# seconds after the client gave up and retried; on a slow machine (valgrind)
# that is during the next run. Wait for it (the stalled one and the retry).
for _ in $(seq 100); do
    [ "$(grep -c ' /v1/file/9003' "$site/requests.log")" -ge 2 ] && break
    sleep 0.1
done
before=$(top "$dl")
: > "$site/requests.log"
log=$("$CSBRIEF" fetch --log-format json fetch.yaml 2>/dev/null); rc=$?
expect_eq "unchanged site: exit status still 1 (the same files fail)" "$rc" 1
expect_eq "... no file is downloaded" "$(events downloaded "$log")" 0
expect_eq "... neither a file nor the index changes" "$(top "$dl")" "$before"
# 2 listing pages and 4 provider pages (304), the truncated and the HTML
# file asked for conditionally (304), the redirect (1), the loop (2), the
# oversized body (1), the 500 (3 attempts).
expect_eq "... and exactly 15 requests are sent" "$(requests)" 15
expect_eq "... 8 of them conditional, answered 304 Not Modified" "$(grep -c ' 304 0 conditional$' "$site/requests.log")" 8
expect_contains "a rejected file unchanged on the site is not downloaded again" "$log" "still an HTML page (probably an error page), not a PDF (unchanged since"

# ---- the site mends: the six arrive; the second letter of a day gets -2 ----
: > "$site/faults"
log=$("$CSBRIEF" fetch fetch.yaml 2>&1); rc=$?
expect_eq "mended site: exit status 0" "$rc" 0
expect_eq "all eleven are then held" "$(files "$dl")" \
    "darlington-ilacs-2022-12-02.pdf darlington-monitoring-visit-2023-01-05-2.pdf darlington-monitoring-visit-2023-01-05.pdf hartlepool-focused-visit-2023-07-20.pdf hartlepool-ilacs-2024-05-16.pdf hartlepool-jtai-2022-11-02.pdf index.csv redcar-and-cleveland-focused-visit-2023-08-10.pdf redcar-and-cleveland-ilacs-2025-12-19.pdf redcar-and-cleveland-monitoring-visit-2024-03-01.pdf stockton-on-tees-focused-visit-2021-06-01.pdf stockton-on-tees-ilacs-2023-05-09.pdf "
expect_eq "... the -2 file is the other letter" "$(sha "$dl/darlington-monitoring-visit-2023-01-05-2.pdf")" "$(sha "$site/pdf/9302.pdf")"
expect_contains "the text log says what was downloaded" "$log" "downloaded reports/hartlepool-jtai-2022-11-02.pdf (jtai, "
case "$log" in "$(date +%Y-)"*) ok "text log lines start with a timestamp" ;; *) fail "no timestamp: $(head -1 <<<"$log")" ;; esac
: > "$site/requests.log"
log=$("$CSBRIEF" fetch --log-format json fetch.yaml 2>/dev/null); rc=$?
expect_eq "a run with nothing new: status 0" "$rc" 0
expect_eq "... downloads nothing" "$(events downloaded "$log")" 0
expect_eq "... in 6 requests: 2 listing pages and 4 provider pages" "$(requests)" 6
expect_eq "... all conditional and answered 304" "$(grep -c ' 304 0 conditional$' "$site/requests.log")" 6
expect_contains "... as its summary says" "$log" '"downloaded":0,"held":11,"skipped":1,"failed":0,"requests":6,"not_modified":6'

# ---- kinds: only focused visits; other titles are not even requested -----
config visits.yaml visits "kinds: [focused-visit]"
: > "$site/requests.log"
"$CSBRIEF" fetch -q visits.yaml >/dev/null 2>&1; rc=$?
expect_eq "kinds: [focused-visit]: status 0" "$rc" 0
expect_eq "... the three focused visits only" "$(files visits)" \
    "hartlepool-focused-visit-2023-07-20.pdf index.csv redcar-and-cleveland-focused-visit-2023-08-10.pdf stockton-on-tees-focused-visit-2021-06-01.pdf "
expect_eq "... and only they were requested" "$(grep -c '^GET /v1/file/' "$site/requests.log")" 3

# ---- members' summaries only: the focus's reports alone -------------------------
# The summary shows Redcar and Cleveland's own reports, none of its three
# comparators': their pages are not even read.
MEMBERS_ONLY=1 config members.yaml members
: > "$site/requests.log"
log=$("$CSBRIEF" fetch --log-format json members.yaml 2>/dev/null); rc=$?
expect_eq "members' summaries only: status 0" "$rc" 0
expect_eq "... Redcar and Cleveland's three reports only" "$(files members)" \
    "index.csv redcar-and-cleveland-focused-visit-2023-08-10.pdf redcar-and-cleveland-ilacs-2025-12-19.pdf redcar-and-cleveland-monitoring-visit-2024-03-01.pdf "
expect_eq "... in 6 requests: 2 listing pages, its provider page, its 3 files" \
    "$(requests):$(grep -c '^GET /provider/' "$site/requests.log")" "6:1"
expect_contains "... as its summary says" "$log" '"downloaded":3,"held":0,"skipped":0,"failed":0,"requests":6'
# A briefing pack added: the comparators are fetched too (those held are not asked for again).
config members.yaml members
log=$("$CSBRIEF" fetch --log-format json members.yaml 2>/dev/null); rc=$?
expect_eq "with a briefing pack as well: status 0, the comparators' eight reports too" \
    "$rc:$(files members | wc -w)" "0:12"

# ---- a provider page with no publications, when files from it are held ----
echo "/provider/44/80541 empty" > "$site/faults"
log=$("$CSBRIEF" fetch fetch.yaml 2>&1); rc=$?
expect_eq "an empty provider page: status 0, nothing lost" "$rc:$(files "$dl" | wc -w)" "0:12"
expect_contains "... and a warning that the page may have changed shape" "$log" "Redcar and Cleveland's page lists no publications, yet 3 files from it are held"
: > "$site/faults"

# ---- killed at random moments: never half a file under a real name ---------
config kill.yaml killed
for delay in 0.05 0.1 0.15 0.2 0.3 0.4; do
    echo "/v1/file/9101 slow=4000" > "$site/faults" # a download under way for a while
    "$CSB_BIN" fetch -q kill.yaml >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
done
expect_eq "after six kills at random moments, every file under a real name is whole" "$(all_whole killed)" 0
: > "$site/faults"
# What a run killed while writing leaves: a temporary file of a dead process.
touch killed/.hartlepool-ilacs-2024-05-16.pdf.tmp-999999999-abcdef
mkdir -p killed/.csbrief-fetch && touch killed/.csbrief-fetch/.pages.csv.tmp-999999999-abcdef
log=$("$CSBRIEF" fetch kill.yaml 2>&1); rc=$?
expect_contains "the next run removes a killed run's temporary files, saying so" "$log" \
    "removed killed/.hartlepool-ilacs-2024-05-16.pdf.tmp-999999999-abcdef, left behind by a run that was stopped"
expect_eq "the next run completes" "$rc:$(files killed | wc -w)" "0:12"
expect_eq "... and leaves no temporary file" "$(find killed -name '*.tmp-*' | wc -l)" 0
expect_eq "... every file whole" "$(all_whole killed)" 0
expect_eq "... the index names each once, with its hash" \
    "$(tail -n +2 killed/index.csv | cut -d, -f1 | while read -r f; do grep -c "$(sha "killed/$f")" killed/index.csv; done | sort -u)" 1

# ---- another run holds the folder: 75, nothing done ---------------------------
( exec 9<>"$dl/.csbrief-lock"; flock 9 && exec sleep 30 ) >/dev/null 2>&1 &
holder=$!
for _ in $(seq 500); do flock -n "$dl/.csbrief-lock" true 2>/dev/null || break; sleep 0.02; done
: > "$site/requests.log"
err=$("$CSBRIEF" fetch fetch.yaml 2>&1 >/dev/null); rc=$?
expect_eq "a folder held by another run: exit 75" "$rc" 75
expect_contains "... saying so" "$err" "is in use by"
# The first run's stalled request (9003, stall=5) is logged when its stall
# ends, which on a loaded machine can be now: it is not this run's.
expect_eq "... and no request is sent" "$(grep -v ' /v1/file/9003' "$site/requests.log")" ""
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null

# ---- the time budget ------------------------------------------------------------
config budget.yaml slow "budget: 3s"
echo "/v1/file/9001 stall=10" > "$site/faults"
start=$(date +%s.%N)
log=$("$CSBRIEF" fetch budget.yaml 2>&1); rc=$?
took=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
expect_eq "a run over its time budget: status 1" "$rc" 1
expect_contains "... says the budget ran out" "$log" "the time budget ran out"
expect_contains "... names what it left of the authority it was at" "$log" \
    "failed: Redcar and Cleveland: 2 of its publications were not downloaded: the time budget ('fetch: budget') ran out"
expect_contains "... and the authorities it did not reach" "$log" \
    "ran out with 1 of 4 authorities still to read; the next run goes on from there"
awk -v t="$took" 'BEGIN { exit !(t < 6) }' && ok "... and stops by then (${took}s for a 3s budget)" \
    || fail "the budget did not stop the run: ${took}s"
expect_eq "... leaving no temporary file" "$(find slow -name '*.tmp-*' | wc -l)" 0
: > "$site/faults"

# ---- TLS is verified: a self-signed certificate is refused ----------------------
stop_site
start_site "$site" --providers "$ROOT/data/authorities.csv" --publications "$site/publications.csv" \
    --pdfs "$site/pdf" --tls-cert "$ROOT/tests/server/test-cert.pem" --tls-key "$ROOT/tests/server/test-key.pem"
sed -i 's|http://127.0.0.1|https://127.0.0.1|' "$site/site.yaml"
config tls.yaml tls
log=$("$CSBRIEF" fetch tls.yaml 2>&1); rc=$?
expect_eq "a site whose certificate cannot be verified: status 1, nothing fetched" "$rc:$(files tls)" "1:"
expect_contains "... the certificate is named as the reason" "$log" "SSL peer certificate or SSH remote key was not OK"
expect_eq "... and no request got through" "$(requests)" 0

# ---- the site does not answer at all: the run stops rather than try every page ----
stop_site
log=$("$CSBRIEF" fetch fetch.yaml 2>&1); rc=$?
expect_eq "a site that does not answer: status 1" "$rc" 1
expect_contains "... the run stops after three unanswered requests, saying how much is left" "$log" \
    "the site did not answer the last 3 requests; stopped with 2 of 4 authorities still to read"
expect_eq "... and the files already held are untouched" "$(files "$dl" | wc -w)" 12

# ---- usage -------------------------------------------------------------------------
printf 'authority: Hartlepool\nreports: [reports]\nbriefings:\n  - template: members-summary\n    output: out/h.pdf\n' > nofetch.yaml
err=$("$CSBRIEF" fetch nofetch.yaml 2>&1); rc=$?
expect_eq "a config without 'fetch': exit 2" "$rc" 2
expect_contains "... saying what to add" "$err" "has no 'fetch' section"
sed 's|^reports: |reports: 42 |' "$site/site.yaml" > "$site/broken.yaml"
config broken.yaml reports
sed -i 's|site/site.yaml|site/broken.yaml|' broken.yaml
err=$("$CSBRIEF" fetch broken.yaml 2>&1); rc=$?
expect_eq "a site description that cannot be used: exit 2, nothing done" "$rc" 2
expect_contains "... naming the line" "$err" "broken.yaml:15:"
out=$(cd "$ROOT" && "$CSBRIEF" check examples/nightly/north-east-fetch.yaml 2>&1); rc=$?
expect_eq "the nightly fetch example is a valid config before its first fetch" "$rc" 0
