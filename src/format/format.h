/* format.h - the formatters: what a briefing says. Each walks the
 * comparison and builds the document tree (src/doc) with the sections its
 * template lists, in order:
 *   format.c       the driver (the formatter a template names, its
 *                  sections in order) and what every briefing shares:
 *                  dates, report names, citations and links, grade cells
 *                  and trends, quotations, glossary notes, change wording
 *   fmt_charts.c   the charts a comparison gives
 *   pack*.c        the pre-inspection briefing pack (pack.h)
 *   members.c      the members' summary
 *   workbook.c     the analysts' workbook
 *   overview.c     the national overview
 * It decides nothing about pages: that is the flow engine's (src/layout).
 */
#ifndef CSB_FORMAT_H
#define CSB_FORMAT_H

#include "../compare/compare.h"
#include "../doc/doc.h"

/* ---- formatters ------------------------------------------------------- */

/* Everything a formatter reads. All borrowed. */
typedef struct {
    const CsbComparison *comparison;
    const CsbAreaMap *areas;
    const CsbCsv *glossary;  /* data/glossary.csv */
    const CsbCsv *grades;    /* data/grades.csv: plain-English grade meanings */
    const CsbUnreadWords *unread_words; /* data/not-read-reasons.csv: why a report
                                           was not read, for councillors */
    const CsbThemeLibrary *library; /* cue phrases, for tone */
    const char *title, *subtitle, *organisation, *logo_path;
    CsbDate date;            /* the date the config or SOURCE_DATE_EPOCH gives the
                                briefing, printed as it is; not valid: the
                                briefing is dated by the reports it shows
                                (csb_format), "Based on reports published up
                                to 12 December 2025" */
    /* 0, or how much shorter to be, up to CSB_FMT_BREVITY_MAX, when the
     * briefing ran past its template's max_pages: fewer questions and
     * quotes, shorter quotes (the members' summary). */
    int brevity;
} CsbFormatInput;

#define CSB_FMT_BREVITY_MAX 2

/* Build the document with the sections tpl lists, of the formatter it
 * names (or the one that has them all). NULL with errors in diag. The
 * document's date (CsbDoc.date) is in->date when valid; else the newest
 * date of the reports the briefing shows (the focus's alone in a members'
 * summary, which shows no other; the focus's and every peer's in the
 * others): their publication dates when every one is known ("Based on
 * reports published up to ..."), else their inspections' ("Based on
 * inspections and visits up to ..."). The same reports always give the
 * same date. */
CsbDoc *csb_format(CsbTemplate *tpl, const CsbFormatInput *in, CsbDiag *diag);

/* Does tpl's formatter show its authority's reports alone, none of a
 * comparator's, nor who its comparators are (the members' summary)? Then
 * those reports and the comparators are not among what shapes it (the
 * build's plan). FALSE when tpl names no formatter, or several. */
gboolean csb_format_focus_only(const CsbTemplate *tpl);

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

/* Names in a sentence, any of which may hold a comma of its own ("Bristol,
 * City of", "Bournemouth, Christchurch and Poole"): "A, B and C", or, when
 * one does, "A; B; and C", so that each reads as one name. last joins the
 * last two ("and", "or"; NULL: "A, B, C" or "A; B; C"). Appended to r, each
 * name in style, the separators in sep_style. Every list of authority names
 * is written by it. */
void csb_fmt_add_names(CsbRich *r, const GPtrArray *names, guint style, guint sep_style,
                       const char *last);
/* The same as a new string. */
char *csb_fmt_names(const GPtrArray *names, const char *last);
/* The authority names of stories (CsbStory*) or of authorities
 * (CsbAuthority*), borrowed, in order: a new array. */
GPtrArray *csb_fmt_story_names(const GPtrArray *stories);
GPtrArray *csb_fmt_authority_names(const GPtrArray *authorities);
/* An authority's name for running text: the authority table's canonical
 * name, or, when it is an inverted ONS form ("Bristol, City of"), the
 * words before the comma, when the table gives them as an alias
 * ("Bristol"). Tables keep the canonical name. Borrowed. */
const char *csb_fmt_authority_prose(const CsbAuthority *a);
/* csb_fmt_authority_prose of each story's authority (stories) or of each
 * authority, in order: a new array of borrowed names. */
GPtrArray *csb_fmt_prose_names(const GPtrArray *items, gboolean stories);

/* "December 2025" */
char *csb_fmt_month_year(CsbDate d);
/* Two ends of a range of dates joined by word ("to", "and"): "12 September
 * to 6 October 2016", "December 2024 and January 2025". The space after
 * word is a no-break one (CSB_DATE_SPACE), so that a line breaks, if it
 * must, before word, never after it ("12 September / to 6 October 2016",
 * not "12 September to / 6 October 2016"); a range whose first end is one
 * bare word, a day or a month ("3 to 14 December 2018", "February and
 * March 2023"), never breaks, as "3" or "February" alone at a line's end
 * would read as a number or a month of no year. A new string. */
