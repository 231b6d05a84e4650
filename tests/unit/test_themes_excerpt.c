/* test_themes_excerpt.c - a theme's evidence from a paragraph that speaks
 * of several subjects (a headline summary) is the sentences on the theme:
 * its label is the one those words earn read alone (neutral when they
 * weigh nothing), its why says so, and its quote keeps only them; a
 * numbered paragraph, or one on the theme throughout, stays whole, as
 * before; the paragraph's own tone is unchanged (csbrief extract's).
 */
#include "../../src/analysis/analysis.h"
#include "../../src/themes/themes.h"
#include "unit.h"

static CsbThemeLibrary *lib;

/* A headline summary: a strength on exploitation among concerns on four
 * other subjects, each sentence on its own. */
static const char *const summary =
    "Too many children wait too long for decisions about their future. "
    "Children at risk of exploitation receive a strong and effective response from a "
    "specialist team. "
    "The response to domestic abuse is not proportionate to demand, and perpetrators are "
    "not challenged. "
    "Pathway plans for care leavers are not completed and are not reviewed. "
    "The sufficiency strategy has not increased the number of local foster homes, which is "
    "poor.";

/* A summary on exploitation throughout: it names no other theme. */
static const char *const on_theme =
    "Children at risk of exploitation are not identified quickly. "
    "Return home interviews are not timely. "
    "Strategy meetings are well attended. "
    "Leaders have commissioned a new service. "
    "Its impact is not yet evident.";

/* The summary with its sentence on exploitation saying nothing either
 * way. */
static const char *const plain =
    "Too many children wait too long for decisions about their future. "
    "Children at risk of exploitation are referred to a panel that meets each week. "
    "The response to domestic abuse is not proportionate to demand. "
    "Pathway plans for care leavers are not completed. "
    "The sufficiency strategy has not increased the number of local foster homes.";

static const CsbEvidence *evidence_of(CsbAnalyses *set, const CsbInspection *in,
                                      const char *theme)
{
    const CsbReportAnalysis *a = csb_analyses_get(set, in);
    const GPtrArray *ev = csb_report_analysis_evidence(a, csb_themes_find(lib, theme));
    return ev && ev->len ? ev->pdata[0] : NULL;
}

static CsbAnalyses *set_of(const char *theme)
{
    GPtrArray *sel = g_ptr_array_new();
    g_ptr_array_add(sel, (gpointer)csb_themes_find(lib, theme));
    CsbAnalyses *set = csb_analyses_new(lib, sel, NULL, NULL);
    g_ptr_array_free(sel, TRUE);
    return set;
}

/* A report of one paragraph (number, 0: unnumbered) and a set analysing
 * it for theme. */
typedef struct {
    CsbInspection *in;
    CsbAnalyses *set;
} Report;

static Report report_of(const char *text, int number, const char *theme)
{
    Report r = {csb_inspection_new("x.pdf"), set_of(theme)};
    csb_inspection_add_paragraph(r.in, number, number ? "Help and protection" : NULL, text, 1);
    return r;
}

static void report_clear(Report *r)
{
    csb_analyses_free(r->set);
    csb_inspection_free(r->in);
}

static void test_summary(void)
{
    Report r = report_of(summary, 0, "exploitation");
    const CsbEvidence *e = evidence_of(r.set, r.in, "exploitation");
    const CsbReportAnalysis *a = csb_analyses_get(r.set, r.in);
    CsbToneResult *whole = csb_themes_classify_result(lib, summary, NULL, NULL);
    CHECK(whole->tone == CSB_TONE_CONCERN, "the summary is a concern (%s)",
          csb_tone_id(whole->tone));
    CHECK(a && g_array_index(a->paragraphs, CsbParagraphAnalysis, 0).tone == whole->tone,
          "the paragraph's own tone is unchanged in the analysis");
    CHECK(e && e->part && e->part->len == 1 && g_array_index(e->part, guint, 0) == 1,
          "its exploitation evidence is its second sentence alone");
    CHECK(e && e->tone == CSB_TONE_STRENGTH,
          "labelled strength, what those words earn, not the paragraph's concern (%s)",
          e ? csb_tone_id(e->tone) : "none");
    char *q = e ? csb_evidence_quote(e) : NULL;
    CHECK_STR(q, "\u2026 Children at risk of exploitation receive a strong and effective response "
                 "from a specialist team. \u2026",
              "the quote keeps the sentence on exploitation, and no other");
    CHECK(q && csb_quote_check(q, summary), "the quote is faithful");
    g_free(q);
    CHECK(e && e->why->len > 1 && g_str_has_prefix(e->why->pdata[0], "on the theme: sentence 2 of 5"),
          "its why says which sentences it reads (%s)",
          e && e->why->len ? (const char *)e->why->pdata[0] : "none");
    CHECK(e && g_str_has_prefix(e->why->pdata[e->why->len - 1], "verdict: strength"),
          "and ends with their verdict");
    csb_tone_result_free(whole);
    report_clear(&r);

    /* Domestic abuse is named in one sentence, a concern. */
    r = report_of(summary, 0, "domestic-abuse");
    e = evidence_of(r.set, r.in, "domestic-abuse");
    CHECK(e && e->part && e->tone == CSB_TONE_CONCERN, "on domestic abuse it is a concern");
    report_clear(&r);
}

