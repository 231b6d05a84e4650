/* batch.c - one `csbrief build` run over many configs: lock every output
 * folder, learn what each report is about (cheaply when nothing changed),
 * plan one job per briefing, skip those whose inputs are as the manifest
 * recorded, parse the reports the rest need once (on threads, all joined
 * before any fork), render them in child processes (workers.c), and record
 * what was built. Everything the run does is told to the caller as events,
 * on the caller's thread, one at a time.
 */
#include "build.h"
#include "../parse/parse.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

/* A killed run loses at most this much of its record of what it built. */
#define SAVE_EVERY_US (5 * G_TIME_SPAN_SECOND)
/* Parsed records of reports no longer among those read are removed from
 * the cache after this long (a report moved away and back within it is
 * not parsed again). */
#define CACHE_KEEP_SECONDS (30 * 24 * 3600)

typedef struct {
    const CsbResources *res;
    const CsbBatchOptions *opt;
    int jobs;
    CsbEventSink sink;
    gpointer sink_data;
    GTimer *timer;
    CsbBatchSummary summary;
    guint done;
    GPtrArray *roots;      /* char*: output folders, sorted, unique */
    GPtrArray *locks;      /* CsbLock* */
    GHashTable *manifests; /* root -> CsbManifest* */
    GHashTable *dirty;     /* roots whose manifest has changed since saved */
    CsbFileHashes *hashes;
    CsbSharedInputs *shared;
    CsbReportSet *reports;
    CsbRunAnalyses *analyses;
    char *parser_key;
    gint64 saved_at;
    gboolean save_failed;
    GHashTable *fresh;     /* paths of the reports fetched just before (--fetch), or NULL */
    int stop_fd;           /* signalfd for SIGTERM, SIGINT, SIGHUP */
} Run;

static void emit(Run *run, CsbEvent *e)
{
    if (e->kind != CSB_EVENT_READ && e->kind != CSB_EVENT_ANALYSED) {
        e->done = run->done;
        e->total = run->summary.total;
    }
    if (run->sink)
        run->sink(e, run->sink_data);
}

static void emit_problem(Run *run, const CsbDiag *diag)
{
    if (!diag->items->len)
        return;
    CsbEvent e = {.kind = CSB_EVENT_PROBLEM, .diag = diag};
    emit(run, &e);
}

/* ---- output folders, locks and manifests ----------------------------------- */

static int strcmp_ptr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_unique_sorted(GPtrArray *a, char *owned)
{
    for (guint i = 0; i < a->len; i++)
        if (strcmp(a->pdata[i], owned) == 0) {
            g_free(owned);
            return;
        }
    g_ptr_array_add(a, owned);
    g_ptr_array_sort(a, strcmp_ptr);
}

/* The output folders of every briefing, and each config's cache folder:
 * its 'cache', else .csbrief-cache in its first briefing's output folder. */
static char **collect_roots(Run *run, const GPtrArray *configs)
{
    char **cache = g_new0(char *, configs->len + 1);
    run->roots = g_ptr_array_new_with_free_func(g_free);
    for (guint c = 0; c < configs->len; c++) {
        const CsbConfig *cfg = configs->pdata[c];
        for (guint b = 0; b < cfg->briefings->len; b++) {
            const CsbBriefingSpec *spec = cfg->briefings->pdata[b];
            char *root = csb_output_fixed_dir(spec->output);
            if (!cache[c])
                cache[c] = cfg->cache_dir ? g_strdup(cfg->cache_dir)
                                          : g_build_filename(root, ".csbrief-cache", NULL);
            add_unique_sorted(run->roots, root);
        }
        if (!cache[c])
            cache[c] = g_strdup(cfg->cache_dir);
    }
    return cache;
}

/* The default parse cache (.csbrief-cache in the output folder) is never
 * used through a symbolic link someone planted there: it is left out, with
 * a warning. A 'cache:' the config names is the user's choice. */
