/* afi.c - areas for improvement tracked across inspections.
 *
 * Each finding (area for improvement, recommendation, priority action) is
 * matched with the findings of earlier inspections of the same authority
 * by meaning: the themes both speak to (templates/themes.yaml) and the
 * significant words both use. The match keeps its reasons so a reader can
 * judge it. Status: recurring when an earlier finding matches; not raised
 * again when a later inspection exists and no later finding matches; new
 * otherwise.
 */
#include "compare.h"

#include <string.h>

/* Words too common in findings to say anything about a match. */
static const char *const stop_words[] = {
    "the", "and", "for", "with", "that", "this", "their", "they", "them", "from", "into",
    "are", "was", "were", "been", "being", "have", "has", "had", "which", "when", "where",
    "who", "whom", "all", "any", "more", "most", "some", "such", "than", "then", "there",
    "these", "those", "through", "within", "across", "including", "ensure", "ensuring",
    "improve", "improving", "improvement", "improvements", "quality", "consistency",
    "consistent", "effective", "effectiveness", "children", "child", "young", "people",
    "services", "service", "social", "work", "practice", "local", "authority", "need",
    "needs", "well", "timely", "timeliness", "response", "make", "made", "sure", "national",
    "framework", "outcome", "so", "is", "of", "to", "in", "on", "at", "by", "be", "or", "an",
    "a", "as", "it", "its", "not", "how", "what", "out", "use"};

static gboolean is_stop_word(const char *w)
{
    for (guint i = 0; i < G_N_ELEMENTS(stop_words); i++)
        if (strcmp(w, stop_words[i]) == 0)
            return TRUE;
    return FALSE;
}

/* Crude English stem: enough to meet "plans"/"planning"/"planned". */
static char *stem(const char *w)
{
    size_t n = strlen(w);
    static const char *const endings[] = {"ings", "ing", "ed", "es", "s"};
    for (guint i = 0; i < G_N_ELEMENTS(endings); i++) {
        size_t e = strlen(endings[i]);
        if (n > e + 3 && strcmp(w + n - e, endings[i]) == 0)
            return g_strndup(w, n - e);
    }
    return g_strdup(w);
}

/* Significant word stems of text, as a set (hash table of char*). */
static GHashTable *word_set(const char *text)
{
    GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    char *f = csb_text_fold(text);
    char **words = g_strsplit(f, " ", -1);
    for (char **w = words; *w; w++)
        if (strlen(*w) >= 3 && !is_stop_word(*w) && !g_ascii_isdigit(**w))
            g_hash_table_add(set, stem(*w));
    g_strfreev(words);
    g_free(f);
    return set;
}

static GPtrArray *finding_themes(const CsbThemeLibrary *lib, const char *text)
{
    GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
    char *lower = g_utf8_strdown(text, -1);
    for (guint i = 0; i < csb_themes_count(lib); i++) {
        const CsbTheme *t = csb_themes_at(lib, i);
        for (guint k = 0; k < t->phrases->len; k++)
            if (strstr(lower, t->phrases->pdata[k])) {
                g_ptr_array_add(ids, g_strdup(t->id));
                break;
            }
    }
    g_free(lower);
    return ids;
}

typedef struct {
    CsbAfiTrack *track;
    GHashTable *words;
} Item;

static void match_free(gpointer p)
{
    CsbAfiMatch *m = p;
    g_ptr_array_free(m->themes, TRUE);
    g_ptr_array_free(m->shared_words, TRUE);
    g_free(m);
}

static void track_free(gpointer p)
{
    CsbAfiTrack *t = p;
    g_ptr_array_free(t->themes, TRUE);
    g_ptr_array_free(t->earlier, TRUE);
    g_free(t);
}

