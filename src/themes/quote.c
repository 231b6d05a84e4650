/* quote.c - faithful quotation: sentences of a paragraph, the sentences
 * of a paragraph on a theme (those carrying its phrases, with the
 * sentences their back-references need and those pointing back to them),
 * shortening a paragraph, or those of its sentences a theme's evidence is
 * by, to its sentences that matter (first those that earned its label and
 * its theme, up to half as much again as the budget, each with the
 * sentence a back-reference needs; then, within the budget, the rest that
 * decided its tone, those that carry a theme's phrases and the opening
 * one) with an ellipsis for each gap, and checking that a quote is the
 * source's own words, cut only at sentence boundaries.
 */
#include "themes.h"

#include <string.h>

#define ELLIPSIS "\u2026"

/* Words after which a full stop does not end a sentence. */
static const char *const abbreviations[] = {"mr", "mrs", "ms", "dr", "st", "no", "e.g", "i.e",
                                            "cf", "vs", "para", "paras"};

static gboolean after_abbreviation(const char *text, gsize dot)
{
    gsize a = dot;
    while (a > 0 && (g_ascii_isalpha(text[a - 1]) || text[a - 1] == '.'))
        a--;
    if (a == dot)
        return FALSE;
    char *w = g_ascii_strdown(text + a, (gssize)(dot - a));
    gboolean hit = FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(abbreviations) && !hit; i++)
        hit = strcmp(w, abbreviations[i]) == 0;
    /* A single letter is an initial ("J. Smith"). */
    hit = hit || (dot - a == 1 && g_ascii_isupper(text[a]));
    g_free(w);
    return hit;
}

GArray *csb_sentences(const char *text)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(gsize));
    gsize n = strlen(text), start = 0;
    while (start < n && g_ascii_isspace(text[start]))
        start++;
    for (gsize i = start; i < n; i++) {
        char c = text[i];
        if (c != '.' && c != '?' && c != '!')
            continue;
        /* Closing quotes and brackets stay with the sentence they close. */
        gsize end = i + 1;
        while (end < n && (text[end] == '"' || text[end] == ')' || text[end] == '\''))
            end++;
        if (g_str_has_prefix(text + end, "\u2019") || g_str_has_prefix(text + end, "\u201D"))
            end += 3;
        if (end >= n || text[end] != ' ')
            continue;
        const char *next = text + end + 1;
        gunichar u = g_utf8_get_char(next);
        /* A sentence ends where the next word starts a new one. */
        if (!g_unichar_isupper(u) && !g_unichar_isdigit(u) && u != 0x2018 && u != '\'' &&
            u != '"' && u != 0x201C && u != '(')
            continue;
        if (c == '.' && after_abbreviation(text, i))
            continue;
        g_array_append_val(out, start);
        g_array_append_val(out, end);
        start = end + 1;
        i = end;
    }
    if (start < n) {
        gsize end = n;
        while (end > start && g_ascii_isspace(text[end - 1]))
            end--;
        g_array_append_val(out, start);
        g_array_append_val(out, end);
    }
    return out;
}

/* ---- shortening ------------------------------------------------------ */

/* Openings that point back to the sentence before ("These limitations",
 * "For these children", "However"): quoted without it they lose their
 * referent. */
static const char *const back_openers[] = {
    "this ",      "these ",     "those ",        "such ",        "however",     "they ",
    "their ",     "them ",      "its ",
    "that ",      "both ",      "for these ",    "for this ",    "for them",    "for those ",
    "in these ",  "in this ",   "in such ",      "of these ",    "despite this", "as a result",
    "as such",    "therefore",  "consequently",  "nevertheless", "nonetheless", "thus"};

/* "It" points back to the sentence before ("It is well used by staff",
 * "It has improved") unless it stands for what follows it (a dummy "it"):
 * a verb of being (it_verbs), perhaps some adverbs (it_adverbs), then
 * "that" ("It appears that"), a word of judgement and what it judges ("It
 * is clear that", "It is too early to", "It is not yet clear whether":
 * it_judgements, it_clauses; or "It is acknowledged by the local
 * authority that", a few words aside first: it_asides), or a noun of
 * judgement and what it judges ("It is a strength that": it_nouns). */
