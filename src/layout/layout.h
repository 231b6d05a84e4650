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
/* Pango markup for r: every span's text escaped. muted and accent colour
 * the MUTED and ACCENT spans (either may be NULL). */
char *csb_rich_markup(const CsbRich *r, const CsbColour *muted, const CsbColour *accent);
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

typedef struct {
    int columns;
    double *widths;    /* fractions of the text width, summing to 1 */
    PangoAlignment *align; /* per column; left unless set */
    gboolean large;    /* body type rather than the template's table size */
    GPtrArray *header; /* CsbTableCell* */
    GPtrArray *rows;   /* GPtrArray* of CsbTableCell* */
} CsbTable;

CsbTable *csb_table_new(int columns, const double *widths);
void csb_table_header(CsbTable *t, int column, const char *text);
void csb_table_align(CsbTable *t, int column, PangoAlignment align);
/* Start a row; then fill its cells. */
GPtrArray *csb_table_row(CsbTable *t);
CsbTableCell *csb_table_cell(GPtrArray *row, CsbRich *text); /* takes ownership */
/* A cell holding a date ("12 December 2025"; "date not stated" when d is
 * not valid), or a number (as "%g"). */
CsbTableCell *csb_table_date(GPtrArray *row, CsbDate d);
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
CsbDocBlock *csb_doc_cover(CsbDoc *d);
CsbDocBlock *csb_doc_masthead(CsbDoc *d);

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
} CsbFormatInput;

/* Build the document with the sections tpl lists, of the formatter it
 * names (or the one that has them all). NULL with errors in diag. */
CsbDoc *csb_format(CsbTemplate *tpl, const CsbFormatInput *in, CsbDiag *diag);

/* ---- formatter internals (shared by format.c, pack.c, members.c) ----- */

typedef struct {
    CsbDoc *doc;
    const CsbFormatInput *in;
    const CsbStory *focus;
    const CsbFrameworks *frameworks; /* the area map's: names of report kinds */
    GHashTable *abbreviations;  /* abbreviation -> glossary row + 1, used in quotations */
    GHashTable *glossary_index; /* abbreviation -> glossary row + 1, built on first use */
    guint kinds_named;          /* bit 1 << CsbKind per kind of report the text names
                                   (csb_fmt_name_report), for the glossary */
} CsbFormatter;

typedef void (*CsbSectionFn)(CsbFormatter *fm);

/* "December 2025" */
char *csb_fmt_month_year(CsbDate d);
/* "ILACS inspection, December 2025" */
char *csb_fmt_report_name(const CsbFrameworks *fw, const CsbInspection *in);
/* The years a story's reports span: "2015 to 2025", "2024", or NULL
 * when none is dated. */
char *csb_fmt_story_years(const CsbStory *s);
/* The report's name, as csb_fmt_report_name, noting its kind for the
 * glossary. */
char *csb_fmt_name_report(CsbFormatter *fm, const CsbInspection *in);
/* "Dec 2025" */
char *csb_fmt_month_short(CsbDate d);
/* A report kind in a few words, for charts: "ILACS", "Focused visit". */
const char *csb_fmt_kind_short(const CsbFrameworks *fw, CsbKind k);
/* Year as a fraction, for time axes (2017.3). */
double csb_fmt_year(CsbDate d);
/* Citation for a paragraph: authority, report, paragraph number, page. */
CsbRich *csb_fmt_citation(const CsbFrameworks *fw, const CsbInspection *in,
                          const CsbParagraph *p);
/* Address of a report: its url, else Ofsted's page for the provider when
 * the URN is known (from a corpus file name "<urn>-<name>__<date>.pdf", or
 * the authority table's URN of the story the report belongs to).
 * "uri:..." for a link, or NULL. */
char *csb_fmt_report_link(const CsbFormatInput *in, const CsbInspection *insp);
/* A table cell showing a grade's words on a badge of its colour. */
CsbTableCell *csb_fmt_grade_cell(GPtrArray *row, CsbGrade g);
/* Trend of a change. */
CsbTrend csb_fmt_trend(const CsbChange *c);
/* Note the glossary's abbreviations that text uses (for the glossary). */
void csb_fmt_note_abbreviations(CsbFormatter *fm, const char *text);
/* Quote text as evidence: adds a quotation block and notes abbreviations. */
void csb_fmt_quote(CsbFormatter *fm, const char *quote, const CsbInspection *in,
                   const CsbParagraph *p);
