/* tone.c - a paragraph's tone read sentence by sentence, by the rules of
 * templates/cues.yaml (kept in step with the documentation at its top):
 *   1. a context section ("Service information") is neutral; a paragraph
 *      under a recommendation section, or opening with an imperative
 *      ("Ensure that ..."), is a concern;
 *   2. each sentence is read on its own: constructions first (a double
 *      negative, "cannot be satisfied"), then every cue outside them, with
 *      a mitigator before a concern making it praise ("help to avoid
 *      delay"), a negator flipping it (classify.c), its weight scaled by a
 *      weak cue, the nearest quantifier before it, a concessive clause it
 *      sits in, a past marker in its clause and an incidental phrase in its
 *      sentence; a negation that negates no cue is a weak concern itself;
 *   3. each sentence gives at most sentence_cap to each side;
 *   4. the paragraph: one side only decides; both sides: the concern share
 *      of the weight (each side counted up to side_cap) decides strength,
 *      mixed or concern (a side below
 *      mixed_minimum cannot make it mixed); no cue: statistics are
 *      neutral, anything else no_cue.
 * Every signal and the verdict go into why, naming the sentences.
 */
#include "themes.h"

#include <string.h>

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

/* A construction found: words [start, end) of the sentence. */
typedef struct {
    guint start, end;
    const CsbConstruction *c;
} Found;

static gboolean is_strength_tag(int tag)
{
    return tag == CSB_CUE_STRENGTH || tag == CSB_CUE_WEAK_STRENGTH;
}

static void add_signal(Reading *rd, CsbTone tone, double weight, guint sentence, gboolean weak,
                       char *why)
{
    Signal s = {tone, weight, sentence, weak, FALSE, why};
    g_array_append_val(rd->signals, s);
}

/* Does part (consecutive words, one clause) match w at i? */
static gboolean part_at(const CsbWords *part, const CsbWords *w, guint i)
{
    guint n = csb_words_count(part);
    if (i + n > csb_words_count(w))
        return FALSE;
    for (guint k = 0; k < n; k++)
        if (strcmp(csb_words_at(part, k), csb_words_at(w, i + k)) != 0 ||
            csb_words_clause(w, i + k) != csb_words_clause(w, i))
            return FALSE;
    return TRUE;
}

/* Where construction c ends when it starts at word i, or 0. */
static guint construction_at(const CsbConstruction *c, const CsbWords *w, guint i, int gap)
{
    guint at = i;
    for (guint p = 0; p < c->parts->len; p++) {
        const CsbWords *part = c->parts->pdata[p];
        guint last = p == 0 ? at : at + (guint)gap;
        guint j = at;
        while (j <= last && !part_at(part, w, j))
            j++;
        if (j > last)
            return 0;
        at = j + csb_words_count(part);
    }
    return c->to_end ? csb_words_count(w) : at;
}

static GArray *find_constructions(const CsbToneRules *r, const CsbWords *w)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(Found));
    for (guint i = 0; i < csb_words_count(w); i++)
        for (guint k = 0; k < r->constructions->len; k++) {
            const CsbConstruction *c = r->constructions->pdata[k];
            guint end = construction_at(c, w, i, r->weight.construction_gap);
            if (end) {
                Found f = {i, end, c};
                g_array_append_val(out, f);
            }
        }
    return out;
}

static gboolean inside_found(const GArray *found, guint start)
{
    for (guint i = 0; i < found->len; i++) {
        const Found *f = &g_array_index(found, Found, i);
        if (f->start <= start && start < f->end)
            return TRUE;
    }
    return FALSE;
}

/* The nearest hit of hits ending before word at, within window words,
 * optionally in at's clause; NULL when none. */
static const CsbPhraseHit *nearest_before(const GArray *hits, const CsbWords *w, guint at,
                                          int window, gboolean same_clause)
{
    const CsbPhraseHit *best = NULL;
    for (guint i = 0; i < hits->len; i++) {
        const CsbPhraseHit *h = &g_array_index(hits, CsbPhraseHit, i);
        if (h->start + h->len > at || at - (h->start + h->len) > (guint)window)
            continue;
        if (same_clause && csb_words_clause(w, h->start + h->len - 1) != csb_words_clause(w, at))
            continue;
        best = h;
    }
    return best;
}

/* A hit of hits in the clause of word at, at or before it (when before is
 * set) or anywhere in it. */
static const CsbPhraseHit *in_clause(const GArray *hits, const CsbWords *w, guint at,
                                     gboolean before)
{
    for (guint i = 0; i < hits->len; i++) {
        const CsbPhraseHit *h = &g_array_index(hits, CsbPhraseHit, i);
        if (csb_words_clause(w, h->start) == csb_words_clause(w, at) &&
            (!before || h->start <= at))
            return h;
    }
    return NULL;
}

/* Words [start, start + len) joined by spaces. */
static char *words_text(const CsbWords *w, guint start, guint len)
{
    GString *s = g_string_new(NULL);
    for (guint i = start; i < start + len && i < csb_words_count(w); i++)
        g_string_append_printf(s, "%s%s", i > start ? " " : "", csb_words_at(w, i));
    return g_string_free(s, FALSE);
}

typedef struct {
    const CsbWords *w;
    GArray *cues, *negs, *mits, *mits_after, *concessions, *past, *incidental, *contrasts, *purposes,
        *conditionals, *quants, *found;
    gboolean *used; /* per negator hit: it negated a cue */
} Sentence;