static void refuse_linked_caches(Run *run, const GPtrArray *configs, char **cache_dirs)
{
    CsbDiag *diag = csb_diag_new();
    for (guint c = 0; c < configs->len; c++) {
        const CsbConfig *cfg = configs->pdata[c];
        struct stat st;
        if (cfg->cache_dir || !cache_dirs[c] || lstat(cache_dirs[c], &st) != 0 ||
            S_ISDIR(st.st_mode))
            continue;
        csb_diag_warn(diag, cache_dirs[c], 0, 0, "not a folder (a symbolic link?): the parse "
                                                 "cache is not used; remove it");
        g_free(cache_dirs[c]);
        cache_dirs[c] = NULL;
    }
    emit_problem(run, diag);
    csb_diag_free(diag);
}

static CsbBatchStatus take_locks(Run *run)
{
    run->locks = g_ptr_array_new_with_free_func((GDestroyNotify)csb_lock_release);
    GPtrArray *stale = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < run->roots->len; i++) {
        const char *root = run->roots->pdata[i];
        CsbLock *lock = NULL;
        char *detail = NULL;
        CsbLockResult got = csb_lock_take(root, &lock, &detail);
        if (got != CSB_LOCK_TAKEN) {
            /* Nothing was written yet: leave everything as it is. */
            g_ptr_array_set_size(run->locks, 0);
            if (got == CSB_LOCK_HELD) {
                CsbEvent e = {.kind = CSB_EVENT_LOCKED, .folder = root, .detail = detail};
                emit(run, &e);
            } else {
                CsbDiag *d = csb_diag_new();
                csb_diag_error(d, root, 0, 0, "%s", detail);
                emit_problem(run, d);
                csb_diag_free(d);
            }
            g_free(detail);
            g_ptr_array_free(stale, TRUE);
            return got == CSB_LOCK_HELD ? CSB_BATCH_LOCKED : CSB_BATCH_FAILED;
        }
        g_ptr_array_add(run->locks, lock);
        g_ptr_array_add(stale, detail);
    }
    for (guint i = 0; i < run->locks->len; i++) {
        csb_lock_describe(run->locks->pdata[i], run->opt->command);
        if (stale->pdata[i]) {
            CsbEvent e = {.kind = CSB_EVENT_LOCK_STALE, .folder = run->roots->pdata[i],
                          .detail = stale->pdata[i]};
            emit(run, &e);
        }
    }
    g_ptr_array_free(stale, TRUE);
    return CSB_BATCH_OK;
}

static void load_manifests(Run *run)
{
    run->manifests = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify)csb_manifest_free);
    run->dirty = g_hash_table_new(g_str_hash, g_str_equal);
    run->hashes = csb_file_hashes_new();
    CsbDiag *diag = csb_diag_new();
    for (guint i = 0; i < run->roots->len; i++) {
        CsbManifest *m = csb_manifest_load(run->roots->pdata[i], diag);
        g_hash_table_insert(run->manifests, run->roots->pdata[i], m);
        GHashTableIter it;
        gpointer path, stamp;
        g_hash_table_iter_init(&it, m->stamps);
        while (g_hash_table_iter_next(&it, &path, &stamp))
            csb_file_hashes_remember(run->hashes, path, stamp);
    }
    emit_problem(run, diag);
    csb_diag_free(diag);
}

/* Notes on report contents hold for the csbrief, authority table and
 * frameworks that wrote them. */
static char *parser_key(Run *run)
{
    char *err = NULL;
    const char *table = csb_file_hashes_get(run->hashes, run->res->authorities_path, &err);
    g_clear_pointer(&err, g_free);
    const char *frameworks = csb_file_hashes_get(run->hashes, run->res->frameworks_path, &err);
    g_free(err);
    char *text = g_strdup_printf("%s %s %s", run->shared->tool, table ? table : "",
                                 frameworks ? frameworks : "");
    char *key = g_compute_checksum_for_string(G_CHECKSUM_SHA256, text, -1);
    g_free(text);
    return key;
}

