/* batch_folders.c - what one `csbrief build` run (batch.c) keeps in its
 * output folders: the folders and each config's parse cache, the lock on
 * each folder, and the manifest recording what was built from what
 * (loaded, brought up to date, saved; writes pending while a job runs),
 * and the parse caches' records of reports no longer read, pruned.
 */
#include "run.h"
#include "../parse/parse.h"

#include <string.h>
#include <sys/stat.h>

/* Parsed records of reports no longer among those read are removed from
 * the cache after this long (a report moved away and back within it is
 * not parsed again). */
#define CACHE_KEEP_SECONDS (30 * 24 * 3600)

static int strcmp_ptr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void run_add_unique_sorted(GPtrArray *a, char *owned)
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
char **run_collect_roots(Run *run, const GPtrArray *configs)
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
            run_add_unique_sorted(run->roots, root);
        }
        if (!cache[c])
            cache[c] = g_strdup(cfg->cache_dir);
    }
    return cache;
}

/* The default parse cache (.csbrief-cache in the output folder) is never
 * used through a symbolic link someone planted there: it is left out, with
 * a warning. A 'cache:' the config names is the user's choice. */
void run_refuse_linked_caches(Run *run, const GPtrArray *configs, char **cache_dirs)
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
    run_emit_problem(run, diag);
    csb_diag_free(diag);
}

CsbBatchStatus run_take_locks(Run *run)
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
                run_emit(run, &e);
            } else {
                CsbDiag *d = csb_diag_new();
                csb_diag_error(d, root, 0, 0, "%s", detail);
                run_emit_problem(run, d);
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
            run_emit(run, &e);
        }
    }
    g_ptr_array_free(stale, TRUE);
    return CSB_BATCH_OK;
}

void run_load_manifests(Run *run)
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
    run_emit_problem(run, diag);
    csb_diag_free(diag);
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
            csb_manifest_put_note(m, rep->sha256, rep->authority, rep->error, rep->reason);
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

void run_save_manifests(Run *run, gboolean all)
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
    run_emit_problem(run, diag);
    csb_diag_free(diag);
}

static char *now_iso(void)
{
    GDateTime *now = g_date_time_new_now_local();
    char *s = g_date_time_format(now, "%Y-%m-%dT%H:%M:%S%:z");
    g_date_time_unref(now);
    return s;
}

void run_record_built(Run *run, const CsbJob *j)
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

/* Recorded before a job's file is written: a run killed while writing
 * leaves a file the next run knows is csbrief's (the old one or its new
 * one). */
void run_mark_pending(Run *run, const CsbJob *j)
{
    CsbManifest *m = g_hash_table_lookup(run->manifests, j->root);
    g_hash_table_add(m->pending, g_strdup(j->key));
    g_hash_table_add(run->dirty, j->root);
}

/* A job that ended (or never started) settles its pending write. */
void run_settle_pending(Run *run, const CsbJob *j)
{
    CsbManifest *m = g_hash_table_lookup(run->manifests, j->root);
    if (g_hash_table_remove(m->pending, j->key))
        g_hash_table_add(run->dirty, j->root);
}

/* Records in the run's caches of files none of its reports now is. */
void run_prune_caches(Run *run, char **cache_dirs, guint n_configs)
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

