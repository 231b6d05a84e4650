/* judgements.c - reading judgements: the grade table of ILACS and SIF
 * reports (read by cell position, with labels and grades that wrap over
 * lines rejoined) and the "Grade 3 (Adequate)" lines of 2009-13 reports.
 * A grade that cannot be read is left out with a warning, never guessed.
 */
#include "parse.h"

#include <string.h>

/* Judgement labels -> area ids. First match wins, so the more specific
 * phrases come first. Matched against the folded label. */
static const struct {
    const char *phrase;
    const char *area;
} label_areas[] = {
    {"children in care and care leavers", "in_care_and_care_leavers"},
    {"looked after and achieving permanence", "in_care"},
    {"adoption performance", "adoption"},
    {"care leavers", "care_leavers"},
    {"children in care", "in_care"},
    {"help and protection", "help_protection"},
    {"impact of leaders", "leadership"},
    {"leadership management and governance", "leadership"},
    {"local safeguarding children board", "lscb"},
    {"overall effectiveness", "overall"},
};

static const char *area_for_label(const char *label)
{
    char *f = csb_text_fold(label);
    const char *area = NULL;
    for (guint i = 0; i < G_N_ELEMENTS(label_areas) && !area; i++)
        if (strstr(f, label_areas[i].phrase))
            area = label_areas[i].area;
    g_free(f);
    return area;
}

static const CsbLine *line_at(const CsbDocument *doc, guint i)
{
    return i < doc->lines->len ? doc->lines->pdata[i] : NULL;
}

static const CsbCell *cell_at(const CsbLine *l, guint i)
{
    return l && i < l->cells->len ? l->cells->pdata[i] : NULL;
}

/* Rows of a table: a label cell on the left, a grade cell on the right.
 * Continuation lines (label or grade wrapping) sit below, in the same
 * columns, before the next row starts. */
static void read_table(CsbInspection *in, const CsbDocument *doc, CsbDiag *diag)
{
    for (guint i = 0; i < doc->lines->len; i++) {
        const CsbLine *l = line_at(doc, i);
        if (l->furniture || l->cells->len < 2)
            continue;
        const CsbCell *label_cell = cell_at(l, 0);
        const CsbCell *grade_cell = cell_at(l, l->cells->len - 1);
        GString *label = g_string_new(label_cell->text);
        GString *grade = g_string_new(grade_cell->text);
        /* Join wrapped lines that carry no new row. */
        for (guint k = i + 1; k < doc->lines->len; k++) {
            const CsbLine *n = line_at(doc, k);
            if (n->furniture)
                continue;
            if (!*n->text || n->cells->len >= 2 || n->page != l->page)
                break;
            const CsbCell *c = cell_at(n, 0);
            double line_h = l->y1 - l->y0;
            if (doc->type == CSB_SOURCE_PDF && n->y0 - l->y1 > line_h * 2.5)
                break;
            if (doc->type != CSB_SOURCE_PDF)
                break;
            if (c->x0 >= grade_cell->x0 - 2)
                g_string_append_printf(grade, " %s", c->text);
            else if (c->x0 <= label_cell->x0 + 2 && c->x1 < grade_cell->x0)
                g_string_append_printf(label, " %s", c->text);
            else
                break;
        }
        const char *area = area_for_label(label->str);
        CsbGrade g = csb_grade_from_text(grade->str);
        if (area && !csb_inspection_judgement(in, area)) {
            if (g != CSB_GRADE_NONE)
                csb_inspection_add_judgement(in, area, g, label->str, grade->str, l->page);
            else if (csb_text_distance(grade->str, "Not judged") > 2 &&
                     g_utf8_strlen(grade->str, -1) < 40)
                csb_diag_warn(diag, doc->path, doc->type == CSB_SOURCE_PDF ? 0 : (int)i + 1, 0,
                              "%s%.0d: the grade for '%s' reads '%s', which is not a grade; "
                              "left out",
                              doc->type == CSB_SOURCE_PDF ? "page " : "", l->page, label->str,
                              grade->str);
        }
        g_string_free(label, TRUE);
        g_string_free(grade, TRUE);
    }
}

/* 2009-13 reports: a section heading ("Safeguarding services", "Services
 * for looked after children"), a sub-heading ("Overall effectiveness",
 * "Capacity for improvement") and then "Grade 3 (Adequate)". */
static void read_grade_lines(CsbInspection *in, const GPtrArray *blocks)
{
    const char *strand = NULL;
    const char *sub = NULL;
    for (guint i = 0; i < blocks->len; i++) {
        const CsbBlock *b = blocks->pdata[i];
        char *f = csb_text_fold(b->text);
        if (g_str_has_prefix(f, "safeguarding services"))
            strand = "safeguarding";
        else if (g_str_has_prefix(f, "services for looked after children"))
            strand = "in_care";
        if (g_str_has_prefix(f, "overall effectiveness"))
            sub = "overall";
        else if (g_str_has_prefix(f, "capacity for improvement") ||
                 g_str_has_prefix(f, "capacity to improve"))
            sub = "capacity";
        if (g_str_has_prefix(f, "grade ") && strand && sub) {
            CsbGrade g = csb_grade_from_text(b->text);
            const char *area = NULL;
            if (strcmp(sub, "overall") == 0)
                area = strcmp(strand, "safeguarding") == 0 ? "help_protection" : "in_care";
            else
                area = strcmp(strand, "safeguarding") == 0 ? "safeguarding_capacity"
                                                           : "in_care_capacity";
            if (g != CSB_GRADE_NONE && !csb_inspection_judgement(in, area))
                csb_inspection_add_judgement(in, area, g, sub, b->text, b->page);
            sub = NULL;
        }
        g_free(f);
    }
}

void csb_parse_judgements(CsbInspection *in, const CsbDocument *doc, const GPtrArray *blocks,
                          CsbDiag *diag)
{
    if (!csb_kind_is_graded(in->kind))
        return;
    if (in->kind == CSB_KIND_SLAC || in->kind == CSB_KIND_LAC ||
        in->kind == CSB_KIND_CHILD_PROTECTION)
        read_grade_lines(in, blocks);
    else
        read_table(in, doc, diag);
    if (in->judgements->len == 0)
        csb_diag_warn(diag, doc->path, 0, 0,
                      "a %s report, but no judgement could be read: grades left empty",
                      csb_kind_title(in->kind));
}