/* A quantifier in the clause that opens the sentence, before the clause
 * of c ("For a small number of children, the quality of direct work is
 * variable and not started early"): it sets the extent of the whole
 * sentence. NULL when none. */
static const CsbPhraseHit *opening_quantifier(const Sentence *s, const CsbPhraseHit *c)
{
    if (csb_words_clause(s->w, c->start) == csb_words_clause(s->w, 0))
        return NULL;
    const CsbPhraseHit *q = NULL;
    for (guint i = 0; i < s->quants->len; i++) {
        const CsbPhraseHit *h = &g_array_index(s->quants, CsbPhraseHit, i);
        if (csb_words_clause(s->w, h->start) == csb_words_clause(s->w, 0))
            q = h;
    }
    return q;
}

/* The first incidental phrase of the sentence that is no part of a cue
 * ("record", not the "record" of "track record"), or NULL. */
static const CsbPhraseHit *caveat(const Sentence *s)
{
    for (guint i = 0; i < s->incidental->len; i++) {
        const CsbPhraseHit *h = &g_array_index(s->incidental, CsbPhraseHit, i);
        gboolean in_cue = FALSE;
        for (guint k = 0; k < s->cues->len && !in_cue; k++) {
            const CsbPhraseHit *c = &g_array_index(s->cues, CsbPhraseHit, k);
            in_cue = c->start <= h->start && h->start + h->len <= c->start + c->len &&
                     c->len > h->len;
        }
        if (!in_cue)
            return h;
    }
    return NULL;
}

/* The weight of a cue of side tone at hit c, with the reasons it was
 * scaled appended to mods. */
static double scaled(const Reading *rd, const Sentence *s, const CsbPhraseHit *c, CsbTone tone,
                     double weight, GString *mods)
{
    const CsbToneRules *r = rd->r;
    if (c->tag == CSB_CUE_WEAK_STRENGTH || c->tag == CSB_CUE_WEAK_CONCERN) {
        weight *= r->weight.weak;
        g_string_append(mods, ", a weak cue");
    }
    const CsbPhraseHit *q = nearest_before(s->quants, s->w, c->start, r->weight.quantifier_window,
                                           FALSE);
    if (!q)
        q = opening_quantifier(s, c);
    if (q) {
        const CsbQuantity *f = &g_array_index(r->quantity, CsbQuantity, q->tag);
        double k = tone == CSB_TONE_STRENGTH ? f->strength : f->concern;
        if (k != 1) {
            weight *= k;
            g_string_append_printf(mods, ", after '%s'", q->text);
        }
    }
    const CsbPhraseHit *h = in_clause(s->conditionals, s->w, c->start, TRUE);
    if (h) {
        weight *= r->weight.conditional;
        g_string_append_printf(mods, ", supposed by '%s'", h->text);
    }
    const CsbPhraseHit *k = in_clause(s->concessions, s->w, c->start, TRUE);
    if (k) {
        weight *= r->weight.concession;
        g_string_append_printf(mods, ", conceded by '%s'", k->text);
    }
    /* "However" reaches the rest of its sentence, a purpose its clause. */
    const CsbPhraseHit *after =
        tone == CSB_TONE_CONCERN ? nearest_before(s->contrasts, s->w, c->start, G_MAXINT, FALSE)
                                 : nearest_before(s->purposes, s->w, c->start, G_MAXINT, TRUE);
    double by = tone == CSB_TONE_CONCERN ? r->weight.contrast : r->weight.purpose;
    /* A harm a purpose prevents ("to help to avoid delay") is still praise. */
    if (after && by != 1 && (tone == CSB_TONE_CONCERN || is_strength_tag(c->tag))) {
        weight *= by;
        g_string_append_printf(mods, ", after '%s'", after->text);
    }
    if (tone == CSB_TONE_CONCERN) {
        const CsbPhraseHit *p = in_clause(s->past, s->w, c->start, FALSE);
        if (p) {
            weight *= r->weight.past;
            g_string_append_printf(mods, ", in the past: '%s'", p->text);
        }
        const CsbPhraseHit *i = caveat(s);
        if (i) {
            weight *= r->weight.incidental;
            g_string_append_printf(mods, ", a caveat: '%s'", i->text);
        }
    }
    return weight;
}

static void why_signal(Reading *rd, CsbTone tone, double weight, guint sentence, gboolean weak,
                       char *what, GString *mods)
{
    char *why;
    if (mods->len || (weight != 1 && tone != CSB_TONE_NEUTRAL))
        why = g_strdup_printf("%s: %s (sentence %u, weight %.2g%s)", csb_tone_id(tone), what,
                              sentence + 1, weight, mods->str);
    else
        why = g_strdup_printf("%s: %s (sentence %u)", csb_tone_id(tone), what, sentence + 1);
    add_signal(rd, tone, weight, sentence, weak, why);
    g_free(what);
}

static gboolean is_stop(const CsbThemeLibrary *lib, const char *word)
{
    return g_hash_table_contains(lib->stops, word);
}

/* The first hit of hits tagged 1 that starts at word at or after it, or
 * NULL (hits are in order). */
