/* edit.c - Cairo's PDF edited: objects replaced (under their own numbers)
 * and added, then the file written again with only the objects its
 * catalog and Info dictionary still reach: the streams (fonts, images,
 * content) copied byte for byte from where Cairo's cross-reference table
 * says they are (their dictionaries read, their data never); every other
 * object in object streams (compressed, as libqpdf would write them), and
 * a cross-reference stream.
 *
 * Reaching an object is read from its text: every "N G R" outside strings,
 * up to its stream data. What is left behind is what the edit replaced:
 * Cairo's own structure tree, the length objects of the content streams
 * written again. An entry of Cairo's table that does not lead to its
 * object (Cairo 1.16 has entries for numbers it reserved and never wrote)
 * is never copied, and its number is free in the new table, so a strict
 * reader (`qpdf --check`) finds nothing to mend. The /ID is an MD5 of the
 * bytes before the cross-reference stream, never the clock: the same
 * input, the same file. Object streams need PDF 1.5, which Cairo's header
 * says (it is raised to 1.5 when it says less).
 */
#include "pdf.h"

#include <string.h>
#include <zlib.h>

typedef struct {
    gsize start, end; /* Cairo's: in its bytes; written here: in objs */
    int gen;
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
            g_array_index(spans, Span, first + i) = (Span){offset, 0, gen};
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
        /* it ends where the next offset in the file begins (offsets are
         * distinct, and its own start is among them) */
        guint at_start = 0;
        g_array_binary_search(offsets, &s->start, by_offset, &at_start);
        s->end = at_start + 1 < offsets->len ? g_array_index(offsets, gsize, at_start + 1) : xref;
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
    g_array_index(e->written, Span, num) = (Span){e->objs->len, 0, 0};
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

/* What the text of an object says: its value (after "obj", before
 * "endobj"), or that it is a stream. */
typedef struct {
    const char *value, *value_end;
    gboolean stream;
} Reading;

/* The generation of object num as it will be written: Cairo's, unless
 * it is written here. */
static int generation(const CsbPdfEdit *e, int num)
{
    gboolean here = (guint)num < e->written->len && g_array_index(e->written, Span, num).end;
    return !here && num < e->cairo_size ? e->cairo[num].gen : 0;
}

/* The numbers object [p, end) refers to ("N G R") onto todo, up to its
 * stream data; what it is into r. */
static void read_object(const char *p, const char *end, GArray *todo, Reading *r)
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
            p = t;
            continue;
        }
        if (n == 1 && *p == 'R' && ints[0] > 0 && ints[1] >= 0) {
            int num = (int)ints[0];
            g_array_append_val(todo, num);
        } else if (n == 3 && memcmp(p, "obj", 3) == 0 && !r->value) {
            r->value = t;
        } else if (n == 6 && memcmp(p, "stream", 6) == 0) {
            r->stream = TRUE;
            return;
        } else if (n == 6 && memcmp(p, "endobj", 6) == 0) {
            r->value_end = p;
            return;
        }
        ints[0] = ints[1] = -1;
        p = t;
    }
}

/* What root and info reach, through this edit's objects and Cairo's: per
 * number, its text (NULL when not reached) and what it says. */
static Reading *reached(const CsbPdfEdit *e, int root, int info, const char **text,
                        const char **text_end)
{
    Reading *r = g_new0(Reading, e->size);
    GArray *todo = g_array_new(FALSE, FALSE, sizeof(int));
    g_array_append_val(todo, root);
    g_array_append_val(todo, info);
    while (todo->len) {
        int num = g_array_index(todo, int, todo->len - 1);
        g_array_set_size(todo, todo->len - 1);
        if (num <= 0 || num >= e->size || text[num])
            continue;
        text[num] = object(e, num, &text_end[num]);
        if (text[num])
            read_object(text[num], text_end[num], todo, &r[num]);
    }
    g_array_free(todo, TRUE);
    return r;
}

/* How many objects an object stream holds at most. */
#define OBJECTS_PER_STREAM 200

GString *csb_pdf_deflate(const char *data, gsize len)
{
    uLongf zlen = compressBound((uLong)len);
    GString *z = g_string_sized_new(zlen);
    /* With compressBound's room, only a failed allocation stops zlib:
     * as for every other allocation here, that ends the process. */
    if (compress2((Bytef *)z->str, &zlen, (const Bytef *)data, (uLong)len, Z_BEST_SPEED) != Z_OK)
        g_error("zlib cannot allocate memory to compress a PDF stream");
    z->len = zlen;
    return z;
}

static void write_stream(GString *out, int num, const char *keys, const GString *data)
{
    g_string_append_printf(out, "%d 0 obj\n<< %s /Length %" G_GSIZE_FORMAT
                                " /Filter /FlateDecode >>\nstream\n",
                           num, keys, data->len);
    g_string_append_len(out, data->str, (gssize)data->len);
    g_string_append(out, "\nendstream\nendobj\n");
}

/* Where each object is: in the file (kind 1: where its offset, index its
 * generation), in an object stream (kind 2: where the stream's number,
 * index the object's in it), or free (kind 0). */
typedef struct {
    guint8 kind;
    gsize where;
    int index;
} Place;

