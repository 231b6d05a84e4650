/* edit.c - Cairo's PDF edited: objects replaced (under their own numbers)
 * and added, then the file written again with only the objects its
 * catalog and Info dictionary still reach, each of Cairo's copied byte for
 * byte from where Cairo's cross-reference table says it is (never parsed),
 * and a new cross-reference table.
 *
 * Reaching an object is read from its text: every "N G R" outside strings,
 * up to its stream data. What is left behind is what the edit replaced:
 * Cairo's own structure tree, the length objects of the content streams
 * written again. An entry of Cairo's table that does not lead to its
 * object (Cairo 1.16 has entries for numbers it reserved and never wrote)
 * is never copied, and its number is free in the new table, so a strict
 * reader (`qpdf --check`) finds nothing to mend. The /ID is an MD5 of the
 * bytes before the trailer, never the clock: the same input, the same
 * file.
 */
#include "pdf.h"

#include <string.h>

typedef struct {
    gsize start, end; /* Cairo's: in its bytes; written here: in objs */
} Span;

struct CsbPdfEdit {
    const char *pdf;  /* Cairo's bytes, borrowed */
    gsize len;
    gsize header;     /* the bytes before Cairo's first object */
    Span *cairo;      /* per number below cairo_size: Cairo's object, end 0 if none */
    int cairo_size;
    GString *objs;    /* the objects written here */
    GArray *written;  /* Span per number (index), end 0 if not written */
    int size;         /* the next number free */
};

/* The number after "keyword" at p, skipping white space; -1 when none. */
static long number_after(const char *p, const char *end, const char *keyword)
{
    gsize k = strlen(keyword);
    if ((gsize)(end - p) < k || memcmp(p, keyword, k) != 0)
        return -1;
    p += k;
    while (p < end && g_ascii_isspace(*p))
        p++;
    if (p == end || !g_ascii_isdigit(*p))
        return -1;
    return strtol(p, NULL, 10);
}

/* Whether the bytes at offset begin object num of generation gen. */
static gboolean object_at(const char *pdf, gsize len, gsize offset, int num, int gen)
{
    if (offset >= len)
        return FALSE;
    char head[32];
    int n = g_snprintf(head, sizeof head, "%d %d obj", num, gen);
    return len - offset >= (gsize)n && memcmp(pdf + offset, head, (gsize)n) == 0;
}

static gint by_offset(gconstpointer a, gconstpointer b)
{
    gsize x = *(const gsize *)a, y = *(const gsize *)b;
    return x < y ? -1 : x > y;
}

/* Where each of Cairo's objects is, from its classic cross-reference
 * table (one section, as Cairo writes it): an object ends where the next
 * one in the file begins, the last where the table does. FALSE when there
 * is no such table where startxref says. */
static gboolean read_table(CsbPdfEdit *e)
{
    const char *pdf = e->pdf, *end = pdf + e->len;
    gsize tail = MIN(e->len, 64);
    const char *sx = g_strrstr_len(end - tail, (gssize)tail, "startxref");
    long at = sx ? number_after(sx, end, "startxref") : -1;
    if (at < 0 || (gsize)at >= e->len || e->len - (gsize)at < 4 ||
        memcmp(pdf + at, "xref", 4) != 0)
        return FALSE;
    const char *p = pdf + at + 4;
    GArray *offsets = g_array_new(FALSE, FALSE, sizeof(gsize));
    GArray *spans = g_array_new(FALSE, TRUE, sizeof(Span));
    for (;;) {
        while (p < end && g_ascii_isspace(*p))
            p++;
        if (p == end || !g_ascii_isdigit(*p))
            break; /* "trailer" */
        char *q = NULL;
        long first = strtol(p, &q, 10);
        long count = strtol(q, &q, 10);
        p = memchr(q, '\n', (size_t)(end - q));
        if (!p || first < 0 || count < 0 || first + count > G_MAXINT / 2 ||
            (gsize)(end - ++p) < (gsize)count * 20) {
            g_array_free(offsets, TRUE);
            g_array_free(spans, TRUE);
            return FALSE;
        }
        if ((guint)(first + count) > spans->len)
            g_array_set_size(spans, (guint)(first + count));
        for (long i = 0; i < count; i++, p += 20) {
            gsize offset = (gsize)g_ascii_strtoull(p, NULL, 10);
            int gen = (int)strtol(p + 11, NULL, 10);
            if (p[17] != 'n' || !object_at(pdf, e->len, offset, (int)(first + i), gen))
                continue;
            g_array_index(spans, Span, first + i).start = offset;
            g_array_append_val(offsets, offset);
        }
    }
    gsize xref = (gsize)at;
    g_array_append_val(offsets, xref);
    g_array_sort(offsets, by_offset);
    e->header = g_array_index(offsets, gsize, 0);
    for (guint n = 0; n < spans->len; n++) {
        Span *s = &g_array_index(spans, Span, n);
        if (!s->start)
            continue;
        /* the next object's start: found in the sorted offsets */
        guint lo = 0, hi = offsets->len;
        while (lo < hi) {
            guint mid = (lo + hi) / 2;
            if (g_array_index(offsets, gsize, mid) <= s->start)
                lo = mid + 1;
            else
                hi = mid;
        }
        s->end = lo < offsets->len ? g_array_index(offsets, gsize, lo) : xref;
    }
    e->cairo_size = (int)spans->len;
    e->cairo = (Span *)g_array_free(spans, FALSE);
    g_array_free(offsets, TRUE);
    return TRUE;
}

