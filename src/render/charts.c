/* charts.c - charts drawn with Cairo: grade history per area over time,
 * the grade matrix of authorities by area with change arrows, and the peer
 * group's grade distribution. Every mark carries its grade's words, so no
 * reading depends on colour alone.
 */
#include "render.h"

#include <string.h>

static const char *grade_short(CsbGrade g)
{
    switch (g) {
    case CSB_GRADE_OUTSTANDING:
        return "Outstanding";
    case CSB_GRADE_GOOD:
        return "Good";
    case CSB_GRADE_REQUIRES_IMPROVEMENT:
        return "Req. improv.";
    case CSB_GRADE_ADEQUATE:
        return "Adequate";
    case CSB_GRADE_INADEQUATE:
        return "Inadequate";
    default:
        return "\u2014";
    }
}

/* Plain text (never markup) at (x, y) within width w. Returns its height. */
static double label(cairo_t *cr, PangoContext *ctx, const char *font, double size, gboolean bold,
                    const char *text, double x, double y, double w, PangoAlignment align,
                    CsbColour ink)
{
    PangoLayout *l = pango_layout_new(ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, font);
    pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(w * PANGO_SCALE));
    pango_layout_set_alignment(l, align);
    pango_layout_set_text(l, text, -1);
    int lw, lh;
    pango_layout_get_size(l, &lw, &lh);
    cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
    return (double)lh / PANGO_SCALE;
}

static void fill_grade(cairo_t *cr, CsbGrade g, double x, double y, double w, double h)
{
    CsbColour c = csb_grade_fill(g);
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
    if (g == CSB_GRADE_INADEQUATE) {
        cairo_save(cr);
        cairo_rectangle(cr, x, y, w, h);
        cairo_clip(cr);
        cairo_set_source_rgba(cr, 1, 1, 1, 0.28);
        cairo_set_line_width(cr, 1.1);
        for (double d = -h; d < w; d += 4.5) {
            cairo_move_to(cr, x + d, y + h);
            cairo_line_to(cr, x + d + h, y);
        }
        cairo_stroke(cr);
        cairo_restore(cr);
    }
}

static const CsbColour ink = {0.11, 0.12, 0.14}, muted = {0.36, 0.40, 0.45},
                       rule = {0.80, 0.83, 0.86};

static void history(cairo_t *cr, PangoContext *ctx, const char *font, const CsbChart *c, double x,
                    double y, double w, double h)
{
    double left = 110, top = 20, bottom = 18;
    label(cr, ctx, font, 9, TRUE, c->title, x, y, w, PANGO_ALIGN_LEFT, ink);
    guint n = c->rows->len ? c->rows->len : 1;
    double row_h = (h - top - bottom) / n;
    double span = c->x_max - c->x_min > 0 ? c->x_max - c->x_min : 1;
    double px0 = x + left, pw = w - left - 40;
    /* Year grid. */
    int step = span > 10 ? 2 : 1;
    for (int yr = (int)c->x_min; yr <= (int)c->x_max; yr += step) {
        double gx = px0 + (yr - c->x_min) / span * pw;
        cairo_set_source_rgb(cr, rule.r, rule.g, rule.b);
        cairo_set_line_width(cr, 0.4);
        cairo_move_to(cr, gx, y + top);
        cairo_line_to(cr, gx, y + h - bottom);
        cairo_stroke(cr);
        char *t = g_strdup_printf("%d", yr);
        label(cr, ctx, font, 7, FALSE, t, gx - 20, y + h - bottom + 3, 40, PANGO_ALIGN_CENTER,
              muted);
        g_free(t);
    }
    for (guint r = 0; r < c->rows->len; r++) {
        const CsbChartRow *row = c->rows->pdata[r];
        double cy = y + top + row_h * (r + 0.5);
        label(cr, ctx, font, 8, TRUE, row->label, x, cy - 5, left - 8, PANGO_ALIGN_LEFT, ink);
        cairo_set_source_rgb(cr, 0.55, 0.58, 0.62);
        cairo_set_line_width(cr, 1.0);
        for (guint k = 1; k < row->marks->len; k++) {
            const CsbChartMark *a = row->marks->pdata[k - 1], *b = row->marks->pdata[k];
            cairo_move_to(cr, px0 + (a->x - c->x_min) / span * pw, cy);
            cairo_line_to(cr, px0 + (b->x - c->x_min) / span * pw, cy);
        }
        cairo_stroke(cr);
        for (guint k = 0; k < row->marks->len; k++) {
            const CsbChartMark *m = row->marks->pdata[k];
            double mx = px0 + (m->x - c->x_min) / span * pw;
            double mw = 52, mh = MIN(row_h - 6, 14);
            fill_grade(cr, m->grade, mx - mw / 2, cy - mh / 2, mw, mh);
            label(cr, ctx, font, 6.5, TRUE, grade_short(m->grade), mx - mw / 2, cy - mh / 2 + 2,
                  mw, PANGO_ALIGN_CENTER, csb_grade_ink(m->grade));
        }
    }
}