static const char *const it_verbs[] = {
    "is", "was", "has been", "had been", "will be", "would be", "may be", "might be", "can be",
    "could be", "should be", "must be", "remains", "remained", "seems", "seemed", "appears",
    "appeared", "becomes", "became"};
static const char *const it_adverbs[] = {
    "not", "also", "now", "still", "always", "too", "very", "particularly", "especially",
    "equally", "therefore", "yet", "already", "clearly", "increasingly", "often", "sometimes",
    "so", "less", "more", "highly", "entirely", "quite", "however", "perhaps", "thus"};
static const char *const it_judgements[] = {
    "clear", "unclear", "evident", "apparent", "obvious", "positive", "important", "essential",
    "vital", "crucial", "critical", "necessary", "significant", "notable", "noteworthy",
    "encouraging", "concerning", "disappointing", "worrying", "difficult", "hard", "easy",
    "possible", "impossible", "likely", "unlikely", "early", "soon", "late", "recognised",
    "acknowledged", "reported", "agreed", "noted", "expected", "understood", "known",
    "accepted", "anticipated", "planned", "intended", "hoped", "usual", "unusual", "useful",
    "helpful", "beneficial", "right", "appropriate", "inappropriate", "reasonable", "striking",
    "pleasing", "commendable", "regrettable", "unfortunate", "surprising", "timely",
    "advisable", "desirable"};
static const char *const it_clauses[] = {"that", "to",   "whether", "how", "why", "what",
                                         "where", "when", "who",    "if",  "for", "from"};
static const char *const it_asides[] = {"by", "to", "in", "among", "amongst", "across"};
static const char *const it_nouns[] = {"strength", "weakness",  "concern",   "positive",
                                       "shortfall", "credit",   "testament", "pity",
                                       "priority", "requirement", "matter"};

static gboolean word_in(const char *w, const char *const *list, guint n)
{
    for (guint k = 0; w && k < n; k++)
        if (strcmp(w, list[k]) == 0)
            return TRUE;
    return FALSE;
}

#define WORD_IN(w, list) word_in(w, list, G_N_ELEMENTS(list))

/* How many of words, from at, make one of the verbs ("has been": 2), or 0. */
static guint it_verb_at(const CsbWords *w, guint at)
{
    const char *one = csb_words_at(w, at), *next = csb_words_at(w, at + 1);
    if (one && next) {
        char *two = g_strdup_printf("%s %s", one, next);
        gboolean hit = WORD_IN(two, it_verbs);
        g_free(two);
        if (hit)
            return 2;
    }
    return WORD_IN(one, it_verbs) ? 1 : 0;
}

/* Is what follows a verb of being, from at, what a dummy "it" stands for:
 * "that ...", "clear that ...", "a (particular) strength that ..."? */
static gboolean it_stands_for(const CsbWords *w, guint at)
{
    while (WORD_IN(csb_words_at(w, at), it_adverbs))
        at++;
    const char *word = csb_words_at(w, at);
    if (!word)
        return FALSE;
    if (strcmp(word, "that") == 0)
        return TRUE;
    if (strcmp(word, "a") == 0 || strcmp(word, "an") == 0) {
        guint k = at + 1;
        if (csb_words_at(w, k) && !WORD_IN(csb_words_at(w, k), it_nouns))
            k++; /* one word before the noun: "a particular strength" */
        return WORD_IN(csb_words_at(w, k), it_nouns) &&
               WORD_IN(csb_words_at(w, k + 1), it_clauses);
    }
    if (!WORD_IN(word, it_judgements))
        return FALSE;
    if (WORD_IN(csb_words_at(w, at + 1), it_clauses))
        return TRUE;
    /* "acknowledged by the local authority that", "clear to leaders that" */
    if (!WORD_IN(csb_words_at(w, at + 1), it_asides))
        return FALSE;
    for (guint k = at + 2; csb_words_at(w, k) && k < at + 8; k++)
        if (strcmp(csb_words_at(w, k), "that") == 0 || strcmp(csb_words_at(w, k), "whether") == 0)
            return TRUE;
    return FALSE;
}

/* Does a sentence (lower case) open with an "it" that points back? */
static gboolean it_points_back(const char *low)
{
    if (!g_str_has_prefix(low, "it "))
        return FALSE;
    CsbWords *w = csb_words_new(low);
    guint verb = it_verb_at(w, 1);
    gboolean dummy = verb && it_stands_for(w, 1 + verb);
    csb_words_free(w);
    return !dummy;
}

