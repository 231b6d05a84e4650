/* classify.c - strength, concern or mixed, by transparent cue phrases.
 *
 * Implements the rules written in templates/cues.yaml (keep the two in
 * step):
 *   1. the text becomes words with clause numbers (words.c): lower case,
 *      curly apostrophes straight, a new clause at . ? ! , : ; brackets,
 *      dashes and bullets;
 *   2. cues (strength and concern together) are found left to right, the
 *      longest phrase at a position first, whole words only, never across
 *      a clause break; the words a cue covers belong to no other cue;
 *   3. negators (and not_negators, which block them) are found the same way
 *      in a separate pass over the same words;
 *   4. a strength cue is flipped to a concern when a negator ends at most
 *      negation_window words before the cue starts, in the same clause,
 *      with no negation stop word between; a negator that overlaps the cue
 *      or lies inside a strength cue negates nothing; a concern cue negated
 *      the same way counts as negated_concern (neutral by default), unless
 *      the negator is itself a concern cue ("insufficient ... limited");
 *   5. strength signals only: strength; concern only: concern; both: mixed;
 *      neither: neutral.
 * Every signal is reported in why, so a reader can judge the call.
 */
#include "themes.h"

#include <string.h>

enum { TAG_STRENGTH = 1, TAG_CONCERN = 2 };

const char *csb_tone_id(CsbTone t)
{
    switch (t) {
    case CSB_TONE_STRENGTH:
        return "strength";
    case CSB_TONE_CONCERN:
        return "concern";
    case CSB_TONE_MIXED:
        return "mixed";
    case CSB_TONE_NEUTRAL:
    default:
        return "neutral";
    }
}

static gboolean is_stop_word(const CsbThemeLibrary *lib, const char *w)
{
    return g_hash_table_contains(lib->stops, w);
}

/* Does a cue of this tag cover the negator (strictly longer when
 * longer_only)? */
static gboolean covered_by(const GArray *cues, const CsbPhraseHit *neg, int tag,
                           gboolean longer_only)
{
    for (guint i = 0; i < cues->len; i++) {
        const CsbPhraseHit *c = &g_array_index(cues, CsbPhraseHit, i);
        if (c->tag == tag && c->start <= neg->start &&
            neg->start + neg->len <= c->start + c->len && (!longer_only || c->len > neg->len))
            return TRUE;
    }
    return FALSE;
}

/* The negator that negates cue, or NULL. */
static const CsbPhraseHit *negator_of(const CsbThemeLibrary *lib, const CsbWords *w,
                                      const GArray *negs, const GArray *cues,
                                      const CsbPhraseHit *cue)
{
    const CsbPhraseHit *near = NULL;
    for (guint i = 0; i < negs->len; i++) {
        const CsbPhraseHit *n = &g_array_index(negs, CsbPhraseHit, i);
        if (n->tag == 1 && n->start + n->len <= cue->start)
            near = n; /* hits are in order: the last one before is nearest */
    }
    /* A strength cue that covers the negator has used it ("without delay",
     * "no delay"); a negator that is itself a concern ("insufficient",
     * "lack of") adds to a concern that follows rather than cancelling it. */
    if (!near || covered_by(cues, near, TAG_STRENGTH, TRUE) ||
        (cue->tag == TAG_CONCERN && covered_by(cues, near, TAG_CONCERN, FALSE)))
        return NULL;
    guint end = near->start + near->len;
    if (cue->start - end > (guint)lib->negation_window)
        return NULL;
    if (csb_words_clause(w, end - 1) != csb_words_clause(w, cue->start))
        return NULL;
    for (guint i = end; i < cue->start; i++)
        if (is_stop_word(lib, csb_words_at(w, i)))
            return NULL;
    return near;
}

CsbTone csb_themes_classify(const CsbThemeLibrary *lib, const char *text, GPtrArray *why)
{
    CsbWords *w = csb_words_new(text);
    GArray *cues = csb_phrase_set_scan(lib->cues, w);
    GArray *negs = csb_phrase_set_scan(lib->negation, w);
    int strengths = 0, concerns = 0;
    for (guint i = 0; i < cues->len; i++) {
        const CsbPhraseHit *c = &g_array_index(cues, CsbPhraseHit, i);
        const CsbPhraseHit *n = negator_of(lib, w, negs, cues, c);
        CsbTone signal = c->tag == TAG_STRENGTH ? CSB_TONE_STRENGTH : CSB_TONE_CONCERN;
        if (n && signal == CSB_TONE_STRENGTH)
            signal = CSB_TONE_CONCERN;
        else if (n)
            signal = lib->negated_concern;
        strengths += signal == CSB_TONE_STRENGTH;
        concerns += signal == CSB_TONE_CONCERN;
        if (!why)
            continue;
        if (n)
            g_ptr_array_add(why, g_strdup_printf("%s: '%s' negates '%s'", csb_tone_id(signal),
                                                 n->text, c->text));
        else
            g_ptr_array_add(why, g_strdup_printf("%s: '%s'", csb_tone_id(signal), c->text));
    }
    g_array_free(cues, TRUE);
    g_array_free(negs, TRUE);
    csb_words_free(w);
    if (strengths && concerns)
        return CSB_TONE_MIXED;
    if (concerns)
        return CSB_TONE_CONCERN;
    if (strengths)
        return CSB_TONE_STRENGTH;
    return CSB_TONE_NEUTRAL;
}
