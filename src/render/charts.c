/* charts.c - what every chart shares: plain-text labels, grade fills
 * (inadequate hatched, so it never depends on lightness alone), the grade
 * legend, and drawing a chart of any kind into its box (or the rows of a
 * part of one broken across pages). Every mark carries
 * its grade's words (on the mark, on its band or in a legend beside it),
 * so no reading depends on colour.
 */
#include "charts.h"

const CsbColour chart_ink = {0.11, 0.12, 0.14}, chart_muted = {0.35, 0.39, 0.44},
                chart_rule = {0.82, 0.85, 0.88};

void chart_set(const ChartPen *p, CsbColour c)
{
    cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
}

PangoLayout *chart_layout(const ChartPen *p, ChartText style, const char *text, double w)
{
    PangoLayout *l = pango_layout_new(p->ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, p->font);
    pango_font_description_set_absolute_size(fd, style.size * PANGO_SCALE);
    pango_font_description_set_weight(fd, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (w > 0)
        pango_layout_set_width(l, (int)(w * PANGO_SCALE));
    pango_layout_set_alignment(l, style.align);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    if (style.one_line) {
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(l, -1);
    }
    pango_layout_set_text(l, text, -1); /* never markup */
    return l;
}

double chart_label(const ChartPen *p, ChartText style, const char *text, double x, double y,
                   double w, CsbColour ink)
{
    PangoLayout *l = chart_layout(p, style, text, w);
    int lw, lh;
    pango_layout_get_size(l, &lw, &lh);
    chart_set(p, ink);
    cairo_move_to(p->cr, x, y);
    pango_cairo_show_layout(p->cr, l);
    cairo_new_path(p->cr);
    g_object_unref(l);
    return (double)lh / PANGO_SCALE;
}

double chart_text_width(const ChartPen *p, ChartText style, const char *text)
{
    style.one_line = FALSE;
    PangoLayout *l = chart_layout(p, style, text, -1);
    int lw, lh;
    pango_layout_get_size(l, &lw, &lh);
    g_object_unref(l);
    return (double)lw / PANGO_SCALE;
}

const char *chart_grade_short(CsbGrade g)
{
    switch (g) {
    case CSB_GRADE_OUTSTANDING:
        return "Outstanding";
    case CSB_GRADE_GOOD:
        return "Good";
    case CSB_GRADE_REQUIRES_IMPROVEMENT:
        return "Req. improvement";
    case CSB_GRADE_ADEQUATE:
        return "Adequate";
    case CSB_GRADE_INADEQUATE:
        return "Inadequate";
    default:
        return "Not graded";
    }
}

const char *chart_grade_fitting(const ChartPen *p, ChartText style, CsbGrade g, double w)
{
    static const char *const ri[] = {"Requires improvement", "Req. improvement", "Req. impr.",
                                     "RI"};
    static const char *const out[] = {"Outstanding", "Outst."};
    static const char *const inad[] = {"Inadequate", "Inadeq."};
    const char *const *forms = NULL;
    guint n = 0;
    if (g == CSB_GRADE_REQUIRES_IMPROVEMENT) {
        forms = ri;
        n = G_N_ELEMENTS(ri);
    } else if (g == CSB_GRADE_OUTSTANDING) {
        forms = out;
        n = G_N_ELEMENTS(out);
    } else if (g == CSB_GRADE_INADEQUATE) {
        forms = inad;
        n = G_N_ELEMENTS(inad);
    }
    for (guint i = 0; i < n; i++)
        if (i + 1 == n || chart_text_width(p, style, forms[i]) <= w)
            return forms[i];
    return chart_grade_short(g);
}

void chart_fill_grade(const ChartPen *p, CsbGrade g, double x, double y, double w, double h,
                      double radius)
{
    cairo_t *cr = p->cr;
    double r = MIN(radius, MIN(w, h) / 2);
    cairo_new_path(cr);
    if (r > 0) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
        cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
        cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
        cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
        cairo_close_path(cr);
    } else {
        cairo_rectangle(cr, x, y, w, h);
    }
    chart_set(p, csb_grade_fill(g));
    if (g != CSB_GRADE_INADEQUATE) {
        cairo_fill(cr);
        return;
    }
    cairo_fill_preserve(cr);
    cairo_save(cr);
    cairo_clip(cr);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.35);
    cairo_set_line_width(cr, 1.1);
    for (double d = -h; d < w; d += 4.0) {
        cairo_move_to(cr, x + d, y + h);
        cairo_line_to(cr, x + d + h, y);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

void chart_grade_legend(const ChartPen *p, double x, double y, double w, gboolean none)
{
    static const CsbGrade grades[] = {CSB_GRADE_OUTSTANDING, CSB_GRADE_GOOD,
                                      CSB_GRADE_REQUIRES_IMPROVEMENT, CSB_GRADE_INADEQUATE,
                                      CSB_GRADE_NONE};
    static const char *const words[] = {"Outstanding", "Good", "Requires improvement / adequate",
                                        "Inadequate", "Not graded, or not current"};
    ChartText t = {7, FALSE, PANGO_ALIGN_LEFT, TRUE};
    double cx = x;
    for (guint i = 0; i < G_N_ELEMENTS(grades) - (none ? 0 : 1); i++) {
        chart_fill_grade(p, grades[i], cx, y + 1.5, 14, 8, 1.5);
        double tw = chart_text_width(p, t, words[i]);
        chart_label(p, t, words[i], cx + 18, y, MIN(tw + 2, x + w - cx - 18), chart_muted);
        cx += 18 + tw + 14;
    }
}

CsbColour chart_tone_fill(int tone)
{
    static const CsbColour fills[] = {{0.549, 0.184, 0.224},  /* concerns #8c2f39 */
                                      {0.612, 0.573, 0.510},  /* mixed #9c9282 */
                                      {0.749, 0.890, 0.863}}; /* strengths #bfe3dc */
    return fills[CLAMP(tone, 0, 2)];
}

CsbColour chart_tone_ink(int tone)
{
    return tone == CSB_TONE_COUNT_CONCERNS ? (CsbColour){1, 1, 1} : chart_ink;
}

void csb_render_chart_part(cairo_t *cr, PangoContext *ctx, const char *font, const CsbChart *c,
                           guint from, guint to, double x, double y, double w, double h)
{
    ChartPen p = {cr, ctx, font};
    cairo_save(cr);
    ChartText title = {8.5, TRUE, PANGO_ALIGN_LEFT, TRUE};
    char *words = g_strdup_printf("%s%s", c->title ? c->title : "", from ? " (continued)" : "");
    chart_label(&p, title, words, x, y, w, chart_ink);
    g_free(words);
    switch (c->kind) {
    case CSB_CHART_HISTORY:
        chart_history(&p, c, x, y, w, h);
        break;
    case CSB_CHART_TIMELINE:
        chart_timeline(&p, c, x, y, w, h);
        break;
    case CSB_CHART_MATRIX:
        chart_matrix(&p, c, from, MIN(to, c->rows->len), x, y, w, h);
        break;
    case CSB_CHART_DISTRIBUTION:
        chart_distribution(&p, c, x, y, w, h);
        break;
    case CSB_CHART_THEME_TIMELINE:
        chart_themes(&p, c, x, y, w, h);
        break;
    }
    cairo_restore(cr);
}

void csb_render_chart(cairo_t *cr, PangoContext *ctx, const char *font, const CsbChart *c,
                      double x, double y, double w, double h)
{
    csb_render_chart_part(cr, ctx, font, c, 0, c->rows->len, x, y, w, h);
}
