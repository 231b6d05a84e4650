/* analyse.c - the run's shared analyses: every report the briefings to
 * build use is analysed once (src/analysis), on threads that are all
 * joined before any render process forks, and each briefing borrows the
 * analyses copy-on-write in its child. One set per theme library: the
 * resources' own, shared by every config that defines no themes of its
 * own, and for each config that does, its library extended by them; each
 * set carries evidence for the themes its configs select.
 */
#include "build.h"

typedef struct {
    CsbThemeLibrary *custom; /* owned, or NULL: the resources' library */
    CsbAnalyses *set;        /* owned */
    GPtrArray *selection;    /* const CsbTheme*: what its configs select */
} Group;

struct CsbRunAnalyses {
    GPtrArray *groups;  /* Group* */
};

static void group_free(gpointer p)
{
    Group *g = p;
    csb_analyses_free(g->set);
    csb_themes_free(g->custom);
    g_ptr_array_free(g->selection, TRUE);
    g_free(g);
}

static void select_themes(Group *g, const CsbThemeLibrary *lib, const CsbConfig *cfg)
{
    for (guint i = 0; i < cfg->theme_ids->len; i++) {
        const CsbTheme *t = csb_themes_find(lib, cfg->theme_ids->pdata[i]);
        gboolean have = FALSE;
        for (guint k = 0; t && k < g->selection->len && !have; k++)
            have = g->selection->pdata[k] == t;
        if (t && !have)
            g_ptr_array_add(g->selection, (gpointer)t);
    }
}

static Group *group_new(void)
{
    Group *g = g_new0(Group, 1);
    g->selection = g_ptr_array_new();
    return g;
}

/* ---- analysing on threads ----------------------------------------------- */

typedef struct {
    CsbAnalyses *set;
    const CsbInspection *in;
    CsbReportAnalysis *made;
} Work;

typedef struct {
    GArray *work;  /* Work */
    gint next;     /* atomic */
} Pool;

static gpointer analyse_thread(gpointer data)
{
    Pool *pool = data;
    for (;;) {
        guint i = (guint)g_atomic_int_add(&pool->next, 1);
        if (i >= pool->work->len)
            return NULL;
        Work *w = &g_array_index(pool->work, Work, i);
        w->made = csb_report_analysis_new(w->set, w->in);
    }
}

/* Plain threads, joined before returning (see reports.c: the batch forks
 * next, and a fork must find no other thread alive). */
static void analyse_all(GArray *work, int threads)
{
    Pool pool = {work, 0};
    guint n = MIN((guint)MAX(threads, 1), work->len);
    GThread **t = g_new0(GThread *, n + 1);
    for (guint i = 0; i < n; i++)
        t[i] = g_thread_new("csbrief-analyse", analyse_thread, &pool);
    for (guint i = 0; i < n; i++)
        g_thread_join(t[i]);
    g_free(t);
    for (guint i = 0; i < work->len; i++) {
        Work *w = &g_array_index(work, Work, i);
        csb_analyses_add(w->set, w->made);
    }
}

CsbRunAnalyses *csb_run_analyses_new(GPtrArray *jobs, const CsbResources *res, int threads)
{
    CsbRunAnalyses *r = g_new0(CsbRunAnalyses, 1);
    r->groups = g_ptr_array_new_with_free_func(group_free);
    Group *shared = NULL;
    GHashTable *group_of = g_hash_table_new(NULL, NULL); /* config -> Group* */
    for (guint i = 0; i < jobs->len; i++) {
        const CsbJob *j = jobs->pdata[i];
        if (!j->build || g_hash_table_contains(group_of, j->config))
            continue;
        Group *g;
        if (j->config->custom_themes->len) {
            g = group_new();
            g->custom = csb_themes_extend(res->themes, j->config->custom_themes);
            g_ptr_array_add(r->groups, g);
        } else {
            if (!shared) {
                shared = group_new();
                g_ptr_array_add(r->groups, shared);
            }
            g = shared;
        }
        select_themes(g, g->custom ? g->custom : res->themes, j->config);
        g_hash_table_insert(group_of, (gpointer)j->config, g);
    }
    for (guint i = 0; i < r->groups->len; i++) {
        Group *g = r->groups->pdata[i];
        g->set = csb_analyses_new(g->custom ? g->custom : res->themes, g->selection, NULL,
                                  res->recurrence);
    }
    /* Each report once per set, whichever jobs use it. */
    GArray *work = g_array_new(FALSE, FALSE, sizeof(Work));
    GHashTable *queued = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < jobs->len; i++) {
        CsbJob *j = jobs->pdata[i];
        if (!j->build)
            continue;
        Group *g = g_hash_table_lookup(group_of, j->config);
        j->analyses = g->set;
        GHashTable *seen = g_hash_table_lookup(queued, g);
        if (!seen) {
            seen = g_hash_table_new(NULL, NULL);
            g_hash_table_insert(queued, g, seen);
        }
        for (guint k = 0; j->inspections && k < j->inspections->len; k++) {
            const CsbInspection *in = j->inspections->pdata[k];
            if (g_hash_table_contains(seen, in))
                continue;
            g_hash_table_add(seen, (gpointer)in);
            Work w = {g->set, in, NULL};
            g_array_append_val(work, w);
        }
    }
    analyse_all(work, threads);
    GHashTableIter it;
    gpointer seen;
    g_hash_table_iter_init(&it, queued);
    while (g_hash_table_iter_next(&it, NULL, &seen))
        g_hash_table_destroy(seen);
    g_hash_table_destroy(queued);
    g_array_free(work, TRUE);
    g_hash_table_destroy(group_of);
    return r;
}

guint csb_run_analyses_count(const CsbRunAnalyses *r)
{
    guint n = 0;
    for (guint i = 0; i < r->groups->len; i++)
        n += csb_analyses_count(((const Group *)r->groups->pdata[i])->set);
    return n;
}

void csb_run_analyses_free(CsbRunAnalyses *r)
{
    if (!r)
        return;
    g_ptr_array_free(r->groups, TRUE);
    g_free(r);
}
