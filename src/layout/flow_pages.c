/* flow_pages.c - the parts of a briefing that are pages rather than flow:
 * the cover (a page of its own), the masthead (a band across the top of
 * the first page), the contents (titles, dotted leaders and page numbers
 * filled in by the second pass, each line a link), and the page furniture:
 * running title and section above (the section the page opens in, and the
 * one starting lower down when a section follows on, by titles or short
 * names, whichever fit whole), date and "Page N of M" below.
 *
 * Structure, in reading order: the cover and the masthead are a section
 * of paragraphs around the title (H1); the contents a section with its
 * heading and a TOC whose items each hold a Link to the heading (its
 * title and page number). Bands, logos, leaders and the page furniture
 * are decoration.
 */
#include "flow.h"

#include <string.h>

static const CsbColour white = {1, 1, 1};

/* A new element of the current section; what is placed next belongs to it. */
static void element(Flow *f, const char *role)
{
    flow_owner(f, flow_node(f, f->sect, role));
}

/* Blend c towards white: for text on the accent band. */
static CsbColour tint(CsbColour c, double towards_white)
{
    return (CsbColour){c.r + (1 - c.r) * towards_white, c.g + (1 - c.g) * towards_white,
                       c.b + (1 - c.b) * towards_white};
}

static void logo(Flow *f, const char *path, double right, double top, double w, double h)
{
    CsbBox *card = flow_box(f, CSB_BOX_RECT, right - w - 8, top - 6, w + 16, h + 12);
    card->colour = white;
    card->radius = 3;
    CsbBox *img = flow_box(f, CSB_BOX_IMAGE, right - w, top, w, h);
    img->target = g_strdup(path);
}

void flow_cover(Flow *f)
{
    const CsbCover *c = &f->doc->cover;
    const CsbTemplate *t = f->t;
    double x = t->margin_left, tw = f->width, band = t->page_h * 0.40;
    f->page->cover = TRUE;
    CsbBox *b = flow_box(f, CSB_BOX_RECT, 0, 0, t->page_w, band);
    b->colour = t->accent;
    double org_w = c->logo_path ? tw - 150 : tw;
    if (c->logo_path)
        logo(f, c->logo_path, t->page_w - t->margin_right, t->margin_top, 120, 60);
    FlowFont small = {.family = t->font_body,
                      .size = t->size_body * 1.05,
                      .bold = TRUE,
                      .align = PANGO_ALIGN_LEFT};
    double org_bottom = t->margin_top + (c->logo_path ? 60 : 0);
    if (c->organisation) {
        element(f, "P");
        /* Set once: MAX evaluates its arguments twice. */
        double h = flow_put_text(f, c->organisation, small, white, x, t->margin_top, org_w);
        org_bottom = MAX(org_bottom, t->margin_top + h);
    }
    /* Title sits on the band's foot, the template's name above it; a title
     * too long for the band is set smaller rather than run into the top. */
    FlowFont title = {.family = t->font_body,
                      .size = t->size_title,
                      .bold = TRUE,
                      .align = PANGO_ALIGN_LEFT,
                      .spacing = 1.05f};
    const char *text = c->title ? c->title : t->default_title;
    PangoLayout *tl = NULL;
    double ty;
    for (;;) {
        tl = flow_layout_plain(f, text, title, tw);
        ty = band - 30 - flow_layout_height(tl);
        if (ty - t->size_body * 2.5 >= org_bottom + 10 || title.size < 14)
            break;
        g_object_unref(tl);
        title.size *= 0.9;
    }
    /* The template's name is read first: it stands above the title. */
    FlowFont kicker = {.family = t->font_body, .size = t->size_body, .align = PANGO_ALIGN_LEFT};
    if (t->name && g_strcmp0(t->name, text) != 0) {
        element(f, "P");
        flow_put_text(f, t->name, kicker, tint(t->accent, 0.75), x,
                      ty - t->size_body * 1.9, tw);
    }
    element(f, "H1");
    flow_put_layout(f, tl, white, x, ty);
    g_object_unref(tl);
    /* Below the band: whom it is about, what for, and when. */
    double y = band + 30;
    if (c->authority) {
        FlowFont big = {.family = t->font_body,
                        .size = t->size_h1 * 1.25,
                        .bold = TRUE,
                        .align = PANGO_ALIGN_LEFT};
        element(f, "P");
        y += flow_put_text(f, c->authority, big, t->ink, x, y, tw) + 6;
    }
    FlowFont sub = {.family = t->font_body, .size = t->size_h2 * 1.1, .align = PANGO_ALIGN_LEFT};
    if (c->subtitle) {
        element(f, "P");
        y += flow_put_text(f, c->subtitle, sub, t->muted, x, y, tw * 0.85) + 10;
    }
    if (c->date_text) {
        element(f, "P");
        y += flow_put_text(f, c->date_text, sub, t->ink, x, y, tw) + 6;
    }
    if (c->facts) {
        f->y = y + 22;
        FlowTable *ft = flow_table_measure(f, c->facts, FALSE);
        flow_table(f, c->facts, ft);
        flow_table_free(ft);
    }
    if (c->prepared_note) {
        FlowFont note = {.family = t->font_body, .size = t->size_small, .align = PANGO_ALIGN_LEFT};
        element(f, "P");
        PangoLayout *nl = flow_layout_plain(f, c->prepared_note, note, tw);
        double ny = t->page_h - t->margin_bottom - flow_layout_height(nl);
        CsbBox *r = flow_box(f, CSB_BOX_RULE, x, ny - 8, tw, 0);
        r->colour = t->rule;
        r->width = 0.6;
        flow_put_layout(f, nl, t->muted, x, ny);
        g_object_unref(nl);
    }
    flow_new_page(f);
}

