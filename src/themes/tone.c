/* tone.c - a paragraph's sentences read one by one, by the rules of
 * templates/cues.yaml (kept in step with the documentation at its top):
 * constructions first (a double negative, "cannot be satisfied"), then
 * every cue outside them, with a mitigator before a concern making it
 * praise ("help to avoid delay"), a negator flipping it (classify.c), its
 * weight scaled by a weak cue, the nearest quantifier before it, a
 * concessive clause it sits in, a past marker in its clause and an
 * incidental phrase in its sentence; a negation that negates no cue is a
 * weak concern itself; a sentence saying the one before was put right
 * makes its concerns past. Each signal goes into why, naming its
 * sentence. tone_verdict.c weighs the sentences into the paragraph's tone.
 */
#include "tone_reading.h"

#include <string.h>

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

void tone_read_sentence(Reading *rd, const char *text, guint sentence)
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

/* The signals of `tone` in sentence `target` have their weight multiplied
 * by `factor`, and say why: "...; remedied: 'no longer the case' (sentence
 * 3), weight 0" (the phrase found in sentence `sentence`). */
static void reweigh(Reading *rd, guint target, CsbTone tone, double factor, const char *what,
                    const char *phrase, guint sentence)
{
    for (guint i = 0; i < rd->signals->len; i++) {
        Signal *s = &g_array_index(rd->signals, Signal, i);
        if (s->sentence != target || s->tone != tone || s->weight <= 0)
            continue;
        s->weight *= factor;
        char *why = g_strdup_printf("%s; %s: '%s' (sentence %u), weight %.2g", s->why, what,
                                    phrase, sentence + 1, s->weight);
        g_free(s->why);
        s->why = why;
    }
}

/* The first of `set`'s phrases in text, or NULL; *count, when given,
 * gains how many there are. */
static char *first_phrase(const CsbPhraseSet *set, const char *text, guint *count)
{
    CsbWords *w = csb_words_new(text);
    GArray *hits = csb_phrase_set_scan(set, w);
    char *found = hits->len ? g_strdup(g_array_index(hits, CsbPhraseHit, 0).text) : NULL;
    if (count)
        *count += hits->len;
    g_array_free(hits, TRUE);
    csb_words_free(w);
    return found;
}

/* A sentence saying the shortfall before it was put right ("This is no
 * longer the case", "Leaders took immediate action"): the concerns of the
 * sentence before count weights.past. */
void tone_remedied(Reading *rd, const char *text, guint sentence)
{
    if (!sentence || !rd->r->remedies)
        return;
    char *phrase = first_phrase(rd->r->remedies, text, &rd->seen.remedies);
    if (!phrase)
        return;
    reweigh(rd, sentence - 1, CSB_TONE_CONCERN, rd->r->weight.past, "remedied", phrase, sentence);
    g_free(phrase);
}

void tone_responded(Reading *rd, const char *text, guint sentence)
{
    if (!sentence || !rd->r->responses)
        return;
    gboolean raised = FALSE;
    for (guint i = 0; i < rd->signals->len && !raised; i++) {
        const Signal *s = &g_array_index(rd->signals, Signal, i);
        raised = s->sentence < sentence && s->tone == CSB_TONE_CONCERN && s->weight > 0;
    }
    char *phrase = raised ? first_phrase(rd->r->responses, text, NULL) : NULL;
    if (phrase)
        reweigh(rd, sentence, CSB_TONE_STRENGTH, rd->r->weight.response,
                "a response to a shortfall before it", phrase, sentence);
    g_free(phrase);
}
