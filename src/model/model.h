/* model.h - the one model every report is parsed into.
 *
 * Owns: CsbInspection (a parsed report: who, what kind, when, by whom, its
 * judgements, its areas for improvement and its numbered paragraphs), the
 * vocabularies of kinds, grades and areas with their stable string ids, the
 * authority table (data/authorities.csv) and serialisation of inspections
 * (JSON for `extract`, GVariant for the parse cache).
 *
 * Ownership: an inspection owns every string and array inside it;
 * csb_inspection_free releases all of it.
 */
#ifndef CSB_MODEL_H
#define CSB_MODEL_H

#include "../base/base.h"

/* ---- vocabularies ----------------------------------------------------- */

typedef enum {
    CSB_KIND_UNKNOWN,
    CSB_KIND_ILACS,
    CSB_KIND_SIF,
    CSB_KIND_SLAC,
    CSB_KIND_LAC,
    CSB_KIND_CHILD_PROTECTION,
    CSB_KIND_FOCUSED_VISIT,
    CSB_KIND_MONITORING_VISIT,
    CSB_KIND_JTAI,
    CSB_KIND_LSCB_REVIEW,
    CSB_KIND_PEER_CHALLENGE,
    CSB_KIND_COUNT
} CsbKind;

/* Stable id ("ilacs", "focused-visit", ...). Names, and whether a kind is
 * graded, are in data/frameworks.yaml (CsbFrameworks below). */
const char *csb_kind_id(CsbKind k);
CsbKind csb_kind_from_id(const char *id); /* CSB_KIND_UNKNOWN if unknown */

typedef enum {
    CSB_GRADE_NONE, /* not judged, or could not be read: never guessed */
    CSB_GRADE_OUTSTANDING,
    CSB_GRADE_GOOD,
    CSB_GRADE_REQUIRES_IMPROVEMENT,
    CSB_GRADE_ADEQUATE,
    CSB_GRADE_INADEQUATE,
    CSB_GRADE_COUNT
} CsbGrade;

const char *csb_grade_id(CsbGrade g);    /* "requires_improvement" */
const char *csb_grade_title(CsbGrade g); /* "Requires improvement" */
CsbGrade csb_grade_from_id(const char *id);
/* Recognise a grade as written in a report: "Good", "Grade 3 (Adequate)",
 * "Inadequate (Grade 4)", "Requires improvement to be good", "require
 * improvement". Returns CSB_GRADE_NONE for anything else, including "Not
 * judged" and a grade number that contradicts the word. */
CsbGrade csb_grade_from_text(const char *text);
/* Harmonised ordinal scale: outstanding 1, good 2, requires improvement or
 * adequate 3, inadequate 4; 0 for none. */
int csb_grade_rank(CsbGrade g);

/* Areas are string ids ("overall", "help_protection", ...); the list of
 * known areas, their titles and how they map across frameworks live in
 * data/areas.csv and are read by the compare stage. */

/* ---- why a report could not be read (unread.c) ------------------------ */

/* The kind of problem that stopped a report file being read, given by the
 * stage that found it (ingest, parse; the build when it cannot hash the
 * file) as the code of its error (CsbError.code), carried with the
 * message through the build and its manifest to what the briefings say
 * of a report not read (CsbNotRead). The message is for analysts; the
 * kind lets a briefing say the same thing in other words without reading
 * the message. */
typedef enum {
    CSB_UNREAD_UNKNOWN,     /* not said (0: an error without a code) */
    CSB_UNREAD_HTML_PAGE,   /* a web page (an error page) saved as the report */
    CSB_UNREAD_EMPTY,       /* nothing, only blank space, or a PDF of no pages */
    CSB_UNREAD_NO_TEXT,     /* read, but it holds no text */
    CSB_UNREAD_NO_TEXT_LAYER, /* a PDF whose pages have no text (a scan?) */
    CSB_UNREAD_DAMAGED,     /* a PDF that is damaged or cannot be read as one */
    CSB_UNREAD_TRUNCATED,   /* a PDF without its end */
    CSB_UNREAD_NOT_PDF,     /* named .pdf, but not a PDF */
    CSB_UNREAD_BINARY,      /* binary data given as a text report */
    CSB_UNREAD_ENCRYPTED,   /* a PDF locked with a password */
    CSB_UNREAD_NOT_INSPECTION, /* read, but not a kind of report csbrief knows */
    CSB_UNREAD_TOO_LARGE,   /* past a limit: size, text, pages, decompressed bytes */
    CSB_UNREAD_TOO_SLOW,    /* reading it took longer than the limit */
    CSB_UNREAD_CANNOT_OPEN, /* missing, not a regular file, or not readable */
    CSB_UNREAD_COUNT
} CsbUnreadReason;

