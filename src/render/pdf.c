/* pdf.c - the PDF device: one Cairo page per layout page, boxes drawn in
 * order, then the outline and metadata.
 */
#include "render.h"

#include <cairo-pdf.h>
#include <string.h>

static void set_colour(cairo_t *cr, CsbColour c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Lines [from, to) of a layout whose top-left is at (x, y). */
static void draw_lines(cairo_t *cr, const CsbBox *b)
{
    PangoLayoutIter *it = pango_layout_get_iter(b->layout);
    int i = 0;
    do {
        if (i >= b->line_to)
            break;
        if (i >= b->line_from) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, NULL, &logical);
            double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
            cairo_move_to(cr, b->x + (double)logical.x / PANGO_SCALE, b->y + base);
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
        }
        i++;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

static void draw_hatch(cairo_t *cr, const CsbBox *b)
{
    cairo_save(cr);
    cairo_rectangle(cr, b->x, b->y, b->w, b->h);
    cairo_clip(cr);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.28);
    cairo_set_line_width(cr, 1.1);
    for (double d = -b->h; d < b->w; d += 4.5) {
        cairo_move_to(cr, b->x + d, b->y + b->h);
        cairo_line_to(cr, b->x + d + b->h, b->y);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

static void draw_image(cairo_t *cr, const CsbBox *b)
{
    cairo_surface_t *img = cairo_image_surface_create_from_png(b->target);
    if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS) {
        double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
        double s = MIN(b->w / iw, b->h / ih);
        cairo_save(cr);
        cairo_translate(cr, b->x + b->w - iw * s, b->y);
        cairo_scale(cr, s, s);
        cairo_set_source_surface(cr, img, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
    }
    cairo_surface_destroy(img);
}

static void draw_link(cairo_t *cr, const CsbBox *b)
{
    char *attrs;
    if (g_str_has_prefix(b->target, "dest:"))
        attrs = g_strdup_printf("rect=[%.2f %.2f %.2f %.2f] dest='%s'", b->x, b->y, b->w, b->h,
                                b->target + 5);
    else if (g_str_has_prefix(b->target, "uri:"))
        attrs = g_strdup_printf("rect=[%.2f %.2f %.2f %.2f] uri='%s'", b->x, b->y, b->w, b->h,
                                b->target + 4);
    else
        return;
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
    cairo_tag_end(cr, CAIRO_TAG_LINK);
    g_free(attrs);
}

static void draw_box(cairo_t *cr, PangoContext *ctx, const CsbPdfMeta *meta, const CsbBox *b)
{
    switch (b->kind) {
    case CSB_BOX_TEXT:
        set_colour(cr, b->colour);
        draw_lines(cr, b);
        break;
    case CSB_BOX_RECT:
        set_colour(cr, b->colour);
        cairo_rectangle(cr, b->x, b->y, b->w, b->h);
        cairo_fill(cr);
        if (b->hatch)
            draw_hatch(cr, b);
        break;
    case CSB_BOX_RULE:
        set_colour(cr, b->colour);
        cairo_set_line_width(cr, b->width > 0 ? b->width : 0.5);
        cairo_move_to(cr, b->x, b->y);
        cairo_line_to(cr, b->x + b->w, b->y + b->h);
        cairo_stroke(cr);
        break;
    case CSB_BOX_CHART:
        csb_render_chart(cr, ctx, meta->font, b->chart, b->x, b->y, b->w, b->h);
        break;
    case CSB_BOX_IMAGE:
        draw_image(cr, b);
        break;
    case CSB_BOX_LINK:
        draw_link(cr, b);
        break;
    case CSB_BOX_DEST: {
        char *attrs = g_strdup_printf("name='%s' x=%.2f y=%.2f", b->target, b->x, b->y);
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs);
        cairo_tag_end(cr, CAIRO_TAG_DEST);
        g_free(attrs);
        break;
    }
    }
}

static void add_outline(cairo_surface_t *s, const CsbLayout *l)
{
    int parent = CAIRO_PDF_OUTLINE_ROOT;
    for (guint i = 0; i < l->outline->len; i++) {
        const CsbOutlineEntry *e = l->outline->pdata[i];
        char *link = g_strdup_printf("dest='%s'", e->anchor);
        int id = cairo_pdf_surface_add_outline(s, e->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                               e->title, link, 0);
        if (e->level == 1)
            parent = id;
        g_free(link);
    }
}

static void set_metadata(cairo_surface_t *s, const CsbPdfMeta *m)
{
    struct {
        cairo_pdf_metadata_t key;
        const char *value;
    } items[] = {
        {CAIRO_PDF_METADATA_TITLE, m->title},       {CAIRO_PDF_METADATA_AUTHOR, m->author},
        {CAIRO_PDF_METADATA_SUBJECT, m->subject},   {CAIRO_PDF_METADATA_KEYWORDS, m->keywords},
        {CAIRO_PDF_METADATA_CREATOR, m->creator},   {CAIRO_PDF_METADATA_CREATE_DATE, m->date},
        {CAIRO_PDF_METADATA_MOD_DATE, m->date},
    };
    for (guint i = 0; i < G_N_ELEMENTS(items); i++)
        if (items[i].value && *items[i].value)
            cairo_pdf_surface_set_metadata(s, items[i].key, items[i].value);
}

gboolean csb_render_pdf(const CsbLayout *l, const char *path, const CsbPdfMeta *meta,
                        CsbDiag *diag)
{
    cairo_surface_t *s = cairo_pdf_surface_create(path, l->page_w, l->page_h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        csb_diag_error(diag, path, 0, 0, "cannot write the PDF: %s",
                       cairo_status_to_string(cairo_surface_status(s)));
        cairo_surface_destroy(s);
        return FALSE;
    }
    set_metadata(s, meta);
    cairo_t *cr = cairo_create(s);
    PangoContext *ctx = pango_font_map_create_context(l->fontmap);
    pango_cairo_update_context(cr, ctx);
    for (guint p = 0; p < l->pages->len; p++) {
        const CsbPage *page = l->pages->pdata[p];
        for (guint i = 0; i < page->boxes->len; i++)
            draw_box(cr, ctx, meta, page->boxes->pdata[i]);
        cairo_show_page(cr);
    }
    add_outline(s, l);
    g_object_unref(ctx);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS) {
        csb_diag_error(diag, path, 0, 0, "writing the PDF failed: %s (disk full?)",
                       cairo_status_to_string(st));
        return FALSE;
    }
    return TRUE;
}