void flow_masthead(Flow *f)
{
    const CsbCover *c = &f->doc->cover;
    const CsbTemplate *t = f->t;
    double x = t->margin_left, tw = f->width;
    double text_w = c->logo_path ? tw - 110 : tw;
    FlowFont small = {
        .family = t->font_body, .size = t->size_small, .bold = TRUE, .align = PANGO_ALIGN_LEFT};
    FlowFont title = {.family = t->font_body,
                      .size = t->size_title,
                      .bold = TRUE,
                      .align = PANGO_ALIGN_LEFT,
                      .spacing = 1.05f};
    FlowFont sub = {.family = t->font_body, .size = t->size_body, .align = PANGO_ALIGN_LEFT};
    FlowFont who = {
        .family = t->font_body, .size = t->size_h2, .bold = TRUE, .align = PANGO_ALIGN_LEFT};
    f->page->bare = TRUE;
    CsbBox *band = flow_box(f, CSB_BOX_RECT, 0, 0, t->page_w, 0); /* height known below */
    band->colour = t->accent;
    double y = t->margin_top * 0.8;
    if (c->organisation) {
        element(f, "P");
        y += flow_put_text(f, c->organisation, small, tint(t->accent, 0.8), x, y, text_w) + 6;
    }
    element(f, "H1");
    PangoLayout *tl = flow_layout_plain(f, c->title ? c->title : t->default_title, title, text_w);
    flow_put_layout(f, tl, white, x, y);
    y += flow_layout_height(tl) + 4;
    g_object_unref(tl);
    GString *line = g_string_new(c->authority);
    if (c->subtitle)
        g_string_append_printf(line, "%s%s", line->len ? " \u2014 " : "", c->subtitle);
    if (line->len) {
        element(f, "P");
        y += flow_put_text(f, line->str, who, white, x, y, text_w) + 2;
    }
    g_string_free(line, TRUE);
    if (c->date_text) {
        element(f, "P");
        y += flow_put_text(f, c->date_text, sub, tint(t->accent, 0.8), x, y, text_w);
    }
    band->h = y + t->size_body * 1.4;
    if (c->logo_path)
        logo(f, c->logo_path, t->page_w - t->margin_right, t->margin_top * 0.8, 90, 45);
    f->y = MAX(f->top, band->h + t->size_body * 1.2);
}

/* ---- contents ---------------------------------------------------------- */

/* Width of a layout's last line, and its baseline from the layout's top. */
static void last_line(PangoLayout *l, double *width, double *baseline, double *top)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    while (!pango_layout_iter_at_last_line(it))
        pango_layout_iter_next_line(it);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, NULL, &logical);
    int y0, y1;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    *width = (double)(logical.x + logical.width) / PANGO_SCALE;
    *baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
    *top = (double)y0 / PANGO_SCALE;
    pango_layout_iter_free(it);
}

