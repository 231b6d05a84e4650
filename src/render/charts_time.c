/* charts_time.c - charts over time. The grade history is one small panel
 * per area: four bands, one per grade and named at the left, with each
 * graded inspection a dot in its band at its date, joined in order, so a
 * rise or fall reads as a line going up or down. The timeline puts every
 * inspection and visit on one axis, labels stacked in lanes so none
 * overlaps another.
 */
#include "charts.h"

#include <math.h>
#include <string.h>

#define LABEL_W 112.0 /* history: area names */
#define BANDS_W 66.0  /* history: grade names on the bands */

/* Year ticks: every year, every second or every fifth, by span. */
static int year_step(double span)
{
    return span <= 9 ? 1 : span <= 18 ? 2 : 5;
}

static void year_axis(const ChartPen *p, const CsbChart *c, double px0, double pw, double top,
                      double bottom, gboolean grid)
{
    double span = c->x_max - c->x_min > 0 ? c->x_max - c->x_min : 1;
    int step = year_step(span);
    ChartText t = {7, FALSE, PANGO_ALIGN_CENTER, TRUE};
    for (int yr = (int)ceil(c->x_min); yr <= (int)c->x_max; yr++) {
        if (yr % step)
            continue;
        double gx = px0 + (yr - c->x_min) / span * pw;
        cairo_new_path(p->cr);
        chart_set(p, chart_rule);
        cairo_set_line_width(p->cr, 0.5);
        cairo_move_to(p->cr, gx, grid ? top : bottom - 3);
        cairo_line_to(p->cr, gx, bottom);
        cairo_stroke(p->cr);
        char *label = g_strdup_printf("%d", yr);
        chart_label(p, t, label, gx - 18, bottom + 2, 36, chart_muted);
        g_free(label);
    }
}

static double x_of(const CsbChart *c, double year, double px0, double pw)
{
    double span = c->x_max - c->x_min > 0 ? c->x_max - c->x_min : 1;
    return px0 + (year - c->x_min) / span * pw;
}

/* Band of a grade, 0 (outstanding) to 3 (inadequate). */
static int band_of(CsbGrade g)
{
    int rank = csb_grade_rank(g);
    return rank ? rank - 1 : -1;
}

static CsbColour pale(CsbColour c, double keep)
{
    return (CsbColour){1 - (1 - c.r) * keep, 1 - (1 - c.g) * keep, 1 - (1 - c.b) * keep};
}

/* Where a grade mark sits in a history panel whose top is py; FALSE for a
 * grade with no band (not graded, not known). */
static gboolean mark_point(const CsbChart *c, const CsbChartMark *m, double px0, double pw,
                           double py, double *mx, double *my)
{
    int b = band_of(m->grade);
    if (b < 0)
        return FALSE;
    *mx = x_of(c, m->x, px0, pw);
    *my = py + (b + 0.5) * CSB_CHART_BAND_H;
    return TRUE;
}

