/* tone_reading.h - private to src/themes: one paragraph's reading as it
 * goes, shared by the sentence reader (tone.c) and the verdict over the
 * paragraph (tone_verdict.c). Not part of the module's interface; themes.h
 * is.
 */
#ifndef CSB_THEMES_TONE_READING_H
#define CSB_THEMES_TONE_READING_H

#include "themes.h"

typedef struct {
    CsbTone tone; /* STRENGTH, CONCERN, or NEUTRAL (a negated concern) */
    double weight;
    guint sentence;
    gboolean weak; /* from a weak cue: dropped beside a full cue of the other side */
    gboolean negated_concern; /* a concern a negator neutralised */
    char *why;     /* owned */
} Signal;

typedef struct {
    const CsbThemeLibrary *lib;
    const CsbToneRules *r;
    GArray *signals; /* Signal */
    CsbToneReading seen; /* the counts the learned layer reads */
} Reading;

/* Sentence number `sentence` of a paragraph read into rd's signals
 * (constructions, cues, mitigators, negations, quantifiers, concessions,
 * past markers, caveats: rules 2 and 3 of cues.yaml). */
void tone_read_sentence(Reading *rd, const char *text, guint sentence);
/* A sentence that says the one before it was put right ("This is no
 * longer the case") makes that sentence's concerns past. */
void tone_remedied(Reading *rd, const char *text, guint sentence);
/* A sentence that says leaders know of, or are acting on, a shortfall an
 * earlier sentence raised ("Leaders are aware of this") is their response,
 * not a strength of its own: its strengths weigh weights.response. */
void tone_responded(Reading *rd, const char *text, guint sentence);

#endif
