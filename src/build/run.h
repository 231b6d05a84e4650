/* run.h - private to src/build: the state of one `csbrief build` run
 * (batch.c) shared by the files that carry it out: batch.c (planning,
 * building, the events), batch_folders.c (output folders, locks,
 * manifests, caches) and batch_reports.c (learning and parsing the
 * reports). Not part of the module's interface; build.h is.
 */
#ifndef CSB_BUILD_RUN_H
#define CSB_BUILD_RUN_H

#include "build.h"

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

/* batch.c: tell the caller (the sink), on the caller's thread. */
void run_emit(Run *run, CsbEvent *e);
void run_emit_problem(Run *run, const CsbDiag *diag);

/* batch_folders.c */
/* Adds owned to a sorted array of strings unless there (then frees it). */
void run_add_unique_sorted(GPtrArray *a, char *owned);
/* The output folders of every briefing (run->roots), and each config's
 * parse cache folder (returned, one per config, NULL-terminated; an entry
 * may be NULL). */
char **run_collect_roots(Run *run, const GPtrArray *configs);
void run_refuse_linked_caches(Run *run, const GPtrArray *configs, char **cache_dirs);
/* Locks every output folder, or none (CSB_BATCH_LOCKED, _FAILED). */
CsbBatchStatus run_take_locks(Run *run);
void run_load_manifests(Run *run);
/* Saves the manifests changed since last saved, or all. */
void run_save_manifests(Run *run, gboolean all);
void run_record_built(Run *run, const CsbJob *j);
void run_mark_pending(Run *run, const CsbJob *j);
void run_settle_pending(Run *run, const CsbJob *j);
void run_prune_caches(Run *run, char **cache_dirs, guint n_configs);

/* batch_reports.c */
/* What notes on report contents hold for: this csbrief, authority table
 * and frameworks. */
char *run_parser_key(Run *run);
void run_learn_reports(Run *run);
/* Parses the reports the jobs to build need that were not parsed yet. */
void run_parse_needed(Run *run, const GPtrArray *jobs);

#endif
