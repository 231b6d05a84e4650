/* test_render_charts.c - charts as drawn: every authority's name whole in
 * the grade matrix at the pack's width. A name cut with an ellipsis
 * ("Bournemouth, Christchurch a...") still reads whole to a PDF's text
 * extraction (Cairo writes the cut words as the ellipsis's ActualText),
 * so the test looks at the picture: a name is whole when changing its
 * last letter changes the pixels drawn.
 */
#include "unit.h"

#include "layout/layout.h"
#include "render/render.h"

#include <string.h>

/* The matrix drawn with one row, labelled name, as pixels. */
static GBytes *draw(PangoContext *ctx, const CsbTemplate *tpl, const char *name, double w)
{
    CsbChart *c = csb_chart_new(CSB_CHART_MATRIX, "Latest grades");
    for (int k = 0; k < 5; k++)
        g_ptr_array_add(c->columns, g_strdup("Area"));
    CsbChartRow *row = csb_chart_add_row(c, name);
    row->emphasis = TRUE; /* the focus authority's row: bold, the widest */
    for (int k = 0; k < 5; k++)
        csb_chart_add_mark(row, k, CSB_GRADE_GOOD, CSB_TREND_SAME)->label = g_strdup("Nov 2025");
    csb_chart_fit(c);
    int pw = (int)(w * 2), ph = (int)(c->height * 2);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph);
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, 2, 2);
    csb_render_chart(cr, ctx, tpl->font_body, c, 0, 0, w, c->height);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    GBytes *px = g_bytes_new(cairo_image_surface_get_data(s),
                             (gsize)cairo_image_surface_get_stride(s) * (gsize)ph);
    cairo_surface_destroy(s);
    csb_chart_free(c);
    return px;
}

static void test_matrix_names(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbTemplate *tpl = csb_template_load("templates/briefing-pack.yaml", diag);
    CsbCsv *csv = csb_csv_load("data/authorities.csv", diag);
    int col = csv ? csb_csv_column(csv, "name") : -1;
    CHECK(tpl && col >= 0, "the pack's template and data/authorities.csv load");
    if (tpl && col >= 0) {
        PangoFontMap *fm = csb_fonts_map("fonts", diag);
        PangoContext *ctx = csb_fonts_context(fm);
        double w = tpl->page_w - tpl->margin_left - tpl->margin_right;
        int cut = 0;
        for (guint r = 0; r < csv->rows->len; r++) {
            const char *name = csb_csv_get(csv, r, col);
            char *other = g_strdup(name);
            char *last = other + strlen(other) - 1;
            *last = *last == 'x' ? 'y' : 'x';
            GBytes *a = draw(ctx, tpl, name, w), *b = draw(ctx, tpl, other, w);
            if (g_bytes_equal(a, b)) {
                printf("# cut: %s\n", name);
                cut++;
            }
            g_bytes_unref(a);
            g_bytes_unref(b);
            g_free(other);
        }
        CHECK(cut == 0, "the grade matrix shows each of %u authorities' names whole (%d cut)",
              csv->rows->len, cut);
        g_object_unref(ctx);
        g_object_unref(fm);
    }
    csb_csv_free(csv);
    csb_template_free(tpl);
    csb_diag_free(diag);
}

int main(void)
{
    RUN(test_matrix_names);
    return unit_done();
}
