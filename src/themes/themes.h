/* themes.h - themes inspectors write about, and the evidence for them.
 *
 * Owns: the theme library (templates/themes.yaml, plus themes a config
 * defines), the cue phrases that classify a paragraph as strength, concern
 * or mixed (templates/cues.yaml), matching a theme against an inspection's
 * paragraphs, and faithful quotation (the report's own words, shortened
 * only at sentence boundaries with an ellipsis).
 */
#ifndef CSB_THEMES_H
#define CSB_THEMES_H

#include "../model/model.h"

typedef struct {
    char *id;
    char *title;
    char *short_title;  /* its name where the title does not fit (a running
                           head: "Front door"), or NULL: the title */
    char *description;
    GPtrArray *phrases; /* char*, lower case */
    GPtrArray *not_phrases; /* char*, lower case (`not:`): an occurrence of a
                               phrase inside an occurrence of one of these
                               (run on to the end of its word) does not count */
    GPtrArray *finding_phrases; /* char*, lower case (`findings:`): wordings that
                                   put an area for improvement on the theme besides
                                   its phrases, too often said in passing in a
                                   paragraph to be phrases ("care leaver") */
} CsbTheme;

typedef struct CsbThemeLibrary CsbThemeLibrary;

/* Load the library and the cue phrases. NULL with errors in diag. */
CsbThemeLibrary *csb_themes_load(const char *themes_path, const char *cues_path,
                                 CsbDiag *diag);
void csb_themes_free(CsbThemeLibrary *lib);
/* Drops the learned layer (`model:` in cues.yaml), so that the rules
 * alone decide tone: for measuring the rules, and for their tests. The
 * libraries csb_themes_extend made from lib share its rules, and lose the
 * layer too. */
void csb_themes_rules_alone(CsbThemeLibrary *lib);
/* The learned layer's file, or NULL when there is none: data that shapes
 * every tone, so a build hashes it with cues.yaml. */
const char *csb_themes_model_path(const CsbThemeLibrary *lib);
guint csb_themes_count(const CsbThemeLibrary *lib);
const CsbTheme *csb_themes_at(const CsbThemeLibrary *lib, guint i);
const CsbTheme *csb_themes_find(const CsbThemeLibrary *lib, const char *id);
/* Add a theme a config defines (takes ownership). Replaces one of the same id. */
void csb_themes_add(CsbThemeLibrary *lib, CsbTheme *theme);
/* A new library: a copy of lib plus extra themes (CsbTheme*, copied). */
CsbThemeLibrary *csb_themes_extend(const CsbThemeLibrary *lib, const GPtrArray *extra);

CsbTheme *csb_theme_new(const char *id, const char *title, const char *description);
CsbTheme *csb_theme_copy(const CsbTheme *t);
void csb_theme_free(CsbTheme *t);
/* The optional `not:` list of a theme's definition (map, in themes.yaml or
 * a config) into t->not_phrases, lower-cased; read after t->phrases and
 * t->finding_phrases. Each must be able to hold one of t's phrases or
 * finding phrases and may not be one of them: an
 * error at its line in diag otherwise (it would exclude nothing, or the
 * phrase everywhere). FALSE on any error. */
gboolean csb_theme_read_not(CsbYaml *y, yaml_node_t *map, CsbTheme *t, CsbDiag *diag);
/* TRUE when an occurrence of not_phrase can hold an occurrence of phrase
 * (both as listed): phrase starts a word of not_phrase and ends within it
 * or within its last word ("the prevent" in "the prevention"). */
gboolean csb_theme_not_holds(const char *not_phrase, const char *phrase);

/* ---- classification --------------------------------------------------- */

typedef enum { CSB_TONE_NEUTRAL, CSB_TONE_STRENGTH, CSB_TONE_CONCERN, CSB_TONE_MIXED } CsbTone;

const char *csb_tone_id(CsbTone t);

/* Classify a paragraph by the rules of templates/cues.yaml: sentence by
 * sentence, each cue weighed (negation, praise of preventing a harm,
 * constructions such as double negatives, quantifiers, concessive clauses,
 * past failures, incidental caveats), then the paragraph from the weight on
 * each side (tone.c, tone_verdict.c). The reasons are appended to why (char*, owned) when
 * why is not NULL: one per signal, starting with the tone it counted for
 * ("concern: 'not always' negates 'timely' (sentence 2)"), then one starting
 * "verdict:" that names the sentences that decided ("... decided by
 * sentences 1, 3"). */
