# render_corpus.sh - both templates built from real Ofsted PDFs (four North
# East authorities from ../shared/corpus), then every page checked as the
# examples are (outline, contents numbers, margins, fonts), and the same
# inputs built twice give the same bytes. Skipped without the corpus, and
# under valgrind (parsing 13 PDFs there takes too long).
. tests/lib.sh
if ! have_shared_corpus; then skip "corpus briefings" "no ../shared/corpus"; exit 0; fi
if [ -n "${CSB_VG:-}" ]; then skip "corpus briefings" "not under valgrind"; exit 0; fi
checker="$(dirname "$CSB_BIN")/tests/test_render_pages"
mkdir -p "$WORK/reports"
for f in "$SHARED"/corpus/pdf/*-{redcar-and-cleveland,stockton-on-tees,middlesbrough,hartlepool}__*.pdf; do
    ln -s "$f" "$WORK/reports/"
done
cat > "$WORK/corpus.yaml" <<YAML
reports: [reports]
authority: Redcar and Cleveland
compare_with: [Stockton-on-Tees, Middlesbrough, Hartlepool]
themes: [sufficiency, care-leavers, exploitation, front-door, private-fostering]
organisation: Test organisation
briefings:
  - template: briefing-pack
    output: out/pack.pdf
  - template: members-summary
    output: out/members.pdf
YAML
"$CSBRIEF" build "$WORK/corpus.yaml" >"$WORK/log" 2>&1
expect_eq "corpus briefings build" "$?" 0
cp "$WORK/out/pack.pdf" "$WORK/first.pdf"
for pdf in pack:briefing-pack members:members-summary; do
    "$checker" "$WORK/out/${pdf%%:*}.pdf" "${pdf#*:}" | sed "s|$WORK/out/||"
done
for f in "$WORK"/out/*.pdf; do
    check "corpus briefing $(basename "$f") passes qpdf --check (exit 0)" qpdf --check "$f"
done
"$CSBRIEF" build "$WORK/corpus.yaml" >/dev/null 2>&1
check "corpus briefing pack: byte-identical from two runs" cmp -s "$WORK/first.pdf" "$WORK/out/pack.pdf"

# The tracker's totals count the words its tables use: "New" and "Raised
# again later" apart.
layout=$(pdftotext -layout "$WORK/out/pack.pdf" - 2>/dev/null)
said=$(tr -s ' \n' '  ' <<<"$layout" | grep -o '[0-9]* in all: [^.]*\.')
rows="$(grep -cP '\s{3}Recurring(\s|$)' <<<"$layout") recurring, $(grep -cP '\s{3}New(\s{3}|$)' <<<"$layout") new, $(grep -c 'Raised again' <<<"$layout") raised again later, $(grep -cP '\s{3}Not raised(\s|$)' <<<"$layout") not raised again"
expect_contains "the tracker's totals are its rows' ($said)" "$said" "$rows"

# A members' summary for an authority whose latest inspection names many
# areas for improvement (Cheshire East, Inadequate in 2024: nine) stays
# within its four pages: at most six questions, the rest counted, never
# dropped silently. With four themes (a question about them, MASH and MACH
# explained) it ran to five: it is formatted again more briefly until it
# fits.
mkdir -p "$WORK/many"
for f in "$SHARED"/corpus/pdf/*-cheshire-east__*.pdf; do ln -s "$f" "$WORK/many/"; done
cat > "$WORK/many.yaml" <<YAML
reports: [many]
authority: Cheshire East
themes: [sufficiency, care-leavers, exploitation, front-door]
briefings:
  - template: members-summary
    output: out/many.pdf
YAML
"$CSBRIEF" build "$WORK/many.yaml" >"$WORK/many.log" 2>&1
expect_eq "many areas for improvement: the summary builds" "$?" 0
expect_eq "... with no warning (it fits its pages)" "$(grep -c warning "$WORK/many.log")" 0
pages=$(pdfinfo "$WORK/out/many.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
check "... in at most 4 pages (got $pages)" test "${pages:-9}" -le 4
text=$(pdftotext "$WORK/out/many.pdf" - 2>/dev/null | tr '\n' ' ')
expect_contains "... the areas for improvement not asked about are named" "$text" "more areas for improvement: "
asked=$(grep -o "What is the plan\|Why has it not been resolved\|What changed, and how" <<<"$text" | wc -l)
check "... at most 6 questions (got $asked)" test "$asked" -le 6

# Sunderland 2025: an area for improvement about unaccompanied children
# (looked after, so a concern of children in care, though its words do not
# say "in care") is under "what must improve", without the national
# framework's tag after it ("(Outcome three)"), which no councillor is told
# the meaning of.
mkdir -p "$WORK/sunderland"
for f in "$SHARED"/corpus/pdf/*-sunderland__*.pdf; do ln -s "$f" "$WORK/sunderland/"; done
cat > "$WORK/sunderland.yaml" <<YAML
reports: [sunderland]
authority: Sunderland
briefings:
  - template: members-summary
    output: out/sunderland.pdf
YAML
"$CSBRIEF" build "$WORK/sunderland.yaml" >/dev/null 2>&1
expect_eq "Sunderland's summary builds" "$?" 0
text=$(pdftotext "$WORK/out/sunderland.pdf" - 2>/dev/null | tr -s ' \n' '  ')
expect_contains "... what must improve for children in care names the unaccompanied children's risk assessments" \
    "$text" "to improve (ILACS inspection, January 2025): • “Risk assessments in respect of unaccompanied"
check "... with no framework tag ('(Outcome three)')" test "$(grep -ci '(outcome \|(enabler ' <<<"$text")" -eq 0

# Medway 2023: a concern about children in care quoted in the members'
# summary keeps the sentence that makes it one ("For some disabled
# children, transition planning is not started early enough"), not only
# the praise before it; Leicester's question about the front door and the
# MASH/MACH has both explained under "Words used". Dudley 2022 judged
# children in care and care leavers as one: three areas judged separately,
# not four, and its grade table says both grades were one judgement.
# Birmingham's domestic abuse, raised in 2016 and not among 2018's
# findings, is asked about as a weakness that came back.
for a in medway leicester dudley birmingham; do
    mkdir -p "$WORK/$a"
    for f in "$SHARED"/corpus/pdf/*-"$a"__*.pdf; do ln -s "$f" "$WORK/$a/"; done
    printf 'reports: [%s]\nauthority: %s\nthemes: [care-leavers, front-door]\nbriefings:\n  - template: members-summary\n    output: out/%s.pdf\n' \
        "$a" "$a" "$a" > "$WORK/$a.yaml"
    "$CSBRIEF" build "$WORK/$a.yaml" >/dev/null 2>&1
    rc=$?
    # Birmingham's 2012 file is an HTML error page: exit 1, summary built.
    want=0; [ "$a" = birmingham ] && want=1
    expect_eq "$a's summary builds (exit $want)" "$rc" "$want"
done
text=$(pdftotext "$WORK/out/medway.pdf" - 2>/dev/null | tr -s ' \n' '  ')
expect_contains "Medway: the concern quoted keeps the sentence that makes it one" "$text" \
    "For some disabled children, transition planning is not started early enough"
expect_contains "Medway: the area graded below the overall grade is named" "$text" \
    "three were judged good and one was judged to require improvement (children who need help and protection)."
expect_contains "... and the overall grade's meaning says nothing of the areas" "$text" \
    "On Ofsted’s scale, that means services work well: children get the help, protection and care they need. Of the four"
text=$(pdftotext "$WORK/out/leicester.pdf" - 2>/dev/null | tr -s ' \n' '  ')
expect_contains "Leicester: MASH explained" "$text" "MASH The 'front door'"
expect_contains "Leicester: MACH explained" "$text" "MACH The name some councils use"
text=$(pdftotext "$WORK/out/dudley.pdf" - 2>/dev/null | tr -s ' \n' '  ')
expect_contains "Dudley: one judgement of children in care and care leavers counts once" "$text" \
    "Of the three areas judged separately, all were judged to require improvement."
expect_contains "Dudley: ... and the grade table says it was one both times" "$text" \
    "(both times one judgement: Children in"
text=$(pdftotext "$WORK/out/birmingham.pdf" - 2>/dev/null | tr -s ' \n' '  ')
expect_contains "Birmingham: a weakness not raised at the inspection between came back" "$text" \
    "(Single inspection (SIF), September and October 2016), though not in the areas for improvement of the ILACS inspection, December 2018. What changed since then"
# (the running foot and head between pages left out: the sentence may cross one)
text=$(pdftotext "$WORK/out/dudley.pdf" - 2>/dev/null | tr -s ' \n' '  ' |
    sed -E 's/ [0-9]+ [A-Z][a-z]+ [0-9]{4} Page [0-9]+ of [0-9]+[[:space:]]+Children.s services inspection summary for members — Dudley / /g')
expect_contains "Dudley: the focused assurance visit its 2022 report names, not among the reports, is said to be missing" "$text" \
    "The reports refer to an inspection or visit not among those read: a focused visit in October 2020 (named in the ILACS inspection, October and November 2022)."

text=$(pdftotext "$WORK/out/medway.pdf" - 2>/dev/null | tr -s ' \n' '  ')
expect_contains "Medway: the quotes after the list of what to improve are introduced as the report's words" "$text" \
    "The report also says, of children in care and care leavers:"

# One authority's briefing from all its corpus reports: one_briefing
# AUTHORITY TEMPLATE (themes: the four of the national build); sets text to
# the PDF's words.
one_briefing() {
    mkdir -p "$WORK/$1"
    for f in "$SHARED"/corpus/pdf/*-"$1"__*.pdf; do ln -sf "$f" "$WORK/$1/"; done
    printf 'reports: [%s]\nauthority: %s\nthemes: [sufficiency, care-leavers, exploitation, front-door]\nbriefings:\n  - template: %s\n    output: out/%s-%s.pdf\n' \
        "$1" "$1" "$2" "$1" "$2" > "$WORK/$1-$2.yaml"
    "$CSBRIEF" build "$WORK/$1-$2.yaml" >/dev/null 2>&1
    expect_eq "$1's $2 builds" "$?" 0
    text=$(pdftotext "$WORK/out/$1-$2.pdf" - 2>/dev/null | tr -s ' \n' '  ')
}

# Tower Hamlets 2024 raises no concern on the four themes: the summary's
# list is not headed "Themes of most concern", and says so.
one_briefing tower-hamlets briefing-pack
check "Tower Hamlets: no 'Themes of most concern' without a concern" test "$(grep -c 'Themes of most concern' <<<"$text")" -eq 0
expect_contains "... and the summary says the latest inspection raises none" "$text" \
    "The latest inspection raises no concern on these themes beyond"
# A summary whose latest report raises no concern about children in care on
# its own says when some of its paragraphs on them are mixed, and quotes
# what they note.
# Leicester 2024 names one area for improvement beyond the questions: said
# in the singular, and, as it is on care leavers, said to be quoted above. (Bury 2025 did until its summary, set tighter, kept all
# five as questions in four pages.)
one_briefing leicester members-summary
expect_contains "Leicester: one more area for improvement said so" "$text" \
    "The report names one more area for improvement, on children in care and care leavers, quoted above."
one_briefing gateshead members-summary
expect_contains "Gateshead: no concern on its own, but mixed paragraphs said" "$text" \
    "The latest report raises no concern on its own about this. Two of its paragraphs note something to improve alongside strengths:"
expect_contains "... and quoted for what they note" "$text" "However, there is more to do for those aged 19 to 21."
# Thurrock 2024 (Outstanding) lists no area for improvement: the summary
# quotes what its paragraphs note alongside strengths, and asks about them
# rather than saying there is nothing to ask.
one_briefing thurrock members-summary
expect_contains "Thurrock: what its mixed paragraphs note is quoted" "$text" \
    "the impact of this remains to be seen."
expect_contains "... and asked about" "$text" \
    "What is being done about the points it notes for children in care and care leavers (above)"
check "... not said to give no question" test "$(grep -c 'no question from it' <<<"$text")" -eq 0
# Gateshead 2025's areas for improvement were not matched to earlier ones:
# the pack's summary says to check by hand, and where the earlier ones are
# (a pack without the tracker says only to check).
one_briefing gateshead briefing-pack
expect_contains "Gateshead: unmatched areas for improvement are to be checked by hand in the tracker" "$text" \
    "but a match can be missed: check the earlier reports’ areas for improvement by hand (every one is listed in the Areas for improvement tracker)."
check "... in words a reader uses, not about csbrief" test "$(grep -c 'csbrief misses' <<<"$text")" -eq 0
mkdir -p "$WORK/share/templates"
cp -r "$ROOT/data" "$ROOT/fonts" "$WORK/share/"
cp "$ROOT"/templates/*.yaml "$ROOT"/templates/*.csv "$WORK/share/templates/"
sed 's/^sections: .*/sections: [cover, contents, summary]/' "$ROOT/templates/briefing-pack.yaml" \
    >"$WORK/share/templates/summary-pack.yaml"