static const CsbPhraseHit *first_from(const GArray *hits, guint at)
{
    for (guint i = 0; i < hits->len; i++) {
        const CsbPhraseHit *h = &g_array_index(hits, CsbPhraseHit, i);
        if (h->tag == 1 && h->start >= at)
            return h;
    }
    return NULL;
}

/* Is hit h within negation_window words after word end, in the clause of
 * word at? */
static gboolean close_after(const Reading *rd, const CsbWords *w, const CsbPhraseHit *h,
                            guint end, guint at)
{
    return h && h->start - end <= (guint)rd->lib->negation_window &&
           csb_words_clause(w, h->start) == csb_words_clause(w, at);
}

/* The first of mitigators_after after concern cue c in its clause,
 * within negation_window words, with no stop word or negator between
 * ("delays are avoided", "drift has reduced"), c being no negation
 * itself ("not always ... reduced"); NULL when none. */
static const CsbPhraseHit *mitigator_after(const Reading *rd, const Sentence *s,
                                           const CsbPhraseHit *c)
{
    guint end = c->start + c->len;
    const CsbPhraseHit *m = first_from(s->mits_after, end);
    if (!close_after(rd, s->w, m, end, c->start))
        return NULL;
    for (guint i = 0; i < s->negs->len; i++) {
        const CsbPhraseHit *n = &g_array_index(s->negs, CsbPhraseHit, i);
        if (n->tag == 1 && n->start + n->len > c->start && n->start < m->start + m->len)
            return NULL;
    }
    for (guint i = end; i < m->start; i++)
        if (is_stop(rd->lib, csb_words_at(s->w, i)))
            return NULL;
    return m;
}

/* A concern cue after a mitigator ("prevent", "reduce") in its clause:
 * praise, unless the mitigator is itself negated ("have not addressed");
 * or before one of mitigators_after ("delays are avoided"). */
static gboolean mitigated(Reading *rd, const Sentence *s, const CsbPhraseHit *c, guint sentence)
{
    const CsbThemeLibrary *lib = rd->lib;
    const CsbPhraseHit *m = nearest_before(s->mits, s->w, c->start, lib->negation_window, TRUE);
    if (m) {
        for (guint i = m->start + m->len; i < c->start; i++)
            if (is_stop(lib, csb_words_at(s->w, i)))
                return FALSE;
    } else {
        m = mitigator_after(rd, s, c);
        if (!m)
            return FALSE;
        GString *mods = g_string_new(NULL);
        double weight = scaled(rd, s, c, CSB_TONE_STRENGTH, 1, mods);
        why_signal(rd, CSB_TONE_STRENGTH, weight, sentence, c->tag == CSB_CUE_WEAK_CONCERN,
                   g_strdup_printf("'%s' + '%s' (a harm prevented)", c->text, m->text), mods);
        g_string_free(mods, TRUE);
        return TRUE;
    }
    const CsbPhraseHit *n = nearest_before(s->negs, s->w, m->start, lib->negation_window, TRUE);
    CsbTone tone = n && n->tag == 1 ? CSB_TONE_CONCERN : CSB_TONE_STRENGTH;
    GString *mods = g_string_new(NULL);
    double weight = scaled(rd, s, c, tone, 1, mods);
    char *what = tone == CSB_TONE_CONCERN
                     ? g_strdup_printf("'%s' negates '%s' + '%s'", n->text, m->text, c->text)
                     : g_strdup_printf("'%s' + '%s' (a harm prevented)", m->text, c->text);
    if (n && n->tag == 1)
        s->used[n - &g_array_index(s->negs, CsbPhraseHit, 0)] = TRUE;
    why_signal(rd, tone, weight, sentence, c->tag == CSB_CUE_WEAK_CONCERN, what, mods);
    g_string_free(mods, TRUE);
    return TRUE;
}

/* A negator earlier in the clause of a strength cue that it does not reach
 * ("does not provide the leadership necessary to support a robust
 * response"), with no stop word between; NULL when none. A negator a
 * strength cue or a phrase that is no cue overlaps ("without delay", "not
 * only") is no such negator. */
static const CsbPhraseHit *in_negated_clause(const Reading *rd, const Sentence *s,
                                             const CsbPhraseHit *c)
{
    const CsbPhraseHit *n = nearest_before(s->negs, s->w, c->start, G_MAXINT, TRUE);
    if (!n || n->tag != 1 || inside_found(s->found, n->start))
        return NULL;
    for (guint i = 0; i < s->cues->len; i++) {
        const CsbPhraseHit *k = &g_array_index(s->cues, CsbPhraseHit, i);
        if (k->start < n->start + n->len && n->start < k->start + k->len &&
            (is_strength_tag(k->tag) || k->tag == CSB_CUE_NONE))
            return NULL; /* "no delay", "not only" used it */
    }
    for (guint i = n->start + n->len; i < c->start; i++)
        if (is_stop(rd->lib, csb_words_at(s->w, i)))
            return NULL;
    return n;
}

/* A negator after a strength cue in its clause, within negation_window
 * words with no stop word or mitigator between, that negates what the cue
 * describes ("effective arrangements are not in place", "timely action is
 * not always taken"); NULL when none. A negator that a strength cue or a
 * phrase that is no cue overlaps ("no delay", "not only"), or that a
 * construction holds, is no such negator. */
