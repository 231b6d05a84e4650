/* judgements.c - reading judgements, kind by kind. What each framework's
 * judgements are called, which area each counts towards and the sentences
 * they are written in come from data/frameworks.yaml; how they are laid
 * out is here:
 *
 *  - ILACS: the cover's judgement table (table.c).
 *  - SIF: the overall sentence ("Children's services in X are good", "The
 *    overall judgement is inadequate"), the numbered cover table (1, 2,
 *    2.1 adoption, 2.2 care leavers, 3) and the LSCB sentence ("The Local
 *    Safeguarding Children Board is good"); standalone LSCB reviews the
 *    LSCB sentence only.
 *  - SLAC 2009-12, LAC 2013 and child protection 2012-13: "Grade 3
 *    (Adequate)" under each judgement's heading, strand by strand, then the
 *    "Record of main findings" table for what the body does not grade (and
 *    as a check).
 *
 * A grade that cannot be read is left out with a warning, never guessed.
 */
#include "parse.h"

#include <string.h>

/* ---- ILACS and SIF table labels ---------------------------------------- */

static const char *cover_area(const char *label, gpointer data)
{
    const CsbFramework *framework = data;
    char *f = csb_text_fold(label);
    /* A row is a judgement's name, not a sentence that mentions one. */
    const char *area = strlen(f) <= 110 ? csb_framework_area_for(framework, NULL, f, FALSE) : NULL;
    g_free(f);
    return area;
}

/* The cover: lines before the first numbered paragraph, the contents, the
 * findings list, or (PDF) the end of page 1. */
static guint cover_end(const CsbParse *p)
{
    guint end = p->doc->lines->len ? p->doc->lines->len - 1 : 0;
    for (guint i = 0; i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        char *f = csb_text_fold(b->text);
        /* A numbered table label ("2. Children looked after and") is short;
         * a numbered paragraph is not. */
        gboolean stop = (b->number > 0 && csb_parse_word_count(f, 12) >= 12) ||
                        (b->type == CSB_BLOCK_HEADING &&
                                          (g_str_has_prefix(f, "contents") ||
                                           g_str_has_prefix(f, "what needs to improve") ||
                                           g_str_has_prefix(f, "recommendations")));
        if (p->doc->type == CSB_SOURCE_PDF && b->page > 1)
            stop = TRUE;
        g_free(f);
        if (stop) {
            end = b->first_line ? b->first_line - 1 : 0;
            break;
        }
    }
    return end;
}

/* ---- sentences: SIF overall and LSCB ----------------------------------- */

/* The grade at the start of folded text: "requires improvement to be
 * good" -> requires improvement. */
static CsbGrade grade_at(const char *f)
{
    static const struct {
        const char *words;
        CsbGrade grade;
    } starts[] = {
        {"outstanding", CSB_GRADE_OUTSTANDING},
        {"good", CSB_GRADE_GOOD},
        {"adequate", CSB_GRADE_ADEQUATE},
        {"inadequate", CSB_GRADE_INADEQUATE},
        {"requires improvement", CSB_GRADE_REQUIRES_IMPROVEMENT},
        {"require improvement", CSB_GRADE_REQUIRES_IMPROVEMENT},
    };
    for (guint i = 0; i < G_N_ELEMENTS(starts); i++)
        if (csb_parse_folded_prefix(f, starts[i].words))
            return starts[i].grade;
    return CSB_GRADE_NONE;
}

/* The folded text after a sentence's lead ("the overall judgement is "),
 * or NULL when no lead of the sentence starts text. */
static const char *sentence_rest(const CsbFrameworkSentence *sentence, const char *f)
{
    for (guint i = 0; i < sentence->leads->len; i++) {
        GMatchInfo *m = NULL;
        int end = -1;
        if (g_regex_match(sentence->leads->pdata[i], f, 0, &m))
            g_match_info_fetch_pos(m, 0, NULL, &end);
        g_match_info_free(m);
        if (end >= 0)
            return f + end;
    }
    return NULL;
}

