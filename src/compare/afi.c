/* afi.c - areas for improvement tracked across inspections.
 *
 * Each finding (area for improvement, recommendation, priority action) is
 * compared with the findings of the authority's earlier inspections by
 * meaning, not exact text. A finding is read as tokens:
 *   - its significant words, reduced to a crude stem ("fostering",
 *     "fostered" -> "fost");
 *   - the library themes (templates/themes.yaml) whose phrases occur in it;
 * each token weighted by how rare it is in the authority's own reports
 * (paragraphs and findings): a word in every paragraph, like "plans",
 * says little; "fostering" says a lot. The similarity of two findings is
 * the weight of the tokens they share over the weight of all their tokens
 * (weighted Jaccard, 0..1).
 *
 * Two findings are one weakness when the words they share weigh at least
 * AFI_SHARED_WEIGHT (one rare word, or two commoner ones), and either they
 * share a theme with similarity at least AFI_THEME_SIMILARITY, or they
 * share two words or more with similarity at least AFI_WORDING_SIMILARITY.
 * Each match keeps its shared themes and words (heaviest first) and its
 * similarity, so a reader can judge it.
 *
 * Status: recurring when an earlier finding matches; not raised again when
 * no later finding matches and a later report that could have raised it
 * exists (a graded inspection, or a report of the same kind, with findings
 * of its own); new otherwise.
 */
#include "compare.h"

#include <math.h>
#include <string.h>

/* Tuned on the areas for improvement of the shared corpus (see
 * docs/compare.md): */
#define AFI_SHARED_WEIGHT 3.0      /* words only: one rare word, or two less rare */
#define AFI_THEME_SIMILARITY 0.12  /* with a shared theme */
#define AFI_WORDING_SIMILARITY 0.20 /* without one, and two words at least */

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

static gboolean is_stop_word(const char *w)
{
    for (guint i = 0; i < G_N_ELEMENTS(stop_words); i++)
        if (strcmp(w, stop_words[i]) == 0)
            return TRUE;
    return FALSE;
}

/* A crude English stem: endings are taken off one by one while at least
 * four letters remain, and a doubled final consonant is undoubled, so that
 * "plans", "planning" and "planned" meet at "plan", "managers" and
 * "management" at "manag", "fostered" and "fostering" at "fost". */
static char *stem(const char *w)
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

/* Significant words of text: stem -> the word as first written (both
 * char*, owned). */
static GHashTable *word_set(const char *text)
{
    GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    char *f = csb_text_fold(text);
    char **words = g_strsplit(f, " ", -1);
    for (char **w = words; *w; w++) {
        if (strlen(*w) < 3 || is_stop_word(*w) || g_ascii_isdigit(**w))
            continue;
        char *st = stem(*w);
        if (is_stop_word(st) || g_hash_table_contains(set, st))
            g_free(st);
        else
            g_hash_table_insert(set, st, g_strdup(*w));
    }
    g_strfreev(words);
    g_free(f);
    return set;
}

GPtrArray *csb_compare_text_themes(const CsbThemeLibrary *lib, const char *text)
{
    GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
    char *form = csb_themes_match_form(text);
    for (guint i = 0; i < csb_themes_count(lib); i++) {
        const CsbTheme *t = csb_themes_at(lib, i);
        if (csb_theme_find_in_form(t, form, NULL, NULL))
            g_ptr_array_add(ids, g_strdup(t->id));
    }
    g_free(form);
    return ids;
}

/* What a text says, for matching: its significant words (stem -> the
 * word as written) and the themes it speaks to ("#theme-id" -> the id),
 * each a token whose weight is its rarity. */
static GHashTable *meaning_set(const CsbThemeLibrary *lib, const char *text, GPtrArray **themes)
{
    GHashTable *set = word_set(text);
    GPtrArray *ids = csb_compare_text_themes(lib, text);
    for (guint i = 0; i < ids->len; i++)
        g_hash_table_insert(set, g_strdup_printf("#%s", (char *)ids->pdata[i]),
                            g_strdup(ids->pdata[i]));
    if (themes)
        *themes = ids;
    else
        g_ptr_array_free(ids, TRUE);
    return set;
}

/* How rare each token is in the authority's reports: idf = ln((N + 1) /
 * (df + 0.5)), N paragraphs and findings (at least AFI_MIN_TEXTS), df those
 * that use the token. */
typedef struct {
    GHashTable *df; /* token -> count (GINT_TO_POINTER) */
    guint n;
} Rarity;

static void rarity_add(Rarity *r, GHashTable *set)
{
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, set);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        int c = GPOINTER_TO_INT(g_hash_table_lookup(r->df, key));
        g_hash_table_insert(r->df, g_strdup(key), GINT_TO_POINTER(c + 1));
    }
    r->n++;
}

/* At least this many texts are assumed, so that in a story of one or two
 * short reports every word does not look common. */
#define AFI_MIN_TEXTS 100

static double weight(const Rarity *r, const char *stem_)
{
    int df = GPOINTER_TO_INT(g_hash_table_lookup(r->df, stem_));
    return log((MAX(r->n, AFI_MIN_TEXTS) + 1.0) / (df + 0.5));
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
    g_ptr_array_free(t->later, TRUE);
    g_free(t);
}

