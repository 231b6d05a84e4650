/* ingest.c - deciding what a file is and handing it to the PDF or text
 * reader; content hashing; the document's lifetime.
 */
#include "ingest.h"

#include <string.h>

static void cell_free(gpointer p)
{
    CsbCell *c = p;
    g_free(c->text);
    g_free(c);
}

static void line_free(gpointer p)
{
    CsbLine *l = p;
    g_free(l->text);
    g_ptr_array_free(l->cells, TRUE);
    g_free(l);
}

CsbDocument *csb_document_new(const char *path, CsbSourceType type)
{
    CsbDocument *d = g_new0(CsbDocument, 1);
    d->path = g_strdup(path);
    d->type = type;
    d->lines = g_ptr_array_new_with_free_func(line_free);
    return d;
}

CsbLine *csb_document_add_line(CsbDocument *d, int page, double y0, double y1)
{
    CsbLine *l = g_new0(CsbLine, 1);
    l->page = page;
    l->y0 = y0;
    l->y1 = y1;
    l->cells = g_ptr_array_new_with_free_func(cell_free);
    g_ptr_array_add(d->lines, l);
    return l;
}

void csb_line_add_cell(CsbLine *l, const char *text, double x0, double x1)
{
    CsbCell *c = g_new0(CsbCell, 1);
    c->text = g_strdup(text);
    c->x0 = x0;
    c->x1 = x1;
    g_ptr_array_add(l->cells, c);
}

/* Join cells with tabs into line->text once all cells are in. */
void csb_line_finish(CsbLine *l)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < l->cells->len; i++) {
        if (i)
            g_string_append_c(s, '\t');
        g_string_append(s, ((CsbCell *)l->cells->pdata[i])->text);
    }
    g_free(l->text);
    l->text = g_string_free(s, FALSE);
}

void csb_document_free(CsbDocument *doc)
{
    if (!doc)
        return;
    g_free(doc->path);
    g_free(doc->sha256);
    g_ptr_array_free(doc->lines, TRUE);
    g_free(doc);
}

gboolean csb_ingest_is_report_name(const char *path)
{
    char *lower = g_ascii_strdown(path, -1);
    gboolean ok = g_str_has_suffix(lower, ".pdf") || g_str_has_suffix(lower, ".txt") ||
                  g_str_has_suffix(lower, ".md");
    g_free(lower);
    return ok;
}

char *csb_ingest_hash_file(const char *path, char **err_msg)
{
    gsize len = 0;
    char *data = csb_file_read(path, &len, err_msg);
    if (!data)
        return NULL;
    char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
    g_free(data);
    return sum;
}

CsbDocument *csb_ingest_text(const char *path, const char *data, gsize len)
{
    CsbDocument *d = csb_document_new(path, CSB_SOURCE_TEXT);
    const char *p = data, *end = data + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    int index = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        const char *trim = stop;
        if (trim > p && trim[-1] == '\r')
            trim--;
        char *raw = g_strndup(p, (gsize)(trim - p));
        if (!g_utf8_validate(raw, -1, NULL)) {
            char *fixed = g_utf8_make_valid(raw, -1);
            g_free(raw);
            raw = fixed;
        }
        CsbLine *l = csb_document_add_line(d, 0, index, index + 1);
        char **cells = g_strsplit(raw, "\t", -1);
        int col = 0;
        for (char **c = cells; *c; c++, col++) {
            char *t = g_strstrip(g_strdup(*c));
            if (*t || !cells[1]) /* keep a blank line as one empty cell */
                csb_line_add_cell(l, t, col, col + 1);
            g_free(t);
        }
        g_strfreev(cells);
        csb_line_finish(l);
        g_free(raw);
        index++;
        p = nl ? nl + 1 : end;
    }
    return d;
}

/* What the first bytes say the file is. */
static const char *sniff_problem(const char *data, gsize len)
{
    if (len == 0)
        return "the file is empty: download the report again";
    gsize i = 0;
    while (i < len && i < 512 && g_ascii_isspace(data[i]))
        i++;
    char head[64] = {0};
    for (gsize k = 0; k < sizeof head - 1 && i + k < len; k++)
        head[k] = g_ascii_tolower(data[i + k]);
    if (g_str_has_prefix(head, "<!doctype html") || g_str_has_prefix(head, "<html") ||
        g_str_has_prefix(head, "<?xml") || g_str_has_prefix(head, "<head"))
        return "an HTML page (probably a download error) saved as a report, not a report: "
               "download it again";
    return NULL;
}

CsbDocument *csb_ingest_file(const char *path, CsbDiag *diag)
{
    gsize len = 0;
    char *msg = NULL;
    char *data = csb_file_read(path, &len, &msg);
    if (!data) {
        csb_diag_error(diag, path, 0, 0, "cannot read the file: %s", msg);
        g_free(msg);
        return NULL;
    }
    CsbDocument *doc = NULL;
    const char *problem = sniff_problem(data, len);
    if (problem) {
        csb_diag_error(diag, path, 0, 0, "%s", problem);
    } else if (len >= 5 && memcmp(data, "%PDF-", 5) == 0) {
        doc = csb_ingest_pdf(path, data, len, diag);
    } else {
        char *lower = g_ascii_strdown(path, -1);
        gboolean named_pdf = g_str_has_suffix(lower, ".pdf");
        g_free(lower);
        if (named_pdf)
            csb_diag_error(diag, path, 0, 0,
                           "not a PDF (it does not start with %%PDF-): download it again");
        else if (memchr(data, '\0', len))
            csb_diag_error(diag, path, 0, 0, "binary data, not a text report");
        else
            doc = csb_ingest_text(path, data, len);
    }
    if (doc)
        doc->sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
    g_free(data);
    return doc;
}