/* A block a judgement sentence can be in: prose or a heading. */
static gboolean sentence_block(const CsbBlock *b)
{
    return b->number == 0 && b->type != CSB_BLOCK_ROW && b->type != CSB_BLOCK_BULLET;
}

/* The first short unnumbered block whose sentence rest() recognises and
 * that ends in a grade. The sentence may run on into the next block when
 * the report sets the grade apart ("The effectiveness of the Local
 * Safeguarding Children Board (LSCB) is" / "inadequate."). A recognised
 * sentence with no grade ("The LSCB is not yet demonstrating the
 * characteristics of good.") is passed over; only when no sentence gives a
 * grade is the first of them reported. */
static void read_sentence(CsbParse *p, guint from, guint to,
                          const CsbFrameworkSentence *sentence)
{
    const char *area = sentence->area;
    char *unread = NULL; /* the first recognised sentence without a grade */
    guint unread_line = 0;
    for (guint i = from; i < to && i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (!sentence_block(b))
            continue;
        char *clean = csb_parse_clean(b->text);
        if (i + 1 < p->blocks->len && sentence_block(p->blocks->pdata[i + 1]) &&
            csb_parse_word_count(clean, 41) <= 40) {
            char *next = csb_parse_clean(((CsbBlock *)p->blocks->pdata[i + 1])->text);
            char *f = csb_text_fold(clean);
            const char *r = sentence_rest(sentence, f);
            /* Join only when this block alone gives no grade. */
            if (!r || grade_at(r) == CSB_GRADE_NONE) {
                char *joined = g_strconcat(clean, " ", next, NULL);
                char *fj = csb_text_fold(joined);
                const char *rj =
                    csb_parse_word_count(fj, 41) <= 40 ? sentence_rest(sentence, fj) : NULL;
                if (rj && grade_at(rj) != CSB_GRADE_NONE) {
                    g_free(clean);
                    clean = joined;
                    joined = NULL;
                }
                g_free(joined);
                g_free(fj);
            }
            g_free(f);
            g_free(next);
        }
        char *f = csb_text_fold(clean);
        const char *r = csb_parse_word_count(f, 41) <= 40 ? sentence_rest(sentence, f) : NULL;
        CsbGrade g = r ? grade_at(r) : CSB_GRADE_NONE;
        if (g != CSB_GRADE_NONE)
            csb_inspection_add_judgement(p->in, area, g, sentence->label, clean,
                                         p->doc->type == CSB_SOURCE_PDF ? b->page : 0);
        else if (r && !unread) {
            unread = g_strdup(clean);
            unread_line = b->first_line;
        }
        g_free(f);
        g_free(clean);
        if (g != CSB_GRADE_NONE) {
            g_free(unread);
            return;
        }
    }
    if (unread)
        csb_parse_grade_unread_at(p, unread_line,
                                  "'%s' does not end in a grade csbrief knows; %s left empty",
                                  unread, area);
    g_free(unread);
}

/* ---- 2009-13: "Grade 3 (Adequate)" under headings ---------------------- */

/* "Grade 3 (Adequate)" (or "**Grade 2 (good)**") in folded text: the
 * offset where it starts, or -1. */
static gssize grade_phrase(const char *f)
{
    for (const char *p = strstr(f, "grade "); p; p = strstr(p + 1, "grade ")) {
        if ((p == f || p[-1] == ' ') && g_ascii_isdigit(p[6]) && p[7] == ' ')
            return p - f;
    }
    return -1;
}

/* The strand a heading starts, or current when it starts none. */
static const char *strand_for(const CsbFramework *fw, const char *f, const char *current)
{
    for (guint i = 0; i < fw->strands->len; i++) {
        const CsbFrameworkStrand *st = fw->strands->pdata[i];
        for (guint k = 0; k < st->starts->len; k++)
            if (g_str_has_prefix(f, st->starts->pdata[k]))
                return st->id;
    }
    return current;
}