static const CsbReportNote *find_note(Run *run, const char *sha256)
{
    GHashTableIter it;
    gpointer m;
    g_hash_table_iter_init(&it, run->manifests);
    while (g_hash_table_iter_next(&it, NULL, &m)) {
        const CsbManifest *man = m;
        if (g_strcmp0(man->parser_key, run->parser_key) != 0)
            continue;
        const CsbReportNote *n = g_hash_table_lookup(man->notes, sha256);
        if (n)
            return n;
    }
    return NULL;
}

typedef struct {
    CsbManifest *m;
    GHashTable *contents; /* sha256 of each file stamped */
} Refresh;

static void put_stamp(const char *path, const CsbFileStamp *s, gpointer data)
{
    Refresh *r = data;
    CsbFileStamp *copy = g_new0(CsbFileStamp, 1);
    *copy = *s;
    copy->sha256 = g_strdup(s->sha256);
    g_hash_table_replace(r->m->stamps, g_strdup(path), copy);
    g_hash_table_add(r->contents, copy->sha256);
}

/* Bring a manifest up to date with what this run learnt, before saving:
 * stamps of the files hashed, notes on the reports' contents. */
static void refresh_manifest(Run *run, CsbManifest *m)
{
    if (g_strcmp0(m->parser_key, run->parser_key) != 0) {
        g_hash_table_remove_all(m->notes);
        g_free(m->parser_key);
        m->parser_key = g_strdup(run->parser_key);
    }
    g_hash_table_remove_all(m->stamps);
    Refresh r = {m, g_hash_table_new(g_str_hash, g_str_equal)};
    csb_file_hashes_foreach(run->hashes, put_stamp, &r);
    for (guint i = 0; i < run->reports->all->len; i++) {
        const CsbReport *rep = run->reports->all->pdata[i];
        if (rep->sha256 && rep->known) {
            csb_manifest_put_note(m, rep->sha256, rep->authority, rep->error);
            g_hash_table_add(r.contents, rep->sha256);
        }
    }
    /* Keep notes only for contents some report of this run or some
     * stamped file still has. */
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, m->notes);
    while (g_hash_table_iter_next(&it, &k, NULL))
        if (!g_hash_table_contains(r.contents, k))
            g_hash_table_iter_remove(&it);
    g_hash_table_destroy(r.contents);
}

static void save_manifests(Run *run, gboolean all)
{
    CsbDiag *diag = csb_diag_new();
    for (guint i = 0; i < run->roots->len; i++) {
        const char *root = run->roots->pdata[i];
        if (!all && !g_hash_table_contains(run->dirty, root))
            continue;
        CsbManifest *m = g_hash_table_lookup(run->manifests, root);
        refresh_manifest(run, m);
        if (!csb_manifest_save(m, diag))
            run->save_failed = TRUE;
        g_hash_table_remove(run->dirty, root);
    }
    run->saved_at = g_get_monotonic_time();
    emit_problem(run, diag);
    csb_diag_free(diag);
}

/* ---- reports ----------------------------------------------------------------- */

static void report_parsed(CsbReport *r, guint done, guint total, gpointer data)
{
    Run *run = data;
    CsbEvent e = {.kind = CSB_EVENT_READ, .report = r->path, .authority = r->authority,
                  .detail = r->error, .diag = r->diag, .done = done, .total = total};
    emit(run, &e);
}

/* Hash every report; take whom it is about from a note when its content
 * was seen before, else parse it now. */
static void learn_reports(Run *run)
{
    GPtrArray *unknown = g_ptr_array_new();
    for (guint i = 0; i < run->reports->all->len; i++) {
        CsbReport *r = run->reports->all->pdata[i];
        char *err = NULL;
        const char *sha = csb_file_hashes_get(run->hashes, r->path, &err);
        if (!sha) {
            r->error = g_strdup_printf("cannot read the file: %s", err);
            r->known = TRUE;
            g_free(err);
            continue;
        }
        r->sha256 = g_strdup(sha);
        const CsbReportNote *note = find_note(run, sha);
        if (note) {
            r->authority = g_strdup(note->authority);
            r->error = g_strdup(note->error);
            r->known = TRUE;
        } else {
            g_ptr_array_add(unknown, r);
        }
    }
    csb_report_set_parse(unknown, run->res->reference, run->reports->sources, run->jobs, !run->opt->dry_run,
                         report_parsed, run);
    g_ptr_array_free(unknown, TRUE);
    run->summary.reports = run->reports->all->len;
    for (guint i = 0; i < run->reports->all->len; i++) {
        const CsbReport *r = run->reports->all->pdata[i];
        if (!r->error)
            continue;
        run->summary.unreadable++;
        CsbEvent e = {.kind = CSB_EVENT_REPORT, .report = r->path, .detail = r->error};
        emit(run, &e);
    }
}

