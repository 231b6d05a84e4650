/* run.c - a fetch run: every config's folder in turn, under the build's
 * lock on that folder (a second fetch or a build writing there waits for
 * another night: exit 75); temporary files of a killed run removed; the
 * listing, then each authority's page and its new publications, one
 * request at a time; what was learnt saved at the end. One authority or
 * file that fails never stops the others; the time budget stops the run
 * cleanly, saying what was left.
 */
#include "fetch.h"

#include <stdarg.h>
#include <string.h>

void csb_fetch_emit(CsbFetchFolder *f, CsbFetchEvent *e)
{
    if (!e->folder)
        e->folder = f->folder;
    if (!e->authority)
        e->authority = f->authority;
    e->done = f->done;
    e->total = f->total;
    if (f->sink)
        f->sink(e, f->sink_data);
}

void csb_fetch_fail(CsbFetchFolder *f, const char *what, const char *url, const char *title,
                    const char *why)
{
    f->summary->failed++;
    g_ptr_array_add(f->summary->failures,
                    g_strdup_printf("%s%s%s%s: %s", what, title ? " (" : "", title ? title : "",
                                    title ? ")" : "", why));
    CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_FAILED, .authority = what, .url = url,
                       .title = title, .detail = why};
    csb_fetch_emit(f, &e);
}

GBytes *csb_fetch_page(CsbFetchFolder *f, const char *url, gboolean *unchanged, char **error)
{
    *unchanged = FALSE;
    const CsbPageRecord *rec = csb_fetch_state_page(f->state, url);
    GBytes *kept = rec ? csb_fetch_state_page_body(f->state, rec) : NULL;
    CsbHttpResult *r = csb_http_get(f->http, url, kept ? rec->etag : NULL,
                                    kept ? rec->last_modified : NULL);
    GBytes *body = NULL;
    if (r->outcome == CSB_HTTP_NOT_MODIFIED) {
        body = g_steal_pointer(&kept);
        *unchanged = TRUE;
    } else if (r->outcome == CSB_HTTP_OK) {
        CsbDiag *diag = csb_diag_new();
        csb_fetch_state_put_page(f->state, url, r, diag);
        if (diag->items->len) {
            CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_PROBLEM, .diag = diag};
            csb_fetch_emit(f, &e);
        }
        csb_diag_free(diag);
        body = g_bytes_new(r->body->data, r->body->len);
    } else {
        *error = g_strdup(r->error);
        f->summary->out_of_time |= r->out_of_time;
    }
    if (kept)
        g_bytes_unref(kept);
    csb_http_result_free(r);
    return body;
}

void csb_fetch_warn(CsbFetchFolder *f, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    CsbDiag *d = csb_diag_new();
    csb_diag_warn(d, file, 0, 0, "%s", msg);
    CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_PROBLEM, .diag = d};
    csb_fetch_emit(f, &e);
    csb_diag_free(d);
    g_free(msg);
}

static void on_retry(const char *url, guint attempt, double wait, const char *why, gpointer data)
{
    CsbFetchFolder *f = data;
    CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_RETRY, .url = url, .attempt = attempt,
                       .seconds = wait, .detail = why};
    csb_fetch_emit(f, &e);
}

/* ---- one folder ---------------------------------------------------------------- */

typedef struct {
    char *folder;
    GPtrArray *configs; /* const CsbConfig*, those fetching into folder */
    CsbSite *site;
} Group;

static void group_free(gpointer p)
{
    Group *g = p;
    g_free(g->folder);
    g_ptr_array_free(g->configs, TRUE);
    csb_site_free(g->site);
    g_free(g);
}