void chart_history(const ChartPen *p, const CsbChart *c, double x, double y, double w, double h)
{
    static const CsbGrade bands[] = {CSB_GRADE_OUTSTANDING, CSB_GRADE_GOOD,
                                     CSB_GRADE_REQUIRES_IMPROVEMENT, CSB_GRADE_INADEQUATE};
    static const char *const names[] = {"Outstanding", "Good", "RI / adequate", "Inadequate"};
    double px0 = x + LABEL_W + BANDS_W, pw = w - LABEL_W - BANDS_W - 10;
    double panel_h = 4 * CSB_CHART_BAND_H;
    double top = y + CSB_CHART_TITLE_H;
    double axis = top + c->rows->len * (panel_h + CSB_CHART_PANEL_GAP) - CSB_CHART_PANEL_GAP;
    year_axis(p, c, px0, pw, top, axis, TRUE);
    ChartText area = {8, TRUE, PANGO_ALIGN_LEFT, FALSE};
    ChartText note = {6.8, FALSE, PANGO_ALIGN_LEFT, FALSE};
    ChartText band = {6.3, FALSE, PANGO_ALIGN_RIGHT, TRUE};
    for (guint r = 0; r < c->rows->len; r++) {
        const CsbChartRow *row = c->rows->pdata[r];
        double py = top + r * (panel_h + CSB_CHART_PANEL_GAP);
        double lh = chart_label(p, area, row->label, x, py + 1, LABEL_W - 8, chart_ink);
        if (row->note)
            chart_label(p, note, row->note, x, py + 1 + lh, LABEL_W - 8, chart_muted);
        for (int b = 0; b < 4; b++) {
            double by = py + b * CSB_CHART_BAND_H;
            chart_set(p, pale(csb_grade_fill(bands[b]), 0.22));
            cairo_rectangle(p->cr, px0 - 4, by, pw + 8, CSB_CHART_BAND_H);
            cairo_fill(p->cr);
            chart_label(p, band, names[b], px0 - BANDS_W, by + 0.2, BANDS_W - 8, chart_muted);
        }
        /* The path, then the dots over it. */
        cairo_new_path(p->cr);
        chart_set(p, chart_ink);
        cairo_set_line_width(p->cr, 1.1);
        gboolean started = FALSE;
        for (guint k = 0; k < row->marks->len; k++) {
            const CsbChartMark *m = row->marks->pdata[k];
            double mx, my;
            if (!mark_point(c, m, px0, pw, py, &mx, &my))
                continue;
            if (started)
                cairo_line_to(p->cr, mx, my);
            else
                cairo_move_to(p->cr, mx, my);
            started = TRUE;
        }
        cairo_stroke(p->cr);
        for (guint k = 0; k < row->marks->len; k++) {
            const CsbChartMark *m = row->marks->pdata[k];
            double mx, my;
            if (!mark_point(c, m, px0, pw, py, &mx, &my))
                continue;
            cairo_new_path(p->cr);
            cairo_arc(p->cr, mx, my, 3.3, 0, 2 * G_PI);
            chart_set(p, csb_grade_fill(m->grade));
            cairo_fill_preserve(p->cr);
            chart_set(p, chart_ink);
            cairo_set_line_width(p->cr, 0.8);
            cairo_stroke(p->cr);
        }
    }
}

/* ---- timeline ---------------------------------------------------------- */

typedef struct {
    const CsbChartMark *mark;
    double mx, left, width;
    PangoLayout *name, *detail;
    int lane;
} Placed;

static void marker(const ChartPen *p, const CsbChartMark *m, double mx, double my)
{
    cairo_new_path(p->cr);
    if (m->graded) {
        chart_fill_grade(p, m->grade, mx - 4.5, my - 4.5, 9, 9, 1);
        chart_set(p, chart_ink);
        cairo_set_line_width(p->cr, 0.7);
        cairo_rectangle(p->cr, mx - 4.5, my - 4.5, 9, 9);
        cairo_stroke(p->cr);
    } else {
        cairo_arc(p->cr, mx, my, 3.6, 0, 2 * G_PI);
        cairo_set_source_rgb(p->cr, 1, 1, 1);
        cairo_fill_preserve(p->cr);
        chart_set(p, chart_ink);
        cairo_set_line_width(p->cr, 1.0);
        cairo_stroke(p->cr);
    }
}

