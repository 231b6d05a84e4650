/* table.c - reading a judgement table by position, not by text order.
 *
 * A table is a label column and a grade column. Cells left of the grade
 * column are label fragments, the rest grade fragments. Fragments that
 * follow each other closely down a column belong together (a label or a
 * grade wrapping over lines: "Requires / improvement to be / good"); a new
 * label starts after a vertical gap or at a row number ("2.1"). Each grade
 * then goes to the label it overlaps most vertically, which is how a grade
 * set beside the middle of a two-line label, or half above and half below
 * it, is read correctly. In text input (tab-separated cells) a label that
 * starts in lower case continues the label above (a row's label starts with
 * a capital), a line holding only a grade continues the grade above it, and
 * a grade on the line above or below a label still reaches it.
 */
#include "parse.h"

#include <math.h>
#include <string.h>

typedef struct {
    GString *text;
    double y0, y1;
    guint line; /* first line */
    int page;
    gboolean has_grade_cell; /* text input: the label's line has a grade */
} Fragment;

static Fragment *fragment_new(const char *text, double y0, double y1, guint line, int page)
{
    Fragment *f = g_new0(Fragment, 1);
    f->text = g_string_new(text);
    f->y0 = y0;
    f->y1 = y1;
    f->line = line;
    f->page = page;
    return f;
}

static void fragment_free(gpointer p)
{
    Fragment *f = p;
    g_string_free(f->text, TRUE);
    g_free(f);
}

static void fragment_extend(Fragment *f, const char *text, double y1)
{
    g_string_append_c(f->text, ' ');
    g_string_append(f->text, text);
    f->y1 = MAX(f->y1, y1);
}

/* "1.", "2.1", "3." at the start of a label: a new row. */
static gboolean starts_row_number(const char *s)
{
    const char *p = s;
    if (!g_ascii_isdigit(*p))
        return FALSE;
    while (g_ascii_isdigit(*p))
        p++;
    if (*p == '.' && g_ascii_isdigit(p[1])) {
        p++;
        while (g_ascii_isdigit(*p))
            p++;
        return *p == ' ' || (*p == '.' && p[1] == ' ');
    }
    return *p == '.' && p[1] == ' ';
}

static gboolean complete_grade(const char *text)
{
    char *clean = csb_parse_clean(text);
    gboolean whole = csb_grade_from_text(clean) != CSB_GRADE_NONE;
    g_free(clean);
    return whole;
}

/* Vertical overlap; in text a line above or below counts as touching
 * (widen 0.5), so a grade on the line next to its label still reaches it. */
static double overlap(const Fragment *a, const Fragment *b, double widen)
{
    return MIN(a->y1, b->y1) - MAX(a->y0, b->y0) + widen;
}

/* Does a cell read like (the start of) a grade: "Good", "Requires",
 * "Grade 3 (adequate)", "Not judged"? */
static gboolean starts_grade(const char *text)
{
    static const char *const words[] = {"outstanding", "good",       "requires", "require",
                                        "inadequate",  "adequate",   "grade",    "not judged",
                                        "not graded"};
    return csb_parse_starts_with_any(text, words, G_N_ELEMENTS(words));
}

/* PDF: the grade column starts at the leftmost cell, not first on its
 * line, that reads like a grade; failing that, at the leftmost cell not
 * first on its line. A cover's "Lead inspector: | Name" above the table
 * is not its grade column. */
static double grade_column(const CsbDocument *doc, guint first, guint last)
{
    double any = G_MAXDOUBLE, graded = G_MAXDOUBLE;
    for (guint i = first; i <= last && i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        if (l->furniture || l->footnote)
            continue;
        for (guint c = 1; c < l->cells->len; c++) {
            const CsbCell *cell = l->cells->pdata[c];
            any = MIN(any, cell->x0);
            if (starts_grade(cell->text))
                graded = MIN(graded, cell->x0);
        }
    }
    return graded < G_MAXDOUBLE ? graded : any;
}

/* Is cell c of line l in the grade column? PDF: by position. Text: the
 * last of several tab-separated cells, or a line's only cell when the line
 * starts with a tab. */
