/* set.c - the analyses a run shares: the library and selection they were
 * made for, the rules and the recurrence data, the stop words as a set,
 * the tokens interned once (under a lock, so reports can be analysed on
 * threads), and one analysis per inspection. Also the two rule sets: the usual one, and the plain
 * reference it is checked against.
 */
#include "analysis.h"

const CsbAnalysisRules csb_analysis_rules = {csb_themes_scan, csb_themes_classify_result,
                                             csb_analysis_words};
const CsbAnalysisRules csb_analysis_reference_rules = {csb_themes_scan_plain,
                                                       csb_themes_classify_result, csb_analysis_words};

typedef struct {
    guint32 id;
    const char *text;
} ThemeToken;

struct CsbAnalyses {
    const CsbThemeLibrary *library;
    GPtrArray *selection;       /* const CsbTheme* */
    GArray *selection_index;    /* guint per selected theme: its index in the library,
                                   or G_MAXUINT when it is not one of the library's */
    const CsbAnalysisRules *rules;
    const CsbRecurrence *recurrence; /* or NULL */
    GHashTable *stop_words;     /* static strings, and the recurrence data's common words
                                   (borrowed) and their stems (in stems) */
    GPtrArray *stems;           /* char*: stems of the common words */
    GArray *theme_tokens;       /* ThemeToken: the "#theme-id" token of each library theme */
    GMutex lock;                /* over the three below */
    GStringChunk *tokens;       /* their text */
    GHashTable *token_ids;      /* text -> number + 1 (GUINT_TO_POINTER) */
    GPtrArray *token_names;     /* number -> text */
    GHashTable *by_inspection;  /* const CsbInspection* -> CsbReportAnalysis* (owned) */
};

CsbAnalyses *csb_analyses_new(const CsbThemeLibrary *lib, const GPtrArray *selection,
                              const CsbAnalysisRules *rules, const CsbRecurrence *recurrence)
{
    CsbAnalyses *set = g_new0(CsbAnalyses, 1);
    set->library = lib;
    set->rules = rules ? rules : &csb_analysis_rules;
    set->selection = g_ptr_array_new();
    set->selection_index = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint s = 0; selection && s < selection->len; s++) {
        guint index = G_MAXUINT;
        for (guint t = 0; t < csb_themes_count(lib) && index == G_MAXUINT; t++)
            if (csb_themes_at(lib, t) == selection->pdata[s])
                index = t;
        g_ptr_array_add(set->selection, selection->pdata[s]);
        g_array_append_val(set->selection_index, index);
    }
    set->recurrence = recurrence;
    set->stop_words = csb_analysis_stop_words_new();
    set->stems = g_ptr_array_new_with_free_func(g_free);
    const GPtrArray *common = recurrence ? csb_recurrence_common(recurrence) : NULL;
    for (guint i = 0; common && i < common->len; i++) {
        char *st = csb_analysis_stem(common->pdata[i]);
        g_hash_table_add(set->stop_words, common->pdata[i]);
        g_hash_table_add(set->stop_words, st);
        g_ptr_array_add(set->stems, st);
    }
    g_mutex_init(&set->lock);
    set->tokens = g_string_chunk_new(64 * 1024);
    set->token_ids = g_hash_table_new(g_str_hash, g_str_equal);
    set->token_names = g_ptr_array_new();
    set->theme_tokens = g_array_new(FALSE, FALSE, sizeof(ThemeToken));
    for (guint t = 0; t < csb_themes_count(lib); t++) {
        char *tok = g_strdup_printf("#%s", csb_themes_at(lib, t)->id);
        ThemeToken tt = {0, NULL};
        tt.text = csb_analyses_intern(set, tok, &tt.id);
        g_array_append_val(set->theme_tokens, tt);
        g_free(tok);
    }
    set->by_inspection = g_hash_table_new_full(NULL, NULL, NULL,
                                               (GDestroyNotify)csb_report_analysis_free);
    return set;
}

