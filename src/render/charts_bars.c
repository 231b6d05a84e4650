/* charts_bars.c - charts of rows: the grade matrix (authorities by area,
 * each cell the latest grade's words on its colour with an arrow for the
 * change since the inspection before, the date it is from under them, and
 * a dashed outline when it is older than the authority's latest known
 * inspection; drawn in parts when broken across pages), the peer
 * group's grade distribution per area (stacked bars, counts written, the
 * focus authority's grade outlined and named), and a theme's concerns,
 * mixed and strengths per inspection.
 */
#include "charts.h"

#define ROW_LABEL_W 128.0

static void trend_legend(const ChartPen *p, double x, double y, double w)
{
    static const CsbTrend trends[] = {CSB_TREND_BETTER, CSB_TREND_SAME, CSB_TREND_WORSE};
    static const char *const words[] = {"better than at the inspection before",
                                        "the same", "worse"};
    ChartText t = {7, FALSE, PANGO_ALIGN_LEFT, TRUE};
    double cx = x;
    for (guint i = 0; i < G_N_ELEMENTS(trends); i++) {
        csb_render_trend(p->cr, trends[i], cx, y + 0.5, 9, 9, chart_ink);
        double tw = chart_text_width(p, t, words[i]);
        chart_label(p, t, words[i], cx + 11, y, MIN(tw + 2, x + w - cx - 11), chart_muted);
        cx += 11 + tw + 14;
    }
    const char *none = "no arrow: no earlier grade";
    chart_label(p, t, none, cx, y, MAX(0, x + w - cx), chart_muted);
}

/* A row label, vertically centred on a row of height rh: on two lines
 * when the row has room for them ("Bournemouth, Christchurch and Poole"
 * whole in the matrix), else one; cut with an ellipsis only beyond. */
static void row_label(const ChartPen *p, const CsbChartRow *row, double x, double y, double rh)
{
    ChartText t = {7.8, row->emphasis, PANGO_ALIGN_LEFT, FALSE};
    PangoLayout *l = chart_layout(p, t, row->label, ROW_LABEL_W - 8);
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    pango_layout_set_height(l, rh >= 2.6 * t.size ? -2 : -1);
    int lw, lh;
    pango_layout_get_size(l, &lw, &lh);
    chart_set(p, chart_ink);
    cairo_move_to(p->cr, x, y + (rh - (double)lh / PANGO_SCALE) / 2);
    pango_cairo_show_layout(p->cr, l);
    g_object_unref(l);
}

