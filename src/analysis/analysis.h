/* analysis.h - each report analysed once per run, and shared.
 *
 * Owns: the analysis of one report (CsbReportAnalysis): each paragraph's
 * tone and the library themes it speaks to; the evidence for the themes a
 * run selects (CsbEvidence: tone and the cues that decided it, the
 * phrases found, score; quoted only when a briefing shows it; of a
 * summary that speaks of several subjects, the sentences on the theme,
 * with the tone they earn read alone); each
 * finding's themes and the tokens areas for improvement are matched by
 * (its significant words, stemmed, and its themes); and in how many of
 * the report's texts each token occurs, from which a story weighs how
 * rare a token is; the issues each finding names and the sentences saying
 * a weakness was raised before (read by data/recurrence.yaml,
 * CsbRecurrence, recurrence.c). And the set of analyses a run shares
 * (CsbAnalyses): one theme library, one selection of themes, the rules,
 * the recurrence data, the analyses by inspection, the tokens interned
 * once.
 *
 * An analysis depends on nothing but the report, the library, the
 * selection, the rules and the recurrence data: the same whichever
 * briefing or comparison asks.
 * So a batch computes each once, on threads, before its render processes
 * fork, and every briefing and comparison borrows them (copy-on-write in
 * the children). What decides (the theme matcher, the tone classifier, the
 * words a finding is keyed by) is the rules' (CsbAnalysisRules): a new way
 * of classifying replaces a function there, not the sharing.
 *
 * Ownership: a set owns its analyses, and each analysis its evidence and
 * declarations; the library, the selected themes, the recurrence data and
 * the inspections are borrowed and must outlive the set.
 */
#ifndef CSB_ANALYSIS_H
#define CSB_ANALYSIS_H

#include "../model/model.h"
#include "../themes/themes.h"

typedef struct CsbAnalyses CsbAnalyses;

/* ---- what areas for improvement are read by (recurrence.c) ------------- */

/* One weakness inspectors name again and again (data/recurrence.yaml). */
typedef struct {
    char *id;
    char *title;        /* in a reader's words: "return home interviews" */
    gboolean broad;     /* links two findings only when both are mainly about it */
    gboolean alone;     /* broad, and two findings first about it alone are one
                           weakness whatever their wording */
    GPtrArray *phrases; /* char*, match form */
    GPtrArray *not;     /* char*, match form: phrases that are not the issue */
} CsbIssue;

/* An issue named in a text: its index and where it is first named. */
typedef struct {
    guint issue;
    gsize offset; /* bytes into the text's match form */
} CsbIssueHit;

typedef struct CsbRecurrence CsbRecurrence;

/* data/recurrence.yaml. NULL with errors (file, line) in diag. */
CsbRecurrence *csb_recurrence_load(const char *path, CsbDiag *diag);
void csb_recurrence_free(CsbRecurrence *r);
guint csb_recurrence_count(const CsbRecurrence *r);
const CsbIssue *csb_recurrence_issue(const CsbRecurrence *r, guint i);
/* Words (folded) that never link two findings on their own. */
const GPtrArray *csb_recurrence_common(const CsbRecurrence *r);
/* The issues a text in match form (csb_themes_match_form) names, each
 * once, in the order first named (a phrase starting a word, not inside
 * one of the issue's "not" phrases): CsbIssueHit values. r may be NULL
 * (none). */
GArray *csb_recurrence_find(const CsbRecurrence *r, const char *form);
/* Where what a finding (in match form) is mainly about ends: the first of
 * the subject's end words ("so that", "to ensure"), or its length. */
gsize csb_recurrence_subject_end(const CsbRecurrence *r, const char *form);
/* Does a sentence (match form) say a weakness was raised before? */
gboolean csb_recurrence_declares(const CsbRecurrence *r, const char *form);
/* Does it refer back to the sentences before it ("All of these ...")? */
gboolean csb_recurrence_refers_back(const CsbRecurrence *r, const char *form);

/* ---- the rules -------------------------------------------------------- */