/* Stable id ("html-page", "too-large"; "unknown"), as data files and the
 * build's manifest write it. */
const char *csb_unread_reason_id(CsbUnreadReason r);
/* The reason an id names; CSB_UNREAD_UNKNOWN for one not known. */
CsbUnreadReason csb_unread_reason_from_id(const char *id);
/* The reason an error's code gives: CSB_UNREAD_UNKNOWN for an error
 * without one, a warning (whose code means something else) or NULL. */
CsbUnreadReason csb_unread_reason_of(const CsbError *e);

/* What data/not-read-reasons.csv says of each reason for a reader who is
 * not an analyst: the words after "because its file " ("is a saved web
 * page, not the report"). A reason may be missing from the file. */
typedef struct CsbUnreadWords CsbUnreadWords;

/* The file at path (columns reason, plain_english). NULL with an error
 * (file, line, message) in diag for a reason not known, given twice or
 * without words, or a column missing. */
CsbUnreadWords *csb_unread_words_load(const char *path, CsbDiag *diag);
void csb_unread_words_free(CsbUnreadWords *w);
/* The words for r, or NULL when the file has none (or w is NULL). */
const char *csb_unread_words_get(const CsbUnreadWords *w, CsbUnreadReason r);

/* ---- dates ------------------------------------------------------------ */

typedef struct {
    int year, month, day; /* all 0 when unknown */
} CsbDate;

gboolean csb_date_valid(CsbDate d);
/* "2025-12-01" into buf (at least 11 bytes), "" when unknown. */
const char *csb_date_iso(CsbDate d, char buf[static 11]);
CsbDate csb_date_from_iso(const char *s);
int csb_date_compare(CsbDate a, CsbDate b);
/* Days since 0001-01-01, for differences; 0 when unknown. */
int csb_date_julian(CsbDate d);
/* Dates in words are written with no-break spaces (CSB_DATE_SPACE) between
 * their words, so that a line never breaks inside one ("11 / October 2024"
 * in a narrow table cell): a reader meets each date whole. Text extraction
 * and the HTML and xlsx writers read the space as a space. */
#define CSB_DATE_SPACE "\u00A0"
/* "1 December 2025" */
char *csb_date_long(CsbDate d);
/* "1 Dec 2025", for narrow table columns */
char *csb_date_short(CsbDate d);
/* "1 December", for a range within one year ("1 December to 3 January") */
char *csb_date_day_month(CsbDate d);
/* "January" .. "December" for 1..12 (its first three letters abbreviate it). */
const char *csb_month_name(int month);
/* 1..12 for a month's full name, case aside ("september"), else 0. */
int csb_month_number(const char *name);

/* ---- the record ------------------------------------------------------- */

typedef struct {
    char *area;    /* area id, e.g. "in_care" */
    CsbGrade grade;
    char *label;   /* the judgement's name as the report writes it */
    char *wording; /* the grade as the report writes it */
    int page;      /* PDF page (1-based), 0 for text input */
} CsbJudgement;

typedef enum {
    CSB_FINDING_AREA_FOR_IMPROVEMENT,
    CSB_FINDING_RECOMMENDATION,
    CSB_FINDING_PRIORITY_ACTION,
} CsbFindingKind;

const char *csb_finding_kind_id(CsbFindingKind k);

/* One item of "What needs to improve", a recommendation or a priority
 * action, whole. */
typedef struct {
    CsbFindingKind kind;
    char *text;          /* the report's words, whitespace squashed */
    char *framework_ref; /* "outcome 4, national framework", or NULL */
    int page;
} CsbFinding;

/* One paragraph of the report body. Numbered paragraphs carry their number;
 * unnumbered ones (headline findings, letters) have number 0. */
