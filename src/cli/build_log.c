/* build_log.c - the events of a `csbrief build` run as a person or a log
 * collector reads them: a progress bar with counts on a terminal, else one
 * timestamped line per event (text) or one JSON object per line (json).
 * With --fetch, the summary names the reports fetched and the briefings
 * they caused to be rebuilt.
 */
#include "build_log.h"

#include <string.h>

struct CsbBuildLog {
    CsbLogOut o;
    guint built, skipped, failed; /* so far, for the bar */
    int stopped_by;               /* from the summary */
};

CsbBuildLog *csb_build_log_new(CsbLogFormat format, gboolean quiet, gboolean bar, FILE *out,
                               FILE *err)
{
    CsbBuildLog *log = g_new0(CsbBuildLog, 1);
    csb_log_out_init(&log->o, format, quiet, bar, out, err);
    return log;
}

void csb_build_log_free(CsbBuildLog *log)
{
    if (!log)
        return;
    csb_log_out_clear(&log->o);
    g_free(log);
}

static const char *shown(const CsbBuildLog *log, const char *path)
{
    return csb_log_shown(&log->o, path);
}

static char *joined(const GPtrArray *reasons)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; reasons && i < reasons->len; i++)
        g_string_append_printf(s, "%s%s", i ? "; " : "", (const char *)reasons->pdata[i]);
    return g_string_free(s, FALSE);
}

static const char *first_error(const CsbDiag *d)
{
    for (guint i = 0; d && i < d->items->len; i++) {
        const CsbError *e = d->items->pdata[i];
        if (e->severity == CSB_SEV_ERROR)
            return e->message;
    }
    return "failed";
}

static void bar_draw(CsbBuildLog *log, const char *what, guint done, guint total,
                     gboolean counts)
{
    char *c = counts ? g_strdup_printf("built %u  skipped %u  failed %u", log->built,
                                       log->skipped, log->failed)
                     : NULL;
    csb_log_bar_draw(&log->o, done, total, c, what);
    g_free(c);
}

/* ---- text ----------------------------------------------------------------- */

static void text_summary(CsbBuildLog *log, const CsbBatchSummary *s)
{
    gboolean bad = s->failed || s->unreadable || s->stopped_by;
    if (log->o.quiet && !bad)
        return;
    GString *m = g_string_new(NULL);
    if (s->stopped_by)
        g_string_append_printf(m, "stopped by %s: ", csb_workers_signal_name(s->stopped_by));
    if (s->planned && !s->built && !s->failed && !s->skipped && s->total && !s->stopped_by)
        g_string_append_printf(m, "would build %u of %u briefings", s->planned, s->total);
    else
        g_string_append_printf(m, "%u built, %u skipped (up to date), %u failed", s->built,
                               s->skipped, s->failed);
    if (s->stopped_by && s->total > s->built + s->skipped + s->failed)
        g_string_append_printf(m, ", %u not started", s->total - s->built - s->skipped - s->failed);
    if (s->unreadable)
        g_string_append_printf(m, ", %u of %u reports unreadable", s->unreadable, s->reports);
    g_string_append_printf(m, " in %.1fs", s->seconds);
    csb_log_finished(&log->o, m->str);
    FILE *out = log->o.out;
    const GPtrArray *lists[] = {s->new_reports, s->rebuilt_for_new, s->failures};
    const char *const heads[] = {"new report", "rebuilt for new reports", "failed"};
    for (guint l = 0; l < G_N_ELEMENTS(lists); l++)
        for (guint i = 0; lists[l] && i < lists[l]->len; i++) {
            char *item = csb_text_printable(shown(log, lists[l]->pdata[i]));
            fprintf(out, "  %s: %s\n", heads[l], item);
            g_free(item);
        }
    fflush(out);
    g_string_free(m, TRUE);
}

