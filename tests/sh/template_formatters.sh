# template_formatters.sh - a template's sections are those of the formatter
# it names ('formatter:'), or of the one formatter that has them all: a
# copy of the members' summary under another name, without the key, is
# still a members' summary (not the pack's sections); sections two
# formatters share need the key; a formatter named with another's sections
# is refused, saying which section it lacks; a national template with an
# authority's sections is refused.
. tests/lib.sh
copy_examples
data="$WORK/share"
mkdir -p "$data/templates"
cp -r "$ROOT/data" "$ROOT/fonts" "$data/"
cp "$ROOT"/templates/*.yaml "$ROOT"/templates/*.csv "$data/templates/"
grep -v '^formatter:' "$ROOT/templates/members-summary.yaml" >"$data/templates/council-summary.yaml"
sed -e 's/^formatter: .*//' -e 's/^sections: .*/sections: [grades]/' \
    "$ROOT/templates/members-summary.yaml" >"$data/templates/just-grades.yaml"
sed -e 's/^formatter: .*/formatter: pack/' \
    "$ROOT/templates/members-summary.yaml" >"$data/templates/wrong-formatter.yaml"
sed -e 's/^formatter: .*/formatter: members\nscope: national/' \
    "$ROOT/templates/members-summary.yaml" >"$data/templates/national-members.yaml"
config() { # config NAME TEMPLATE
    printf 'reports: [reports]\nauthority: Redcar and Cleveland\nbriefings:\n  - {template: %s, output: ../out/%s.pdf}\n' \
        "$2" "$1" >"$WORK/examples/$1.yaml"
}
build() { CSBRIEF_DATADIR="$data" "$CSBRIEF" build "$WORK/examples/$1.yaml" 2>&1; }

config copy council-summary
out=$(build copy); rc=$?
expect_eq "a copy of the members' summary, renamed and without 'formatter', builds" "$rc" 0
text=$(pdf_text "$WORK/out/copy.pdf")
expect_contains "... and is a members' summary" "$text" "What the latest inspection found"
case "$text" in *Contents*) fail "... not the pack's sections (it has a contents page)" ;;
    *) ok "... not the pack's sections" ;; esac

config ambiguous just-grades
out=$(build ambiguous); rc=$?
expect_eq "sections two formatters have: the briefing fails" "$rc" 1
expect_contains "... saying whose they are and how to choose" "$out" \
    "these sections are in more than one formatter (pack, members and overview): say whose with 'formatter:'"

config wrong wrong-formatter
out=$(build wrong); rc=$?
expect_eq "a formatter named with another's sections: the briefing fails" "$rc" 1
expect_contains "... naming the section it lacks" "$out" "the briefing pack's sections have no 'masthead'"

config national national-members
out=$(build national); rc=$?
expect_eq "a national template with one authority's sections: the briefing fails" "$rc" 1
expect_contains "... saying why" "$out" "sections are about one authority, but this briefing covers them all"
