/* overview.c - the national overview: every authority of the reports
 * (with 'scope: national', one briefing over all of them): how the latest
 * grades spread in each headline area nationally and in each region,
 * every authority's latest grades, and the grade changes of the last two
 * years. A grade counts as current unless a later full inspection did not
 * judge the area, or a later report could not be read (csb_history_current,
 * as the peer summary counts it).
 */
#include "format.h"

#include <string.h>

#define RECENT_MONTHS 24

static const CsbGrade shown[] = {CSB_GRADE_OUTSTANDING, CSB_GRADE_GOOD,
                                 CSB_GRADE_REQUIRES_IMPROVEMENT, CSB_GRADE_INADEQUATE,
                                 CSB_GRADE_NONE};

static CsbGrade current(const CsbStory *s, const char *area)
{
    CsbGrade g = csb_story_current_grade(s, area);
    /* The old "adequate" counts with requires improvement (one rank). */
    return g == CSB_GRADE_ADEQUATE ? CSB_GRADE_REQUIRES_IMPROVEMENT : g;
}

static const char *column_name(CsbGrade g)
{
    return g ? csb_grade_title(g) : "Not graded";
}

/* A table of counts per grade, its first columns named by lead. */
static CsbTable *counts_table(const char *const *lead, int n_lead)
{
    int n = n_lead + (int)G_N_ELEMENTS(shown);
    double *w = g_new(double, n);
    for (int i = 0; i < n; i++)
        w[i] = i < n_lead ? 2.6 : 1.7;
    CsbTable *t = csb_table_new(n, w);
    g_free(w);
    for (int i = 0; i < n_lead; i++)
        csb_table_header(t, i, lead[i]);
    for (guint g = 0; g < G_N_ELEMENTS(shown); g++) {
        csb_table_header(t, n_lead + (int)g, column_name(shown[g]));
        csb_table_align(t, n_lead + (int)g, CSB_ALIGN_RIGHT);
    }
    return t;
}

/* Counts of current grades of area over the stories of region (NULL: all). */
static void count(GPtrArray *stories, const char *region, const char *area,
                  int counts[CSB_GRADE_COUNT])
{
    memset(counts, 0, sizeof(int) * CSB_GRADE_COUNT);
    for (guint i = 0; i < stories->len; i++) {
        const CsbStory *s = stories->pdata[i];
        if (!region || g_strcmp0(s->authority->region, region) == 0)
            counts[current(s, area)]++;
    }
}

static void count_cells(GPtrArray *row, const int counts[CSB_GRADE_COUNT])
{
    for (guint g = 0; g < G_N_ELEMENTS(shown); g++)
        csb_table_number(row, counts[shown[g]]);
}

/* ---- sections ------------------------------------------------------------ */

static void masthead(CsbFormatter *fm)
{
    GPtrArray *all = csb_fmt_stories(fm);
    g_free(fm->doc->cover.authority);
    fm->doc->cover.authority = g_strdup_printf("%u local authorit%s", all->len,
                                               all->len == 1 ? "y" : "ies");
    g_ptr_array_free(all, TRUE);
    csb_doc_masthead(fm->doc);
}

static void national(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    GPtrArray *all = csb_fmt_stories(fm);
    csb_doc_heading(fm->doc, 1, "The national picture");
    guint graded = 0;
    for (guint i = 0; i < all->len; i++)
        graded += csb_story_latest_graded(all->pdata[i]) != NULL;
    csb_doc_para(fm->doc,
                 csb_rich_addf(csb_rich_new(), 0,
                               "%u authorit%s ha%s reports among those read; %u ha%s a graded "
                               "inspection. Each authority counts once in each area, at its "
                               "latest grade (adequate, from before 2013, counts with requires "
                               "improvement).",
                               all->len, all->len == 1 ? "y" : "ies", all->len == 1 ? "s" : "ve",
                               graded, graded == 1 ? "s" : "ve"));
    CsbChart *chart = csb_chart_new(CSB_CHART_DISTRIBUTION, "Latest grades by area, nationally");
    static const char *const lead[] = {"Area"};
    CsbTable *t = counts_table(lead, 1);
    for (guint i = 0; i < c->peer_areas->len; i++) {
        const CsbArea *area = ((const CsbPeerArea *)c->peer_areas->pdata[i])->area;
        int counts[CSB_GRADE_COUNT];
        count(all, NULL, area->id, counts);
        CsbChartRow *row = csb_chart_add_row(chart, area->short_title);
        memcpy(row->counts, counts, sizeof counts);
        row->note = g_strdup_printf("%d graded", all->len - counts[CSB_GRADE_NONE]);
        GPtrArray *r = csb_table_row(t);
        csb_table_cell(r, csb_rich_plain(area->title));
        count_cells(r, counts);
    }
    chart->caption = g_strdup("Number of authorities at each grade in each area, from each "
                              "authority's latest inspection that graded the area.");
    csb_chart_fit(chart);
    csb_doc_figure(fm->doc, chart);
    csb_doc_table(fm->doc, t);
    g_ptr_array_free(all, TRUE);
}

static gint by_name(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(const char *const *)a, *(const char *const *)b);
}