static void text_event(CsbBuildLog *log, const CsbEvent *e)
{
    CsbLogOut *o = &log->o;
    const char *out = shown(log, e->output);
    FILE *lines = o->bar ? o->err : o->out;
    char *why = NULL;
    switch (e->kind) {
    case CSB_EVENT_START:
        if (!o->quiet && !o->bar)
            csb_log_line(o, o->out, "planned %u briefing%s: %u to build, %u up to date",
                         e->total, e->total == 1 ? "" : "s", e->summary->planned,
                         e->total - e->summary->planned);
        break;
    case CSB_EVENT_LOCK_STALE:
        if (!o->quiet)
            csb_log_line(o, lines,
                         "took over the lock on %s left by %s, which is no longer running",
                         shown(log, e->folder), e->detail);
        break;
    case CSB_EVENT_TEMP_REMOVED:
        if (!o->quiet)
            csb_log_line(o, lines, "removed %s, left behind by a run that was stopped", out);
        break;
    case CSB_EVENT_READ:
        csb_log_print_diag(o, e->diag);
        if (o->bar)
            bar_draw(log, "reading reports", e->done, e->total, FALSE);
        else if (!o->quiet)
            csb_log_line(o, o->out, "read %s: %s", shown(log, e->report),
                         e->detail      ? "cannot be used"
                         : e->authority ? e->authority
                                        : "about no known authority");
        break;
    case CSB_EVENT_REPORT:
        csb_log_line(o, lines, "unreadable report %s: %s", shown(log, e->report), e->detail);
        break;
    case CSB_EVENT_ANALYSED:
        if (!o->quiet && !o->bar)
            csb_log_line(o, o->out, "analysed %u report%s once for %u briefing%s in %.2fs",
                         e->done, e->done == 1 ? "" : "s", e->total, e->total == 1 ? "" : "s",
                         e->seconds);
        break;
    case CSB_EVENT_PROBLEM:
        csb_log_print_diag(o, e->diag);
        break;
    case CSB_EVENT_SKIPPED:
        log->skipped++;
        if (o->bar)
            bar_draw(log, NULL, e->done, e->total, TRUE);
        else if (!o->quiet)
            csb_log_line(o, o->out, "skipped %s: up to date", out);
        break;
    case CSB_EVENT_PLANNED:
        why = joined(e->reasons);
        if (!o->quiet)
            csb_log_line(o, lines, "would build %s: %s", out, why);
        break;
    case CSB_EVENT_BUILDING:
        if (o->bar)
            bar_draw(log, shown(log, e->output), e->done, e->total, TRUE);
        break;
    case CSB_EVENT_BUILT:
        log->built++;
        why = joined(e->reasons);
        csb_log_print_diag(o, e->diag);
        if (o->bar)
            bar_draw(log, out, e->done, e->total, TRUE);
        else if (!o->quiet)
            csb_log_line(o, o->out, "built %s in %.2fs (%s)", out, e->seconds, why);
        break;
    case CSB_EVENT_FAILED:
        log->failed++;
        csb_log_print_diag(o, e->diag);
        csb_log_line(o, lines, "FAILED %s: %s; the last good file was kept", out,
                     first_error(e->diag));
        break;
    case CSB_EVENT_LOCKED: {
        csb_log_bar_clear(o);
        char *folder = csb_text_printable(shown(log, e->folder));
        char *who = csb_text_printable(e->detail);
        fprintf(o->err, "csbrief build: %s is in use by %s; nothing was done. Try again "
                        "when that run has finished.\n",
                folder, who);
        g_free(folder);
        g_free(who);
        break;
    }
    case CSB_EVENT_FINISH:
        text_summary(log, e->summary);
        break;
    }
    g_free(why);
}

/* ---- JSON ----------------------------------------------------------------- */

static const char *event_name(CsbEventKind k)
{
    switch (k) {
    case CSB_EVENT_START: return "planned";
    case CSB_EVENT_LOCK_STALE: return "stale-lock";
    case CSB_EVENT_TEMP_REMOVED: return "temp-removed";
    case CSB_EVENT_READ: return "read";
    case CSB_EVENT_REPORT: return "unreadable-report";
    case CSB_EVENT_ANALYSED: return "analysed";
    case CSB_EVENT_PROBLEM: return "problem";
    case CSB_EVENT_SKIPPED: return "skipped";
    case CSB_EVENT_PLANNED: return "would-build";
    case CSB_EVENT_BUILDING: return "building";
    case CSB_EVENT_BUILT: return "built";
    case CSB_EVENT_FAILED: return "failed";
    case CSB_EVENT_LOCKED: return "locked";
    case CSB_EVENT_FINISH: return "finished";
    }
    return "?";
}

