/* judgements.c - reading judgements, kind by kind:
 *
 *  - ILACS: the cover's judgement table (table.c).
 *  - SIF: the overall sentence ("Children's services in X are good", "The
 *    overall judgement is inadequate"), the numbered cover table (1, 2,
 *    2.1 adoption, 2.2 care leavers, 3) and the LSCB sentence ("The Local
 *    Safeguarding Children Board is good"); standalone LSCB reviews the
 *    LSCB sentence only.
 *  - SLAC 2009-12, LAC 2013 and child protection 2012-13: "Grade 3
 *    (Adequate)" under each judgement's heading, then the "Record of main
 *    findings" table for what the body does not grade (and as a check).
 *
 * A grade that cannot be read is left out with a warning, never guessed.
 */
#include "parse.h"

#include <string.h>

/* ---- ILACS and SIF table labels ---------------------------------------- */

/* First match wins, so the more specific phrases come first. */
static const struct {
    const char *phrase;
    const char *area;
} label_areas[] = {
    {"children in care and care leavers", "in_care_and_care_leavers"},
    {"looked after and achieving", "in_care"},
    {"adoption performance", "adoption"},
    {"care leavers", "care_leavers"},
    {"children in care", "in_care"},
    {"help and protection", "help_protection"},
    {"impact of leaders", "leadership"},
    {"leadership management and governance", "leadership"},
    {"overall effectiveness", "overall"},
};

static const char *cover_area(const char *label, gpointer data)
{
    char *f = csb_text_fold(label);
    const char *area = NULL;
    for (guint i = 0; i < G_N_ELEMENTS(label_areas) && !area; i++)
        if (strstr(f, label_areas[i].phrase))
            area = label_areas[i].area;
    /* A row is a judgement's name, not a sentence that mentions one. */
    if (area && strlen(f) > 110)
        area = NULL;
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
        {"that children s services require improvement", CSB_GRADE_REQUIRES_IMPROVEMENT},
        {"that children s services requires improvement", CSB_GRADE_REQUIRES_IMPROVEMENT},
        {"that children s services are good", CSB_GRADE_GOOD},
        {"that children s services are outstanding", CSB_GRADE_OUTSTANDING},
        {"that children s services are inadequate", CSB_GRADE_INADEQUATE},
    };
    for (guint i = 0; i < G_N_ELEMENTS(starts); i++)
        if (csb_parse_folded_prefix(f, starts[i].words))
            return starts[i].grade;
    return CSB_GRADE_NONE;
}

/* "children s services in X are|is|require|requires GRADE" and "the overall
 * judgement is GRADE": the folded text after the verb, or NULL. */
static const char *overall_rest(const char *f)
{
    static const char *const overall = "the overall judgement is ";
    if (g_str_has_prefix(f, overall))
        return f + strlen(overall);
    static const char *const lead = "children s services in ";
    if (!g_str_has_prefix(f, lead))
        return NULL;
    static const char *const verbs[] = {" are ", " is ", " require ", " requires "};
    const char *best = NULL;
    size_t best_len = 0;
    for (guint i = 0; i < G_N_ELEMENTS(verbs); i++) {
        const char *hit = strstr(f + strlen(lead), verbs[i]);
        if (hit && (!best || hit < best)) {
            best = hit;
            best_len = strlen(verbs[i]);
        }
    }
    if (!best)
        return NULL;
    /* "require improvement" keeps its verb. */
    return strncmp(best, " require", 8) == 0 ? best + 1 : best + best_len;
}

static const char *lscb_rest(const char *f)
{
    static const char *const leads[] = {
        "the judgement for the effectiveness of the local safeguarding children board ",
        "the effectiveness of the local safeguarding children board ",
        "the effectiveness of the lscb ",
        "the local safeguarding children board ",
        "the lscb ",
    };
    for (guint i = 0; i < G_N_ELEMENTS(leads); i++) {
        if (!g_str_has_prefix(f, leads[i]))
            continue;
        const char *r = f + strlen(leads[i]);
        if (g_str_has_prefix(r, "lscb "))
            r += 5;
        if (g_str_has_prefix(r, "is "))
            return r + 3;
        if (g_str_has_prefix(r, "requires ") || g_str_has_prefix(r, "require "))
            return r;
        return NULL;
    }
    return NULL;
}