CsbTone csb_themes_classify(const CsbThemeLibrary *lib, const char *text, GPtrArray *why);
/* The same for a paragraph under a section heading (NULL: none): a
 * recommendation section makes its paragraphs concerns, a context section
 * ("Service information") neutral. What `csbrief extract` reports. */
CsbTone csb_themes_classify_in(const CsbThemeLibrary *lib, const char *text, const char *section,
                               GPtrArray *why);
/* One sentence of a paragraph as the classifier read it. */
typedef struct {
    gsize start, end;         /* [start, end) byte offsets in the text, as csb_sentences */
    double strength, concern; /* the weight it gives each side, capped at sentence_cap */
    gboolean decided;         /* among the sentences that decided the verdict */
} CsbToneSentence;

/* A paragraph's reading, filled by the classifier from what it weighed
 * (never from why's words): the tone, every sentence's weights, and the
 * sentences that decided. */
typedef struct {
    CsbTone tone;
    GArray *sentences; /* CsbToneSentence, one per sentence of csb_sentences(text); none
                          for a context section, which is not read */
    GArray *decided;   /* guint: indices into sentences that decided, the weightiest first
                          (for mixed, each side's in turn); empty when none did */
    gboolean recommendation; /* a concern by its form (its section or the imperative
                                that opens it), not by the weight of its sides */
    gboolean learned;  /* the learned layer overruled the rules' tone */
} CsbToneResult;

/* csb_themes_classify_in with the reading as a new CsbToneResult; why as
 * there, when not NULL. A reading is shared, never changed once made:
 * csb_tone_result_ref takes a reference (from any thread),
 * csb_tone_result_free drops one and the last frees it. */
CsbToneResult *csb_themes_classify_result(const CsbThemeLibrary *lib, const char *text,
                                          const char *section, GPtrArray *why);
CsbToneResult *csb_tone_result_ref(CsbToneResult *r);
void csb_tone_result_free(CsbToneResult *r);
/* A sentence's own tone from its weights: both sides mixed, one side that
 * side, neither CSB_TONE_NEUTRAL. */
CsbTone csb_tone_sentence_tone(const CsbToneSentence *s);

/* ---- evidence --------------------------------------------------------- */

/* A theme's phrases found in text (match.c), as templates/themes.yaml
 * describes: case, apostrophe style and whitespace aside, each phrase
 * starting at the beginning of a word, an occurrence inside one of the
 * theme's not-phrases not counted. Appends the phrases found (char*,
 * copies) to found when not NULL and sets *score (1 per phrase, 0.5 per
 * repeat) when not NULL. Returns the number of distinct phrases found. */
guint csb_theme_find(const CsbTheme *theme, const char *text, GPtrArray *found, double *score);
/* The same on text already in match form (csb_themes_match_form), for
 * callers that try many themes on one text. */
guint csb_theme_find_in_form(const CsbTheme *theme, const char *form, GPtrArray *found,
                             double *score);
/* Every theme of a library that a text in match form speaks to, found
 * in one pass (the phrases were prepared when the library was loaded):
 * CsbThemeHit values in library order, one per theme with a phrase found,
 * each as csb_theme_find_in_form would find it. Free with
 * csb_theme_hits_free. */
typedef struct {
    guint theme;      /* index in the library (csb_themes_at) */
    guint distinct;   /* phrases found */
    double score;     /* 1 per phrase found, 0.5 per repeat */
    GArray *phrases;  /* guint: indices into the theme's phrases found, in its order */
} CsbThemeHit;

GArray *csb_themes_scan(const CsbThemeLibrary *lib, const char *form);
/* The same by csb_theme_find_in_form on each theme in turn: the plain
 * reference the one-pass scan is checked against. */
GArray *csb_themes_scan_plain(const CsbThemeLibrary *lib, const char *form);
void csb_theme_hits_free(GArray *hits);

/* Is a finding (an area for improvement: a sentence or two naming one
 * weakness) on the theme: one of its phrases or its finding phrases
 * occurs in text, by the same rule, outside its not-phrases. A finding
 * names what it is about, so a wording a paragraph may use in passing
 * ("children in care and care leavers") puts a finding on the theme. */
