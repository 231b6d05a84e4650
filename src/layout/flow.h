/* flow.h - internals of the flow engine, shared by its files:
 *   flow.c        the passes (set tighter to save a short last page),
 *                 pages, outline and the page limit
 *   flow_text.c   Pango layouts and breaking lines across pages
 *   flow_blocks.c headings, paragraphs, lists, quotations, callouts, figures
 *   flow_table.c  tables
 *   flow_pages.c  cover, masthead, contents and page furniture
 * Not part of the layout stage's interface (layout.h).
 */
#ifndef CSB_FLOW_H
#define CSB_FLOW_H

#include "layout.h"

#define FLOW_PAD 4.0 /* table cell and callout padding, points */

typedef struct {
    const char *family;
    double size;
    gboolean bold, italic;
    PangoAlignment align;
    float spacing;        /* line spacing, a factor; 0: the template's leading */
    gboolean single_line; /* one line, cut with an ellipsis */
} FlowFont;

/* Where a contents entry's page number goes, filled in by the second pass. */
typedef struct {
    CsbPage *page;
    const char *anchor;
    double x, y, w;
    FlowFont font;
    int node; /* the Link of the contents line */
} FlowSlot;

typedef struct {
    const CsbDoc *doc;
    const CsbTemplate *t;
    PangoContext *ctx;
    CsbLayout *out;
    CsbPage *page;
    double y, top, bottom, left, width;
    GHashTable *anchor_pages; /* anchor -> page number (GINT_TO_POINTER) */
    GPtrArray *slots;         /* FlowSlot*: contents page numbers */
    CsbSectionName section;   /* the current top-level section (owned) */
    GHashTable *measured;     /* CsbDocBlock* -> FlowMeasure*: layouts made once a pass */
    GHashTable *shaped;       /* font, width and markup -> PangoLayout*: the same text shaped once */
    GHashTable *missing;      /* gunichar -> char*: characters no bundled font has,
                                 each with the text it was first met in */
    int node;                 /* the structure element text, charts and links placed
                                 now belong to (CSB_ARTIFACT: decoration) */
    int sect;                 /* the section blocks are placed in (the Document
                                 before the first) */
    int section_page;         /* the page the current top-level section (or the
                                 contents) started on */
    double glue;              /* the space between blocks, as a share of what the
                                 template's sizes give: 1, less when a briefing is
                                 set tighter to save a near-empty last page */
    gboolean short_last_breaks; /* the table a briefing ends with may break after
                                   its first two rows, leaving less than its tail
                                   on the last page: only in a pass kept when it
                                   saves a page (flow.c) */
} Flow;

/* ---- structure (flow.c) */
/* A new element of the structure under parent; returns its index. */
int flow_node(Flow *f, int parent, const char *role);
/* Set the element what is placed next belongs to; returns the one before. */
int flow_owner(Flow *f, int node);

/* ---- pages and boxes (flow.c) */
CsbBox *flow_box(Flow *f, CsbBoxKind kind, double x, double y, double w, double h);
/* A box inserted at index of the current page (under what follows it). */
CsbBox *flow_box_at(Flow *f, guint index, CsbBoxKind kind, double x, double y, double w,
                    double h);
void flow_new_page(Flow *f);
gboolean flow_page_is_empty(const Flow *f);
int flow_page_number(const Flow *f);
/* Start a new page unless height fits below y (or the page is empty). */
void flow_ensure(Flow *f, double height);
/* Vertical space, dropped at the top of a page. */
void flow_space(Flow *f, double pts);
/* A heading's destination and outline entry; a top-level one (level 1)
 * names the section pages are in, its short_title (or NULL) where its
 * title does not fit. */
void flow_record_anchor(Flow *f, const char *anchor, const CsbRich *title, int level,
                        const char *short_title);

/* ---- text (flow_text.c) */
/* One warning in diag naming the characters no bundled font could show
 * (they print as empty boxes) and where they are, if there were any. */
void flow_warn_missing_glyphs(const Flow *f, CsbDiag *diag);
FlowFont flow_body_font(const Flow *f);
PangoLayout *flow_layout_markup(Flow *f, const char *markup, FlowFont font, double width);
PangoLayout *flow_layout_rich(Flow *f, const CsbRich *r, FlowFont font, double width);
PangoLayout *flow_layout_plain(Flow *f, const char *text, FlowFont font, double width);
double flow_layout_height(PangoLayout *l);
/* Height of the first lines that must stay together at the foot of a page
 * (the whole layout when it is short, else two lines). */
double flow_lead_height(PangoLayout *l);
/* A text box showing all of l at (x, y). */
CsbBox *flow_put_layout(Flow *f, PangoLayout *l, CsbColour ink, double x, double y);
/* A text box for plain text; returns its height. */
double flow_put_text(Flow *f, const char *text, FlowFont font, CsbColour ink, double x,
                     double y, double w);

/* Called for each piece of a layout placed on a page, to add boxes under
 * the text (index is where the text box went). piece counts from 0. */
typedef void (*FlowDecorate)(Flow *f, guint index, int piece, double x, double y, double w,
                             double h, gpointer data);

/* Place l at x, breaking it across pages by whole lines: never one line
 * alone at the foot of a page (orphan) or at the head of the next (widow);
 * a layout of three lines or fewer moves whole. keep_after is the height of
 * what must follow the last line on the same page (a citation). pad is
 * space above and below each piece (inside decorations). */
void flow_place_lines(Flow *f, PangoLayout *l, double x, double w, CsbColour ink, double pad,
                      double keep_after, FlowDecorate decorate, gpointer data);

/* ---- blocks (flow_blocks.c) */
/* Measured layouts of a block, made on first use and kept for the pass. */
typedef struct FlowMeasure FlowMeasure;
void flow_measure_free(gpointer m);
/* Height a block needs at the foot of a page to start there: what the
 * heading before it must keep with it. */
double flow_block_lead(Flow *f, guint index);
void flow_block(Flow *f, guint index);

/* ---- tables (flow_table.c) */
typedef struct FlowTable FlowTable;
/* last: the table is the last block of the briefing (its last part, when
 * it breaks, fills a share of the last page). */
FlowTable *flow_table_measure(Flow *f, const CsbTable *t, gboolean last);
void flow_table_free(FlowTable *ft);
double flow_table_lead(const Flow *f, const FlowTable *ft);
void flow_table(Flow *f, const CsbTable *t, FlowTable *ft);

/* ---- pages (flow_pages.c) */
void flow_cover(Flow *f);
void flow_masthead(Flow *f);
void flow_contents(Flow *f, const CsbDocBlock *b);
/* Second pass: the contents' page numbers. */
void flow_fill_contents(Flow *f);
void flow_furniture(Flow *f);

#endif
