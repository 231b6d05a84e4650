/* fmt_charts.c - the charts a briefing draws, built from a comparison:
 * grade history panels and the timeline of one authority, the grade
 * matrix and grade distribution of the peer group, and a theme's evidence
 * report by report. Each has a caption that says how to read it. A chart
 * labels a report by the month its inspection ended, short ("Mar 2023",
 * csb_fmt_month_short): a label or a cell of the matrix has no room for the
 * months it was held, which the text around it names.
 */
#include "format.h"

const char *csb_fmt_kind_short(const CsbFrameworks *fw, CsbKind k)
{
    return csb_frameworks_short_name(fw, k);
}

double csb_fmt_year(CsbDate d)
{
    return d.year + (d.month - 1) / 12.0 + (d.day - 1) / 365.0;
}

/* Years from the first to the last x, whole years either side. */
static void year_range(CsbChart *c, double lo, double hi)
{
    if (lo > hi) {
        lo = 2010;
        hi = 2026;
    }
    c->x_min = (int)lo;
    c->x_max = (int)hi + 1;
    if (c->x_max - c->x_min < 4)
        c->x_min = c->x_max - 4;
}

CsbChart *csb_fmt_history_chart(const CsbStory *s)
{
    CsbChart *c = csb_chart_new(CSB_CHART_HISTORY, "Grades over time, area by area");
    double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
    for (guint i = 0; i < s->histories->len; i++) {
        const CsbAreaHistory *h = s->histories->pdata[i];
        if (!h->area->headline || !h->points->len)
            continue;
        CsbChartRow *row = csb_chart_add_row(c, h->area->short_title);
        const CsbGradePoint *last = csb_history_latest(h);
        char *when = csb_fmt_month_short(csb_inspection_date(last->inspection));
        row->note = g_strdup_printf("Latest: %s, %s", csb_grade_title(last->judgement->grade),
                                    when);
        g_free(when);
        for (guint k = 0; k < h->points->len; k++) {
            const CsbGradePoint *p = h->points->pdata[k];
            CsbDate d = csb_inspection_date(p->inspection);
            if (!csb_date_valid(d))
                continue;
            double x = csb_fmt_year(d);
            csb_chart_add_mark(row, x, p->judgement->grade, CSB_TREND_NONE);
            lo = MIN(lo, x);
            hi = MAX(hi, x);
        }
    }
    year_range(c, lo, hi);
    c->caption = g_strdup(
        "Each dot is a graded inspection, placed at its date in the band of its grade; the line "
        "joins an area\u2019s grades in order, so a line that rises means a better grade. "
        "Grades from before 2023, when children in care and care leavers were judged together, "
        "count for both areas.");
    csb_chart_fit(c);
    return c;
}

CsbChart *csb_fmt_timeline_chart(const CsbFrameworks *fw, const CsbStory *s)
{
    CsbChart *c = csb_chart_new(CSB_CHART_TIMELINE, "Inspections and visits over time");
    CsbChartRow *row = csb_chart_add_row(c, s->authority->name);
    double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
    int undated = 0;
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        CsbDate d = csb_inspection_date(in);
        if (!csb_date_valid(d)) {
            undated++;
            continue;
        }
        const CsbJudgement *o = csb_inspection_judgement(in, "overall");
        gboolean graded = csb_frameworks_graded(fw, in->kind) && in->judgements->len;
        CsbChartMark *m = csb_chart_add_mark(row, csb_fmt_year(d), o ? o->grade : CSB_GRADE_NONE,
                                             CSB_TREND_NONE);
        m->graded = graded;
        char *when = csb_fmt_month_short(d);
        m->label = g_strdup_printf("%s\n%s%s%s", csb_fmt_kind_short(fw, in->kind), when,
                                   graded ? " \u00B7 " : "",
                                   !graded ? "" : o ? csb_grade_title(o->grade) : "no overall grade");
        g_free(when);
        lo = MIN(lo, m->x);
        hi = MAX(hi, m->x);
    }
    year_range(c, lo, hi);
    c->caption = undated ? g_strdup_printf("%d report%s with no date stated %s not shown.", undated,
                                           undated == 1 ? "" : "s", undated == 1 ? "is" : "are")
                         : NULL;
    csb_chart_fit(c);
    return c;
}

static CsbTrend trend_for(const CsbStory *s, const char *area)
{
    const CsbAreaHistory *h = csb_story_history(s, area);
    if (!h || !h->changes->len)
        return CSB_TREND_NONE;
    return csb_fmt_trend(h->changes->pdata[h->changes->len - 1]);
}

gboolean csb_fmt_grade_stale(const CsbFrameworks *fw, const CsbStory *s,
                             const CsbAreaHistory *h)
{
    const CsbGradePoint *p = csb_history_latest(h);
    return p && (!csb_history_current(h) ||
                 csb_date_compare(csb_inspection_date(p->inspection),
                                  csb_story_latest_known(s, fw)) < 0);
}

/* Each cell: the latest grade, its date, and a dashed outline and an
 * asterisk when it is older than the authority's latest known inspection
 * (then no arrow: the change it would show is not the current one). */