static const char *first_strand(const CsbFramework *fw)
{
    return fw->strands->len ? ((CsbFrameworkStrand *)fw->strands->pdata[0])->id : NULL;
}

static void read_grade_lines(CsbParse *p)
{
    const CsbFramework *fw = p->framework;
    const char *strand = first_strand(fw);
    char *label = NULL; /* folded heading the next grade belongs to */
    char *label_text = NULL;
    for (guint i = 0; i < p->body_end && i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (b->type == CSB_BLOCK_ROW || b->number > 0 || b->type == CSB_BLOCK_BULLET)
            continue;
        char *clean = csb_parse_clean(b->text);
        char *f = csb_text_fold(clean);
        if (fw->record_table && g_str_has_prefix(f, fw->record_table)) {
            g_free(f);
            g_free(clean);
            break;
        }
        strand = strand_for(fw, f, strand);
        gssize at = grade_phrase(f);
        if (at < 0) {
            if (b->type == CSB_BLOCK_HEADING || csb_parse_word_count(f, 17) <= 16) {
                g_free(label);
                g_free(label_text);
                label = g_strdup(f);
                label_text = g_strdup(clean);
            }
        } else {
            /* The grade ends a heading ("... safe Grade 2 (good)") or stands
             * alone under one. */
            if (at > 0) {
                g_free(label);
                g_free(label_text);
                label = g_strndup(f, (gsize)at - 1);
                label_text = g_strdup(clean);
            }
            const char *area = label ? csb_framework_area_for(fw, strand, label, TRUE) : NULL;
            CsbGrade g = csb_grade_from_text(f + at);
            if (area && !csb_inspection_judgement(p->in, area)) {
                if (g != CSB_GRADE_NONE)
                    csb_inspection_add_judgement(p->in, area, g, label_text, clean,
                                                 p->doc->type == CSB_SOURCE_PDF ? b->page : 0);
                else
                    csb_parse_grade_unread_at(p, b->first_line,
                                              "'%s' under '%s' is not a grade; %s left empty",
                                              clean, label_text, area);
            }
            g_free(label);
            g_free(label_text);
            label = label_text = NULL;
        }
        g_free(f);
        g_free(clean);
    }
    g_free(label);
    g_free(label_text);
}

/* The "Record of main findings" table: the first strand's rows first,
 * then, from the next "Overall effectiveness" row on, the next strand's. */
typedef struct {
    const CsbFramework *fw;
    guint strand; /* index into fw->strands */
    int overall_rows;
} RecordState;

static const char *record_area(const char *label, gpointer data)
{
    RecordState *st = data;
    char *f = csb_text_fold(label);
    if (g_str_has_prefix(f, "overall effectiveness") && ++st->overall_rows > 1 &&
        st->strand + 1 < st->fw->strands->len)
        st->strand++;
    const CsbFrameworkStrand *strand = st->fw->strands->pdata[st->strand];
    const char *area = csb_framework_area_for(st->fw, strand->id, f, TRUE);
    g_free(f);
    return area;
}

static void read_record(CsbParse *p)
{
    const CsbFramework *fw = p->framework;
    if (!fw->record_table || !fw->strands->len)
        return;
    guint first = 0;
    gboolean found = FALSE;
    for (guint i = 0; i < p->blocks->len && !found; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        char *f = csb_text_fold(b->text);
        if (b->type != CSB_BLOCK_ROW && g_str_has_prefix(f, fw->record_table)) {
            first = b->last_line + 1;
            found = TRUE;
        }
        g_free(f);
    }
    if (!found)
        return;
    /* Read into a scratch record, then fill gaps and check agreement. */
    CsbInspection *scratch = csb_inspection_new(p->in->file);
    CsbParse sp = *p;
    sp.in = scratch;
    RecordState st = {fw, 0, 0};
    csb_parse_table(&sp, first, p->doc->lines->len ? p->doc->lines->len - 1 : 0, record_area,
                    &st);
    for (guint i = 0; i < scratch->judgements->len; i++) {
        const CsbJudgement *j = scratch->judgements->pdata[i];
        const CsbJudgement *have = csb_inspection_judgement(p->in, j->area);
        if (!have)
            csb_inspection_add_judgement(p->in, j->area, j->grade, j->label, j->wording, j->page);
        else if (have->grade != j->grade)
            csb_diag_warn(p->diag, p->doc->path, 0, 0,
                          "the record of main findings grades '%s' %s but the report's section "
                          "says %s; kept %s",
                          j->label, csb_grade_title(j->grade), csb_grade_title(have->grade),
                          csb_grade_title(have->grade));
    }
    csb_inspection_free(scratch);
}