gboolean csb_theme_on_finding(const CsbTheme *theme, const char *text);
/* TRUE when any of phrases occurs in text by the same rule. */
gboolean csb_themes_text_has_phrase(const char *text, const GPtrArray *phrases);
/* The same, not counting an occurrence inside one of theme's not-phrases
 * (theme NULL: none), as csb_theme_find_in_form does not. */
gboolean csb_theme_text_has_phrase(const CsbTheme *theme, const char *text,
                                   const GPtrArray *phrases);
/* Text in the form phrases are matched in: lower case, straight
 * apostrophes, whitespace squashed. A new string. */
char *csb_themes_match_form(const char *text);

typedef struct {
    const CsbInspection *inspection; /* borrowed */
    const CsbParagraph *paragraph;   /* borrowed */
    const CsbTheme *theme;           /* borrowed: the theme it is evidence for */
    CsbTone tone;          /* the label its words earn: the paragraph's, or part's */
    double score;          /* for ranking: more signal phrases, more weight */
    GPtrArray *phrases;    /* char*: the theme phrases found */
    GPtrArray *why;        /* char*: the cues that decided the tone (a reference:
                              the evidence of one paragraph shares one array) */
    CsbToneResult *reading; /* the paragraph's reading (a reference: the evidence of
                              one paragraph shares one), or part's read alone
                              (its sentence k is the paragraph's part[k]): what
                              its quote keeps first */
    GArray *part;          /* guint: the paragraph's sentences (csb_sentences) it is
                              evidence by, in order, when the paragraph speaks of
                              other subjects too (csb_evidence_narrow): its quote
                              keeps only these; NULL: the whole paragraph */
    int ordinal;           /* the paragraph's position in the report, from 1
                              (cites paragraphs that carry no number) */
} CsbEvidence;

#define CSB_QUOTE_MAX_CHARS 420

void csb_evidence_free(CsbEvidence *e);
/* The quote for e: the paragraph's own words, shortened to about
 * CSB_QUOTE_MAX_CHARS around its phrases (csb_themes_quote). Made when
 * asked, for the few a briefing shows: a new string. */
char *csb_evidence_quote(const CsbEvidence *e);

/* Evidence from paragraph i of in for theme (borrowed): the phrases found (taken),
 * their score, the paragraph's reading (a reference is taken; its tone is the evidence's)
 * and the cues that decided it (why: a reference is taken, so the evidence
 * of one paragraph can share it). src/analysis makes each once per run. */
CsbEvidence *csb_evidence_new(const CsbInspection *in, guint i, const CsbTheme *theme,
                              GPtrArray *phrases, double score, CsbToneResult *reading,
                              GPtrArray *why);

/* Narrow e to the paragraph's sentences part (taken; csb_theme_sentences):
 * its tone becomes tone, the label part's words earn, read alone as
 * reading (a reference is taken), with why (a reference is taken) saying
 * how; its quote keeps only part's sentences. src/analysis decides when. */
void csb_evidence_narrow(CsbEvidence *e, GArray *part, CsbToneResult *reading, CsbTone tone,
                         GPtrArray *why);

/* Ranking order for CsbEvidence* (g_ptr_array_sort): concerns, then
 * mixed, strengths, neutral; within a tone higher score first, then the
 * newer report, then the paragraph's place in the report. */
gint csb_evidence_cmp(gconstpointer a, gconstpointer b);

/* Shorten text to about max_chars by keeping whole sentences (one that
 * carries one of the phrases first, past max_chars up to half as much
 * again if need be, then the others that carry them, then the opening one,
 * each with the sentence before when it opens with a back-reference) and
 * marking each gap with an ellipsis. Never changes a word. Returns a new
 * string. */
char *csb_themes_quote(const char *text, const GPtrArray *phrases, int max_chars);

/* The same, keeping first what earned the label (reading, from
 * csb_themes_classify_result on text; NULL: as csb_themes_quote): the
 * weightiest sentence of its side, of each side for mixed; and one sentence
 * carrying the phrases. These may run past max_chars up to half as much
 * again (the label's own past that). Then, within max_chars, the other
 * sentences that decided, those carrying the phrases, the opening one. A
 * sentence opening with a back-reference ("These", "However") is kept with
 * the sentence before it when that fits, and never chosen alone to fill
 * the budget. */
char *csb_themes_quote_why(const char *text, const GPtrArray *phrases,
                           const CsbToneResult *reading, int max_chars);
