/* chart.c - chart descriptions in the document tree: rows and marks a
 * formatter fills, and the height each kind of chart needs (and each part
 * of one broken across pages between its rows), so the flow engine can
 * place a chart before the renderer draws it (charts.c draws to the same
 * geometry, from the CSB_CHART_* constants in doc.h).
 */
#include "doc.h"

CsbChart *csb_chart_new(CsbChartKind kind, const char *title)
{
    CsbChart *c = g_new0(CsbChart, 1);
    c->kind = kind;
    c->title = g_strdup(title);
    c->columns = g_ptr_array_new_with_free_func(g_free);
    c->rows = g_ptr_array_new();
    return c;
}

CsbChartRow *csb_chart_add_row(CsbChart *c, const char *label)
{
    CsbChartRow *r = g_new0(CsbChartRow, 1);
    r->label = g_strdup(label);
    r->marks = g_ptr_array_new();
    g_ptr_array_add(c->rows, r);
    return r;
}

CsbChartMark *csb_chart_add_mark(CsbChartRow *row, double x, CsbGrade grade, CsbTrend trend)
{
    CsbChartMark *m = g_new0(CsbChartMark, 1);
    m->x = x;
    m->grade = grade;
    m->trend = trend;
    g_ptr_array_add(row->marks, m);
    return m;
}

int csb_chart_lanes(const CsbChart *c)
{
    guint marks = c->rows->len ? ((const CsbChartRow *)c->rows->pdata[0])->marks->len : 0;
    return CLAMP((int)marks, 1, CSB_CHART_LANES);
}

void csb_chart_fit(CsbChart *c)
{
    double rows = c->rows->len ? c->rows->len : 1;
    switch (c->kind) {
    case CSB_CHART_HISTORY:
        c->height = CSB_CHART_TITLE_H + rows * (4 * CSB_CHART_BAND_H + CSB_CHART_PANEL_GAP) +
                    CSB_CHART_AXIS_H;
        break;
    case CSB_CHART_TIMELINE:
        c->height = CSB_CHART_TITLE_H + csb_chart_lanes(c) * CSB_CHART_LANE_H + 14 +
                    CSB_CHART_AXIS_H + CSB_CHART_LEGEND_H;
        break;
    case CSB_CHART_MATRIX:
        c->height = csb_chart_part_height(c, 0, c->rows->len);
        break;
    case CSB_CHART_DISTRIBUTION: /* a line for the focus column's heading */
        c->height = CSB_CHART_TITLE_H + 12 + rows * CSB_CHART_ROW_H + 6 + CSB_CHART_LEGEND_H;
        break;
    case CSB_CHART_THEME_TIMELINE:
        c->height = CSB_CHART_TITLE_H + rows * CSB_CHART_ROW_H + 6 + CSB_CHART_LEGEND_H;
        break;
    }
}

gboolean csb_chart_splits(const CsbChart *c)
{
    return c->kind == CSB_CHART_MATRIX;
}

double csb_chart_part_height(const CsbChart *c, guint from, guint to)
{
    double rows = to > from ? to - from : 1; /* an empty chart keeps a row's room */
    gboolean last = to >= c->rows->len;
    return CSB_CHART_TITLE_H + CSB_CHART_HEAD_H + rows * CSB_CHART_CELL_H +
           (last ? 6 + CSB_CHART_LEGEND_H : 0);
}

void csb_chart_free(CsbChart *c)
{
    if (!c)
        return;
    for (guint i = 0; i < c->rows->len; i++) {
        CsbChartRow *r = c->rows->pdata[i];
        for (guint k = 0; k < r->marks->len; k++) {
            CsbChartMark *m = r->marks->pdata[k];
            g_free(m->label);
            g_free(m);
        }
        g_ptr_array_free(r->marks, TRUE);
        g_free(r->label);
        g_free(r->note);
        g_free(r);
    }
    g_ptr_array_free(c->rows, TRUE);
    g_ptr_array_free(c->columns, TRUE);
    g_free(c->title);
    g_free(c->caption);
    g_free(c->focus_name);
    g_free(c);
}
