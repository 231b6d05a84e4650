/* tone_verdict.c - a paragraph's tone from its sentences' readings
 * (tone.c), by the rules of templates/cues.yaml: a context section is
 * neutral, a recommendation a concern; otherwise each sentence gives at
 * most sentence_cap to each side, one side only decides, and with both
 * sides the concern share of the weight (each side counted up to side_cap)
 * decides strength, mixed or concern; no cue: statistics are neutral,
 * anything else no_cue. The learned layer (tone_model.c), when cues.yaml
 * names one, then decides over what the rules read, but not for a
 * paragraph with no cue. Every signal and the verdict go into why, naming
 * the sentences that decided; the same reading, each sentence's weights and
 * those that decided, goes into a CsbToneResult when one is asked for.
 */
#include "tone_reading.h"

#include <string.h>

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

static gboolean word_in(const char *word, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(word, *list) == 0)
            return TRUE;
    return FALSE;
}

/* Is the opening phrase of sentence w (words [from, ...)) the subject of a
 * verb, not an imperative: "Work with care leavers who are highly
 * vulnerable is diligent"? So when a finite verb comes before any word
 * opening a clause of purpose or object ("Work with partners to ensure
 * that there is ..."); one right after "who" or "which" is a relative
 * clause's. */
static gboolean opens_subject(const CsbWords *w, guint from)
{
    static const char *const clause[] = {"to", "that", "so", "order", "whether", "how",
                                         "where", "when", "if", "because", NULL};
    static const char *const finite[] = {"is", "are", "was", "were", "has", "have", NULL};
    static const char *const relative[] = {"who", "which", NULL};
    for (guint i = from; i < csb_words_count(w); i++) {
        const char *word = csb_words_at(w, i);
        if (word_in(word, clause))
            return FALSE;
        if (word_in(word, relative))
            i++; /* "who are" */
        else if (word_in(word, finite))
            return TRUE;
    }
    return FALSE;
}

