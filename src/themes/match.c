/* match.c - finding a theme's phrases in text, as templates/themes.yaml
 * describes: case aside, curly and straight apostrophes alike, whitespace
 * runs as one space; a phrase must start at the beginning of a word and
 * may end inside one ("homeless" finds "homelessness", "sufficiency" does
 * not find "insufficiency"); an occurrence inside an occurrence of one of
 * the theme's not-phrases (`not:`, run on to the end of its word) does not
 * count ("threshold for a" in "the threshold for a serious case review").
 * A finding (an area for improvement) is on a theme by its phrases or its
 * finding phrases (csb_theme_on_finding).
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

/* Does a phrase start at s, a word's beginning in form? */
static gboolean word_start(const char *form, const char *s)
{
    if (s == form)
        return TRUE;
    const char *prev = g_utf8_find_prev_char(form, s);
    return !prev || !g_unichar_isalnum(g_utf8_get_char(prev));
}

/* end moved on to the end of the word it falls in (unchanged when no letter
 * or digit starts there). */
static gsize word_end(const char *form, gsize end)
{
    while (form[end] && g_unichar_isalnum(g_utf8_get_char(form + end)))
        end = (gsize)(g_utf8_next_char(form + end) - form);
    return end;
}

/* A phrase as listed, in match form: listed itself when it already is
 * (*owned NULL), else a new string in *owned. */
static const char *matchable(const char *listed, char **owned)
{
    *owned = in_match_form(listed) ? NULL : csb_themes_match_form(listed);
    return *owned ? *owned : listed;
}

/* Where the theme's not-phrases occur in form: [start, end) pairs of gsize
 * appended to spans, each run on to the end of the word it ends in (as
 * data/recurrence.yaml's issues: "the prevention" holds "the prevent" in
 * "the preventions"). */
static void not_spans(const CsbTheme *theme, const char *form, GArray *spans)
{
    for (guint k = 0; k < theme->not_phrases->len; k++) {
        char *owned;
        const char *no = matchable(theme->not_phrases->pdata[k], &owned);
        size_t n = strlen(no);
        for (const char *s = n ? strstr(form, no) : NULL; s; s = strstr(s + 1, no)) {
            if (!word_start(form, s))
                continue;
            gsize span[2] = {(gsize)(s - form), word_end(form, (gsize)(s - form) + n)};
            g_array_append_vals(spans, span, 2);
        }
        g_free(owned);
    }
}

/* Is [a, b) inside one of spans? */
static gboolean inside(const GArray *spans, gsize a, gsize b)
{
    for (guint x = 0; spans && x + 1 < spans->len; x += 2)
        if (g_array_index(spans, gsize, x) <= a && b <= g_array_index(spans, gsize, x + 1))
            return TRUE;
    return FALSE;
}

/* Times phrase (in match form) starts a word of form outside spans (none
 * when NULL). */
static int phrase_hits(const char *form, const char *phrase, const GArray *spans)
{
    int hits = 0;
    size_t n = strlen(phrase);
    if (!n)
        return 0;
    for (const char *s = strstr(form, phrase); s; s = strstr(s + 1, phrase))
        if (word_start(form, s) && !inside(spans, (gsize)(s - form), (gsize)(s - form) + n))
            hits++;
    return hits;
}

gboolean csb_theme_not_holds(const char *not_phrase, const char *phrase)
{
    char *no = csb_themes_match_form(not_phrase), *ph = csb_themes_match_form(phrase);
    size_t nl = strlen(no), pl = strlen(ph);
    gboolean holds = FALSE;
    for (const char *s = no; pl && *s && !holds; s = g_utf8_next_char(s)) {
        if (!word_start(no, s))
            continue;
        size_t room = nl - (size_t)(s - no);
        if (room >= pl) {
            holds = strncmp(s, ph, pl) == 0;
            continue;
        }
        /* The phrase runs past the not-phrase's end: it holds it when the
         * rest lies within the word the not-phrase ends in. */
        if (strncmp(s, ph, room) != 0 || word_end(ph, room) != pl)
            continue;
        const char *last = g_utf8_find_prev_char(no, no + nl);
        holds = last && g_unichar_isalnum(g_utf8_get_char(last));
    }
    g_free(no);
    g_free(ph);
    return holds;
}