/* Plain-English meaning of a grade from data/grades.csv. */
const char *csb_fmt_grade_meaning(const CsbFormatInput *in, CsbGrade g);
/* Its first sentence only, for tables (a new string). */
char *csb_fmt_grade_meaning_short(const CsbFormatInput *in, CsbGrade g);
/* Direction words: "improved from Adequate to Good", "stayed Good". */
char *csb_fmt_change(const CsbChange *c);
/* "since July 2021", adding "(then one judgement: Children in care and care
 * leavers)" when the earlier grade was of an area this one continues. */
char *csb_fmt_since(const CsbFormatInput *in, const CsbChange *c);
/* Adds a line "Not judged at the June 2026 inspection; this grade is from
 * March 2023." to r when a later full inspection gave no grade for the
 * area, or "A report of May 2025 could not be read; ..." when a later
 * report (or its grade) was not read (its latest grade is then not
 * current); else nothing. */
void csb_fmt_add_not_judged(CsbRich *r, const CsbAreaHistory *h);
/* What a table says of an area graded once: true of the reports read, not
 * of the authority's whole history. */
#define CSB_FMT_GRADED_ONCE "No earlier grade in the reports read"
/* Why a finding recurs, appended to r: the report it was raised in before
 * (quoting that report's finding when quote_earlier), and the grounds:
 * the later report's own words saying so, or the issues both findings are
 * about and the words they share. */
void csb_fmt_add_raised_before(CsbRich *r, const CsbFrameworks *fw, const CsbAfiTrack *t,
                               gboolean quote_earlier);
/* Gaps a reader should know (CsbRich*, owned): the focus judged Inadequate
 * with no monitoring visit since among the reports; its grades that are
 * not current; no graded inspection; with peers, comparators with no
 * reports and peers with grades not current. */
GPtrArray *csb_fmt_gaps(CsbFormatter *fm, gboolean peers);
/* Chart of grade histories, one panel per headline area of a story. */
CsbChart *csb_fmt_history_chart(const CsbStory *s);
/* Every inspection and visit of a story on a time axis. */
CsbChart *csb_fmt_timeline_chart(const CsbFrameworks *fw, const CsbStory *s);
/* Is an area's latest grade older than its authority's latest known
 * inspection (not current, or from an inspection before the latest)? */
gboolean csb_fmt_grade_stale(const CsbFrameworks *fw, const CsbStory *s,
                             const CsbAreaHistory *h);
/* Grade matrix: focus and peers by headline area, each cell dated. */
CsbChart *csb_fmt_matrix_chart(const CsbComparison *c);
/* The peer group's latest grades per headline area. */
CsbChart *csb_fmt_distribution_chart(const CsbComparison *c);
/* A theme's concerns, mixed and strengths per inspection. */
CsbChart *csb_fmt_theme_chart(const CsbFrameworks *fw, const CsbThemeStory *t);

/* Every story of the comparison: the focus (when there is one), then the
 * peers (a new array; the stories borrowed). */
GPtrArray *csb_fmt_stories(const CsbFormatter *fm);
/* Each authority's latest graded inspection and latest grade per headline
 * area, a row per story (workbook.c); with a column for the region. */
CsbTable *csb_fmt_latest_grades(CsbFormatter *fm, gboolean regions);

/* A formatter's table of sections, and the one of them called id (or NULL). */
typedef struct {
    const char *id;
    CsbSectionFn fn;
} CsbSection;
CsbSectionFn csb_fmt_section_in(const CsbSection *sections, guint n, const char *id);

/* Each formatter's sections by id (NULL: it has no such section). */
CsbSectionFn csb_pack_section(const char *id);
CsbSectionFn csb_members_section(const char *id);
CsbSectionFn csb_workbook_section(const char *id);
CsbSectionFn csb_overview_section(const char *id);

/* ---- pages of boxes --------------------------------------------------- */

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
    char *target;            /* LINK: "uri:..." or "dest:NAME"; DEST/IMAGE: name/path */
    int node;                /* its element in CsbLayout.structure, or CSB_ARTIFACT */
} CsbBox;

typedef struct {
    GPtrArray *boxes; /* CsbBox* */
    char *section;    /* title of the top-level section the page is in */
    gboolean bare;    /* masthead page: no running header */
    gboolean cover;   /* the cover: no header or footer */
} CsbPage;

typedef struct {
    int level;      /* 1 or 2 (the contents page is a level 1 entry) */
    char *title;
    char *anchor;
    int page;       /* 1-based */
} CsbOutlineEntry;

typedef struct {
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

#endif
