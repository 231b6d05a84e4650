/* doc.h - the document tree: what a briefing says, in the order it says
 * it, with nothing about how it is set. Every writer reads it: the flow
 * engine (src/layout) for the PDF, and the HTML and xlsx writers directly.
 *
 * Owns: colours and grade colours; templates (template.c: the page, type
 * and colours a briefing is set in, and its formatter and sections, read
 * from templates/NAME.yaml; here rather than in src/format because a
 * CsbDoc carries its template and every writer reads it, not only the
 * formatters); rich text (runs of plain text in a style, never markup);
 * blocks (headings with anchors, paragraphs, lists, quotations with their
 * citations and links, callouts, page breaks, the cover, masthead and
 * contents); tables with header cells, grade, date and number cells and
 * links (doc.c); figures: charts with their data (chart.c) and their
 * alternative text stating that data (chart_words.c).
 *
 * No Pango or Cairo type appears here: how rich text becomes Pango markup
 * is the flow engine's business (csb_rich_markup, src/layout).
 */
#ifndef CSB_DOC_H
#define CSB_DOC_H

#include "../model/model.h"

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
    char *path;          /* the file, for messages */
    char *name;          /* "Pre-inspection briefing pack" */
    char *default_title;
    double page_w, page_h; /* points */
    double margin_top, margin_right, margin_bottom, margin_left;
    char *font_body;     /* family names, all bundled in fonts/ */
    char *font_quote;
    double size_body, size_small, size_h1, size_h2, size_h3, size_title;
    double size_table;   /* table text; default: size_small */
    double leading;      /* line spacing factor */
    CsbColour accent, ink, muted, rule, shade;
    int max_pages;       /* 0: no limit; members-summary: 4 */
    gboolean section_breaks; /* each top-level heading starts a page */
    char *formatter;     /* whose sections 'sections' names: "pack", "members",
                            "workbook", "overview"; NULL: the one that has them all */
    GPtrArray *sections; /* char*: section ids in order */
    int sections_line, sections_column; /* where the list is, for messages */
    gboolean national;   /* scope: national: one briefing over every authority of
                            the reports, not one per authority */
    /* The members' summary's children in care and care leavers ('care:'):
     * report sections about them, words and theme ids of findings about
     * them (char*, lower case; empty when the template names none). */
    GPtrArray *care_sections, *care_words, *care_themes;
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
    CSB_STYLE_ACCENT = 1 << 4, /* the template's accent colour (link text) */
    CSB_STYLE_ADDRESS = 1 << 5, /* a web address: a line breaks it only after a '/', or
                                   after a '-', '_', '?', '&' or '=' of its path, never
                                   in its host, and never with a hyphen added */
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
/* The spans' text joined, no styling. */
char *csb_rich_text(const CsbRich *r);

/* Direction of a change, drawn as an arrow (never a font glyph: the
 * bundled fonts have none) beside its words. */
typedef enum {
    CSB_TREND_NONE,   /* nothing to compare with */
    CSB_TREND_BETTER, /* up */
    CSB_TREND_SAME,   /* a dot */
    CSB_TREND_WORSE,  /* down */
} CsbTrend;

typedef enum {
    CSB_CHART_HISTORY,      /* grade per area over time: one small panel per area */
    CSB_CHART_MATRIX,       /* authorities x areas, latest grade, change arrow */
    CSB_CHART_DISTRIBUTION, /* per area, how many authorities at each grade */
    CSB_CHART_THEME_TIMELINE, /* per inspection, concerns / mixed / strengths */
    CSB_CHART_TIMELINE,     /* every inspection and visit on one time axis */
} CsbChartKind;

/* One mark: a graded point (history), a cell (matrix) or an inspection
 * (timeline: grade is the overall grade, CSB_GRADE_NONE for a visit). */
typedef struct {
    double x;       /* history, timeline: year as a fraction (2017.3) */
    CsbGrade grade;
    CsbTrend trend; /* matrix: change since the previous graded inspection */
    gboolean graded; /* timeline: a graded inspection (its grade may still be NONE) */
    char *label;    /* timeline: "name\ndetail" of the report; matrix: the date of the
                       inspection the grade is from ("Mar 2023"); history: unused */
    gboolean stale; /* matrix: older than the authority's latest known inspection
                       (drawn with a dashed outline) */
} CsbChartMark;

