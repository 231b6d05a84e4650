# render_sif_bulleted.sh - a graded report that numbers no paragraph (a
# few single inspections of early 2014 wrote the whole body as bullets)
# is read for its body all the same: its bullets are quoted as theme
# evidence, with the page or section they come from; and a grade the report
# gives only as a sentence ("The overall judgement is good.") is named by
# its grade, not quoted as if the sentence were the grade's words.
. tests/lib.sh
mkdir -p "$WORK/cfg" "$WORK/reports"
cp "$ROOT/tests/fixtures/sif-bulleted.txt" "$WORK/reports/"
cat > "$WORK/cfg/hartlepool.yaml" <<YAML
reports: [../reports]
authority: Hartlepool
themes: [early-help]
briefings:
  - template: briefing-pack
    output: ../out/pack.pdf
YAML
"$CSBRIEF" build -q "$WORK/cfg/hartlepool.yaml" >"$WORK/log" 2>&1
expect_eq "a pack from a report written in bullets builds" "$?" 0
pack=$(pdf_text "$WORK/out/pack.pdf")
expect_contains "the body's bullets are theme evidence" "$pack" \
    "Agencies in the area work well together to provide effective early help"
expect_contains "overall effectiveness is graded by its name" "$pack" \
    "Graded ‘Good’ in November and December 2013"
case "$pack" in
    *"Graded ‘The overall judgement"*) fail "the cover's sentence is quoted as the grade" ;;
    *) ok "the cover's sentence is not quoted as the grade" ;;
esac
