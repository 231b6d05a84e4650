/* pdf.c - the PDF device: one Cairo page per layout page, boxes drawn in
 * order, each marked as its structure element's content or as decoration
 * (tags.c), links and named destinations as Cairo tags, then the outline
 * (bookmarks) and the document metadata, into memory; then finished
 * (finish.c), which builds the structure tree. It decides nothing:
 * every position comes from the CsbLayout.
 */
#include "pdf.h"

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

static void rect_path(cairo_t *cr, const CsbBox *b)
{
    double r = MIN(b->radius, MIN(b->w, b->h) / 2);
    if (r <= 0) {
        cairo_rectangle(cr, b->x, b->y, b->w, b->h);
        return;
    }
    cairo_new_sub_path(cr);
    cairo_arc(cr, b->x + b->w - r, b->y + r, r, -G_PI / 2, 0);
    cairo_arc(cr, b->x + b->w - r, b->y + b->h - r, r, 0, G_PI / 2);
    cairo_arc(cr, b->x + r, b->y + b->h - r, r, G_PI / 2, G_PI);
    cairo_arc(cr, b->x + r, b->y + r, r, G_PI, 3 * G_PI / 2);
    cairo_close_path(cr);
}

/* Diagonal white lines over a filled box: inadequate's texture, so it
 * differs from outstanding by more than lightness. */