#define NUMBER_W 30.0

void flow_contents(Flow *f, const CsbDocBlock *cb)
{
    const CsbTemplate *t = f->t;
    if (!flow_page_is_empty(f))
        flow_new_page(f);
    flow_record_anchor(f, cb->anchor, cb->text, 1, NULL);
    FlowFont h = {
        .family = t->font_body, .size = t->size_h1, .bold = TRUE, .align = PANGO_ALIGN_LEFT};
    element(f, "H1");
    f->y += flow_put_text(f, "Contents", h, t->accent, f->left, f->y, f->width);
    int toc = flow_node(f, f->sect, "TOC");
    CsbBox *rule = flow_box(f, CSB_BOX_RULE, f->left, f->y + 3, f->width, 0);
    rule->colour = t->accent;
    rule->width = 1.2;
    f->y += 14;
    for (guint i = 0; i < f->doc->blocks->len; i++) {
        const CsbDocBlock *b = f->doc->blocks->pdata[i];
        if (b->kind != CSB_BLOCK_HEADING_1 && b->kind != CSB_BLOCK_HEADING_2)
            continue;
        gboolean top = b->kind == CSB_BLOCK_HEADING_1;
        double indent = top ? 0 : t->size_body * 1.6;
        FlowFont font = {.family = t->font_body,
                         .size = t->size_body * (top ? 1.05 : 0.95),
                         .bold = top,
                         .align = PANGO_ALIGN_LEFT};
        double title_w = f->width - indent - NUMBER_W - 24;
        PangoLayout *title = flow_layout_rich(f, b->text, font, title_w);
        double lh = flow_layout_height(title);
        double before = top ? t->size_body * 0.7 : t->size_body * 0.15;
        flow_ensure(f, before + lh);
        flow_space(f, before);
        flow_owner(f, flow_node(f, flow_node(f, toc, "TOCI"), "Link"));
        CsbColour ink = top ? t->ink : t->muted;
        flow_put_layout(f, title, ink, f->left + indent, f->y);
        double lw, base, ltop;
        last_line(title, &lw, &base, &ltop);
        double lead_x0 = f->left + indent + lw + 5, lead_x1 = f->left + f->width - NUMBER_W - 3;
        if (lead_x1 > lead_x0) {
            CsbBox *dots = flow_box(f, CSB_BOX_RULE, lead_x0, f->y + base - 0.5,
                                    lead_x1 - lead_x0, 0);
            dots->dotted = TRUE;
            dots->colour = t->muted;
            dots->width = 0.9;
        }
        FlowSlot *slot = g_new0(FlowSlot, 1);
        *slot = (FlowSlot){f->page, b->anchor, f->left + f->width - NUMBER_W, f->y + ltop,
                           NUMBER_W, font, f->node};
        slot->font.align = PANGO_ALIGN_RIGHT;
        g_ptr_array_add(f->slots, slot);
        CsbBox *lk = flow_box(f, CSB_BOX_LINK, f->left + indent, f->y, f->width - indent, lh);
        lk->target = g_strdup_printf("dest:%s", b->anchor);
        f->y += lh;
        g_object_unref(title);
    }
    f->y += t->size_body;
    /* The section after it starts a page even below a short contents. */
    f->section_page = flow_page_number(f);
}

void flow_fill_contents(Flow *f)
{
    CsbPage *keep = f->page;
    for (guint i = 0; i < f->slots->len; i++) {
        const FlowSlot *s = f->slots->pdata[i];
        int pg = GPOINTER_TO_INT(g_hash_table_lookup(f->anchor_pages, s->anchor));
        if (!pg)
            continue;
        char *num = g_strdup_printf("%d", pg);
        f->page = s->page;
        flow_owner(f, s->node);
        flow_put_text(f, num, s->font, f->t->ink, s->x, s->y, s->w);
        g_free(num);
    }
    f->page = keep;
}

/* ---- furniture --------------------------------------------------------- */

/* Muted text on one line, cut with an ellipsis if it is too long. */
static void one_line(Flow *f, const char *text, FlowFont font, double x, double y, double w)
{
    font.single_line = TRUE;
    PangoLayout *l = flow_layout_plain(f, text, font, w);
    flow_put_layout(f, l, f->t->muted, x, y);
    g_object_unref(l);
}