void csb_analyses_free(CsbAnalyses *set)
{
    if (!set)
        return;
    g_hash_table_destroy(set->by_inspection);
    g_array_free(set->theme_tokens, TRUE);
    g_hash_table_destroy(set->token_ids);
    g_ptr_array_free(set->token_names, TRUE);
    g_string_chunk_free(set->tokens);
    g_mutex_clear(&set->lock);
    g_hash_table_destroy(set->stop_words);
    g_ptr_array_free(set->stems, TRUE);
    g_array_free(set->selection_index, TRUE);
    g_ptr_array_free(set->selection, TRUE);
    g_free(set);
}

const CsbThemeLibrary *csb_analyses_library(const CsbAnalyses *set)
{
    return set->library;
}

const CsbAnalysisRules *csb_analyses_rules(const CsbAnalyses *set)
{
    return set->rules;
}

const CsbRecurrence *csb_analyses_recurrence(const CsbAnalyses *set)
{
    return set->recurrence;
}

const GPtrArray *csb_analyses_selection(const CsbAnalyses *set)
{
    return set->selection;
}

guint csb_analyses_theme_index(const CsbAnalyses *set, guint slot)
{
    return g_array_index(set->selection_index, guint, slot);
}

guint32 csb_analyses_theme_token(const CsbAnalyses *set, guint theme)
{
    return g_array_index(set->theme_tokens, ThemeToken, theme).id;
}

const char *csb_analyses_theme_token_text(const CsbAnalyses *set, guint theme)
{
    return g_array_index(set->theme_tokens, ThemeToken, theme).text;
}

const GPtrArray *csb_analyses_token_names(const CsbAnalyses *set)
{
    return set->token_names;
}

gboolean csb_analysis_is_stop_word(const CsbAnalyses *set, const char *w)
{
    return g_hash_table_contains(set->stop_words, w);
}

gboolean csb_analyses_covers(const CsbAnalyses *set, const GPtrArray *themes)
{
    for (guint i = 0; themes && i < themes->len; i++) {
        gboolean found = FALSE;
        for (guint s = 0; s < set->selection->len && !found; s++)
            found = set->selection->pdata[s] == themes->pdata[i];
        if (!found)
            return FALSE;
    }
    return TRUE;
}

const char *csb_analyses_intern(CsbAnalyses *set, const char *token, guint32 *id)
{
    g_mutex_lock(&set->lock);
    gpointer key = NULL, value = NULL;
    if (!g_hash_table_lookup_extended(set->token_ids, token, &key, &value)) {
        key = g_string_chunk_insert(set->tokens, token);
        g_ptr_array_add(set->token_names, key);
        value = GUINT_TO_POINTER(set->token_names->len); /* number + 1 */
        g_hash_table_insert(set->token_ids, key, value);
    }
    g_mutex_unlock(&set->lock);
    if (id)
        *id = GPOINTER_TO_UINT(value) - 1;
    return key;
}

void csb_analyses_add(CsbAnalyses *set, CsbReportAnalysis *a)
{
    if (g_hash_table_contains(set->by_inspection, a->inspection))
        csb_report_analysis_free(a); /* the one kept may be borrowed already */
    else
        g_hash_table_insert(set->by_inspection, (gpointer)a->inspection, a);
}

const CsbReportAnalysis *csb_analyses_find(const CsbAnalyses *set, const CsbInspection *in)
{
    return g_hash_table_lookup(set->by_inspection, in);
}

const CsbReportAnalysis *csb_analyses_get(CsbAnalyses *set, const CsbInspection *in)
{
    const CsbReportAnalysis *a = csb_analyses_find(set, in);
    if (!a) {
        CsbReportAnalysis *made = csb_report_analysis_new(set, in);
        csb_analyses_add(set, made);
        a = made;
    }
    return a;
}

guint csb_analyses_count(const CsbAnalyses *set)
{
    return g_hash_table_size(set->by_inspection);
}
