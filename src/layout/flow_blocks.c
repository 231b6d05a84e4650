/* flow_blocks.c - placing each kind of block: headings (kept with the start
 * of what follows, however many headings are stacked; a top-level one
 * starting a page, unless the page holds only a short end of the section
 * before), paragraphs (a lead-in, or a heading's intro, with the start of
 * what it introduces), lists (a bullet always on the page of its item's
 * first line), quotations (the citation never separated from the
 * quotation's last lines), callouts and figures (the grade matrix broken
 * between its rows, two on each side, like a table), with the space
 * between blocks shrunk by the pass's glue (flow.c). Blocks are measured
 * once; the layouts are kept for the pass, so a heading can ask how much
 * room the next block needs to start.
 */
#include "flow.h"

struct FlowMeasure {
    PangoLayout *main;   /* heading, paragraph, quotation, callout; figure caption */
    PangoLayout *cite;   /* quotation: its citation */
    PangoLayout *bullet; /* list */
    GPtrArray *items;    /* list: PangoLayout* */
    FlowTable *table;
};

void flow_measure_free(gpointer p)
{
    FlowMeasure *m = p;
    if (m->main)
        g_object_unref(m->main);
    if (m->cite)
        g_object_unref(m->cite);
    if (m->bullet)
        g_object_unref(m->bullet);
    if (m->items)
        g_ptr_array_free(m->items, TRUE);
    flow_table_free(m->table);
    g_free(m);
}

/* ---- geometry ---------------------------------------------------------- */

static double heading_size(const Flow *f, int level)
{
    const CsbTemplate *t = f->t;
    return level == 1 ? t->size_h1 : level == 2 ? t->size_h2 : t->size_h3;
}

/* Space between blocks: em of the body size, shrunk by the pass's glue. */
static double gap(const Flow *f, double em)
{
    return f->t->size_body * em * f->glue;
}

static double space_before(const Flow *f, int level)
{
    return heading_size(f, level) * (level == 3 ? 0.6 : 0.85) * f->glue;
}

static double space_after(const Flow *f, int level)
{
    return (level == 1 ? 9 : heading_size(f, level) * (level == 2 ? 0.35 : 0.2)) * f->glue;
}

static double list_indent(const Flow *f)
{
    return f->t->size_body * 1.3;
}

static double quote_indent(const Flow *f)
{
    return f->t->size_body * 1.3;
}

/* A top-level section follows on below the end of the section before,
 * rather than start a page, when that end fills less than this share of
 * its page: a page holding two bullets or one quotation and blank below is
 * the gap a reader notices, not a section starting down a page. */
#define TAIL_SHARE (1.0 / 3.0)

#define CALLOUT_INSET (FLOW_PAD * 2.5)
#define CITE_GAP 2.5

static int heading_level(const CsbDocBlock *b)
{
    return b->kind == CSB_BLOCK_HEADING_1 ? 1 : b->kind == CSB_BLOCK_HEADING_2 ? 2 : 3;
}

/* ---- measuring --------------------------------------------------------- */