CsbPdfEdit *csb_pdf_edit_new(const guchar *pdf, gsize len)
{
    CsbPdfEdit *e = g_new0(CsbPdfEdit, 1);
    e->pdf = (const char *)pdf;
    e->len = len;
    if (!read_table(e)) {
        g_free(e);
        return NULL;
    }
    e->size = e->cairo_size;
    e->objs = g_string_sized_new(len);
    e->written = g_array_new(FALSE, TRUE, sizeof(Span));
    return e;
}

void csb_pdf_edit_free(CsbPdfEdit *e)
{
    if (!e)
        return;
    g_string_free(e->objs, TRUE);
    g_array_free(e->written, TRUE);
    g_free(e->cairo);
    g_free(e);
}

int csb_pdf_edit_number(CsbPdfEdit *e)
{
    return e->size++;
}

GString *csb_pdf_edit_begin(CsbPdfEdit *e, int num)
{
    if ((guint)num >= e->written->len)
        g_array_set_size(e->written, (guint)num + 1);
    g_array_index(e->written, Span, num) = (Span){e->objs->len, 0};
    g_string_append_printf(e->objs, "%d 0 obj\n", num);
    return e->objs;
}

void csb_pdf_edit_end(CsbPdfEdit *e, int num)
{
    g_string_append(e->objs, "\nendobj\n");
    g_array_index(e->written, Span, num).end = e->objs->len;
}

void csb_pdf_edit_stream(CsbPdfEdit *e, int num, const char *keys, const void *data, gsize len)
{
    GString *out = csb_pdf_edit_begin(e, num);
    g_string_append_printf(out, "<< /Length %" G_GSIZE_FORMAT " %s >>\nstream\n", len, keys);
    g_string_append_len(out, data, (gssize)len);
    g_string_append(out, "\nendstream");
    csb_pdf_edit_end(e, num);
}

/* Object num as it will be written: this edit's version, or Cairo's; NULL
 * when there is none. */
static const char *object(const CsbPdfEdit *e, int num, const char **end)
{
    if (num > 0 && (guint)num < e->written->len) {
        const Span *s = &g_array_index(e->written, Span, num);
        if (s->end) {
            *end = e->objs->str + s->end;
            return e->objs->str + s->start;
        }
    }
    if (num > 0 && num < e->cairo_size && e->cairo[num].end) {
        *end = e->pdf + e->cairo[num].end;
        return e->pdf + e->cairo[num].start;
    }
    return NULL;
}

/* The numbers object [p, end) refers to ("N G R") onto todo, up to its
 * stream data. */
