/* build_log.c - the events of a `csbrief build` run as a person or a log
 * collector reads them: a progress bar with counts on a terminal, else one
 * timestamped line per event (text) or one JSON object per line (json).
 */
#include "build_log.h"

#include <string.h>

struct CsbBuildLog {
    CsbLogFormat format;
    gboolean quiet;
    gboolean bar;
    gboolean bar_drawn;
    FILE *out, *err;
    char *cwd;
    guint built, skipped, failed; /* so far, for the bar */
    int stopped_by;               /* from the summary */
};

CsbBuildLog *csb_build_log_new(CsbLogFormat format, gboolean quiet, gboolean bar, FILE *out,
                               FILE *err)
{
    CsbBuildLog *log = g_new0(CsbBuildLog, 1);
    log->format = format;
    log->quiet = quiet;
    log->bar = bar && format == CSB_LOG_TEXT && !quiet;
    log->out = out;
    log->err = err;
    log->cwd = g_get_current_dir();
    return log;
}

void csb_build_log_free(CsbBuildLog *log)
{
    if (!log)
        return;
    g_free(log->cwd);
    g_free(log);
}

static char *timestamp(void)
{
    GDateTime *now = g_date_time_new_now_local();
    char *s = g_date_time_format(now, "%Y-%m-%dT%H:%M:%S%:z");
    g_date_time_unref(now);
    return s;
}

/* A path as short as it can be said: relative to the current folder when
 * it is inside it. */
