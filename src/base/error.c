/* error.c - error values and the diagnostic lists that collect them.
 *
 * Every stage reports problems as CsbError values (file, line, column,
 * message) gathered in a CsbDiag; only the CLI decides how to print them.
 */
#include "base.h"

#include <stdarg.h>

static CsbError *error_newv(CsbSeverity sev, const char *file, int line, int column,
                            const char *fmt, va_list ap)
{
    CsbError *e = g_new0(CsbError, 1);
    e->severity = sev;
    e->file = g_strdup(file);
    e->line = line;
    e->column = column;
    e->message = g_strdup_vprintf(fmt, ap);
    return e;
}

CsbError *csb_error_new(CsbSeverity sev, const char *file, int line, int column,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    CsbError *e = error_newv(sev, file, line, column, fmt, ap);
    va_end(ap);
    return e;
}

void csb_error_free(CsbError *e)
{
    if (!e)
        return;
    g_free(e->file);
    g_free(e->message);
    g_free(e);
}

char *csb_error_format(const CsbError *e)
{
    GString *s = g_string_new(NULL);
    if (e->file) {
        g_string_append(s, e->file);
        if (e->line > 0) {
            g_string_append_printf(s, ":%d", e->line);
            if (e->column > 0)
                g_string_append_printf(s, ":%d", e->column);
        }
        g_string_append(s, ": ");
    }
    g_string_append(s, e->severity == CSB_SEV_ERROR ? "error: " : "warning: ");
    g_string_append(s, e->message);
    /* One line, whatever a file name or a report's text holds. */
    char *line = csb_text_printable(s->str);
    g_string_free(s, TRUE);
    return line;
}

CsbDiag *csb_diag_new(void)
{
    CsbDiag *d = g_new0(CsbDiag, 1);
    d->items = g_ptr_array_new_with_free_func((GDestroyNotify)csb_error_free);
    return d;
}

void csb_diag_free(CsbDiag *d)
{
    if (!d)
        return;
    g_ptr_array_free(d->items, TRUE);
    g_free(d);
}

void csb_diag_add(CsbDiag *d, CsbError *e)
{
    g_ptr_array_add(d->items, e);
}

/* Add an error or a warning with its code (0: none). */
static void diag_addv(CsbDiag *d, CsbSeverity sev, int code, const char *file, int line,
                      int column, const char *fmt, va_list ap)
{
    CsbError *e = error_newv(sev, file, line, column, fmt, ap);
    e->code = code;
    csb_diag_add(d, e);
}

void csb_diag_error(CsbDiag *d, const char *file, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(d, CSB_SEV_ERROR, 0, file, line, column, fmt, ap);
    va_end(ap);
}

void csb_diag_error_code(CsbDiag *d, int code, const char *file, int line, int column,
                         const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(d, CSB_SEV_ERROR, code, file, line, column, fmt, ap);
    va_end(ap);
}

void csb_diag_warn(CsbDiag *d, const char *file, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(d, CSB_SEV_WARNING, 0, file, line, column, fmt, ap);
    va_end(ap);
}

void csb_diag_warn_code(CsbDiag *d, int code, const char *file, int line, int column,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(d, CSB_SEV_WARNING, code, file, line, column, fmt, ap);
    va_end(ap);
}

int csb_diag_count(const CsbDiag *d, CsbSeverity sev)
{
    int n = 0;
    for (guint i = 0; i < d->items->len; i++)
        if (((CsbError *)d->items->pdata[i])->severity == sev)
            n++;
    return n;
}

void csb_diag_print(const CsbDiag *d, FILE *out)
{
    for (guint i = 0; i < d->items->len; i++) {
        char *line = csb_error_format(d->items->pdata[i]);
        fprintf(out, "csbrief: %s\n", line);
        g_free(line);
    }
}

void csb_diag_take_as(CsbDiag *dst, CsbDiag *src, const char *file)
{
    for (guint i = 0; i < src->items->len; i++) {
        CsbError *e = src->items->pdata[i];
        if (e->file && g_strcmp0(e->file, file) != 0) {
            char *m = g_strdup_printf("%s: %s", e->file, e->message);
            g_free(e->message);
            e->message = m;
        }
        g_free(e->file);
        e->file = g_strdup(file);
        e->line = e->column = 0;
    }
    csb_diag_take(dst, src);
}

void csb_diag_take(CsbDiag *dst, CsbDiag *src)
{
    for (guint i = 0; i < src->items->len; i++)
        g_ptr_array_add(dst->items, src->items->pdata[i]);
    g_ptr_array_set_free_func(src->items, NULL);
    g_ptr_array_set_size(src->items, 0);
    g_ptr_array_set_free_func(src->items, (GDestroyNotify)csb_error_free);
}