static void regions(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    GPtrArray *all = csb_fmt_stories(fm);
    csb_doc_heading(fm->doc, 1, "By region");
    csb_doc_para(fm->doc, csb_rich_plain("The same counts for the authorities of each region."));
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; i < all->len; i++) {
        const char *r = ((const CsbStory *)all->pdata[i])->authority->region;
        gboolean seen = FALSE;
        for (guint k = 0; k < names->len; k++)
            seen |= g_strcmp0(names->pdata[k], r) == 0;
        if (!seen && r)
            g_ptr_array_add(names, (gpointer)r);
    }
    g_ptr_array_sort(names, by_name);
    static const char *const lead[] = {"Region", "Area"};
    CsbTable *t = counts_table(lead, 2);
    for (guint k = 0; k < names->len; k++)
        for (guint i = 0; i < c->peer_areas->len; i++) {
            const CsbArea *area = ((const CsbPeerArea *)c->peer_areas->pdata[i])->area;
            int counts[CSB_GRADE_COUNT];
            count(all, names->pdata[k], area->id, counts);
            GPtrArray *r = csb_table_row(t);
            csb_table_cell(r, csb_rich_plain(names->pdata[k]));
            csb_table_cell(r, csb_rich_plain(area->title));
            count_cells(r, counts);
        }
    csb_doc_table(fm->doc, t);
    g_ptr_array_free(names, TRUE);
    g_ptr_array_free(all, TRUE);
}

static void grades(CsbFormatter *fm)
{
    csb_doc_heading(fm->doc, 1, "Every authority's latest grades");
    csb_doc_para(fm->doc, csb_rich_plain("Each authority's latest grade in each headline "
                                         "area, from its most recent inspection that graded "
                                         "it. A grade marked not current is older than the "
                                         "authority's latest inspection, which did not judge "
                                         "the area (inspections from April 2026 give no "
                                         "overall effectiveness grade), or than a later "
                                         "report that could not be read; the counts above "
                                         "leave it out."));
    csb_doc_table(fm->doc, csb_fmt_latest_grades(fm, TRUE));
}

typedef struct {
    const CsbStory *story;
    const CsbAreaHistory *history;
    const CsbChange *change;
} Recent;

static gint newest_first(gconstpointer a, gconstpointer b)
{
    const Recent *x = a, *y = b;
    int d = csb_date_compare(csb_inspection_date(y->change->to->inspection),
                             csb_inspection_date(x->change->to->inspection));
    if (d)
        return d;
    d = g_strcmp0(x->story->authority->name, y->story->authority->name);
    return d ? d : x->history->area->order - y->history->area->order;
}

static void changes(CsbFormatter *fm)
{
    GPtrArray *all = csb_fmt_stories(fm);
    CsbDate since = fm->doc->date;
    since.year -= RECENT_MONTHS / 12;
    char *from = csb_fmt_month_year(since);
    csb_doc_heading(fm->doc, 1, "Recent changes");
    csb_doc_para(fm->doc, csb_rich_addf(csb_rich_new(), 0,
                                        "Every change of a headline grade at an inspection "
                                        "since %s, newest first.",
                                        from));
    g_free(from);
    GArray *recent = g_array_new(FALSE, FALSE, sizeof(Recent));
    for (guint s = 0; s < all->len; s++) {
        const CsbStory *st = all->pdata[s];
        for (guint i = 0; i < st->histories->len; i++) {
            const CsbAreaHistory *h = st->histories->pdata[i];
            for (guint k = 0; h->area->headline && k < h->changes->len; k++) {
                const CsbChange *c = h->changes->pdata[k];
                CsbDate d = csb_inspection_date(c->to->inspection);
                if (csb_date_valid(d) && csb_date_compare(d, since) >= 0)
                    g_array_append_val(recent, ((Recent){st, h, c}));
            }
        }
    }
    g_array_sort(recent, newest_first);
    static const double w[] = {2.3, 1.7, 2.3, 2.0, 2.0, 2.6, 1.4}; /* grades unbroken */
    CsbTable *t = csb_table_new(7, w);
    static const char *const names[] = {"Authority", "Region", "Area", "From", "To",
                                        "Change", "Inspection"};
    for (int i = 0; i < 7; i++)
        csb_table_header(t, i, names[i]);
    for (guint i = 0; i < recent->len; i++) {
        const Recent *r = &g_array_index(recent, Recent, i);
        GPtrArray *row = csb_table_row(t);
        csb_table_cell(row, csb_rich_plain(r->story->authority->name));
        csb_table_cell(row, csb_rich_plain(r->story->authority->region));
        csb_table_cell(row, csb_rich_plain(r->history->area->title));
        csb_fmt_grade_cell(row, r->change->from->judgement->grade);
        csb_fmt_grade_cell(row, r->change->to->judgement->grade);
        char *words = csb_fmt_change(r->change);
        csb_table_cell(row, csb_rich_plain(words))->trend = csb_fmt_trend(r->change);
        g_free(words);
        /* A date column, newest first by the date the inspection ended
         * (the order of the table), not a report's name. */
        csb_table_date_as(row, csb_inspection_date(r->change->to->inspection), TRUE);
    }
    if (!recent->len)
        csb_doc_para(fm->doc, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                           "No headline grade changed in that time among the "
                                           "reports read."));
    else
        csb_doc_table(fm->doc, t);
    if (!recent->len)
        csb_table_free(t);
    g_array_free(recent, TRUE);
    g_ptr_array_free(all, TRUE);
}

static const CsbSection sections[] = {
    {"masthead", masthead}, {"national", national}, {"regions", regions},
    {"grades", grades},     {"changes", changes},
};

CsbSectionFn csb_overview_section(const char *id)
{
    return csb_fmt_section_in(sections, G_N_ELEMENTS(sections), id);
}
