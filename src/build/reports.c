/* reports.c - the reports a run's configs name, each once: its content
 * hash, whom it is about (from an earlier run's note when its content is
 * unchanged, else by parsing it, or, when it cannot be read, from an index
 * of the files or its name), and its parsed record when a briefing being
 * built needs it; what a briefing could not read of them (CsbNotRead). Parsing runs on a pool of threads; every record is
 * then shared, read-only, by all the briefings that use it.
 */
#include "build.h"

#include <string.h>

static void report_free(gpointer p)
{
    CsbReport *r = p;
    g_free(r->path);
    g_free(r->sha256);
    g_free(r->authority);
    g_free(r->error);
    csb_inspection_free(r->inspection);
    csb_diag_free(r->diag);
    g_free(r);
}

static int by_path(gconstpointer a, gconstpointer b)
{
    const CsbReport *x = *(CsbReport *const *)a, *y = *(CsbReport *const *)b;
    return strcmp(x->path, y->path);
}

CsbReportSet *csb_report_set_new(const GPtrArray *configs, const char *const *cache_dirs,
                                 CsbDiag *diag)
{
    CsbReportSet *s = g_new0(CsbReportSet, 1);
    s->all = g_ptr_array_new_with_free_func(report_free);
    s->by_path = g_hash_table_new(g_str_hash, g_str_equal);
    s->sources = csb_sources_new();
    for (guint c = 0; c < configs->len; c++) {
        const CsbConfig *cfg = configs->pdata[c];
        for (guint i = 0; i < cfg->sources->len; i++)
            csb_sources_add(s->sources, cfg->sources->pdata[i], diag);
        for (guint i = 0; i < cfg->reports->len; i++) {
            const char *path = cfg->reports->pdata[i];
            if (g_hash_table_contains(s->by_path, path))
                continue;
            csb_sources_add_beside(s->sources, path, diag);
            CsbReport *r = g_new0(CsbReport, 1);
            r->path = g_strdup(path);
            r->cache_dir = cache_dirs ? cache_dirs[c] : NULL;
            g_ptr_array_add(s->all, r);
            g_hash_table_insert(s->by_path, r->path, r);
        }
    }
    g_ptr_array_sort(s->all, by_path);
    return s;
}

void csb_report_set_free(CsbReportSet *s)
{
    if (!s)
        return;
    g_hash_table_destroy(s->by_path);
    g_ptr_array_free(s->all, TRUE);
    csb_sources_free(s->sources);
    g_free(s);
}

/* ---- parsing on threads ---------------------------------------------------- */

/* Plain threads, joined before returning, rather than a GThreadPool: the
 * batch then forks render processes (workers.c), and a fork must find no
 * other thread alive (a pool's idle threads may hold GLib's allocator
 * locks, which the child would then wait on forever). */
typedef struct {
    GPtrArray *which;
    gint next;         /* index of the next report to parse, atomic */
    const CsbReference *ref;
    const CsbSources *sources;
    gboolean use_cache;
    GAsyncQueue *done; /* CsbReport* as each is parsed */
} ParseRun;

static void parse_one(CsbReport *r, ParseRun *run)
{
    if (!r->diag)
        r->diag = csb_diag_new();
    r->inspection = csb_build_parse_report(r->path, run->ref, run->sources,
                                           run->use_cache ? r->cache_dir : NULL, r->diag);
    g_free(r->authority);
    g_free(r->error);
    r->authority = NULL;
    r->error = NULL;
    r->reason = CSB_UNREAD_UNKNOWN;
    if (r->inspection) {
        r->authority = g_strdup(r->inspection->authority);
    } else {
        for (guint i = 0; i < r->diag->items->len && !r->error; i++) {
            const CsbError *e = r->diag->items->pdata[i];
            if (e->severity == CSB_SEV_ERROR) {
                r->error = g_strdup(e->message);
                r->reason = csb_unread_reason_of(e);
            }
        }
        if (!r->error)
            r->error = g_strdup("not a report csbrief can read");
    }
    r->known = TRUE;
    g_async_queue_push(run->done, r);
}