/* Openings that turn against what came before: in a concern or mixed
 * paragraph the sentence is its concern even when no cue weighs it. */
static const char *const contrast_openers[] = {"however", "but ", "although", "though ",
                                               "despite", "nevertheless", "nonetheless", "yet "};

typedef struct {
    const char *text;
    const CsbTheme *theme; /* whose not-phrases do not count as its phrases, or NULL */
    GArray *sent;   /* start, end byte offsets per sentence */
    guint n;
    gboolean *keep;
    const gboolean *allowed; /* per sentence: may be quoted (NULL: every one) */
    int used;       /* characters kept, a space each */
    int max, cap;   /* the budget, and the most must-keep sentences may take */
} Pick;

static gboolean allowed(const Pick *pk, guint i)
{
    return !pk->allowed || pk->allowed[i];
}

static int sent_len(const Pick *pk, guint i)
{
    return (int)(g_array_index(pk->sent, gsize, 2 * i + 1) - g_array_index(pk->sent, gsize, 2 * i));
}

static char *sent_dup(const Pick *pk, guint i)
{
    gsize a = g_array_index(pk->sent, gsize, 2 * i);
    return g_strndup(pk->text + a, (gsize)sent_len(pk, i));
}

static gboolean opens_with(const Pick *pk, guint i, const char *const *list, guint n)
{
    char *s = sent_dup(pk, i);
    char *low = g_ascii_strdown(s, MIN((gssize)strlen(s), 24));
    gboolean hit = FALSE;
    for (guint k = 0; k < n && !hit; k++)
        hit = g_str_has_prefix(low, list[k]);
    g_free(low);
    g_free(s);
    return hit;
}

/* Does sentence i point back to the one before: by its opening, by an
 * "It" that is not a dummy one ("It is well used", not "It is clear
 * that"), or by "these" anywhere ("The providers have applied to register
 * these settings")? */
static gboolean opens_back(const Pick *pk, guint i)
{
    if (i == 0)
        return FALSE;
    if (opens_with(pk, i, back_openers, G_N_ELEMENTS(back_openers)))
        return TRUE;
    char *s = sent_dup(pk, i);
    char *low = g_ascii_strdown(s, -1);
    gboolean these = csb_text_has_word(low, "these") || it_points_back(low);
    g_free(low);
    g_free(s);
    return these;
}

static gboolean has_phrase(const Pick *pk, guint i, const GPtrArray *phrases)
{
    char *s = sent_dup(pk, i);
    gboolean hit = phrases && csb_theme_text_has_phrase(pk->theme, s, phrases);
    g_free(s);
    return hit;
}

/* The first sentence of a run ending at i that i's back-references need:
 * i itself, or the sentences before it while each points back (three at
 * most), as far as sentences may be quoted. */
static guint unit_start(const Pick *pk, guint i)
{
    guint a = i;
    while (a > 0 && i - a < 3 && opens_back(pk, a) && allowed(pk, a - 1))
        a--;
    return a;
}

/* Keep sentences a..i when each may be quoted and those not yet kept fit
 * in limit (the first kept always does). */
static gboolean keep_run(Pick *pk, guint a, guint i, int limit)
{
    int add = 0;
    for (guint k = a; k <= i; k++) {
        if (!allowed(pk, k))
            return FALSE;
        add += pk->keep[k] ? 0 : sent_len(pk, k) + 1;
    }
    if (pk->used && pk->used + add - 1 > limit)
        return FALSE;
    for (guint k = a; k <= i; k++)
        pk->keep[k] = TRUE;
    pk->used += add;
    return TRUE;
}

/* A sentence that may be left out: kept with the sentences its
 * back-reference needs, within the budget, or not at all. */
static void keep_optional(Pick *pk, guint i)
{
    if (i < pk->n && !pk->keep[i])
        keep_run(pk, unit_start(pk, i), i, pk->max);
}

/* Sentence i kept under the cap, with the sentences its back-reference
 * needs when they fit too. */
static gboolean keep_capped(Pick *pk, guint i)
{
    return pk->keep[i] || keep_run(pk, unit_start(pk, i), i, pk->cap) ||
           keep_run(pk, i, i, pk->cap);
}

