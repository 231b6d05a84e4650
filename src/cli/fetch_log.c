/* fetch_log.c - the events of a `csbrief fetch` run, in the build log's
 * style: a progress bar over the authorities on a terminal, else one
 * timestamped line per event (text) or one JSON object per line (json);
 * --quiet keeps failures and, when something failed, the summary.
 */
#include "build_log.h"

struct CsbFetchLog {
    CsbLogOut o;
    guint downloaded, failed; /* so far, for the bar */
};

CsbFetchLog *csb_fetch_log_new(CsbLogFormat format, gboolean quiet, gboolean bar, FILE *out,
                               FILE *err)
{
    CsbFetchLog *log = g_new0(CsbFetchLog, 1);
    csb_log_out_init(&log->o, format, quiet, bar, out, err);
    return log;
}

void csb_fetch_log_free(CsbFetchLog *log)
{
    if (!log)
        return;
    csb_log_out_clear(&log->o);
    g_free(log);
}

static void bar(CsbFetchLog *log, const CsbFetchEvent *e)
{
    char *counts = g_strdup_printf("downloaded %u  failed %u", log->downloaded, log->failed);
    csb_log_bar_draw(&log->o, e->done, e->total, counts, e->authority);
    g_free(counts);
}

static char *size_text(guint64 bytes)
{
    return bytes >= 1000000 ? g_strdup_printf("%.1f MB", bytes / 1e6)
                            : g_strdup_printf("%.0f kB", bytes / 1e3);
}

/* ---- text ------------------------------------------------------------------ */

static void text_summary(CsbFetchLog *log, const CsbFetchSummary *s)
{
    if (log->o.quiet && !s->failed)
        return;
    char *bytes = size_text(s->http.bytes);
    char *m = g_strdup_printf("%u downloaded, %u already held, %u skipped, %u failed; "
                              "%u requests (%u answered 'not modified', %u retries), %s "
                              "received in %.1fs%s",
                              s->downloaded, s->held, s->skipped, s->failed, s->http.requests,
                              s->http.not_modified, s->http.retries, bytes, s->seconds,
                              s->out_of_time ? "; the time budget ran out" : "");
    csb_log_finished(&log->o, m);
    for (guint i = 0; i < s->failures->len; i++)
        fprintf(log->o.out, "  failed: %s\n", csb_log_shown(&log->o, s->failures->pdata[i]));
    fflush(log->o.out);
    g_free(m);
    g_free(bytes);
}

static void text_event(CsbFetchLog *log, const CsbFetchEvent *e)
{
    CsbLogOut *o = &log->o;
    FILE *lines = o->bar ? o->err : o->out;
    gboolean say = !o->quiet && !o->bar;
    char *size = NULL;
    switch (e->kind) {
    case CSB_FETCH_EVENT_START:
        if (say)
            csb_log_line(o, o->out, "fetching into %s: %u authorit%s", csb_log_shown(o, e->folder),
                         e->total, e->total == 1 ? "y" : "ies");
        break;
    case CSB_FETCH_EVENT_LOCK_STALE:
        if (!o->quiet)
            csb_log_line(o, lines,
                         "took over the lock on %s left by %s, which is no longer running",
                         csb_log_shown(o, e->folder), e->detail);
        break;
    case CSB_FETCH_EVENT_TEMP_REMOVED:
        if (!o->quiet)
            csb_log_line(o, lines, "removed %s, left behind by a run that was stopped",
                         csb_log_shown(o, e->file));
        break;
    case CSB_FETCH_EVENT_LISTED:
        if (say)
            csb_log_line(o, o->out, "Ofsted's listing: %u providers on %u page%s%s", e->count,
                         e->fresh, e->fresh == 1 ? "" : "s", e->unchanged ? " (unchanged)" : "");
        break;
    case CSB_FETCH_EVENT_PROVIDER:
        if (o->bar)
            bar(log, e);
        else if (say)
            csb_log_line(o, o->out, "%s (URN %s): %u publication%s, %u to download%s",
                         e->authority, e->urn, e->count, e->count == 1 ? "" : "s", e->fresh,
                         e->unchanged ? " (page unchanged)" : "");
        break;
    case CSB_FETCH_EVENT_RETRY:
        if (say)
            csb_log_line(o, o->out, "retrying %s in %.1fs (attempt %u): %s", e->url, e->seconds,
                         e->attempt, e->detail);
        break;
    case CSB_FETCH_EVENT_DOWNLOADED:
        log->downloaded++;
        size = size_text(e->size);
        if (o->bar)
            bar(log, e);
        else if (say)
            csb_log_line(o, o->out, "downloaded %s (%s, %s) from %s",
                         csb_log_shown(o, e->file), e->kind_id ? e->kind_id : "kind not known",
                         size, e->url);
        break;
    case CSB_FETCH_EVENT_FAILED:
        log->failed++;
        csb_log_line(o, lines, "FAILED %s%s%s%s%s%s: %s", e->authority ? e->authority : "",
                     e->title ? " (" : "", e->title ? e->title : "", e->title ? ")" : "",
                     e->url ? " " : "", e->url ? e->url : "", e->detail);
        break;
    case CSB_FETCH_EVENT_PROBLEM:
        csb_log_print_diag(o, e->diag);
        break;
    case CSB_FETCH_EVENT_LOCKED:
        csb_log_bar_clear(o);
        fprintf(o->err, "csbrief fetch: %s is in use by %s; nothing was done there. Try again "
                        "when that run has finished.\n",
                csb_log_shown(o, e->folder), e->detail);
        break;
    case CSB_FETCH_EVENT_FINISH:
        text_summary(log, e->summary);
        break;
    }
    g_free(size);
}