static gboolean cell_is_grade(const CsbLine *l, guint c, double gx, gboolean pdf)
{
    const CsbCell *cell = l->cells->pdata[c];
    if (pdf)
        return cell->x0 >= gx - 2.0;
    if (l->cells->len >= 2)
        return c == l->cells->len - 1;
    return cell->x0 >= 1;
}

void csb_parse_table(CsbParse *p, guint first, guint last,
                     const char *(*area_for)(const char *label, gpointer data), gpointer data)
{
    const CsbDocument *doc = p->doc;
    gboolean pdf = doc->type == CSB_SOURCE_PDF;
    double gx = grade_column(doc, first, last);
    if (gx == G_MAXDOUBLE)
        return;
    /* The table starts at its first grade cell, or at the label lines
     * set tight above it (a label taller than its grade). */
    guint top = first;
    while (top <= last && top < doc->lines->len) {
        const CsbLine *l = doc->lines->pdata[top];
        gboolean has = FALSE;
        for (guint c = 0; c < l->cells->len && !l->furniture && !l->footnote && *l->text; c++)
            has = has || cell_is_grade(l, c, gx, pdf);
        if (has)
            break;
        top++;
    }
    while (pdf && top > first) {
        const CsbLine *above = doc->lines->pdata[top - 1];
        const CsbLine *l = doc->lines->pdata[top];
        if (above->furniture || above->footnote || above->page != l->page ||
            l->y0 - above->y1 > (above->y1 - above->y0) * 0.3)
            break;
        top--;
    }
    first = top;
    GPtrArray *labels = g_ptr_array_new_with_free_func(fragment_free);
    GPtrArray *grades = g_ptr_array_new_with_free_func(fragment_free);
    Fragment *label = NULL, *grade = NULL;
    int page = -1;
    guint last_read = first;
    for (guint i = first; i <= last && i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        if (l->furniture || l->footnote)
            continue;
        /* The table ends at a blank line (text) or at prose running across
         * both columns (PDF). */
        if (!*l->text) {
            if (!pdf && labels->len)
                break;
            continue;
        }
        /* No judgement table has hundreds of rows: stop rather than let a
         * malformed input cost quadratic time below. */
        if (labels->len >= 200 || grades->len >= 200)
            break;
        const CsbCell *only = l->cells->len == 1 ? l->cells->pdata[0] : NULL;
        if (pdf && only && labels->len && only->x0 < gx - 2.0 && only->x1 > gx + 5.0)
            break;
        if (l->page != page) { /* a table does not run across pages here */
            label = grade = NULL;
            page = l->page;
        }
        gboolean line_has_grade = FALSE, line_has_label = FALSE;
        for (guint c = 0; c < l->cells->len; c++) {
            if (cell_is_grade(l, c, gx, pdf))
                line_has_grade = TRUE;
            else
                line_has_label = TRUE;
        }
        last_read = i;
        for (guint c = 0; c < l->cells->len; c++) {
            const CsbCell *cell = l->cells->pdata[c];
            if (!*cell->text)
                continue;
            gboolean is_grade = cell_is_grade(l, c, gx, pdf);
            double h = cell->y1 - cell->y0;
            if (!is_grade) {
                gboolean joins;
                /* A label wraps onto a line that starts in lower case;
                 * a capital right below it is a new row unless it is set
                 * as tightly as lines within a cell. */
                gboolean lower = g_unichar_islower(g_utf8_get_char(cell->text));
                if (pdf)
                    joins = label && !starts_row_number(cell->text) &&
                            cell->y0 - label->y1 < h * (lower ? 0.45 : 0.15);
                else /* a wrapped label, perhaps around a grade-only line */
                    joins = label && l->y0 - label->y1 < 1.5 && lower;
                if (joins) {
                    fragment_extend(label, cell->text, cell->y1);
                } else {
                    label = fragment_new(cell->text, cell->y0, cell->y1, i, l->page);
                    label->has_grade_cell = line_has_grade;
                    g_ptr_array_add(labels, label);
                }
            } else {
                /* A grade continues while it is unfinished ("Requires") or
                 * the next piece reads on ("to be good"); a capital after a
                 * whole grade starts the next row's grade. */
                gboolean reads_on = grade && (!complete_grade(grade->text->str) ||
                                              g_unichar_islower(g_utf8_get_char(cell->text)));
                gboolean joins;
                if (pdf)
                    joins = reads_on && cell->y0 - grade->y1 < h * 0.3;
                else
                    joins = reads_on && !line_has_label && l->y0 - grade->y1 < 0.5;
                if (joins) {
                    fragment_extend(grade, cell->text, cell->y1);
                } else {
                    grade = fragment_new(cell->text, cell->y0, cell->y1, i, l->page);
                    g_ptr_array_add(grades, grade);
                }
            }
        }
    }
    /* The blocks the table's lines made are the table's, not prose. */
    guint table_last = last_read;
    for (guint b = 0; b < p->blocks->len; b++) {
        const CsbBlock *blk = p->blocks->pdata[b];
        if (labels->len && blk->first_line >= first && blk->first_line <= table_last &&
            p->roles[b] == CSB_ROLE_NONE)
            p->roles[b] = CSB_ROLE_TABLE;
    }
    /* Each grade to the label it overlaps most (on its page). */
    GPtrArray *assigned = g_ptr_array_new_with_free_func(NULL);
    g_ptr_array_set_size(assigned, labels->len);
    for (guint g = 0; g < grades->len; g++) {
        Fragment *gr = grades->pdata[g];
        double best = 0;
        gint pick = -1;
        for (guint k = 0; k < labels->len; k++) {
            Fragment *lb = labels->pdata[k];
            double o = lb->page == gr->page ? overlap(lb, gr, pdf ? 0 : 0.5) : -1;
            /* Text: a label with its own grade on its line takes another
             * line's grade only if nothing closer wants it. */
            if (!pdf && lb->has_grade_cell && (gr->y0 < lb->y0 || gr->y0 >= lb->y1))
                o -= 0.25;
            if (o > best + 1e-6) {
                best = o;
                pick = (gint)k;
            }
        }
        if (pick < 0)
            continue;
        Fragment *prior = assigned->pdata[pick];
        if (prior)
            fragment_extend(prior, gr->text->str, gr->y1);
        else
            assigned->pdata[pick] = gr;
    }
    for (guint k = 0; k < labels->len; k++) {
        Fragment *lb = labels->pdata[k];
        Fragment *gr = assigned->pdata[k];
        char *label_text = csb_parse_clean(lb->text->str);
        const char *area = area_for(label_text, data);
        if (!area || csb_inspection_judgement(p->in, area)) {
            g_free(label_text);
            continue;
        }
        char *grade_text = gr ? csb_parse_clean(gr->text->str) : g_strdup("");
        char *squashed = csb_text_squash(grade_text);
        CsbGrade value = csb_grade_from_text(squashed);
        char *folded = csb_text_fold(squashed);
        if (value != CSB_GRADE_NONE) {
            csb_inspection_add_judgement(p->in, area, value, label_text, squashed,
                                         pdf ? lb->page : 0);
        } else if (g_str_has_prefix(folded, "not judged") ||
                   g_str_has_prefix(folded, "not graded") || strcmp(folded, "n a") == 0) {
            /* "Not judged" is no grade, and no grade is missing. */
            g_hash_table_add(p->not_judged, (gpointer)area);
        } else if (!*squashed) {
            csb_parse_grade_unread_at(p, lb->line,
                                      "the judgement '%s' has no grade beside it; left empty",
                                      label_text);
        } else {
            csb_parse_grade_unread_at(
                p, lb->line, "the grade for '%s' reads '%s', which is not a grade; left empty",
                label_text, squashed);
        }
        g_free(folded);
        g_free(squashed);
        g_free(grade_text);
        g_free(label_text);
    }
    g_ptr_array_free(assigned, TRUE);
    g_ptr_array_free(grades, TRUE);
    g_ptr_array_free(labels, TRUE);
}