char *csb_fmt_range(const char *first, const char *word, const char *last);
/* When an inspection was held, by month: the one way a briefing names it
 * by date, in its sentences ("in February and March 2023"), citations,
 * tables, lists and headings (csb_fmt_report_name): "March 2026"; the
 * months it spanned, "February and March 2023" (Birmingham's, 20 February
 * to 3 March), "January to March 2023", "December 2024 and January 2025"
 * (the year once when both are in it); or, for one held in two parts in
 * different months, the month each part ended, "October 2024 and January
 * 2025" (*parts, when not NULL, says which); the month of its one date
 * known when the other is not. Joined by csb_fmt_range. */
char *csb_fmt_months_held(const CsbInspection *in, gboolean *parts);
/* "ILACS inspection, February and March 2023": a report's name, the
 * months it was held (csb_fmt_months_held) after its kind; the same in a
 * citation, a table cell, a list, a heading and the workbook. */
char *csb_fmt_report_name(const CsbFrameworks *fw, const CsbInspection *in);
/* The month an inspection ended, "March 2023": only where an inspection
 * stands for a point in time, which the months it was held would make
 * read as two ("since March 2023", "between October 2016 and March 2023",
 * "(April 2014 to October 2016)", a span measured between the dates
 * inspections ended), and not beside a line naming the same inspection by
 * its months (csb_fmt_since). Every other date naming a report is
 * csb_fmt_months_held's. */
char *csb_fmt_month_ended(const CsbInspection *in);
/* The years a story's reports span: "2015 to 2025", "2024", or NULL
 * when none is dated. */
char *csb_fmt_story_years(const CsbStory *s);
/* The report's name, as csb_fmt_report_name, noting its kind for the
 * glossary. */
char *csb_fmt_name_report(CsbFormatter *fm, const CsbInspection *in);
/* "Dec 2025": for a chart's labels and a narrow column's heading only,
 * where a report's months would not fit (a briefing's text names a report
 * by csb_fmt_months_held). */
char *csb_fmt_month_short(CsbDate d);
/* A report kind in a few words, for charts: "ILACS", "Focused visit". */
const char *csb_fmt_kind_short(const CsbFrameworks *fw, CsbKind k);
/* Year as a fraction, for time axes (2017.3). */
double csb_fmt_year(CsbDate d);
/* Citation for a paragraph: authority, report (csb_fmt_report_name),
 * paragraph number, page. */
CsbRich *csb_fmt_citation(const CsbFrameworks *fw, const CsbInspection *in,
                          const CsbParagraph *p);
/* Address of a report: its url, else Ofsted's page for the provider when
 * the URN is known (from a corpus file name "<urn>-<name>__<date>.pdf", or
 * the authority table's URN of the story the report belongs to).
 * "uri:..." for a link, or NULL. */
char *csb_fmt_report_link(const CsbFormatInput *in, const CsbInspection *insp);
/* A table cell showing a grade's words on a badge of its colour. */
CsbTableCell *csb_fmt_grade_cell(GPtrArray *row, CsbGrade g);
/* The latest grade of h as a table shows it: on its badge when current,
 * else without one, saying why and what it was ("Not judged in May 2026",
 * "last: Inadequate"), so that a grade a later inspection did not give is
 * never read as current. */
CsbTableCell *csb_fmt_latest_grade_cell(GPtrArray *row, const CsbAreaHistory *h);
/* Trend of a change. */
CsbTrend csb_fmt_trend(const CsbChange *c);
/* Trend of an area's latest change as a table shows it: none when its
 * latest grade is not current. */
CsbTrend csb_fmt_latest_trend(const CsbAreaHistory *h, const CsbChange *c);
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
/* When the latest change of h counts from: "since July 2021", the date of
 * the grade before, or when the grade stayed the same, of the first grade
 * of its unbroken run among the reports read ("stayed Outstanding since
 * 2018", not since the last of three Outstanding inspections); that
 * inspection named by the months it was held ("since the April and May
 * 2023 inspection") when a line beside, of a headline area of beside (the
 * table's histories, or NULL), names it so ("this grade is from April and
 * May 2023"), which "since May 2023" would make read as another; adding
 * "(then one judgement: Children in care and care leavers)" when that grade
 * was of an area this one continues, "(both times one judgement: ...)"
 * ("each time" over a longer run) when every later one was too, or "(in
 * May 2018 one judgement: ...)" when a later grade of the run was. h has a
 * change. */
char *csb_fmt_since(const CsbFormatInput *in, const CsbAreaHistory *h, const GPtrArray *beside);
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

#endif
