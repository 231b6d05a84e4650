/* batch.c - one `csbrief build` run over many configs: lock every output
 * folder, learn what each report is about (cheaply when nothing changed),
 * plan one job per briefing, skip those whose inputs are as the manifest
 * recorded, parse the reports the rest need once (on threads, all joined
 * before any fork), render them in child processes (workers.c), and record
 * what was built. Everything the run does is told to the caller as events,
 * on the caller's thread, one at a time. The output folders, locks and
 * manifests are batch_folders.c's, the reports batch_reports.c's (run.h).
 */
#include "run.h"

#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

/* A killed run loses at most this much of its record of what it built. */
#define SAVE_EVERY_US (5 * G_TIME_SPAN_SECOND)

void run_emit(Run *run, CsbEvent *e)
{
    if (e->kind != CSB_EVENT_READ && e->kind != CSB_EVENT_ANALYSED) {
        e->done = run->done;
        e->total = run->summary.total;
    }
    if (run->sink)
        run->sink(e, run->sink_data);
}

void run_emit_problem(Run *run, const CsbDiag *diag)
{
    if (!diag->items->len)
        return;
    CsbEvent e = {.kind = CSB_EVENT_PROBLEM, .diag = diag};
    run_emit(run, &e);
}

/* ---- building ----------------------------------------------------------------- */

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
    if (!j->killed)
        run_settle_pending(run, j);
    if (j->ok) {
        run->summary.built++;
        run_record_built(run, j);
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
    run_emit(run, &e);
    if (!run->opt->dry_run && g_get_monotonic_time() - run->saved_at > SAVE_EVERY_US)
        run_save_manifests(run, FALSE);
}

static void job_started(CsbJob *j, gpointer data)
{
    CsbEvent e = {.kind = CSB_EVENT_BUILDING,
                  .output = j->spec->output,
                  .authority = j->spec->authority,
                  .template_id = j->spec->template_id,
                  .reasons = j->reasons};
    run_emit(data, &e);
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
        run_emit(run, &e);
    }
    /* Recorded before any is written. */
    for (guint i = 0; i < todo->len; i++)
        run_mark_pending(run, todo->pdata[i]);
    if (todo->len)
        run_save_manifests(run, FALSE);
    /* The parsing and analysing threads have all been joined: this
     * process has one thread, as fork() needs. */
    run->summary.stopped_by = csb_workers_run(todo, run->jobs, run->res, run->stop_fd,
                                              job_started, job_finished, run);
    /* Stopped: those never started wrote nothing. */
    for (guint i = 0; i < todo->len; i++) {
        const CsbJob *j = todo->pdata[i];
        if (!j->started)
            run_settle_pending(run, j);
    }
    g_ptr_array_free(todo, TRUE);
}

/* ---- the run ---------------------------------------------------------------- */

static void clean_temps(Run *run, const GPtrArray *jobs)
{
    GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < run->roots->len; i++)
        run_add_unique_sorted(dirs, g_strdup(run->roots->pdata[i]));
    for (guint i = 0; i < jobs->len; i++)
        run_add_unique_sorted(dirs, g_path_get_dirname(((const CsbJob *)jobs->pdata[i])->spec->output));
    GPtrArray *removed = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < dirs->len; i++)
        csb_build_clean_temps(dirs->pdata[i], removed);
    for (guint i = 0; i < removed->len; i++) {
        CsbEvent e = {.kind = CSB_EVENT_TEMP_REMOVED, .output = removed->pdata[i]};
        run_emit(run, &e);
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
    run_emit(run, &start);
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
            run_emit(run, &e);
        } else if (run->opt->dry_run) {
            e.kind = CSB_EVENT_PLANNED;
            run_emit(run, &e);
        }
    }
    g_ptr_array_free(refused, TRUE);
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
    char **cache_dirs = run_collect_roots(&run, configs);
    run_refuse_linked_caches(&run, configs, cache_dirs);
    CsbBatchStatus status = opt->dry_run ? CSB_BATCH_OK : run_take_locks(&run);
    if (status != CSB_BATCH_OK) {
        /* Nothing was done, and the log still ends with its summary. */
        run.summary.seconds = g_timer_elapsed(run.timer, NULL);
        CsbEvent fin = {.kind = CSB_EVENT_FINISH, .summary = &run.summary};
        run_emit(&run, &fin);
        run_free(&run, cache_dirs, configs->len);
        if (run.stop_fd >= 0)
            close(run.stop_fd);
        pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
        return status;
    }
    run_load_manifests(&run);
    run.shared = csb_plan_shared_inputs(res, configs, run.hashes, opt->exe_path);
    run.parser_key = run_parser_key(&run);
    CsbDiag *diag = csb_diag_new();
    run.reports = csb_report_set_new(configs, (const char *const *)cache_dirs, diag);
    run_learn_reports(&run);
    GPtrArray *jobs = csb_plan_jobs(configs, res, run.reports, run.shared, run.hashes, diag);
    run.summary.total = jobs->len;
    if (csb_diag_count(diag, CSB_SEV_ERROR)) {
        run_emit_problem(&run, diag);
        status = CSB_BATCH_INVALID;
    } else {
        plan(&run, jobs);
        if (!opt->dry_run) {
            clean_temps(&run, jobs);
            run_parse_needed(&run, jobs);
            if (!stop_asked(&run))
                build_all(&run, jobs);
            run_save_manifests(&run, TRUE);
            if (!run.summary.stopped_by)
                run_prune_caches(&run, cache_dirs, configs->len);
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
    run_emit(&run, &fin);
    g_ptr_array_free(jobs, TRUE);
    run_free(&run, cache_dirs, configs->len);
    if (run.stop_fd >= 0)
        close(run.stop_fd);
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    return status;
}