/* The n objects numbered in plain, into object stream num. */
static void object_stream(GString *out, int num, const int *plain, guint n, const Reading *r,
                          Place *place)
{
    GString *head = g_string_new(NULL), *values = g_string_new(NULL);
    for (guint i = 0; i < n; i++) {
        const Reading *o = &r[plain[i]];
        const char *v = o->value, *v_end = o->value_end;
        while (v < v_end && g_ascii_isspace(*v))
            v++;
        while (v_end > v && g_ascii_isspace(v_end[-1]))
            v_end--;
        g_string_append_printf(head, "%d %" G_GSIZE_FORMAT " ", plain[i], values->len);
        g_string_append_len(values, v, v_end - v);
        g_string_append_c(values, '\n');
        place[plain[i]] = (Place){2, (gsize)num, (int)i};
    }
    char keys[96];
    g_snprintf(keys, sizeof keys, "/Type /ObjStm /N %u /First %" G_GSIZE_FORMAT, n, head->len);
    g_string_append_len(head, values->str, (gssize)values->len);
    GString *z = csb_pdf_deflate(head->str, head->len);
    place[num] = (Place){1, out->len, 0};
    write_stream(out, num, keys, z);
    g_string_free(z, TRUE);
    g_string_free(head, TRUE);
    g_string_free(values, TRUE);
}

/* The cross-reference stream (object num, last), its trailer keys and
 * the end of the file. */
static void xref_stream(GString *out, int num, int size, const Place *place, int root,
                        int info)
{
    gsize at = out->len;
    int w = 1;
    while (w < 8 && (at >> (8 * w)))
        w++;
    GByteArray *rows = g_byte_array_sized_new((guint)size * (guint)(w + 3));
    guint8 *row = g_new(guint8, w + 3);
    /* Free numbers in a list from object 0: built from the end. */
    int *next = g_new0(int, size + 1);
    for (int n = size - 1; n >= 0; n--)
        next[n] = n == num || place[n].kind ? next[n + 1] : n;
    for (int n = 0; n < size; n++) {
        guint8 kind = n == num ? 1 : place[n].kind;
        guint64 f2 = n == num ? at : kind ? place[n].where : (guint64)next[n + 1];
        int f3 = kind ? place[n].index : n ? 1 : 65535;
        row[0] = kind;
        for (int b = 0; b < w; b++)
            row[1 + b] = (guint8)(f2 >> (8 * (w - 1 - b)));
        row[w + 1] = (guint8)(f3 >> 8);
        row[w + 2] = (guint8)f3;
        g_byte_array_append(rows, row, (guint)(w + 3));
    }
    char *id = g_compute_checksum_for_data(G_CHECKSUM_MD5, (const guchar *)out->str, out->len);
    GString *z = csb_pdf_deflate((const char *)rows->data, rows->len);
    GString *k = g_string_new(NULL);
    g_string_append_printf(k, "/Type /XRef /Size %d /W [1 %d 2] /Root %d 0 R", size, w, root);
    if (info > 0)
        g_string_append_printf(k, " /Info %d 0 R", info);
    g_string_append_printf(k, " /ID [<%s> <%s>]", id, id);
    write_stream(out, num, k->str, z);
    g_string_append_printf(out, "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", at);
    g_string_free(k, TRUE);
    g_string_free(z, TRUE);
    g_free(id);
    g_free(next);
    g_free(row);
    g_byte_array_free(rows, TRUE);
}

/* Whether object num goes into an object stream: reached, no stream, its
 * value read whole, generation 0. */
static gboolean packable(const CsbPdfEdit *e, int num, const char *text, const Reading *r)
{
    return text && !r->stream && r->value && r->value_end && generation(e, num) == 0;
}

GBytes *csb_pdf_edit_finish(CsbPdfEdit *e, int root, int info)
{
    const char **text = g_new0(const char *, e->size), **text_end = g_new0(const char *, e->size);
    Reading *r = reached(e, root, info, text, text_end);
    /* Plain objects go into object streams; streams are copied whole. */
    GArray *plain = g_array_new(FALSE, FALSE, sizeof(int));
    for (int num = 1; num < e->size; num++)
        if (packable(e, num, text[num], &r[num]))
            g_array_append_val(plain, num);
    guint streams = (plain->len + OBJECTS_PER_STREAM - 1) / OBJECTS_PER_STREAM;
    int size = e->size + (int)streams + 1;
    Place *place = g_new0(Place, size);
    GString *out = g_string_sized_new(e->len + e->objs->len);
    g_string_append_len(out, e->pdf, (gssize)e->header);
    if (out->len > 8 && memcmp(out->str, "%PDF-1.", 7) == 0 && out->str[7] < '5')
        out->str[7] = '5'; /* object streams */
    for (int num = 1; num < e->size; num++) {
        if (!text[num] || packable(e, num, text[num], &r[num]))
            continue;
        place[num] = (Place){1, out->len, generation(e, num)};
        g_string_append_len(out, text[num], text_end[num] - text[num]);
        if (out->str[out->len - 1] != '\n')
            g_string_append_c(out, '\n');
    }
    for (guint s = 0; s < streams; s++) {
        guint first = s * OBJECTS_PER_STREAM;
        object_stream(out, e->size + (int)s, &g_array_index(plain, int, first),
                      MIN(OBJECTS_PER_STREAM, plain->len - first), r, place);
    }
    xref_stream(out, size - 1, size, place, root, info);
    g_free(place);
    g_array_free(plain, TRUE);
    g_free(r);
    g_free(text);
    g_free(text_end);
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
