/* words.c - text as words, and phrase sets matched over words longest
 * first: the ground the cue rules of templates/cues.yaml stand on.
 *
 * A word is a run of letters, digits, apostrophes and hyphens, lower-cased,
 * with curly apostrophes made straight and apostrophes or hyphens at its
 * edges trimmed ("well-supported" is one word, "'good'" is "good"). Each
 * word carries the number of the clause it sits in: a new clause starts at
 * a sentence end (. ? !), a comma, colon, semicolon, bracket, dash (a
 * hyphen standing alone, or an en or em dash) or a list bullet. A phrase
 * never spans two clauses.
 */
#include "themes.h"

#include <string.h>

/* Characters that end a clause. */
static gboolean is_clause_break(gunichar c)
{
    switch (c) {
    case '.': case '?': case '!': case ',': case ':': case ';':
    case '(': case ')': case '[': case ']': case '{': case '}':
    case 0x2013: /* en dash */
    case 0x2014: /* em dash */
    case 0x2022: /* bullet */
    case 0x25AA: case 0x25FC: case 0x25A0: case 0x25CF: case 0x25E6: case 0x2023:
    case 0x2219: case 0x00B7: case 0xF0A7: case 0xF0B7:
        return TRUE;
    default:
        return FALSE;
    }
}

static gboolean is_apostrophe(gunichar c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018;
}

static gboolean is_hyphen(gunichar c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* End the word being built: trim apostrophes and hyphens at its edges. A
 * token of hyphens alone is a dash, which ends the clause. */
static void finish_word(CsbWords *w, GString *cur, guint *clause)
{
    if (!cur->len)
        return;
    const char *s = cur->str;
    gsize a = 0, b = cur->len;
    while (a < b && (s[a] == '\'' || s[a] == '-'))
        a++;
    while (b > a && (s[b - 1] == '\'' || s[b - 1] == '-'))
        b--;
    if (a == b) {
        if (strchr(s, '-'))
            (*clause)++;
    } else {
        g_ptr_array_add(w->words, g_strndup(s + a, b - a));
        g_array_append_val(w->clauses, *clause);
    }
    g_string_truncate(cur, 0);
}

CsbWords *csb_words_new(const char *text)
{
    CsbWords *w = g_new0(CsbWords, 1);
    w->words = g_ptr_array_new_with_free_func(g_free);
    w->clauses = g_array_new(FALSE, FALSE, sizeof(guint));
    GString *cur = g_string_new(NULL);
    guint clause = 0;
    for (const char *p = text; p && *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2)
            break;
        if (g_unichar_isalnum(c)) {
            c = g_unichar_tolower(c);
            char buf[6];
            g_string_append_len(cur, buf, g_unichar_to_utf8(c, buf));
        } else if (is_apostrophe(c)) {
            g_string_append_c(cur, '\'');
        } else if (is_hyphen(c)) {
            g_string_append_c(cur, '-');
        } else {
            finish_word(w, cur, &clause);
            if (is_clause_break(c))
                clause++;
        }
    }
    finish_word(w, cur, &clause);
    g_string_free(cur, TRUE);
    return w;
}

void csb_words_free(CsbWords *w)
{
    if (!w)
        return;
    g_ptr_array_free(w->words, TRUE);
    g_array_free(w->clauses, TRUE);
    g_free(w);
}

guint csb_words_count(const CsbWords *w)
{
    return w->words->len;
}

const char *csb_words_at(const CsbWords *w, guint i)
{
    return i < w->words->len ? w->words->pdata[i] : NULL;
}

guint csb_words_clause(const CsbWords *w, guint i)
{
    return g_array_index(w->clauses, guint, i);
}

/* ---- phrase sets ----------------------------------------------------- */

typedef struct {
    char *text;     /* as listed */
    CsbWords *words;
    int tag;
} Phrase;

struct CsbPhraseSet {
    GPtrArray *phrases; /* Phrase*, owned */
    GHashTable *by_first; /* first word -> GPtrArray of Phrase* (borrowed) */
};

static void phrase_free(gpointer p)
{
    Phrase *ph = p;
    g_free(ph->text);
    csb_words_free(ph->words);
    g_free(ph);
}

CsbPhraseSet *csb_phrase_set_new(void)
{
    CsbPhraseSet *s = g_new0(CsbPhraseSet, 1);
    s->phrases = g_ptr_array_new_with_free_func(phrase_free);
    s->by_first = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_ptr_array_unref);
    return s;
}

void csb_phrase_set_free(CsbPhraseSet *s)
{
    if (!s)
        return;
    g_hash_table_destroy(s->by_first);
    g_ptr_array_free(s->phrases, TRUE);
    g_free(s);
}

gboolean csb_phrase_set_add(CsbPhraseSet *s, const char *phrase, int tag)
{
    CsbWords *w = csb_words_new(phrase);
    if (!w->words->len) {
        csb_words_free(w);
        return FALSE;
    }
    Phrase *ph = g_new0(Phrase, 1);
    ph->text = g_strdup(phrase);
    ph->words = w;
    ph->tag = tag;
    g_ptr_array_add(s->phrases, ph);
    const char *first = w->words->pdata[0];
    GPtrArray *list = g_hash_table_lookup(s->by_first, first);
    if (!list) {
        list = g_ptr_array_new();
        g_hash_table_insert(s->by_first, g_strdup(first), list);
    }
    g_ptr_array_add(list, ph);
    return TRUE;
}

guint csb_phrase_set_match(const CsbPhraseSet *s, const CsbWords *w, guint i, int *tag,
                           const char **text)
{
    if (i >= w->words->len)
        return 0;
    GPtrArray *list = g_hash_table_lookup(s->by_first, w->words->pdata[i]);
    guint best = 0;
    for (guint k = 0; list && k < list->len; k++) {
        const Phrase *ph = list->pdata[k];
        guint n = ph->words->words->len;
        if (n <= best || i + n > w->words->len)
            continue;
        gboolean same = csb_words_clause(w, i + n - 1) == csb_words_clause(w, i);
        for (guint m = 1; same && m < n; m++)
            same = strcmp(ph->words->words->pdata[m], w->words->pdata[i + m]) == 0;
        if (same) {
            best = n;
            if (tag)
                *tag = ph->tag;
            if (text)
                *text = ph->text;
        }
    }
    return best;
}

GArray *csb_phrase_set_scan(const CsbPhraseSet *s, const CsbWords *w)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(CsbPhraseHit));
    for (guint i = 0; i < w->words->len;) {
        CsbPhraseHit h = {i, 0, 0, NULL};
        h.len = csb_phrase_set_match(s, w, i, &h.tag, &h.text);
        if (h.len) {
            g_array_append_val(out, h);
            i += h.len;
        } else {
            i++;
        }
    }
    return out;
}
