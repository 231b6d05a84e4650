/* format.c - what every briefing shares: the formatter driver (template
 * sections in order), citations, grade cells, quotations with their
 * abbreviations noted for the glossary, change wording and the charts
 * built from a comparison.
 */
#include "layout.h"

#include <string.h>

char *csb_fmt_month_year(CsbDate d)
{
    static const char *const months[] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};
    if (!csb_date_valid(d))
        return g_strdup("date unknown");
    return g_strdup_printf("%s %d", months[d.month - 1], d.year);
}

char *csb_fmt_report_name(const CsbInspection *in)
{
    char *when = csb_fmt_month_year(csb_inspection_date(in));
    char *s = g_strdup_printf("%s, %s", csb_kind_title(in->kind), when);
    g_free(when);
    return s;
}

CsbRich *csb_fmt_citation(const CsbInspection *in, const CsbParagraph *p)
{
    char *name = csb_fmt_report_name(in);
    CsbRich *r = csb_rich_new();
    csb_rich_addf(r, CSB_STYLE_PLAIN, "%s, %s", in->authority ? in->authority : "", name);
    if (p && p->number)
        csb_rich_addf(r, CSB_STYLE_PLAIN, ", paragraph %d", p->number);
    else if (p && p->section)
        csb_rich_addf(r, CSB_STYLE_PLAIN, ", \u201C%s\u201D", p->section);
    if (p && p->page)
        csb_rich_addf(r, CSB_STYLE_PLAIN, " (page %d)", p->page);
    g_free(name);
    return r;
}

CsbTableCell *csb_fmt_grade_cell(GPtrArray *row, CsbGrade g, const char *wording)
{
    const char *words = g ? csb_grade_title(g) : "Not graded";
    CsbTableCell *c = csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, words));
    c->grade = g;
    (void)wording;
    return c;
}

/* Upper-case tokens of 2-6 letters that the glossary knows. */
static void note_abbreviations(CsbFormatter *fm, const char *text)
{
    const CsbCsv *g = fm->in->glossary;
    if (!g)
        return;
    int col = csb_csv_column(g, "abbreviation");
    for (const char *p = text; *p;) {
        if (!g_ascii_isupper(*p) || (p > text && g_ascii_isalnum(p[-1]))) {
            p++;
            continue;
        }
        const char *e = p;
        while (g_ascii_isalnum(*e))
            e++;
        size_t n = (size_t)(e - p);
        int upper = 0;
        for (const char *q = p; q < e; q++)
            upper += g_ascii_isupper(*q);
        if (n >= 2 && n <= 6 && upper >= 2) {
            char *tok = g_strndup(p, n);
            for (guint r = 0; r < g->rows->len; r++)
                if (strcmp(csb_csv_get(g, r, col), tok) == 0) {
                    g_hash_table_replace(fm->abbreviations, g_strdup(tok), GUINT_TO_POINTER(r + 1));
                    break;
                }
            g_free(tok);
        }
        p = e;
    }
}

void csb_fmt_quote(CsbFormatter *fm, const char *quote, const CsbInspection *in,
                   const CsbParagraph *p)
{
    csb_doc_quote(fm->doc, quote, csb_fmt_citation(in, p));
    note_abbreviations(fm, quote);
}

const char *csb_fmt_grade_meaning(const CsbFormatInput *in, CsbGrade g)
{
    const CsbCsv *c = in->grades;
    if (!c)
        return "";
    int gc = csb_csv_column(c, "grade"), pc = csb_csv_column(c, "plain_english");
    for (guint r = 0; r < c->rows->len; r++)
        if (strcmp(csb_csv_get(c, r, gc), csb_grade_id(g)) == 0)
            return csb_csv_get(c, r, pc);
    return "";
}

char *csb_fmt_change(const CsbChange *c)
{
    const char *from = csb_grade_title(c->from->judgement->grade);
    const char *to = csb_grade_title(c->to->judgement->grade);
    if (c->steps < 0)
        return g_strdup_printf("improved from %s to %s", from, to);
    if (c->steps > 0)
        return g_strdup_printf("declined from %s to %s", from, to);
    if (c->from->judgement->grade != c->to->judgement->grade)
        return g_strdup_printf("moved from %s to %s (the same level on the current scale)",
                               from, to);
    return g_strdup_printf("stayed %s", to);
}

static double year_of(CsbDate d)
{
    return d.year + (d.month - 1) / 12.0 + (d.day - 1) / 365.0;
}

