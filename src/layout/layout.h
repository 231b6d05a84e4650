/* layout.h - the flow engine: what goes where on which page of a PDF.
 *
 * Reads the document tree (src/doc) a formatter (src/format) built, and
 * measures its blocks with Pango through the bundled fonts only (fonts.c)
 * and breaks them across pages (flow*.c: headings kept with what follows,
 * a heading's intro and a lead-in with the first item of what they
 * introduce, no widows or orphans, no table row alone on either side of a break,
 * table headers repeated, no last page holding only a short tail of the
 * table a briefing ends with, the grade matrix broken between its rows, a
 * section following on below a short end of the one before, a briefing
 * set with less space between its blocks when that saves a last page
 * holding under a third of a page, running heads naming sections by
 * titles or short names, whichever fit whole, contents page numbers in a
 * second pass), producing CsbPages of positioned boxes and the
 * structure a reader follows. The PDF device (src/render) only draws
 * boxes; it decides nothing.
 *
 * Report text reaches Pango only through CsbSpan text, which is escaped
 * when markup is built (csb_rich_markup): nothing from a report is ever
 * parsed as markup.
 */
#ifndef CSB_LAYOUT_H
#define CSB_LAYOUT_H

#include "../doc/doc.h"

#include <pango/pangocairo.h>

/* ---- the structure of a laid-out briefing ------------------------------ */

/* One element of the structure a reader (a screen reader, a PDF's tags)
 * follows: the blocks of the document tree as headings, paragraphs,
 * lists, tables and figures, in reading order. Every box that shows
 * content belongs to one; decoration (running headers and footers, rules,
 * backgrounds, badges, arrows, repeated table headers) belongs to none. */
typedef enum { CSB_SCOPE_NONE, CSB_SCOPE_COLUMN, CSB_SCOPE_ROW } CsbScope;

typedef struct {
    const char *role; /* a standard structure type of PDF (ISO 32000-1, 14.8.4):
                         Document, Sect, H1-H3, P, L, LI, Lbl, LBody, BlockQuote,
                         Table, THead, TBody, TR, TH, TD, Figure, Link, TOC, TOCI */
    int parent;       /* index in CsbLayout.structure; -1 for the Document */
    char *alt;        /* Figure: alternative text stating its data (owned) */
    CsbScope scope;   /* TH: the cells it heads */
    int page;         /* Figure: the page it is on (1-based) */
    double x, y, w, h; /* Figure: its box on that page */
} CsbStructNode;

/* The node of a box that is decoration, not content. */
#define CSB_ARTIFACT (-1)

typedef enum {
    CSB_BOX_TEXT,  /* lines [line_from, line_to) of a Pango layout */
    CSB_BOX_RECT,  /* filled rectangle, corners rounded by radius */
    CSB_BOX_RULE,  /* line from (x,y) to (x+w, y+h), dotted for leaders */
    CSB_BOX_TREND, /* an arrow (or dot) for a CsbTrend, centred in the box */
    CSB_BOX_CHART, /* a chart drawn into the box */
    CSB_BOX_IMAGE, /* a PNG (the logo) scaled into the box */
    CSB_BOX_LINK,  /* clickable area: uri or internal destination */
    CSB_BOX_DEST,  /* named destination (heading anchor) */
} CsbBoxKind;

typedef struct {
    CsbBoxKind kind;
    double x, y, w, h;       /* points, from the page's top left */
    PangoLayout *layout;     /* TEXT: owned reference */
    int line_from, line_to;  /* TEXT: lines drawn */
    CsbColour colour;        /* TEXT ink, RECT fill, RULE stroke */
    double width;            /* RULE: stroke width */
    gboolean dotted;         /* RULE: a dotted leader */
    double radius;           /* RECT: corner radius */
    gboolean hatch;          /* RECT: diagonal hatching (inadequate) */
    CsbTrend trend;          /* TREND */
    const CsbChart *chart;   /* CHART: borrowed from the document */
    guint row_from, row_to;  /* CHART: the rows drawn, [row_from, row_to): a part of a
                                chart broken across pages (csb_chart_splits) */
    char *target;            /* LINK: "uri:..." or "dest:NAME"; DEST/IMAGE: name/path */
    int node;                /* its element in CsbLayout.structure, or CSB_ARTIFACT */
} CsbBox;

/* A top-level section as a running head names it: its title, or a
 * shorter name where the title does not fit. */
typedef struct {
    char *title;       /* owned; NULL: no section */
    char *short_title; /* owned; NULL: none, the title */
} CsbSectionName;

typedef struct {
    GPtrArray *boxes; /* CsbBox* */
    CsbSectionName section;      /* the top-level section the page opens in: what
                                    its running head names first */
    CsbSectionName section_then; /* the last top-level section starting below the
                                    top of the page, when one does: the running
                                    head names it second */
    gboolean bare;    /* masthead page: no running header */
    gboolean cover;   /* the cover: no header or footer */
} CsbPage;

typedef struct {
    int level;      /* 1 or 2 (the contents page is a level 1 entry) */
    char *title;
    char *anchor;
    int page;       /* 1-based */
} CsbOutlineEntry;

typedef struct CsbLayout {
    GPtrArray *pages;   /* CsbPage* */
    GPtrArray *outline; /* CsbOutlineEntry*, document order */
    GPtrArray *structure; /* CsbStructNode*, in reading order (a parent before its
                             children, siblings in order); [0] is the Document */
    double page_w, page_h;
    PangoFontMap *fontmap; /* owned; layouts in boxes came from it */
} CsbLayout;

/* Fonts: a font map that sees only the fonts in fonts_dir. */
PangoFontMap *csb_fonts_map(const char *fonts_dir, CsbDiag *diag);
/* A context for laying out text with it: unhinted metrics, so positions
 * do not depend on a device resolution. The flow engine and the renderer
 * (charts) use the same settings, so the PDF embeds one subset per font. */
PangoContext *csb_fonts_context(PangoFontMap *map);

/* Measure and paginate: one pass flows every block, leaving the contents'
 * page numbers blank in boxes of fixed width (so nothing they hold can move
 * anything); a second pass fills them from where each heading fell. Takes
 * ownership of fontmap. */
CsbLayout *csb_layout_run(const CsbDoc *doc, PangoFontMap *fontmap, CsbDiag *diag);
void csb_layout_free(CsbLayout *l);

/* Pango markup for r: every span's text escaped. muted and accent colour
 * the MUTED and ACCENT spans (either may be NULL); an ADDRESS span breaks
 * only between the pieces a reader expects (after a '/' of its path, never
 * in its host: CSB_STYLE_ADDRESS), its text unchanged. (flow_text.c) */
char *csb_rich_markup(const CsbRich *r, const CsbColour *muted, const CsbColour *accent);

#endif
