/* compare.h - the comparison engine: from parsed inspections to the story
 * a briefing tells.
 *
 * Owns: the area map (data/areas.csv: area titles, plain-English meaning,
 * which areas continue which across frameworks, how each framework names
 * them), per-authority timelines with one inspection read twice kept once,
 * grade histories and changes on the harmonised scale, areas for
 * improvement tracked across inspections, theme evidence ranked across
 * inspections, and the peer group summary. Serialised by compare_json.c /
 * compare_csv.c; the rules and every output field are in docs/compare.md.
 *
 * What each report says (themes, tone, evidence, findings' tokens) comes
 * from its analysis (src/analysis), made once per run and shared, or made
 * by the comparison for the reports no shared analysis covers.
 *
 * Ownership: a CsbComparison owns every story, history, change and track
 * in it, and the analyses it made itself; its stories' evidence is
 * borrowed from the analyses. Inspections, themes, the area map and the
 * shared analyses are borrowed and must outlive it.
 */
#ifndef CSB_COMPARE_H
#define CSB_COMPARE_H

#include "../analysis/analysis.h"
#include "../model/model.h"
#include "../themes/themes.h"

/* ---- areas ------------------------------------------------------------ */

typedef struct {
    char *id;          /* "in_care" */
    char *title;       /* "Children in care" */
    char *short_title; /* "In care", for tables and charts */
    char *plain;       /* what it means, for councillors */
    GPtrArray *continues; /* char*: area ids whose grades count as this one's
                             history (the 2018-22 combined judgement for
                             in_care and care_leavers) */
    gboolean headline; /* a column of the grade matrix */
    int order;
    GPtrArray *labels; /* char*: how each framework names it ("sif: looked
                          after and achieving"), from data/frameworks.yaml */
} CsbArea;

typedef struct CsbAreaMap CsbAreaMap;

/* data/areas.csv, with each area's names from the frameworks (borrowed:
 * they must outlive the map). Fails, naming the area, when a framework
 * grades an area the file lacks. */
CsbAreaMap *csb_areas_load(const char *path, const CsbFrameworks *frameworks, CsbDiag *diag);
void csb_areas_free(CsbAreaMap *m);
guint csb_areas_count(const CsbAreaMap *m);
const CsbArea *csb_areas_at(const CsbAreaMap *m, guint i); /* in display order */
const CsbArea *csb_areas_find(const CsbAreaMap *m, const char *id);
/* The frameworks the map was loaded with. */
const CsbFrameworks *csb_areas_frameworks(const CsbAreaMap *m);
/* Title for an area id, or the id itself when it is not in the map. */
const char *csb_areas_title(const CsbAreaMap *m, const char *id);

/* ---- what could not be read ---------------------------------------------- */

/* A report the build could not read, or read without (some of) its grades
 * (given to the comparison by the build, which knows; docs/compare.md). */
typedef struct {
    char *file;      /* the report file */
    char *why;       /* the error, or the warnings about its grades */
    CsbUnreadReason reason; /* the kind of problem the error is (not read at
                               all); CSB_UNREAD_UNKNOWN when not known, or
                               when its grades could not be read */
    char *authority; /* canonical name (from an index of the files or the file's
                        name when it could not be read), or NULL when not known */
    CsbDate date;    /* its publication date, or unknown */
    char *title;     /* the index's link text, or NULL */
    char *kind;      /* csbrief's kind id as the index names it, or NULL */
    const CsbInspection *inspection; /* read, but grades could not be: the report
                                        (borrowed); NULL: not read at all */
} CsbNotRead;

CsbNotRead *csb_not_read_new(const char *file, const char *why, CsbUnreadReason reason,
                             const char *authority, CsbDate date, const char *title,
                             const char *kind, const CsbInspection *inspection);
void csb_not_read_free(CsbNotRead *n);
/* The date that places it in time: its report's, else its publication. */
CsbDate csb_not_read_date(const CsbNotRead *n);

/* ---- one authority's story -------------------------------------------- */

/* One graded point in an area's history. */
typedef struct {
    const CsbInspection *inspection;
    const CsbJudgement *judgement; /* its area may be a continued one */
} CsbGradePoint;

typedef struct {
    const char *area;              /* borrowed from the area map or judgement */
    const CsbGradePoint *from, *to; /* borrowed from the history's points */
    int steps;     /* rank(to) - rank(from): negative improved, positive declined */
    double years;  /* between the two inspections' dates (0 when not dated) */
    gboolean dated; /* both inspections have a date, so years means something */
} CsbChange;