void chart_matrix(const ChartPen *p, const CsbChart *c, guint from, guint to, double x, double y,
                  double w, double h)
{
    guint cols = c->columns->len ? c->columns->len : 1;
    double cw = (w - ROW_LABEL_W) / cols;
    double head = y + CSB_CHART_TITLE_H, top = head + CSB_CHART_HEAD_H;
    ChartText ht = {7.3, TRUE, PANGO_ALIGN_CENTER, FALSE};
    for (guint k = 0; k < c->columns->len; k++) {
        PangoLayout *l = chart_layout(p, ht, c->columns->pdata[k], cw - 4);
        int lw, lh;
        pango_layout_get_size(l, &lw, &lh);
        chart_set(p, chart_muted);
        cairo_move_to(p->cr, x + ROW_LABEL_W + k * cw + 2,
                      top - 3 - MIN((double)lh / PANGO_SCALE, CSB_CHART_HEAD_H - 2));
        pango_cairo_show_layout(p->cr, l);
        g_object_unref(l);
    }
    ChartText ct = {7, TRUE, PANGO_ALIGN_LEFT, TRUE};
    for (guint r = from; r < to; r++) {
        const CsbChartRow *row = c->rows->pdata[r];
        double ry = top + (r - from) * CSB_CHART_CELL_H, rh = CSB_CHART_CELL_H;
        if (row->emphasis) {
            chart_set(p, (CsbColour){0.94, 0.95, 0.97});
            cairo_rectangle(p->cr, x - 3, ry, w + 3, rh);
            cairo_fill(p->cr);
        }
        row_label(p, row, x, ry, rh);
        for (guint k = 0; k < row->marks->len && k < cols; k++) {
            const CsbChartMark *m = row->marks->pdata[k];
            double cx = x + ROW_LABEL_W + k * cw;
            chart_fill_grade(p, m->grade, cx + 1.5, ry + 1.5, cw - 3, rh - 3, 2);
            CsbColour ink = csb_grade_ink(m->grade);
            double arrow = m->trend && m->grade ? 10 : 0;
            const char *words = chart_grade_fitting(p, ct, m->grade, cw - 8 - arrow);
            double tw = MIN(chart_text_width(p, ct, words), cw - 8 - arrow);
            double tx = cx + (cw - tw - arrow) / 2;
            double wy = m->label ? ry + 3.5 : ry + (rh - 9.5) / 2;
            chart_label(p, ct, words, tx, wy, tw + 1, ink);
            if (arrow)
                csb_render_trend(p->cr, m->trend, tx + tw + 2, wy + 0.75, 8, 8, ink);
            if (m->label) {
                ChartText dt = {6.2, FALSE, PANGO_ALIGN_CENTER, TRUE};
                chart_label(p, dt, m->label, cx + 3, ry + rh - 11.5, cw - 6, ink);
            }
            if (m->stale) {
                static const double dash[] = {2.0, 1.5};
                chart_set(p, chart_ink);
                cairo_set_line_width(p->cr, 0.9);
                cairo_set_dash(p->cr, dash, 2, 0);
                cairo_rectangle(p->cr, cx + 2.5, ry + 2.5, cw - 5, rh - 5);
                cairo_stroke(p->cr);
                cairo_set_dash(p->cr, NULL, 0, 0);
            }
        }
        if (row->emphasis) {
            chart_set(p, chart_ink);
            cairo_set_line_width(p->cr, 1.2);
            cairo_rectangle(p->cr, x + ROW_LABEL_W + 0.6, ry + 0.6, cols * cw - 1.2, rh - 1.2);
            cairo_stroke(p->cr);
        }
    }
    if (to >= c->rows->len)
        trend_legend(p, x, y + h - CSB_CHART_LEGEND_H + 5, w);
}

/* ---- stacked bars ------------------------------------------------------ */

typedef struct {
    double x, w;
} Segment;

/* Count written in its segment when it fits. */
static void count_label(const ChartPen *p, int n, Segment s, double y, double rh, CsbColour ink)
{
    ChartText t = {7, TRUE, PANGO_ALIGN_CENTER, TRUE};
    char *num = g_strdup_printf("%d", n);
    if (chart_text_width(p, t, num) + 2 <= s.w)
        chart_label(p, t, num, s.x, y + (rh - 9.5) / 2, s.w, ink);
    g_free(num);
}