/* The same for a theme's evidence: a sentence holds the theme's phrases only
 * where they occur outside its not-phrases, as the paragraph was matched
 * (theme NULL: as csb_themes_quote_why). */
char *csb_theme_quote(const CsbTheme *theme, const char *text, const GPtrArray *phrases,
                      const CsbToneResult *reading, int max_chars);

/* The same, quoting only text's sentences part (guint indices into
 * csb_sentences(text), in order; NULL: all, as csb_theme_quote): all of
 * them when they fit max_chars, else shortened as there, reading being
 * their reading read alone (csb_sentences_text; its sentence k is
 * part[k]). Each gap, between them too, an ellipsis. */
char *csb_theme_quote_part(const CsbTheme *theme, const char *text, const GPtrArray *phrases,
                           const CsbToneResult *reading, const GArray *part, int max_chars);

/* The sentences of text on theme (guint indices into csb_sentences(text),
 * in order): those carrying its phrases or its finding wordings ("care
 * leavers": in a paragraph on the theme, they name what a sentence is
 * about), outside its not-phrases, each
 * with the sentences before it that its opening points back to ("These
 * children ...", three at most, as a quote keeps them) and the sentences
 * after it that point back to it ("However, ...", three at most). */
GArray *csb_theme_sentences(const CsbTheme *theme, const char *text);
/* The sentences part of text (guint indices into csb_sentences(text))
 * joined by single spaces: the words to read alone. A new string. */
char *csb_sentences_text(const char *text, const GArray *part);

/* TRUE when quote is text's own words, whitespace aside: the pieces
 * between ellipses occur in text in order; each gap an ellipsis marks
 * falls between sentences; a quote with no ellipsis at its start (end)
 * starts (ends) where text does. An ellipsis text itself contains may be
 * quoted as text. */
gboolean csb_quote_check(const char *quote, const char *text);
/* The same check (kept for callers of the first version). */
gboolean csb_quote_is_faithful(const char *quote, const char *text);

/* ---- stage internals (shared by the files of src/themes) ------------ */

/* Words for cue matching (words.c): lower case, curly apostrophes made
 * straight, each word with the number of the clause it sits in. */
typedef struct {
    GPtrArray *words; /* char*, owned */
    GArray *clauses;  /* guint per word */
} CsbWords;

CsbWords *csb_words_new(const char *text);
void csb_words_free(CsbWords *w);
guint csb_words_count(const CsbWords *w);
const char *csb_words_at(const CsbWords *w, guint i);
guint csb_words_clause(const CsbWords *w, guint i);

/* Phrases matched as whole consecutive words within one clause, the
 * longest phrase at a position first. */
typedef struct CsbPhraseSet CsbPhraseSet;

typedef struct {
    guint start, len;  /* in words */
    int tag;           /* as given to csb_phrase_set_add */
    const char *text;  /* the phrase as listed, borrowed from the set */
} CsbPhraseHit;

CsbPhraseSet *csb_phrase_set_new(void);
void csb_phrase_set_free(CsbPhraseSet *s);
/* FALSE when the phrase has no words. */
gboolean csb_phrase_set_add(CsbPhraseSet *s, const char *phrase, int tag);
/* Length in words of the longest phrase starting at word i (0: none). */
guint csb_phrase_set_match(const CsbPhraseSet *s, const CsbWords *w, guint i, int *tag,
                           const char **text);
/* Left to right, longest first, no overlaps: CsbPhraseHit values. */
GArray *csb_phrase_set_scan(const CsbPhraseSet *s, const CsbWords *w);

/* Many byte strings found in one pass over a text (aho_corasick.c). */
typedef struct CsbPatterns CsbPatterns;

CsbPatterns *csb_patterns_new(void);
void csb_patterns_free(CsbPatterns *p);
/* Add a pattern of len > 0 bytes before compiling; returns its id (0, 1,
 * ... in the order added); an equal pattern added again keeps its id. */
guint csb_patterns_add(CsbPatterns *p, const char *pattern, gsize len);
/* Ready to scan; no pattern may be added after. */
void csb_patterns_compile(CsbPatterns *p);
guint csb_patterns_count(const CsbPatterns *p);
gsize csb_patterns_length(const CsbPatterns *p, guint id);
/* Every occurrence of every pattern in text[0, len), overlapping ones
 * included, in the order of their ends (the longest first at one end):
 * hit(id, start offset, data). */