/* A sentence that must stay: with what its back-reference needs when that
 * fits under the cap, else alone under the cap, else (force) alone. */
static void keep_must(Pick *pk, guint i, gboolean force)
{
    if (i >= pk->n || pk->keep[i])
        return;
    if (!keep_capped(pk, i) && force)
        keep_run(pk, i, i, G_MAXINT);
}

/* The first of order (indices) on side (a flag per sentence), or n. */
static guint first_on(const Pick *pk, const GArray *order, const gboolean *side)
{
    for (guint k = 0; order && k < order->len; k++) {
        guint i = g_array_index(order, guint, k);
        if (i < pk->n && side[i])
            return i;
    }
    return pk->n;
}

/* A flag per sentence for the sentences listed in idx. */
static gboolean *flags(const Pick *pk, const GArray *idx)
{
    gboolean *f = g_new0(gboolean, pk->n + 1);
    for (guint k = 0; idx && k < idx->len; k++)
        if (g_array_index(idx, guint, k) < pk->n)
            f[g_array_index(idx, guint, k)] = TRUE;
    return f;
}

/* The sentences (indices, in paragraph order) the rules weighed on side
 * (CSB_TONE_STRENGTH or CSB_TONE_CONCERN); none for a recommendation,
 * which is a concern by its form. */
static GArray *side_of(const CsbToneResult *rd, CsbTone side)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; !rd->recommendation && i < rd->sentences->len; i++) {
        const CsbToneSentence *s = &g_array_index(rd->sentences, CsbToneSentence, i);
        if ((side == CSB_TONE_STRENGTH ? s->strength : s->concern) > 0)
            g_array_append_val(out, i);
    }
    return out;
}

/* The sentences that earned the label tone: the weightiest of its side
 * (decided lists them weightiest first), both sides for mixed. A concern
 * or mixed paragraph's concern also counts a sentence opening with a
 * contrast, not weighed for strength alone, when the rules found no
 * concern or the learned layer gave the label (it reads such openings).
 * A strength keeps its concern too, when it has one and it fits. */
static void keep_label(Pick *pk, const CsbToneResult *rd)
{
    CsbTone tone = rd->tone;
    const GArray *decided = rd->decided;
    GArray *pos = side_of(rd, CSB_TONE_STRENGTH);
    GArray *neg = side_of(rd, CSB_TONE_CONCERN);
    gboolean *p = flags(pk, pos), *c = flags(pk, neg);
    gboolean concern = tone == CSB_TONE_CONCERN || tone == CSB_TONE_MIXED;
    gboolean strength = tone == CSB_TONE_STRENGTH || tone == CSB_TONE_MIXED;
    if (concern) {
        guint i = neg->len ? first_on(pk, decided, c) : pk->n;
        if (i == pk->n && decided && decided->len && tone == CSB_TONE_CONCERN)
            i = g_array_index(decided, guint, 0); /* a recommendation: its opening */
        keep_must(pk, i, TRUE);
        for (guint k = 1; (!neg->len || rd->learned) && k < pk->n; k++)
            if (allowed(pk, k) && !(p[k] && !c[k]) && opens_with(pk, k, contrast_openers,
                                               G_N_ELEMENTS(contrast_openers))) {
                keep_must(pk, k, FALSE);
                break;
            }
    }
    if (strength)
        keep_must(pk, pos->len ? first_on(pk, decided, p) : pk->n, TRUE);
    /* A strength with a concern in it (the learned layer's call over the
     * rules' mixed, or a concern outweighed), or a sentence turning against
     * it ("However, few ..."), keeps that sentence too, when it fits: a
     * quote does not hide what qualifies its label. */
    if (tone == CSB_TONE_STRENGTH) {
        guint first = pk->n;
        for (guint k = 0; k < neg->len && first == pk->n; k++)
            if (g_array_index(neg, guint, k) < pk->n && !p[g_array_index(neg, guint, k)])
                first = g_array_index(neg, guint, k);
        for (guint k = 1; first == pk->n && k < pk->n; k++)
            if (allowed(pk, k) && !p[k] &&
                opens_with(pk, k, contrast_openers, G_N_ELEMENTS(contrast_openers)))
                first = k;
        keep_must(pk, first, FALSE);
    }
    g_free(p);
    g_free(c);
    g_array_free(pos, TRUE);
    g_array_free(neg, TRUE);
}

