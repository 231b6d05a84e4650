/* ingest.c - deciding what a file is and handing it to the PDF or text
 * reader; content hashing; the document's lifetime.
 */
#include "ingest.h"

#include <errno.h>
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
    c->y0 = l->y0;
    c->y1 = l->y1;
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

/* Text that is not UTF-8 is taken to be Windows-1252 (what Word's "plain
 * text" export writes); what still cannot be decoded becomes U+FFFD.
 * Unicode noncharacters (U+FFFE, U+FDD0, ...) are not text: they are
 * dropped here, once, so no later stage (Cairo refuses them) meets one. */
static char *text_as_utf8(const char *data, gsize len)
{
    char *utf8;
    if (g_utf8_validate_len(data, len, NULL)) {
        utf8 = g_strndup(data, len);
    } else {
        utf8 = g_convert(data, (gssize)len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
        if (!utf8 || !g_utf8_validate(utf8, -1, NULL)) {
            g_free(utf8);
            utf8 = g_utf8_make_valid(data, (gssize)len);
        }
    }
    char *text = csb_text_drop_noncharacters(utf8, NULL);
    g_free(utf8);
    return text;
}

CsbDocument *csb_ingest_text(const char *path, const char *data, gsize len)
{
    CsbDocument *d = csb_document_new(path, CSB_SOURCE_TEXT);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    char *utf8 = text_as_utf8(data, len);
    const char *p = utf8, *end = utf8 + strlen(utf8);
    int index = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        const char *trim = stop;
        if (trim > p && trim[-1] == '\r')
            trim--;
        char *raw = g_strndup(p, (gsize)(trim - p));
        CsbLine *l = csb_document_add_line(d, 0, index, index + 1);
        char **cells = g_strsplit(raw, "\t", -1);
        int col = 0;
        for (char **c = cells; *c; c++, col++) {
            char *t = g_strstrip(g_strdup(*c));
            if (*t || !cells[1]) /* keep a blank line as one empty cell */
                csb_line_add_cell(l, t, col, col + 1);
            g_free(t);
        }
        if (l->cells->len == 0) /* only tabs */
            csb_line_add_cell(l, "", 0, 1);
        l->footnote = csb_layout_is_footnote_text(((CsbCell *)l->cells->pdata[0])->text);
        g_strfreev(cells);
        csb_line_finish(l);
        g_free(raw);
        index++;
        p = nl ? nl + 1 : end;
    }
    g_free(utf8);
    return d;
}

/* What the first bytes say the file is; downloaded: said of a download
 * (which is not kept), else of a file a person put among the reports.
 * *reason gets the kind of problem, when there is one. */
static const char *sniff_problem(const char *data, gsize len, gboolean downloaded,
                                 CsbUnreadReason *reason)
{
    *reason = CSB_UNREAD_EMPTY;
    if (len == 0)
        return downloaded ? "empty" : "the file is empty: download the report again";
    gsize i = 0;
    while (i < len && i < 512 && g_ascii_isspace(data[i]))
        i++;
    if (i == len)
        return downloaded ? "only blank space"
                          : "the file holds only blank space: download the report again";
    *reason = CSB_UNREAD_HTML_PAGE;
    char head[64] = {0};
    for (gsize k = 0; k < sizeof head - 1 && i + k < len; k++)
        head[k] = g_ascii_tolower(data[i + k]);
    if (g_str_has_prefix(head, "<!doctype html") || g_str_has_prefix(head, "<html") ||
        g_str_has_prefix(head, "<?xml") || g_str_has_prefix(head, "<head") ||
        g_str_has_prefix(head, "<body") || g_str_has_prefix(head, "<!--"))
        return downloaded ? "an HTML page (probably an error page), not a PDF"
                          : "an HTML page (probably a download error) saved as a report, not a report: "
               "download it again";
    return NULL;
}

/* Offset of "%PDF-" within the first KiB (the format allows leading junk),
 * or -1. */
static gssize pdf_header_offset(const char *data, gsize len)
{
    gsize limit = MIN(len, 1024);
    for (gsize i = 0; i + 5 <= limit; i++)
        if (memcmp(data + i, "%PDF-", 5) == 0)
            return (gssize)i;
    return -1;
}

/* A complete PDF ends with "%%EOF" (perhaps followed by a little space). */
static gboolean pdf_has_end(const char *data, gsize len)
{
    gsize from = len > 2048 ? len - 2048 : 0;
    for (gsize i = len >= 5 ? len - 5 + 1 : 0; i-- > from;)
        if (memcmp(data + i, "%%EOF", 5) == 0)
            return TRUE;
    return FALSE;
}