static void draw_hatch(cairo_t *cr, const CsbBox *b)
{
    cairo_save(cr);
    rect_path(cr, b);
    cairo_clip(cr);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.22);
    cairo_set_line_width(cr, 1.0);
    for (double d = -b->h; d < b->w; d += 4.0) {
        cairo_move_to(cr, b->x + d, b->y + b->h);
        cairo_line_to(cr, b->x + d + b->h, b->y);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

static void draw_rule(cairo_t *cr, const CsbBox *b)
{
    cairo_save(cr);
    set_colour(cr, b->colour);
    cairo_set_line_width(cr, b->width > 0 ? b->width : 0.5);
    if (b->dotted) {
        double dash[] = {0.01, 2.6};
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_move_to(cr, b->x, b->y);
    cairo_line_to(cr, b->x + b->w, b->y + b->h);
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

static void draw_dest(cairo_t *cr, const CsbBox *b)
{
    char *name = csb_render_tag_string(b->target);
    char *attrs = g_strdup_printf("name='%s' x=%.2f y=%.2f", name, b->x, MAX(0, b->y - 12));
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs);
    cairo_tag_end(cr, CAIRO_TAG_DEST);
    g_free(attrs);
    g_free(name);
}

/* An arrow up (better), down (worse) or a dot (same), centred in the box:
 * drawn, because the bundled fonts have no arrow glyphs. */
void csb_render_trend(cairo_t *cr, CsbTrend trend, double x, double y, double w, double h,
                      CsbColour ink)
{
    double cx = x + w / 2, cy = y + h / 2, s = MIN(w, h) * 0.36;
    cairo_save(cr);
    cairo_new_path(cr);
    set_colour(cr, ink);
    switch (trend) {
    case CSB_TREND_BETTER:
        cairo_move_to(cr, cx - s, cy + s * 0.75);
        cairo_line_to(cr, cx + s, cy + s * 0.75);
        cairo_line_to(cr, cx, cy - s);
        cairo_close_path(cr);
        cairo_fill(cr);
        break;
    case CSB_TREND_WORSE:
        cairo_move_to(cr, cx - s, cy - s * 0.75);
        cairo_line_to(cr, cx + s, cy - s * 0.75);
        cairo_line_to(cr, cx, cy + s);
        cairo_close_path(cr);
        cairo_fill(cr);
        break;
    case CSB_TREND_SAME:
        cairo_arc(cr, cx, cy, s * 0.55, 0, 2 * G_PI);
        cairo_fill(cr);
        break;
    case CSB_TREND_NONE:
        break;
    }
    cairo_restore(cr);
}

static void draw_box(CsbTagger *tags, PangoContext *ctx, const CsbPdfMeta *meta,
                     const CsbBox *b)
{
    cairo_t *cr = tags->cr;
    if (b->kind == CSB_BOX_LINK) {
        csb_tags_link(tags, b->node, b);
        return;
    }
    if (b->kind == CSB_BOX_DEST) {
        csb_tags_close(tags);
        draw_dest(cr, b);
        return;
    }
    csb_tags_content(tags, b->node);
    switch (b->kind) {
    case CSB_BOX_TEXT:
        set_colour(cr, b->colour);
        draw_lines(cr, b);
        break;
    case CSB_BOX_RECT:
        set_colour(cr, b->colour);
        rect_path(cr, b);
        cairo_fill(cr);
        if (b->hatch)
            draw_hatch(cr, b);
        break;
    case CSB_BOX_RULE:
        draw_rule(cr, b);
        break;
    case CSB_BOX_TREND:
        csb_render_trend(cr, b->trend, b->x, b->y, b->w, b->h, b->colour);
        break;
    case CSB_BOX_CHART:
        csb_render_chart_part(cr, ctx, meta->font, b->chart, b->row_from, b->row_to, b->x, b->y,
                              b->w, b->h);
        break;
    case CSB_BOX_IMAGE:
        draw_image(cr, b);
        break;
    case CSB_BOX_LINK:
    case CSB_BOX_DEST:
        break;
    }
}

/* Bookmarks: level 2 entries under the level 1 entry before them. */
static void add_outline(cairo_surface_t *s, const CsbLayout *l)
{
    int parent = CAIRO_PDF_OUTLINE_ROOT;
    for (guint i = 0; i < l->outline->len; i++) {
        const CsbOutlineEntry *e = l->outline->pdata[i];
        char *name = csb_render_tag_string(e->anchor);
        char *link = g_strdup_printf("dest='%s'", name);
        int id = cairo_pdf_surface_add_outline(s, e->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                               e->title, link, 0);
        if (e->level == 1)
            parent = id;
        g_free(link);
        g_free(name);
    }
}

/* Without a date the PDF would carry the clock (cairo's default): a fixed
 * one keeps the same inputs giving the same bytes. */
#define UNDATED "2000-01-01T00:00:00"

static void set_metadata(cairo_surface_t *s, const CsbPdfMeta *m)
{
    const char *date = m->date;
    struct {
        cairo_pdf_metadata_t key;
        const char *value;
    } items[] = {
        {CAIRO_PDF_METADATA_TITLE, m->title},       {CAIRO_PDF_METADATA_AUTHOR, m->author},
        {CAIRO_PDF_METADATA_SUBJECT, m->subject},   {CAIRO_PDF_METADATA_KEYWORDS, m->keywords},
        {CAIRO_PDF_METADATA_CREATOR, m->creator},   {CAIRO_PDF_METADATA_CREATE_DATE, date},
        {CAIRO_PDF_METADATA_MOD_DATE, date},
    };
    for (guint i = 0; i < G_N_ELEMENTS(items); i++)
        if (items[i].value && *items[i].value)
            cairo_pdf_surface_set_metadata(s, items[i].key, items[i].value);
}

static cairo_status_t append(void *closure, const unsigned char *data, unsigned int length)
{
    g_byte_array_append(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

/* What Cairo says went wrong, as a person can act on it. */
static const char *cairo_problem(cairo_status_t st)
{
    if (st == CAIRO_STATUS_INVALID_STRING)
        return "a text is not valid Unicode for Cairo (a noncharacter or a broken "
               "character): this is a bug in csbrief, please report it";
    return cairo_status_to_string(st);
}

GBytes *csb_render_pdf_bytes(const CsbLayout *l, const CsbPdfMeta *given, const char *name,
                             CsbDiag *diag)
{
    CsbPdfMeta dated = *given, *meta = &dated;
    if (!meta->date || !*meta->date)
        meta->date = UNDATED;
    /* Into memory: Cairo never touches the disk, so a full disk is met by
     * the caller's own writes, with an error, never inside Cairo. */
    GByteArray *raw = g_byte_array_new();
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(append, raw, l->page_w, l->page_h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        csb_diag_error(diag, name, 0, 0, "cannot make the PDF: %s",
                       cairo_status_to_string(cairo_surface_status(s)));
        cairo_surface_destroy(s);
        g_byte_array_unref(raw);
        return NULL;
    }
    set_metadata(s, meta);
    cairo_t *cr = cairo_create(s);
    PangoContext *ctx = csb_fonts_context(l->fontmap);
    CsbTagPlan *plan = csb_tag_plan_new(l);
    CsbTagger tags;
    csb_tags_start(&tags, cr, plan);
    for (guint p = 0; p < l->pages->len; p++) {
        const CsbPage *page = l->pages->pdata[p];
        csb_tags_page(&tags);
        for (guint i = 0; i < page->boxes->len; i++)
            draw_box(&tags, ctx, meta, page->boxes->pdata[i]);
        csb_tags_close(&tags);
        cairo_show_page(cr);
    }
    csb_tags_finish(&tags);
    add_outline(s, l);
    g_object_unref(ctx);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    GBytes *out = NULL;
    if (st != CAIRO_STATUS_SUCCESS)
        csb_diag_error(diag, name, 0, 0, "making the PDF failed: %s", cairo_problem(st));
    else
        out = csb_render_finish(raw->data, raw->len, plan, meta, name, diag);
    csb_tag_plan_free(plan);
    g_byte_array_unref(raw);
    return out;
}

gboolean csb_render_pdf(const CsbLayout *l, const char *path, const CsbPdfMeta *meta,
                        CsbDiag *diag)
{
    GBytes *pdf = csb_render_pdf_bytes(l, meta, path, diag);
    if (!pdf)
        return FALSE;
    gsize len = 0;
    const char *data = g_bytes_get_data(pdf, &len);
    GError *err = NULL;
    gboolean ok = g_file_set_contents(path, data, (gssize)len, &err);
    if (!ok) {
        csb_diag_error(diag, path, 0, 0, "cannot write the PDF: %s", err->message);
        g_error_free(err);
    }
    g_bytes_unref(pdf);
    return ok;
}
