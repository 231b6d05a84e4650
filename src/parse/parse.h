/* parse.h - turning a CsbDocument into a CsbInspection.
 *
 * Owns: recognising the kind of report, reading its header (authority,
 * provider, dates, lead inspector), its judgements (by cell position, never
 * guessed), its areas for improvement / recommendations / priority actions,
 * its numbered paragraphs with their section headings and pages, and the
 * parse cache (parsed records kept by content hash).
 *
 * Pipeline inside the stage: lines -> blocks (paragraph-sized runs of text,
 * furniture and footnotes dropped) -> kind, header, judgements, findings,
 * paragraphs. Each step reads the document and the blocks and adds to the
 * record; none of them reads the file.
 */
#ifndef CSB_PARSE_H
#define CSB_PARSE_H

#include "../ingest/ingest.h"
#include "../model/model.h"

/* The codes (CsbError.code) of the parse's warnings that a later stage
 * tells from the others without reading their message. */
typedef enum {
    CSB_PARSE_WARN_OTHER,        /* 0: anything else */
    CSB_PARSE_WARN_GRADE_UNREAD, /* a judgement's grade (or all of them) could
                                    not be read and is left empty */
} CsbParseWarning;

/* Parse a document. Never fails on content: what cannot be read is left
 * empty and reported as a warning in diag naming where (a grade left
 * empty: code CSB_PARSE_WARN_GRADE_UNREAD). Returns NULL only
 * when the document is not a report at all (one error is added then,
 * whose code is its kind: CSB_UNREAD_NO_TEXT or CSB_UNREAD_NOT_INSPECTION). */
CsbInspection *csb_parse_document(const CsbDocument *doc, const CsbReference *ref,
                                  CsbDiag *diag);

/* Ingest and parse one file. NULL (with one error in diag, whose code is
 * its kind: CsbUnreadReason) when the file cannot be read as a report. */
CsbInspection *csb_parse_file(const char *path, const CsbReference *ref, CsbDiag *diag);

/* Bump when a change to the parser changes what it reads from a report:
 * cached records made by an older parser are then parsed again. */
#define CSB_PARSE_VERSION 5 /* 2: ingest drops Unicode noncharacters; 3: frameworks in data, grades from section headings; 4: sub-headings not glued to findings, the headline summary kept as paragraphs 0; 5: a graded report that numbers no paragraph keeps its bullets as paragraphs */

/* Like csb_parse_file, but keeps each parsed record in cache_dir (created if
 * missing) as <sha256 of the file>.rec, keyed also by the record format
 * and the reference data (authority table and frameworks), so a re-run over unchanged files does no PDF
 * work. A missing, stale or corrupt entry is parsed again and rewritten
 * atomically. cache_dir NULL means no cache. The record's file is path as
 * given, whatever it was when cached. Warnings found when the report was
 * first parsed are kept with the entry and added to diag again. */
CsbInspection *csb_parse_cached(const char *path, const CsbReference *ref,
                                const char *cache_dir, CsbDiag *diag);
/* Remove the entries of cache_dir that are of none of the files in keep
 * (a set of sha256 strings) and were written more than max_age seconds
 * ago: records of reports that have since changed or gone. Entries still
 * in use are never removed; an entry of another run's report, removed
 * when old, only costs a parse. Returns how many were removed. */
guint csb_parse_cache_prune(const char *cache_dir, GHashTable *keep, gint64 max_age);

/* ---- where report files came from (sources.c) ------------------------ */

/* The index file csbrief looks for beside reports (csbrief fetch writes
 * it): CSV with at least the columns file and published. */
#define CSB_SOURCES_INDEX "index.csv"

typedef struct CsbSources CsbSources;

CsbSources *csb_sources_new(void);
void csb_sources_free(CsbSources *s);
/* Read an index (a CSV with columns file, published and optionally url,
 * title, sha256). FALSE with an error in diag when it cannot be read. */
gboolean csb_sources_add(CsbSources *s, const char *index_path, CsbDiag *diag);
/* Read the index.csv in report_path's folder, once per folder, if any. */
void csb_sources_add_beside(CsbSources *s, const char *report_path, CsbDiag *diag);
/* The index files read (char*), for fingerprints. */
const GPtrArray *csb_sources_files(const CsbSources *s);
/* What the indexes say of a file (its publication date and address), as
 * one line for fingerprints; NULL when they say nothing. */
char *csb_sources_describe(const CsbSources *s, const char *path, const char *sha256);
/* Give in its source's address, and its publication date when the report
 * states none (published_from CSB_PUBLISHED_INDEX). s may be NULL. */
void csb_sources_apply(const CsbSources *s, CsbInspection *in);
/* What is known of a file from outside it (for one that cannot be read):
 * the index row of its name (whatever its bytes), else its name when it
 * is "<urn>-<name>__<yyyy-mm-dd>.pdf". Strings owned by out. */
typedef struct {
    char *urn;         /* the provider's URN, or NULL */
    char *kind;        /* csbrief's kind id, or NULL */
    char *title;       /* the publication's link text, or NULL */
    CsbDate published; /* or unknown */
} CsbSourceFacts;
/* FALSE (out empty) when nothing is known. s may be NULL. */
gboolean csb_sources_facts(const CsbSources *s, const char *path, CsbSourceFacts *out);
void csb_source_facts_clear(CsbSourceFacts *f);