static GPtrArray *groups_of(const GPtrArray *configs)
{
    GPtrArray *groups = g_ptr_array_new_with_free_func(group_free);
    for (guint c = 0; c < configs->len; c++) {
        const CsbConfig *cfg = configs->pdata[c];
        if (!cfg->fetch)
            continue;
        Group *g = NULL;
        for (guint i = 0; i < groups->len && !g; i++)
            if (strcmp(((Group *)groups->pdata[i])->folder, cfg->fetch->into) == 0)
                g = groups->pdata[i];
        if (!g) {
            g = g_new0(Group, 1);
            g->folder = g_strdup(cfg->fetch->into);
            g->configs = g_ptr_array_new();
            g_ptr_array_add(groups, g);
        }
        g_ptr_array_add(g->configs, (gpointer)cfg);
    }
    return groups;
}

static void remove_temps(CsbFetchFolder *f, const char *dir)
{
    GPtrArray *removed = g_ptr_array_new_with_free_func(g_free);
    csb_build_clean_temps(dir, removed);
    for (guint i = 0; i < removed->len; i++) {
        CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_TEMP_REMOVED, .file = removed->pdata[i]};
        csb_fetch_emit(f, &e);
    }
    g_ptr_array_free(removed, TRUE);
}

static void emit_diag(CsbFetchFolder *f, CsbDiag *diag)
{
    if (diag->items->len) {
        CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_PROBLEM, .diag = diag};
        csb_fetch_emit(f, &e);
    }
    g_ptr_array_set_size(diag->items, 0);
}

static char *user_agent(const CsbFetchSpec *spec)
{
    return g_strdup_printf("csbrief/%s (children's services briefings; contact: %s)",
                           CSB_VERSION, spec->contact);
}

static void fetch_folder(CsbFetchFolder *f, const Group *g, gint64 started)
{
    CsbDiag *diag = csb_diag_new();
    f->index = csb_index_load(f->folder, diag);
    f->state = csb_fetch_state_load(f->folder, diag);
    emit_diag(f, diag);
    char *state_dir = g_build_filename(f->folder, CSB_FETCH_STATE_DIR, NULL);
    remove_temps(f, f->folder);
    remove_temps(f, state_dir);
    GPtrArray *targets = csb_fetch_targets(g->configs, f->res);
    for (guint i = 0; i < g->configs->len; i++) {
        const CsbConfig *cfg = g->configs->pdata[i];
        f->everyone |= cfg->all_authorities && !cfg->regions->len;
    }
    char *agent = user_agent(f->spec);
    CsbHttpOptions ho = {agent, f->spec->delay, f->spec->timeout, f->spec->retries,
                         f->spec->backoff, f->spec->max_file_size,
                         started + (gint64)(f->spec->budget * G_USEC_PER_SEC), g->site};
    f->http = csb_http_new(&ho, on_retry, f);
    f->total = targets->len;
    f->summary->authorities += targets->len;
    CsbFetchEvent start = {.kind = CSB_FETCH_EVENT_START};
    csb_fetch_emit(f, &start);
    GHashTable *urns = csb_fetch_listing(f, targets);
    for (guint i = 0; i < targets->len; i++) {
        const CsbFetchTarget *t = targets->pdata[i];
        if (csb_fetch_stopped(f)) {
            gboolean late = csb_http_out_of_time(f->http);
            f->summary->out_of_time |= late;
            char *why = late ? g_strdup_printf("the time budget ('fetch: budget', %.0fs) ran out "
                                               "with %u of %u authorities still to read; the "
                                               "next run goes on from there",
                                               f->spec->budget, targets->len - i, targets->len)
                             : g_strdup_printf("the site did not answer the last %d requests; "
                                               "stopped with %u of %u authorities still to read "
                                               "(the next run tries again)",
                                               CSB_HTTP_DOWN_AFTER, targets->len - i,
                                               targets->len);
            f->authority = NULL;
            csb_fetch_fail(f, f->folder, NULL, NULL, why);
            g_free(why);
            break;
        }
        const char *urn = NULL;
        GHashTableIter it;
        gpointer k, v;
        g_hash_table_iter_init(&it, urns);
        while (!urn && g_hash_table_iter_next(&it, &k, &v))
            if (v == t->authority)
                urn = k;
        f->authority = t->authority->name;
        if (urn)
            csb_fetch_provider(f, t, urn);
        f->done = i + 1;
    }
    f->authority = NULL;
    csb_fetch_state_save(f->state, diag);
    emit_diag(f, diag);
    CsbHttpCounts c = csb_http_counts(f->http);
    f->summary->http.requests += c.requests;
    f->summary->http.not_modified += c.not_modified;
    f->summary->http.retries += c.retries;
    f->summary->http.bytes += c.bytes;
    g_hash_table_destroy(urns);
    csb_http_free(f->http);
    g_free(agent);
    g_ptr_array_free(targets, TRUE);
    g_free(state_dir);
    csb_fetch_state_free(f->state);
    csb_index_free(f->index);
    csb_diag_free(diag);
}