/* One sentence carrying the theme's phrases, unless one is kept already:
 * the first the verdict names that fits under the cap, else the first in
 * the paragraph that does. */
static void keep_theme(Pick *pk, const GArray *decided, const GPtrArray *phrases)
{
    gboolean *th = g_new0(gboolean, pk->n + 1), done = FALSE;
    for (guint i = 0; i < pk->n; i++) {
        th[i] = has_phrase(pk, i, phrases);
        done |= th[i] && pk->keep[i];
    }
    for (guint k = 0; !done && decided && k < decided->len; k++) {
        guint i = g_array_index(decided, guint, k);
        done = i < pk->n && th[i] && keep_capped(pk, i);
    }
    for (guint i = 0; !done && i < pk->n; i++)
        done = th[i] && keep_capped(pk, i);
    g_free(th);
}

/* The kept sentences in order, each gap an ellipsis. */
static char *joined(const Pick *pk)
{
    GString *q = g_string_new(NULL);
    gboolean gap = FALSE;
    for (guint i = 0; i < pk->n; i++) {
        if (!pk->keep[i]) {
            gap = TRUE;
            continue;
        }
        if (q->len)
            g_string_append(q, gap ? " " ELLIPSIS " " : " ");
        else if (gap)
            g_string_append(q, ELLIPSIS " ");
        g_string_append_len(q, pk->text + g_array_index(pk->sent, gsize, 2 * i),
                            sent_len(pk, i));
        gap = FALSE;
    }
    if (gap)
        g_string_append(q, " " ELLIPSIS);
    return g_string_free(q, FALSE);
}

/* The first sentence that may be quoted, or n. */
static guint first_allowed(const Pick *pk)
{
    guint i = 0;
    while (i < pk->n && !allowed(pk, i))
        i++;
    return i;
}

/* Shorten the sentences that may be quoted. First those that must stay,
 * even past max_chars up to half as much again (the label's own sentences
 * even past that): the weightiest of the label's side (both sides for
 * mixed), and one carrying the theme's phrases, each with the sentence
 * before when it opens with a back-reference. Then, within max_chars, the
 * rest of those the verdict names, those carrying phrases and the opening
 * one, each only with the sentence before when it needs it. */
static void pick_sentences(Pick *pk, const CsbToneResult *rd, const GPtrArray *phrases)
{
    const GArray *decided = rd ? rd->decided : NULL;
    if (rd)
        keep_label(pk, rd);
    keep_theme(pk, decided, phrases);
    for (guint k = 0; decided && k < decided->len; k++)
        keep_optional(pk, g_array_index(decided, guint, k));
    for (guint i = 0; i < pk->n; i++)
        if (has_phrase(pk, i, phrases))
            keep_optional(pk, i);
    keep_optional(pk, first_allowed(pk));
}

/* Every sentence that may be quoted, when together they fit max_chars. */
static gboolean keep_all_fitting(Pick *pk)
{
    int len = 0;
    for (guint i = 0; i < pk->n; i++)
        len += allowed(pk, i) ? sent_len(pk, i) + 1 : 0;
    if (len - 1 > pk->max)
        return FALSE;
    for (guint i = 0; i < pk->n; i++)
        pk->keep[i] = allowed(pk, i);
    return TRUE;
}

/* reading (of part's sentences read alone: its sentence k is text's
 * part[k]) as a reading of text's n sentences: the others weigh nothing
 * and decided nothing. Its arrays are new. */
static CsbToneResult reading_in_text(const CsbToneResult *reading, const GArray *part, guint n)
{
    CsbToneResult r = *reading;
    r.sentences = g_array_new(FALSE, TRUE, sizeof(CsbToneSentence));
    g_array_set_size(r.sentences, n);
    r.decided = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint k = 0; k < part->len && k < reading->sentences->len; k++) {
        guint i = g_array_index(part, guint, k);
        if (i < n)
            g_array_index(r.sentences, CsbToneSentence, i) =
                g_array_index(reading->sentences, CsbToneSentence, k);
    }
    for (guint k = 0; k < reading->decided->len; k++) {
        guint d = g_array_index(reading->decided, guint, k);
        if (d < part->len && g_array_index(part, guint, d) < n)
            g_array_append_val(r.decided, g_array_index(part, guint, d));
    }
    return r;
}

