/* match.c - finding a theme's phrases in text, as templates/themes.yaml
 * describes: case aside, curly and straight apostrophes alike, whitespace
 * runs as one space; a phrase must start at the beginning of a word and
 * may end inside one ("homeless" finds "homelessness", "sufficiency" does
 * not find "insufficiency").
 *
 * Two ways to the same answer: one theme at a time, a strstr per phrase
 * (csb_theme_find, csb_themes_scan_plain: the plain reference), and every
 * theme of a library at once, its phrases prepared when the library loads
 * and found in one pass over the text (CsbThemeMatcher, csb_themes_scan,
 * on aho_corasick.c).
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

/* ---- every theme at once ------------------------------------------------ */

#define NO_PATTERN G_MAXUINT

struct CsbThemeMatcher {
    CsbPatterns *patterns;    /* each distinct phrase, in match form */
    guint n_themes;
    guint *first;             /* per theme: its first phrase's slot in pattern_of */
    guint *count;             /* per theme: its number of phrases */
    guint *pattern_of;        /* per phrase of each theme: its pattern, or NO_PATTERN */
    GPtrArray *users;         /* per pattern: GArray of guint, the themes listing it */
};

CsbThemeMatcher *csb_theme_matcher_new(const GPtrArray *themes)
{
    CsbThemeMatcher *m = g_new0(CsbThemeMatcher, 1);
    m->patterns = csb_patterns_new();
    m->n_themes = themes->len;
    m->first = g_new0(guint, themes->len + 1);
    m->count = g_new0(guint, themes->len + 1);
    guint slots = 0;
    for (guint t = 0; t < themes->len; t++)
        slots += ((const CsbTheme *)themes->pdata[t])->phrases->len;
    m->pattern_of = g_new0(guint, slots + 1);
    m->users = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    guint slot = 0;
    for (guint t = 0; t < themes->len; t++) {
        const CsbTheme *theme = themes->pdata[t];
        m->first[t] = slot;
        m->count[t] = theme->phrases->len;
        for (guint k = 0; k < theme->phrases->len; k++, slot++) {
            const char *listed = theme->phrases->pdata[k];
            char *ph = in_match_form(listed) ? NULL : csb_themes_match_form(listed);
            const char *form = ph ? ph : listed;
            guint id = NO_PATTERN;
            if (*form) {
                id = csb_patterns_add(m->patterns, form, strlen(form));
                if (id == m->users->len)
                    g_ptr_array_add(m->users, g_array_new(FALSE, FALSE, sizeof(guint)));
                GArray *u = m->users->pdata[id];
                if (!u->len || g_array_index(u, guint, u->len - 1) != t)
                    g_array_append_val(u, t);
            }
            m->pattern_of[slot] = id;
            g_free(ph);
        }
    }
    csb_patterns_compile(m->patterns);
    return m;
}

void csb_theme_matcher_free(CsbThemeMatcher *m)
{
    if (!m)
        return;
    csb_patterns_free(m->patterns);
    g_free(m->first);
    g_free(m->count);
    g_free(m->pattern_of);
    g_ptr_array_free(m->users, TRUE);
    g_free(m);
}

void csb_theme_hits_free(GArray *hits)
{
    for (guint i = 0; hits && i < hits->len; i++)
        g_array_free(g_array_index(hits, CsbThemeHit, i).phrases, TRUE);
    if (hits)
        g_array_free(hits, TRUE);
}

/* One theme's hit from the number of times each of its phrases was found
 * (as csb_theme_find_in_form counts them), appended to hits when any was. */
static void add_hit(GArray *hits, guint theme, const int *phrase_hits_, guint n)
{
    CsbThemeHit h = {theme, 0, 0, NULL};
    for (guint k = 0; k < n; k++) {
        if (!phrase_hits_[k])
            continue;
        if (!h.phrases)
            h.phrases = g_array_new(FALSE, FALSE, sizeof(guint));
        h.distinct++;
        h.score += 1.0 + 0.5 * (phrase_hits_[k] - 1);
        g_array_append_val(h.phrases, k);
    }
    if (h.distinct)
        g_array_append_val(hits, h);
}

typedef struct {
    const char *form;
    int *counts;     /* per pattern */
    GArray *touched; /* guint: patterns found at least once */
} Scan;

static void on_hit(guint id, gsize start, gpointer data)
{
    Scan *s = data;
    const char *at = s->form + start;
    if (at != s->form) {
        const char *prev = g_utf8_find_prev_char(s->form, at);
        if (prev && g_unichar_isalnum(g_utf8_get_char(prev)))
            return; /* inside a word */
    }
    if (!s->counts[id]++)
        g_array_append_val(s->touched, id);
}

GArray *csb_themes_scan(const CsbThemeLibrary *lib, const char *form)
{
    const CsbThemeMatcher *m = lib->matcher;
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(CsbThemeHit));
    guint np = csb_patterns_count(m->patterns);
    Scan s = {form, g_new0(int, np + 1), g_array_new(FALSE, FALSE, sizeof(guint))};
    csb_patterns_scan(m->patterns, form, strlen(form), on_hit, &s);
    if (s.touched->len) {
        gboolean *speaks = g_new0(gboolean, m->n_themes + 1);
        for (guint i = 0; i < s.touched->len; i++) {
            const GArray *u = m->users->pdata[g_array_index(s.touched, guint, i)];
            for (guint k = 0; k < u->len; k++)
                speaks[g_array_index(u, guint, k)] = TRUE;
        }
        GArray *per_phrase = g_array_new(FALSE, TRUE, sizeof(int));
        for (guint t = 0; t < m->n_themes; t++) {
            if (!speaks[t])
                continue;
            g_array_set_size(per_phrase, m->count[t]);
            for (guint k = 0; k < m->count[t]; k++) {
                guint id = m->pattern_of[m->first[t] + k];
                g_array_index(per_phrase, int, k) = id == NO_PATTERN ? 0 : s.counts[id];
            }
            add_hit(hits, t, (const int *)per_phrase->data, m->count[t]);
        }
        g_array_free(per_phrase, TRUE);
        g_free(speaks);
    }
    g_array_free(s.touched, TRUE);
    g_free(s.counts);
    return hits;
}

GArray *csb_themes_scan_plain(const CsbThemeLibrary *lib, const char *form)
{
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(CsbThemeHit));
    GArray *per_phrase = g_array_new(FALSE, TRUE, sizeof(int));
    for (guint t = 0; t < csb_themes_count(lib); t++) {
        const CsbTheme *theme = csb_themes_at(lib, t);
        g_array_set_size(per_phrase, theme->phrases->len);
        for (guint k = 0; k < theme->phrases->len; k++) {
            const char *listed = theme->phrases->pdata[k];
            char *ph = in_match_form(listed) ? NULL : csb_themes_match_form(listed);
            g_array_index(per_phrase, int, k) = phrase_hits(form, ph ? ph : listed);
            g_free(ph);
        }
        add_hit(hits, t, (const int *)per_phrase->data, theme->phrases->len);
    }
    g_array_free(per_phrase, TRUE);
    return hits;
}
