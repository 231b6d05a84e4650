/* match.c - finding a theme's phrases in text, as templates/themes.yaml
 * describes: case aside, curly and straight apostrophes alike, whitespace
 * runs as one space; a phrase must start at the beginning of a word and
 * may end inside one ("homeless" finds "homelessness", "sufficiency" does
 * not find "insufficiency").
 */
#include "themes.h"

#include <string.h>

/* Is s already in match form? (The usual case for a phrase: lower case,
 * no curly apostrophe, no runs of spaces.) */
static gboolean in_match_form(const char *s)
{
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x80 || g_ascii_isupper(c) || (g_ascii_isspace(c) && c != ' ') ||
            (c == ' ' && (p == s || p[1] == ' ' || p[1] == 0)))
            return FALSE;
    }
    return TRUE;
}

char *csb_themes_match_form(const char *text)
{
    if (!text)
        return g_strdup("");
    if (in_match_form(text))
        return g_strdup(text);
    char *sq = csb_text_squash(text);
    char *lower = g_utf8_strdown(sq, -1);
    GString *o = g_string_sized_new(strlen(lower));
    for (const char *p = lower; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == 0x2019 || c == 0x2018)
            g_string_append_c(o, '\'');
        else
            g_string_append_len(o, p, g_utf8_next_char(p) - p);
    }
    g_free(lower);
    g_free(sq);
    return g_string_free(o, FALSE);
}

/* Times phrase (in match form) starts a word of form. */
static int phrase_hits(const char *form, const char *phrase)
{
    int hits = 0;
    if (!*phrase)
        return 0;
    for (const char *s = strstr(form, phrase); s; s = strstr(s + 1, phrase)) {
        if (s == form) {
            hits++;
            continue;
        }
        const char *prev = g_utf8_find_prev_char(form, s);
        if (!prev || !g_unichar_isalnum(g_utf8_get_char(prev)))
            hits++;
    }
    return hits;
}

guint csb_theme_find_in_form(const CsbTheme *theme, const char *form, GPtrArray *found,
                             double *score)
{
    guint distinct = 0;
    double sc = 0;
    for (guint k = 0; k < theme->phrases->len; k++) {
        const char *listed = theme->phrases->pdata[k];
        char *ph = in_match_form(listed) ? NULL : csb_themes_match_form(listed);
        int hits = phrase_hits(form, ph ? ph : listed);
        if (hits) {
            distinct++;
            sc += 1.0 + 0.5 * (hits - 1);
            if (found)
                g_ptr_array_add(found, g_strdup(listed));
        }
        g_free(ph);
    }
    if (score)
        *score = sc;
    return distinct;
}

guint csb_theme_find(const CsbTheme *theme, const char *text, GPtrArray *found, double *score)
{
    char *form = csb_themes_match_form(text);
    guint n = csb_theme_find_in_form(theme, form, found, score);
    g_free(form);
    return n;
}

gboolean csb_themes_text_has_phrase(const char *text, const GPtrArray *phrases)
{
    char *form = csb_themes_match_form(text);
    gboolean hit = FALSE;
    for (guint i = 0; phrases && i < phrases->len && !hit; i++) {
        char *ph = csb_themes_match_form(phrases->pdata[i]);
        hit = phrase_hits(form, ph) > 0;
        g_free(ph);
    }
    g_free(form);
    return hit;
}