sed 's/template: briefing-pack/template: summary-pack/; s/briefing-pack.pdf/summary-pack.pdf/' \
    "$WORK/gateshead-briefing-pack.yaml" >"$WORK/gateshead-summary-pack.yaml"
CSBRIEF_DATADIR="$WORK/share" "$CSBRIEF" build "$WORK/gateshead-summary-pack.yaml" >/dev/null 2>&1
expect_eq "a pack of only its summary builds" "$?" 0
text=$(pdf_text "$WORK/out/gateshead-summary-pack.pdf")
expect_contains "... and points to no tracker it does not have" "$text" \
    "check the earlier reports’ areas for improvement by hand."
# York 2025's findings end "Enabler three: National Framework.": a tag of
# the national framework a councillor is not told the meaning of.
one_briefing york members-summary
check "York: no 'Enabler three: National Framework' tag" test "$(grep -ci 'enabler three' <<<"$text")" -eq 0
# Wigan 2017's overall grade is read from the sentence "Children's services
# in Wigan are good": the pack says the grade, not the sentence, in quotes
# (and when, by the months the inspection was held).
one_briefing wigan briefing-pack
expect_contains "Wigan: the 2017 overall grade in the grade's words" "$text" \
    "Graded ‘Good’ in January and February 2017"
# Swindon 2023 judged children in care Inadequate and care leavers higher:
# what must improve quotes a concern of the children in care section first
# (it showed only one, on care leavers).
one_briefing swindon members-summary
expect_contains "Swindon: the lower-graded area's concern first" "$text" \
    "Swindon, ILACS inspection, July 2023, paragraph 18"