/* Dates written in reports: "1 to 12 December 2025", "21 May - 01 June
 * 2012", "6 July 2015 – 30 July 2015", "4 and 5 July 2023", "7th to 9th
 * November 2023", "5 to 9 December 2022 and 14 to 15 February 2023" (start
 * of the first part, end of the last). Returns TRUE when a range (or a
 * single date) was read; start <= end. */
gboolean csb_parse_date_range(const char *text, CsbDate *start, CsbDate *end);
/* The same span, and whether it was held in two parts (the rule is in
 * dates.c): "30 September to 11 October 2024 and 13 to 16 January 2025"
 * gives start 2024-09-30, end 2025-01-16, paused 2024-10-11 (the last day
 * of the first part) and resumed 2025-01-13 (the first day of the second);
 * paused and resumed are zero when it was held in one part ("4 and 5 July
 * 2023", "8, 9 and 10 July 2019"). */
gboolean csb_parse_date_parts(const char *text, CsbDate *start, CsbDate *end, CsbDate *paused,
                              CsbDate *resumed);

/* ---- stage internals (shared by the files of src/parse) -------------- */

typedef enum {
    CSB_BLOCK_TEXT,    /* a paragraph of prose */
    CSB_BLOCK_HEADING, /* a heading line */
    CSB_BLOCK_BULLET,  /* a list item, marker removed */
    CSB_BLOCK_ROW,     /* a line of two or more cells (a table row) */
} CsbBlockType;

typedef struct {
    CsbBlockType type;
    char *text;       /* whitespace squashed */
    int number;       /* "12. ..." paragraphs: 12 and text without it */
    int page;
    guint first_line; /* index into doc->lines */
    guint last_line;
    double x0;        /* PDF: left edge of the first line */
    double indent;    /* PDF: left edge of the following lines */
    gboolean bold;
    double size;
} CsbBlock;

GPtrArray *csb_parse_blocks(const CsbDocument *doc); /* CsbBlock*, owned */

/* What a block turned out to be, once a step has claimed it. */
enum { CSB_ROLE_NONE, CSB_ROLE_FINDINGS, CSB_ROLE_TABLE };

/* Everything a parse step needs, in one place. */
typedef struct {
    const CsbDocument *doc;
    const GPtrArray *blocks;
    const CsbReference *ref;
    const CsbFramework *framework; /* of in->kind, once known */
    CsbInspection *in;
    CsbDiag *diag;
    guint title_block; /* the block where the title phrase starts, or blocks->len */
    guint body_end;    /* first block of the back matter (boilerplate, sign-off) */
    guint8 *roles;     /* CSB_ROLE_* of each block */
    GHashTable *not_judged; /* area ids (the frameworks' strings) the report says
                               were not judged, or whose absence a warning explains */
} CsbParse;

/* Warning about a place in the document: "page 3: ..." for PDFs, the line
 * number for text. line_index indexes doc->lines. */
void csb_parse_warn_at(CsbParse *p, guint line_index, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);
/* The same for a judgement's grade that could not be read and is left
 * empty (code CSB_PARSE_WARN_GRADE_UNREAD). */
void csb_parse_grade_unread_at(CsbParse *p, guint line_index, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);
/* The same for grades not read with no place to name (no line or page). */
void csb_parse_grade_unread(CsbParse *p, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* The text of a line with its cells joined by single spaces (owned). */
char *csb_parse_line_text(const CsbLine *l);
/* Text with footnote markers (superscript digits) removed, for reading
 * labels and grades (owned). */
char *csb_parse_clean(const char *s);
/* In a report that does not number its paragraphs (letters, peer
 * challenges), a short numbered line ("4. The peer team.") is a section
 * title. */
gboolean csb_parse_numbered_title(const CsbParse *p, const CsbBlock *b);
/* Words in s (separated by spaces or tabs), counting no further than
 * limit (G_MAXINT for all). */
int csb_parse_word_count(const char *s, int limit);
/* TRUE when the folded text s starts with the folded prefix. */
gboolean csb_parse_folded_prefix(const char *folded, const char *prefix);
/* Does text, folded, start with one of the n (folded) prefixes as whole words? */
gboolean csb_parse_starts_with_any(const char *text, const char *const *prefixes, gsize n);

/* Sets p->in->kind and p->title_block. */
void csb_parse_kind(CsbParse *p);
void csb_parse_header(CsbParse *p);
void csb_parse_authority(CsbParse *p);
void csb_parse_judgements(CsbParse *p);
/* The judgement table read by cell position (table.c): rows of a label
 * column and a grade column between lines first and last. */
void csb_parse_table(CsbParse *p, guint first, guint last,
                     const char *(*area_for)(const char *label, gpointer data),
                     gpointer data);
/* Judgements the cover gave no grade for, from the body's section headings
 * that repeat them (body_grades.c). */
void csb_parse_body_grades(CsbParse *p, guint cover_end);
void csb_parse_findings(CsbParse *p);
void csb_parse_paragraphs(CsbParse *p);

#endif