guint csb_theme_find_in_form(const CsbTheme *theme, const char *form, GPtrArray *found,
                             double *score)
{
    guint distinct = 0;
    double sc = 0;
    GArray *spans = NULL;
    if (theme->not_phrases->len) {
        spans = g_array_new(FALSE, FALSE, sizeof(gsize));
        not_spans(theme, form, spans);
    }
    for (guint k = 0; k < theme->phrases->len; k++) {
        const char *listed = theme->phrases->pdata[k];
        char *ph;
        int hits = phrase_hits(form, matchable(listed, &ph), spans);
        if (hits) {
            distinct++;
            sc += 1.0 + 0.5 * (hits - 1);
            if (found)
                g_ptr_array_add(found, g_strdup(listed));
        }
        g_free(ph);
    }
    if (spans)
        g_array_free(spans, TRUE);
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

gboolean csb_theme_text_has_phrase(const CsbTheme *theme, const char *text,
                                   const GPtrArray *phrases)
{
    char *form = csb_themes_match_form(text);
    GArray *spans = NULL;
    if (theme && theme->not_phrases->len) {
        spans = g_array_new(FALSE, FALSE, sizeof(gsize));
        not_spans(theme, form, spans);
    }
    gboolean hit = FALSE;
    for (guint i = 0; phrases && i < phrases->len && !hit; i++) {
        char *ph = csb_themes_match_form(phrases->pdata[i]);
        hit = phrase_hits(form, ph, spans) > 0;
        g_free(ph);
    }
    if (spans)
        g_array_free(spans, TRUE);
    g_free(form);
    return hit;
}

gboolean csb_theme_on_finding(const CsbTheme *theme, const char *text)
{
    return csb_theme_text_has_phrase(theme, text, theme->phrases) ||
           csb_theme_text_has_phrase(theme, text, theme->finding_phrases);
}

gboolean csb_themes_text_has_phrase(const char *text, const GPtrArray *phrases)
{
    return csb_theme_text_has_phrase(NULL, text, phrases);
}

/* ---- every theme at once ------------------------------------------------ */

#define NO_PATTERN G_MAXUINT

struct CsbThemeMatcher {
    CsbPatterns *patterns;    /* each distinct phrase and not-phrase, in match form */
    guint n_themes;
    guint *first;             /* per theme: its first phrase's slot in pattern_of */
    guint *count;             /* per theme: its number of phrases */
    guint *pattern_of;        /* per phrase of each theme: its pattern, or NO_PATTERN */
    GPtrArray *users;         /* per pattern: GArray of guint, the themes listing it */
    GPtrArray *blockers;      /* per pattern: GArray of guint, the themes listing it
                                 under not */
};

/* The pattern of listed (a phrase or not-phrase of theme t), added to
 * m->patterns, with t added to its users (phrase) or blockers (not). */
static guint add_pattern(CsbThemeMatcher *m, guint t, const char *listed, gboolean not)
{
    char *ph;
    const char *form = matchable(listed, &ph);
    guint id = NO_PATTERN;
    if (*form) {
        id = csb_patterns_add(m->patterns, form, strlen(form));
        if (id == m->users->len) {
            g_ptr_array_add(m->users, g_array_new(FALSE, FALSE, sizeof(guint)));
            g_ptr_array_add(m->blockers, g_array_new(FALSE, FALSE, sizeof(guint)));
        }
        GArray *u = (not ? m->blockers : m->users)->pdata[id];
        if (!u->len || g_array_index(u, guint, u->len - 1) != t)
            g_array_append_val(u, t);
    }
    g_free(ph);
    return id;
}

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
    m->blockers = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    guint slot = 0;
    for (guint t = 0; t < themes->len; t++) {
        const CsbTheme *theme = themes->pdata[t];
        m->first[t] = slot;
        m->count[t] = theme->phrases->len;
        for (guint k = 0; k < theme->phrases->len; k++, slot++)
            m->pattern_of[slot] = add_pattern(m, t, theme->phrases->pdata[k], FALSE);
        for (guint k = 0; k < theme->not_phrases->len; k++)
            add_pattern(m, t, theme->not_phrases->pdata[k], TRUE);
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
    g_ptr_array_free(m->blockers, TRUE);
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
    guint id;
    gsize start;
} Occurrence;

typedef struct {
    const char *form;
    int *counts;     /* per pattern */
    GArray *touched; /* guint: patterns found at least once */
    GArray *at;      /* Occurrence: each found, for the themes a not-phrase speaks to */
} Scan;

static void on_hit(guint id, gsize start, gpointer data)
{
    Scan *s = data;
    if (!word_start(s->form, s->form + start))
        return; /* inside a word */
    if (!s->counts[id]++)
        g_array_append_val(s->touched, id);
    Occurrence o = {id, start};
    g_array_append_val(s->at, o);
}

static gboolean lists(const GArray *themes, guint t)
{
    for (guint k = 0; k < themes->len; k++)
        if (g_array_index(themes, guint, k) == t)
            return TRUE;
    return FALSE;
}

/* Theme t's phrases counted again without the occurrences inside its
 * not-phrases' (the few themes a paragraph's not-phrases speak to). */
static void count_outside(const CsbThemeMatcher *m, const Scan *s, guint t, GArray *per_phrase)
{
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (guint i = 0; i < s->at->len; i++) {
        const Occurrence *o = &g_array_index(s->at, Occurrence, i);
        if (!lists(m->blockers->pdata[o->id], t))
            continue;
        gsize span[2] = {o->start,
                         word_end(s->form, o->start + csb_patterns_length(m->patterns, o->id))};
        g_array_append_vals(spans, span, 2);
    }
    for (guint k = 0; k < m->count[t]; k++) {
        guint id = m->pattern_of[m->first[t] + k];
        int n = 0;
        for (guint i = 0; id != NO_PATTERN && s->counts[id] && i < s->at->len; i++) {
            const Occurrence *o = &g_array_index(s->at, Occurrence, i);
            n += o->id == id &&
                 !inside(spans, o->start, o->start + csb_patterns_length(m->patterns, id));
        }
        g_array_index(per_phrase, int, k) = n;
    }
    g_array_free(spans, TRUE);
}

GArray *csb_themes_scan(const CsbThemeLibrary *lib, const char *form)
{
    const CsbThemeMatcher *m = lib->matcher;
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(CsbThemeHit));
    guint np = csb_patterns_count(m->patterns);
    Scan s = {form, g_new0(int, np + 1), g_array_new(FALSE, FALSE, sizeof(guint)),
              g_array_new(FALSE, FALSE, sizeof(Occurrence))};
    csb_patterns_scan(m->patterns, form, strlen(form), on_hit, &s);
    if (s.touched->len) {
        gboolean *speaks = g_new0(gboolean, m->n_themes + 1);
        gboolean *blocked = g_new0(gboolean, m->n_themes + 1);
        for (guint i = 0; i < s.touched->len; i++) {
            guint id = g_array_index(s.touched, guint, i);
            const GArray *u = m->users->pdata[id], *b = m->blockers->pdata[id];
            for (guint k = 0; k < u->len; k++)
                speaks[g_array_index(u, guint, k)] = TRUE;
            for (guint k = 0; k < b->len; k++)
                blocked[g_array_index(b, guint, k)] = TRUE;
        }
        GArray *per_phrase = g_array_new(FALSE, TRUE, sizeof(int));
        for (guint t = 0; t < m->n_themes; t++) {
            if (!speaks[t])
                continue;
            g_array_set_size(per_phrase, m->count[t]);
            if (blocked[t]) {
                count_outside(m, &s, t, per_phrase);
            } else {
                for (guint k = 0; k < m->count[t]; k++) {
                    guint id = m->pattern_of[m->first[t] + k];
                    g_array_index(per_phrase, int, k) = id == NO_PATTERN ? 0 : s.counts[id];
                }
            }
            add_hit(hits, t, (const int *)per_phrase->data, m->count[t]);
        }
        g_array_free(per_phrase, TRUE);
        g_free(blocked);
        g_free(speaks);
    }
    g_array_free(s.at, TRUE);
    g_array_free(s.touched, TRUE);
    g_free(s.counts);
    return hits;
}

GArray *csb_themes_scan_plain(const CsbThemeLibrary *lib, const char *form)
{
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(CsbThemeHit));
    GArray *per_phrase = g_array_new(FALSE, TRUE, sizeof(int));
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (guint t = 0; t < csb_themes_count(lib); t++) {
        const CsbTheme *theme = csb_themes_at(lib, t);
        g_array_set_size(per_phrase, theme->phrases->len);
        g_array_set_size(spans, 0);
        not_spans(theme, form, spans);
        for (guint k = 0; k < theme->phrases->len; k++) {
            char *ph;
            g_array_index(per_phrase, int, k) =
                phrase_hits(form, matchable(theme->phrases->pdata[k], &ph), spans);
            g_free(ph);
        }
        add_hit(hits, t, (const int *)per_phrase->data, theme->phrases->len);
    }
    g_array_free(spans, TRUE);
    g_array_free(per_phrase, TRUE);
    return hits;
}