static FlowMeasure *measure(Flow *f, const CsbDocBlock *b)
{
    FlowMeasure *m = g_hash_table_lookup(f->measured, b);
    if (m)
        return m;
    m = g_new0(FlowMeasure, 1);
    const CsbTemplate *t = f->t;
    FlowFont body = flow_body_font(f);
    switch (b->kind) {
    case CSB_BLOCK_HEADING_1:
    case CSB_BLOCK_HEADING_2:
    case CSB_BLOCK_HEADING_3: {
        FlowFont hf = {.family = t->font_body,
                       .size = heading_size(f, heading_level(b)),
                       .bold = TRUE,
                       .align = PANGO_ALIGN_LEFT,
                       .spacing = 1.1f};
        m->main = flow_layout_rich(f, b->text, hf, f->width);
        break;
    }
    case CSB_BLOCK_PARAGRAPH:
        m->main = flow_layout_rich(f, b->text, body, f->width);
        break;
    case CSB_BLOCK_LIST:
        m->items = g_ptr_array_new_with_free_func(g_object_unref);
        for (guint i = 0; i < b->items->len; i++)
            g_ptr_array_add(m->items, flow_layout_rich(f, b->items->pdata[i], body,
                                                       f->width - list_indent(f)));
        m->bullet = flow_layout_plain(f, "\u2022", body, list_indent(f));
        break;
    case CSB_BLOCK_QUOTE: {
        FlowFont qf = {.family = t->font_quote,
                       .size = t->size_body,
                       .italic = TRUE,
                       .align = PANGO_ALIGN_LEFT};
        char *q = csb_rich_text(b->text);
        /* An ellipsis stays on the line of the word before it. */
        char **parts = g_strsplit(q, " \u2026", -1);
        char *joined = g_strjoinv("\u00A0\u2026", parts);
        char *quoted = g_strdup_printf("\u201C%s\u201D", joined);
        g_strfreev(parts);
        g_free(joined);
        m->main = flow_layout_plain(f, quoted, qf, f->width - quote_indent(f));
        g_free(quoted);
        g_free(q);
        FlowFont cf = {.family = t->font_body, .size = t->size_small, .align = PANGO_ALIGN_LEFT};
        if (b->citation)
            m->cite = flow_layout_rich(f, b->citation, cf, f->width - quote_indent(f));
        break;
    }
    case CSB_BLOCK_CALLOUT:
        m->main = flow_layout_rich(f, b->text, body, f->width - 2 * CALLOUT_INSET);
        break;
    case CSB_BLOCK_TABLE:
        m->table = flow_table_measure(f, b->table,
                                      b == g_ptr_array_index(f->doc->blocks,
                                                             f->doc->blocks->len - 1));
        break;
    case CSB_BLOCK_FIGURE:
        if (b->chart->caption) {
            FlowFont cf = {.family = t->font_body,
                           .size = t->size_small,
                           .italic = TRUE,
                           .align = PANGO_ALIGN_LEFT};
            m->main = flow_layout_plain(f, b->chart->caption, cf, f->width);
        }
        break;
    default:
        break;
    }
    g_hash_table_insert(f->measured, (gpointer)b, m);
    return m;
}

static double cite_height(const FlowMeasure *m)
{
    return m->cite ? CITE_GAP + flow_layout_height(m->cite) : 0;
}

static double figure_height(const CsbDocBlock *b, const FlowMeasure *m)
{
    return b->chart->height + (m->main ? 4 + flow_layout_height(m->main) : 0);
}

/* A chart broken between its rows (csb_chart_splits) keeps two rows on
 * each side of a break, so one of four rows or more can be. */
static gboolean figure_breaks(const CsbDocBlock *b)
{
    return csb_chart_splits(b->chart) && b->chart->rows->len >= 4;
}

static double figure_lead(const CsbDocBlock *b, const FlowMeasure *m)
{
    return figure_breaks(b) ? csb_chart_part_height(b->chart, 0, 2) : figure_height(b, m);
}

static gboolean is_heading(const Flow *f, guint index)
{
    if (index >= f->doc->blocks->len)
        return FALSE;
    CsbDocBlockKind k = ((const CsbDocBlock *)f->doc->blocks->pdata[index])->kind;
    return k == CSB_BLOCK_HEADING_1 || k == CSB_BLOCK_HEADING_2 || k == CSB_BLOCK_HEADING_3;
}

/* Does the paragraph at index keep its last lines with the start of the
 * block after it? A lead-in does (keep_with_next: "Inspectors asked the
 * council to improve:"), and so does a heading's intro: a paragraph right
 * under a heading that a list, table, figure or quotation follows ("Each
 * peer counted by its latest inspection only ..."), so that a heading and
 * its intro never end a page whose next one holds all they introduce. */
static gboolean keeps_with_next(const Flow *f, guint index)
{
    const CsbDocBlock *b = f->doc->blocks->pdata[index];
    if (b->keep_with_next)
        return TRUE;
    if (index == 0 || !is_heading(f, index - 1) || index + 1 >= f->doc->blocks->len)
        return FALSE;
    CsbDocBlockKind next = ((const CsbDocBlock *)f->doc->blocks->pdata[index + 1])->kind;
    return next == CSB_BLOCK_LIST || next == CSB_BLOCK_TABLE || next == CSB_BLOCK_FIGURE ||
           next == CSB_BLOCK_QUOTE;
}

/* The room a list needs to start: its first item's lead, and when it has
 * two items, all of the first (unless it breaks) and the lead of the
 * second, which never starts a page alone. */
static double list_lead(Flow *f, const FlowMeasure *m)
{
    if (!m->items->len)
        return 0;
    PangoLayout *first = m->items->pdata[0];
    if (m->items->len != 2 || pango_layout_get_line_count(first) > 3)
        return flow_lead_height(first);
    return flow_layout_height(first) + gap(f, 0.3) + flow_lead_height(m->items->pdata[1]);
}