/* A numbered paragraph is written on one subject: whole, as before. */
static void test_numbered(void)
{
    Report r = report_of(summary, 12, "exploitation");
    const CsbEvidence *e = evidence_of(r.set, r.in, "exploitation");
    CHECK(e && !e->part && e->tone == CSB_TONE_CONCERN,
          "a numbered paragraph's evidence is the paragraph, with its tone");
    char *q = e ? csb_evidence_quote(e) : NULL;
    CHECK(q && strstr(q, "Too many children") && strstr(q, "domestic abuse"),
          "quoted from the whole paragraph, as before (%s)", q ? q : "none");
    g_free(q);
    report_clear(&r);
}

/* A summary on the theme throughout, or whose other sentences name no
 * other theme, stays whole. */
static void test_on_theme(void)
{
    Report r = report_of(on_theme, 0, "exploitation");
    const CsbEvidence *e = evidence_of(r.set, r.in, "exploitation");
    CsbToneResult *whole = csb_themes_classify_result(lib, on_theme, NULL, NULL);
    CHECK(e && !e->part && e->tone == whole->tone,
          "a summary that names no other subject is evidence whole, with its tone");
    csb_tone_result_free(whole);
    report_clear(&r);
}

/* The sentences on the theme weigh nothing: neutral, listed under no tone,
 * not strength (the rules' call on words with no cue). */
static void test_neutral(void)
{
    Report r = report_of(plain, 0, "exploitation");
    const CsbEvidence *e = evidence_of(r.set, r.in, "exploitation");
    CHECK(e && e->part && e->tone == CSB_TONE_NEUTRAL, "words on the theme with no cue: neutral (%s)",
          e ? csb_tone_id(e->tone) : "none");
    CHECK(e && g_str_has_prefix(e->why->pdata[e->why->len - 1], "verdict: neutral: the sentences on "
                                                                "the theme weigh nothing"),
          "and its why says so");
    char *q = e ? csb_evidence_quote(e) : NULL;
    CHECK(q && !strstr(q, "domestic") && strstr(q, "exploitation"), "quoting them alone (%s)",
          q ? q : "none");
    g_free(q);
    report_clear(&r);
}

/* The sentences on a theme: with the sentence a back-reference needs, and
 * the sentences pointing back to them. */
static void test_sentences(void)
{
    static const char *const text =
        "Leaders have a clear plan. "
        "These include work with children at risk of exploitation. "
        "However, this work is new. "
        "Care leavers are well supported.";
    GArray *on = csb_theme_sentences(csb_themes_find(lib, "exploitation"), text);
    CHECK(on->len == 3 && g_array_index(on, guint, 0) == 0 && g_array_index(on, guint, 2) == 2,
          "sentences 1 to 3: the one 'These' points to, the one on it, the 'However' after");
    char *words = csb_sentences_text(text, on);
    CHECK_STR(words, "Leaders have a clear plan. These include work with children at risk of "
                     "exploitation. However, this work is new.",
              "read alone as one text");
    g_free(words);
    g_array_free(on, TRUE);
}

/* A long part is shortened within itself: no sentence outside it, and
 * the one that earned its label. */
static void test_quote_part(void)
{
    GString *text = g_string_new(NULL);
    for (int i = 0; i < 6; i++)
        g_string_append(text, "Leaders hold regular meetings with partners across the whole "
                              "of the county to review the services offered. ");
    g_string_append(text, "Outside the part, this sentence is strong and effective. ");
    g_string_append(text, "Inside it, the response to exploitation is poor.");
    GArray *part = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < 6; i++)
        g_array_append_val(part, i);
    guint last = 7;
    g_array_append_val(part, last);
    char *words = csb_sentences_text(text->str, part);
    CsbToneResult *rd = csb_themes_classify_result(lib, words, NULL, NULL);
    char *q = csb_theme_quote_part(NULL, text->str, NULL, rd, part, 200);
    CHECK(q && !strstr(q, "Outside") && strstr(q, "Inside it"),
          "a sentence outside the part is never quoted; the label's is (%s)", q ? q : "none");
    CHECK(q && csb_quote_check(q, text->str), "and the quote is faithful");
    g_free(q);
    q = csb_theme_quote_part(NULL, text->str, NULL, rd, part, 2000);
    CHECK(q && !strstr(q, "Outside") && strstr(q, "\u2026 Inside"),
          "all of a part that fits, with an ellipsis where a sentence is left out");
    g_free(q);
    csb_tone_result_free(rd);
    g_free(words);
    g_array_free(part, TRUE);
    g_string_free(text, TRUE);
}

int main(void)
{
    CsbDiag *d = csb_diag_new();
    lib = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
    CHECK(lib != NULL, "the shipped theme library loads");
    if (!lib) {
        csb_diag_free(d);
        return unit_done();
    }
    RUN(test_summary);
    RUN(test_numbered);
    RUN(test_on_theme);
    RUN(test_neutral);
    RUN(test_sentences);
    RUN(test_quote_part);
    csb_themes_free(lib);
    csb_diag_free(d);
    return unit_done();
}
