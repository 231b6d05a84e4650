/* flow.c - the flow engine's driver: pages and boxes, the outline, and the
 * passes. Pass one flows every block of a CsbDoc into pages of positioned
 * boxes; the contents' page numbers sit in boxes of fixed width, so leaving
 * them blank moves nothing. Pass two fills them from where each heading
 * fell, then adds the page furniture ("Page N of M" needs N and M).
 * A briefing whose last page holds under a third of a page, or whose
 * sections follow on and leave a page short (what followed moved on
 * whole), is flowed again with less space between its blocks, or with its
 * last table broken early, kept when that saves the page (or, set tighter
 * alone, leaves fewer pages short).
 * The rules each block follows are in flow_text.c (lines), flow_blocks.c
 * and flow_table.c.
 */
#include "flow.h"

#include <string.h>

/* ---- boxes and pages --------------------------------------------------- */

static void box_free(gpointer p)
{
    CsbBox *b = p;
    if (b->layout)
        g_object_unref(b->layout);
    g_free(b->target);
    g_free(b);
}

static void name_clear(CsbSectionName *n)
{
    g_clear_pointer(&n->title, g_free);
    g_clear_pointer(&n->short_title, g_free);
}

static void name_set(CsbSectionName *n, const char *title, const char *short_title)
{
    char *t = g_strdup(title), *s = g_strdup(short_title); /* n's own may be passed */
    name_clear(n);
    n->title = t;
    n->short_title = s;
}

static void page_free(gpointer p)
{
    CsbPage *pg = p;
    g_ptr_array_free(pg->boxes, TRUE);
    name_clear(&pg->section);
    name_clear(&pg->section_then);
    g_free(pg);
}

static void node_free(gpointer p)
{
    CsbStructNode *n = p;
    g_free(n->alt);
    g_free(n);
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
    g_ptr_array_free(l->structure, TRUE);
    if (l->fontmap)
        g_object_unref(l->fontmap);
    g_free(l);
}

static CsbBox *box_new(Flow *f, CsbBoxKind kind, double x, double y, double w, double h)
{
    CsbBox *b = g_new0(CsbBox, 1);
    b->kind = kind;
    b->x = x;
    b->y = y;
    b->w = w;
    b->h = h;
    b->colour = f->t->ink;
    /* Text, charts and links are content; shapes and images decorate it. */
    gboolean content = kind == CSB_BOX_TEXT || kind == CSB_BOX_CHART || kind == CSB_BOX_LINK;
    b->node = content ? f->node : CSB_ARTIFACT;
    return b;
}

/* ---- structure --------------------------------------------------------- */

int flow_node(Flow *f, int parent, const char *role)
{
    CsbStructNode *n = g_new0(CsbStructNode, 1);
    n->role = role;
    n->parent = parent;
    g_ptr_array_add(f->out->structure, n);
    return (int)f->out->structure->len - 1;
}

int flow_owner(Flow *f, int node)
{
    int before = f->node;
    f->node = node;
    return before;
}

CsbBox *flow_box(Flow *f, CsbBoxKind kind, double x, double y, double w, double h)
{
    CsbBox *b = box_new(f, kind, x, y, w, h);
    g_ptr_array_add(f->page->boxes, b);
    return b;
}

CsbBox *flow_box_at(Flow *f, guint index, CsbBoxKind kind, double x, double y, double w,
                    double h)
{
    CsbBox *b = box_new(f, kind, x, y, w, h);
    g_ptr_array_insert(f->page->boxes, (gint)index, b);
    return b;
}

int flow_page_number(const Flow *f)
{
    return (int)f->out->pages->len;
}

void flow_new_page(Flow *f)
{
    f->page = g_new0(CsbPage, 1);
    f->page->boxes = g_ptr_array_new_with_free_func(box_free);
    name_set(&f->page->section, f->section.title, f->section.short_title);
    g_ptr_array_add(f->out->pages, f->page);
    f->y = f->top;
}

gboolean flow_page_is_empty(const Flow *f)
{
    return f->y <= f->top + 0.01;
}

void flow_ensure(Flow *f, double height)
{
    if (f->y + height > f->bottom && !flow_page_is_empty(f))
        flow_new_page(f);
}

