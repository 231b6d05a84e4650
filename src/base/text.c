/* text.c - string helpers: loose name folding, whitespace squashing, edit
 * distance and "did you mean" suggestions, Unicode noncharacters.
 */
#include "base.h"

#include <string.h>

char *csb_text_fold(const char *s)
{
    GString *out = g_string_new(NULL);
    char *lower = g_utf8_strdown(s ? s : "", -1);
    gboolean space = TRUE; /* suppress leading space */
    for (const char *p = lower; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == '&') {
            if (!space)
                g_string_append_c(out, ' ');
            g_string_append(out, "and ");
            space = TRUE;
        } else if (g_unichar_isalnum(c)) {
            g_string_append_unichar(out, c);
            space = FALSE;
        } else if (!space) {
            g_string_append_c(out, ' ');
            space = TRUE;
        }
    }
    g_free(lower);
    while (out->len && out->str[out->len - 1] == ' ')
        g_string_truncate(out, out->len - 1);
    return g_string_free(out, FALSE);
}

char *csb_text_squash(const char *s)
{
    GString *out = g_string_new(NULL);
    gboolean space = TRUE;
    for (const char *p = s ? s : ""; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || c == 0xA0) {
            if (!space)
                g_string_append_c(out, ' ');
            space = TRUE;
        } else {
            g_string_append_unichar(out, c);
            space = FALSE;
        }
    }
    if (out->len && out->str[out->len - 1] == ' ')
        g_string_truncate(out, out->len - 1);
    return g_string_free(out, FALSE);
}

int csb_text_distance(const char *a, const char *b)
{
    glong na = 0, nb = 0;
    gunichar *ua = g_utf8_to_ucs4_fast(a, -1, &na);
    gunichar *ub = g_utf8_to_ucs4_fast(b, -1, &nb);
    int *row = g_new(int, nb + 1);
    for (glong j = 0; j <= nb; j++)
        row[j] = (int)j;
    for (glong i = 1; i <= na; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (glong j = 1; j <= nb; j++) {
            int up = row[j];
            int cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
            int best = MIN(row[j] + 1, row[j - 1] + 1);
            row[j] = MIN(best, diag + cost);
            diag = up;
        }
    }
    int d = row[nb];
    g_free(row);
    g_free(ua);
    g_free(ub);
    return d;
}

char *csb_text_in_sentence(const char *title)
{
    if (!*title)
        return g_strdup(title);
    gunichar first = g_utf8_get_char(title);
    const char *rest = g_utf8_next_char(title);
    gboolean acronym = *rest && g_unichar_isupper(g_utf8_get_char(rest));
    if (acronym || !g_unichar_isupper(first))
        return g_strdup(title);
    char buf[8];
    int n = g_unichar_to_utf8(g_unichar_tolower(first), buf);
    return g_strdup_printf("%.*s%s", n, buf, rest);
}

char *csb_join_words(const char *const *words, guint n)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < n; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", words[i]);
    return g_string_free(s, FALSE);
}

const char *csb_text_nearest(const char *word, const char *const *candidates, int n)
{
    char *w = csb_text_fold(word);
    const char *best = NULL;
    int best_d = G_MAXINT;
    for (int i = 0; i < n; i++) {
        char *c = csb_text_fold(candidates[i]);
        int d = csb_text_distance(w, c);
        /* A prefix or containment is a strong hint too ("stockton"). */
        if (*w && strstr(c, w) == c)
            d = MIN(d, 1);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
        g_free(c);
    }
    /* Plausible typo: at most a third of the word wrong, and at least 1. */
    glong len = g_utf8_strlen(w, -1);
    int limit = MAX(2, (int)(len / 3));
    g_free(w);
    return best_d <= limit ? best : NULL;
}

gboolean csb_text_has_word(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return FALSE;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        gboolean left = p == hay || !g_ascii_isalnum(p[-1]);
        gboolean right = !g_ascii_isalnum(p[n]);
        if (left && right)
            return TRUE;
    }
    return FALSE;
}

gboolean csb_unichar_is_noncharacter(gunichar c)
{
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

char *csb_text_drop_noncharacters(const char *s, gsize *dropped)
{
    GString *out = g_string_sized_new(strlen(s));
    gsize n = 0;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (csb_unichar_is_noncharacter(c))
            n++;
        else
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
    }
    if (dropped)
        *dropped = n;
    return g_string_free(out, FALSE);
}

char *csb_text_printable(const char *s)
{
    GString *out = g_string_new(NULL);
    const char *p = s ? s : "", *end = p + strlen(p);
    while (p < end) {
        gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            g_string_append_printf(out, "\\x%02X", (unsigned char)*p);
            p++;
            continue;
        }
        const char *next = g_utf8_next_char(p);
        if (c == '\n')
            g_string_append(out, "\\n");
        else if (c == '\r')
            g_string_append(out, "\\r");
        else if ((c < 0x20 && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0) ||
                 c == 0x2028 || c == 0x2029)
            g_string_append_printf(out, "\\u%04X", c);
        else
            g_string_append_len(out, p, next - p);
        p = next;
    }
    return g_string_free(out, FALSE);
}