/* ---- the run ---------------------------------------------------------------------- */

static gboolean load_sites(GPtrArray *groups, const CsbFetchOptions *opt, CsbDiag *diag)
{
    gboolean ok = TRUE;
    for (guint i = 0; i < groups->len; i++) {
        Group *g = groups->pdata[i];
        const CsbConfig *first = g->configs->pdata[0];
        const char *path = first->fetch->site ? first->fetch->site : opt->default_site;
        g->site = csb_site_load(path, diag);
        ok &= g->site != NULL;
    }
    return ok;
}

CsbFetchStatus csb_fetch_run(const GPtrArray *configs, const CsbResources *res,
                             const CsbFetchOptions *opt, CsbFetchSink sink, gpointer data,
                             GPtrArray *new_files)
{
    gint64 started = g_get_monotonic_time();
    CsbFetchSummary summary = {0};
    summary.files = g_ptr_array_new_with_free_func(g_free);
    summary.failures = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *groups = groups_of(configs);
    CsbDiag *diag = csb_diag_new();
    CsbFetchStatus status = CSB_FETCH_OK;
    CsbFetchFolder shell = {.summary = &summary, .sink = sink, .sink_data = data};
    if (!load_sites(groups, opt, diag)) {
        CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_PROBLEM, .diag = diag};
        csb_fetch_emit(&shell, &e);
        status = CSB_FETCH_INVALID;
    }
    for (guint i = 0; status != CSB_FETCH_INVALID && i < groups->len; i++) {
        Group *g = groups->pdata[i];
        CsbFetchFolder f = {.spec = ((const CsbConfig *)g->configs->pdata[0])->fetch,
                            .res = res, .site = g->site, .summary = &summary, .sink = sink,
                            .sink_data = data, .folder = g->folder};
        CsbLock *lock = NULL;
        char *detail = NULL;
        CsbLockResult got = csb_lock_take(g->folder, &lock, &detail);
        if (got == CSB_LOCK_HELD) {
            CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_LOCKED, .detail = detail};
            csb_fetch_emit(&f, &e);
            status = CSB_FETCH_LOCKED;
        } else if (got == CSB_LOCK_ERROR) {
            csb_fetch_fail(&f, g->folder, NULL, NULL, detail);
        } else {
            csb_lock_describe(lock, opt->command);
            if (detail) {
                CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_LOCK_STALE, .detail = detail};
                csb_fetch_emit(&f, &e);
            }
            summary.folders++;
            fetch_folder(&f, g, started);
            csb_lock_release(lock);
        }
        g_free(detail);
    }
    summary.seconds = (double)(g_get_monotonic_time() - started) / G_USEC_PER_SEC;
    if (status == CSB_FETCH_OK && summary.failed)
        status = CSB_FETCH_FAILED;
    CsbFetchEvent fin = {.kind = CSB_FETCH_EVENT_FINISH, .summary = &summary};
    csb_fetch_emit(&shell, &fin);
    for (guint i = 0; new_files && i < summary.files->len; i++)
        g_ptr_array_add(new_files, g_strdup(summary.files->pdata[i]));
    g_ptr_array_free(summary.files, TRUE);
    g_ptr_array_free(summary.failures, TRUE);
    csb_diag_free(diag);
    g_ptr_array_free(groups, TRUE);
    return status;
}