static const CsbPhraseHit *negated_after(const Reading *rd, const Sentence *s,
                                         const CsbPhraseHit *c)
{
    guint end = c->start + c->len;
    const CsbPhraseHit *n = first_from(s->negs, end);
    if (!close_after(rd, s->w, n, end, c->start) || inside_found(s->found, n->start))
        return NULL;
    for (guint i = 0; i < s->cues->len; i++) {
        const CsbPhraseHit *k = &g_array_index(s->cues, CsbPhraseHit, i);
        if (k->start < n->start + n->len && n->start < k->start + k->len &&
            (is_strength_tag(k->tag) || k->tag == CSB_CUE_NONE))
            return NULL;
        if (k != c && is_strength_tag(k->tag) && k->start >= end && k->start < n->start)
            return NULL; /* another strength between: it is the one negated */
    }
    for (guint i = 0; i < s->mits->len; i++) {
        const CsbPhraseHit *m = &g_array_index(s->mits, CsbPhraseHit, i);
        if (m->start >= end && m->start < n->start)
            return NULL;
    }
    for (guint i = end; i < n->start; i++)
        if (is_stop(rd->lib, csb_words_at(s->w, i)))
            return NULL;
    return n;
}

/* Is the negator n also a concern cue of the sentence ("not always")? */
static gboolean is_concern_cue(const Sentence *s, const CsbPhraseHit *n)
{
    for (guint i = 0; i < s->cues->len; i++) {
        const CsbPhraseHit *k = &g_array_index(s->cues, CsbPhraseHit, i);
        if ((k->tag == CSB_CUE_CONCERN || k->tag == CSB_CUE_WEAK_CONCERN) &&
            k->start < n->start + n->len && n->start < k->start + k->len)
            return TRUE;
    }
    return FALSE;
}

static void read_cue(Reading *rd, const Sentence *s, const CsbPhraseHit *c, guint sentence)
{
    const CsbThemeLibrary *lib = rd->lib;
    if (c->tag == CSB_CUE_NONE || inside_found(s->found, c->start))
        return;
    gboolean strength = is_strength_tag(c->tag);
    if (!strength && mitigated(rd, s, c, sentence))
        return;
    const CsbPhraseHit *n = csb_cue_negator(lib, s->w, s->negs, s->cues, c);
    if (n && inside_found(s->found, n->start))
        n = NULL; /* a construction's own negation ("would never have ... without") */
    CsbTone tone = strength ? CSB_TONE_STRENGTH : CSB_TONE_CONCERN;
    if (n) {
        tone = strength ? CSB_TONE_CONCERN : lib->negated_concern;
        s->used[n - &g_array_index(s->negs, CsbPhraseHit, 0)] = TRUE;
    }
    GString *mods = g_string_new(NULL);
    double weight = tone == CSB_TONE_NEUTRAL ? 0 : scaled(rd, s, c, tone, 1, mods);
    /* "not always timely": the negator already counted as a concern. */
    if (n && strength && rd->r->weight.negated_pair != 1 && is_concern_cue(s, n)) {
        weight *= rd->r->weight.negated_pair;
        g_string_append_printf(mods, ", '%s' counted already", n->text);
    }
    const CsbPhraseHit *far = !n && strength ? in_negated_clause(rd, s, c) : NULL;
    if (far) {
        weight *= rd->r->weight.negated_clause;
        g_string_append_printf(mods, ", in a clause '%s' negates", far->text);
    }
    const CsbPhraseHit *after = !n && strength && rd->r->weight.negated_after != 1
                                    ? negated_after(rd, s, c)
                                    : NULL;
    if (after) {
        weight *= rd->r->weight.negated_after;
        g_string_append_printf(mods, ", '%s' after it negates it", after->text);
    }
    char *what = n ? g_strdup_printf("'%s' negates '%s'", n->text, c->text)
                   : g_strdup_printf("'%s'", c->text);
    why_signal(rd, tone, weight, sentence,
               c->tag == CSB_CUE_WEAK_STRENGTH || c->tag == CSB_CUE_WEAK_CONCERN, what, mods);
    g_array_index(rd->signals, Signal, rd->signals->len - 1).negated_concern =
        n && !strength && tone == CSB_TONE_NEUTRAL;
    g_string_free(mods, TRUE);
}

/* Is word i inside a cue, a mitigator or a construction? */
static gboolean taken(const Sentence *s, const CsbPhraseHit *n)
{
    for (guint i = 0; i < s->cues->len; i++) {
        const CsbPhraseHit *c = &g_array_index(s->cues, CsbPhraseHit, i);
        if (c->start <= n->start && n->start < c->start + c->len)
            return TRUE;
    }
    return inside_found(s->found, n->start);
}

/* A negator that negated no cue ("children are not seen alone") is a
 * concern of its own, when the rules list it as one. */