/* The framework's cover sentences (among the cover's blocks) or its other
 * sentences (anywhere in the body), each area read once. */
static void read_sentences(CsbParse *p, guint cover_blocks, gboolean cover)
{
    for (guint i = 0; i < p->framework->sentences->len; i++) {
        const CsbFrameworkSentence *s = p->framework->sentences->pdata[i];
        if (s->cover_only == cover && !csb_inspection_judgement(p->in, s->area))
            read_sentence(p, 0, cover ? cover_blocks : p->body_end, s);
    }
}

/* Every judgement the framework's reports have was read, or a warning
 * names those that were not: a grade is never missing in silence. */
static void check_expected(CsbParse *p)
{
    GString *missing = g_string_new(NULL);
    for (guint i = 0; i < p->framework->expect->len; i++) {
        char **alternatives = g_strsplit(p->framework->expect->pdata[i], "|", -1);
        gboolean found = FALSE;
        for (char **a = alternatives; *a && !found; a++)
            found = csb_inspection_judgement(p->in, *a) != NULL ||
                    g_hash_table_contains(p->not_judged, *a);
        if (!found)
            g_string_append_printf(missing, "%s%s", missing->len ? ", " : "", alternatives[0]);
        g_strfreev(alternatives);
    }
    if (missing->len)
        csb_parse_grade_unread(p,
                               "a %s report has these judgements, but their grades could not "
                               "be read: %s (left empty)",
                               p->framework->short_name, missing->str);
    g_string_free(missing, TRUE);
}

void csb_parse_judgements(CsbParse *p)
{
    CsbInspection *in = p->in;
    if (!p->framework || !p->framework->graded)
        return; /* visits, letters and peer challenges are not graded */
    guint end = cover_end(p);
    guint cover_blocks = 0;
    while (cover_blocks < p->blocks->len &&
           ((CsbBlock *)p->blocks->pdata[cover_blocks])->first_line <= end)
        cover_blocks++;
    switch (in->kind) {
    case CSB_KIND_ILACS:
        csb_parse_table(p, 0, end, cover_area, (gpointer)p->framework);
        csb_parse_body_grades(p, end);
        break;
    case CSB_KIND_SIF:
        /* In the record's order: the cover's sentence (overall), its table,
         * then the body's (the LSCB). */
        read_sentences(p, cover_blocks, TRUE);
        csb_parse_table(p, 0, end, cover_area, (gpointer)p->framework);
        read_sentences(p, cover_blocks, FALSE);
        csb_parse_body_grades(p, end);
        break;
    case CSB_KIND_LSCB_REVIEW:
        read_sentences(p, cover_blocks, TRUE);
        read_sentences(p, cover_blocks, FALSE);
        break;
    case CSB_KIND_SLAC:
    case CSB_KIND_LAC:
    case CSB_KIND_CHILD_PROTECTION:
        read_grade_lines(p);
        read_record(p);
        break;
    default:
        break;
    }
    if (in->judgements->len == 0)
        csb_parse_grade_unread(p, "a %s report, but no judgement could be read: grades left empty",
                               p->framework->short_name);
    else
        check_expected(p);
}