/* The width text takes on one line, uncut. */
static double natural_width(Flow *f, const char *text, FlowFont font)
{
    PangoLayout *l = flow_layout_plain(f, text, font, f->width * 4);
    int w = 0;
    pango_layout_get_size(l, &w, NULL);
    g_object_unref(l);
    return (double)w / PANGO_SCALE;
}

static const char *short_or_title(const CsbSectionName *n)
{
    return n->short_title ? n->short_title : n->title;
}

/* What a running head w wide says of the page's sections: the first of
 * these that fits whole: the titles of both, the section the page opens
 * in and the one starting lower down ("Theme: Care leavers' accommodation
 * and support · Theme: Exploitation and missing children"); their
 * short names ("Theme: Care leavers · Theme: Exploitation"); the
 * section the page opens in alone, by its title, then by its short name
 * (the one starting lower down is named by its own heading on the page).
 * When none fits, the last, cut with an ellipsis. NULL: no section. */
static char *section_head(Flow *f, const CsbPage *pg, FlowFont font, double w)
{
    const CsbSectionName *a = &pg->section, *b = &pg->section_then;
    if (!a->title)
        return NULL;
    GPtrArray *tries = g_ptr_array_new_with_free_func(g_free);
    if (b->title) {
        g_ptr_array_add(tries, g_strdup_printf("%s · %s", a->title, b->title));
        g_ptr_array_add(tries, g_strdup_printf("%s · %s", short_or_title(a),
                                               short_or_title(b)));
    }
    g_ptr_array_add(tries, g_strdup(a->title));
    g_ptr_array_add(tries, g_strdup(short_or_title(a)));
    guint i = 0;
    while (i + 1 < tries->len && natural_width(f, tries->pdata[i], font) > w)
        i++;
    char *head = g_ptr_array_steal_index(tries, i);
    g_ptr_array_free(tries, TRUE);
    return head;
}

void flow_furniture(Flow *f)
{
    const CsbTemplate *t = f->t;
    guint n = f->out->pages->len;
    FlowFont small = {.family = t->font_body, .size = t->size_small, .align = PANGO_ALIGN_LEFT};
    FlowFont right = small;
    right.align = PANGO_ALIGN_RIGHT;
    const char *running = f->doc->running_title ? f->doc->running_title : "";
    flow_owner(f, CSB_ARTIFACT);
    for (guint i = 0; i < n; i++) {
        f->page = f->out->pages->pdata[i];
        if (f->page->cover)
            continue;
        if (!f->page->bare) {
            double hy = t->margin_top - t->size_small * 3.0;
            /* The running title takes what it needs, up to 60%; the section
             * the rest ("Theme: Care leavers' accommodation and support"):
             * the one the page opens in, then the one starting lower down
             * when one does, by the names that fit (section_head). */
            gboolean named = f->page->section.title != NULL;
            double left_w = named ? MIN(natural_width(f, running, small), f->width * 0.6)
                                  : f->width;
            one_line(f, running, small, f->left, hy, left_w);
            if (named) {
                double gap = f->width * 0.04, right_w = f->width - left_w - gap;
                char *section = section_head(f, f->page, right, right_w);
                one_line(f, section, right, f->left + f->width - right_w, hy, right_w);
                g_free(section);
            }
            CsbBox *r = flow_box(f, CSB_BOX_RULE, f->left, t->margin_top - t->size_small * 1.2,
                                 f->width, 0);
            r->colour = t->rule;
            r->width = 0.5;
        }
        double fy = t->page_h - t->margin_bottom + t->size_small * 1.6;
        CsbBox *r = flow_box(f, CSB_BOX_RULE, f->left, fy - t->size_small * 0.6, f->width, 0);
        r->colour = t->rule;
        r->width = 0.5;
        char *label = g_strdup_printf("Page %u of %u", i + 1, n);
        flow_put_text(f, label, right, t->muted, f->left + f->width * 0.6, fy, f->width * 0.4);
        if (f->doc->cover.date_text)
            flow_put_text(f, f->doc->cover.date_text, small, t->muted, f->left, fy,
                          f->width * 0.6);
        g_free(label);
    }
}