static void bare_negations(Reading *rd, const Sentence *s, guint sentence)
{
    const CsbToneRules *r = rd->r;
    if (r->weight.bare_negation <= 0)
        return;
    for (guint i = 0; i < s->negs->len; i++) {
        const CsbPhraseHit *n = &g_array_index(s->negs, CsbPhraseHit, i);
        /* "No child was left at risk": a negation opening its sentence or
         * clause reassures as often as it criticises. */
        gboolean opens = n->start == 0 ||
                         csb_words_clause(s->w, n->start) != csb_words_clause(s->w, n->start - 1);
        if (n->tag != 1 || opens || s->used[i] || taken(s, n) || !r->bare_negators ||
            !g_ptr_array_find_with_equal_func(r->bare_negators, n->text, g_str_equal, NULL))
            continue;
        CsbPhraseHit as_cue = *n;
        as_cue.tag = CSB_CUE_CONCERN;
        GString *mods = g_string_new(NULL);
        double weight = scaled(rd, s, &as_cue, CSB_TONE_CONCERN, r->weight.bare_negation, mods);
        char *words = words_text(s->w, n->start, n->len + 2);
        char *what = g_strdup_printf("'%s' (a negation)", words);
        g_free(words);
        why_signal(rd, CSB_TONE_CONCERN, weight, sentence, FALSE, what, mods);
        g_string_free(mods, TRUE);
    }
}

/* Weak cues of a side say nothing beside a full cue of the other side in
 * their sentence ("support" in "the lack of support"): signals from first
 * on are one sentence's. */
static void drop_weak(Reading *rd, guint first)
{
    gboolean full[3] = {FALSE, FALSE, FALSE}; /* by tone: strength, concern */
    for (guint i = first; i < rd->signals->len; i++) {
        const Signal *s = &g_array_index(rd->signals, Signal, i);
        if (!s->weak && s->weight > 0 && (s->tone == CSB_TONE_STRENGTH || s->tone == CSB_TONE_CONCERN))
            full[s->tone == CSB_TONE_CONCERN] = TRUE;
    }
    for (guint i = first; i < rd->signals->len; i++) {
        Signal *s = &g_array_index(rd->signals, Signal, i);
        gboolean other = s->tone == CSB_TONE_STRENGTH ? full[1] : full[0];
        if (!s->weak || s->weight <= 0 || !other ||
            (s->tone != CSB_TONE_STRENGTH && s->tone != CSB_TONE_CONCERN))
            continue;
        char *why = g_strdup_printf("%s; not counted: a weak cue beside a %s", s->why,
                                    s->tone == CSB_TONE_STRENGTH ? "concern" : "strength");
        g_free(s->why);
        s->why = why;
        s->weight = 0;
    }
}

/* What the sentence holds that qualifies its cues, for the learned layer. */
static void count_sentence(CsbToneReading *c, const Sentence *s)
{
    c->quantifiers += s->quants->len;
    c->concessions += s->concessions->len;
    c->contrasts += s->contrasts->len;
    c->contrast_opens += s->contrasts->len && g_array_index(s->contrasts, CsbPhraseHit, 0).start == 0;
    for (guint i = 0; i < s->negs->len; i++)
        c->negations += g_array_index(s->negs, CsbPhraseHit, i).tag == 1;
    c->caveats += caveat(s) != NULL;
    c->conditionals += s->conditionals->len;
    c->purposes += s->purposes->len;
    c->constructions += s->found->len;
    c->mitigated += s->mits->len + s->mits_after->len;
    for (guint i = 0; i < s->cues->len; i++) {
        int tag = g_array_index(s->cues, CsbPhraseHit, i).tag;
        c->weak += tag == CSB_CUE_WEAK_STRENGTH || tag == CSB_CUE_WEAK_CONCERN;
    }
}

static void read_sentence(Reading *rd, const char *text, guint sentence)
{
    const CsbToneRules *r = rd->r;
    CsbWords *w = csb_words_new(text);
    Sentence s = {w,
                  csb_phrase_set_scan(r->cues, w),
                  csb_phrase_set_scan(rd->lib->negation, w),
                  csb_phrase_set_scan(r->mitigators, w),
                  csb_phrase_set_scan(r->mitigators_after, w),
                  csb_phrase_set_scan(r->concessions, w),
                  csb_phrase_set_scan(r->past_markers, w),
                  csb_phrase_set_scan(r->incidental, w),
                  csb_phrase_set_scan(r->contrasts, w),
                  csb_phrase_set_scan(r->purposes, w),
                  csb_phrase_set_scan(r->conditionals, w),
                  csb_phrase_set_scan(r->quantifiers, w),
                  find_constructions(r, w),
                  NULL};
    s.used = g_new0(gboolean, s.negs->len + 1);
    for (guint i = 0; i < s.found->len; i++) {
        const Found *f = &g_array_index(s.found, Found, i);
        add_signal(rd, f->c->tone, f->c->tone == CSB_TONE_NEUTRAL ? 0 : 1, sentence, FALSE,
                   g_strdup_printf("%s: '%s' (sentence %u, a construction)",
                                   csb_tone_id(f->c->tone), f->c->text, sentence + 1));
    }
    count_sentence(&rd->seen, &s);
    guint first = rd->signals->len;
    for (guint i = 0; i < s.cues->len; i++)
        read_cue(rd, &s, &g_array_index(s.cues, CsbPhraseHit, i), sentence);
    bare_negations(rd, &s, sentence);
    drop_weak(rd, first);
    GArray *arrays[] = {s.cues,      s.negs,      s.mits,     s.mits_after, s.concessions,
                        s.past,      s.incidental, s.contrasts, s.purposes,
                        s.conditionals, s.quants, s.found};
    for (guint i = 0; i < G_N_ELEMENTS(arrays); i++)
        g_array_free(arrays[i], TRUE);
    g_free(s.used);
    csb_words_free(w);
}

