/* evidence.c - the paragraphs of a report that speak to a theme, ranked,
 * with faithful quotations: the report's own words, shortened only at
 * sentence boundaries with an ellipsis.
 */
#include "themes.h"

#include <string.h>

#define ELLIPSIS "\u2026"

GArray *csb_sentences(const char *text)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(gsize));
    gsize n = strlen(text), start = 0;
    while (start < n && text[start] == ' ')
        start++;
    for (gsize i = start; i < n; i++) {
        char c = text[i];
        if ((c == '.' || c == '?' || c == '!') && i + 2 < n && text[i + 1] == ' ') {
            /* A sentence ends where the next word starts a new one. */
            const char *next = text + i + 2;
            gunichar u = g_utf8_get_char(next);
            if (!g_unichar_isupper(u) && !g_unichar_isdigit(u) && u != 0x2018 && u != '\'' &&
                u != '"' && u != 0x201C)
                continue;
            /* Not after a one-letter initial or "e.g." style abbreviation. */
            if (i >= 2 && text[i - 2] == '.' )
                continue;
            gsize end = i + 1;
            g_array_append_val(out, start);
            g_array_append_val(out, end);
            start = i + 2;
        }
    }
    if (start < n) {
        g_array_append_val(out, start);
        g_array_append_val(out, n);
    }
    return out;
}

static gboolean sentence_has_phrase(const char *s, gsize len, const GPtrArray *phrases)
{
    char *lower = g_utf8_strdown(s, (gssize)len);
    gboolean hit = FALSE;
    for (guint i = 0; phrases && i < phrases->len && !hit; i++)
        hit = strstr(lower, phrases->pdata[i]) != NULL;
    g_free(lower);
    return hit;
}

char *csb_themes_quote(const char *text, const GPtrArray *phrases, int max_chars)
{
    if ((int)strlen(text) <= max_chars)
        return g_strdup(text);
    GArray *sent = csb_sentences(text);
    guint n = sent->len / 2;
    gboolean *keep = g_new0(gboolean, n ? n : 1);
    int used = 0;
    /* Sentences that carry the theme first, then the opening sentence. */
    for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < n; i++) {
            gsize a = g_array_index(sent, gsize, 2 * i), b = g_array_index(sent, gsize, 2 * i + 1);
            int len = (int)(b - a);
            gboolean want = pass == 0 ? sentence_has_phrase(text + a, b - a, phrases) : i == 0;
            if (!keep[i] && want && (used == 0 || used + len <= max_chars)) {
                keep[i] = TRUE;
                used += len + 1;
            }
        }
    if (!used && n)
        keep[0] = TRUE;
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

gboolean csb_quote_is_faithful(const char *quote, const char *text)
{
    char *t = csb_text_squash(text);
    char **pieces = g_strsplit(quote, ELLIPSIS, -1);
    const char *from = t;
    gboolean ok = TRUE;
    for (char **p = pieces; *p && ok; p++) {
        char *piece = csb_text_squash(*p);
        if (*piece) {
            const char *hit = strstr(from, piece);
            ok = hit != NULL;
            if (hit)
                from = hit + strlen(piece);
        }
        g_free(piece);
    }
    g_strfreev(pieces);
    g_free(t);
    return ok;
}

void csb_evidence_free(CsbEvidence *e)
{
    if (!e)
        return;
    g_ptr_array_free(e->phrases, TRUE);
    g_ptr_array_free(e->why, TRUE);
    g_free(e->quote);
    g_free(e);
}

static int tone_order(CsbTone t)
{
    switch (t) {
    case CSB_TONE_CONCERN:
        return 0;
    case CSB_TONE_MIXED:
        return 1;
    case CSB_TONE_STRENGTH:
        return 2;
    default:
        return 3;
    }
}

static gint evidence_cmp(gconstpointer a, gconstpointer b)
{
    const CsbEvidence *x = *(CsbEvidence *const *)a, *y = *(CsbEvidence *const *)b;
    int d = tone_order(x->tone) - tone_order(y->tone);
    if (d)
        return d;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->paragraph->number - y->paragraph->number;
}

GPtrArray *csb_themes_match(const CsbThemeLibrary *lib, const CsbTheme *theme,
                            const CsbInspection *in)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)csb_evidence_free);
    for (guint i = 0; i < in->paragraphs->len; i++) {
        const CsbParagraph *p = in->paragraphs->pdata[i];
        char *lower = g_utf8_strdown(p->text, -1);
        GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
        double score = 0;
        for (guint k = 0; k < theme->phrases->len; k++) {
            const char *ph = theme->phrases->pdata[k];
            int hits = 0;
            for (const char *s = strstr(lower, ph); s; s = strstr(s + 1, ph))
                if (s == lower || !g_ascii_isalnum(s[-1]))
                    hits++;
            if (hits) {
                g_ptr_array_add(found, g_strdup(ph));
                score += 1.0 + 0.5 * (hits - 1);
            }
        }
        g_free(lower);
        if (!found->len) {
            g_ptr_array_free(found, TRUE);
            continue;
        }
        CsbEvidence *e = g_new0(CsbEvidence, 1);
        e->inspection = in;
        e->paragraph = p;
        e->phrases = found;
        e->why = g_ptr_array_new_with_free_func(g_free);
        e->score = score;
        e->tone = csb_themes_classify(lib, p->text, e->why);
        e->quote = csb_themes_quote(p->text, found, 420);
        g_ptr_array_add(out, e);
    }
    g_ptr_array_sort(out, evidence_cmp);
    return out;
}