/* Theme timeline counts, in the order they are drawn. */
enum { CSB_TONE_COUNT_CONCERNS, CSB_TONE_COUNT_MIXED, CSB_TONE_COUNT_STRENGTHS };

typedef struct {
    char *label;       /* row label */
    char *note;        /* optional second line under the label */
    GPtrArray *marks;  /* CsbChartMark* */
    int counts[CSB_GRADE_COUNT]; /* distribution rows; [CSB_GRADE_NONE]: not graded */
    CsbGrade focus;    /* distribution: the focus authority's grade, marked */
    int theme_counts[3];         /* theme timeline, CSB_TONE_COUNT_* */
    gboolean emphasis; /* the focus authority's row */
} CsbChartRow;

typedef struct {
    CsbChartKind kind;
    char *title;
    char *caption;    /* accessible description, also printed */
    char *focus_name; /* distribution: whose grade the marker shows */
    GPtrArray *columns; /* char*: matrix column labels */
    GPtrArray *rows;    /* CsbChartRow* */
    double x_min, x_max; /* history, timeline: year range */
    double height;       /* points; csb_chart_fit sets it from the rows */
} CsbChart;

CsbChart *csb_chart_new(CsbChartKind kind, const char *title);
CsbChartRow *csb_chart_add_row(CsbChart *c, const char *label);
CsbChartMark *csb_chart_add_mark(CsbChartRow *row, double x, CsbGrade grade, CsbTrend trend);
/* Set c->height to what its kind and rows need (the renderer draws to
 * the same geometry, see charts.c). */
void csb_chart_fit(CsbChart *c);
/* Can the chart be broken across pages between its rows? The matrix can
 * (a table of grades, its column headings repeated); the others are
 * placed whole. */
gboolean csb_chart_splits(const CsbChart *c);
/* The height of rows [from, to) of a chart that splits, drawn as one part:
 * its title and column headings, the rows, and the legend when to is the
 * last row (csb_chart_fit's height for all of them). */
double csb_chart_part_height(const CsbChart *c, guint from, guint to);
/* Timeline: lanes of labels above the axis (one per mark, at most
 * CSB_CHART_LANES). */
int csb_chart_lanes(const CsbChart *c);
void csb_chart_free(CsbChart *c);
/* What a chart shows, in words: its title and every value it draws
 * ("Overall effectiveness: Good in May 2012, ..."), for readers who
 * cannot see it (a figure's alternative text). */
char *csb_chart_describe(const CsbChart *c);

/* Geometry the layout and the renderer share (points). */
#define CSB_CHART_TITLE_H 16.0    /* the title line */
#define CSB_CHART_LEGEND_H 18.0   /* a legend line */
#define CSB_CHART_AXIS_H 16.0     /* year labels under a time axis */
#define CSB_CHART_BAND_H 8.0      /* one grade band of a history panel */
#define CSB_CHART_PANEL_GAP 9.0   /* between history panels */
#define CSB_CHART_ROW_H 19.0      /* distribution and theme rows */
#define CSB_CHART_CELL_H 26.0     /* matrix rows: a grade and the date it is from */
#define CSB_CHART_HEAD_H 24.0     /* matrix column headings (two lines) */
#define CSB_CHART_LANE_H 23.0     /* timeline: one lane of labels */
#define CSB_CHART_LANES 3         /* timeline: most lanes above the axis */

typedef struct {
    CsbRich *text;
    CsbGrade grade;   /* a grade cell: its words on a badge of the grade's colour */
    CsbTrend trend;   /* an arrow before the text */
    char *link;       /* "uri:..." the cell links to, or NULL */
    gboolean dated;   /* a date cell: date is the date its text says (a workbook
                         keeps it as a date), or invalid when not stated */
    CsbDate date;
    gboolean counted; /* a number cell: number is the value its text says */
    double number;
} CsbTableCell;

/* How a column's text lines up in its cells. */
typedef enum { CSB_ALIGN_LEFT, CSB_ALIGN_CENTRE, CSB_ALIGN_RIGHT } CsbAlign;