static int strcmp_ptr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Compare two findings; returns a match when they read as one weakness. */
static CsbAfiMatch *compare_items(const Item *later, const Item *earlier)
{
    GPtrArray *shared_themes = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < later->track->themes->len; i++)
        for (guint k = 0; k < earlier->track->themes->len; k++)
            if (strcmp(later->track->themes->pdata[i], earlier->track->themes->pdata[k]) == 0)
                g_ptr_array_add(shared_themes, g_strdup(later->track->themes->pdata[i]));
    GPtrArray *shared_words = g_ptr_array_new_with_free_func(g_free);
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, later->words);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (g_hash_table_contains(earlier->words, key))
            g_ptr_array_add(shared_words, g_strdup(key));
    g_ptr_array_sort(shared_words, strcmp_ptr);
    guint uni = g_hash_table_size(later->words) + g_hash_table_size(earlier->words) -
                shared_words->len;
    double sim = uni ? (double)shared_words->len / uni : 0;
    gboolean same = (shared_themes->len && (sim >= 0.08 || shared_words->len >= 1)) ||
                    sim >= 0.34;
    if (!same) {
        g_ptr_array_free(shared_themes, TRUE);
        g_ptr_array_free(shared_words, TRUE);
        return NULL;
    }
    CsbAfiMatch *m = g_new0(CsbAfiMatch, 1);
    m->inspection = earlier->track->inspection;
    m->finding = earlier->track->finding;
    m->themes = shared_themes;
    m->shared_words = shared_words;
    m->similarity = sim;
    return m;
}

const char *csb_afi_status_id(CsbAfiStatus s)
{
    switch (s) {
    case CSB_AFI_RECURRING:
        return "recurring";
    case CSB_AFI_NOT_RAISED_AGAIN:
        return "not_raised_again";
    case CSB_AFI_NEW:
    default:
        return "new";
    }
}

void csb_compare_track_afis(CsbStory *s, const CsbCompareInput *input)
{
    g_ptr_array_set_free_func(s->afis, track_free);
    GArray *items = g_array_new(FALSE, FALSE, sizeof(Item));
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        for (guint k = 0; k < in->findings->len; k++) {
            CsbAfiTrack *t = g_new0(CsbAfiTrack, 1);
            t->inspection = in;
            t->finding = in->findings->pdata[k];
            t->themes = finding_themes(input->library, t->finding->text);
            t->earlier = g_ptr_array_new_with_free_func(match_free);
            Item it = {t, word_set(t->finding->text)};
            g_array_append_val(items, it);
            g_ptr_array_add(s->afis, t);
        }
    }
    for (guint i = 0; i < items->len; i++) {
        Item *later = &g_array_index(items, Item, i);
        for (guint k = 0; k < i; k++) {
            Item *earlier = &g_array_index(items, Item, k);
            if (earlier->track->inspection == later->track->inspection)
                continue;
            CsbAfiMatch *m = compare_items(later, earlier);
            if (m)
                g_ptr_array_add(later->track->earlier, m);
        }
        later->track->status = later->track->earlier->len ? CSB_AFI_RECURRING : CSB_AFI_NEW;
    }
    /* An earlier finding that nothing later matches was not raised again. */
    for (guint k = 0; k < items->len; k++) {
        CsbAfiTrack *t = g_array_index(items, Item, k).track;
        if (t->status == CSB_AFI_RECURRING)
            continue;
        gboolean later_inspection = FALSE, raised = FALSE;
        for (guint i = k + 1; i < items->len; i++) {
            CsbAfiTrack *u = g_array_index(items, Item, i).track;
            if (u->inspection == t->inspection)
                continue;
            later_inspection = TRUE;
            for (guint m = 0; m < u->earlier->len && !raised; m++)
                raised = ((CsbAfiMatch *)u->earlier->pdata[m])->finding == t->finding;
        }
        if (later_inspection && !raised)
            t->status = CSB_AFI_NOT_RAISED_AGAIN;
    }
    for (guint i = 0; i < items->len; i++)
        g_hash_table_destroy(g_array_index(items, Item, i).words);
    g_array_free(items, TRUE);
}
