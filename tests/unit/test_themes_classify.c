/* test_themes_classify.c - the cue rules of templates/cues.yaml, one
 * check per rule, on the shipped cue list: words, longest match first,
 * negation and its limits, negated concerns, the paragraph verdict.
 */
#include "../../src/themes/themes.h"
#include "unit.h"

static CsbThemeLibrary *lib;

static CsbTone tone(const char *text)
{
    return csb_themes_classify(lib, text, NULL);
}

/* The reasons, joined with " | ". */
static char *why(const char *text)
{
    GPtrArray *w = g_ptr_array_new_with_free_func(g_free);
    csb_themes_classify(lib, text, w);
    g_ptr_array_add(w, NULL);
    char *s = g_strjoinv(" | ", (char **)w->pdata);
    g_ptr_array_free(w, TRUE);
    return s;
}

#define TONE(text, want)                                                                     \
    CHECK(tone(text) == (want), "'%s' is %s (got %s)", text, csb_tone_id(want),              \
          csb_tone_id(tone(text)))

#define WHY(text, want)                                                                      \
    do {                                                                                     \
        char *reasons_ = why(text);                                                          \
        CHECK_STR(reasons_, want, text);                                                     \
        g_free(reasons_);                                                                    \
    } while (0)

static void test_words(void)
{
    CsbWords *w = csb_words_new("Well-supported ‘children’s’ plans, not - clear. (Yes)");
    CHECK(csb_words_count(w) == 6, "six words (got %u)", csb_words_count(w));
    CHECK_STR(csb_words_at(w, 0), "well-supported", "a hyphenated word is one word");
    CHECK_STR(csb_words_at(w, 1), "children's", "curly apostrophes straight, edges trimmed");
    CHECK(csb_words_clause(w, 2) != csb_words_clause(w, 3), "a comma starts a clause");
    CHECK(csb_words_clause(w, 3) != csb_words_clause(w, 4), "a lone hyphen is a dash");
    CHECK(csb_words_clause(w, 4) != csb_words_clause(w, 5), "a full stop and bracket too");
    csb_words_free(w);
}

static void test_whole_words(void)
{
    TONE("Staff are safeguarding-trained.", CSB_TONE_NEUTRAL);
    TONE("A strengths-based model is used.", CSB_TONE_NEUTRAL);
    TONE("Plans are unclear.", CSB_TONE_CONCERN);
    WHY("Plans are unclear.", "concern: 'unclear'");
    TONE("Care leavers are well supported.", CSB_TONE_STRENGTH);
    TONE("Care leavers are well-supported.", CSB_TONE_STRENGTH);
}

static void test_longest_first(void)
{
    WHY("Practice is not good enough.", "concern: 'not good enough'");
    WHY("Services require improvement to be good.", "concern: 'require improvement to be good'");
    WHY("Services requires improvement to be good.", "concern: 'requires improvement to be good'");
    WHY("Children are seen without delay.", "strength: 'without delay'");
    WHY("There was no delay and good planning.", "strength: 'no delay' | strength: 'good'");
    /* A cue never spans a clause break. */
    WHY("It was good, quality assured.", "strength: 'good'");
}

static void test_negation(void)
{
    WHY("Plans are not consistently strong.",
        "concern: 'not consistently' | concern: 'not consistently' negates 'strong'");
    TONE("Plans are not consistently strong.", CSB_TONE_CONCERN);
    WHY("Practice is not yet good.", "concern: 'not yet' | concern: 'not yet' negates 'good'");
    WHY("Children do not always receive timely visits.",
        "concern: 'not always' | concern: 'not always' negates 'timely'");
    WHY("Oversight is insufficiently robust.",
        "concern: 'insufficiently' | concern: 'insufficiently' negates 'robust'");
    WHY("There is a lack of clear plans.", "concern: 'lack of' | concern: 'lack of' negates 'clear'");
    /* The window: at most four words between negator and cue. */
    TONE("Reviews are not in every single case timely.", CSB_TONE_CONCERN);
    TONE("Reviews are not held in every single case with timely minutes.", CSB_TONE_STRENGTH);
}

static void test_negation_limits(void)
{
    WHY("Concerns are not overlooked, alongside other effective checks.",
        "strength: 'effective'");
    WHY("This is not the case but work is effective.", "strength: 'effective'");
    WHY("Leaders not only visit but are strong advocates.", "strength: 'strong'");
    WHY("It is not clearly recorded; it is good.",
        "concern: 'not' negates 'clearly' | strength: 'good'");
    TONE("It is not clearly recorded; it is good.", CSB_TONE_MIXED);
}

static void test_negated_concern(void)
{
    WHY("Children do not experience delay.", "neutral: 'not' negates 'delay'");
    TONE("Children do not experience delay.", CSB_TONE_NEUTRAL);
    TONE("Leaders have not addressed the drift.", CSB_TONE_NEUTRAL);
    WHY("There is insufficient provision and limited choice.",
        "concern: 'insufficient' | concern: 'limited'");
}

static void test_verdict(void)
{
    TONE("Arrangements are strong. However, too many children wait too long.",
         CSB_TONE_MIXED);
    TONE("The local authority holds records in a database.", CSB_TONE_NEUTRAL);
    TONE("Assessments are thorough and timely.", CSB_TONE_STRENGTH);
    TONE("Assessments are poor.", CSB_TONE_CONCERN);
}

int main(void)
{
    CsbDiag *d = csb_diag_new();
    lib = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
    CHECK(lib != NULL, "the shipped theme library and cues load");
    if (!lib) {
        csb_diag_print(d, stdout);
        csb_diag_free(d);
        return unit_done();
    }
    RUN(test_words);
    RUN(test_whole_words);
    RUN(test_longest_first);
    RUN(test_negation);
    RUN(test_negation_limits);
    RUN(test_negated_concern);
    RUN(test_verdict);
    csb_themes_free(lib);
    csb_diag_free(d);
    return unit_done();
}