/* Parse the reports the jobs to build need that were not parsed yet. */
static void parse_needed(Run *run, const GPtrArray *jobs)
{
    GPtrArray *need = g_ptr_array_new();
    GHashTable *seen = g_hash_table_new(NULL, NULL);
    for (guint i = 0; i < jobs->len; i++) {
        const CsbJob *j = jobs->pdata[i];
        for (guint k = 0; j->build && k < j->reports->len; k++) {
            CsbReport *r = j->reports->pdata[k];
            if (!r->inspection && !g_hash_table_contains(seen, r)) {
                g_hash_table_add(seen, r);
                g_ptr_array_add(need, r);
            }
        }
    }
    csb_report_set_parse(need, run->res->reference, run->reports->sources, run->jobs, TRUE,
                         report_parsed, run);
    g_hash_table_destroy(seen);
    g_ptr_array_free(need, TRUE);
}

/* ---- building ----------------------------------------------------------------- */

static char *now_iso(void)
{
    GDateTime *now = g_date_time_new_now_local();
    char *s = g_date_time_format(now, "%Y-%m-%dT%H:%M:%S%:z");
    g_date_time_unref(now);
    return s;
}

static void record_built(Run *run, const CsbJob *j)
{
    struct stat st;
    if (lstat(j->spec->output, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    CsbManifestEntry *e = g_new0(CsbManifestEntry, 1);
    e->output = g_strdup(j->key);
    e->hash = g_strdup(j->hash);
    e->built_at = now_iso();
    e->stamp = (CsbFileStamp){csb_output_sha256(j->spec->output), (gint64)st.st_size,
                              (gint64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec, 0,
                              (guint64)st.st_ino};
    e->inputs = g_ptr_array_new_with_free_func((GDestroyNotify)csb_input_free);
    for (guint i = 0; i < j->inputs->len; i++) {
        const CsbInput *in = j->inputs->pdata[i];
        g_ptr_array_add(e->inputs, csb_input_new(in->label, in->sha256));
    }
    csb_manifest_put_entry(g_hash_table_lookup(run->manifests, j->root), e);
    g_hash_table_add(run->dirty, j->root);
}

static const char *first_error(const CsbDiag *d)
{
    for (guint i = 0; i < d->items->len; i++) {
        const CsbError *e = d->items->pdata[i];
        if (e->severity == CSB_SEV_ERROR)
            return e->message;
    }
    return "failed";
}

static void finished(Run *run, CsbJob *j)
{
    run->done++;
    CsbEvent e = {.kind = j->ok ? CSB_EVENT_BUILT : CSB_EVENT_FAILED,
                  .output = j->spec->output,
                  .authority = j->spec->authority,
                  .template_id = j->spec->template_id,
                  .reasons = j->reasons,
                  .diag = j->diag,
                  .seconds = j->seconds};
    /* A worker killed by a signal may have renamed its file into place
     * just before: that write stays pending, so the next run knows the
     * file is csbrief's. Any other end settles it. */
    CsbManifest *m = g_hash_table_lookup(run->manifests, j->root);
    if (!j->killed && g_hash_table_remove(m->pending, j->key))
        g_hash_table_add(run->dirty, j->root);
    if (j->ok) {
        run->summary.built++;
        record_built(run, j);
        char *fresh = run->fresh ? csb_plan_fresh_reports(j, run->fresh) : NULL;
        if (fresh)
            g_ptr_array_add(run->summary.rebuilt_for_new,
                            g_strdup_printf("%s (%s)", j->spec->output, fresh));
        g_free(fresh);
    } else {
        /* The last good PDF stays, and so does the record of how it was
         * built: the next run tries again. */
        run->summary.failed++;
        g_ptr_array_add(run->summary.failures,
                        g_strdup_printf("%s: %s", j->spec->output, first_error(j->diag)));
    }
    emit(run, &e);
    if (!run->opt->dry_run && g_get_monotonic_time() - run->saved_at > SAVE_EVERY_US)
        save_manifests(run, FALSE);
}

static void job_started(CsbJob *j, gpointer data)
{
    CsbEvent e = {.kind = CSB_EVENT_BUILDING,
                  .output = j->spec->output,
                  .authority = j->spec->authority,
                  .template_id = j->spec->template_id,
                  .reasons = j->reasons};
    emit(data, &e);
}

static void job_finished(CsbJob *j, gpointer data)
{
    finished(data, j);
}

/* Each job to build, with the parsed reports it reads and their analyses
 * (made once for the run, analyse.c), rendered in child processes
 * (workers.c). */
static void build_all(Run *run, GPtrArray *jobs)
{
    GPtrArray *todo = g_ptr_array_new();
    for (guint i = 0; i < jobs->len; i++) {
        CsbJob *j = jobs->pdata[i];
        if (!j->build)
            continue;
        j->inspections = g_ptr_array_new();
        for (guint k = 0; k < j->reports->len; k++) {
            const CsbReport *r = j->reports->pdata[k];
            if (r->inspection)
                g_ptr_array_add(j->inspections, r->inspection);
        }
        csb_build_not_read(j, run->reports, run->res->authorities);
        g_ptr_array_add(todo, j);
    }
    if (todo->len && !run->opt->reference) {
        gint64 t0 = g_get_monotonic_time();
        run->analyses = csb_run_analyses_new(todo, run->res, run->jobs);
        CsbEvent e = {.kind = CSB_EVENT_ANALYSED,
                      .done = csb_run_analyses_count(run->analyses),
                      .total = todo->len,
                      .seconds = (double)(g_get_monotonic_time() - t0) / G_TIME_SPAN_SECOND};
        emit(run, &e);
    }
    /* Recorded before any is written: a run killed while writing leaves a
     * file the next run knows is csbrief's (the old one or its new one). */
    for (guint i = 0; i < todo->len; i++) {
        const CsbJob *j = todo->pdata[i];
        CsbManifest *m = g_hash_table_lookup(run->manifests, j->root);
        g_hash_table_add(m->pending, g_strdup(j->key));
        g_hash_table_add(run->dirty, j->root);
    }
    if (todo->len)
        save_manifests(run, FALSE);
    /* The parsing and analysing threads have all been joined: this
     * process has one thread, as fork() needs. */
    run->summary.stopped_by = csb_workers_run(todo, run->jobs, run->res, run->stop_fd,
                                              job_started, job_finished, run);
    /* Stopped: those never started wrote nothing. */
    for (guint i = 0; i < todo->len; i++) {
        const CsbJob *j = todo->pdata[i];
        CsbManifest *m = g_hash_table_lookup(run->manifests, j->root);
        if (!j->started && g_hash_table_remove(m->pending, j->key))
            g_hash_table_add(run->dirty, j->root);
    }
    g_ptr_array_free(todo, TRUE);
}

/* ---- the run ---------------------------------------------------------------- */

static void clean_temps(Run *run, const GPtrArray *jobs)
{
    GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < run->roots->len; i++)
        add_unique_sorted(dirs, g_strdup(run->roots->pdata[i]));
    for (guint i = 0; i < jobs->len; i++)
        add_unique_sorted(dirs, g_path_get_dirname(((const CsbJob *)jobs->pdata[i])->spec->output));
    GPtrArray *removed = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < dirs->len; i++)
        csb_build_clean_temps(dirs->pdata[i], removed);
    for (guint i = 0; i < removed->len; i++) {
        CsbEvent e = {.kind = CSB_EVENT_TEMP_REMOVED, .output = removed->pdata[i]};
        emit(run, &e);
    }
    g_ptr_array_free(removed, TRUE);
    g_ptr_array_free(dirs, TRUE);
}

/* A file at the output that csbrief did not write is not replaced
 * without --force: the job is refused (and fails), or says why it goes on. */
static gboolean refuse_foreign(Run *run, CsbJob *j, const CsbManifest *m)
{
    if (csb_output_is_ours(j->spec->output, m, j->key))
        return FALSE;
    if (run->opt->force) {
        g_ptr_array_insert(j->reasons, 0,
                           g_strdup("--force: replaces a file csbrief did not write"));
        return FALSE;
    }
    char *msg = csb_output_not_ours_message(j->spec->output, m);
    csb_diag_error(j->diag, j->config->path, j->spec->line, j->spec->column, "%s", msg);
    g_free(msg);
    j->build = FALSE;
    return TRUE;
}

static void plan(Run *run, GPtrArray *jobs)
{
    GPtrArray *refused = g_ptr_array_new();
    for (guint i = 0; i < jobs->len; i++) {
        CsbJob *j = jobs->pdata[i];
        const CsbManifest *m = g_hash_table_lookup(run->manifests, j->root);
        csb_plan_decide(j, g_hash_table_lookup(m->entries, j->key), run->opt->force);
        if (j->build && refuse_foreign(run, j, m))
            g_ptr_array_add(refused, j);
        if (j->build)
            run->summary.planned++;
    }
    CsbEvent start = {.kind = CSB_EVENT_START, .summary = &run->summary};
    emit(run, &start);
    for (guint i = 0; i < refused->len; i++)
        finished(run, refused->pdata[i]);
    for (guint i = 0; i < jobs->len; i++) {
        CsbJob *j = jobs->pdata[i];
        CsbEvent e = {.output = j->spec->output,
                      .authority = j->spec->authority,
                      .template_id = j->spec->template_id,
                      .reasons = j->reasons};
        if (g_ptr_array_find(refused, j, NULL))
            continue;
        if (!j->build) {
            run->done++;
            run->summary.skipped++;
            e.kind = CSB_EVENT_SKIPPED;
            emit(run, &e);
        } else if (run->opt->dry_run) {
            e.kind = CSB_EVENT_PLANNED;
            emit(run, &e);
        }
    }
    g_ptr_array_free(refused, TRUE);
}

/* Records in the run's caches of files none of its reports now is. */
static void prune_caches(Run *run, char **cache_dirs, guint n_configs)
{
    GHashTable *keep = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < run->reports->all->len; i++) {
        const CsbReport *r = run->reports->all->pdata[i];
        if (r->sha256)
            g_hash_table_add(keep, r->sha256);
    }
    for (guint c = 0; c < n_configs; c++) /* an entry may be NULL: no cache */
        csb_parse_cache_prune(cache_dirs[c], keep, CACHE_KEEP_SECONDS);
    g_hash_table_destroy(keep);
}