typedef struct {
    int number;
    char *section; /* the heading it sits under, or NULL */
    char *text;    /* the report's words, whitespace squashed */
    int page;
} CsbParagraph;

/* Where a report's publication date came from. */
typedef enum {
    CSB_PUBLISHED_UNKNOWN, /* neither the report nor its source says */
    CSB_PUBLISHED_REPORT,  /* the report states it ("Report published: ...") */
    CSB_PUBLISHED_INDEX,   /* the index of where the file came from (Ofsted's listing) */
} CsbPublishedFrom;

const char *csb_published_from_id(CsbPublishedFrom f); /* "report", "index", "" */

typedef struct {
    char *file;           /* path as given */
    char *sha256;         /* of the file's bytes */
    char *url;            /* source address when known, else NULL */
    CsbKind kind;
    char *title;          /* first heading, as written */
    char *authority;      /* canonical name from the authority table */
    char *authority_code; /* DfE three-digit code */
    char *provider;       /* trust or body named when it is not the council */
    CsbDate start, end, published; /* start to end: the whole span, in one part or two */
    /* An inspection held in two parts ("30 September to 11 October 2024 and
     * 13 to 16 January 2025"): the last day of the first part and the first
     * day of the second; both zero when it was held in one part. */
    CsbDate paused, resumed;
    CsbPublishedFrom published_from;
    char *lead_inspector;
    GPtrArray *judgements; /* CsbJudgement*, in report order */
    GPtrArray *findings;   /* CsbFinding* */
    GPtrArray *paragraphs; /* CsbParagraph* */
} CsbInspection;

CsbInspection *csb_inspection_new(const char *file);
void csb_inspection_free(CsbInspection *in);
CsbJudgement *csb_inspection_add_judgement(CsbInspection *in, const char *area, CsbGrade grade,
                                           const char *label, const char *wording, int page);
CsbFinding *csb_inspection_add_finding(CsbInspection *in, CsbFindingKind kind,
                                       const char *text, const char *framework_ref, int page);
CsbParagraph *csb_inspection_add_paragraph(CsbInspection *in, int number, const char *section,
                                           const char *text, int page);
/* The judgement for area, or NULL. */
const CsbJudgement *csb_inspection_judgement(const CsbInspection *in, const char *area);
/* Was it held in two parts (paused and resumed known)? */
gboolean csb_inspection_in_parts(const CsbInspection *in);
/* The date that places the report in time: end, else start, else published. */
CsbDate csb_inspection_date(const CsbInspection *in);
/* Order by date, then file name. For g_ptr_array_sort. */
gint csb_inspection_cmp(gconstpointer a, gconstpointer b);

/* ---- comparing text across sources (typography.c) ---------------------- */

/* Records keep the source's characters (curly or straight quotes, en dashes
 * or hyphens). This fold makes them comparable: quotes to ASCII, dashes to
 * '-', ellipsis to "...", ligatures spelt out, footnote markers dropped,
 * whitespace squashed. */
char *csb_text_fold_typography(const char *s);
/* Equal after the typographic fold (NULL equals only NULL). */
gboolean csb_text_same(const char *a, const char *b);
/* Do two records say the same: kind, authority, provider, dates (and their
 * parts), lead inspector, judgements (area, grade, label), findings,
 * paragraphs (number, section, text), texts compared with csb_text_same?
 * File, hash, title and pages are not compared. On a difference, the first
 * one is described in why (when not NULL). */
gboolean csb_inspection_same(const CsbInspection *a, const CsbInspection *b, GString *why);

/* ---- serialisation ---------------------------------------------------- */

/* JSON object for one inspection, everything included. */
void csb_inspection_to_json(const CsbInspection *in, GString *out, int indent);
/* Fields a later stage adds to each paragraph's object (the tone and why
 * of `csbrief extract`): called after the paragraph's own fields, it
 * appends ",\n<indent>\"key\": value" pairs (csb_json_key helps). */
typedef void (*CsbJsonParagraphExtra)(const CsbParagraph *p, GString *out, int indent,
                                      gpointer data);
void csb_inspection_to_json_with(const CsbInspection *in, GString *out, int indent,
                                 CsbJsonParagraphExtra extra, gpointer data);