static const char *shown(const CsbBuildLog *log, const char *path)
{
    if (!path)
        return "";
    gsize n = strlen(log->cwd);
    if (strncmp(path, log->cwd, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
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

/* ---- progress bar --------------------------------------------------------- */

static void bar_clear(CsbBuildLog *log)
{
    if (log->bar_drawn) {
        fputs("\r\033[K", log->err);
        log->bar_drawn = FALSE;
    }
}

static void bar_draw(CsbBuildLog *log, const char *what, guint done, guint total,
                     gboolean counts)
{
    enum { WIDTH = 30 };
    guint fill = total ? (guint)((guint64)done * WIDTH / total) : 0;
    char cells[WIDTH + 1];
    for (guint i = 0; i < WIDTH; i++)
        cells[i] = i < fill ? '#' : '.';
    cells[WIDTH] = '\0';
    fprintf(log->err, "\r\033[K[%s] %u/%u", cells, done, total);
    if (counts)
        fprintf(log->err, "  built %u  skipped %u  failed %u", log->built, log->skipped,
                log->failed);
    if (what)
        fprintf(log->err, "  %s", what);
    fflush(log->err);
    log->bar_drawn = TRUE;
}

/* ---- text ----------------------------------------------------------------- */

static void line(CsbBuildLog *log, FILE *to, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
static void line(CsbBuildLog *log, FILE *to, const char *fmt, ...)
{
    bar_clear(log);
    va_list ap;
    va_start(ap, fmt);
    char *raw = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    /* One event, one line: names from outside cannot break it. */
    char *msg = csb_text_printable(raw);
    g_free(raw);
    if (log->bar || to == log->err) {
        fprintf(to, "csbrief: %s\n", msg);
    } else {
        char *when = timestamp();
        fprintf(to, "%s %s\n", when, msg);
        g_free(when);
    }
    fflush(to);
    g_free(msg);
}

static void print_diag(CsbBuildLog *log, const CsbDiag *d)
{
    for (guint i = 0; d && i < d->items->len; i++) {
        const CsbError *e = d->items->pdata[i];
        if (log->quiet && e->severity != CSB_SEV_ERROR)
            continue;
        bar_clear(log);
        char *s = csb_error_format(e);
        fprintf(log->err, "csbrief: %s\n", s);
        g_free(s);
    }
    fflush(log->err);
}

static void text_summary(CsbBuildLog *log, const CsbBatchSummary *s)
{
    gboolean bad = s->failed || s->unreadable || s->stopped_by;
    if (log->quiet && !bad)
        return;
    bar_clear(log);
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
    char *when = timestamp();
    fprintf(log->out, "%s%sfinished: %s\n", log->bar ? "" : when, log->bar ? "" : " ", m->str);
    g_free(when);
    for (guint i = 0; i < s->failures->len; i++) {
        char *failure = csb_text_printable(shown(log, s->failures->pdata[i]));
        fprintf(log->out, "  failed: %s\n", failure);
        g_free(failure);
    }
    fflush(log->out);
    g_string_free(m, TRUE);
}

static void text_event(CsbBuildLog *log, const CsbEvent *e)
{
    const char *out = shown(log, e->output);
    FILE *lines = log->bar ? log->err : log->out;
    char *why = NULL;
    switch (e->kind) {
    case CSB_EVENT_START:
        if (!log->quiet && !log->bar)
            line(log, log->out, "planned %u briefing%s: %u to build, %u up to date", e->total,
                 e->total == 1 ? "" : "s", e->summary->planned,
                 e->total - e->summary->planned);
        break;
    case CSB_EVENT_LOCK_STALE:
        if (!log->quiet)
            line(log, lines, "took over the lock on %s left by %s, which is no longer running",
                 shown(log, e->folder), e->detail);
        break;
    case CSB_EVENT_TEMP_REMOVED:
        if (!log->quiet)
            line(log, lines, "removed %s, left behind by a run that was stopped", out);
        break;
    case CSB_EVENT_READ:
        print_diag(log, e->diag);
        if (log->bar)
            bar_draw(log, "reading reports", e->done, e->total, FALSE);
        else if (!log->quiet)
            line(log, log->out, "read %s: %s", shown(log, e->report),
                 e->detail ? "cannot be used"
                 : e->authority ? e->authority : "about no known authority");
        break;
    case CSB_EVENT_REPORT:
        line(log, lines, "unreadable report %s: %s", shown(log, e->report), e->detail);
        break;
    case CSB_EVENT_PROBLEM:
        print_diag(log, e->diag);
        break;
    case CSB_EVENT_SKIPPED:
        log->skipped++;
        if (log->bar)
            bar_draw(log, NULL, e->done, e->total, TRUE);
        else if (!log->quiet)
            line(log, log->out, "skipped %s: up to date", out);
        break;
    case CSB_EVENT_PLANNED:
        why = joined(e->reasons);
        if (!log->quiet)
            line(log, lines, "would build %s: %s", out, why);
        break;
    case CSB_EVENT_BUILDING:
        if (log->bar)
            bar_draw(log, shown(log, e->output), e->done, e->total, TRUE);
        break;
    case CSB_EVENT_BUILT:
        log->built++;
        why = joined(e->reasons);
        print_diag(log, e->diag);
        if (log->bar)
            bar_draw(log, out, e->done, e->total, TRUE);
        else if (!log->quiet)
            line(log, log->out, "built %s in %.2fs (%s)", out, e->seconds, why);
        break;
    case CSB_EVENT_FAILED:
        log->failed++;
        print_diag(log, e->diag);
        line(log, lines, "FAILED %s: %s; the last good PDF was kept", out, first_error(e->diag));
        break;
    case CSB_EVENT_LOCKED: {
        bar_clear(log);
        char *folder = csb_text_printable(shown(log, e->folder));
        char *who = csb_text_printable(e->detail);
        fprintf(log->err, "csbrief build: %s is in use by %s; nothing was done. Try again "
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

static void json_field(GString *s, const char *key, const char *value)
{
    if (!value)
        return;
    g_string_append_printf(s, ",\"%s\":", key);
    csb_json_string(s, value);
}

static void json_strings(GString *s, const char *key, const GPtrArray *a)
{
    if (!a)
        return;
    g_string_append_printf(s, ",\"%s\":[", key);
    for (guint i = 0; i < a->len; i++) {
        if (i)
            g_string_append_c(s, ',');
        csb_json_string(s, a->pdata[i]);
    }
    g_string_append_c(s, ']');
}

static void json_diag(GString *s, const CsbDiag *d)
{
    if (!d || !d->items->len)
        return;
    g_string_append(s, ",\"messages\":[");
    for (guint i = 0; i < d->items->len; i++) {
        const CsbError *e = d->items->pdata[i];
        g_string_append(s, i ? ",{" : "{");
        g_string_append(s, "\"severity\":");
        csb_json_string(s, e->severity == CSB_SEV_ERROR ? "error" : "warning");
        json_field(s, "file", e->file);
        if (e->line)
            g_string_append_printf(s, ",\"line\":%d", e->line);
        if (e->column)
            g_string_append_printf(s, ",\"column\":%d", e->column);
        json_field(s, "message", e->message);
        g_string_append_c(s, '}');
    }
    g_string_append_c(s, ']');
}

static gboolean json_wanted(const CsbBuildLog *log, const CsbEvent *e)
{
    if (!log->quiet)
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
    GString *s = g_string_new("{\"time\":");
    char *when = timestamp();
    csb_json_string(s, when);
    g_free(when);
    json_field(s, "event", event_name(e->kind));
    json_field(s, "output", e->output);
    json_field(s, "authority", e->authority);
    json_field(s, "template", e->template_id);
    json_field(s, "report", e->report);
    json_field(s, "folder", e->folder);
    json_field(s, "detail", e->detail);
    if (e->kind == CSB_EVENT_PLANNED || e->kind == CSB_EVENT_BUILDING ||
        e->kind == CSB_EVENT_BUILT || e->kind == CSB_EVENT_FAILED)
        json_strings(s, "reasons", e->reasons);
    if (e->kind == CSB_EVENT_BUILT || e->kind == CSB_EVENT_FAILED)
        g_string_append_printf(s, ",\"seconds\":%.3f", e->seconds);
    json_diag(s, e->diag);
    if (e->kind == CSB_EVENT_START)
        g_string_append_printf(s, ",\"to_build\":%u", e->summary->planned);
    if (e->kind != CSB_EVENT_FINISH)
        g_string_append_printf(s, ",\"done\":%u,\"total\":%u", e->done, e->total);
    if (e->kind == CSB_EVENT_FINISH) {
        const CsbBatchSummary *m = e->summary;
        g_string_append_printf(s, ",\"briefings\":%u,\"built\":%u,\"skipped\":%u,\"failed\":%u,"
                                  "\"would_build\":%u,\"reports\":%u,\"unreadable\":%u,"
                                  "\"seconds\":%.3f",
                               m->total, m->built, m->skipped, m->failed, m->planned, m->reports,
                               m->unreadable, m->seconds);
        json_strings(s, "failures", m->failures);
        if (m->stopped_by)
            json_field(s, "stopped_by", csb_workers_signal_name(m->stopped_by));
    }
    g_string_append(s, "}\n");
    fwrite(s->str, 1, s->len, log->out);
    fflush(log->out);
    g_string_free(s, TRUE);
}

/* ---- entry points ---------------------------------------------------------- */

void csb_build_log_started(CsbBuildLog *log, guint configs, int jobs, gboolean force,
                           gboolean dry_run)
{
    if (log->quiet)
        return;
    if (log->format == CSB_LOG_JSON) {
        GString *s = g_string_new("{\"time\":");
        char *when = timestamp();
        csb_json_string(s, when);
        g_free(when);
        g_string_append_printf(s, ",\"event\":\"started\",\"configs\":%u,\"jobs\":%d,"
                                  "\"force\":%s,\"dry_run\":%s,\"version\":\"%s\"}\n",
                               configs, jobs, force ? "true" : "false",
                               dry_run ? "true" : "false", CSB_VERSION);
        fwrite(s->str, 1, s->len, log->out);
        fflush(log->out);
        g_string_free(s, TRUE);
    } else if (!log->bar) {
        line(log, log->out, "started csbrief %s build: %u config%s, %d job%s%s%s", CSB_VERSION,
             configs, configs == 1 ? "" : "s", jobs, jobs == 1 ? "" : "s",
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
    if (log->format == CSB_LOG_JSON)
        json_event(log, e);
    else
        text_event(log, e);
}
