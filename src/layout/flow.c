/* flow.c - the flow engine: measures a CsbDoc's blocks with Pango and
 * breaks them across pages into positioned boxes.
 *
 * Rules: a heading is never the last thing on a page (it moves with the
 * start of what follows); a paragraph leaves at least two lines at the foot
 * of a page and carries at least two to the next (no orphans or widows);
 * a table row never splits and a table's header row repeats on every page
 * it spans; figures and callouts move whole. The contents page is laid out
 * twice: the second pass knows the page of every heading. Page furniture
 * (running title, "Page N of M") is added once the page count is known.
 */
#include "layout.h"

#include <string.h>

#define PAD 4.0 /* table cell and callout padding, points */

typedef struct {
    const CsbDoc *doc;
    const CsbTemplate *t;
    PangoContext *ctx;
    CsbLayout *out;
    CsbPage *page;
    double y, top, bottom, left, width;
    GHashTable *anchor_pages; /* anchor -> page number, from the last pass */
    GHashTable *new_anchor_pages;
} Flow;

typedef struct {
    const char *family;
    double size;
    gboolean bold, italic;
    PangoAlignment align;
} Font;

/* ---- boxes and pages --------------------------------------------------- */

static void box_free(gpointer p)
{
    CsbBox *b = p;
    if (b->layout)
        g_object_unref(b->layout);
    g_free(b->target);
    g_free(b);
}

static void page_free(gpointer p)
{
    CsbPage *pg = p;
    g_ptr_array_free(pg->boxes, TRUE);
    g_free(pg);
}

static void outline_free(gpointer p)
{
    CsbOutlineEntry *e = p;
    g_free(e->title);
    g_free(e->anchor);
    g_free(e);
}

void csb_layout_free(CsbLayout *l)
{
    if (!l)
        return;
    g_ptr_array_free(l->pages, TRUE);
    g_ptr_array_free(l->outline, TRUE);
    if (l->fontmap) {
        if (g_getenv("CSB_DEBUG_REFS"))
            g_printerr("fontmap refs before unref: %u\n", G_OBJECT(l->fontmap)->ref_count);
        g_object_unref(l->fontmap);
    }
    g_free(l);
}

static CsbBox *box_add(Flow *f, CsbBoxKind kind, double x, double y, double w, double h)
{
    CsbBox *b = g_new0(CsbBox, 1);
    b->kind = kind;
    b->x = x;
    b->y = y;
    b->w = w;
    b->h = h;
    b->colour = f->t->ink;
    g_ptr_array_add(f->page->boxes, b);
    return b;
}

static int page_number(Flow *f)
{
    return (int)f->out->pages->len;
}

static void new_page(Flow *f)
{
    f->page = g_new0(CsbPage, 1);
    f->page->boxes = g_ptr_array_new_with_free_func(box_free);
    g_ptr_array_add(f->out->pages, f->page);
    f->y = f->top;
}

static gboolean page_is_empty(Flow *f)
{
    return f->y <= f->top + 0.01;
}

/* ---- text -------------------------------------------------------------- */