void flow_space(Flow *f, double pts)
{
    if (!flow_page_is_empty(f))
        f->y += pts;
}

void flow_record_anchor(Flow *f, const char *anchor, const CsbRich *title, int level,
                        const char *short_title)
{
    CsbBox *d = flow_box(f, CSB_BOX_DEST, f->left, f->y, 0, 0);
    d->target = g_strdup(anchor);
    g_hash_table_insert(f->anchor_pages, g_strdup(anchor),
                        GINT_TO_POINTER(flow_page_number(f)));
    if (level > 2)
        return;
    CsbOutlineEntry *e = g_new0(CsbOutlineEntry, 1);
    e->level = level;
    e->title = csb_rich_text(title);
    e->anchor = g_strdup(anchor);
    e->page = flow_page_number(f);
    g_ptr_array_add(f->out->outline, e);
    if (level == 1) {
        name_set(&f->section, e->title, short_title);
        /* A section starting at the top of the page is the one the page
         * opens in; one following on below the end of the section before
         * comes second in the running head, after the one the reader
         * turning to the page meets first. */
        CsbSectionName *slot = flow_page_is_empty(f) || !f->page->section.title
                                   ? &f->page->section
                                   : &f->page->section_then;
        name_set(slot, e->title, short_title);
    }
}

/* ---- the passes -------------------------------------------------------- */

/* A briefing whose last page holds less than this share of a page (a
 * glossary of one or two words under its heading, and blank below) is set
 * again with less space between its blocks, if that saves the page. */
#define SHORT_LAST (1.0 / 3.0)

/* A page but the last that its content fills less than this share of, in
 * a briefing whose sections follow on, was left short by what moved on
 * (short_pages): the briefing is set tighter too, if that leaves fewer
 * such pages in no more pages (Leeds's summary, its words' heading and
 * first two rows 5 points too tall for the foot of page 3, left a quarter
 * of it blank). */
#define HOLE_FILL 0.8

/* The settings tried in turn when the first leaves a near-empty last page
 * or pages short: the space between blocks each keeps, and whether the
 * table a briefing ends with may break after its first two rows, leaving
 * less than its tail on the last page (kept only when that saves a page:
 * Leeds's summary, whose words' heading and first two rows were 5 points
 * too tall for the foot of page 3, moved them whole and took a fourth;
 * broken there in as many pages, the two rows left alone on the last page
 * are the gap LAST_SHARE keeps out). Type, leading and the rules that keep
 * lines and rows together never change; only the space around headings,
 * paragraphs, lists, quotations, callouts, tables and figures shrinks, the
 * same on every page, as a typesetter shrinks glue. */
static const struct {
    double glue;
    gboolean early;
} settings[] = {{1.0, TRUE}, {0.85, FALSE}, {0.85, TRUE}, {0.7, FALSE},
                {0.7, TRUE}, {0.55, FALSE}, {0.55, TRUE}};

static CsbLayout *layout_new(const CsbTemplate *t)
{
    CsbLayout *out = g_new0(CsbLayout, 1);
    out->pages = g_ptr_array_new_with_free_func(page_free);
    out->outline = g_ptr_array_new_with_free_func(outline_free);
    out->structure = g_ptr_array_new_with_free_func(node_free);
    out->page_w = t->page_w;
    out->page_h = t->page_h;
    return out;
}

static void flow_all(Flow *f)
{
    const CsbDoc *doc = f->doc;
    flow_new_page(f);
    for (guint i = 0; i < doc->blocks->len; i++)
        flow_block(f, i);
    /* A trailing empty page (after a final page break) is dropped. */
    if (f->out->pages->len > 1 && f->page->boxes->len == 0) {
        g_ptr_array_remove_index(f->out->pages, f->out->pages->len - 1);
        f->page = f->out->pages->pdata[f->out->pages->len - 1];
    }
}

/* Passes one and two with the space between blocks at glue: a layout of
 * its own, with no furniture yet. What a pass finds (where each heading
 * fell, contents slots, tables' structure) is made afresh for it; the
 * shaped text and the characters no font has are kept for the next. */