double flow_block_lead(Flow *f, guint index)
{
    if (index >= f->doc->blocks->len)
        return 0;
    const CsbDocBlock *b = f->doc->blocks->pdata[index];
    FlowMeasure *m = measure(f, b);
    switch (b->kind) {
    case CSB_BLOCK_HEADING_1:
    case CSB_BLOCK_HEADING_2:
    case CSB_BLOCK_HEADING_3: {
        int level = heading_level(b);
        if (level == 1 && f->t->section_breaks)
            return 0; /* it starts a page, or follows on with most of one free */
        return space_before(f, level) + flow_layout_height(m->main) + space_after(f, level) +
               flow_block_lead(f, index + 1);
    }
    case CSB_BLOCK_PARAGRAPH:
        /* One that keeps with the next block and moves whole needs the
         * next block's start beside it; a longer one breaks, its last
         * lines going with that start. */
        if (keeps_with_next(f, index) && pango_layout_get_line_count(m->main) <= 3)
            return flow_layout_height(m->main) + gap(f, 0.6) +
                   flow_block_lead(f, index + 1);
        return flow_lead_height(m->main);
    case CSB_BLOCK_LIST:
        return list_lead(f, m);
    case CSB_BLOCK_QUOTE:
        return flow_lead_height(m->main) +
               (pango_layout_get_line_count(m->main) <= 3 ? cite_height(m) : 0);
    case CSB_BLOCK_CALLOUT:
        return flow_lead_height(m->main) + 2 * FLOW_PAD;
    case CSB_BLOCK_TABLE:
        return flow_table_lead(f, m->table);
    case CSB_BLOCK_FIGURE:
        return figure_lead(b, m);
    default:
        return 0;
    }
}

/* ---- placing ----------------------------------------------------------- */

static gboolean is_figure(const Flow *f, guint index)
{
    return index < f->doc->blocks->len &&
           ((const CsbDocBlock *)f->doc->blocks->pdata[index])->kind == CSB_BLOCK_FIGURE;
}

/* The height a section's start needs on the page it starts on: what
 * cannot be broken from index on (a figure, a paragraph of three lines or
 * fewer, and a paragraph introducing a figure, which needs the start of
 * the figure beside it) whole, then the lead of the first block that can
 * be broken. */
static double opening_height(Flow *f, guint index)
{
    double h = 0;
    for (guint i = index; i < f->doc->blocks->len; i++) {
        const CsbDocBlock *b = f->doc->blocks->pdata[i];
        FlowMeasure *m = measure(f, b);
        if (b->kind == CSB_BLOCK_FIGURE && !figure_breaks(b))
            h += figure_height(b, m) + gap(f, 1.2);
        else if (b->kind == CSB_BLOCK_PARAGRAPH &&
                 (pango_layout_get_line_count(m->main) <= 3 || is_figure(f, i + 1)))
            h += flow_layout_height(m->main) + gap(f, 0.6);
        else
            return h + flow_block_lead(f, i);
    }
    return h;
}

/* Does the top-level heading at index start a new page? With section
 * breaks, yes, unless the page holds only the end of the section before
 * (it started on an earlier page), that end fills less than TAIL_SHARE of
 * the page, and the new section's start fits below it. */
static gboolean section_starts_page(Flow *f, guint index, double heading_h)
{
    if (!f->t->section_breaks || flow_page_is_empty(f))
        return FALSE;
    gboolean tail = flow_page_number(f) > f->section_page;
    if (!tail || f->y - f->top >= (f->bottom - f->top) * TAIL_SHARE)
        return TRUE;
    return f->y + space_before(f, 1) + heading_h + space_after(f, 1) +
               opening_height(f, index + 1) >
           f->bottom;
}

static void heading(Flow *f, guint index, const CsbDocBlock *b)
{
    int level = heading_level(b);
    FlowMeasure *m = measure(f, b);
    double h = flow_layout_height(m->main);
    if (level == 1 && section_starts_page(f, index, h))
        flow_new_page(f);
    flow_space(f, space_before(f, level));
    flow_ensure(f, h + space_after(f, level) + flow_block_lead(f, index + 1));
    if (level == 1)
        f->section_page = flow_page_number(f);
    flow_record_anchor(f, b->anchor, b->text, level, b->short_title);
    CsbColour ink = level == 3 ? f->t->ink : f->t->accent;
    static const char *const roles[] = {"H1", "H2", "H3"};
    flow_owner(f, flow_node(f, f->sect, roles[level - 1]));
    flow_place_lines(f, m->main, f->left, f->width, ink, 0, 0, NULL, NULL);
    if (level == 1) {
        CsbBox *r = flow_box(f, CSB_BOX_RULE, f->left, f->y + 3, f->width, 0);
        r->colour = f->t->accent;
        r->width = 1.2;
    }
    f->y += space_after(f, level);
}

