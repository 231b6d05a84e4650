/* afi.c - areas for improvement tracked across inspections.
 *
 * Each finding (area for improvement, recommendation, priority action) is
 * compared with the findings of the authority's earlier inspections by
 * meaning, not exact text. A finding is read as tokens (its report's
 * analysis lists them, src/analysis):
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

/* How rare each token is in the authority's reports: idf = ln((N + 1) /
 * (df + 0.5)), N paragraphs and findings (at least AFI_MIN_TEXTS), df those
 * that use the token. */
typedef struct {
    GHashTable *df; /* token -> count (GINT_TO_POINTER) */
    guint n;
} Rarity;

/* A report's token counts (from its analysis) added to the story's. */
static void rarity_add(Rarity *r, const CsbReportAnalysis *a)
{
    for (guint i = 0; i < a->tokens->len; i++) {
        const CsbTokenCount *tc = &g_array_index(a->tokens, CsbTokenCount, i);
        const char *token = csb_report_analysis_token(a, tc->token);
        int c = GPOINTER_TO_INT(g_hash_table_lookup(r->df, token));
        g_hash_table_insert(r->df, (gpointer)token, GINT_TO_POINTER(c + (int)tc->texts));
    }
    r->n += a->texts;
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

/* What a finding says, for matching: its tokens (significant words and
 * themes), each to what a reader is shown for it, inserted in the order
 * the analysis lists them. */
static GHashTable *meaning_of(const CsbFindingAnalysis *f)
{
    GHashTable *set = g_hash_table_new(g_str_hash, g_str_equal); /* borrows */
    for (guint i = 0; i < f->tokens->len; i++)
        g_hash_table_insert(set, f->tokens->pdata[i], f->shown->pdata[i]);
    return set;
}

void csb_compare_track_afis(CsbComparison *c, CsbStory *s, const CsbCompareInput *input)
{
    g_ptr_array_set_free_func(s->afis, track_free);
    /* Tokens are borrowed from the analyses (interned there). */
    Rarity rarity = {g_hash_table_new(g_str_hash, g_str_equal), 0};
    GArray *items = g_array_new(FALSE, FALSE, sizeof(Item));
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        const CsbReportAnalysis *a = csb_compare_analysis(c, input, in);
        rarity_add(&rarity, a);
        for (guint k = 0; k < a->findings->len; k++) {
            const CsbFindingAnalysis *f = a->findings->pdata[k];
            CsbAfiTrack *t = g_new0(CsbAfiTrack, 1);
            t->inspection = in;
            t->finding = f->finding;
            t->themes = g_ptr_array_new_with_free_func(g_free);
            for (guint x = 0; x < f->themes->len; x++)
                g_ptr_array_add(t->themes, g_strdup(((const CsbTheme *)f->themes->pdata[x])->id));
            t->earlier = g_ptr_array_new_with_free_func(match_free);
            t->later = g_ptr_array_new_with_free_func(match_free);
            Item it = {t, meaning_of(f)};
            g_array_append_val(items, it);
            g_ptr_array_add(s->afis, t);
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