/* A stop asked for between stages (SIGTERM while reports were parsed). */
static gboolean stop_asked(Run *run)
{
    if (!run->summary.stopped_by)
        run->summary.stopped_by = csb_workers_stop_requested(run->stop_fd);
    return run->summary.stopped_by != 0;
}

static void run_free(Run *run, char **cache_dirs, guint n_configs)
{
    if (run->locks)
        g_ptr_array_free(run->locks, TRUE); /* releases them */
    if (run->manifests)
        g_hash_table_destroy(run->manifests);
    if (run->dirty)
        g_hash_table_destroy(run->dirty);
    csb_run_analyses_free(run->analyses); /* before the reports it analysed */
    csb_report_set_free(run->reports);
    csb_shared_inputs_free(run->shared);
    csb_file_hashes_free(run->hashes);
    g_free(run->parser_key);
    g_ptr_array_free(run->roots, TRUE);
    g_ptr_array_free(run->summary.failures, TRUE);
    if (run->fresh) {
        g_hash_table_destroy(run->fresh);
        g_ptr_array_free(run->summary.new_reports, TRUE);
        g_ptr_array_free(run->summary.rebuilt_for_new, TRUE);
    }
    g_timer_destroy(run->timer);
    for (guint c = 0; c < n_configs; c++) /* an entry may be NULL: no cache */
        g_free(cache_dirs[c]);
    g_free(cache_dirs);
}