static CsbLayout *flow_pass(Flow *f, double glue, gboolean short_last_breaks)
{
    f->out = layout_new(f->t);
    f->page = NULL;
    f->glue = glue;
    f->short_last_breaks = short_last_breaks;
    f->anchor_pages = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    f->slots = g_ptr_array_new_with_free_func(g_free);
    f->measured = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, flow_measure_free);
    f->section_page = 0;
    f->sect = f->node = flow_node(f, -1, "Document");
    flow_all(f);           /* pass one */
    flow_fill_contents(f); /* pass two */
    g_hash_table_destroy(f->measured);
    g_hash_table_destroy(f->anchor_pages);
    g_ptr_array_free(f->slots, TRUE);
    name_clear(&f->section);
    f->measured = f->anchor_pages = NULL;
    f->slots = NULL;
    return f->out;
}

/* How much of the text area a page's content fills, 0 to 1. */
static double page_fill(const Flow *f, const CsbPage *pg)
{
    double low = f->top;
    for (guint i = 0; i < pg->boxes->len; i++) {
        const CsbBox *b = pg->boxes->pdata[i];
        if (b->kind != CSB_BOX_DEST && b->kind != CSB_BOX_LINK)
            low = MAX(low, b->y + b->h);
    }
    return (low - f->top) / (f->bottom - f->top);
}

static double last_fill(const Flow *f, const CsbLayout *l)
{
    return page_fill(f, l->pages->pdata[l->pages->len - 1]);
}

/* The pages but the last that a briefing whose sections follow on (no
 * section breaks) leaves short: there, what followed moved on whole
 * because it would not start in the room left (the first two rows of a
 * members' summary's words under their heading, a figure, a quotation).
 * A briefing with section breaks has none: its pages end where sections
 * do. */
static guint short_pages(const Flow *f, const CsbLayout *l)
{
    guint n = 0;
    for (guint i = 0; !f->t->section_breaks && i + 1 < l->pages->len; i++)
        n += page_fill(f, l->pages->pdata[i]) < HOLE_FILL;
    return n;
}

CsbLayout *csb_layout_run(const CsbDoc *doc, PangoFontMap *fontmap, CsbDiag *diag)
{
    const CsbTemplate *t = doc->tpl;
    Flow f = {
        .doc = doc,
        .t = t,
        .ctx = csb_fonts_context(fontmap),
        .top = t->margin_top,
        .bottom = t->page_h - t->margin_bottom,
        .left = t->margin_left,
        .width = t->page_w - t->margin_left - t->margin_right,
        .missing = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free),
        .shaped = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref),
    };
    CsbLayout *out = flow_pass(&f, 1.0, FALSE);
    /* A near-empty last page, or pages left short: try settings in turn
     * (settings[]), keeping the first that takes a page fewer (the page's
     * content then ends the page before), else the first that leaves fewer
     * pages short in as many without breaking the last table early. */
    guint holes = short_pages(&f, out);
    CsbLayout *filled = NULL; /* the first with fewer pages short */
    for (guint i = 0; i < G_N_ELEMENTS(settings) && out->pages->len > 1 &&
                      (last_fill(&f, out) < SHORT_LAST || holes);
         i++) {
        CsbLayout *tight = flow_pass(&f, settings[i].glue, settings[i].early);
        if (tight->pages->len < out->pages->len) {
            csb_layout_free(out);
            out = tight;
            g_clear_pointer(&filled, csb_layout_free);
            break;
        }
        if (!filled && !settings[i].early && tight->pages->len == out->pages->len &&
            short_pages(&f, tight) < holes)
            filled = tight;
        else
            csb_layout_free(tight);
    }
    if (filled) {
        csb_layout_free(out);
        out = filled;
    }
    out->fontmap = fontmap;
    f.out = out;
    flow_furniture(&f);
    flow_warn_missing_glyphs(&f, diag);
    g_hash_table_destroy(f.missing);
    g_hash_table_destroy(f.shaped);
    g_object_unref(f.ctx);
    if (t->max_pages && (int)out->pages->len > t->max_pages)
        csb_diag_warn(diag, t->id, 0, 0,
                      "the briefing has %u pages, more than the template's limit of %d",
                      out->pages->len, t->max_pages);
    return out;
}