/* The quote of text's sentences part (NULL: all), read by rd (part's
 * reading read alone when part is given; else text's), each gap an
 * ellipsis: all of part when it fits max_chars, else shortened. */
static char *shorten(const char *text, const CsbTheme *theme, const CsbToneResult *rd,
                     const GPtrArray *phrases, const GArray *part, int max_chars)
{
    Pick pk = {text, theme, csb_sentences(text), 0, NULL, NULL, 0, max_chars,
               max_chars + max_chars / 2};
    pk.n = pk.sent->len / 2;
    pk.keep = g_new0(gboolean, pk.n + 1);
    gboolean *allow = NULL;
    CsbToneResult in_text = {0};
    if (part) {
        allow = g_new0(gboolean, pk.n + 1);
        for (guint k = 0; k < part->len; k++)
            if (g_array_index(part, guint, k) < pk.n)
                allow[g_array_index(part, guint, k)] = TRUE;
        pk.allowed = allow;
        if (rd) {
            in_text = reading_in_text(rd, part, pk.n);
            rd = &in_text;
        }
    }
    if (!part || !keep_all_fitting(&pk))
        pick_sentences(&pk, rd, phrases);
    char *q = joined(&pk);
    if (in_text.sentences) {
        g_array_free(in_text.sentences, TRUE);
        g_array_free(in_text.decided, TRUE);
    }
    g_free(allow);
    g_free(pk.keep);
    g_array_free(pk.sent, TRUE);
    return q;
}

char *csb_themes_quote(const char *text, const GPtrArray *phrases, int max_chars)
{
    if ((int)strlen(text) <= max_chars)
        return g_strdup(text);
    return shorten(text, NULL, NULL, phrases, NULL, max_chars);
}

char *csb_themes_quote_why(const char *text, const GPtrArray *phrases,
                           const CsbToneResult *reading, int max_chars)
{
    return csb_theme_quote(NULL, text, phrases, reading, max_chars);
}

char *csb_theme_quote(const CsbTheme *theme, const char *text, const GPtrArray *phrases,
                      const CsbToneResult *reading, int max_chars)
{
    if ((int)strlen(text) <= max_chars)
        return g_strdup(text);
    return shorten(text, theme, reading, phrases, NULL, max_chars);
}

char *csb_theme_quote_part(const CsbTheme *theme, const char *text, const GPtrArray *phrases,
                           const CsbToneResult *reading, const GArray *part, int max_chars)
{
    if (!part)
        return csb_theme_quote(theme, text, phrases, reading, max_chars);
    return shorten(text, theme, reading, phrases, part, max_chars);
}

/* ---- the sentences on a theme ---------------------------------------- */

GArray *csb_theme_sentences(const CsbTheme *theme, const char *text)
{
    Pick pk = {text, theme, csb_sentences(text), 0, NULL, NULL, 0, 0, 0};
    pk.n = pk.sent->len / 2;
    gboolean *on = g_new0(gboolean, pk.n + 1);
    for (guint i = 0; i < pk.n; i++) {
        if (!has_phrase(&pk, i, theme->phrases) && !has_phrase(&pk, i, theme->finding_phrases))
            continue;
        for (guint k = unit_start(&pk, i); k <= i; k++)
            on[k] = TRUE;
        for (guint k = i + 1; k < pk.n && k - i <= 3 && opens_back(&pk, k); k++)
            on[k] = TRUE;
    }
    GArray *out = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < pk.n; i++)
        if (on[i])
            g_array_append_val(out, i);
    g_free(on);
    g_array_free(pk.sent, TRUE);
    return out;
}

char *csb_sentences_text(const char *text, const GArray *part)
{
    GArray *sent = csb_sentences(text);
    GString *out = g_string_new(NULL);
    for (guint k = 0; k < part->len; k++) {
        guint i = g_array_index(part, guint, k);
        if (2 * i + 1 >= sent->len)
            continue;
        gsize a = g_array_index(sent, gsize, 2 * i), b = g_array_index(sent, gsize, 2 * i + 1);
        if (out->len)
            g_string_append_c(out, ' ');
        g_string_append_len(out, text + a, (gssize)(b - a));
    }
    g_array_free(sent, TRUE);
    return g_string_free(out, FALSE);
}