typedef struct {
    /* The library themes a text in match form speaks to: CsbThemeHit
     * values in library order (as csb_themes_scan). */
    GArray *(*find_themes)(const CsbThemeLibrary *lib, const char *form);
    /* A paragraph's reading under its section (NULL: none), a new
     * CsbToneResult, the reasons appended to why (char*, owned) when why is
     * not NULL (as csb_themes_classify_result). */
    CsbToneResult *(*classify)(const CsbThemeLibrary *lib, const char *text,
                               const char *section, GPtrArray *why);
    /* The significant words of a text, for matching findings: appends to
     * stems and to words (char*, owned) each significant word's stem and
     * the word as first written, in the order first met, each stem once
     * (as csb_analysis_words). */
    void (*words)(const CsbAnalyses *set, const char *text, GPtrArray *stems, GPtrArray *words);
} CsbAnalysisRules;

/* The rules csbrief uses: the one-pass theme scan. */
extern const CsbAnalysisRules csb_analysis_rules;
/* The same answers the slow, plain way (every theme's phrases one by one,
 * csb_themes_scan_plain): the reference the fast rules are checked
 * against. */
extern const CsbAnalysisRules csb_analysis_reference_rules;

/* The words rule of both (words.c): letters and digits folded to lower
 * case, words of three letters or more, none a stop word or starting with
 * a digit, cut to a crude English stem ("fostering", "fostered" ->
 * "fost") that is not a stop word either. */
void csb_analysis_words(const CsbAnalyses *set, const char *text, GPtrArray *stems,
                        GPtrArray *words);
/* The stem csb_analysis_words keys a word by (a new string). */
char *csb_analysis_stem(const char *word);
/* Is w (folded) too common in findings to say anything about a match (a
 * stop word, or one of the recurrence data's common words or its stem)? */
gboolean csb_analysis_is_stop_word(const CsbAnalyses *set, const char *w);

/* ---- one report's analysis ---------------------------------------------- */

typedef struct {
    CsbTone tone;
    guint first_theme, n_themes; /* its run in the report's paragraph_themes */
} CsbParagraphAnalysis;

typedef struct {
    const CsbFinding *finding;    /* borrowed from the inspection */
    GPtrArray *themes;            /* const CsbTheme*: library themes it speaks to, in
                                     library order (borrowed) */
    /* Its tokens, the words first then a "#theme-id" per theme, in that
     * order; each with what a reader is shown for it (the word as written,
     * the theme id). Both interned in the set: const char*. */
    GPtrArray *tokens;
    GPtrArray *shown;
    /* The issues it names (CsbIssueHit, in the order named); the first
     * subject of them are what it is mainly about (named before "so that",
     * "to ensure" ...; at least the first when it names any). */
    GArray *issues;
    guint subject;
} CsbFindingAnalysis;

/* A sentence of the report saying a weakness was raised before ("This was
 * a recommendation at the last inspection"), and the issues it is about:
 * those of the sentence; with those of the sentences before it when it
 * refers back to them ("All of these issues ..."), and of the sentence
 * after it when that one refers back to it ("... this is not yet the
 * case"). A sentence naming none that does not refer back ("... the areas
 * identified at the last inspection") has none. */
typedef struct {
    guint paragraph;         /* index in the inspection's paragraphs */
    char *sentence;          /* the report's words (owned) */
    GPtrArray *context;      /* char*: the sentences it takes issues from, in order,
                                this one among them (owned) */
    guint said;              /* this sentence's index in context */
    GArray *issues;          /* guint: issues of its context, each once */
    GArray *sentence_issues; /* guint: issues it names itself */
    GPtrArray *tokens;       /* const char*: its tokens, as a finding's (interned in
                                the set; set by the report's analysis) */
} CsbDeclaration;

typedef struct {
    guint32 token; /* its number in the set (csb_report_analysis_token) */
    guint32 texts; /* paragraphs and findings of the report that use it */
} CsbTokenCount;

typedef struct {
    const CsbInspection *inspection; /* borrowed */
    GArray *paragraphs;  /* CsbParagraphAnalysis, one per paragraph */
    GArray *paragraph_themes; /* guint: indices (csb_themes_at) of the library themes
                                 each paragraph speaks to, paragraph after paragraph */
    GPtrArray *evidence; /* per theme of the set's selection, in its order: a
                            GPtrArray of CsbEvidence*, report order (owned) */
    GPtrArray *findings; /* CsbFindingAnalysis*, one per finding */
    GPtrArray *declarations; /* CsbDeclaration*, in report order */
    GArray *tokens;      /* CsbTokenCount: every token its texts use */
    guint texts;         /* its paragraphs and findings */
    const GPtrArray *selection; /* the set's selected themes (borrowed) */
    const GPtrArray *token_names; /* the set's tokens by number (borrowed) */
} CsbReportAnalysis;