/* The imperative that opens text ("Ensure that ..."), or NULL. */
static const char *imperative(const CsbToneRules *r, const char *text)
{
    const char *p = text;
    while (*p && !g_unichar_isalnum(g_utf8_get_char(p)))
        p = g_utf8_next_char(p);
    if (!g_unichar_isupper(g_utf8_get_char(p)))
        return NULL;
    const char *stop = strstr(p, ". ");
    char *head = g_strndup(p, stop ? (gsize)(stop - p) : strlen(p)); /* its first sentence */
    CsbWords *w = csb_words_new(head);
    const char *hit = NULL;
    guint len = csb_phrase_set_match(r->imperatives, w, 0, NULL, &hit);
    if (!len || opens_subject(w, len))
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

/* The tag (recommendations: tags) a paragraph carries to mark a shortfall
 * it describes as one inspectors recommend action on ("... is not
 * separately recorded. (Recommendation)"), or NULL. */
static const char *recommendation_tag(const CsbToneRules *r, const char *text)
{
    if (!r->recommendation_tags->len)
        return NULL;
    char *form = csb_themes_match_form(text);
    const char *hit = NULL;
    for (guint i = 0; i < r->recommendation_tags->len && !hit; i++)
        if (strstr(form, r->recommendation_tags->pdata[i]))
            hit = r->recommendation_tags->pdata[i];
    g_free(form);
    return hit;
}

/* A later reading overrules the verdict line v ("verdict: <rules'>"):
 * v becomes "verdict: <how> <rules'>", and dec the sentences that decide
 * tone to. */
static void overrule(GString *v, GArray **dec, CsbTone to, const double *pos,
                     const double *neg, guint n, const char *how)
{
    g_array_free(*dec, TRUE);
    *dec = decisive(to, pos, neg, n);
    char *was = g_strdup(v->str + strlen("verdict: "));
    g_string_printf(v, "verdict: %s %s", how, was);
    g_free(was);
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

/* The reading into res (when not NULL): each sentence's span and
 * weights, the sentences that decided (dec) and how the tone was come to. */
static void fill_result(CsbToneResult *res, CsbTone tone, const GArray *sent, const double *pos,
                        const double *neg, const GArray *dec, gboolean rec, gboolean learned)
{
    if (!res)
        return;
    res->tone = tone;
    res->recommendation = rec;
    res->learned = learned;
    for (guint i = 0; i < sent->len / 2; i++) {
        CsbToneSentence s = {g_array_index(sent, gsize, 2 * i),
                             g_array_index(sent, gsize, 2 * i + 1), pos[i], neg[i], FALSE};
        g_array_append_val(res->sentences, s);
    }
    for (guint k = 0; k < dec->len; k++) {
        guint i = g_array_index(dec, guint, k);
        g_array_append_val(res->decided, i);
        if (i < res->sentences->len)
            g_array_index(res->sentences, CsbToneSentence, i).decided = TRUE;
    }
}

/* csb_themes_classify_read, its reading into res when not NULL. */
static CsbTone classify(const CsbThemeLibrary *lib, const char *text, const char *section,
                        GPtrArray *why, GHashTable *features, gboolean *fixed,
                        CsbToneResult *res)
{
    const CsbToneRules *r = lib->tone;
    const char *context = section_in(r->context_sections, section);
    if (fixed)
        *fixed = context != NULL;
    if (context) {
        if (res)
            res->tone = CSB_TONE_NEUTRAL;
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
        tone_read_sentence(&rd, s, i);
        tone_remedied(&rd, s, i);
        tone_responded(&rd, s, i);
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
    gboolean overruled = FALSE; /* by the learned layer */
    if (!rec) {
        CsbTone got = learned(&rd, tone, n, pos, neg, text, features, model_why);
        if (!weighed) {
            got = tone;
            if (model_why)
                g_ptr_array_set_size(model_why, 0);
        }
        if (got != tone) {
            char *how = g_strdup_printf("%s by the learned layer, over the rules'",
                                        csb_tone_id(got));
            overrule(v, &dec, got, pos, neg, n, how);
            g_free(how);
            overruled = TRUE;
        }
        tone = got;
        /* A paragraph of praise that tags a shortfall as a recommendation
         * is mixed: the readers never called one a strength. */
        const char *tag = tone == CSB_TONE_STRENGTH ? recommendation_tag(r, text) : NULL;
        if (tag) {
            char *how = g_strdup_printf("mixed: its shortfall is tagged '%s', over", tag);
            overrule(v, &dec, CSB_TONE_MIXED, pos, neg, n, how);
            g_free(how);
            tone = CSB_TONE_MIXED;
        }
    }
    if (dec->len) {
        g_string_append_printf(v, "; decided by sentence%s ", dec->len > 1 ? "s" : "");
        append_list(v, dec);
    }
    fill_result(res, tone, sent, pos, neg, dec, rec != NULL, overruled);
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

CsbTone csb_themes_classify_read(const CsbThemeLibrary *lib, const char *text,
                                 const char *section, GPtrArray *why, GHashTable *features,
                                 gboolean *fixed)
{
    return classify(lib, text, section, why, features, fixed, NULL);
}

CsbToneResult *csb_themes_classify_result(const CsbThemeLibrary *lib, const char *text,
                                          const char *section, GPtrArray *why)
{
    CsbToneResult *res = g_atomic_rc_box_new0(CsbToneResult);
    res->sentences = g_array_new(FALSE, FALSE, sizeof(CsbToneSentence));
    res->decided = g_array_new(FALSE, FALSE, sizeof(guint));
    classify(lib, text, section, why, NULL, NULL, res);
    return res;
}

CsbToneResult *csb_tone_result_ref(CsbToneResult *r)
{
    return g_atomic_rc_box_acquire(r);
}

static void tone_result_clear(gpointer p)
{
    CsbToneResult *r = p;
    g_array_free(r->sentences, TRUE);
    g_array_free(r->decided, TRUE);
}

void csb_tone_result_free(CsbToneResult *r)
{
    if (r)
        g_atomic_rc_box_release_full(r, tone_result_clear);
}

CsbTone csb_tone_sentence_tone(const CsbToneSentence *s)
{
    if (s->strength > 0 && s->concern > 0)
        return CSB_TONE_MIXED;
    if (s->strength > 0)
        return CSB_TONE_STRENGTH;
    return s->concern > 0 ? CSB_TONE_CONCERN : CSB_TONE_NEUTRAL;
}
