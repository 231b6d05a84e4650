/* log_common.c - what the build and fetch logs share: where lines go
 * (stdout, stderr, or a progress bar on a terminal), timestamps, paths
 * shown relative to the current folder, messages, and the fields of JSON
 * log lines.
 */
#include "build_log.h"

#include <stdarg.h>
#include <string.h>

void csb_log_out_init(CsbLogOut *o, CsbLogFormat format, gboolean quiet, gboolean bar,
                      FILE *out, FILE *err)
{
    memset(o, 0, sizeof *o);
    o->format = format;
    o->quiet = quiet;
    o->bar = bar && format == CSB_LOG_TEXT && !quiet;
    o->out = out;
    o->err = err;
    o->cwd = g_get_current_dir();
}

void csb_log_out_clear(CsbLogOut *o)
{
    g_free(o->cwd);
    o->cwd = NULL;
}

char *csb_log_timestamp(void)
{
    GDateTime *now = g_date_time_new_now_local();
    char *s = g_date_time_format(now, "%Y-%m-%dT%H:%M:%S%:z");
    g_date_time_unref(now);
    return s;
}

const char *csb_log_shown(const CsbLogOut *o, const char *path)
{
    if (!path)
        return "";
    gsize n = strlen(o->cwd);
    if (strncmp(path, o->cwd, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
}

void csb_log_bar_clear(CsbLogOut *o)
{
    if (o->drawn) {
        fputs("\r\033[K", o->err);
        o->drawn = FALSE;
    }
}

void csb_log_bar_draw(CsbLogOut *o, guint done, guint total, const char *counts,
                      const char *what)
{
    enum { WIDTH = 30 };
    guint fill = total ? (guint)((guint64)MIN(done, total) * WIDTH / total) : 0;
    char cells[WIDTH + 1];
    for (guint i = 0; i < WIDTH; i++)
        cells[i] = i < fill ? '#' : '.';
    cells[WIDTH] = '\0';
    fprintf(o->err, "\r\033[K[%s] %u/%u", cells, done, total);
    if (counts)
        fprintf(o->err, "  %s", counts);
    if (what)
        fprintf(o->err, "  %s", what);
    fflush(o->err);
    o->drawn = TRUE;
}

void csb_log_line(CsbLogOut *o, FILE *to, const char *fmt, ...)
{
    csb_log_bar_clear(o);
    va_list ap;
    va_start(ap, fmt);
    char *raw = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    /* One event, one line: names from outside cannot break it. */
    char *msg = csb_text_printable(raw);
    g_free(raw);
    if (o->bar || to == o->err) {
        fprintf(to, "csbrief: %s\n", msg);
    } else {
        char *when = csb_log_timestamp();
        fprintf(to, "%s %s\n", when, msg);
        g_free(when);
    }
    fflush(to);
    g_free(msg);
}

void csb_log_print_diag(CsbLogOut *o, const CsbDiag *d)
{
    for (guint i = 0; d && i < d->items->len; i++) {
        const CsbError *e = d->items->pdata[i];
        if (o->quiet && e->severity != CSB_SEV_ERROR)
            continue;
        csb_log_bar_clear(o);
        char *s = csb_error_format(e);
        fprintf(o->err, "csbrief: %s\n", s);
        g_free(s);
    }
    fflush(o->err);
}

void csb_log_finished(CsbLogOut *o, const char *summary)
{
    csb_log_bar_clear(o);
    if (o->bar) {
        fprintf(o->out, "finished: %s\n", summary);
    } else {
        char *when = csb_log_timestamp();
        fprintf(o->out, "%s finished: %s\n", when, summary);
        g_free(when);
    }
}

void csb_log_json_field(GString *s, const char *key, const char *value)
{
    if (!value)
        return;
    g_string_append_printf(s, ",\"%s\":", key);
    csb_json_string(s, value);
}

void csb_log_json_strings(GString *s, const char *key, const GPtrArray *a)
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

void csb_log_json_diag(GString *s, const CsbDiag *d)
{
    if (!d || !d->items->len)
        return;
    g_string_append(s, ",\"messages\":[");
    for (guint i = 0; i < d->items->len; i++) {
        const CsbError *e = d->items->pdata[i];
        g_string_append(s, i ? ",{" : "{");
        g_string_append(s, "\"severity\":");
        csb_json_string(s, e->severity == CSB_SEV_ERROR ? "error" : "warning");
        csb_log_json_field(s, "file", e->file);
        if (e->line)
            g_string_append_printf(s, ",\"line\":%d", e->line);
        if (e->column)
            g_string_append_printf(s, ",\"column\":%d", e->column);
        csb_log_json_field(s, "message", e->message);
        g_string_append_c(s, '}');
    }
    g_string_append_c(s, ']');
}

GString *csb_log_json_start(const char *event)
{
    GString *s = g_string_new("{\"time\":");
    char *when = csb_log_timestamp();
    csb_json_string(s, when);
    g_free(when);
    csb_log_json_field(s, "event", event);
    return s;
}

void csb_log_json_end(CsbLogOut *o, GString *s)
{
    g_string_append(s, "}\n");
    fwrite(s->str, 1, s->len, o->out);
    fflush(o->out);
    g_string_free(s, TRUE);
}