# ... and the terms it quotes that are not abbreviations are explained too.
expect_contains "Swindon: 'virtual school' explained" "$text" "Virtual school The council team"
# Stockport 2025 graded care leavers above children in care: what is going
# well quotes care leavers' strengths first (it quoted adopters).
one_briefing stockport members-summary
expect_contains "Stockport: the higher-graded area's strength first" "$text" \
    "Stockport, ILACS inspection, May 2025, paragraph 38"
# Bury 2025: what is going well prefers a strength with no concern in it
# (para 45 ends "there is not always a timely follow through ...").
one_briefing bury members-summary
check "Bury: no concern quoted as going well" test "$(grep -c 'not always a timely follow through' <<<"$text")" -eq 0
# A theme title with a comma of its own ("front door, thresholds and the
# MASH/MACH") parts the titles of a question by semicolons.
expect_contains "Bury: theme titles in a question are parted by semicolons" "$text" \
    "exploitation and missing children; and front door, thresholds"
# Devon 2025 was inspected in two parts (paused from October to January):
# the pack says both, never one span from September to January, and the
# members' summary says so by month.
one_briefing devon briefing-pack
expect_contains "Devon: the pack's summary gives both parts" "$text" \
    "the ILACS inspection of 30 September to 11 October 2024 and 13 to 16 January 2025"