/* A sentence saying the shortfall before it was put right ("This is no
 * longer the case", "Leaders took immediate action"): the concerns of the
 * sentence before count weights.past. */
static void remedied(Reading *rd, const char *text, guint sentence)
{
    if (!sentence || !rd->r->remedies)
        return;
    CsbWords *w = csb_words_new(text);
    GArray *hits = csb_phrase_set_scan(rd->r->remedies, w);
    rd->seen.remedies += hits->len;
    for (guint i = 0; hits->len && i < rd->signals->len; i++) {
        Signal *s = &g_array_index(rd->signals, Signal, i);
        if (s->sentence != sentence - 1 || s->tone != CSB_TONE_CONCERN || s->weight <= 0)
            continue;
        s->weight *= rd->r->weight.past;
        char *why = g_strdup_printf("%s; remedied: '%s' (sentence %u), weight %.2g", s->why,
                                    g_array_index(hits, CsbPhraseHit, 0).text, sentence + 1,
                                    s->weight);
        g_free(s->why);
        s->why = why;
    }
    g_array_free(hits, TRUE);
    csb_words_free(w);
}

/* ---- the paragraph --------------------------------------------------- */

/* The first of names (folded) the section holds as whole words, or NULL. */
static const char *section_in(const GPtrArray *names, const char *section)
{
    if (!section || !*section)
        return NULL;
    char *f = csb_text_fold(section);
    const char *hit = NULL;
    for (guint i = 0; i < names->len && !hit; i++)
        if (*(const char *)names->pdata[i] && csb_text_has_word(f, names->pdata[i]))
            hit = names->pdata[i];
    g_free(f);
    return hit;
}

/* The imperative that opens text ("Ensure that ..."), or NULL. */
static const char *imperative(const CsbToneRules *r, const char *text)
{
    const char *p = text;
    while (*p && !g_unichar_isalnum(g_utf8_get_char(p)))
        p = g_utf8_next_char(p);
    if (!g_unichar_isupper(g_utf8_get_char(p)))
        return NULL;
    char *head = g_strndup(p, 80); /* the first words are enough */
    CsbWords *w = csb_words_new(head);
    const char *hit = NULL;
    if (!csb_phrase_set_match(r->imperatives, w, 0, NULL, &hit))
        hit = NULL;
    csb_words_free(w);
    g_free(head);
    return hit;
}

/* How many numbers (runs of digits) text holds, years (19xx, 20xx) aside. */
static int numbers(const char *text)
{
    int n = 0;
    for (const char *p = text; *p; p++) {
        if (!g_ascii_isdigit(*p) || (p > text && g_ascii_isdigit(p[-1])))
            continue;
        gsize len = strspn(p, "0123456789");
        gboolean year = len == 4 && (g_str_has_prefix(p, "19") || g_str_has_prefix(p, "20"));
        n += !year;
    }
    return n;
}

/* The sentences with weight on a side, weightiest first. */
static GArray *ranked(const double *side, guint n)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < n; i++)
        if (side[i] > 0)
            g_array_append_val(out, i);
    for (guint i = 1; i < out->len; i++) /* insertion sort: stable, few items */
        for (guint j = i; j > 0 && side[g_array_index(out, guint, j)] >
                                        side[g_array_index(out, guint, j - 1)];
             j--) {
            guint t = g_array_index(out, guint, j);
            g_array_index(out, guint, j) = g_array_index(out, guint, j - 1);
            g_array_index(out, guint, j - 1) = t;
        }
    return out;
}

static void append_list(GString *s, const GArray *idx)
{
    for (guint i = 0; i < idx->len; i++)
        g_string_append_printf(s, "%s%u", i ? ", " : "", g_array_index(idx, guint, i) + 1);
}

/* "strength 2.5 (sentences 1, 3)" */
static void append_side(GString *s, const char *name, double total, const double *side, guint n)
{
    g_string_append_printf(s, "%s %.2g", name, total);
    GArray *order = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < n; i++)
        if (side[i] > 0)
            g_array_append_val(order, i);
    if (order->len) {
        g_string_append_printf(s, " (sentence%s ", order->len > 1 ? "s" : "");
        append_list(s, order);
        g_string_append_c(s, ')');
    }
    g_array_free(order, TRUE);
}

/* The sentences that decided tone: the weightiest of its side first (for
 * mixed, the weightiest of each side in turn). */
static GArray *decisive(CsbTone tone, const double *pos, const double *neg, guint n)
{
    GArray *p = ranked(pos, n), *c = ranked(neg, n);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(guint));
    if (tone == CSB_TONE_STRENGTH) {
        g_array_append_vals(out, p->data, p->len);
    } else if (tone == CSB_TONE_CONCERN) {
        g_array_append_vals(out, c->data, c->len);
    } else if (tone == CSB_TONE_MIXED) {
        for (guint i = 0; i < MAX(p->len, c->len); i++)
            for (int side = 0; side < 2; side++) {
                const GArray *a = side ? c : p;
                if (i >= a->len)
                    continue;
                guint k = g_array_index(a, guint, i);
                gboolean dup = FALSE;
                for (guint j = 0; j < out->len && !dup; j++)
                    dup = g_array_index(out, guint, j) == k;
                if (!dup)
                    g_array_append_val(out, k);
            }
    }
    g_array_free(p, TRUE);
    g_array_free(c, TRUE);
    return out;
}