void csb_patterns_scan(const CsbPatterns *p, const char *text, gsize len,
                       void (*hit)(guint id, gsize start, gpointer data), gpointer data);

/* Every theme's phrases in match form, as one pattern set (match.c). */
typedef struct CsbThemeMatcher CsbThemeMatcher;

CsbThemeMatcher *csb_theme_matcher_new(const GPtrArray *themes);
void csb_theme_matcher_free(CsbThemeMatcher *m);

/* The weighing rules of templates/cues.yaml beyond the cue lists
 * (tone_rules.c): weak cues, phrases that are no cue, mitigators,
 * constructions, concessions, past markers, incidental phrases,
 * quantifiers, recommendation and context sections, weights and verdict
 * thresholds. Read-only once loaded, shared by reference. */
typedef struct CsbToneRules CsbToneRules;
typedef struct CsbToneModel CsbToneModel;

/* Tags of the cue phrase set of the rules. */
enum {
    CSB_CUE_NONE = 0, /* a phrase that is no cue ("as well as"): its words are taken */
    CSB_CUE_STRENGTH = 1,
    CSB_CUE_CONCERN = 2,
    CSB_CUE_WEAK_STRENGTH = 3,
    CSB_CUE_WEAK_CONCERN = 4,
};

/* A quantifier group's factors for the cues it reaches. */
typedef struct {
    double strength, concern;
} CsbQuantity;

/* A construction: parts of consecutive words, each following the last
 * within a gap of words, in one sentence ("would never have ... without"). */
typedef struct {
    char *text;       /* as listed */
    CsbTone tone;     /* STRENGTH, CONCERN, or NEUTRAL (its words are no cue) */
    GPtrArray *parts; /* CsbWords*, owned */
    gboolean to_end;  /* a trailing "...": the rest of the sentence is the construction's */
} CsbConstruction;

struct CsbToneRules {
    CsbPhraseSet *cues;        /* strength, concern, weak ones and not_cues (CSB_CUE_*) */
    CsbPhraseSet *mitigators;  /* "prevent", "reduce": a concern after one is praise */
    CsbPhraseSet *mitigators_after; /* "avoided", "reduced": a concern before one is praise */
    CsbPhraseSet *remedies;    /* "no longer the case": the sentence before was put right */
    CsbPhraseSet *responses;   /* "leaders are aware of this": a response, not a strength */
    CsbPhraseSet *concessions; /* "although", "despite": the clause they open is conceded */
    CsbPhraseSet *past_markers; /* "formerly", "at the last inspection" */
    CsbPhraseSet *incidental;  /* "recorded": a concern in their sentence is a caveat */
    CsbPhraseSet *contrasts;   /* "however", "but": a concern after one is the point */
    CsbPhraseSet *purposes;    /* "to ensure", "in order to": a strength after one is an aim */
    CsbPhraseSet *conditionals; /* "if", "unless": the clause they open is supposed */
    CsbPhraseSet *quantifiers; /* tag: index into quantity */
    GArray *quantity;          /* CsbQuantity per quantifier group */
    GPtrArray *constructions;  /* CsbConstruction*, owned */
    GPtrArray *bare_negators;  /* char*: negators that are a concern when they negate no cue */
    CsbPhraseSet *imperatives; /* words that open a recommendation ("ensure", "work with") */
    GPtrArray *recommendation_sections; /* char*, folded (csb_text_fold) */
    GPtrArray *recommendation_tags;     /* char*, match form: "(recommendation)" */
    GPtrArray *context_sections;        /* char*, folded */
    struct {
        double weak, concession, conditional, past, incidental, contrast, purpose, response,
            bare_negation, negated_clause, negated_after, negated_pair, sentence_cap;
        int quantifier_window, construction_gap;
    } weight;
    struct {
        double strength_share, concern_share, opening_share, strength_minimum,
            concern_minimum, side_cap;
        int statistics;  /* numbers that make a paragraph with no cue statistics */
        CsbTone no_cue;  /* a paragraph with no cue that is not statistics */
    } verdict;
    CsbToneModel *model; /* the learned layer (`model:`, tone_model.c), or NULL */
    char *model_path;    /* the file it was read from, or NULL */
};

/* What the rules read in a paragraph (tone.c), from which the learned
 * layer's features are made (tone_features.c). */
