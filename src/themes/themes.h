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
    char *description;
    GPtrArray *phrases; /* char*, lower case */
} CsbTheme;

typedef struct CsbThemeLibrary CsbThemeLibrary;

/* Load the library and the cue phrases. NULL with errors in diag. */
CsbThemeLibrary *csb_themes_load(const char *themes_path, const char *cues_path,
                                 CsbDiag *diag);
void csb_themes_free(CsbThemeLibrary *lib);
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

/* ---- classification --------------------------------------------------- */

typedef enum { CSB_TONE_NEUTRAL, CSB_TONE_STRENGTH, CSB_TONE_CONCERN, CSB_TONE_MIXED } CsbTone;

const char *csb_tone_id(CsbTone t);

/* Classify text by the cue phrases, negation handled ("not consistently
 * strong" is a concern). The cues that decided are appended to why
 * (char*, owned) when why is not NULL, e.g. "concern: not consistently
 * (negates 'strong')". */
CsbTone csb_themes_classify(const CsbThemeLibrary *lib, const char *text, GPtrArray *why);

/* ---- evidence --------------------------------------------------------- */

typedef struct {
    const CsbInspection *inspection; /* borrowed */
    const CsbParagraph *paragraph;   /* borrowed */
    CsbTone tone;
    double score;          /* for ranking: more signal phrases, more weight */
    GPtrArray *phrases;    /* char*: the theme phrases found */
    GPtrArray *why;        /* char*: the cues that decided the tone */
    char *quote;           /* the report's own words, maybe shortened */
} CsbEvidence;

void csb_evidence_free(CsbEvidence *e);

/* Paragraphs of in that speak to theme, ranked (concerns first, then by
 * score). CsbEvidence*, owned by the returned array. */
GPtrArray *csb_themes_match(const CsbThemeLibrary *lib, const CsbTheme *theme,
                            const CsbInspection *in);

/* Shorten text to about max_chars by keeping whole sentences (those that
 * carry one of the phrases first) and joining gaps with " ... ". Never
 * changes a word. Returns a new string. */
char *csb_themes_quote(const char *text, const GPtrArray *phrases, int max_chars);

/* TRUE when quote is text's own words: every piece between ellipses occurs
 * in text, in order, whitespace aside. */
gboolean csb_quote_is_faithful(const char *quote, const char *text);

/* ---- stage internals (shared by the files of src/themes) ------------ */

struct CsbThemeLibrary {
    GPtrArray *themes;   /* CsbTheme*, owned */
    GPtrArray *strength; /* char*: strength cue phrases, lower case */
    GPtrArray *concern;  /* char*: concern cue phrases */
    GPtrArray *negators; /* char*: words that turn a strength into a concern */
    int negation_window; /* how many words before a cue a negator reaches */
};

/* Sentences of text as pairs of [start, end) byte offsets (gsize). */
GArray *csb_sentences(const char *text);

#endif
