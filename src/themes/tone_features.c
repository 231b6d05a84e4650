/* tone_features.c - the features of the learned tone layer: what the rules
 * read in a paragraph (tone.c's CsbToneReading) turned into named numbers,
 * the names being plain words since they are quoted in why: the rules'
 * verdict, each side's weight and its spread over the sentences (opening,
 * closing, net-positive and net-negative sentences), counts of what
 * qualifies a cue (quantifiers, concessions, contrasts, negations,
 * remedies, caveats), the length, and each word and pair of words present,
 * anywhere ("w: however") and in a sentence whose concern outweighs its
 * praise ("shortfall w: children"). Which of them count, and how much, is
 * the model's (tone_model.c, trained by tests/tone/train.py).
 */
#include "themes.h"

GHashTable *csb_tone_features_new(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

static void set(GHashTable *f, const char *name, double v)
{
    if (v == 0)
        return; /* absent means 0 */
    double *p = g_new(double, 1);
    *p = v;
    g_hash_table_replace(f, g_strdup(name), p);
}

static void words(GHashTable *f, const char *prefix, const char *text)
{
    CsbWords *w = csb_words_new(text);
    for (guint i = 0; i < csb_words_count(w); i++) {
        char *one = g_strdup_printf("%s%s", prefix, csb_words_at(w, i));
        set(f, one, 1);
        g_free(one);
        if (i + 1 < csb_words_count(w)) {
            char *two = g_strdup_printf("%s%s %s", prefix, csb_words_at(w, i),
                                        csb_words_at(w, i + 1));
            set(f, two, 1);
            g_free(two);
        }
    }
    csb_words_free(w);
}

/* The words of the sentences whose concern outweighs their praise. */
static void shortfall_words(GHashTable *f, const CsbToneReading *rd)
{
    GArray *sent = csb_sentences(rd->text);
    for (guint i = 0; i < sent->len / 2 && i < rd->sentences; i++) {
        if (rd->neg[i] <= rd->pos[i])
            continue;
        gsize a = g_array_index(sent, gsize, 2 * i), b = g_array_index(sent, gsize, 2 * i + 1);
        char *s = g_strndup(rd->text + a, b - a);
        words(f, "shortfall w: ", s);
        g_free(s);
    }
    g_array_free(sent, TRUE);
}

static void counts(GHashTable *f, const CsbToneReading *rd)
{
    set(f, "quantifiers", rd->quantifiers);
    set(f, "concessions", rd->concessions);
    set(f, "contrasts", rd->contrasts);
    set(f, "a contrast opens a sentence", rd->contrast_opens);
    set(f, "negations", rd->negations);
    set(f, "remedies", rd->remedies);
    set(f, "caveats", rd->caveats);
    set(f, "conditionals", rd->conditionals);
    set(f, "purposes", rd->purposes);
    set(f, "weak cues", rd->weak);
    set(f, "constructions", rd->constructions);
    set(f, "harms prevented", rd->mitigated);
}

/* Each side's weight and how it falls over the sentences. */
static void sides(GHashTable *f, const CsbToneReading *rd)
{
    guint n = rd->sentences;
    double P = 0, N = 0, top_p = 0, top_n = 0;
    int plus = 0, minus = 0, both = 0, pure_minus = 0, minus_after_plus = 0;
    for (guint i = 0; i < n; i++) {
        P += rd->pos[i];
        N += rd->neg[i];
        top_p = MAX(top_p, rd->pos[i]);
        top_n = MAX(top_n, rd->neg[i]);
        plus += rd->pos[i] > rd->neg[i];
        minus += rd->neg[i] > rd->pos[i];
        both += rd->pos[i] > 0 && rd->neg[i] > 0;
        pure_minus += rd->neg[i] > 0 && rd->pos[i] <= 0;
        minus_after_plus += rd->neg[i] > rd->pos[i] && plus > 0;
    }
    set(f, "strength weight", P);
    set(f, "concern weight", N);
    set(f, "no cue", P + N <= 0);
    set(f, "both sides", P > 0 && N > 0);
    double share = P + N > 0 ? N / (P + N) : 0;
    set(f, "concern share", share);
    set(f, "balance of the sides", P > 0 && N > 0 ? 1 - ABS(2 * share - 1) : 0);
    set(f, "weightiest strength sentence", top_p);
    set(f, "weightiest concern sentence", top_n);
    set(f, "net-positive sentences", plus);
    set(f, "net-negative sentences", minus);
    set(f, "sentences with both sides", both);
    set(f, "sentences with concern only", pure_minus);
    set(f, "a net-negative sentence after praise", minus_after_plus > 0);
    set(f, "share of sentences net-negative", n ? (double)minus / n : 0);
    if (n) {
        set(f, "opening sentence net concern", rd->neg[0] > rd->pos[0]);
        set(f, "opening sentence net strength", rd->pos[0] > rd->neg[0]);
    }
    if (n > 1) {
        set(f, "closing sentence net concern", rd->neg[n - 1] > rd->pos[n - 1]);
        set(f, "closing sentence net strength", rd->pos[n - 1] > rd->neg[n - 1]);
    }
    set(f, "sentences", n);
}

void csb_tone_features(const CsbToneReading *rd, GHashTable *f, gboolean with_words)
{
    char *verdict = g_strdup_printf("rules say %s", csb_tone_id(rd->rules));
    set(f, verdict, 1);
    g_free(verdict);
    sides(f, rd);
    counts(f, rd);
    CsbWords *w = csb_words_new(rd->text);
    set(f, "words (hundreds)", csb_words_count(w) / 100.0);
    csb_words_free(w);
    if (with_words) {
        words(f, "w: ", rd->text);
        shortfall_words(f, rd);
    }
}