typedef struct {
    const CsbArea *area;   /* borrowed */
    GPtrArray *points;     /* CsbGradePoint*, oldest first, owned */
    GPtrArray *changes;    /* CsbChange*, one per consecutive pair, owned */
    /* The first full inspection (ILACS or SIF) after the latest point, when
     * it judged neither this area nor an area continuing it (a
     * post-April-2026 ILACS for overall effectiveness), or NULL. When set,
     * the latest grade is not current. */
    const CsbInspection *not_judged_since;
    /* The most recent report of the authority after the latest point that
     * was not read, or was read without its grade for the area (its grade
     * could not be read), or NULL. When set, the latest grade is not
     * current either; not_judged_since is then NULL. */
    const CsbNotRead *not_read_since;
} CsbAreaHistory;

/* First and latest points (NULL when the history is empty). */
const CsbGradePoint *csb_history_first(const CsbAreaHistory *h);
const CsbGradePoint *csb_history_latest(const CsbAreaHistory *h);

typedef enum { CSB_AFI_NEW, CSB_AFI_RECURRING, CSB_AFI_NOT_RAISED_AGAIN } CsbAfiStatus;

const char *csb_afi_status_id(CsbAfiStatus s);

/* Why two findings were judged to be the same weakness, or why a finding
 * was linked to a report that raised it before. */
typedef struct {
    const CsbInspection *inspection; /* the other one: earlier in a track's
                                        earlier list, later in its later list */
    const CsbFinding *finding;       /* NULL: linked by the later report's own words
                                        to a report none of whose findings was matched
                                        to it (it may have raised it in its text) */
    GPtrArray *issues;       /* char*: titles of the issues (data/recurrence.yaml)
                                both are about */
    GPtrArray *themes;       /* char*: theme ids both share */
    GPtrArray *shared_words; /* char*: significant words both use */
    double similarity;       /* 0..1 */
    gboolean declared;       /* the later report says it was raised before */
} CsbAfiMatch;

typedef struct {
    const CsbInspection *inspection;
    const CsbFinding *finding;
    CsbAfiStatus status;
    GPtrArray *themes;  /* char*: theme ids the finding speaks to */
    GPtrArray *earlier; /* CsbAfiMatch*: earlier findings on the same weakness
                           (and the link below), oldest first */
    GPtrArray *later;   /* CsbAfiMatch*: later ones, oldest first */
    /* Where it was raised before: the most recent earlier report that
     * raised it (one of earlier), or NULL. */
    const CsbAfiMatch *raised_before;
    /* The report's own words saying it was raised before ("This was a
     * recommendation at the last inspection"), and their paragraph, or
     * NULL. */
    char *declared;
    const CsbParagraph *declared_in;
    /* The report those words name is not among those read (a focused
     * visit, say): recurring, linked (raised_before) only when a report
     * read has a finding on the same weakness and the words do not name
     * the issue themselves (or name a year before that report's). */
    gboolean declared_unread;
} CsbAfiTrack;

/* A theme's evidence for one authority. */
typedef struct {
    const CsbInspection *inspection;
    int strengths, concerns, mixed;
} CsbThemePoint;

typedef struct {
    const CsbTheme *theme;  /* borrowed */
    GPtrArray *evidence;    /* CsbEvidence*: all inspections, concerns first, ranked */
    GPtrArray *timeline;    /* CsbThemePoint*: one per inspection that mentions it */
    int strengths, concerns, mixed;
    /* The story's latest inspection (its latest graded one, else its
     * latest report), and the theme's point there (one of timeline), or
     * NULL when that report does not speak to it. */
    const CsbInspection *latest_inspection;
    const CsbThemePoint *latest;
} CsbThemeStory;

/* The same inspection read from two files (say the text and the PDF of
 * one report): the story keeps one. */
typedef struct {
    const CsbInspection *kept;    /* in the story */
    const CsbInspection *dropped; /* left out of it */
    char *reason;                 /* owned: why they are one and why this one */
} CsbDuplicate;

/* One report in an authority's timeline. */
typedef struct {
    const CsbInspection *inspection;
    gboolean graded;             /* it carries judgements */
    GPtrArray *headline;         /* const CsbParagraph*: its headline findings
                                    (borrowed; the array is owned) */
    GPtrArray *priority_actions; /* const CsbFinding* (borrowed; array owned) */
} CsbTimelineEntry;

/* A visit a report names that is not among the reports (mentioned.c).
 * One named by its date has its year (and month); one named without
 * ("the last focused visit", "monitoring visits since the 2016
 * inspection") has year 0, and is known only to be before the report
 * naming it (before) and, when the report says so, not before since. */
