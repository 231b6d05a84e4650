/* layout.h - what goes where on which page.
 *
 * Three parts, as in mandoc:
 *   1. templates (templates/NAME.yaml): page size, margins, fonts, sizes,
 *      colours and the ordered list of sections a briefing has;
 *   2. formatters (pack.c, members.c): walk the comparison and emit a
 *      CsbDoc, a flat list of blocks (headings, paragraphs, lists,
 *      quotations, callouts, tables, figures);
 *   3. the flow engine (flow.c): measures blocks with Pango and breaks them
 *      across pages (headings kept with what follows, no widows or orphans,
 *      table headers repeated, contents page numbers in a second pass),
 *      producing CsbPages of positioned boxes.
 * The renderer (src/render) only draws boxes; it decides nothing.
 *
 * Report text reaches Pango only through CsbSpan text, which is escaped
 * when markup is built: nothing from a report is ever parsed as markup.
 */
#ifndef CSB_LAYOUT_H
#define CSB_LAYOUT_H

#include "../compare/compare.h"

#include <pango/pangocairo.h>

/* ---- colours and templates -------------------------------------------- */

typedef struct {
    double r, g, b;
} CsbColour;

CsbColour csb_colour_parse(const char *hex, CsbColour fallback); /* "#rrggbb" */

/* Fill colour for a grade, chosen to stay distinct for colour-blind
 * readers and in greyscale (luminance steps); ink is the text colour that
 * reads on it. Inadequate is also hatched by the renderer. */
CsbColour csb_grade_fill(CsbGrade g);
CsbColour csb_grade_ink(CsbGrade g);

typedef struct {
    char *id;            /* file name without .yaml */
    char *name;          /* "Pre-inspection briefing pack" */
    char *default_title;
    double page_w, page_h; /* points */
    double margin_top, margin_right, margin_bottom, margin_left;
    char *font_body;     /* family names, all bundled in fonts/ */
    char *font_quote;
    double size_body, size_small, size_h1, size_h2, size_h3, size_title;
    double leading;      /* line spacing factor */
    CsbColour accent, ink, muted, rule, shade;
    int max_pages;       /* 0: no limit; members-summary: 4 */
    GPtrArray *sections; /* char*: section ids in order */
} CsbTemplate;

CsbTemplate *csb_template_load(const char *path, CsbDiag *diag);
void csb_template_free(CsbTemplate *t);

/* ---- the document tree ------------------------------------------------ */

typedef enum {
    CSB_STYLE_PLAIN = 0,
    CSB_STYLE_BOLD = 1 << 0,
    CSB_STYLE_ITALIC = 1 << 1,
    CSB_STYLE_SMALL = 1 << 2,
    CSB_STYLE_MUTED = 1 << 3,
} CsbStyle;

/* A run of text in one style. text is plain text, never markup. */
typedef struct {
    char *text;
    guint style;
} CsbSpan;

typedef struct {
    GPtrArray *spans; /* CsbSpan* */
} CsbRich;