/* Append ",\n", indent spaces and "\"name\": " (no comma when first). */
void csb_json_key(GString *out, int indent, const char *name, gboolean first);
/* Append a JSON string literal. */
void csb_json_string(GString *out, const char *s);
/* Parse cache: a GVariant that round-trips the whole record. Bump
 * CSB_RECORD_FORMAT whenever its layout changes. */
#define CSB_RECORD_FORMAT 2 /* 2: paused and resumed */
GVariant *csb_inspection_to_variant(const CsbInspection *in);
CsbInspection *csb_inspection_from_variant(GVariant *v);

/* ---- authorities ------------------------------------------------------ */

typedef struct {
    char *name;       /* canonical, e.g. "Redcar and Cleveland" */
    char *dfe_code;   /* "807" */
    char *ons_code;   /* "E06000003" */
    char *urn;        /* Ofsted provider number */
    char *region_code;
    char *region;
    GPtrArray *aliases;     /* char* */
    GPtrArray *trusts;      /* char* */
    GPtrArray *neighbours;  /* char* DfE codes, most similar first */
} CsbAuthority;

typedef struct CsbAuthorities CsbAuthorities;

CsbAuthorities *csb_authorities_load(const char *path, CsbDiag *diag);
void csb_authorities_free(CsbAuthorities *t);
guint csb_authorities_count(const CsbAuthorities *t);
const CsbAuthority *csb_authorities_at(const CsbAuthorities *t, guint i);
/* By canonical name, alias, former name, trust or council-style name
 * ("Redcar and Cleveland Borough Council"), compared loosely. */
const CsbAuthority *csb_authorities_find(const CsbAuthorities *t, const char *name);
const CsbAuthority *csb_authorities_by_code(const CsbAuthorities *t, const char *dfe_code);
const CsbAuthority *csb_authorities_by_urn(const CsbAuthorities *t, const char *urn);
/* Every authority a name can mean (several for the deliberate
 * multi-authority aliases such as "Achieving for Children"), canonical
 * owners first. Returns how many were stored in out (at most max). */
guint csb_authorities_find_all(const CsbAuthorities *t, const char *name,
                               const CsbAuthority **out, guint max);
/* The authority whose name (or alias) occurs in text at the earliest
 * position, preferring the longest name there. NULL when none does. For a
 * name several authorities share, the first of them: use
 * csb_authorities_match to see them all. */
const CsbAuthority *csb_authorities_search(const CsbAuthorities *t, const char *text);
/* The same search, telling which name matched, where, and every authority
 * it can mean. */
typedef struct {
    char *name;     /* the matched name, folded (owned) */
    gsize offset;   /* byte offset in the folded text */
    guint words;    /* length of the name in words */
    guint n;        /* authorities it can mean (1 unless ambiguous) */
    const CsbAuthority *authorities[8];
} CsbAuthorityMatch;
gboolean csb_authorities_match(const CsbAuthorities *t, const char *text, CsbAuthorityMatch *m);
void csb_authority_match_clear(CsbAuthorityMatch *m);
/* sha256 of the table file the authorities were loaded from. */
const char *csb_authorities_checksum(const CsbAuthorities *t);
/* Nearest canonical name for a "did you mean" hint, or NULL. */
const char *csb_authorities_suggest(const CsbAuthorities *t, const char *name);

/* ---- inspection frameworks (framework.c, data/frameworks.yaml) ---------- */

/* One way a framework labels a judgement, and the area it counts towards. */
typedef struct {
    char *area;        /* area id in data/areas.csv */
    char *strand;      /* strand id (2009-13 frameworks), or NULL */
    GPtrArray *labels; /* char*: folded phrases of the label */
    GPtrArray *names;  /* char*: the same phrases as written in the file */
    int line;          /* in the frameworks file */
} CsbFrameworkJudgement;

/* A judgement written as a sentence ("The overall judgement is good"). */
typedef struct {
    char *area;
    char *label;       /* the judgement's name for briefings */
    gboolean cover_only;
    GPtrArray *leads;  /* GRegex*, anchored, on folded text: the words before the grade */
} CsbFrameworkSentence;