typedef struct {
    const char *text;
    guint sentences;
    const double *pos, *neg; /* per sentence, each side's weight (capped) */
    CsbTone rules;           /* the rules' verdict */
    guint quantifiers, concessions, contrasts, contrast_opens, negations, remedies, caveats,
        conditionals, purposes, weak, constructions, mitigated;
} CsbToneReading;

/* Every feature of a reading into features (char* name -> double*, both
 * owned by the table: g_hash_table_new_full(g_str_hash, g_str_equal,
 * g_free, g_free)): the rules' weights and their shape, counts of what
 * qualifies them, and, with words, each word and pair of words present
 * ("w: however"; a table entry each, so only when a model or its training
 * reads them). */
void csb_tone_features(const CsbToneReading *rd, GHashTable *features, gboolean words);
GHashTable *csb_tone_features_new(void);

/* A regularised multinomial logistic model over named features, read from
 * a CSV (tests/tone/train.py writes it; tone_model.c). NULL with an error
 * in diag. */
CsbToneModel *csb_tone_model_load(const char *path, CsbDiag *diag);
void csb_tone_model_free(CsbToneModel *m);
/* Whether the model weighs words ("w: ...", "shortfall w: ..."). */
gboolean csb_tone_model_reads_words(const CsbToneModel *m);

/* The model's tone for features; appends to why (when not NULL) the
 * verdict with the features that weighed most for it. */
CsbTone csb_tone_model_decide(const CsbToneModel *m, GHashTable *features, GPtrArray *why);

/* csb_themes_classify_in that also fills features (when not NULL) with
 * what the learned layer reads, and says whether the rules alone decided
 * (a recommendation or a context section) in *fixed. */
CsbTone csb_themes_classify_read(const CsbThemeLibrary *lib, const char *text,
                                 const char *section, GPtrArray *why, GHashTable *features,
                                 gboolean *fixed);

/* The list of phrases under key of map, lower-cased into out (library.c);
 * absent: an error when required, else nothing. */
gboolean csb_themes_phrases(CsbYaml *y, yaml_node_t *map, const char *key, gboolean required,
                            GPtrArray *out, CsbDiag *diag);

/* Read from the root of a loaded cues.yaml; strength and concern are the
 * library's cue lists. Every rule is optional: a key left out turns its
 * rule off (weights 1, no cap, the verdict of a plain count: one side
 * strength or concern, both mixed, none neutral). NULL with errors in
 * diag. */
CsbToneRules *csb_tone_rules_load(CsbYaml *y, yaml_node_t *root, const GPtrArray *strength,
                                  const GPtrArray *concern, CsbDiag *diag);
CsbToneRules *csb_tone_rules_ref(CsbToneRules *r);
void csb_tone_rules_unref(CsbToneRules *r);

/* The nearest negator before cue that negates it by rule 4 of cues.yaml,
 * or NULL (classify.c). */
const CsbPhraseHit *csb_cue_negator(const CsbThemeLibrary *lib, const CsbWords *w,
                                    const GArray *negs, const GArray *cues,
                                    const CsbPhraseHit *cue);

struct CsbThemeLibrary {
    GPtrArray *themes;   /* CsbTheme*, owned */
    GPtrArray *strength; /* char*: strength cue phrases, lower case */
    GPtrArray *concern;  /* char*: concern cue phrases */
    GPtrArray *negators; /* char*: words that turn a strength into a concern */
    int negation_window; /* how many words before a cue a negator reaches */
    /* Added with the cue rules of templates/cues.yaml: */
    GPtrArray *negation_stops; /* char*: words negation does not reach across */
    GPtrArray *not_negators;   /* char*: phrases that are never negators */
    CsbTone negated_concern;   /* NEUTRAL (default) or STRENGTH */
    CsbPhraseSet *cues;        /* strength (tag 1) and concern (tag 2) together */
    CsbPhraseSet *negation;    /* negators (tag 1) and not_negators (tag 0) */
    GHashTable *stops;         /* negation_stops as a set */
    CsbThemeMatcher *matcher;  /* the themes' phrases, prepared; rebuilt when a theme
                                  is added */
    CsbToneRules *tone;        /* the rest of templates/cues.yaml (tone_rules.c) */
};

/* Build lib->cues, lib->negation and lib->stops from the lists (library.c). */
void csb_themes_build_cues(CsbThemeLibrary *lib);

/* Sentences of text as pairs of [start, end) byte offsets (gsize). */
GArray *csb_sentences(const char *text);

#endif