/* ---- JSON -------------------------------------------------------------------- */

static const char *event_name(CsbFetchEventKind k)
{
    switch (k) {
    case CSB_FETCH_EVENT_START: return "fetching";
    case CSB_FETCH_EVENT_LOCK_STALE: return "stale-lock";
    case CSB_FETCH_EVENT_TEMP_REMOVED: return "temp-removed";
    case CSB_FETCH_EVENT_LISTED: return "listed";
    case CSB_FETCH_EVENT_PROVIDER: return "provider";
    case CSB_FETCH_EVENT_RETRY: return "retry";
    case CSB_FETCH_EVENT_DOWNLOADED: return "downloaded";
    case CSB_FETCH_EVENT_FAILED: return "failed";
    case CSB_FETCH_EVENT_PROBLEM: return "problem";
    case CSB_FETCH_EVENT_LOCKED: return "locked";
    case CSB_FETCH_EVENT_FINISH: return "finished";
    }
    return "?";
}

static gboolean json_wanted(const CsbFetchLog *log, const CsbFetchEvent *e)
{
    if (!log->o.quiet)
        return TRUE;
    switch (e->kind) {
    case CSB_FETCH_EVENT_FAILED:
    case CSB_FETCH_EVENT_LOCKED:
        return TRUE;
    case CSB_FETCH_EVENT_PROBLEM:
        return csb_diag_count(e->diag, CSB_SEV_ERROR) > 0;
    case CSB_FETCH_EVENT_FINISH:
        return e->summary->failed > 0;
    default:
        return FALSE;
    }
}

static void json_summary(GString *s, const CsbFetchSummary *m)
{
    g_string_append_printf(s, ",\"folders\":%u,\"authorities\":%u,\"publications\":%u,"
                              "\"downloaded\":%u,\"held\":%u,\"skipped\":%u,\"failed\":%u,"
                              "\"requests\":%u,\"not_modified\":%u,\"retries\":%u,"
                              "\"bytes\":%" G_GUINT64_FORMAT ",\"seconds\":%.3f,"
                              "\"out_of_time\":%s",
                           m->folders, m->authorities, m->listed, m->downloaded, m->held,
                           m->skipped, m->failed, m->http.requests, m->http.not_modified,
                           m->http.retries, m->http.bytes, m->seconds,
                           m->out_of_time ? "true" : "false");
    csb_log_json_strings(s, "files", m->files);
    csb_log_json_strings(s, "failures", m->failures);
}

static void json_event(CsbFetchLog *log, const CsbFetchEvent *e)
{
    if (!json_wanted(log, e))
        return;
    GString *s = csb_log_json_start(event_name(e->kind));
    csb_log_json_field(s, "folder", e->folder);
    csb_log_json_field(s, "authority", e->authority);
    csb_log_json_field(s, "urn", e->urn);
    csb_log_json_field(s, "url", e->url);
    csb_log_json_field(s, "file", e->file);
    csb_log_json_field(s, "title", e->title);
    csb_log_json_field(s, "kind", e->kind_id);
    csb_log_json_field(s, "detail", e->detail);
    csb_log_json_diag(s, e->diag);
    switch (e->kind) {
    case CSB_FETCH_EVENT_LISTED:
        g_string_append_printf(s, ",\"providers\":%u,\"pages\":%u,\"unchanged\":%s", e->count,
                               e->fresh, e->unchanged ? "true" : "false");
        break;
    case CSB_FETCH_EVENT_PROVIDER:
        g_string_append_printf(s, ",\"publications\":%u,\"to_download\":%u,\"unchanged\":%s",
                               e->count, e->fresh, e->unchanged ? "true" : "false");
        break;
    case CSB_FETCH_EVENT_RETRY:
        g_string_append_printf(s, ",\"attempt\":%u,\"wait\":%.3f", e->attempt, e->seconds);
        break;
    case CSB_FETCH_EVENT_DOWNLOADED:
        g_string_append_printf(s, ",\"size\":%" G_GUINT64_FORMAT, e->size);
        break;
    case CSB_FETCH_EVENT_FINISH:
        json_summary(s, e->summary);
        break;
    default:
        break;
    }
    if (e->kind != CSB_FETCH_EVENT_FINISH)
        g_string_append_printf(s, ",\"done\":%u,\"total\":%u", e->done, e->total);
    csb_log_json_end(&log->o, s);
}

/* ---- entry points -------------------------------------------------------------- */

void csb_fetch_log_started(CsbFetchLog *log, guint configs)
{
    CsbLogOut *o = &log->o;
    if (o->quiet)
        return;
    if (o->format == CSB_LOG_JSON) {
        GString *s = csb_log_json_start("started");
        g_string_append_printf(s, ",\"command\":\"fetch\",\"configs\":%u,\"version\":\"%s\"",
                               configs, CSB_VERSION);
        csb_log_json_end(o, s);
    } else if (!o->bar) {
        csb_log_line(o, o->out, "started csbrief %s fetch: %u config%s", CSB_VERSION, configs,
                     configs == 1 ? "" : "s");
    }
}

void csb_fetch_log_event(const CsbFetchEvent *e, gpointer data)
{
    CsbFetchLog *log = data;
    if (log->o.format == CSB_LOG_JSON)
        json_event(log, e);
    else
        text_event(log, e);
}