static void references(const char *p, const char *end, GArray *todo)
{
    long ints[2] = {-1, -1}; /* the last two tokens, when integers */
    while (p < end) {
        if (g_ascii_isspace(*p) || *p == '\0') {
            p++;
            continue;
        }
        const char *t = csb_pdf_token_end(p, end);
        gsize n = (gsize)(t - p);
        gboolean digits = n > 0;
        for (gsize i = 0; i < n && digits; i++)
            digits = g_ascii_isdigit(p[i]);
        if (digits) {
            ints[0] = ints[1];
            ints[1] = n < 10 ? strtol(p, NULL, 10) : -1;
        } else {
            if (n == 1 && *p == 'R' && ints[0] > 0 && ints[1] >= 0) {
                int num = (int)ints[0];
                g_array_append_val(todo, num);
            }
            if ((n == 6 && memcmp(p, "stream", 6) == 0) || (n == 6 && memcmp(p, "endobj", 6) == 0))
                return;
            ints[0] = ints[1] = -1;
        }
        p = t;
    }
}

/* Which numbers root and info reach, through this edit's objects and
 * Cairo's. */
static guint8 *reached(const CsbPdfEdit *e, int root, int info)
{
    guint8 *seen = g_new0(guint8, e->size);
    GArray *todo = g_array_new(FALSE, FALSE, sizeof(int));
    g_array_append_val(todo, root);
    g_array_append_val(todo, info);
    while (todo->len) {
        int num = g_array_index(todo, int, todo->len - 1);
        g_array_set_size(todo, todo->len - 1);
        const char *end = NULL, *text = num < e->size && !seen[num] ? object(e, num, &end) : NULL;
        if (!text)
            continue;
        seen[num] = 1;
        references(text, end, todo);
    }
    g_array_free(todo, TRUE);
    return seen;
}

GBytes *csb_pdf_edit_finish(CsbPdfEdit *e, int root, int info)
{
    guint8 *seen = reached(e, root, info);
    GString *out = g_string_sized_new(e->len + e->objs->len);
    g_string_append_len(out, e->pdf, (gssize)e->header);
    gsize *offset = g_new0(gsize, e->size);
    for (int num = 1; num < e->size; num++) {
        const char *end = NULL, *text = seen[num] ? object(e, num, &end) : NULL;
        if (!text)
            continue;
        offset[num] = out->len;
        g_string_append_len(out, text, end - text);
        if (out->str[out->len - 1] != '\n')
            g_string_append_c(out, '\n');
    }
    gsize xref = out->len;
    g_string_append_printf(out, "xref\n0 %d\n", e->size);
    /* The free numbers in a list from object 0, each naming the next. */
    int *next_free = g_new0(int, e->size + 1);
    for (int num = e->size - 1; num >= 0; num--)
        next_free[num] = offset[num] ? next_free[num + 1] : num;
    for (int num = 0; num < e->size; num++) {
        if (offset[num])
            g_string_append_printf(out, "%010" G_GSIZE_FORMAT " 00000 n \n", offset[num]);
        else
            g_string_append_printf(out, "%010d %05d f \n", next_free[num + 1],
                                   num ? 1 : 65535);
    }
    g_free(next_free);
    char *id = g_compute_checksum_for_data(G_CHECKSUM_MD5, (const guchar *)out->str, out->len);
    g_string_append_printf(out, "trailer\n<< /Size %d /Root %d 0 R", e->size, root);
    if (info > 0)
        g_string_append_printf(out, " /Info %d 0 R", info);
    g_string_append_printf(out, " /ID [<%s> <%s>] >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                           id, id, xref);
    g_free(id);
    g_free(offset);
    g_free(seen);
    gsize len = out->len;
    return g_bytes_new_take(g_string_free(out, FALSE), len);
}

void csb_pdf_text_string(GString *out, const char *utf8)
{
    glong n = 0;
    gunichar2 *units = g_utf8_to_utf16(utf8, -1, NULL, &n, NULL);
    g_string_append(out, "<FEFF");
    for (glong i = 0; units && i < n; i++)
        g_string_append_printf(out, "%04X", units[i]);
    g_string_append_c(out, '>');
    g_free(units);
}

void csb_pdf_name(GString *out, const char *name)
{
    g_string_append_c(out, '/');
    for (const unsigned char *c = (const unsigned char *)name; *c; c++) {
        if (*c > 0x20 && *c < 0x7F && *c != '#' && !strchr("()<>[]{}/%", *c))
            g_string_append_c(out, (char)*c);
        else
            g_string_append_printf(out, "#%02X", *c);
    }
}