static void matrix_row(CsbChart *c, const CsbFrameworks *fw, const CsbComparison *cmp,
                       const CsbStory *s, gboolean focus)
{
    CsbChartRow *row = csb_chart_add_row(c, s->authority->name);
    row->emphasis = focus;
    for (guint i = 0; i < cmp->peer_areas->len; i++) {
        const CsbPeerArea *pa = cmp->peer_areas->pdata[i];
        const CsbAreaHistory *h = csb_story_history(s, pa->area->id);
        const CsbGradePoint *p = h ? csb_history_latest(h) : NULL;
        gboolean stale = p && csb_fmt_grade_stale(fw, s, h);
        CsbChartMark *m =
            csb_chart_add_mark(row, i, p ? p->judgement->grade : CSB_GRADE_NONE,
                               p && !stale ? trend_for(s, pa->area->id) : CSB_TREND_NONE);
        if (!p)
            continue;
        char *when = csb_fmt_month_short(csb_inspection_date(p->inspection));
        m->label = g_strdup_printf("%s%s", when, stale ? " *" : "");
        m->stale = stale;
        g_free(when);
    }
}

CsbChart *csb_fmt_matrix_chart(const CsbComparison *cmp)
{
    const CsbFrameworks *fw = csb_areas_frameworks(cmp->areas);
    CsbChart *c = csb_chart_new(CSB_CHART_MATRIX, "Latest grades, authority by area");
    for (guint i = 0; i < cmp->peer_areas->len; i++)
        g_ptr_array_add(c->columns, g_strdup(((const CsbPeerArea *)cmp->peer_areas->pdata[i])
                                                 ->area->short_title));
    matrix_row(c, fw, cmp, cmp->focus, TRUE);
    for (guint i = 0; i < cmp->peers->len; i++)
        matrix_row(c, fw, cmp, cmp->peers->pdata[i], FALSE);
    /* The caption explains only what the grid shows: the dashed cells
     * when there are some (the note under the grid says why). */
    gboolean stale = FALSE;
    for (guint r = 0; r < c->rows->len && !stale; r++) {
        const CsbChartRow *row = c->rows->pdata[r];
        for (guint k = 0; k < row->marks->len && !stale; k++)
            stale = ((const CsbChartMark *)row->marks->pdata[k])->stale;
    }
    c->caption = g_strdup_printf("Each authority\u2019s latest grade read in each area, with the "
                                 "month of the inspection it is from (the dates differ between "
                                 "authorities). The arrow compares it with the authority\u2019s "
                                 "own grade at the inspection before.%s",
                                 stale ? " A dashed cell marked * is older than the "
                                         "authority\u2019s latest known inspection: the note "
                                         "below says why."
                                       : "");
    csb_chart_fit(c);
    return c;
}

CsbChart *csb_fmt_distribution_chart(const CsbComparison *cmp)
{
    CsbChart *c = csb_chart_new(CSB_CHART_DISTRIBUTION, "How the group's latest grades spread");
    c->focus_name = g_strdup(cmp->focus->authority->name);
    for (guint i = 0; i < cmp->peer_areas->len; i++) {
        const CsbPeerArea *pa = cmp->peer_areas->pdata[i];
        CsbChartRow *row = csb_chart_add_row(c, pa->area->short_title);
        for (int g = 0; g < CSB_GRADE_COUNT; g++)
            row->counts[g] = pa->counts[g];
        row->focus = pa->focus;
        row->note = g_strdup(csb_grade_title(pa->focus));
    }
    gboolean none = FALSE;
    for (guint i = 0; i < c->rows->len; i++)
        none |= ((const CsbChartRow *)c->rows->pdata[i])->counts[CSB_GRADE_NONE] > 0;
    c->caption = g_strdup_printf(
        "Number of authorities in the group (%s and %u comparator%s) at each grade in each area; "
        "the outlined segment holds %s.%s",
        cmp->focus->authority->name, cmp->peers->len, cmp->peers->len == 1 ? "" : "s",
        cmp->focus->authority->name,
        none ? " Grey: an authority with no current grade in that area (not judged at its "
               "latest inspection, or a later report not read)."
             : "");
    csb_chart_fit(c);
    return c;
}

CsbChart *csb_fmt_theme_chart(const CsbFrameworks *fw, const CsbThemeStory *t)
{
    CsbChart *c = csb_chart_new(CSB_CHART_THEME_TIMELINE, "What each report said on this theme");
    for (guint k = 0; k < t->timeline->len; k++) {
        const CsbThemePoint *p = t->timeline->pdata[k];
        char *when = csb_fmt_month_short(csb_inspection_date(p->inspection));
        char *label = g_strdup_printf("%s, %s", csb_fmt_kind_short(fw, p->inspection->kind), when);
        CsbChartRow *row = csb_chart_add_row(c, label);
        row->theme_counts[CSB_TONE_COUNT_CONCERNS] = p->concerns;
        row->theme_counts[CSB_TONE_COUNT_MIXED] = p->mixed;
        row->theme_counts[CSB_TONE_COUNT_STRENGTHS] = p->strengths;
        g_free(label);
        g_free(when);
    }
    c->caption = g_strdup("Paragraphs of each report that speak to the theme, by what they "
                          "say: a concern, a strength, or both (mixed). Paragraphs that only "
                          "describe are not counted.");
    csb_chart_fit(c);
    return c;
}
