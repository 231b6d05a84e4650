/* classify.c - the public face of tone classification, and negation.
 *
 * csb_themes_classify reads a paragraph sentence by sentence by the rules
 * of templates/cues.yaml (tone.c, with the rules loaded by tone_rules.c).
 * Negation, rule 4 of cues.yaml, lives here:
 *   a strength cue is flipped to a concern when a negator ends at most
 *   negation_window words before the cue starts, in the same clause, with
 *   no negation stop word between; a negator that overlaps the cue or lies
 *   inside a strength cue negates nothing; a concern cue negated the same
 *   way counts as negated_concern (neutral by default), unless the negator
 *   is itself a concern cue ("insufficient ... limited").
 * Every signal is reported in why, so a reader can judge the call.
 */
#include "themes.h"

#include <string.h>

/* The side a cue tag counts for: 1 strength, 2 concern, 0 none. */
static int side_of(int tag)
{
    switch (tag) {
    case CSB_CUE_STRENGTH:
    case CSB_CUE_WEAK_STRENGTH:
        return 1;
    case CSB_CUE_CONCERN:
    case CSB_CUE_WEAK_CONCERN:
        return 2;
    default:
        return 0;
    }
}

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

/* Does a cue of side (1 strength, 2 concern) share words with the
 * negator? A strength cue that does has used it ("no delay" takes the "no"
 * of "there was no"); a concern cue that does makes it a concern too
 * ("insufficient", "lack of", the "difficult" of "difficult to"). */
static gboolean overlaps(const GArray *cues, const CsbPhraseHit *neg, int side)
{
    for (guint i = 0; i < cues->len; i++) {
        const CsbPhraseHit *c = &g_array_index(cues, CsbPhraseHit, i);
        if (side_of(c->tag) == side && c->start < neg->start + neg->len &&
            neg->start < c->start + c->len)
            return TRUE;
    }
    return FALSE;
}

const CsbPhraseHit *csb_cue_negator(const CsbThemeLibrary *lib, const CsbWords *w,
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
     * "no delay"), as has a phrase that is no cue ("families who have been
     * unable to sustain positive change"); a negator that is itself a
     * concern ("insufficient", "lack of") adds to a concern that follows
     * rather than cancelling it. */
    if (!near || overlaps(cues, near, 1) || overlaps(cues, near, 0) ||
        (side_of(cue->tag) == 2 && overlaps(cues, near, 2)))
        return NULL;
    /* A concern that is itself a negation ("not routinely") is not undone
     * by an earlier one ("children who are not looked after is not
     * routinely considered"). */
    for (guint i = 0; side_of(cue->tag) == 2 && i < negs->len; i++) {
        const CsbPhraseHit *n = &g_array_index(negs, CsbPhraseHit, i);
        if (n->tag == 1 && n->start < cue->start + cue->len && cue->start < n->start + n->len)
            return NULL;
    }
    guint end = near->start + near->len;
    if (cue->start - end > (guint)lib->negation_window)
        return NULL;
    if (csb_words_clause(w, end - 1) != csb_words_clause(w, cue->start))
        return NULL;
    for (guint i = end; i < cue->start; i++)
        if (is_stop_word(lib, csb_words_at(w, i)))
            return NULL;
    /* A negator negates the first cue after it: "do not experience delay
     * before appropriate action" negates the delay, not the action; and
     * a concern cue that runs on from a negated one ("do not experience
     * unnecessary delay"), as one phrase. */
    for (guint i = 0; i < cues->len; i++) {
        const CsbPhraseHit *c = &g_array_index(cues, CsbPhraseHit, i);
        if (side_of(c->tag) == 2 && c->start >= end && c->start + c->len <= cue->start &&
            !(side_of(cue->tag) == 2 && c->start + c->len == cue->start &&
              csb_cue_negator(lib, w, negs, cues, c) == near))
            return NULL;
    }
    return near;
}

CsbTone csb_themes_classify(const CsbThemeLibrary *lib, const char *text, GPtrArray *why)
{
    return csb_themes_classify_in(lib, text, NULL, why);
}