typedef struct {
    CsbKind kind;                  /* a kind reported in letters, or CSB_KIND_UNKNOWN:
                                      an inspection of any kind that grades */
    int year, month;               /* month 0: not named; year 0: no date named */
    CsbDate before;                /* when year is 0: the date of the report naming it */
    int since;                     /* when year is 0: the year the report says it is since
                                      (0: none said) */
    const CsbInspection *by;       /* the first report naming it (borrowed) */
    const CsbParagraph *paragraph; /* where (borrowed) */
} CsbMention;

typedef struct {
    const CsbAuthority *authority; /* borrowed */
    GPtrArray *inspections;  /* const CsbInspection*, oldest first, borrowed,
                                duplicates left out */
    GPtrArray *histories;    /* CsbAreaHistory*, in area order, owned */
    GPtrArray *afis;         /* CsbAfiTrack*, owned */
    GPtrArray *themes;       /* CsbThemeStory*, in selection order, owned */
    GPtrArray *timeline;     /* CsbTimelineEntry*, one per inspection, same order, owned */
    GPtrArray *duplicates;   /* CsbDuplicate*, owned */
    GPtrArray *not_read;     /* const CsbNotRead*: the input's about this authority,
                                oldest first (borrowed; the array is owned) */
    GPtrArray *mentioned;    /* CsbMention*: visits its reports name that are not
                                among them, oldest first, owned */
} CsbStory;

/* Is the latest grade of a history current: not superseded by a later
 * inspection that did not judge the area, or whose grade was not read? */
gboolean csb_history_current(const CsbAreaHistory *h);
/* The story's current grade in an area: the latest, when current
 * (csb_history_current), else CSB_GRADE_NONE. */
CsbGrade csb_story_current_grade(const CsbStory *s, const char *area);
/* The date of the authority's latest known inspection that grades: its
 * latest graded report read, or a later graded one it could not read
 * (from an index or the file name, kind aside when unknown). */
CsbDate csb_story_latest_known(const CsbStory *s, const CsbFrameworks *fw);

/* Latest graded inspection of the story, or NULL. */
const CsbInspection *csb_story_latest_graded(const CsbStory *s);
const CsbAreaHistory *csb_story_history(const CsbStory *s, const char *area_id);

/* ---- the peer group --------------------------------------------------- */

typedef struct {
    const CsbArea *area;
    int counts[CSB_GRADE_COUNT]; /* latest grades across focus + peers */
    CsbGrade focus;              /* the focus authority's latest, or NONE */
    int better, same, worse;     /* peers whose latest rank beats/equals/trails it */
} CsbPeerArea;

/* A peer whose latest inspection raises a theme as a concern. */
typedef struct {
    const CsbAuthority *authority;
    const CsbThemePoint *point; /* the theme at its latest inspection */
} CsbPeerThemeMention;

typedef struct {
    const CsbTheme *theme;
    /* Peers (focus excluded) whose latest inspection (the theme story's
     * latest_inspection) raises it as a concern (a paragraph on it that is
     * a concern): most concerns first, then the more recent. */
    int authorities;
    GPtrArray *names;       /* const char*: their names, borrowed */
    GPtrArray *mentions;    /* CsbPeerThemeMention*, the same peers, owned */
    int mixed_only;         /* peers whose latest inspection has mixed paragraphs on it only */
    int earlier_only;       /* peers only whose earlier reports raised it (concern or mixed) */
    /* Added: areas for improvement. The latest findings (of the latest
     * report with any) of these authorities speak to the theme. */
    gboolean focus_concern; /* the focus's latest inspection has a concern on it */
    gboolean focus_afi;     /* the focus's latest findings speak to it */
    int afi_authorities;    /* peers whose latest findings speak to it */
    GPtrArray *afi_names;   /* const char*: their names, borrowed */
} CsbPeerTheme;

/* ---- the whole comparison ---------------------------------------------- */

