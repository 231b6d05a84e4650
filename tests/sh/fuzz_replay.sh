# fuzz_replay.sh - the fuzz targets' contract (no crash; a refused input
# has exactly one reason, a read one has no error and round-trips through
# the parse cache's record; a config loads with no error or not at all,
# each message one line) on their seeds and on damaged copies of real
# reports, replayed once each with the build's own compiler and, under
# `make asan`, the sanitizers. `make fuzz` is the real fuzzing.
. tests/lib.sh
bin=$(dirname "$CSB_BIN")/fuzz
for t in parse pdf config; do
    if [ ! -x "$bin/replay_$t" ]; then fail "fuzz: $bin/replay_$t is built"; exit 0; fi
done
export CSB_FUZZ_AUTHORITIES="$ROOT/data/authorities.csv" CSB_FUZZ_DATADIR="$ROOT"
replay() { # WHAT TARGET INPUT...
    local what=$1 t=$2 out rc; shift 2
    out=$(${CSB_VG:-} "$bin/replay_$t" "$@" 2>&1); rc=$?
    expect_eq "fuzz: $what keep the contract ($(printf '%s\n' "$out" | sed -n 's/^# //p' | tail -1))" "$rc" 0
    [ "$rc" = 0 ] || printf '%s\n' "$out" | tail -15 | sed 's/^/#   /'
}
seeds=(tests/fixtures examples/reports)
[ -d "$SHARED/seeds" ] && seeds+=("$SHARED/seeds")
replay "text seeds" parse "${seeds[@]}"
replay "config seeds" config examples/redcar-and-cleveland.yaml examples/stockton-on-tees.yaml \
    examples/nightly/north-east.yaml tests/config
pdfs=(tests/fuzz/seeds-pdf/drawn-ilacs.pdf)
if have_shared_corpus; then
    # Three real reports of different eras, and damaged copies of them.
    mapfile -t real < <(ls "$SHARED"/corpus/pdf/*.pdf | awk 'NR % 90 == 7')
    pdfs+=("${real[@]}")
else
    skip "fuzz: damaged real reports" "../shared/corpus is absent ($SHARED/corpus/pdf)"
fi
"$bin/make_damaged" 20260101 10 "$WORK/damaged" "${pdfs[@]}"
replay "PDF seeds and $(ls "$WORK/damaged" | wc -l) damaged copies" pdf tests/fuzz/seeds-pdf "${pdfs[@]}" "$WORK/damaged"