/* Analyse a report for set. Only reads set (and interns tokens under its
 * lock), so reports may be analysed on several threads at once. */
CsbReportAnalysis *csb_report_analysis_new(CsbAnalyses *set, const CsbInspection *in);
void csb_report_analysis_free(CsbReportAnalysis *a);
/* The evidence for theme (CsbEvidence*, report order), or NULL when theme
 * is not among the set's selection. */
const GPtrArray *csb_report_analysis_evidence(const CsbReportAnalysis *a, const CsbTheme *theme);
/* The text of a CsbTokenCount's token (interned in the set). */
const char *csb_report_analysis_token(const CsbReportAnalysis *a, guint32 token);
/* Does finding k speak to theme? */
gboolean csb_report_analysis_finding_has(const CsbReportAnalysis *a, guint k,
                                         const CsbTheme *theme);

/* ---- the set a run shares ------------------------------------------------ */

/* A set for the themes of lib, with evidence for selection (const
 * CsbTheme*, themes of lib; copied as a list), by rules (NULL: the usual
 * ones), reading findings by recurrence (data/recurrence.yaml; NULL: no
 * issues, no declarations, no common words). */
CsbAnalyses *csb_analyses_new(const CsbThemeLibrary *lib, const GPtrArray *selection,
                              const CsbAnalysisRules *rules, const CsbRecurrence *recurrence);
void csb_analyses_free(CsbAnalyses *set);
const CsbThemeLibrary *csb_analyses_library(const CsbAnalyses *set);
const CsbAnalysisRules *csb_analyses_rules(const CsbAnalyses *set);
const CsbRecurrence *csb_analyses_recurrence(const CsbAnalyses *set);
/* Does the set carry evidence for every theme of themes (const CsbTheme*)? */
gboolean csb_analyses_covers(const CsbAnalyses *set, const GPtrArray *themes);
/* A token interned in the set: the same pointer for the same text, for
 * the set's life, and its number (when id is not NULL: 0, 1, ... in the
 * order first interned). Thread-safe. */
const char *csb_analyses_intern(CsbAnalyses *set, const char *token, guint32 *id);
/* Keep a (takes it). One analysis per inspection: when the set has one
 * for a's already, that one stays (it may be borrowed) and a is freed. */
void csb_analyses_add(CsbAnalyses *set, CsbReportAnalysis *a);
/* The analysis of in, or NULL when it has none. */
const CsbReportAnalysis *csb_analyses_find(const CsbAnalyses *set, const CsbInspection *in);
/* The analysis of in, made and kept now when it has none. */
const CsbReportAnalysis *csb_analyses_get(CsbAnalyses *set, const CsbInspection *in);
guint csb_analyses_count(const CsbAnalyses *set);

/* ---- stage internals (shared by the files of src/analysis) ------------- */

/* The sentences of in saying a weakness was raised before, read by r
 * (declared.c): CsbDeclaration* (owned). Empty when r is NULL. */
GPtrArray *csb_analysis_declarations(const CsbRecurrence *r, const CsbInspection *in);
void csb_declaration_free(CsbDeclaration *d);
/* The stop words as a set of static strings (words.c). */
GHashTable *csb_analysis_stop_words_new(void);
/* The selection, each selected theme's index in the library (G_MAXUINT
 * when it is not one of the library's), and the number of the
 * "#theme-id" token of each library theme. */
const GPtrArray *csb_analyses_selection(const CsbAnalyses *set);
guint csb_analyses_theme_index(const CsbAnalyses *set, guint slot);
guint32 csb_analyses_theme_token(const CsbAnalyses *set, guint theme);
const char *csb_analyses_theme_token_text(const CsbAnalyses *set, guint theme);
/* Every token by its number (the array grows while reports are analysed:
 * read it only when no report is being analysed). */
const GPtrArray *csb_analyses_token_names(const CsbAnalyses *set);

#endif