/* The verdict from the weight on each side, and the reason. A paragraph
 * that opens with a concern (opening) is a concern from opening_share on. */
static CsbTone weigh(const CsbToneRules *r, double P, double N, gboolean opening,
                     GString *reason)
{
    if (N <= 0) {
        g_string_append(reason, "only strength");
        return CSB_TONE_STRENGTH;
    }
    if (P <= 0) {
        g_string_append(reason, "only concern");
        return CSB_TONE_CONCERN;
    }
    /* Past side_cap, more of one side does not dilute the other: a long
     * run of praise leaves a real shortfall a shortfall. */
    double share = MIN(N, r->verdict.side_cap) /
                   (MIN(P, r->verdict.side_cap) + MIN(N, r->verdict.side_cap));
    g_string_append_printf(reason, "concern share %.2f", share);
    if (P > r->verdict.side_cap || N > r->verdict.side_cap)
        g_string_append_printf(reason, " (each side counted up to %.2g)", r->verdict.side_cap);
    if (share <= r->verdict.strength_share) {
        g_string_append_printf(reason, " at most %.2g", r->verdict.strength_share);
        return CSB_TONE_STRENGTH;
    }
    if (share >= r->verdict.concern_share) {
        g_string_append_printf(reason, " at least %.2g", r->verdict.concern_share);
        return CSB_TONE_CONCERN;
    }
    if (opening && share >= r->verdict.opening_share) {
        g_string_append_printf(reason, " at least %.2g, and it opens with a concern",
                               r->verdict.opening_share);
        return CSB_TONE_CONCERN;
    }
    if (N < r->verdict.concern_minimum) {
        g_string_append_printf(reason, ", concern under %.2g", r->verdict.concern_minimum);
        return CSB_TONE_STRENGTH;
    }
    if (P < r->verdict.strength_minimum) {
        g_string_append_printf(reason, ", strength under %.2g", r->verdict.strength_minimum);
        return CSB_TONE_CONCERN;
    }
    return CSB_TONE_MIXED;
}

/* Each sentence's weight per side, capped, into pos and neg (n each). */
static void weigh_sentences(const Reading *rd, guint n, double *pos, double *neg)
{
    for (guint i = 0; i < rd->signals->len; i++) {
        const Signal *s = &g_array_index(rd->signals, Signal, i);
        if (s->tone == CSB_TONE_STRENGTH)
            pos[s->sentence] += s->weight;
        else if (s->tone == CSB_TONE_CONCERN)
            neg[s->sentence] += s->weight;
    }
    for (guint i = 0; i < n; i++) {
        pos[i] = MIN(pos[i], rd->r->weight.sentence_cap);
        neg[i] = MIN(neg[i], rd->r->weight.sentence_cap);
    }
}

/* The paragraph's verdict from its sentences' weights. */
static CsbTone verdict(const Reading *rd, const char *text, guint n, const double *pos,
                       const double *neg, const char *rec, GString *v, GArray **dec)
{
    const CsbToneRules *r = rd->r;
    double P = 0, N = 0;
    gboolean negated = FALSE; /* a negated concern counted for neither side */
    for (guint i = 0; i < rd->signals->len; i++)
        negated |= g_array_index(rd->signals, Signal, i).negated_concern;
    for (guint i = 0; i < n; i++) {
        P += pos[i];
        N += neg[i];
    }
    CsbTone tone;
    if (rec) {
        tone = CSB_TONE_CONCERN;
        g_string_append_printf(v, "concern: a recommendation (%s)", rec);
        *dec = g_array_new(FALSE, FALSE, sizeof(guint));
        guint first = 0;
        g_array_append_val(*dec, first);
    } else if (P <= 0 && N <= 0 && negated) {
        tone = CSB_TONE_NEUTRAL;
        g_string_append(v, "neutral: only negated concerns, which praise as often as they "
                           "criticise");
        *dec = g_array_new(FALSE, FALSE, sizeof(guint));
    } else if (P <= 0 && N <= 0) {
        int k = numbers(text);
        tone = r->verdict.statistics && k >= r->verdict.statistics ? CSB_TONE_NEUTRAL
                                                                   : r->verdict.no_cue;
        g_string_append_printf(v, "%s: no cue either way, %s", csb_tone_id(tone),
                               tone == CSB_TONE_NEUTRAL && k >= r->verdict.statistics
                                   ? "statistics"
                                   : "a description of practice");
        *dec = g_array_new(FALSE, FALSE, sizeof(guint));
    } else {
        GString *reason = g_string_new(NULL);
        tone = weigh(r, P, N, n && neg[0] > 0 && pos[0] <= 0, reason);
        g_string_append_printf(v, "%s: ", csb_tone_id(tone));
        if (P > 0)
            append_side(v, "strength", P, pos, n);
        if (P > 0 && N > 0)
            g_string_append(v, ", ");
        if (N > 0)
            append_side(v, "concern", N, neg, n);
        g_string_append_printf(v, "; %s", reason->str);
        g_string_free(reason, TRUE);
        *dec = decisive(tone, pos, neg, n);
    }
    return tone;
}

/* The learned layer's tone for what the rules read (features filled
 * when not NULL), its reasons appended to why; the rules' tone when no
 * model is loaded and no features are asked for. */