static void matrix(cairo_t *cr, PangoContext *ctx, const char *font, const CsbChart *c, double x,
                   double y, double w, double h)
{
    double left = 130, head = 26;
    label(cr, ctx, font, 9, TRUE, c->title, x, y, w, PANGO_ALIGN_LEFT, ink);
    guint cols = c->columns->len ? c->columns->len : 1;
    double cw = (w - left) / cols;
    double rh = c->rows->len ? MIN(20, (h - head - 14) / c->rows->len) : 20;
    for (guint k = 0; k < c->columns->len; k++)
        label(cr, ctx, font, 7.5, TRUE, c->columns->pdata[k], x + left + k * cw, y + 13, cw,
              PANGO_ALIGN_CENTER, muted);
    for (guint r = 0; r < c->rows->len; r++) {
        const CsbChartRow *row = c->rows->pdata[r];
        double ry = y + head + r * rh;
        label(cr, ctx, font, 8, row->emphasis, row->label, x, ry + 4, left - 6, PANGO_ALIGN_LEFT,
              ink);
        for (guint k = 0; k < row->marks->len; k++) {
            const CsbChartMark *m = row->marks->pdata[k];
            double cx = x + left + k * cw;
            fill_grade(cr, m->grade, cx + 1, ry + 1, cw - 2, rh - 2);
            const char *arrow = m->arrow == -1 ? " \u25B2" : m->arrow == 1 ? " \u25BC"
                                : m->arrow == 0                             ? " \u25CF"
                                                                            : "";
            char *t = g_strdup_printf("%s%s", grade_short(m->grade), m->grade ? arrow : "");
            label(cr, ctx, font, 7, TRUE, t, cx + 1, ry + rh / 2 - 5, cw - 2, PANGO_ALIGN_CENTER,
                  csb_grade_ink(m->grade));
            g_free(t);
        }
        if (row->emphasis) {
            cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
            cairo_set_line_width(cr, 1.2);
            cairo_rectangle(cr, x + left, ry + 0.5, cols * cw, rh - 1);
            cairo_stroke(cr);
        }
    }
}

static void distribution(cairo_t *cr, PangoContext *ctx, const char *font, const CsbChart *c,
                         double x, double y, double w, double h)
{
    double left = 130, top = 18;
    label(cr, ctx, font, 9, TRUE, c->title, x, y, w, PANGO_ALIGN_LEFT, ink);
    double rh = c->rows->len ? MIN(18, (h - top) / c->rows->len) : 18;
    int max = 1;
    for (guint r = 0; r < c->rows->len; r++) {
        const CsbChartRow *row = c->rows->pdata[r];
        int sum = 0;
        for (int g = 1; g < CSB_GRADE_COUNT; g++)
            sum += row->counts[g];
        max = MAX(max, sum);
    }
    for (guint r = 0; r < c->rows->len; r++) {
        const CsbChartRow *row = c->rows->pdata[r];
        double ry = y + top + r * rh, bx = x + left;
        label(cr, ctx, font, 8, FALSE, row->label, x, ry + 3, left - 6, PANGO_ALIGN_LEFT, ink);
        for (int g = 1; g < CSB_GRADE_COUNT; g++) {
            if (!row->counts[g])
                continue;
            double bw = (w - left) * row->counts[g] / max;
            fill_grade(cr, (CsbGrade)g, bx, ry + 1, bw - 1, rh - 2);
            char *t = g_strdup_printf("%d", row->counts[g]);
            label(cr, ctx, font, 7, TRUE, t, bx, ry + rh / 2 - 5, bw - 1, PANGO_ALIGN_CENTER,
                  csb_grade_ink((CsbGrade)g));
            g_free(t);
            bx += bw;
        }
    }
}

void csb_render_chart(cairo_t *cr, PangoContext *ctx, const char *font, const CsbChart *c,
                      double x, double y, double w, double h)
{
    cairo_save(cr);
    switch (c->kind) {
    case CSB_CHART_HISTORY:
        history(cr, ctx, font, c, x, y, w, h);
        break;
    case CSB_CHART_MATRIX:
        matrix(cr, ctx, font, c, x, y, w, h);
        break;
    case CSB_CHART_DISTRIBUTION:
    case CSB_CHART_THEME_TIMELINE:
        distribution(cr, ctx, font, c, x, y, w, h);
        break;
    }
    cairo_restore(cr);
}