typedef struct {
    const GPtrArray *inspections;       /* every parsed report (const CsbInspection*) */
    const CsbAuthorities *authorities;
    const CsbAreaMap *areas;
    const CsbThemeLibrary *library;     /* for cue phrases */
    const GPtrArray *themes;            /* const CsbTheme*: the selection, in order */
    const char *focus;                  /* canonical authority name; NULL: none, every
                                           comparator a peer (a national overview) */
    const GPtrArray *comparators;       /* const CsbAuthority*: resolved peers */
    /* The run's analyses of the reports, shared (NULL: none). Used when
     * made for library and recurrence with evidence for every theme of the
     * selection;
     * reports it lacks (or all, when it does not fit) the comparison
     * analyses itself, once each, by rules (NULL: csb_analysis_rules). */
    const CsbAnalyses *analyses;
    const CsbAnalysisRules *rules;
    /* What areas for improvement are read by (data/recurrence.yaml): the
     * issues they name, the sentences saying one was raised before, the
     * words too common to link two; NULL: words and themes alone. */
    const CsbRecurrence *recurrence;
    /* Only what briefings show: the peers' areas for improvement are not
     * tracked (their afis stay empty) and recurring_themes stays empty.
     * FALSE: everything, as `csbrief compare` prints it. */
    gboolean briefing_only;
    /* What the build could not read (CsbNotRead*, borrowed; NULL: nothing
     * known): a story lists its authority's, and a grade a later report
     * could have changed is not current. */
    const GPtrArray *not_read;
} CsbCompareInput;

typedef struct {
    CsbStory *focus;         /* NULL when the input named none */
    GPtrArray *peers;        /* CsbStory*: comparators with reports, owned */
    GPtrArray *missing_peers; /* const CsbAuthority*: comparators without reports */
    GPtrArray *peer_areas;   /* CsbPeerArea*, headline areas, owned */
    GPtrArray *peer_themes;  /* CsbPeerTheme*, owned */
    const CsbAreaMap *areas;
    GPtrArray *recurring_themes; /* CsbPeerTheme*, owned: every library theme the
                                    latest findings of two or more authorities of
                                    the group (focus included) speak to, most
                                    authorities first */
    /* Where the evidence and findings' tokens the stories borrow live: */
    const CsbAnalyses *shared;   /* input->analyses when it fits, else NULL */
    CsbAnalyses *own;            /* owned: analyses of reports shared lacks, or NULL */
} CsbComparison;

CsbComparison *csb_compare(const CsbCompareInput *input);
void csb_comparison_free(CsbComparison *c);

/* Output formats for `csbrief compare` (documented in docs/compare.md). */
void csb_comparison_to_json(const CsbComparison *c, GString *out);
void csb_comparison_changes_csv(const CsbComparison *c, GString *out);

/* ---- stage internals (shared by the files of src/compare) ------------- */

/* The story of authority a; its areas for improvement tracked when
 * track_afis. */
CsbStory *csb_story_new(CsbComparison *c, const CsbAuthority *a, const CsbCompareInput *input,
                        gboolean track_afis);
void csb_story_free(CsbStory *s);
void csb_compare_track_afis(CsbComparison *c, CsbStory *s, const CsbCompareInput *input);
/* afi_named.c: the first year 2000-2029 a sentence (match form) names, or
 * 0; the place in s, before report at, of the report a sentence names (the
 * last graded inspection, focused or monitoring visit, of the year named
 * if any), or -1 when none is read; does a paragraph of in name the issue
 * (in its text, not a finding)? */
int csb_afi_year_named(const char *form);
gint csb_afi_report_named(const CsbStory *s, guint at, const char *sentence,
                          const CsbFrameworks *fw);
gboolean csb_afi_text_names(const CsbInspection *in, const CsbRecurrence *rec, guint issue);
/* The analysis of in: the shared one, else the comparison's own (made now
 * when it has none yet). */
const CsbReportAnalysis *csb_compare_analysis(CsbComparison *c, const CsbCompareInput *input,
                                              const CsbInspection *in);

/* dedup.c: leave out of inspections (const CsbInspection*, sorted) every
 * report that is another's duplicate; add a CsbDuplicate to duplicates
 * for each. */
void csb_compare_dedup(GPtrArray *inspections, GPtrArray *duplicates);
void csb_duplicate_free(CsbDuplicate *d);

/* not_read.c: s->not_read from input, and each history's not_read_since. */
void csb_story_note_not_read(CsbStory *s, const CsbCompareInput *input);
/* The visits s's reports name (focused and monitoring visits, joint
 * targeted area inspections: the kinds fw reports in letters), and the
 * inspections they name by date, that are not among its reports read or
 * not read, into s->mentioned; and those named without a date ("the last
 * focused visit") that no report of the story before the one naming them
 * can be; in the words of fw's mentions: (none without fw). */
void csb_story_note_mentioned(CsbStory *s, const CsbFrameworks *fw);

/* timeline.c */
CsbTimelineEntry *csb_timeline_entry_new(const CsbInspection *in);
void csb_timeline_entry_free(CsbTimelineEntry *e);

/* history.c: an area's history over inspections (oldest first). */
CsbAreaHistory *csb_history_build(const CsbArea *area, const CsbAreaMap *areas,
                                  const GPtrArray *inspections);
void csb_history_free(CsbAreaHistory *h);

#endif
