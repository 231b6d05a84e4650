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
