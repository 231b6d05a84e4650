/* words.c - the significant words areas for improvement are matched by:
 * a text folded to lower-case letters and digits, words of three letters
 * or more that are not stop words (held in a hash set by the analysis
 * set) and do not start with a digit, each cut to a crude English stem.
 * docs/compare.md describes how findings are then matched.
 */
#include "analysis.h"

#include <string.h>

/* Words too common in findings to say anything about a match. */
static const char *const stop_words[] = {
    "the", "and", "for", "with", "that", "this", "their", "they", "them", "from", "into",
    "are", "was", "were", "been", "being", "have", "has", "had", "which", "when", "where",
    "who", "whom", "all", "any", "more", "most", "some", "such", "than", "then", "there",
    "these", "those", "through", "within", "across", "including", "ensure", "ensuring",
    "improve", "improving", "improvement", "improvements", "quality", "consistency",
    "consistent", "consistently", "effective", "effectiveness", "children", "child", "young",
    "people", "person", "services", "service", "social", "work", "practice", "local",
    "authority", "need", "needs", "well", "response", "make", "made", "sure", "national",
    "framework", "outcome", "so", "is", "of", "to", "in", "on", "at", "by", "be", "or",
    "an", "a", "as", "it", "its", "not", "how", "what", "out", "use", "about",
    "both", "between", "further", "other", "level", "levels", "always", "good", "better",
    "while", "whether", "should", "will", "can", "able", "particularly", "also",
    "area", "areas", "appropriate", "appropriately", "strengthen", "strengthening",
    "develop", "development", "increase", "range", "wider", "each", "every"};

/* The stop words as a set (the strings are static). For the set's use. */
GHashTable *csb_analysis_stop_words_new(void)
{
    GHashTable *s = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < G_N_ELEMENTS(stop_words); i++)
        g_hash_table_add(s, (gpointer)stop_words[i]);
    return s;
}

/* A crude English stem: endings are taken off one by one while at least
 * four letters remain, and a doubled final consonant is undoubled, so that
 * "plans", "planning" and "planned" meet at "plan", "managers" and
 * "management" at "manag", "fostered" and "fostering" at "fost". */
char *csb_analysis_stem(const char *w)
{
    static const char *const endings[] = {"ments", "ment", "ings", "ing", "ers", "er", "ies",
                                           "ied", "ed", "es", "ly", "s", "e"};
    char *s = g_strdup(w);
    gboolean changed = TRUE;
    while (changed) {
        changed = FALSE;
        size_t n = strlen(s);
        for (guint i = 0; i < G_N_ELEMENTS(endings) && !changed; i++) {
            size_t e = strlen(endings[i]);
            /* "assess" keeps its double s */
            if (n > e + 3 && strcmp(s + n - e, endings[i]) == 0 &&
                !(endings[i][0] == 's' && s[n - 2] == 's') &&
                !(endings[i][0] == 'e' && endings[i][1] == 's' && s[n - 3] == 's')) {
                s[n - e] = 0;
                changed = TRUE;
            }
        }
        n = strlen(s);
        if (n > 4 && s[n - 1] == s[n - 2] && !strchr("aeioulsz", s[n - 1])) {
            s[n - 1] = 0;
            changed = TRUE;
        }
    }
    return s;
}

void csb_analysis_words(const CsbAnalyses *set, const char *text, GPtrArray *stems,
                        GPtrArray *words)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    char *f = csb_text_fold(text);
    char **split = g_strsplit(f, " ", -1);
    for (char **w = split; *w; w++) {
        if (strlen(*w) < 3 || csb_analysis_is_stop_word(set, *w) || g_ascii_isdigit(**w))
            continue;
        char *st = csb_analysis_stem(*w);
        if (csb_analysis_is_stop_word(set, st) || g_hash_table_contains(seen, st)) {
            g_free(st);
            continue;
        }
        g_hash_table_add(seen, st);
        g_ptr_array_add(stems, st);
        g_ptr_array_add(words, g_strdup(*w));
    }
    g_hash_table_destroy(seen);
    g_strfreev(split);
    g_free(f);
}