/* Text reports are UTF-8 (or Latin-1) prose: control characters and NULs
 * mean binary data. */
static gboolean looks_binary(const char *data, gsize len)
{
    gsize n = MIN(len, 65536), odd = 0;
    for (gsize i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == 0)
            return TRUE;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            odd++;
    }
    const char *end = NULL;
    gsize valid = g_utf8_validate(data, (gssize)n, &end) ? n : (gsize)(end - data);
    /* A cut multi-byte character at the sample's end is fine. */
    gboolean bad_utf8 = valid + 4 < n;
    return odd * 50 > n || (bad_utf8 && odd * 200 > n);
}

const char *csb_ingest_pdf_problem(const char *data, gsize len)
{
    CsbUnreadReason reason;
    const char *problem = sniff_problem(data, len, TRUE, &reason);
    if (problem)
        return problem;
    if (pdf_header_offset(data, len) < 0)
        return "not a PDF (it does not start with %PDF-)";
    if (!pdf_has_end(data, len))
        return "the PDF is truncated (it has no end-of-file marker)";
    return NULL;
}

CsbUnreadReason csb_ingest_read_reason(int err)
{
    return err == EFBIG ? CSB_UNREAD_TOO_LARGE : CSB_UNREAD_CANNOT_OPEN;
}

char *csb_ingest_read(const char *path, gsize *len, CsbDiag *diag)
{
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        csb_diag_error_code(diag, CSB_UNREAD_CANNOT_OPEN, path, 0, 0,
                            "a directory, not a report file");
        return NULL;
    }
    char *msg = NULL;
    CsbIngestLimits lim = csb_ingest_limits();
    char *data = csb_file_read_limited(path, lim.file_bytes, FALSE, len, &msg);
    if (!data) {
        CsbUnreadReason reason = csb_ingest_read_reason(errno);
        csb_diag_error_code(diag, reason, path, 0, 0, "cannot read the file: %s%s", msg,
                            g_str_has_prefix(msg, "the file is ") ? " (CSBRIEF_MAX_REPORT_MB)"
                                                                  : "");
        g_free(msg);
    }
    return data;
}

CsbDocument *csb_ingest_file(const char *path, CsbDiag *diag)
{
    gsize len = 0;
    char *data = csb_ingest_read(path, &len, diag);
    if (!data)
        return NULL;
    CsbDocument *doc = csb_ingest_data(path, data, len, diag);
    g_free(data);
    return doc;
}

static void text_too_large(const char *path, gsize len, CsbDiag *diag)
{
    char *size = csb_size_text(len), *limit = csb_size_text(csb_ingest_limits().text_bytes);
    csb_diag_error_code(diag, CSB_UNREAD_TOO_LARGE, path, 0, 0,
                        "a text report of %s, more than the limit of %s (CSBRIEF_MAX_TEXT_MB): "
                        "not read; an inspection report's text is well under 1 MB",
                        size, limit);
    g_free(size);
    g_free(limit);
}

CsbDocument *csb_ingest_data(const char *path, const char *data, gsize len, CsbDiag *diag)
{
    CsbDocument *doc = NULL;
    CsbUnreadReason reason;
    const char *problem = sniff_problem(data, len, FALSE, &reason);
    gssize pdf_at = problem ? -1 : pdf_header_offset(data, len);
    if (problem) {
        csb_diag_error_code(diag, reason, path, 0, 0, "%s", problem);
    } else if (pdf_at >= 0) {
        if (!pdf_has_end(data, len))
            csb_diag_error_code(diag, CSB_UNREAD_TRUNCATED, path, 0, 0,
                                "the PDF is truncated (it has no end-of-file marker): download "
                                "it again");
        else
            doc = csb_ingest_pdf(path, data, len, diag);
    } else {
        char *lower = g_ascii_strdown(path, -1);
        gboolean named_pdf = g_str_has_suffix(lower, ".pdf");
        g_free(lower);
        if (named_pdf)
            csb_diag_error_code(diag, CSB_UNREAD_NOT_PDF, path, 0, 0,
                                "not a PDF (it does not start with %%PDF-): download it again");
        else if (looks_binary(data, len))
            csb_diag_error_code(diag, CSB_UNREAD_BINARY, path, 0, 0,
                                "binary data, not a text report: give a .pdf, .txt or .md "
                                "report");
        else if (len > csb_ingest_limits().text_bytes)
            text_too_large(path, len, diag);
        else
            doc = csb_ingest_text(path, data, len);
    }
    if (doc)
        doc->sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
    return doc;
}
