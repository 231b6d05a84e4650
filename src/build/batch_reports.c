/* batch_reports.c - the reports of one `csbrief build` run (batch.c):
 * hash each, take whom it is about from a manifest's note when its content
 * was seen before (under the same csbrief, authority table and
 * frameworks), else parse it now; later, parse what the jobs to build
 * need that was not parsed yet. Each report read is told as an event.
 */
#include "run.h"

#include <errno.h>

/* Notes on report contents hold for the csbrief, authority table and
 * frameworks that wrote them. */
char *run_parser_key(Run *run)
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

static void report_parsed(CsbReport *r, guint done, guint total, gpointer data)
{
    Run *run = data;
    CsbEvent e = {.kind = CSB_EVENT_READ, .report = r->path, .authority = r->authority,
                  .detail = r->error, .diag = r->diag, .done = done, .total = total};
    run_emit(run, &e);
}

/* Hash every report; take whom it is about from a note when its content
 * was seen before, else parse it now. */
void run_learn_reports(Run *run)
{
    GPtrArray *unknown = g_ptr_array_new();
    for (guint i = 0; i < run->reports->all->len; i++) {
        CsbReport *r = run->reports->all->pdata[i];
        char *err = NULL;
        const char *sha = csb_file_hashes_get(run->hashes, r->path, &err);
        if (!sha) {
            r->reason = csb_ingest_read_reason(errno);
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
            r->reason = note->reason;
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
        run_emit(run, &e);
    }
}

/* Parse the reports the jobs to build need that were not parsed yet. */
void run_parse_needed(Run *run, const GPtrArray *jobs)
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