static CsbTone learned(const Reading *rd, CsbTone rules, guint n, const double *pos,
                       const double *neg, const char *text, GHashTable *features,
                       GPtrArray *why)
{
    const CsbToneModel *m = rd->r->model;
    if (!m && !features)
        return rules;
    CsbToneReading seen = rd->seen;
    seen.text = text;
    seen.sentences = n;
    seen.pos = pos;
    seen.neg = neg;
    seen.rules = rules;
    GHashTable *f = features ? features : csb_tone_features_new();
    /* Words only when asked for (training reads them) or weighed. */
    csb_tone_features(&seen, f, features != NULL || (m && csb_tone_model_reads_words(m)));
    CsbTone tone = m ? csb_tone_model_decide(m, f, why) : rules;
    if (!features)
        g_hash_table_destroy(f);
    return tone;
}

CsbTone csb_themes_classify_in(const CsbThemeLibrary *lib, const char *text, const char *section,
                               GPtrArray *why)
{
    return csb_themes_classify_read(lib, text, section, why, NULL, NULL);
}

CsbTone csb_themes_classify_read(const CsbThemeLibrary *lib, const char *text,
                                 const char *section, GPtrArray *why, GHashTable *features,
                                 gboolean *fixed)
{
    const CsbToneRules *r = lib->tone;
    const char *context = section_in(r->context_sections, section);
    if (fixed)
        *fixed = context != NULL;
    if (context) {
        if (why)
            g_ptr_array_add(why, g_strdup_printf("verdict: neutral: the section '%s' gives "
                                                 "context",
                                                 section));
        return CSB_TONE_NEUTRAL;
    }
    Reading rd = {lib, r, g_array_new(FALSE, FALSE, sizeof(Signal)), {0}};
    GArray *sent = csb_sentences(text);
    guint n = sent->len / 2;
    for (guint i = 0; i < n; i++) {
        gsize a = g_array_index(sent, gsize, 2 * i), b = g_array_index(sent, gsize, 2 * i + 1);
        char *s = g_strndup(text + a, b - a);
        read_sentence(&rd, s, i);
        remedied(&rd, s, i);
        g_free(s);
    }
    char *rec = NULL;
    const char *rec_section = section_in(r->recommendation_sections, section);
    const char *rec_word = imperative(r, text);
    if (rec_section)
        rec = g_strdup_printf("under '%s'", section);
    else if (rec_word)
        rec = g_strdup_printf("'%s' opens it", rec_word);
    GString *v = g_string_new("verdict: ");
    GArray *dec = NULL;
    double *pos = g_new0(double, n + 1), *neg = g_new0(double, n + 1);
    weigh_sentences(&rd, n, pos, neg);
    CsbTone tone = verdict(&rd, text, n, pos, neg, rec, v, &dec);
    GPtrArray *model_why = why ? g_ptr_array_new_with_free_func(g_free) : NULL;
    /* A paragraph with no cue on either side is the rules' to call: the
     * layer weighs what the rules read, and they read no evaluation. */
    gboolean weighed = FALSE;
    for (guint i = 0; i < n; i++)
        weighed |= pos[i] > 0 || neg[i] > 0;
    if (fixed)
        *fixed = rec != NULL || !weighed;
    if (!rec) {
        CsbTone got = learned(&rd, tone, n, pos, neg, text, features, model_why);
        if (!weighed) {
            got = tone;
            if (model_why)
                g_ptr_array_set_size(model_why, 0);
        }
        if (got != tone) {
            g_array_free(dec, TRUE);
            dec = decisive(got, pos, neg, n);
            char *rules = g_strdup(v->str + strlen("verdict: "));
            g_string_printf(v, "verdict: %s by the learned layer, over the rules' %s",
                            csb_tone_id(got), rules);
            g_free(rules);
        }
        tone = got;
    }
    if (dec->len) {
        g_string_append_printf(v, "; decided by sentence%s ", dec->len > 1 ? "s" : "");
        append_list(v, dec);
    }
    g_free(pos);
    g_free(neg);
    for (guint i = 0; i < rd.signals->len; i++) {
        Signal *s = &g_array_index(rd.signals, Signal, i);
        if (why)
            g_ptr_array_add(why, s->why);
        else
            g_free(s->why);
    }
    if (why) { /* the learned layer's reasons, then the verdict, last */
        g_ptr_array_extend_and_steal(why, model_why);
        g_ptr_array_add(why, g_string_free(v, FALSE));
    } else {
        g_string_free(v, TRUE);
    }
    g_array_free(dec, TRUE);
    g_free(rec);
    g_array_free(rd.signals, TRUE);
    g_array_free(sent, TRUE);
    return tone;
}

GArray *csb_tone_why_sentences(const GPtrArray *why)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; why && i < why->len; i++) {
        const char *s = why->pdata[i];
        const char *at = g_str_has_prefix(s, "verdict:") ? strstr(s, "decided by sentence") : NULL;
        if (!at)
            continue;
        at += strlen("decided by sentence");
        if (*at == 's')
            at++;
        while (*at) {
            char *end = NULL;
            guint64 k = g_ascii_strtoull(at, &end, 10);
            if (end == at || k == 0)
                break;
            guint idx = (guint)(k - 1);
            g_array_append_val(out, idx);
            at = end;
            while (*at == ',' || *at == ' ')
                at++;
        }
    }
    return out;
}