/* A strand of a 2009-13 framework (safeguarding, looked after children). */
typedef struct {
    char *id;
    GPtrArray *starts; /* char*: folded phrases of a heading that starts it */
} CsbFrameworkStrand;

typedef struct {
    char *id;
    CsbKind kind;
    char *short_name; /* for charts: "SIF inspection" */
    char *title;      /* for tables and text: "Single inspection (SIF)" */
    char *name, *period, *about;
    gboolean graded, letter, full;
    GPtrArray *titles;     /* char*: folded title phrases */
    GRegex *title_pattern; /* or NULL */
    GPtrArray *cover_phrases; /* char*: folded judgement labels of the first page */
    GPtrArray *judgements; /* CsbFrameworkJudgement*, first match wins */
    GPtrArray *sentences;  /* CsbFrameworkSentence* */
    GPtrArray *strands;    /* CsbFrameworkStrand*, in order */
    char *record_table;    /* folded heading of the table repeating every grade, or NULL */
    GPtrArray *expect;     /* char*: areas every report has, "a|b" for alternatives */
} CsbFramework;

typedef struct CsbFrameworks CsbFrameworks;

/* Load and check data/frameworks.yaml: every kind described once, every
 * pattern a valid regular expression. NULL with errors (file, line,
 * column) in diag. */
CsbFrameworks *csb_frameworks_load(const char *path, CsbDiag *diag);
void csb_frameworks_free(CsbFrameworks *fw);
guint csb_frameworks_count(const CsbFrameworks *fw);
/* In file order: the order titles are tried in. */
const CsbFramework *csb_frameworks_at(const CsbFrameworks *fw, guint i);
const CsbFramework *csb_frameworks_get(const CsbFrameworks *fw, CsbKind kind);
const char *csb_frameworks_checksum(const CsbFrameworks *fw);
/* How a report names an earlier inspection or visit (mentions: in
 * data/frameworks.yaml): each a list of phrases (char*), folded as report
 * text is. The comparison writes only the grammar around them. */
typedef struct {
    /* before an inspection named, they make it a service's, not the
     * authority's; one written ending with a space ends with one */
    GPtrArray *services;
    GPtrArray *qualifiers;   /* "last", "most recent": "the last inspection in 2022" */
    GPtrArray *kinds;        /* "full", "sif": "the previous full inspection in 2019" */
    GPtrArray *inspectorate; /* "ofsted": "the 2019 ofsted inspection", "a visit by ofsted" */
    GPtrArray *held;         /* "carried out": "the focused visit carried out in 2019" */
    GPtrArray *who;          /* "inspectors": "in 2020 inspectors conducted a focused visit" */
    GPtrArray *did;          /* "conducted", "completed": the same sentence's verb */
} CsbMentionWords;
const CsbMentionWords *csb_frameworks_mention_words(const CsbFrameworks *fw);
/* The short name ("SIF inspection") and title ("Single inspection (SIF)")
 * of a kind; its id when fw does not describe it. */
const char *csb_frameworks_short_name(const CsbFrameworks *fw, CsbKind kind);
const char *csb_frameworks_title(const CsbFrameworks *fw, CsbKind kind);
/* Does a report of this kind carry graded judgements? */
gboolean csb_frameworks_graded(const CsbFrameworks *fw, CsbKind kind);
/* The area a folded judgement label counts towards in framework f (within
 * strand, or among the judgements of no strand when strand is NULL):
 * prefix_only matches a label that starts with a phrase (headings), else
 * one that holds it as whole words. NULL when none. */
const char *csb_framework_area_for(const CsbFramework *f, const char *strand,
                                   const char *folded_label, gboolean prefix_only);

/* ---- reference data: what reading a report needs ------------------------ */

typedef struct {
    CsbAuthorities *authorities;
    CsbFrameworks *frameworks;
    char *checksum; /* of both: a parsed record depends on them */
} CsbReference;

/* data/authorities.csv and data/frameworks.yaml under datadir. NULL with
 * errors in diag when either cannot be loaded. */
CsbReference *csb_reference_load(const char *datadir, CsbDiag *diag);
/* The same from the two files' paths. */
CsbReference *csb_reference_load_files(const char *authorities_path,
                                       const char *frameworks_path, CsbDiag *diag);
void csb_reference_free(CsbReference *ref);

#endif