CsbRich *csb_rich_new(void);
CsbRich *csb_rich_plain(const char *text);
CsbRich *csb_rich_add(CsbRich *r, guint style, const char *text); /* returns r */
CsbRich *csb_rich_addf(CsbRich *r, guint style, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
void csb_rich_free(CsbRich *r);
/* Pango markup for r: every span's text escaped. */
char *csb_rich_markup(const CsbRich *r, const CsbColour *muted);

typedef enum {
    CSB_CHART_HISTORY,      /* grade per area over time, one row per series */
    CSB_CHART_MATRIX,       /* authorities x areas, latest grade, change arrow */
    CSB_CHART_DISTRIBUTION, /* per area, how many peers at each grade */
    CSB_CHART_THEME_TIMELINE, /* per inspection, strengths / mixed / concerns */
} CsbChartKind;

/* One mark on a history chart or a cell of a matrix. */
typedef struct {
    double x;       /* history: year as a fraction (2017.3) */
    CsbGrade grade;
    int arrow;      /* matrix: -1 improved, 0 same, +1 declined, 2 no earlier grade */
    char *label;    /* optional note under the mark */
} CsbChartMark;

typedef struct {
    char *label;       /* row label */
    GPtrArray *marks;  /* CsbChartMark* */
    int counts[CSB_GRADE_COUNT]; /* distribution rows */
    int theme_counts[3];         /* theme timeline: strengths, mixed, concerns */
    gboolean emphasis; /* the focus authority's row */
} CsbChartRow;

typedef struct {
    CsbChartKind kind;
    char *title;
    char *caption;    /* accessible description, also printed */
    GPtrArray *columns; /* char*: matrix column labels */
    GPtrArray *rows;    /* CsbChartRow* */
    double x_min, x_max; /* history: year range */
    double height;       /* points */
} CsbChart;

CsbChart *csb_chart_new(CsbChartKind kind, const char *title, double height);
CsbChartRow *csb_chart_add_row(CsbChart *c, const char *label);
CsbChartMark *csb_chart_add_mark(CsbChartRow *row, double x, CsbGrade grade, int arrow);
void csb_chart_free(CsbChart *c);

typedef struct {
    CsbRich *text;
    CsbGrade grade;   /* cells showing a grade are filled with its colour */
    char *link;       /* uri the cell links to, or NULL */
} CsbTableCell;

typedef struct {
    int columns;
    double *widths;    /* fractions of the text width, summing to 1 */
    GPtrArray *header; /* CsbTableCell* */
    GPtrArray *rows;   /* GPtrArray* of CsbTableCell* */
} CsbTable;

CsbTable *csb_table_new(int columns, const double *widths);
void csb_table_header(CsbTable *t, int column, const char *text);
/* Start a row; then fill its cells. */
GPtrArray *csb_table_row(CsbTable *t);
CsbTableCell *csb_table_cell(GPtrArray *row, CsbRich *text); /* takes ownership */
void csb_table_free(CsbTable *t);

typedef enum {
    CSB_BLOCK_COVER,
    CSB_BLOCK_CONTENTS,
    CSB_BLOCK_HEADING_1,
    CSB_BLOCK_HEADING_2,
    CSB_BLOCK_HEADING_3,
    CSB_BLOCK_PARAGRAPH,
    CSB_BLOCK_LIST,
    CSB_BLOCK_QUOTE,
    CSB_BLOCK_CALLOUT,
    CSB_BLOCK_TABLE,
    CSB_BLOCK_FIGURE,
    CSB_BLOCK_PAGE_BREAK,
} CsbDocBlockKind;

typedef enum { CSB_CALLOUT_NOTE, CSB_CALLOUT_GOOD, CSB_CALLOUT_CONCERN } CsbCalloutKind;

typedef struct {
    CsbDocBlockKind kind;
    CsbRich *text;      /* heading, paragraph, quotation, callout */
    CsbRich *citation;  /* quotation: its source */
    char *anchor;       /* headings: destination name for links */
    GPtrArray *items;   /* list: CsbRich* */
    CsbCalloutKind callout;
    CsbTable *table;
    CsbChart *chart;
} CsbDocBlock;

/* Cover facts; the formatter fills them from config and comparison. */
typedef struct {
    char *title, *subtitle, *organisation, *authority, *date_text, *logo_path;
    char *prepared_note; /* "Prepared from N reports, 2012 to 2025" */
} CsbCover;

typedef struct {
    CsbTemplate *tpl;  /* borrowed */
    CsbCover cover;
    char *running_title; /* page header text */
    GPtrArray *blocks;   /* CsbDocBlock* */
    int anchors;         /* counter for generated anchor names */
} CsbDoc;

CsbDoc *csb_doc_new(CsbTemplate *tpl);
void csb_doc_free(CsbDoc *d);
/* Builders: each returns the block it appended. Headings get anchors. */
CsbDocBlock *csb_doc_heading(CsbDoc *d, int level, const char *text);
CsbDocBlock *csb_doc_para(CsbDoc *d, CsbRich *text);
CsbDocBlock *csb_doc_list(CsbDoc *d); /* then g_ptr_array_add(b->items, rich) */
CsbDocBlock *csb_doc_quote(CsbDoc *d, const char *quote, CsbRich *citation);
CsbDocBlock *csb_doc_callout(CsbDoc *d, CsbCalloutKind kind, CsbRich *text);
CsbDocBlock *csb_doc_table(CsbDoc *d, CsbTable *t);
CsbDocBlock *csb_doc_figure(CsbDoc *d, CsbChart *c);
CsbDocBlock *csb_doc_page_break(CsbDoc *d);
CsbDocBlock *csb_doc_contents(CsbDoc *d);

/* ---- formatters ------------------------------------------------------- */

/* Everything a formatter reads. All borrowed. */
typedef struct {
    const CsbComparison *comparison;
    const CsbAreaMap *areas;
    const CsbCsv *glossary;  /* data/glossary.csv */
    const CsbCsv *grades;    /* data/grades.csv: plain-English grade meanings */
    const CsbThemeLibrary *library; /* cue phrases, for tone */
    const char *title, *subtitle, *organisation, *logo_path;
    CsbDate date;            /* the briefing's date */
    int report_count;
} CsbFormatInput;

/* Build the document for tpl->id ("briefing-pack", "members-summary"). */
CsbDoc *csb_format(CsbTemplate *tpl, const CsbFormatInput *in, CsbDiag *diag);

/* ---- formatter internals (shared by format.c, pack.c, members.c) ----- */

typedef struct {
    CsbDoc *doc;
    const CsbFormatInput *in;
    const CsbStory *focus;
    GHashTable *abbreviations; /* glossary entries used in quotations */
} CsbFormatter;

typedef void (*CsbSectionFn)(CsbFormatter *fm);

/* "December 2025" */
char *csb_fmt_month_year(CsbDate d);
/* "ILACS inspection, December 2025" */
char *csb_fmt_report_name(const CsbInspection *in);
/* Citation for a paragraph: authority, report, paragraph number, page. */
CsbRich *csb_fmt_citation(const CsbInspection *in, const CsbParagraph *p);
/* A table cell showing a grade in its colour, with its words. */
CsbTableCell *csb_fmt_grade_cell(GPtrArray *row, CsbGrade g, const char *wording);
/* Quote text as evidence: adds a quotation block and notes abbreviations. */
void csb_fmt_quote(CsbFormatter *fm, const char *quote, const CsbInspection *in,
                   const CsbParagraph *p);
/* Plain-English meaning of a grade from data/grades.csv. */
const char *csb_fmt_grade_meaning(const CsbFormatInput *in, CsbGrade g);
/* Direction words: "improved from Adequate to Good", "stayed Good". */
char *csb_fmt_change(const CsbChange *c);
/* Chart of grade histories, one row per headline area of a story. */
CsbChart *csb_fmt_history_chart(const CsbStory *s, const CsbAreaMap *areas, double height);
/* Grade matrix: focus and peers by headline area. */
CsbChart *csb_fmt_matrix_chart(const CsbComparison *c, double height);

CsbSectionFn csb_pack_section(const char *id);
CsbSectionFn csb_members_section(const char *id);

/* ---- pages of boxes --------------------------------------------------- */

typedef enum {
    CSB_BOX_TEXT,  /* lines [line_from, line_to) of a Pango layout */
    CSB_BOX_RECT,  /* filled rectangle */
    CSB_BOX_RULE,  /* line from (x,y) to (x+w, y+h) */
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
    gboolean hatch;          /* RECT: diagonal hatching (inadequate) */
    const CsbChart *chart;   /* CHART: borrowed from the document */
    char *target;            /* LINK: "uri:..." or "dest:NAME"; DEST/IMAGE: name/path */
} CsbBox;

typedef struct {
    GPtrArray *boxes; /* CsbBox* */
} CsbPage;

typedef struct {
    int level;      /* 1 or 2 */
    char *title;
    char *anchor;
    int page;       /* 1-based */
} CsbOutlineEntry;

typedef struct {
    GPtrArray *pages;   /* CsbPage* */
    GPtrArray *outline; /* CsbOutlineEntry*, document order */
    double page_w, page_h;
    PangoFontMap *fontmap; /* owned; layouts in boxes came from it */
} CsbLayout;

/* Fonts: a font map that sees only the fonts in fonts_dir. */
PangoFontMap *csb_fonts_map(const char *fonts_dir, CsbDiag *diag);

/* Measure and paginate. Takes ownership of fontmap. */
CsbLayout *csb_layout_run(const CsbDoc *doc, PangoFontMap *fontmap, CsbDiag *diag);
void csb_layout_free(CsbLayout *l);

#endif
