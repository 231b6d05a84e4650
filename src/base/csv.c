/* csv.c - RFC 4180 reading and writing for the data files in data/ and for
 * `csbrief extract --format csv`; each row read keeps the physical line it
 * starts on, for errors about it.
 */
#include "base.h"

#include <string.h>

static void row_free(gpointer p)
{
    g_ptr_array_free(p, TRUE);
}

/* Parse one record starting at *p; advances *p past its line end. */
static GPtrArray *parse_record(const char **p, const char *end, gboolean *ok)
{
    GPtrArray *row = g_ptr_array_new_with_free_func(g_free);
    GString *field = g_string_new(NULL);
    const char *s = *p;
    *ok = TRUE;
    for (;;) {
        if (s < end && *s == '"') {
            s++;
            for (;;) {
                if (s >= end) {
                    *ok = FALSE; /* unterminated quote */
                    break;
                }
                if (*s == '"') {
                    if (s + 1 < end && s[1] == '"') {
                        g_string_append_c(field, '"');
                        s += 2;
                        continue;
                    }
                    s++;
                    break;
                }
                g_string_append_c(field, *s++);
            }
        }
        while (s < end && *s != ',' && *s != '\n' && *s != '\r')
            g_string_append_c(field, *s++);
        g_ptr_array_add(row, g_strdup(field->str));
        g_string_truncate(field, 0);
        if (s < end && *s == ',') {
            s++;
            continue;
        }
        if (s < end && *s == '\r')
            s++;
        if (s < end && *s == '\n')
            s++;
        break;
    }
    g_string_free(field, TRUE);
    *p = s;
    return row;
}

CsbCsv *csb_csv_load(const char *path, CsbDiag *diag)
{
    gsize len = 0;
    char *msg = NULL;
    char *data = csb_file_read(path, &len, &msg);
    if (!data) {
        csb_diag_error(diag, path, 0, 0, "cannot read: %s", msg);
        g_free(msg);
        return NULL;
    }
    const char *p = data, *end = data + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3; /* byte order mark */
    CsbCsv *csv = g_new0(CsbCsv, 1);
    csv->rows = g_ptr_array_new_with_free_func(row_free);
    csv->lines = g_array_new(FALSE, FALSE, sizeof(int));
    int line = 1; /* the physical line the next record starts on */
    while (p < end) {
        gboolean ok;
        const char *start = p;
        int first = line;
        GPtrArray *row = parse_record(&p, end, &ok);
        if (!ok) {
            csb_diag_error(diag, path, first, 0, "unterminated quoted field");
            g_ptr_array_free(row, TRUE);
            g_free(data);
            csb_csv_free(csv);
            return NULL;
        }
        for (const char *q = start; q < p; q++)
            if (*q == '\n')
                line++;
        if (row->len == 1 && !*(char *)row->pdata[0]) {
            g_ptr_array_free(row, TRUE); /* blank line */
            continue;
        }
        if (!csv->header) {
            csv->header = row;
            csv->header_line = first;
        } else {
            g_ptr_array_add(csv->rows, row);
            g_array_append_val(csv->lines, first);
        }
    }
    g_free(data);
    if (!csv->header) {
        csb_diag_error(diag, path, 0, 0, "empty CSV file: a header row is required");
        csb_csv_free(csv);
        return NULL;
    }
    return csv;
}

void csb_csv_free(CsbCsv *csv)
{
    if (!csv)
        return;
    if (csv->header)
        g_ptr_array_free(csv->header, TRUE);
    g_ptr_array_free(csv->rows, TRUE);
    if (csv->lines)
        g_array_free(csv->lines, TRUE);
    g_free(csv);
}

int csb_csv_column(const CsbCsv *csv, const char *name)
{
    for (guint i = 0; i < csv->header->len; i++)
        if (strcmp(csv->header->pdata[i], name) == 0)
            return (int)i;
    return -1;
}

const char *csb_csv_get(const CsbCsv *csv, guint row, int column)
{
    if (row >= csv->rows->len || column < 0)
        return "";
    GPtrArray *r = csv->rows->pdata[row];
    return (guint)column < r->len ? r->pdata[column] : "";
}

int csb_csv_line(const CsbCsv *csv, guint row)
{
    return csv->lines && row < csv->lines->len ? g_array_index(csv->lines, int, row) : 0;
}

void csb_csv_write_field(GString *out, const char *field)
{
    if (!field)
        return;
    if (!strpbrk(field, ",\"\r\n")) {
        g_string_append(out, field);
        return;
    }
    g_string_append_c(out, '"');
    for (const char *p = field; *p; p++) {
        if (*p == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}

void csb_csv_write_row(GString *out, const char *const *fields, guint n)
{
    for (guint i = 0; i < n; i++) {
        if (i)
            g_string_append_c(out, ',');
        csb_csv_write_field(out, fields[i]);
    }
    g_string_append_c(out, '\n');
}

char *csb_csv_dup(const CsbCsv *csv, guint row, const char *name)
{
    const char *v = csb_csv_get(csv, row, csb_csv_column(csv, name));
    return *v ? g_strdup(v) : NULL;
}