/* Stems, heaviest first. */
static gint by_weight(gconstpointer a, gconstpointer b, gpointer data)
{
    const Rarity *r = data;
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    double wx = weight(r, x), wy = weight(r, y);
    return wx > wy ? -1 : wx < wy ? 1 : strcmp(x, y);
}

static double set_weight(const Rarity *r, GHashTable *set)
{
    double sum = 0;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, set);
    while (g_hash_table_iter_next(&it, &key, NULL))
        sum += weight(r, key);
    return sum;
}

static CsbAfiMatch *match_new(const CsbAfiTrack *other, const GPtrArray *themes,
                              const GPtrArray *words, double similarity)
{
    CsbAfiMatch *m = g_new0(CsbAfiMatch, 1);
    m->inspection = other->inspection;
    m->finding = other->finding;
    m->themes = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < themes->len; i++)
        g_ptr_array_add(m->themes, g_strdup(themes->pdata[i]));
    m->shared_words = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < words->len; i++)
        g_ptr_array_add(m->shared_words, g_strdup(words->pdata[i]));
    m->similarity = similarity;
    return m;
}

/* Compare two findings; when they read as one weakness, record the match
 * both ways. */
static void compare_items(const Item *later, const Item *earlier, const Rarity *r)
{
    GPtrArray *themes = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *stems = g_ptr_array_new();
    double shared = 0, shared_words = 0;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, later->words);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (g_hash_table_contains(earlier->words, key)) {
            g_ptr_array_add(stems, key);
            shared += weight(r, key);
            if (*(const char *)key != '#')
                shared_words += weight(r, key);
        }
    g_ptr_array_sort_with_data(stems, by_weight, (gpointer)r);
    /* Words shown as the later finding writes them; themes by id. */
    GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < stems->len; i++) {
        const char *as_written = g_hash_table_lookup(later->words, stems->pdata[i]);
        g_ptr_array_add(*(const char *)stems->pdata[i] == '#' ? themes : words,
                        g_strdup(as_written));
    }
    g_ptr_array_free(stems, TRUE);
    double all = set_weight(r, later->words) + set_weight(r, earlier->words) - shared;
    double sim = all > 0 ? shared / all : 0;
    gboolean same = shared_words >= AFI_SHARED_WEIGHT &&
                    ((themes->len && sim >= AFI_THEME_SIMILARITY) ||
                     (words->len >= 2 && sim >= AFI_WORDING_SIMILARITY));
    if (same) {
        g_ptr_array_add(later->track->earlier, match_new(earlier->track, themes, words, sim));
        g_ptr_array_add(earlier->track->later, match_new(later->track, themes, words, sim));
    }
    g_ptr_array_free(themes, TRUE);
    g_ptr_array_free(words, TRUE);
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

/* Is there a report after t's that could have raised its finding again? */
static gboolean could_be_raised_later(const CsbFrameworks *fw, const CsbStory *s,
                                      const CsbAfiTrack *t)
{
    gboolean after = FALSE;
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        if (in == t->inspection) {
            after = TRUE;
            continue;
        }
        if (after && in->findings->len &&
            (csb_frameworks_graded(fw, in->kind) || in->kind == t->inspection->kind))
            return TRUE;
    }
    return FALSE;
}

void csb_compare_track_afis(CsbStory *s, const CsbCompareInput *input)
{
    g_ptr_array_set_free_func(s->afis, track_free);
    Rarity rarity = {g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), 0};
    GArray *items = g_array_new(FALSE, FALSE, sizeof(Item));
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        for (guint k = 0; k < in->paragraphs->len; k++)
        {
            GHashTable *set = meaning_set(input->library,
                                          ((const CsbParagraph *)in->paragraphs->pdata[k])->text,
                                          NULL);
            rarity_add(&rarity, set);
            g_hash_table_destroy(set);
        }
        for (guint k = 0; k < in->findings->len; k++) {
            CsbAfiTrack *t = g_new0(CsbAfiTrack, 1);
            t->inspection = in;
            t->finding = in->findings->pdata[k];
            GHashTable *meaning = meaning_set(input->library, t->finding->text, &t->themes);
            t->earlier = g_ptr_array_new_with_free_func(match_free);
            t->later = g_ptr_array_new_with_free_func(match_free);
            Item it = {t, meaning};
            g_array_append_val(items, it);
            g_ptr_array_add(s->afis, t);
            rarity_add(&rarity, meaning);
        }
    }
    for (guint i = 0; i < items->len; i++) {
        Item *later = &g_array_index(items, Item, i);
        for (guint k = 0; k < i; k++) {
            Item *earlier = &g_array_index(items, Item, k);
            if (earlier->track->inspection != later->track->inspection)
                compare_items(later, earlier, &rarity);
        }
    }
    for (guint i = 0; i < items->len; i++) {
        CsbAfiTrack *t = g_array_index(items, Item, i).track;
        if (t->earlier->len)
            t->status = CSB_AFI_RECURRING;
        else if (!t->later->len && could_be_raised_later(csb_areas_frameworks(input->areas), s, t))
            t->status = CSB_AFI_NOT_RAISED_AGAIN;
        else
            t->status = CSB_AFI_NEW;
        g_hash_table_destroy(g_array_index(items, Item, i).words);
    }
    g_array_free(items, TRUE);
    g_hash_table_destroy(rarity.df);
}
