/* quote.c - faithful quotation: sentences of a paragraph, shortening a
 * paragraph to its sentences that matter (those that decided its tone, then
 * those that carry a theme's phrases, then the opening one) with an
 * ellipsis for each gap, and checking that a quote is the source's own
 * words, cut only at sentence boundaries.
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

/* Keep sentence i of sent when it fits (the first kept always does). */
static void keep_one(const GArray *sent, guint i, gboolean *keep, int *used, int max_chars)
{
    gsize a = g_array_index(sent, gsize, 2 * i), b = g_array_index(sent, gsize, 2 * i + 1);
    int len = (int)(b - a);
    if (!keep[i] && (*used == 0 || *used + len <= max_chars)) {
        keep[i] = TRUE;
        *used += len + 1;
    }
}

/* Shorten text to its sentences: first those listed in first (indices),
 * then those carrying one of phrases, then the opening one, as many as fit
 * in about max_chars; each gap marked with an ellipsis. */
static char *shorten(const char *text, const GArray *first, const GPtrArray *phrases,
                     int max_chars)
{
    GArray *sent = csb_sentences(text);
    guint n = sent->len / 2;
    gboolean *keep = g_new0(gboolean, n ? n : 1);
    int used = 0;
    for (guint k = 0; first && k < first->len; k++)
        if (g_array_index(first, guint, k) < n)
            keep_one(sent, g_array_index(first, guint, k), keep, &used, max_chars);
    for (guint i = 0; i < n; i++) {
        gsize a = g_array_index(sent, gsize, 2 * i), b = g_array_index(sent, gsize, 2 * i + 1);
        char *s = g_strndup(text + a, b - a);
        if (csb_themes_text_has_phrase(s, phrases))
            keep_one(sent, i, keep, &used, max_chars);
        g_free(s);
    }
    if (n)
        keep_one(sent, 0, keep, &used, max_chars);
    GString *q = g_string_new(NULL);
    gboolean gap = FALSE;
    for (guint i = 0; i < n; i++) {
        if (!keep[i]) {
            gap = TRUE;
            continue;
        }
        gsize a = g_array_index(sent, gsize, 2 * i), b = g_array_index(sent, gsize, 2 * i + 1);
        if (q->len)
            g_string_append(q, gap ? " " ELLIPSIS " " : " ");
        else if (gap)
            g_string_append(q, ELLIPSIS " ");
        g_string_append_len(q, text + a, (gssize)(b - a));
        gap = FALSE;
    }
    if (gap)
        g_string_append(q, " " ELLIPSIS);
    g_free(keep);
    g_array_free(sent, TRUE);
    return g_string_free(q, FALSE);
}

char *csb_themes_quote(const char *text, const GPtrArray *phrases, int max_chars)
{
    if ((int)strlen(text) <= max_chars)
        return g_strdup(text);
    return shorten(text, NULL, phrases, max_chars);
}

char *csb_themes_quote_why(const char *text, const GPtrArray *phrases, const GPtrArray *why,
                           int max_chars)
{
    if ((int)strlen(text) <= max_chars)
        return g_strdup(text);
    GArray *decided = csb_tone_why_sentences(why);
    char *q = shorten(text, decided, phrases, max_chars);
    g_array_free(decided, TRUE);
    return q;
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