typedef struct {
    int columns;
    double *widths;    /* fractions of the text width, summing to 1 */
    CsbAlign *align;   /* per column; left unless set */
    gboolean large;    /* body type rather than the template's table size */
    GPtrArray *header; /* CsbTableCell* */
    GPtrArray *rows;   /* GPtrArray* of CsbTableCell* */
} CsbTable;

CsbTable *csb_table_new(int columns, const double *widths);
void csb_table_header(CsbTable *t, int column, const char *text);
void csb_table_align(CsbTable *t, int column, CsbAlign align);
/* Start a row; then fill its cells. */
GPtrArray *csb_table_row(CsbTable *t);
CsbTableCell *csb_table_cell(GPtrArray *row, CsbRich *text); /* takes ownership */
/* A cell holding a date ("12 December 2025"; "date not stated" when d is
 * not valid), or a number (as "%g"). */
CsbTableCell *csb_table_date(GPtrArray *row, CsbDate d);
/* The same, its text "12 Dec 2025" when brief (a narrow column). */
CsbTableCell *csb_table_date_as(GPtrArray *row, CsbDate d, gboolean brief);
CsbTableCell *csb_table_number(GPtrArray *row, double n);
void csb_table_free(CsbTable *t);

typedef enum {
    CSB_BLOCK_COVER,    /* a page of its own */
    CSB_BLOCK_MASTHEAD, /* a band across the top of the first page */
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
    char *link;         /* quotation: "uri:..." of its source report, or NULL */
    char *anchor;       /* headings: destination name for links */
    char *short_title;  /* top-level heading: a shorter name for it where its title
                           does not fit, a page's running head ("Theme: Front
                           door"), or NULL: the title */
    GPtrArray *items;   /* list: CsbRich* */
    CsbCalloutKind callout;
    CsbTable *table;
    CsbChart *chart;
    gboolean keep_with_next; /* paragraph: a lead-in, never last on a page */
} CsbDocBlock;

/* Cover facts; the formatter fills them from config and comparison. */
typedef struct {
    char *title, *subtitle, *organisation, *authority, *date_text, *logo_path;
    char *prepared_note; /* "Prepared from N reports, 2012 to 2025" */
    CsbTable *facts;     /* key facts shown on the cover, or NULL (owned) */
} CsbCover;

typedef struct {
    CsbTemplate *tpl;  /* borrowed */
    CsbCover cover;
    CsbDate date;        /* the briefing's date (cover.date_text says what it is):
                            the PDF's and the workbook's creation date */
    char *running_title; /* page header text */
    GPtrArray *blocks;   /* CsbDocBlock* */
    int anchors;         /* counter for generated anchor names */
} CsbDoc;

CsbDoc *csb_doc_new(CsbTemplate *tpl);
void csb_doc_free(CsbDoc *d);
/* Builders: each returns the block it appended. Headings get anchors. */
CsbDocBlock *csb_doc_heading(CsbDoc *d, int level, const char *text);
/* The same, with a shorter name for running heads (NULL: none). */
CsbDocBlock *csb_doc_heading_short(CsbDoc *d, int level, const char *text,
                                   const char *short_title);
CsbDocBlock *csb_doc_para(CsbDoc *d, CsbRich *text);
CsbDocBlock *csb_doc_list(CsbDoc *d); /* then g_ptr_array_add(b->items, rich) */
CsbDocBlock *csb_doc_quote(CsbDoc *d, const char *quote, CsbRich *citation);
CsbDocBlock *csb_doc_callout(CsbDoc *d, CsbCalloutKind kind, CsbRich *text);
CsbDocBlock *csb_doc_table(CsbDoc *d, CsbTable *t);
CsbDocBlock *csb_doc_figure(CsbDoc *d, CsbChart *c);
CsbDocBlock *csb_doc_page_break(CsbDoc *d);
CsbDocBlock *csb_doc_contents(CsbDoc *d);
CsbDocBlock *csb_doc_cover(CsbDoc *d);
CsbDocBlock *csb_doc_masthead(CsbDoc *d);

#endif