static void paragraph(Flow *f, guint index, const CsbDocBlock *b)
{
    double keep = keeps_with_next(f, index) ? gap(f, 0.6) + flow_block_lead(f, index + 1) : 0;
    flow_owner(f, flow_node(f, f->sect, "P"));
    flow_place_lines(f, measure(f, b)->main, f->left, f->width, f->t->ink, 0, keep, NULL, NULL);
    f->y += gap(f, 0.6);
}

typedef struct {
    PangoLayout *layout;
    int label; /* the item's Lbl */
} Bullet;

static void bullet(Flow *f, guint index, int piece, double x, double y, double w, double h,
                   gpointer data)
{
    const Bullet *bl = data;
    if (piece != 0)
        return;
    CsbBox *d = flow_box_at(f, index, CSB_BOX_TEXT, f->left + list_indent(f) * 0.2, y,
                            list_indent(f), h);
    d->layout = g_object_ref(bl->layout);
    d->line_from = 0;
    d->line_to = 1;
    d->colour = f->t->accent;
    d->node = bl->label;
}

static void list(Flow *f, const CsbDocBlock *b)
{
    FlowMeasure *m = measure(f, b);
    double indent = list_indent(f);
    double between = gap(f, 0.3);
    int l = flow_node(f, f->sect, "L");
    for (guint i = 0; i < m->items->len; i++) {
        int li = flow_node(f, l, "LI");
        Bullet bl = {m->bullet, flow_node(f, li, "Lbl")};
        flow_owner(f, flow_node(f, li, "LBody"));
        if (i)
            f->y += between;
        /* The last item never alone at the head of a page: the one before
         * keeps the start of it. */
        double keep = i + 2 == m->items->len ? between + flow_lead_height(m->items->pdata[i + 1]) : 0;
        flow_place_lines(f, m->items->pdata[i], f->left + indent, f->width - indent, f->t->ink,
                         0, keep, bullet, &bl);
    }
    f->y += gap(f, 0.6);
}

typedef struct {
    CsbColour colour;
    CsbBox *last; /* the bar of the last piece, to stretch over the citation */
    CsbPage *page;
} QuoteBar;

static void quote_bar(Flow *f, guint index, int piece, double x, double y, double w, double h,
                      gpointer data)
{
    QuoteBar *qb = data;
    qb->last = flow_box_at(f, index, CSB_BOX_RECT, f->left, y, 2.2, h);
    qb->last->colour = qb->colour;
    qb->page = f->page;
}

static void quote(Flow *f, const CsbDocBlock *b)
{
    FlowMeasure *m = measure(f, b);
    double x = f->left + quote_indent(f), w = f->width - quote_indent(f);
    QuoteBar qb = {f->t->accent, NULL, NULL};
    int bq = flow_node(f, f->sect, "BlockQuote");
    flow_owner(f, flow_node(f, bq, "P"));
    flow_place_lines(f, m->main, x, w, f->t->ink, 0, cite_height(m), quote_bar, &qb);
    if (m->cite) {
        int cite = flow_node(f, bq, "P");
        flow_owner(f, b->link ? flow_node(f, cite, "Link") : cite);
        f->y += CITE_GAP;
        double y0 = f->y;
        flow_place_lines(f, m->cite, x, w, f->t->muted, 0, 0, NULL, NULL);
        if (qb.page == f->page && qb.last)
            qb.last->h = f->y - qb.last->y;
        if (b->link && f->y > y0) {
            CsbBox *lk = flow_box(f, CSB_BOX_LINK, x, y0, w, f->y - y0);
            lk->target = g_strdup(b->link);
        }
    }
    f->y += gap(f, 0.9);
}

static void callout_bg(Flow *f, guint index, int piece, double x, double y, double w, double h,
                       gpointer data)
{
    const CsbDocBlock *b = data;
    CsbColour fill = f->t->shade, edge = f->t->accent;
    if (b->callout == CSB_CALLOUT_CONCERN) {
        fill = csb_colour_parse("#fbeee8", fill);
        edge = csb_colour_parse("#b02a30", edge);
    } else if (b->callout == CSB_CALLOUT_GOOD) {
        fill = csb_colour_parse("#eaf2fa", fill);
        edge = csb_colour_parse("#2f6fae", edge);
    }
    CsbBox *bar = flow_box_at(f, index, CSB_BOX_RECT, f->left, y, 3, h);
    bar->colour = edge;
    CsbBox *bg = flow_box_at(f, index, CSB_BOX_RECT, f->left, y, f->width, h);
    bg->colour = fill;
}