void chart_timeline(const ChartPen *p, const CsbChart *c, double x, double y, double w, double h)
{
    const CsbChartRow *row = c->rows->len ? c->rows->pdata[0] : NULL;
    double px0 = x + 30, pw = w - 60;
    int lanes = csb_chart_lanes(c);
    double axis = y + CSB_CHART_TITLE_H + lanes * CSB_CHART_LANE_H + 8;
    cairo_new_path(p->cr);
    chart_set(p, chart_muted);
    cairo_set_line_width(p->cr, 0.9);
    cairo_move_to(p->cr, x, axis);
    cairo_line_to(p->cr, x + w, axis);
    cairo_stroke(p->cr);
    year_axis(p, c, px0, pw, axis, axis + 6, FALSE);
    guint n = row ? row->marks->len : 0;
    Placed *pl = g_new0(Placed, n ? n : 1);
    double lane_end[CSB_CHART_LANES];
    for (int i = 0; i < CSB_CHART_LANES; i++)
        lane_end[i] = -G_MAXDOUBLE;
    ChartText bold = {7, TRUE, PANGO_ALIGN_CENTER, FALSE};
    ChartText small = {6.5, FALSE, PANGO_ALIGN_CENTER, FALSE};
    for (guint k = 0; k < n; k++) {
        Placed *q = &pl[k];
        q->mark = row->marks->pdata[k];
        q->mx = x_of(c, q->mark->x, px0, pw);
        const char *detail = q->mark->label ? strchr(q->mark->label, '\n') : NULL;
        char *name = detail ? g_strndup(q->mark->label, (gsize)(detail - q->mark->label))
                            : g_strdup(q->mark->label ? q->mark->label : "");
        q->width = MAX(chart_text_width(p, bold, name),
                       detail ? chart_text_width(p, small, detail + 1) : 0) + 2;
        q->name = chart_layout(p, bold, name, q->width);
        q->detail = detail ? chart_layout(p, small, detail + 1, q->width) : NULL;
        g_free(name);
        q->left = CLAMP(q->mx - q->width / 2, x, x + w - q->width);
        /* The nearest lane where it does not touch the label before it. */
        q->lane = 0;
        for (int lane = 0; lane < lanes; lane++)
            if (q->left > lane_end[lane] + 5) {
                q->lane = lane;
                break;
            } else if (lane_end[lane] < lane_end[q->lane]) {
                q->lane = lane;
            }
        lane_end[q->lane] = q->left + q->width;
    }
    /* Leaders first, then each label on a white ground over them. */
    for (guint k = 0; k < n; k++) {
        const Placed *q = &pl[k];
        double ly = axis - 10 - (q->lane + 1) * CSB_CHART_LANE_H + 2;
        cairo_new_path(p->cr);
        chart_set(p, chart_rule);
        cairo_set_line_width(p->cr, 0.6);
        cairo_move_to(p->cr, q->mx, axis - 5);
        cairo_line_to(p->cr, q->mx, ly + CSB_CHART_LANE_H - 4);
        cairo_stroke(p->cr);
    }
    for (guint k = 0; k < n; k++) {
        const Placed *q = &pl[k];
        double ly = axis - 10 - (q->lane + 1) * CSB_CHART_LANE_H + 2;
        cairo_set_source_rgb(p->cr, 1, 1, 1);
        cairo_rectangle(p->cr, q->left - 1.5, ly - 0.5, q->width + 3, CSB_CHART_LANE_H - 3);
        cairo_fill(p->cr);
        chart_set(p, chart_ink);
        cairo_move_to(p->cr, q->left, ly);
        pango_cairo_show_layout(p->cr, q->name);
        if (q->detail) {
            chart_set(p, chart_muted);
            cairo_move_to(p->cr, q->left, ly + 9);
            pango_cairo_show_layout(p->cr, q->detail);
        }
    }
    for (guint k = 0; k < n; k++)
        marker(p, pl[k].mark, pl[k].mx, axis);
    for (guint k = 0; k < n; k++) {
        g_object_unref(pl[k].name);
        if (pl[k].detail)
            g_object_unref(pl[k].detail);
    }
    g_free(pl);
    /* Legend: what the two marker shapes mean. */
    double ly = y + h - CSB_CHART_LEGEND_H + 4;
    ChartText t = {7, FALSE, PANGO_ALIGN_LEFT, TRUE};
    CsbChartMark graded = {0, CSB_GRADE_GOOD, CSB_TREND_NONE, TRUE, NULL, FALSE};
    CsbChartMark visit = {0, CSB_GRADE_NONE, CSB_TREND_NONE, FALSE, NULL, FALSE};
    marker(p, &graded, x + 5, ly + 5);
    const char *g_words = "Graded inspection, coloured by its overall grade";
    double gw = chart_text_width(p, t, g_words);
    chart_label(p, t, g_words, x + 14, ly, gw + 2, chart_muted);
    marker(p, &visit, x + 30 + gw, ly + 5);
    chart_label(p, t, "Visit, review or other report (not graded)", x + 39 + gw, ly,
                w - gw - 40, chart_muted);
}
