/* body_grades.c - the grades a report repeats in its body's section
 * headings ("The experiences and progress of children who need help and
 * protection: requires improvement to be good", "Leadership, management
 * and governance | Requires improvement"), read for the judgements its
 * cover gave no readable grade for, and as a check on those it did. A
 * second source, never a guess: a heading counts only when it is a
 * judgement's label (from the framework's description) followed directly
 * by a grade, and it says nothing of an earlier inspection ("was judged",
 * "at the last inspection"). When cover and heading disagree, one of them
 * was misread: the grade is left empty with a warning naming both.
 */
#include "parse.h"

#include <string.h>

/* Grades as headings end with them, longest first, folded. */
static const struct {
    const char *words;
    CsbGrade grade;
} endings[] = {
    {"requires improvement to be good", CSB_GRADE_REQUIRES_IMPROVEMENT},
    {"require improvement to be good", CSB_GRADE_REQUIRES_IMPROVEMENT},
    {"requires improvement", CSB_GRADE_REQUIRES_IMPROVEMENT},
    {"require improvement", CSB_GRADE_REQUIRES_IMPROVEMENT},
    {"outstanding", CSB_GRADE_OUTSTANDING},
    {"inadequate", CSB_GRADE_INADEQUATE},
    {"adequate", CSB_GRADE_ADEQUATE},
    {"good", CSB_GRADE_GOOD},
};

/* Words that make a heading about another time or a comparison, or that
 * show a grade's words mixed into the label (a table row read as one line:
 * "Children who need help and protection improvement to be"). */
static const char *const elsewhere[] = {
    "judged", "was",      "were",    "last",        "previous", "previously", "since",
    "when",   "then",     "not",     "than",        "from",     "remains",    "remain",
    "good",   "requires", "require", "improvement", "outstanding", "inadequate", "adequate"};

/* The grade folded text ends with, and where its label part ends. */
static CsbGrade grade_ending(const char *f, size_t *label_len)
{
    size_t n = strlen(f);
    for (guint i = 0; i < G_N_ELEMENTS(endings); i++) {
        size_t k = strlen(endings[i].words);
        if (n > k && f[n - k - 1] == ' ' && strcmp(f + n - k, endings[i].words) == 0) {
            *label_len = n - k - 1;
            return endings[i].grade;
        }
    }
    return CSB_GRADE_NONE;
}

/* The label part of a heading: its words up to the grade, without a
 * linking "is" or "are", and with none of the words of elsewhere. */
static char *label_part(const char *f, size_t len)
{
    char *label = g_strndup(f, len);
    static const char *const links[] = {" is", " are"};
    for (guint i = 0; i < G_N_ELEMENTS(links); i++)
        if (g_str_has_suffix(label, links[i]))
            label[strlen(label) - strlen(links[i])] = '\0';
    for (guint i = 0; i < G_N_ELEMENTS(elsewhere); i++)
        if (csb_text_has_word(label, elsewhere[i])) {
            g_free(label);
            return NULL;
        }
    return label;
}

/* A heading of the body (the cover's table is read as a table, and a
 * cover no table could be read from is not read again here). */
static gboolean heading_like(const CsbParse *p, const CsbBlock *b, guint cover_end)
{
    return b->number == 0 && b->type != CSB_BLOCK_BULLET && b->first_line > cover_end &&
           (p->doc->type != CSB_SOURCE_PDF || b->page > 1) &&
           (b->type != CSB_BLOCK_TEXT || b->bold || p->doc->type != CSB_SOURCE_PDF) &&
           csb_parse_word_count(b->text, 31) <= 30;
}

/* A line that continues the heading above it: it starts in lower case. */
static gboolean continues(const CsbBlock *b)
{
    return g_unichar_islower(g_utf8_get_char(b->text));
}

/* The cover's grade and a section heading's disagree: keep neither. */
static void drop_conflict(CsbParse *p, const CsbBlock *b, const char *area,
                          const CsbJudgement *cover, CsbGrade g)
{
    csb_parse_grade_unread_at(p, b->first_line,
                              "the grade for '%s' is %s where the judgements are listed but %s "
                              "in its section heading; %s left empty",
                      cover->label, csb_grade_title(cover->grade), csb_grade_title(g), area);
    g_hash_table_add(p->not_judged, (gpointer)area); /* explained: not read again */
    g_ptr_array_remove(p->in->judgements, (gpointer)cover);
}

/* Try text as "<label> <grade>": add the judgement when its area is one
 * the record lacks. TRUE when the text was such a heading. */
static gboolean try_heading(CsbParse *p, const CsbBlock *b, const char *text)
{
    char *clean = csb_parse_clean(text);
    char *f = csb_text_fold(clean);
    size_t len = 0;
    CsbGrade g = grade_ending(f, &len);
    char *label = g != CSB_GRADE_NONE ? label_part(f, len) : NULL;
    const char *area =
        label && csb_parse_word_count(label, 17) <= 16
            ? csb_framework_area_for(p->framework, NULL, label, FALSE)
            : NULL;
    gboolean hit = area != NULL;
    const CsbJudgement *cover = area ? csb_inspection_judgement(p->in, area) : NULL;
    if (area && !cover && !g_hash_table_contains(p->not_judged, area))
        csb_inspection_add_judgement(p->in, area, g, clean, clean,
                                     p->doc->type == CSB_SOURCE_PDF ? b->page : 0);
    else if (cover && cover->grade != g)
        drop_conflict(p, b, area, cover, g);
    g_free(label);
    g_free(f);
    g_free(clean);
    return hit;
}

void csb_parse_body_grades(CsbParse *p, guint cover_end)
{
    if (!p->framework || !p->framework->judgements->len)
        return;
    for (guint i = 0; i < p->body_end && i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (!heading_like(p, b, cover_end) || p->roles[i] == CSB_ROLE_TABLE)
            continue;
        if (!continues(b) && try_heading(p, b, b->text))
            continue;
        /* A label wrapped over two heading lines, the grade on the second. */
        const CsbBlock *before = i ? p->blocks->pdata[i - 1] : NULL;
        if (before && heading_like(p, before, cover_end) && before->page == b->page &&
            !continues(before)) {
            char *joined = g_strconcat(before->text, " ", b->text, NULL);
            try_heading(p, b, joined);
            g_free(joined);
        }
    }
}