CsbBatchStatus csb_batch_run(const GPtrArray *configs, const CsbResources *res,
                             const CsbBatchOptions *opt, CsbEventSink sink, gpointer sink_data)
{
    Run run = {.res = res, .opt = opt, .sink = sink, .sink_data = sink_data};
    /* Blocked before any thread starts, so every thread has them blocked:
     * they are read from stop_fd, and the run ends in order. */
    sigset_t stop, old_mask;
    csb_workers_stop_signals(&stop);
    pthread_sigmask(SIG_BLOCK, &stop, &old_mask);
    run.stop_fd = signalfd(-1, &stop, SFD_NONBLOCK | SFD_CLOEXEC);
    run.jobs = opt->jobs > 0 ? opt->jobs : (int)g_get_num_processors();
    run.timer = g_timer_new();
    run.summary.failures = g_ptr_array_new_with_free_func(g_free);
    if (opt->new_reports) {
        /* --fetch: the summary names what was fetched and what it rebuilt. */
        run.fresh = g_hash_table_new(g_str_hash, g_str_equal);
        run.summary.new_reports = g_ptr_array_new_with_free_func(g_free);
        run.summary.rebuilt_for_new = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; i < opt->new_reports->len; i++) {
            g_ptr_array_add(run.summary.new_reports, g_strdup(opt->new_reports->pdata[i]));
            g_hash_table_add(run.fresh, run.summary.new_reports->pdata[i]);
        }
    }
    run.saved_at = g_get_monotonic_time();
    char **cache_dirs = collect_roots(&run, configs);
    refuse_linked_caches(&run, configs, cache_dirs);
    CsbBatchStatus status = opt->dry_run ? CSB_BATCH_OK : take_locks(&run);
    if (status != CSB_BATCH_OK) {
        /* Nothing was done, and the log still ends with its summary. */
        run.summary.seconds = g_timer_elapsed(run.timer, NULL);
        CsbEvent fin = {.kind = CSB_EVENT_FINISH, .summary = &run.summary};
        emit(&run, &fin);
        run_free(&run, cache_dirs, configs->len);
        if (run.stop_fd >= 0)
            close(run.stop_fd);
        pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
        return status;
    }
    load_manifests(&run);
    run.shared = csb_plan_shared_inputs(res, configs, run.hashes, opt->exe_path);
    run.parser_key = parser_key(&run);
    CsbDiag *diag = csb_diag_new();
    run.reports = csb_report_set_new(configs, (const char *const *)cache_dirs, diag);
    learn_reports(&run);
    GPtrArray *jobs = csb_plan_jobs(configs, res, run.reports, run.shared, run.hashes, diag);
    run.summary.total = jobs->len;
    if (csb_diag_count(diag, CSB_SEV_ERROR)) {
        emit_problem(&run, diag);
        status = CSB_BATCH_INVALID;
    } else {
        plan(&run, jobs);
        if (!opt->dry_run) {
            clean_temps(&run, jobs);
            parse_needed(&run, jobs);
            if (!stop_asked(&run))
                build_all(&run, jobs);
            save_manifests(&run, TRUE);
            if (!run.summary.stopped_by)
                prune_caches(&run, cache_dirs, configs->len);
        }
        if (run.summary.failed || run.summary.unreadable || run.save_failed)
            status = CSB_BATCH_FAILED;
        /* A signal that came after the last look is told, not left to kill
         * the process when it is unblocked. */
        if (stop_asked(&run))
            status = CSB_BATCH_STOPPED;
    }
    csb_diag_free(diag);
    run.summary.seconds = g_timer_elapsed(run.timer, NULL);
    CsbEvent fin = {.kind = CSB_EVENT_FINISH, .summary = &run.summary};
    emit(&run, &fin);
    g_ptr_array_free(jobs, TRUE);
    run_free(&run, cache_dirs, configs->len);
    if (run.stop_fd >= 0)
        close(run.stop_fd);
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    return status;
}