check "... and never the one span" test "$(grep -c '30 September 2024 to 16 January 2025' <<<"$text")" -eq 0
# Devon 2025's areas for improvement naming care leavers are in the care
# leavers' box (it had none), and the one on 'sufficient suitable local
# homes' in the sufficiency box too (it showed only 2020's).
expect_contains "Devon: care leavers' box lists their 2025 areas for improvement" "$text" \
    "safety planning for care leavers. (ILACS inspection, October 2024 and January 2025; recurring)"
check "... and the one on local homes is in both boxes" \
    test "$(grep -o 'children in care and care leavers. (ILACS inspection, October 2024 and January 2025)' <<<"$text" | wc -l)" -eq 2
one_briefing devon members-summary
expect_contains "Devon: the members' summary says the inspection was in two parts" "$text" \
    "in Devon in two parts, in October 2024 and January 2025 (ILACS inspection)"
# ... and its citations, and the list of what inspectors asked, name it by
# the same months, never by the month it ended alone.
expect_contains "... its citations name it by the same months" "$text" \
    "Devon, ILACS inspection, October 2024 and January 2025, paragraph"
expect_contains "... and so does what inspectors asked the council to improve" "$text" \
    "Inspectors asked the council to improve (ILACS inspection, October 2024 and January 2025):"