/* The first short unnumbered block whose sentence rest() recognises. */
static void read_sentence(CsbParse *p, guint from, guint to, const char *area,
                          const char *(*rest)(const char *), const char *label)
{
    for (guint i = from; i < to && i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (b->number > 0 || b->type == CSB_BLOCK_ROW || b->type == CSB_BLOCK_BULLET)
            continue;
        char *clean = csb_parse_clean(b->text);
        char *f = csb_text_fold(clean);
        const char *r = csb_parse_word_count(f, 41) <= 40 ? rest(f) : NULL;
        if (r) {
            CsbGrade g = grade_at(r);
            if (g != CSB_GRADE_NONE)
                csb_inspection_add_judgement(p->in, area, g, label, clean,
                                             p->doc->type == CSB_SOURCE_PDF ? b->page : 0);
            else
                csb_parse_warn_at(p, b->first_line,
                                  "'%s' does not end in a grade csbrief knows; %s left empty",
                                  clean, area);
        }
        g_free(f);
        g_free(clean);
        if (r)
            return;
    }
}

/* ---- 2009-13: "Grade 3 (Adequate)" under headings ---------------------- */

typedef struct {
    const char *phrase;
    const char *area;
} Heading;

static const Heading safeguarding_headings[] = {
    {"overall effectiveness", "help_protection"},
    {"capacity for improvement", "safeguarding_capacity"},
    {"capacity to improve", "safeguarding_capacity"},
    {"children and young people are safe and feel safe", "help_protection_safe"},
    {"the effectiveness of the help and protection", "help_protection_effectiveness"},
    {"quality of provision", "help_protection_quality"},
    {"the quality of practice", "help_protection_quality"},
    {"quality of practice", "help_protection_quality"},
    {"the contribution of health agencies", "help_protection_health"},
    {"ambition and prioritisation", "help_protection_ambition"},
    {"leadership and management", "help_protection_leadership"},
    {"leadership and governance", "help_protection_leadership"},
    {"performance management and quality assurance", "help_protection_performance"},
    {"partnership working", "help_protection_partnership"},
    {"equality and diversity", "help_protection_equality"},
};

static const Heading in_care_headings[] = {
    {"overall effectiveness", "in_care"},
    {"capacity for improvement", "in_care_capacity"},
    {"capacity to improve", "in_care_capacity"},
    {"outcomes for looked after children", "in_care_outcomes"},
    {"being healthy", "in_care_healthy"},
    {"staying safe", "in_care_safe"},
    {"enjoying and achieving", "in_care_enjoying"},
    {"making a positive contribution", "in_care_contribution"},
    {"economic well being", "in_care_economic"},
    {"economic wellbeing", "in_care_economic"},
    {"quality of provision", "in_care_provision"},
    {"ambition and prioritisation", "in_care_ambition"},
    {"leadership and management", "in_care_leadership"},
    {"performance management and quality assurance", "in_care_performance"},
    {"equality and diversity", "in_care_equality"},
};

typedef enum { STRAND_SAFEGUARDING, STRAND_IN_CARE } Strand;

static const char *strand_area(Strand strand, const char *folded_label)
{
    const Heading *h = strand == STRAND_IN_CARE ? in_care_headings : safeguarding_headings;
    guint n = strand == STRAND_IN_CARE ? G_N_ELEMENTS(in_care_headings)
                                       : G_N_ELEMENTS(safeguarding_headings);
    for (guint i = 0; i < n; i++)
        if (csb_parse_folded_prefix(folded_label, h[i].phrase))
            return h[i].area;
    return NULL;
}

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

static Strand strand_for(const char *f, Strand current)
{
    if (g_str_has_prefix(f, "safeguarding services"))
        return STRAND_SAFEGUARDING;
    if (g_str_has_prefix(f, "services for looked after children") ||
        strstr(f, "how good are outcomes for looked after children"))
        return STRAND_IN_CARE;
    return current;
}