static PangoLayout *text_layout(Flow *f, const char *markup, Font font, double width)
{
    PangoLayout *l = pango_layout_new(f->ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, font.family);
    pango_font_description_set_size(fd, (gint)(font.size * PANGO_SCALE));
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

static PangoLayout *rich_layout(Flow *f, const CsbRich *r, Font font, double width)
{
    char *m = csb_rich_markup(r, &f->t->muted);
    PangoLayout *l = text_layout(f, m, font, width);
    g_free(m);
    return l;
}

static PangoLayout *plain_layout(Flow *f, const char *text, Font font, double width)
{
    char *m = g_markup_escape_text(text, -1);
    PangoLayout *l = text_layout(f, m, font, width);
    g_free(m);
    return l;
}

static Font body_font(Flow *f)
{
    return (Font){f->t->font_body, f->t->size_body, FALSE, FALSE, PANGO_ALIGN_LEFT};
}

static double layout_height(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

/* Top and bottom of each line, in points from the layout's top. */
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

typedef void (*Decorate)(Flow *f, guint index, double x, double y, double w, double h,
                         gpointer data);

/* Place a layout at x, splitting it across pages by whole lines with no
 * orphan or widow. decorate (optional) adds background boxes for each
 * piece, inserted under the text. */
static void place_layout(Flow *f, PangoLayout *l, double x, double w, CsbColour ink,
                         Decorate decorate, gpointer data, double pad)
{
    GArray *ext = line_extents(l);
    int n = (int)ext->len / 2, from = 0;
#define TOP(i) g_array_index(ext, double, 2 * (i))
#define BOT(i) g_array_index(ext, double, 2 * (i) + 1)
    while (from < n) {
        double avail = f->bottom - f->y - 2 * pad;
        int k = from;
        while (k < n && BOT(k) - TOP(from) <= avail)
            k++;
        if (k < n) {
            int min = n >= 4 ? 2 : n; /* short paragraphs move whole */
            if (k - from < min && !page_is_empty(f)) {
                new_page(f);
                continue;
            }
            if (n - k < 2 && k - from > 2)
                k = n - 2;
            if (k == from)
                k = from + 1; /* a line taller than a page: place it anyway */
        }
        guint index = f->page->boxes->len;
        CsbBox *b = box_add(f, CSB_BOX_TEXT, x, f->y + pad - TOP(from), w, BOT(k - 1) + pad);
        b->layout = g_object_ref(l);
        b->line_from = from;
        b->line_to = k;
        b->colour = ink;
        double h = BOT(k - 1) - TOP(from) + 2 * pad;
        if (decorate)
            decorate(f, index, x - pad, f->y, w + 2 * pad, h, data);
        f->y += h;
        from = k;
        if (from < n)
            new_page(f);
    }
#undef TOP
#undef BOT
    g_array_free(ext, TRUE);
}

static void space(Flow *f, double pts)
{
    if (!page_is_empty(f))
        f->y += pts;
}

static void ensure(Flow *f, double height)
{
    if (f->y + height > f->bottom && !page_is_empty(f))
        new_page(f);
}

/* ---- blocks ------------------------------------------------------------ */

static double min_height_of(Flow *f, const CsbDocBlock *b)
{
    double line = f->t->size_body * f->t->leading;
    if (!b)
        return 0;
    switch (b->kind) {
    case CSB_BLOCK_FIGURE:
        return b->chart->height + line;
    case CSB_BLOCK_TABLE:
        return 4 * line;
    case CSB_BLOCK_PAGE_BREAK:
        return 0;
    default:
        return 2.6 * line;
    }
}

static void record_anchor(Flow *f, const CsbDocBlock *b, int level)
{
    CsbBox *d = box_add(f, CSB_BOX_DEST, f->left, f->y, 0, 0);
    d->target = g_strdup(b->anchor);
    g_hash_table_insert(f->new_anchor_pages, g_strdup(b->anchor),
                        GINT_TO_POINTER(page_number(f)));
    if (level <= 2) {
        CsbOutlineEntry *e = g_new0(CsbOutlineEntry, 1);
        e->level = level;
        GString *s = g_string_new(NULL);
        for (guint i = 0; i < b->text->spans->len; i++)
            g_string_append(s, ((CsbSpan *)b->text->spans->pdata[i])->text);
        e->title = g_string_free(s, FALSE);
        e->anchor = g_strdup(b->anchor);
        e->page = page_number(f);
        g_ptr_array_add(f->out->outline, e);
    }
}

static void flow_heading(Flow *f, const CsbDocBlock *b, const CsbDocBlock *next, int level)
{
    const CsbTemplate *t = f->t;
    double size = level == 1 ? t->size_h1 : level == 2 ? t->size_h2 : t->size_h3;
    Font font = {t->font_body, size, TRUE, FALSE, PANGO_ALIGN_LEFT};
    PangoLayout *l = rich_layout(f, b->text, font, f->width);
    double h = layout_height(l);
    double before = level == 1 ? size * 0.9 : size * 0.8;
    if (level == 1 && !page_is_empty(f))
        new_page(f); /* each top-level section starts a page */
    space(f, before);
    ensure(f, h + size * 0.5 + min_height_of(f, next));
    record_anchor(f, b, level);
    place_layout(f, l, f->left, f->width, level == 3 ? t->ink : t->accent, NULL, NULL, 0);
    if (level == 1) {
        CsbBox *r = box_add(f, CSB_BOX_RULE, f->left, f->y + 3, f->width, 0);
        r->colour = t->accent;
        r->width = 1.2;
        f->y += 8;
    } else {
        f->y += size * 0.35;
    }
    g_object_unref(l);
}

static void flow_paragraph(Flow *f, const CsbDocBlock *b)
{
    PangoLayout *l = rich_layout(f, b->text, body_font(f), f->width);
    place_layout(f, l, f->left, f->width, f->t->ink, NULL, NULL, 0);
    f->y += f->t->size_body * 0.6;
    g_object_unref(l);
}

static void flow_list(Flow *f, const CsbDocBlock *b)
{
    double indent = f->t->size_body * 1.3;
    for (guint i = 0; i < b->items->len; i++) {
        PangoLayout *l = rich_layout(f, b->items->pdata[i], body_font(f), f->width - indent);
        ensure(f, MIN(layout_height(l), f->t->size_body * f->t->leading * 2));
        PangoLayout *dot = plain_layout(f, "\u2022", body_font(f), indent);
        CsbBox *d = box_add(f, CSB_BOX_TEXT, f->left + indent * 0.2, f->y, indent, 0);
        d->layout = dot;
        d->line_from = 0;
        d->line_to = 1;
        d->colour = f->t->accent;
        place_layout(f, l, f->left + indent, f->width - indent, f->t->ink, NULL, NULL, 0);
        f->y += f->t->size_body * 0.3;
        g_object_unref(l);
    }
    f->y += f->t->size_body * 0.4;
}

static void quote_bar(Flow *f, guint index, double x, double y, double w, double h, gpointer data)
{
    CsbBox *bar = g_new0(CsbBox, 1);
    bar->kind = CSB_BOX_RECT;
    bar->x = f->left;
    bar->y = y;
    bar->w = 2.2;
    bar->h = h;
    bar->colour = *(CsbColour *)data;
    g_ptr_array_insert(f->page->boxes, (gint)index, bar);
}

static void flow_quote(Flow *f, const CsbDocBlock *b)
{
    const CsbTemplate *t = f->t;
    double indent = t->size_body * 1.2;
    Font qf = {t->font_quote, t->size_body, FALSE, TRUE, PANGO_ALIGN_LEFT};
    CsbRich *q = csb_rich_new();
    GString *s = g_string_new("\u201C");
    for (guint i = 0; i < b->text->spans->len; i++)
        g_string_append(s, ((CsbSpan *)b->text->spans->pdata[i])->text);
    g_string_append(s, "\u201D");
    csb_rich_add(q, CSB_STYLE_PLAIN, s->str);
    g_string_free(s, TRUE);
    PangoLayout *l = rich_layout(f, q, qf, f->width - indent);
    csb_rich_free(q);
    Font cf = {t->font_body, t->size_small, FALSE, FALSE, PANGO_ALIGN_LEFT};
    PangoLayout *c = b->citation ? rich_layout(f, b->citation, cf, f->width - indent) : NULL;
    ensure(f, MIN(layout_height(l), t->size_body * t->leading * 2) +
                  (c ? layout_height(c) : 0));
    CsbColour bar = t->accent;
    place_layout(f, l, f->left + indent, f->width - indent, t->ink, quote_bar, &bar, 0);
    if (c) {
        f->y += 2;
        ensure(f, layout_height(c));
        place_layout(f, c, f->left + indent, f->width - indent, t->muted, NULL, NULL, 0);
        g_object_unref(c);
    }
    f->y += t->size_body * 0.9;
    g_object_unref(l);
}

static void callout_bg(Flow *f, guint index, double x, double y, double w, double h,
                       gpointer data)
{
    const CsbDocBlock *b = data;
    CsbColour fill = f->t->shade, edge = f->t->accent;
    if (b->callout == CSB_CALLOUT_CONCERN) {
        fill = csb_colour_parse("#fbeee6", fill);
        edge = csb_colour_parse("#b3261e", edge);
    } else if (b->callout == CSB_CALLOUT_GOOD) {
        fill = csb_colour_parse("#e9f1fa", fill);
        edge = csb_colour_parse("#2a6bb0", edge);
    }
    CsbBox *bg = g_new0(CsbBox, 1);
    bg->kind = CSB_BOX_RECT;
    bg->x = f->left;
    bg->y = y;
    bg->w = f->width;
    bg->h = h;
    bg->colour = fill;
    CsbBox *bar = g_new0(CsbBox, 1);
    bar->kind = CSB_BOX_RECT;
    bar->x = f->left;
    bar->y = y;
    bar->w = 3;
    bar->h = h;
    bar->colour = edge;
    g_ptr_array_insert(f->page->boxes, (gint)index, bar);
    g_ptr_array_insert(f->page->boxes, (gint)index, bg);
}

static void flow_callout(Flow *f, const CsbDocBlock *b)
{
    double inset = PAD * 2.5;
    PangoLayout *l = rich_layout(f, b->text, body_font(f), f->width - 2 * inset);
    ensure(f, layout_height(l) + 2 * PAD);
    place_layout(f, l, f->left + inset, f->width - 2 * inset, f->t->ink, callout_bg,
                 (gpointer)b, PAD);
    f->y += f->t->size_body * 0.9;
    g_object_unref(l);
}

/* ---- tables ------------------------------------------------------------ */

typedef struct {
    PangoLayout **cells;
    double height;
} Row;

static Row measure_row(Flow *f, const CsbTable *t, GPtrArray *cells, gboolean header)
{
    Row r = {g_new0(PangoLayout *, t->columns), 0};
    Font font = {f->t->font_body, f->t->size_small, header, FALSE, PANGO_ALIGN_LEFT};
    for (int c = 0; c < t->columns; c++) {
        CsbTableCell *cell = (guint)c < cells->len ? cells->pdata[c] : NULL;
        if (!cell)
            continue;
        double w = t->widths[c] * f->width - 2 * PAD;
        r.cells[c] = rich_layout(f, cell->text, font, w);
        r.height = MAX(r.height, layout_height(r.cells[c]) + 2 * PAD);
    }
    return r;
}

static void row_free_layouts(Row *r, int columns)
{
    for (int c = 0; c < columns; c++)
        if (r->cells[c])
            g_object_unref(r->cells[c]);
    g_free(r->cells);
}

static void place_row(Flow *f, const CsbTable *t, GPtrArray *cells, Row *r, gboolean header)
{
    double x = f->left;
    if (header) {
        CsbBox *bg = box_add(f, CSB_BOX_RECT, f->left, f->y, f->width, r->height);
        bg->colour = f->t->shade;
    }
    for (int c = 0; c < t->columns; c++) {
        double w = t->widths[c] * f->width;
        CsbTableCell *cell = (guint)c < cells->len ? cells->pdata[c] : NULL;
        CsbColour ink = f->t->ink;
        if (cell && cell->grade != CSB_GRADE_NONE) {
            CsbBox *bg = box_add(f, CSB_BOX_RECT, x + 1, f->y + 1, w - 2, r->height - 2);
            bg->colour = csb_grade_fill(cell->grade);
            bg->hatch = cell->grade == CSB_GRADE_INADEQUATE;
            ink = csb_grade_ink(cell->grade);
        }
        if (r->cells[c]) {
            CsbBox *b = box_add(f, CSB_BOX_TEXT, x + PAD, f->y + PAD, w - 2 * PAD, r->height);
            b->layout = g_object_ref(r->cells[c]);
            b->line_from = 0;
            b->line_to = pango_layout_get_line_count(r->cells[c]);
            b->colour = ink;
        }
        if (cell && cell->link) {
            CsbBox *lk = box_add(f, CSB_BOX_LINK, x, f->y, w, r->height);
            lk->target = g_strdup(cell->link);
        }
        x += w;
    }
    f->y += r->height;
    CsbBox *rule = box_add(f, CSB_BOX_RULE, f->left, f->y, f->width, 0);
    rule->colour = header ? f->t->accent : f->t->rule;
    rule->width = header ? 0.9 : 0.4;
}

static void flow_table(Flow *f, const CsbDocBlock *b)
{
    const CsbTable *t = b->table;
    gboolean has_header = FALSE;
    for (int c = 0; c < t->columns; c++)
        has_header |= t->header->pdata[c] != NULL;
    Row head = {NULL, 0};
    if (has_header)
        head = measure_row(f, t, t->header, TRUE);
    for (guint i = 0; i < t->rows->len; i++) {
        GPtrArray *cells = t->rows->pdata[i];
        Row r = measure_row(f, t, cells, FALSE);
        gboolean fresh = i == 0;
        if (f->y + r.height + (fresh ? head.height : 0) > f->bottom && !page_is_empty(f)) {
            new_page(f);
            fresh = TRUE;
        }
        if (fresh && has_header)
            place_row(f, t, t->header, &head, TRUE);
        place_row(f, t, cells, &r, FALSE);
        row_free_layouts(&r, t->columns);
    }
    if (has_header)
        row_free_layouts(&head, t->columns);
    f->y += f->t->size_body * 0.9;
}

/* ---- figures, cover, contents ------------------------------------------ */

static void flow_figure(Flow *f, const CsbDocBlock *b)
{
    const CsbChart *c = b->chart;
    Font cf = {f->t->font_body, f->t->size_small, FALSE, TRUE, PANGO_ALIGN_LEFT};
    PangoLayout *cap = c->caption ? plain_layout(f, c->caption, cf, f->width) : NULL;
    ensure(f, c->height + (cap ? layout_height(cap) : 0));
    CsbBox *box = box_add(f, CSB_BOX_CHART, f->left, f->y, f->width, c->height);
    box->chart = c;
    f->y += c->height + 3;
    if (cap) {
        place_layout(f, cap, f->left, f->width, f->t->muted, NULL, NULL, 0);
        g_object_unref(cap);
    }
    f->y += f->t->size_body;
}

static void put_text(Flow *f, const char *text, Font font, CsbColour ink, double x, double y,
                     double w)
{
    PangoLayout *l = plain_layout(f, text, font, w);
    CsbBox *b = box_add(f, CSB_BOX_TEXT, x, y, w, layout_height(l));
    b->layout = l;
    b->line_from = 0;
    b->line_to = pango_layout_get_line_count(l);
    b->colour = ink;
}

static void flow_cover(Flow *f)
{
    const CsbCover *c = &f->doc->cover;
    const CsbTemplate *t = f->t;
    double w = t->page_w;
    CsbBox *band = box_add(f, CSB_BOX_RECT, 0, 0, w, t->page_h * 0.42);
    band->colour = t->accent;
    if (c->logo_path) {
        CsbBox *img = box_add(f, CSB_BOX_IMAGE, w - t->margin_right - 110, t->margin_top, 110, 55);
        img->target = g_strdup(c->logo_path);
    }
    CsbColour white = {1, 1, 1};
    Font small = {t->font_body, t->size_body * 1.05, TRUE, FALSE, PANGO_ALIGN_LEFT};
    double x = t->margin_left, tw = w - t->margin_left - t->margin_right;
    if (c->organisation)
        put_text(f, c->organisation, small, white, x, t->margin_top + 8, tw * 0.65);
    Font title = {t->font_body, t->size_title, TRUE, FALSE, PANGO_ALIGN_LEFT};
    PangoLayout *tl = plain_layout(f, c->title ? c->title : t->default_title, title, tw);
    double th = layout_height(tl);
    g_object_unref(tl);
    double ty = t->page_h * 0.42 - 28 - th;
    put_text(f, c->title ? c->title : t->default_title, title, white, x, ty, tw);
    Font sub = {t->font_body, t->size_h2 * 1.2, FALSE, FALSE, PANGO_ALIGN_LEFT};
    double y = t->page_h * 0.42 + 28;
    if (c->authority) {
        Font big = {t->font_body, t->size_h1 * 1.1, TRUE, FALSE, PANGO_ALIGN_LEFT};
        put_text(f, c->authority, big, t->ink, x, y, tw);
        y += t->size_h1 * 1.1 * 1.6;
    }
    if (c->subtitle) {
        put_text(f, c->subtitle, sub, t->muted, x, y, tw);
        y += t->size_h2 * 1.2 * 1.8;
    }
    if (c->date_text)
        put_text(f, c->date_text, sub, t->ink, x, y, tw);
    if (c->prepared_note) {
        Font note = {t->font_body, t->size_small, FALSE, FALSE, PANGO_ALIGN_LEFT};
        put_text(f, c->prepared_note, note, t->muted, x, t->page_h - t->margin_bottom - 40, tw);
    }
    new_page(f);
}

static void flow_contents(Flow *f)
{
    const CsbTemplate *t = f->t;
    Font h = {t->font_body, t->size_h1, TRUE, FALSE, PANGO_ALIGN_LEFT};
    put_text(f, "Contents", h, t->accent, f->left, f->y, f->width);
    f->y += t->size_h1 * 2;
    for (guint i = 0; i < f->doc->blocks->len; i++) {
        const CsbDocBlock *b = f->doc->blocks->pdata[i];
        if (b->kind != CSB_BLOCK_HEADING_1 && b->kind != CSB_BLOCK_HEADING_2)
            continue;
        gboolean top = b->kind == CSB_BLOCK_HEADING_1;
        double indent = top ? 0 : t->size_body * 1.5;
        Font font = {t->font_body, t->size_body * (top ? 1.1 : 1.0), top, FALSE,
                     PANGO_ALIGN_LEFT};
        int pg = GPOINTER_TO_INT(g_hash_table_lookup(f->anchor_pages, b->anchor));
        char *num = pg ? g_strdup_printf("%d", pg) : g_strdup("");
        PangoLayout *title = rich_layout(f, b->text, font, f->width - indent - 40);
        double lh = layout_height(title) + (top ? 5 : 2);
        ensure(f, lh);
        if (top)
            f->y += 3;
        CsbBox *tb = box_add(f, CSB_BOX_TEXT, f->left + indent, f->y, f->width - indent - 40, lh);
        tb->layout = title;
        tb->line_from = 0;
        tb->line_to = pango_layout_get_line_count(title);
        Font nf = font;
        nf.align = PANGO_ALIGN_RIGHT;
        put_text(f, num, nf, t->ink, f->left + f->width - 40, f->y, 40);
        CsbBox *lk = box_add(f, CSB_BOX_LINK, f->left, f->y, f->width, lh);
        lk->target = g_strdup_printf("dest:%s", b->anchor);
        f->y += lh;
        g_free(num);
    }
}

/* ---- furniture and the passes ------------------------------------------ */

static void add_furniture(Flow *f)
{
    const CsbTemplate *t = f->t;
    guint n = f->out->pages->len;
    Font small = {t->font_body, t->size_small, FALSE, FALSE, PANGO_ALIGN_LEFT};
    Font right = small;
    right.align = PANGO_ALIGN_RIGHT;
    for (guint i = 1; i < n; i++) { /* not on the cover */
        f->page = f->out->pages->pdata[i];
        double hy = t->margin_top - t->size_small * 2.6;
        put_text(f, f->doc->running_title ? f->doc->running_title : "", small, t->muted,
                 f->left, hy, f->width * 0.75);
        CsbBox *r = box_add(f, CSB_BOX_RULE, f->left, t->margin_top - t->size_small * 0.9,
                            f->width, 0);
        r->colour = t->rule;
        r->width = 0.5;
        char *label = g_strdup_printf("Page %u of %u", i + 1, n);
        double fy = t->page_h - t->margin_bottom + t->size_small * 1.2;
        put_text(f, label, right, t->muted, f->left + f->width * 0.5, fy, f->width * 0.5);
        if (f->doc->cover.date_text)
            put_text(f, f->doc->cover.date_text, small, t->muted, f->left, fy, f->width * 0.5);
        g_free(label);
    }
}

static CsbLayout *one_pass(const CsbDoc *doc, PangoContext *ctx, GHashTable *anchors,
                           GHashTable *found)
{
    const CsbTemplate *t = doc->tpl;
    CsbLayout *out = g_new0(CsbLayout, 1);
    out->pages = g_ptr_array_new_with_free_func(page_free);
    out->outline = g_ptr_array_new_with_free_func(outline_free);
    out->page_w = t->page_w;
    out->page_h = t->page_h;
    Flow f = {doc, t, ctx, out, NULL, 0, t->margin_top, t->page_h - t->margin_bottom,
              t->margin_left, t->page_w - t->margin_left - t->margin_right, anchors, found};
    new_page(&f);
    for (guint i = 0; i < doc->blocks->len; i++) {
        const CsbDocBlock *b = doc->blocks->pdata[i];
        const CsbDocBlock *next = i + 1 < doc->blocks->len ? doc->blocks->pdata[i + 1] : NULL;
        switch (b->kind) {
        case CSB_BLOCK_COVER:
            flow_cover(&f);
            break;
        case CSB_BLOCK_CONTENTS:
            flow_contents(&f);
            break;
        case CSB_BLOCK_HEADING_1:
            flow_heading(&f, b, next, 1);
            break;
        case CSB_BLOCK_HEADING_2:
            flow_heading(&f, b, next, 2);
            break;
        case CSB_BLOCK_HEADING_3:
            flow_heading(&f, b, next, 3);
            break;
        case CSB_BLOCK_PARAGRAPH:
            flow_paragraph(&f, b);
            break;
        case CSB_BLOCK_LIST:
            flow_list(&f, b);
            break;
        case CSB_BLOCK_QUOTE:
            flow_quote(&f, b);
            break;
        case CSB_BLOCK_CALLOUT:
            flow_callout(&f, b);
            break;
        case CSB_BLOCK_TABLE:
            flow_table(&f, b);
            break;
        case CSB_BLOCK_FIGURE:
            flow_figure(&f, b);
            break;
        case CSB_BLOCK_PAGE_BREAK:
            if (!page_is_empty(&f))
                new_page(&f);
            break;
        }
    }
    /* A trailing empty page (from a final page break) is dropped. */
    if (out->pages->len > 1 && page_is_empty(&f) && f.page->boxes->len == 0)
        g_ptr_array_remove_index(out->pages, out->pages->len - 1);
    add_furniture(&f);
    return out;
}

CsbLayout *csb_layout_run(const CsbDoc *doc, PangoFontMap *fontmap, CsbDiag *diag)
{
    PangoContext *ctx = pango_font_map_create_context(fontmap);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    GHashTable *anchors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    CsbLayout *out = NULL;
    /* Pass 1 learns where headings fall; pass 2 prints those pages in the
     * contents. The contents has a fixed number of lines, so two passes
     * settle unless numbers change width; a third pass covers that. */
    for (int pass = 0; pass < 3; pass++) {
        GHashTable *found = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        csb_layout_free(out);
        out = one_pass(doc, ctx, anchors, found);
        gboolean stable = g_hash_table_size(found) == g_hash_table_size(anchors);
        GHashTableIter it;
        gpointer k, v;
        g_hash_table_iter_init(&it, found);
        while (stable && g_hash_table_iter_next(&it, &k, &v))
            stable = g_hash_table_lookup(anchors, k) == v;
        g_hash_table_destroy(anchors);
        anchors = found;
        if (stable)
            break;
    }
    g_hash_table_destroy(anchors);
    g_object_unref(ctx);
    out->fontmap = fontmap;
    if (doc->tpl->max_pages && (int)out->pages->len > doc->tpl->max_pages)
        csb_diag_warn(diag, doc->tpl->id, 0, 0,
                      "the briefing has %u pages, more than the template's limit of %d",
                      out->pages->len, doc->tpl->max_pages);
    return out;
}
