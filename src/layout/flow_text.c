/* flow_text.c - text for the flow engine: Pango layouts from rich text
 * (always escaped, see csb_rich_markup), and breaking a layout across pages
 * by whole lines with no orphan or widow.
 */
#include "flow.h"

FlowFont flow_body_font(const Flow *f)
{
    return (FlowFont){f->t->font_body, f->t->size_body, FALSE, FALSE, PANGO_ALIGN_LEFT};
}

PangoLayout *flow_layout_markup(Flow *f, const char *markup, FlowFont font, double width)
{
    PangoLayout *l = pango_layout_new(f->ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, font.family);
    pango_font_description_set_absolute_size(fd, font.size * PANGO_SCALE);
    pango_font_description_set_weight(fd, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(fd, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, font.align);
    pango_layout_set_line_spacing(l, (float)f->t->leading);
    pango_layout_set_markup(l, markup, -1);
    return l;
}

PangoLayout *flow_layout_rich(Flow *f, const CsbRich *r, FlowFont font, double width)
{
    char *m = csb_rich_markup(r, &f->t->muted, &f->t->accent);
    PangoLayout *l = flow_layout_markup(f, m, font, width);
    g_free(m);
    return l;
}

PangoLayout *flow_layout_plain(Flow *f, const char *text, FlowFont font, double width)
{
    char *m = g_markup_escape_text(text, -1);
    PangoLayout *l = flow_layout_markup(f, m, font, width);
    g_free(m);
    return l;
}

double flow_layout_height(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

/* Top and bottom of each line, in points from the layout's top:
 * [2i] top, [2i+1] bottom. */
static GArray *line_extents(PangoLayout *l)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(double));
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        int y0, y1;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        double top = (double)y0 / PANGO_SCALE, bot = (double)y1 / PANGO_SCALE;
        g_array_append_val(a, top);
        g_array_append_val(a, bot);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return a;
}

#define TOP(a, i) g_array_index(a, double, 2 * (i))
#define BOT(a, i) g_array_index(a, double, 2 * (i) + 1)

double flow_lead_height(PangoLayout *l)
{
    GArray *ext = line_extents(l);
    int n = (int)ext->len / 2;
    double h = n <= 3 ? BOT(ext, n - 1) : BOT(ext, 1);
    g_array_free(ext, TRUE);
    return h;
}

CsbBox *flow_put_layout(Flow *f, PangoLayout *l, CsbColour ink, double x, double y)
{
    double w = (double)pango_layout_get_width(l) / PANGO_SCALE;
    CsbBox *b = flow_box(f, CSB_BOX_TEXT, x, y, w, flow_layout_height(l));
    b->layout = g_object_ref(l);
    b->line_from = 0;
    b->line_to = pango_layout_get_line_count(l);
    b->colour = ink;
    return b;
}

double flow_put_text(Flow *f, const char *text, FlowFont font, CsbColour ink, double x,
                     double y, double w)
{
    PangoLayout *l = flow_layout_plain(f, text, font, w);
    double h = flow_layout_height(l);
    flow_put_layout(f, l, ink, x, y);
    g_object_unref(l);
    return h;
}

/* How many lines from `from` fit in avail. */
static int lines_fitting(GArray *ext, int from, int n, double avail)
{
    int k = from;
    while (k < n && BOT(ext, k) - TOP(ext, from) <= avail)
        k++;
    return k;
}

/* Where to end the piece that starts at `from`, given that k lines fit
 * (k < n): from itself means "move everything to the next page". */
static int break_at(int from, int k, int n)
{
    if (n - from <= 3)
        return from;  /* a short text moves whole */
    if (n - k < 2)
        k = n - 2;    /* no widow: carry two lines */
    if (k - from < 2)
        return from;  /* no orphan: leave two lines or none */
    return k;
}

void flow_place_lines(Flow *f, PangoLayout *l, double x, double w, CsbColour ink, double pad,
                      double keep_after, FlowDecorate decorate, gpointer data)
{
    GArray *ext = line_extents(l);
    int n = (int)ext->len / 2, from = 0, piece = 0;
    while (from < n) {
        double avail = f->bottom - f->y - 2 * pad;
        int k = lines_fitting(ext, from, n, avail);
        if (k == n && BOT(ext, n - 1) - TOP(ext, from) + keep_after > avail)
            k = n - 1; /* the text fits but what must follow it does not */
        if (k < n) {
            int end = break_at(from, k, n);
            if (end == from) {
                if (!flow_page_is_empty(f)) {
                    flow_new_page(f);
                    continue;
                }
                /* Already at the top of a page: nothing to gain by moving,
                 * so place what fits (at least one line, however tall). */
                end = MAX(from + 1, lines_fitting(ext, from, n, avail));
            }
            k = end;
        }
        guint index = f->page->boxes->len;
        double h = BOT(ext, k - 1) - TOP(ext, from) + 2 * pad;
        CsbBox *b = flow_box(f, CSB_BOX_TEXT, x, f->y + pad - TOP(ext, from), w,
                             BOT(ext, k - 1) + pad);
        b->layout = g_object_ref(l);
        b->line_from = from;
        b->line_to = k;
        b->colour = ink;
        if (decorate)
            decorate(f, index, piece, x - pad, f->y, w + 2 * pad, h, data);
        f->y += h;
        from = k;
        piece++;
        if (from < n)
            flow_new_page(f);
    }
    g_array_free(ext, TRUE);
}
