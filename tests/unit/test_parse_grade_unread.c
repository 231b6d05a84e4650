/* test_parse_grade_unread.c - a grade the parse leaves empty is said by its
 * warning's code (CSB_PARSE_WARN_GRADE_UNREAD), not by the warning's words:
 * every place the parse leaves one, from the fixtures and copies of them
 * with a grade spoilt, has the code and no other warning has it (an
 * authority "left empty" is no grade); the build tells grades not read by
 * the code alone (csb_build_grade_unread).
 */
#include "unit.h"

#include "build/build.h"
#include "parse/parse.h"

static CsbReference *reference;

/* A fixture's text with the first `from` replaced by `to` (to NULL: as it is). */
static char *variant(const char *fixture, const char *from, const char *to)
{
    char *text = NULL;
    if (!g_file_get_contents(fixture, &text, NULL, NULL))
        return NULL;
    if (!to)
        return text;
    char *at = strstr(text, from);
    if (!at) {
        g_free(text);
        return NULL;
    }
    char *out = g_strdup_printf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    g_free(text);
    return out;
}

/* Parse text as the report path; its warnings go to diag. */
static void parse_text(const char *path, const char *text, CsbDiag *diag)
{
    CsbDocument *doc = csb_ingest_data(path, text, strlen(text), diag);
    CsbInspection *in = doc ? csb_parse_document(doc, reference, diag) : NULL;
    csb_inspection_free(in);
    csb_document_free(doc);
}

typedef struct {
    const char *fixture;
    const char *from, *to; /* the spoilt grade; from NULL: the fixture as it is */
    const char *says;      /* words of the warning that leaves a grade empty */
} Case;

static const Case cases[] = {
    /* a table's grade that is no grade (table.c) */
    {"tests/fixtures/not-judged.txt", NULL, NULL, "reads 'Gd', which is not a grade"},
    /* a table's label with no grade beside it (table.c) */
    {"tests/fixtures/ilacs-2023.txt", "care leavers\tOutstanding", "care leavers\t ",
     "has no grade beside it"},
    /* the cover and a section heading disagree (body_grades.c) */
    {"tests/fixtures/body-grades.txt", NULL, NULL, "in its section heading; care_leavers"},
    /* a framework's sentence without a grade (judgements.c) */
    {"tests/fixtures/lscb-review.txt", "Children Board is good", "Children Board is goodish",
     "does not end in a grade csbrief knows"},
    /* ... and then no judgement at all (judgements.c) */
    {"tests/fixtures/lscb-review.txt", "Children Board is good", "Children Board is goodish",
     "no judgement could be read: grades left empty"},
    /* a "Grade N" line under a heading that is no grade (judgements.c) */
    {"tests/fixtures/lac-2013.txt", "Grade 4 (inadequate)", "Grade 7 (splendid)",
     "is not a grade; in_care left empty"},
    /* a judgement the framework's reports have that is missing (judgements.c) */
    {"tests/fixtures/sif-lscb.txt", "\t2.1 Adoption performance\tOutstanding\n", "",
     "has these judgements, but their grades could not be read: adoption"},
};

static void test_each_place(void)
{
    for (guint c = 0; c < G_N_ELEMENTS(cases); c++) {
        const Case *k = &cases[c];
        char *text = variant(k->fixture, k->from, k->to);
        CHECK(text != NULL, "%s: read%s", k->fixture, k->from ? ", and the grade to spoil found" : "");
        if (!text)
            continue;
        CsbDiag *diag = csb_diag_new();
        parse_text(k->fixture, text, diag);
        const CsbError *said = NULL;
        guint coded = 0, told = 0, others_coded = 0;
        for (guint i = 0; i < diag->items->len; i++) {
            const CsbError *e = diag->items->pdata[i];
            if (strstr(e->message, k->says))
                said = e;
            coded += e->code == CSB_PARSE_WARN_GRADE_UNREAD;
            told += csb_build_grade_unread(e);
            /* The parse's other warnings and errors carry no such code. */
            others_coded += e->code == CSB_PARSE_WARN_GRADE_UNREAD &&
                            !strstr(e->message, "left empty");
        }
        CHECK(said && said->severity == CSB_SEV_WARNING &&
                  said->code == CSB_PARSE_WARN_GRADE_UNREAD && csb_build_grade_unread(said),
              "%s%s: the warning '...%s...' has the grade-unread code and the build counts it",
              k->fixture, k->to ? " (spoilt)" : "", k->says);
        CHECK(coded == told && others_coded == 0,
              "%s%s: the build counts the coded warnings only (%u coded, %u counted)",
              k->fixture, k->to ? " (spoilt)" : "", coded, told);
        csb_diag_free(diag);
        g_free(text);
    }
}

static void test_not_by_words(void)
{
    /* An authority left empty is no grade, whatever its words. */
    CsbDiag *diag = csb_diag_new();
    char *text = variant("tests/fixtures/ambiguous-alias.txt", NULL, NULL);
    parse_text("tests/fixtures/ambiguous-alias.txt", text ? text : "", diag);
    const CsbError *e = NULL;
    for (guint i = 0; i < diag->items->len; i++)
        if (strstr(((CsbError *)diag->items->pdata[i])->message, "authority left empty"))
            e = diag->items->pdata[i];
    CHECK(e && e->code == CSB_PARSE_WARN_OTHER && !csb_build_grade_unread(e),
          "an authority left empty: no grade-unread code, not counted as grades not read");
    g_free(text);
    csb_diag_free(diag);

    /* A warning saying "left empty" without the code is not counted, and
     * the code is counted whatever the words; an error never is. */
    CsbError *words = csb_error_new(CSB_SEV_WARNING, "r.txt", 3, 0,
                                    "the grade for 'X' reads 'Y', which is not a grade; left empty");
    CsbError *code = csb_error_new(CSB_SEV_WARNING, "r.txt", 3, 0, "other words");
    code->code = CSB_PARSE_WARN_GRADE_UNREAD;
    CsbError *error = csb_error_new(CSB_SEV_ERROR, "r.txt", 0, 0, "left empty");
    error->code = CSB_PARSE_WARN_GRADE_UNREAD;
    CHECK(!csb_build_grade_unread(words), "the words 'left empty' alone: not a grade unread");
    CHECK(csb_build_grade_unread(code), "the code, whatever the words: a grade unread");
    CHECK(!csb_build_grade_unread(error), "an error with the same number: not a grade unread");
    CHECK(csb_unread_reason_of(code) == CSB_UNREAD_UNKNOWN,
          "a warning's code is no kind of report not read");
    csb_error_free(words);
    csb_error_free(code);
    csb_error_free(error);
}

int main(void)
{
    CsbDiag *load = csb_diag_new();
    reference = csb_reference_load(".", load);
    CHECK(reference && load->items->len == 0, "reference data loads");
    if (reference) {
        RUN(test_each_place);
        RUN(test_not_by_words);
    }
    csb_reference_free(reference);
    csb_diag_free(load);
    return unit_done();
}