static gboolean json_wanted(const CsbBuildLog *log, const CsbEvent *e)
{
    if (!log->o.quiet)
        return TRUE;
    switch (e->kind) {
    case CSB_EVENT_REPORT:
    case CSB_EVENT_FAILED:
    case CSB_EVENT_LOCKED:
        return TRUE;
    case CSB_EVENT_PROBLEM:
        return csb_diag_count(e->diag, CSB_SEV_ERROR) > 0;
    case CSB_EVENT_FINISH:
        return e->summary->failed || e->summary->unreadable || e->summary->stopped_by;
    default:
        return FALSE;
    }
}

static void json_event(CsbBuildLog *log, const CsbEvent *e)
{
    if (!json_wanted(log, e))
        return;
    GString *s = csb_log_json_start(event_name(e->kind));
    csb_log_json_field(s, "output", e->output);
    csb_log_json_field(s, "authority", e->authority);
    csb_log_json_field(s, "template", e->template_id);
    csb_log_json_field(s, "report", e->report);
    csb_log_json_field(s, "folder", e->folder);
    csb_log_json_field(s, "detail", e->detail);
    if (e->kind == CSB_EVENT_PLANNED || e->kind == CSB_EVENT_BUILDING ||
        e->kind == CSB_EVENT_BUILT || e->kind == CSB_EVENT_FAILED)
        csb_log_json_strings(s, "reasons", e->reasons);
    if (e->kind == CSB_EVENT_BUILT || e->kind == CSB_EVENT_FAILED ||
        e->kind == CSB_EVENT_ANALYSED)
        g_string_append_printf(s, ",\"seconds\":%.3f", e->seconds);
    csb_log_json_diag(s, e->diag);
    if (e->kind == CSB_EVENT_START)
        g_string_append_printf(s, ",\"to_build\":%u", e->summary->planned);
    if (e->kind == CSB_EVENT_ANALYSED)
        g_string_append_printf(s, ",\"reports\":%u,\"briefings\":%u", e->done, e->total);
    else if (e->kind != CSB_EVENT_FINISH)
        g_string_append_printf(s, ",\"done\":%u,\"total\":%u", e->done, e->total);
    if (e->kind == CSB_EVENT_FINISH) {
        const CsbBatchSummary *m = e->summary;
        g_string_append_printf(s, ",\"briefings\":%u,\"built\":%u,\"skipped\":%u,\"failed\":%u,"
                                  "\"would_build\":%u,\"reports\":%u,\"unreadable\":%u,"
                                  "\"seconds\":%.3f",
                               m->total, m->built, m->skipped, m->failed, m->planned, m->reports,
                               m->unreadable, m->seconds);
        csb_log_json_strings(s, "failures", m->failures);
        csb_log_json_strings(s, "new_reports", m->new_reports);
        csb_log_json_strings(s, "rebuilt_for_new_reports", m->rebuilt_for_new);
        if (m->stopped_by)
            csb_log_json_field(s, "stopped_by", csb_workers_signal_name(m->stopped_by));
    }
    csb_log_json_end(&log->o, s);
}

/* ---- entry points ---------------------------------------------------------- */

void csb_build_log_started(CsbBuildLog *log, guint configs, int jobs, gboolean force,
                           gboolean dry_run)
{
    CsbLogOut *o = &log->o;
    if (o->quiet)
        return;
    if (o->format == CSB_LOG_JSON) {
        GString *s = csb_log_json_start("started");
        g_string_append_printf(s, ",\"configs\":%u,\"jobs\":%d,\"force\":%s,\"dry_run\":%s,"
                                  "\"version\":\"%s\"",
                               configs, jobs, force ? "true" : "false",
                               dry_run ? "true" : "false", CSB_VERSION);
        csb_log_json_end(o, s);
    } else if (!o->bar) {
        csb_log_line(o, o->out, "started csbrief %s build: %u config%s, %d job%s%s%s",
                     CSB_VERSION, configs, configs == 1 ? "" : "s", jobs, jobs == 1 ? "" : "s",
                     force ? ", --force" : "", dry_run ? ", --dry-run" : "");
    }
}

int csb_build_log_stopped_by(const CsbBuildLog *log)
{
    return log->stopped_by;
}

void csb_build_log_event(const CsbEvent *e, gpointer data)
{
    CsbBuildLog *log = data;
    if (e->kind == CSB_EVENT_FINISH)
        log->stopped_by = e->summary->stopped_by;
    if (log->o.format == CSB_LOG_JSON)
        json_event(log, e);
    else
        text_event(log, e);
}
