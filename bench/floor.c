/* floor.c - the floor for bench/render: a bare Cairo/Pango program that
 * lays out the same text as a briefing (records written by bench/pack.c)
 * on A4 pages with the same fonts and sizes, and writes a PDF. No logic:
 * no keeping, no widows, no charts, no links, no outline; a line that does
 * not fit starts a new page, a table row that does not fit starts one too.
 *
 *   floor RECORDS N OUT.pdf FONTS_DIR     prints "floor SECONDS PAGES"
 */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 595.28
#define PAGE_H 841.89
#define LEFT 56.7
#define TOP 68.0
#define BOTTOM (PAGE_H - 62.4)
#define WIDTH (PAGE_W - 2 * 56.7)

typedef struct {
    cairo_t *cr;
    PangoContext *ctx;
    double y;
    int pages;
} Pen;

static PangoFontMap *font_map(const char *dir)
{
    FcConfig *cfg = FcConfigCreate();
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)))
        if (g_str_has_suffix(name, ".ttf")) {
            char *path = g_build_filename(dir, name, NULL);
            FcConfigAppFontAddFile(cfg, (const FcChar8 *)path);
            g_free(path);
        }
    if (d)
        g_dir_close(d);
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), cfg);
    FcConfigDestroy(cfg);
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72.0);
    return map;
}

static PangoLayout *layout(Pen *p, const char *kind, const char *text, double width)
{
    const char *family = kind[0] == 'Q' ? "Noto Serif" : "Noto Sans";
    double size = kind[0] == 'H' ? (kind[1] == '1' ? 17 : kind[1] == '2' ? 12 : 10)
                  : kind[0] == 'S' || kind[0] == 't' || kind[0] == 'b' ? 8
                                                                        : 9.5;
    PangoLayout *l = pango_layout_new(p->ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, family);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    if (kind[0] == 'H' || kind[0] == 'b')
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    if (kind[0] == 'Q')
        pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_line_spacing(l, 1.3f);
    pango_layout_set_text(l, text, -1);
    return l;
}

static void new_page(Pen *p)
{
    if (p->pages)
        cairo_show_page(p->cr);
    p->pages++;
    p->y = TOP;
}

/* Lines of l at x, a new page whenever the next line does not fit. */
static void lines(Pen *p, PangoLayout *l, double x)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    double shift = 0; /* layout y of the first line on this page */
    do {
        int y0, y1;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        double top = (double)y0 / PANGO_SCALE - shift, bot = (double)y1 / PANGO_SCALE - shift;
        if (p->y + bot > BOTTOM) {
            new_page(p);
            shift += top;
            bot -= top;
            top = 0;
        }
        double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE - shift;
        cairo_move_to(p->cr, x, p->y + base);
        pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
        if (!pango_layout_iter_next_line(it)) {
            p->y += bot;
            break;
        }
    } while (TRUE);
    pango_layout_iter_free(it);
}

typedef struct {
    PangoLayout *l;
    double width;
} Cell;

static void row(Pen *p, GArray *cells)
{
    double h = 0;
    for (guint i = 0; i < cells->len; i++) {
        int w, lh;
        pango_layout_get_size(g_array_index(cells, Cell, i).l, &w, &lh);
        h = MAX(h, (double)lh / PANGO_SCALE + 8);
    }
    if (p->y + h > BOTTOM)
        new_page(p);
    double x = LEFT;
    for (guint i = 0; i < cells->len; i++) {
        Cell c = g_array_index(cells, Cell, i);
        cairo_move_to(p->cr, x + 4, p->y + 4);
        pango_cairo_show_layout(p->cr, c.l);
        x += c.width * WIDTH;
        g_object_unref(c.l);
    }
    p->y += h;
    g_array_set_size(cells, 0);
}

static int run(char **records, const char *out, const char *fonts)
{
    cairo_surface_t *s = cairo_pdf_surface_create(out, PAGE_W, PAGE_H);
    PangoFontMap *map = font_map(fonts);
    Pen p = {cairo_create(s), pango_font_map_create_context(map), TOP, 0};
    GArray *cells = g_array_new(FALSE, FALSE, sizeof(Cell));
    new_page(&p);
    for (char **r = records; *r; r++) {
        char **f = g_strsplit(*r, "\t", 3);
        if (!f[0] || !f[1]) {
            g_strfreev(f);
            continue;
        }
        if (strcmp(f[0], "B") == 0) {
            if (p.y > TOP)
                new_page(&p);
        } else if (strcmp(f[0], "R") == 0) {
            row(&p, cells);
        } else if (strcmp(f[0], "C") == 0 && f[2]) {
            char *tab = strchr(f[2], '\t');
            Cell c = {layout(&p, f[2], tab ? tab + 1 : "", g_ascii_strtod(f[1], NULL) * WIDTH - 8),
                      g_ascii_strtod(f[1], NULL)};
            g_array_append_val(cells, c);
        } else {
            gboolean item = f[0][0] == 'L', quote = f[0][0] == 'Q';
            double indent = item || quote ? 12 : 0;
            PangoLayout *l = layout(&p, f[0], f[1], WIDTH - indent);
            lines(&p, l, LEFT + indent);
            p.y += 5;
            g_object_unref(l);
        }
        g_strfreev(f);
    }
    g_array_free(cells, TRUE);
    g_object_unref(p.ctx);
    g_object_unref(map);
    cairo_destroy(p.cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    return p.pages;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: floor RECORDS N OUT.pdf FONTS_DIR\n");
        return 2;
    }
    char *text = NULL;
    if (!g_file_get_contents(argv[1], &text, NULL, NULL))
        return 1;
    char **records = g_strsplit(text, "\n", -1);
    int n = atoi(argv[2]), pages = 0;
    gint64 t0 = g_get_monotonic_time();
    for (int i = 0; i < n; i++)
        pages = run(records, argv[3], argv[4]);
    printf("floor %.6f %d\n", (double)(g_get_monotonic_time() - t0) / 1e6 / n, pages);
    g_strfreev(records);
    g_free(text);
    return 0;
}