check "... never by January 2025 alone" test "$(grep -c 'Devon, ILACS inspection, January 2025' <<<"$text")" -eq 0

# Packs compared with their statistical neighbours and region from every
# corpus report, as the national build makes them. Middlesbrough's ended
# six sections on a mostly blank page (two theme bullets, one quotation,
# two rows); Bexley's grade matrix of 27 London authorities moved whole
# and left the page of its introduction blank. Now no page but the last is
# less than a quarter full, and the matrix goes on under its headings.
for a in Middlesbrough Bexley; do
    printf 'reports: [%s]\nauthority: %s\ncompare_with: [statistical neighbours, region]\nthemes: [sufficiency, care-leavers, exploitation, front-door]\nbriefings:\n  - template: briefing-pack\n    output: out/peers-%s.pdf\n' \
        "$SHARED/corpus/pdf" "$a" "$a" > "$WORK/peers-$a.yaml"
done
# Two corpus files are HTML error pages: exit 1, the packs built.
"$CSBRIEF" build --jobs 2 "$WORK/peers-Middlesbrough.yaml" "$WORK/peers-Bexley.yaml" >/dev/null 2>&1
expect_eq "packs with peers from every corpus report build (exit 1: two HTML pages)" "$?" 1
for a in Middlesbrough Bexley; do
    "$checker" "$WORK/out/peers-$a.pdf" briefing-pack | sed "s|$WORK/out/||"
done
text=$(pdftotext "$WORK/out/peers-Bexley.pdf" - 2>/dev/null | tr -s ' \n' '  ')
expect_contains "Bexley: the grade matrix goes on under its title" "$text" \
    "Latest grades, authority by area (continued)"

# Bolton's care leavers were judged Good in 2014 (SIF), 2018 (with children
# in care, one judgement) and 2022: the summary says Good since 2014, not
# since 2018, and that 2018's was one judgement.
one_briefing bolton members-summary
# (the cell's lines come between the description's beside it: "(in" now
# starts one of them, kept with the months of that judgement)
expect_contains "Bolton: a grade that stayed counts from the first of its run" "$text" \
    "Stayed Good since February 2014"
expect_contains "... and says 2018's was one judgement" "$text" \
    "(in April and May 2018 one judgement:"
check "... not from the inspection before" test "$(grep -c 'Stayed Good since May 2018 (then one' <<<"$text")" -eq 0

# No page of a briefing built here ends with a heading, a heading and its
# intro, or a lead-in, with what they introduce starting on the next
# (tests/unit/test_page_keeps.c). Cheshire East's summary did: its "what
# must improve" heading and lead-in above a list of two.
"$(dirname "$CSB_BIN")/tests/test_page_keeps" "$WORK"/out/*.pdf | sed "s|$WORK/out/||"