void chart_distribution(const ChartPen *p, const CsbChart *c, double x, double y, double w,
                        double h)
{
    static const CsbGrade order[] = {CSB_GRADE_OUTSTANDING, CSB_GRADE_GOOD,
                                     CSB_GRADE_REQUIRES_IMPROVEMENT, CSB_GRADE_ADEQUATE,
                                     CSB_GRADE_INADEQUATE, CSB_GRADE_NONE};
    double note_w = 118, bar_x = x + ROW_LABEL_W, bar_w = w - ROW_LABEL_W - note_w;
    int most = 1;
    gboolean none = FALSE;
    for (guint r = 0; r < c->rows->len; r++) {
        const CsbChartRow *row = c->rows->pdata[r];
        none |= row->counts[CSB_GRADE_NONE] > 0;
        int sum = 0;
        for (int g = 0; g < CSB_GRADE_COUNT; g++)
            sum += row->counts[g];
        most = MAX(most, sum);
    }
    double top = y + CSB_CHART_TITLE_H + 12, rh = CSB_CHART_ROW_H;
    ChartText nt = {7, FALSE, PANGO_ALIGN_LEFT, TRUE};
    ChartText head = {7, TRUE, PANGO_ALIGN_LEFT, TRUE};
    if (c->focus_name)
        chart_label(p, head, c->focus_name, bar_x + bar_w + 8, top - 11, note_w - 8, chart_muted);
    for (guint r = 0; r < c->rows->len; r++) {
        const CsbChartRow *row = c->rows->pdata[r];
        double ry = top + r * rh, bx = bar_x;
        row_label(p, row, x, ry, rh);
        Segment focus = {0, 0};
        for (guint i = 0; i < G_N_ELEMENTS(order); i++) {
            int n = row->counts[order[i]];
            if (!n)
                continue;
            Segment s = {bx, bar_w * n / most};
            chart_fill_grade(p, order[i], s.x + 0.5, ry + 2, s.w - 1, rh - 4, 0);
            count_label(p, n, s, ry, rh, csb_grade_ink(order[i]));
            if (c->focus_name && order[i] == row->focus)
                focus = s;
            bx += s.w;
        }
        if (focus.w > 0) {
            chart_set(p, chart_ink);
            cairo_set_line_width(p->cr, 1.6);
            cairo_rectangle(p->cr, focus.x + 0.5, ry + 1.5, focus.w - 1, rh - 3);
            cairo_stroke(p->cr);
        }
        if (row->note)
            chart_label(p, nt, row->note, bar_x + bar_w + 8, ry + (rh - 9.5) / 2, note_w - 8,
                        chart_muted);
    }
    chart_grade_legend(p, x, y + h - CSB_CHART_LEGEND_H + 5, w, none);
}

void chart_themes(const ChartPen *p, const CsbChart *c, double x, double y, double w, double h)
{
    static const char *const words[] = {"Concerns", "Mixed", "Strengths"};
    double note_w = 90, bar_x = x + ROW_LABEL_W, bar_w = w - ROW_LABEL_W - note_w;
    int most = 1;
    for (guint r = 0; r < c->rows->len; r++) {
        const CsbChartRow *row = c->rows->pdata[r];
        most = MAX(most, row->theme_counts[0] + row->theme_counts[1] + row->theme_counts[2]);
    }
    most = MAX(most, 6); /* one paragraph is not a full bar */
    double top = y + CSB_CHART_TITLE_H, rh = CSB_CHART_ROW_H;
    ChartText nt = {7, FALSE, PANGO_ALIGN_LEFT, TRUE};
    for (guint r = 0; r < c->rows->len; r++) {
        const CsbChartRow *row = c->rows->pdata[r];
        double ry = top + r * rh, bx = bar_x;
        int total = 0;
        row_label(p, row, x, ry, rh);
        for (int tone = 0; tone < 3; tone++) {
            int n = row->theme_counts[tone];
            total += n;
            if (!n)
                continue;
            Segment s = {bx, bar_w * n / most};
            chart_set(p, chart_tone_fill(tone));
            cairo_rectangle(p->cr, s.x + 0.5, ry + 2, s.w - 1, rh - 4);
            cairo_fill(p->cr);
            count_label(p, n, s, ry, rh, chart_tone_ink(tone));
            bx += s.w;
        }
        char *note = total ? g_strdup_printf("%d paragraph%s", total, total == 1 ? "" : "s")
                           : g_strdup("mentioned, no judgement");
        chart_label(p, nt, note, bar_x + bar_w + 8, ry + (rh - 9.5) / 2, note_w - 8,
                    chart_muted);
        g_free(note);
    }
    ChartText t = {7, FALSE, PANGO_ALIGN_LEFT, TRUE};
    double lx = x, ly = y + h - CSB_CHART_LEGEND_H + 5;
    for (int tone = 0; tone < 3; tone++) {
        chart_set(p, chart_tone_fill(tone));
        cairo_rectangle(p->cr, lx, ly + 1.5, 14, 8);
        cairo_fill(p->cr);
        double tw = chart_text_width(p, t, words[tone]);
        chart_label(p, t, words[tone], lx + 18, ly, tw + 2, chart_muted);
        lx += 18 + tw + 14;
    }
}