/* ---- checking a quote ------------------------------------------------ */

/* The text with every whitespace character removed, and where sentences
 * start and end in it. */
typedef struct {
    GString *bare;
    gboolean *starts; /* per byte of bare, plus one past the end */
    gboolean *ends;
} Source;

static Source source_new(const char *text)
{
    Source s = {g_string_new(NULL), NULL, NULL};
    char *sq = csb_text_squash(text);
    gsize n = strlen(sq);
    gsize *bare_at = g_new(gsize, n + 1); /* squashed offset -> bare offset */
    for (gsize i = 0; i < n; i++) {
        bare_at[i] = s.bare->len;
        if (!g_ascii_isspace(sq[i]))
            g_string_append_c(s.bare, sq[i]);
    }
    bare_at[n] = s.bare->len;
    s.starts = g_new0(gboolean, s.bare->len + 1);
    s.ends = g_new0(gboolean, s.bare->len + 1);
    GArray *sent = csb_sentences(sq);
    for (guint i = 0; i + 1 < sent->len; i += 2) {
        s.starts[bare_at[g_array_index(sent, gsize, i)]] = TRUE;
        s.ends[bare_at[g_array_index(sent, gsize, i + 1)]] = TRUE;
    }
    g_array_free(sent, TRUE);
    g_free(bare_at);
    g_free(sq);
    return s;
}

static void source_clear(Source *s)
{
    g_string_free(s->bare, TRUE);
    g_free(s->starts);
    g_free(s->ends);
}

static char *bare(const char *s)
{
    GString *o = g_string_new(NULL);
    for (; *s; s++)
        if (!g_ascii_isspace(*s))
            g_string_append_c(o, *s);
    return g_string_free(o, FALSE);
}

/* Can pieces[k..] be found in src from byte pos on? An ellipsis between
 * pieces is a gap (the pieces either side must end and start sentences)
 * or, when the source itself has one there, its own words. */
static gboolean match_from(const Source *src, char **pieces, guint k, gsize pos,
                           gboolean lead_gap, gboolean tail_gap)
{
    guint n = g_strv_length(pieces);
    if (k == n)
        return TRUE;
    const char *t = src->bare->str;
    GString *run = g_string_new(pieces[k]);
    for (guint m = k; m < n; m++) {
        if (m > k)
            g_string_append_printf(run, ELLIPSIS "%s", pieces[m]);
        gboolean gap_before = k > 0 || lead_gap;
        gboolean gap_after = m + 1 < n || tail_gap;
        for (const char *hit = strstr(t + pos, run->str); hit; hit = strstr(hit + 1, run->str)) {
            gsize at = (gsize)(hit - t), end = at + run->len;
            gboolean start_ok = gap_before ? src->starts[at] : at == 0;
            gboolean end_ok = gap_after ? src->ends[end] : end == src->bare->len;
            if (!start_ok || !end_ok)
                continue;
            if (match_from(src, pieces, m + 1, end, lead_gap, tail_gap)) {
                g_string_free(run, TRUE);
                return TRUE;
            }
            break; /* the earliest fitting place is the best place */
        }
        if (!strstr(t, ELLIPSIS))
            break; /* the source has no ellipsis of its own to take in */
    }
    g_string_free(run, TRUE);
    return FALSE;
}

gboolean csb_quote_check(const char *quote, const char *text)
{
    char *q = bare(quote);
    gsize qn = strlen(q), el = strlen(ELLIPSIS);
    gboolean lead = g_str_has_prefix(q, ELLIPSIS), tail = qn > el && g_str_has_suffix(q, ELLIPSIS);
    char *body = g_strndup(q + (lead ? el : 0), qn - (lead ? el : 0) - (tail ? el : 0));
    char **pieces = g_strsplit(body, ELLIPSIS, -1);
    Source src = source_new(text);
    gboolean ok = *body && match_from(&src, pieces, 0, 0, lead, tail);
    source_clear(&src);
    g_strfreev(pieces);
    g_free(body);
    g_free(q);
    return ok;
}

gboolean csb_quote_is_faithful(const char *quote, const char *text)
{
    return csb_quote_check(quote, text);
}