CsbChart *csb_fmt_history_chart(const CsbStory *s, const CsbAreaMap *areas, double height)
{
    char *title = g_strdup_printf("%s: grades over time", s->authority->name);
    CsbChart *c = csb_chart_new(CSB_CHART_HISTORY, title, height);
    g_free(title);
    c->x_min = G_MAXDOUBLE;
    c->x_max = -G_MAXDOUBLE;
    for (guint i = 0; i < s->histories->len; i++) {
        const CsbAreaHistory *h = s->histories->pdata[i];
        if (!h->area->headline)
            continue;
        CsbChartRow *row = csb_chart_add_row(c, h->area->short_title);
        for (guint k = 0; k < h->points->len; k++) {
            const CsbGradePoint *p = h->points->pdata[k];
            double x = year_of(csb_inspection_date(p->inspection));
            csb_chart_add_mark(row, x, p->judgement->grade, 0);
            c->x_min = MIN(c->x_min, x);
            c->x_max = MAX(c->x_max, x);
        }
    }
    if (c->x_min > c->x_max) {
        c->x_min = 2010;
        c->x_max = 2026;
    }
    c->x_min = (int)c->x_min;
    c->x_max = (int)c->x_max + 1;
    c->caption = g_strdup("Each mark is a graded inspection, placed at its date and coloured "
                          "by grade; the grade is written beside it.");
    (void)areas;
    return c;
}

static int arrow_for(const CsbStory *s, const char *area)
{
    const CsbAreaHistory *h = csb_story_history(s, area);
    if (!h || !h->changes->len)
        return 2;
    const CsbChange *c = h->changes->pdata[h->changes->len - 1];
    return c->steps < 0 ? -1 : c->steps > 0 ? 1 : 0;
}

static void matrix_row(CsbChart *c, const CsbComparison *cmp, const CsbStory *s, gboolean focus)
{
    CsbChartRow *row = csb_chart_add_row(c, s->authority->name);
    row->emphasis = focus;
    for (guint i = 0; i < cmp->peer_areas->len; i++) {
        const CsbPeerArea *pa = cmp->peer_areas->pdata[i];
        const CsbAreaHistory *h = csb_story_history(s, pa->area->id);
        const CsbGradePoint *p = h ? csb_history_latest(h) : NULL;
        csb_chart_add_mark(row, i, p ? p->judgement->grade : CSB_GRADE_NONE,
                           p ? arrow_for(s, pa->area->id) : 2);
    }
}

CsbChart *csb_fmt_matrix_chart(const CsbComparison *cmp, double height)
{
    CsbChart *c = csb_chart_new(CSB_CHART_MATRIX, "Latest grades", height);
    for (guint i = 0; i < cmp->peer_areas->len; i++)
        g_ptr_array_add(c->columns,
                        g_strdup(((const CsbPeerArea *)cmp->peer_areas->pdata[i])->area->short_title));
    matrix_row(c, cmp, cmp->focus, TRUE);
    for (guint i = 0; i < cmp->peers->len; i++)
        matrix_row(c, cmp, cmp->peers->pdata[i], FALSE);
    c->caption = g_strdup("Latest grade in each area. Arrows show the change since the "
                          "previous graded inspection: \u25B2 better, \u25BC worse, "
                          "\u25CF unchanged; blank where there is no earlier grade.");
    return c;
}

CsbDoc *csb_format(CsbTemplate *tpl, const CsbFormatInput *in, CsbDiag *diag)
{
    gboolean members = strcmp(tpl->id, "members-summary") == 0;
    CsbFormatter fm = {csb_doc_new(tpl), in, in->comparison->focus,
                       g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    CsbDoc *d = fm.doc;
    d->cover.title = g_strdup(in->title ? in->title : tpl->default_title);
    d->cover.subtitle = g_strdup(in->subtitle);
    d->cover.organisation = g_strdup(in->organisation);
    d->cover.authority = g_strdup(fm.focus->authority->name);
    d->cover.logo_path = g_strdup(in->logo_path);
    char *when = csb_date_long(in->date);
    d->cover.date_text = when;
    d->running_title = g_strdup_printf("%s \u2014 %s", d->cover.title, fm.focus->authority->name);
    for (guint i = 0; i < tpl->sections->len; i++) {
        const char *id = tpl->sections->pdata[i];
        CsbSectionFn fn = members ? csb_members_section(id) : csb_pack_section(id);
        if (!fn) {
            csb_diag_error(diag, tpl->id, 0, 0, "template section '%s' does not exist", id);
            continue;
        }
        fn(&fm);
    }
    g_hash_table_destroy(fm.abbreviations);
    if (csb_diag_count(diag, CSB_SEV_ERROR)) {
        csb_doc_free(d);
        return NULL;
    }
    return d;
}