static void read_grade_lines(CsbParse *p, Strand strand)
{
    char *label = NULL; /* folded heading the next grade belongs to */
    char *label_text = NULL;
    for (guint i = 0; i < p->body_end && i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (b->type == CSB_BLOCK_ROW || b->number > 0 || b->type == CSB_BLOCK_BULLET)
            continue;
        char *clean = csb_parse_clean(b->text);
        char *f = csb_text_fold(clean);
        if (g_str_has_prefix(f, "record of main findings")) {
            g_free(f);
            g_free(clean);
            break;
        }
        strand = strand_for(f, strand);
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
            const char *area = label ? strand_area(strand, label) : NULL;
            CsbGrade g = csb_grade_from_text(f + at);
            if (area && !csb_inspection_judgement(p->in, area)) {
                if (g != CSB_GRADE_NONE)
                    csb_inspection_add_judgement(p->in, area, g, label_text, clean,
                                                 p->doc->type == CSB_SOURCE_PDF ? b->page : 0);
                else
                    csb_parse_warn_at(p, b->first_line,
                                      "'%s' under '%s' is not a grade; %s left empty", clean,
                                      label_text, area);
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

/* The "Record of main findings" table: the safeguarding rows first, then,
 * from the second "Overall effectiveness" row on, looked after children. */
typedef struct {
    Strand strand;
    int overall_rows;
    gboolean two_strands;
} RecordState;

static const char *record_area(const char *label, gpointer data)
{
    RecordState *st = data;
    char *f = csb_text_fold(label);
    if (g_str_has_prefix(f, "overall effectiveness") && st->two_strands &&
        ++st->overall_rows == 2)
        st->strand = STRAND_IN_CARE;
    const char *area = strand_area(st->strand, f);
    g_free(f);
    return area;
}

static void read_record(CsbParse *p, Strand strand, gboolean two_strands)
{
    guint first = 0;
    gboolean found = FALSE;
    for (guint i = 0; i < p->blocks->len && !found; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        char *f = csb_text_fold(b->text);
        if (b->type != CSB_BLOCK_ROW && g_str_has_prefix(f, "record of main findings")) {
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
    RecordState st = {strand, 0, two_strands};
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

void csb_parse_judgements(CsbParse *p)
{
    CsbInspection *in = p->in;
    switch (in->kind) {
    case CSB_KIND_ILACS:
        csb_parse_table(p, 0, cover_end(p), cover_area, NULL);
        break;
    case CSB_KIND_SIF: {
        guint cover_blocks = 0;
        guint end = cover_end(p);
        while (cover_blocks < p->blocks->len &&
               ((CsbBlock *)p->blocks->pdata[cover_blocks])->first_line <= end)
            cover_blocks++;
        read_sentence(p, 0, cover_blocks, "overall", overall_rest, "Overall effectiveness");
        csb_parse_table(p, 0, end, cover_area, NULL);
        read_sentence(p, 0, p->body_end, "lscb", lscb_rest,
                      "The Local Safeguarding Children Board");
        break;
    }
    case CSB_KIND_LSCB_REVIEW:
        read_sentence(p, 0, p->body_end, "lscb", lscb_rest,
                      "The Local Safeguarding Children Board");
        break;
    case CSB_KIND_SLAC:
        read_grade_lines(p, STRAND_SAFEGUARDING);
        read_record(p, STRAND_SAFEGUARDING, TRUE);
        break;
    case CSB_KIND_LAC:
        read_grade_lines(p, STRAND_IN_CARE);
        read_record(p, STRAND_IN_CARE, FALSE);
        break;
    case CSB_KIND_CHILD_PROTECTION:
        read_grade_lines(p, STRAND_SAFEGUARDING);
        read_record(p, STRAND_SAFEGUARDING, FALSE);
        break;
    default:
        return; /* visits, letters and peer challenges are not graded */
    }
    if (in->judgements->len == 0)
        csb_diag_warn(p->diag, p->doc->path, 0, 0,
                      "a %s report, but no judgement could be read: grades left empty",
                      csb_kind_title(in->kind));
}