static void callout(Flow *f, const CsbDocBlock *b)
{
    FlowMeasure *m = measure(f, b);
    flow_owner(f, flow_node(f, f->sect, "P"));
    flow_place_lines(f, m->main, f->left + CALLOUT_INSET, f->width - 2 * CALLOUT_INSET,
                     f->t->ink, FLOW_PAD, 0, callout_bg, (gpointer)b);
    f->y += gap(f, 0.9);
}

/* Where the part of a chart that breaks, starting at row from, ends on
 * this page: at its last row when the rest fits with what must follow it
 * (after: the caption); else after as many rows as fit, two at least, two
 * left for the next page; at from (it moves on) when two do not fit,
 * unless the page is empty: then what fits. */
static guint part_end(const Flow *f, const CsbChart *c, guint from, double after)
{
    guint n = c->rows->len, k = from;
    double room = f->bottom - f->y;
    if (csb_chart_part_height(c, from, n) + after <= room)
        return n;
    gboolean top = flow_page_is_empty(f);
    while (k < n - 2 && csb_chart_part_height(c, from, k + 1) <= room)
        k++;
    if (top)
        return MAX(k, from + 1);
    return k - from >= 2 ? k : from;
}

static void figure(Flow *f, const CsbDocBlock *b)
{
    FlowMeasure *m = measure(f, b);
    const CsbChart *c = b->chart;
    double caption = m->main ? 4 + flow_layout_height(m->main) : 0;
    gboolean breaks = figure_breaks(b);
    if (!breaks)
        flow_ensure(f, figure_height(b, m));
    /* One figure, whatever its parts: its description states all of it. */
    int fig = flow_node(f, f->sect, "Figure");
    CsbStructNode *n = f->out->structure->pdata[fig];
    n->alt = csb_chart_describe(c);
    flow_owner(f, fig);
    guint from = 0, rows = c->rows->len;
    do {
        guint to = breaks ? part_end(f, c, from, caption) : rows;
        if (breaks && to == from) { /* not two rows here */
            flow_new_page(f);
            continue;
        }
        double h = breaks ? csb_chart_part_height(c, from, to) : c->height;
        if (from == 0) {
            n->page = flow_page_number(f);
            n->x = f->left;
            n->y = f->y;
            n->w = f->width;
            n->h = h;
        }
        CsbBox *box = flow_box(f, CSB_BOX_CHART, f->left, f->y, f->width, h);
        box->chart = c;
        box->row_from = from;
        box->row_to = to;
        f->y += h;
        from = to;
        if (from < rows)
            flow_new_page(f);
    } while (from < rows);
    if (m->main) {
        flow_owner(f, flow_node(f, f->sect, "P"));
        f->y += 4;
        flow_place_lines(f, m->main, f->left, f->width, f->t->muted, 0, 0, NULL, NULL);
    }
    f->y += gap(f, 1.2);
}

void flow_block(Flow *f, guint index)
{
    const CsbDocBlock *b = f->doc->blocks->pdata[index];
    /* The cover, masthead, contents and each top-level heading start a
     * section of the structure; the blocks after them are in it. */
    if (b->kind == CSB_BLOCK_COVER || b->kind == CSB_BLOCK_MASTHEAD ||
        b->kind == CSB_BLOCK_CONTENTS || b->kind == CSB_BLOCK_HEADING_1)
        f->sect = flow_node(f, 0, "Sect");
    flow_owner(f, f->sect);
    switch (b->kind) {
    case CSB_BLOCK_COVER:
        flow_cover(f);
        break;
    case CSB_BLOCK_MASTHEAD:
        flow_masthead(f);
        break;
    case CSB_BLOCK_CONTENTS:
        flow_contents(f, b);
        break;
    case CSB_BLOCK_HEADING_1:
    case CSB_BLOCK_HEADING_2:
    case CSB_BLOCK_HEADING_3:
        heading(f, index, b);
        break;
    case CSB_BLOCK_PARAGRAPH:
        paragraph(f, index, b);
        break;
    case CSB_BLOCK_LIST:
        list(f, b);
        break;
    case CSB_BLOCK_QUOTE:
        quote(f, b);
        break;
    case CSB_BLOCK_CALLOUT:
        callout(f, b);
        break;
    case CSB_BLOCK_TABLE:
        flow_table(f, b->table, measure(f, b)->table);
        f->y += gap(f, 1.0);
        break;
    case CSB_BLOCK_FIGURE:
        figure(f, b);
        break;
    case CSB_BLOCK_PAGE_BREAK:
        if (!flow_page_is_empty(f))
            flow_new_page(f);
        break;
    }
    flow_owner(f, f->sect);
}