static gpointer parse_thread(gpointer data)
{
    ParseRun *run = data;
    for (;;) {
        guint i = (guint)g_atomic_int_add(&run->next, 1);
        if (i >= run->which->len)
            return NULL;
        parse_one(run->which->pdata[i], run);
    }
}

void csb_report_set_parse(GPtrArray *which, const CsbReference *ref, const CsbSources *sources,
                          int jobs,
                          gboolean use_cache,
                          void (*parsed)(CsbReport *r, guint done, guint total, gpointer data),
                          gpointer data)
{
    if (!which->len)
        return;
    ParseRun run = {which, 0, ref, sources, use_cache, g_async_queue_new()};
    guint n = MIN((guint)MAX(jobs, 1), which->len);
    GThread **threads = g_new0(GThread *, n);
    for (guint t = 0; t < n; t++)
        threads[t] = g_thread_new("csbrief-parse", parse_thread, &run);
    for (guint i = 0; i < which->len; i++) {
        CsbReport *r = g_async_queue_pop(run.done);
        if (parsed)
            parsed(r, i + 1, which->len, data);
    }
    for (guint t = 0; t < n; t++)
        g_thread_join(threads[t]);
    g_free(threads);
    g_async_queue_unref(run.done);
}

/* ---- what could not be read ------------------------------------------------ */

const CsbAuthority *csb_report_owner(const CsbReportSet *set, const CsbReport *r,
                                     const CsbAuthorities *authorities, CsbSourceFacts *facts)
{
    csb_sources_facts(set->sources, r->path, facts);
    return facts->urn ? csb_authorities_by_urn(authorities, facts->urn) : NULL;
}

gboolean csb_build_grade_unread(const CsbError *warning)
{
    return warning->severity == CSB_SEV_WARNING && warning->code == CSB_PARSE_WARN_GRADE_UNREAD;
}

/* The warnings of a report read whose grades (some) could not be, joined;
 * NULL when none. */
static char *grade_warnings(const CsbReport *r)
{
    GString *why = NULL;
    for (guint i = 0; r->diag && i < r->diag->items->len; i++) {
        const CsbError *e = r->diag->items->pdata[i];
        if (!csb_build_grade_unread(e))
            continue;
        if (!why)
            why = g_string_new(e->message);
        else
            g_string_append_printf(why, "; %s", e->message);
    }
    return why ? g_string_free(why, FALSE) : NULL;
}

void csb_build_not_read(CsbJob *job, const CsbReportSet *set, const CsbAuthorities *authorities)
{
    if (job->not_read)
        g_ptr_array_free(job->not_read, TRUE);
    job->not_read = g_ptr_array_new_with_free_func((GDestroyNotify)csb_not_read_free);
    for (guint i = 0; i < job->unread->len; i++) {
        const CsbReport *r = job->unread->pdata[i];
        CsbSourceFacts facts;
        const CsbAuthority *owner = csb_report_owner(set, r, authorities, &facts);
        g_ptr_array_add(job->not_read,
                        csb_not_read_new(r->path, r->error, r->reason,
                                         owner ? owner->name : NULL, facts.published,
                                         facts.title, facts.kind, NULL));
        csb_source_facts_clear(&facts);
    }
    for (guint i = 0; i < job->reports->len; i++) {
        const CsbReport *r = job->reports->pdata[i];
        char *why = r->inspection ? grade_warnings(r) : NULL;
        if (why)
            g_ptr_array_add(job->not_read,
                            csb_not_read_new(r->path, why, CSB_UNREAD_UNKNOWN,
                                             r->inspection->authority,
                                             r->inspection->published, NULL,
                                             csb_kind_id(r->inspection->kind), r->inspection));
        g_free(why);
    }
}
