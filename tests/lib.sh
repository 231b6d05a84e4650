# lib.sh - helpers for the shell tests in tests/sh. Sourced by each test.
#
# Every check prints one TAP-style line: "ok - what", "not ok - what", or
# "ok - what # SKIP why". tests/run counts them. Variables set by tests/run:
#   CSBRIEF  the binary under test (wrapped in valgrind when CSB_VALGRIND=1)
#   ROOT     the project root;  SHARED  ../shared (may be absent)
#   WORK     a fresh scratch directory for this test file

ok()   { echo "ok - $*"; }
fail() { echo "not ok - $*"; }
skip() { local what=$1; shift; echo "ok - $what # SKIP $*"; }

# check WHAT COMMAND... : ok when the command succeeds.
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi; }

# expect_eq WHAT GOT WANT
expect_eq() {
    if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: got '$2', want '$3'"; fi
}

# expect_contains WHAT HAYSTACK NEEDLE
expect_contains() {
    case "$2" in *"$3"*) ok "$1" ;; *) fail "$1: '$3' not found in: $(printf '%s' "$2" | head -c 400)" ;; esac
}

have_shared_corpus() { [ -d "$SHARED/corpus/pdf" ]; }

# Text of a PDF (all pages, or page N), via poppler's pdftotext, with line
# breaks and runs of spaces squashed so phrases can be searched across lines.
pdf_text() {
    if [ -n "${2:-}" ]; then pdftotext -f "$2" -l "$2" "$1" - 2>/dev/null
    else pdftotext "$1" - 2>/dev/null; fi | tr -s ' \n' '  '
}
pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

# copy_examples [CONFIG...]: the sample reports into $WORK/examples/reports,
# and the named example configs (file names in examples/) beside them, so a
# test can build without writing into the project's own out/.
copy_examples() {
    mkdir -p "$WORK/examples"
    cp -r "$ROOT/examples/reports" "$WORK/examples/"
    local c
    for c in "$@"; do cp "$ROOT/examples/$c" "$WORK/examples/"; done
}

# ---- a copy of Ofsted's site on 127.0.0.1, for the fetch tests ------------
# (tests/server/ofsted_site.c describes what it serves and its faults.)
SITE_BIN=$(dirname "${CSB_BIN:-$ROOT/build/csbrief}")/server/ofsted-site

# start_site DIR SERVER-ARGS...: serve in the background, with faults read
# from DIR/faults and requests logged to DIR/requests.log; sets SITE_PID
# and SITE_PORT, and writes DIR/site.yaml: csbrief's description of
# Ofsted's site (data/ofsted-site.yaml) pointed at 127.0.0.1:SITE_PORT.
start_site() {
    local dir=$1; shift
    : > "$dir/faults"; : > "$dir/requests.log"; rm -f "$dir/port"
    "$SITE_BIN" --port-file "$dir/port" --faults "$dir/faults" --log "$dir/requests.log" "$@" \
        2>"$dir/site.err" &
    SITE_PID=$!
    for _ in $(seq 500); do [ -s "$dir/port" ] && break; sleep 0.01; done
    SITE_PORT=$(cat "$dir/port" 2>/dev/null)
    sed -e "s|https://reports.ofsted.gov.uk|http://127.0.0.1:$SITE_PORT|" \
        -e "s|https://files.ofsted.gov.uk|http://127.0.0.1:$SITE_PORT|" \
        "$ROOT/data/ofsted-site.yaml" > "$dir/site.yaml"
}
stop_site() { [ -n "${SITE_PID:-}" ] && kill "$SITE_PID" 2>/dev/null; wait "${SITE_PID:-}" 2>/dev/null; SITE_PID=; }

# tiny_pdf LINE...: a one-page PDF on stdout (Helvetica; the first line as
# a title), with a correct cross-reference table: a small report made at
# test time.
tiny_pdf() {
    local LC_ALL=C
    local content="BT /F1 14 Tf 56 780 Td" first=1 l esc i
    for l in "$@"; do
        esc=${l//\\/\\\\}; esc=${esc//(/\\(}; esc=${esc//)/\\)}
        if [ $first = 1 ]; then content+=" ($esc) Tj /F1 11 Tf 0 -40 Td"; first=0
        else content+=" ($esc) Tj 0 -16 Td"; fi
    done
    content+=" ET"
    local objs=() offsets=() out="%PDF-1.4"$'\n'
    objs[1]="<< /Type /Catalog /Pages 2 0 R >>"
    objs[2]="<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    objs[3]="<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
    objs[4]="<< /Length ${#content} >>"$'\n'"stream"$'\n'"$content"$'\n'"endstream"
    objs[5]="<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    for i in 1 2 3 4 5; do
        offsets[$i]=${#out}
        out+="$i 0 obj"$'\n'"${objs[$i]}"$'\n'"endobj"$'\n'
    done
    local xref=${#out}
    out+="xref"$'\n'"0 6"$'\n'"0000000000 65535 f "$'\n'
    for i in 1 2 3 4 5; do out+=$(printf '%010d 00000 n ' "${offsets[$i]}")$'\n'; done
    out+="trailer"$'\n'"<< /Size 6 /Root 1 0 R >>"$'\n'"startxref"$'\n'"$xref"$'\n'"%%EOF"$'\n'
    printf '%s' "$out"
}
