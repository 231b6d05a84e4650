/* update.c - an incremental update of a PDF (ISO 32000-1, 7.5.6): the
 * original's bytes kept as they are, then the objects written here (new
 * ones, and new versions of the original's under their own numbers), and
 * a cross-reference section whose trailer names the original's (/Prev).
 *
 * The original's cross-reference table is read here: an entry in use that
 * does not lead to its object (Cairo 1.16 has entries for numbers it
 * reserved and never wrote) is marked free in the new section, so a
 * strict reader (`qpdf --check`) finds nothing to mend. The /ID is an MD5
 * of every byte before the trailer, never the clock: the same original
 * and the same objects give the same file.
 */
#include "pdf.h"

#include <string.h>

typedef struct {
    int num;
    gsize offset;
    gboolean in_use;
} Entry;

struct CsbPdfUpdate {
    GString *out;    /* the original, then what is written here */
    GArray *written; /* Entry, in the order written */
    GArray *freed;   /* int: the original's entries that lead nowhere */
    gsize prev;      /* the original's cross-reference table */
    int size;        /* the next number free */
};

/* The number after "keyword" at or after p, skipping white space; -1 when
 * there is none. */
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

/* The original's table: its size and the entries in use that lead
 * nowhere. FALSE when it has no classic table where startxref says. */
static gboolean read_table(CsbPdfUpdate *u, const char *pdf, gsize len)
{
    gsize tail = MIN(len, 64);
    const char *sx = g_strrstr_len(pdf + len - tail, (gssize)tail, "startxref");
    long at = sx ? number_after(sx, pdf + len, "startxref") : -1;
    if (at < 0 || (gsize)at >= len)
        return FALSE;
    const char *p = pdf + at, *end = pdf + len;
    if ((gsize)(end - p) < 4 || memcmp(p, "xref", 4) != 0)
        return FALSE;
    p += 4;
    for (;;) {
        while (p < end && g_ascii_isspace(*p))
            p++;
        if (p == end || !g_ascii_isdigit(*p))
            break; /* "trailer" */
        char *e = NULL;
        long first = strtol(p, &e, 10);
        long count = strtol(e, &e, 10);
        p = e;
        while (p < end && g_ascii_isspace(*p) && *p != '\n')
            p++;
        p++; /* the end of the subsection's line */
        if (first < 0 || count < 0 || (gsize)(end - p) < (gsize)count * 20)
            return FALSE;
        for (long i = 0; i < count; i++, p += 20) {
            gsize offset = (gsize)g_ascii_strtoull(p, NULL, 10);
            int gen = (int)strtol(p + 11, NULL, 10);
            int num = (int)(first + i);
            if (p[17] == 'n' && !object_at(pdf, len, offset, num, gen))
                g_array_append_val(u->freed, num);
            u->size = MAX(u->size, num + 1);
        }
    }
    u->prev = (gsize)at;
    return TRUE;
}

CsbPdfUpdate *csb_pdf_update_new(const guchar *pdf, gsize len)
{
    CsbPdfUpdate *u = g_new0(CsbPdfUpdate, 1);
    u->written = g_array_new(FALSE, FALSE, sizeof(Entry));
    u->freed = g_array_new(FALSE, FALSE, sizeof(int));
    if (!read_table(u, (const char *)pdf, len)) {
        csb_pdf_update_free(u);
        return NULL;
    }
    u->out = g_string_sized_new(len + len / 2);
    g_string_append_len(u->out, (const char *)pdf, (gssize)len);
    if (u->out->str[u->out->len - 1] != '\n')
        g_string_append_c(u->out, '\n');
    return u;
}

void csb_pdf_update_free(CsbPdfUpdate *u)
{
    if (!u)
        return;
    if (u->out)
        g_string_free(u->out, TRUE);
    g_array_free(u->written, TRUE);
    g_array_free(u->freed, TRUE);
    g_free(u);
}

int csb_pdf_update_number(CsbPdfUpdate *u)
{
    return u->size++;
}

GString *csb_pdf_update_begin(CsbPdfUpdate *u, int num)
{
    Entry e = {num, u->out->len, TRUE};
    g_array_append_val(u->written, e);
    g_string_append_printf(u->out, "%d 0 obj\n", num);
    return u->out;
}

void csb_pdf_update_end(CsbPdfUpdate *u)
{
    g_string_append(u->out, "\nendobj\n");
}

void csb_pdf_update_stream(CsbPdfUpdate *u, int num, const char *keys, const void *data,
                           gsize len)
{
    GString *out = csb_pdf_update_begin(u, num);
    g_string_append_printf(out, "<< /Length %" G_GSIZE_FORMAT " %s >>\nstream\n", len, keys);
    g_string_append_len(out, data, (gssize)len);
    g_string_append(out, "\nendstream");
    csb_pdf_update_end(u);
}

static gint by_number(gconstpointer a, gconstpointer b)
{
    return ((const Entry *)a)->num - ((const Entry *)b)->num;
}

/* The cross-reference section: the objects written, and the original's
 * entries that lead nowhere free, object 0 heading their list. */
static void write_table(CsbPdfUpdate *u)
{
    GArray *all = g_array_sized_new(FALSE, FALSE, sizeof(Entry), u->written->len + 1);
    g_array_append_vals(all, u->written->data, u->written->len);
    for (guint i = 0; u->freed->len && i <= u->freed->len; i++) {
        Entry e = {i ? g_array_index(u->freed, int, i - 1) : 0, 0, FALSE};
        g_array_append_val(all, e);
    }
    g_array_sort(all, by_number);
    /* Each free entry names the next free number, the last one 0. */
    int *next = g_new0(int, all->len + 1);
    for (guint i = all->len; i-- > 0;) {
        const Entry *e = &g_array_index(all, Entry, i);
        next[i] = e->in_use ? next[i + 1] : e->num;
    }
    g_string_append(u->out, "xref\n");
    for (guint i = 0; i < all->len;) {
        guint j = i + 1;
        while (j < all->len &&
               g_array_index(all, Entry, j).num == g_array_index(all, Entry, j - 1).num + 1)
            j++;
        g_string_append_printf(u->out, "%d %u\n", g_array_index(all, Entry, i).num, j - i);
        for (; i < j; i++) {
            const Entry *e = &g_array_index(all, Entry, i);
            if (e->in_use)
                g_string_append_printf(u->out, "%010" G_GSIZE_FORMAT " 00000 n \n", e->offset);
            else
                g_string_append_printf(u->out, "%010d %05d f \n", next[i + 1],
                                       e->num ? 1 : 65535);
        }
    }
    g_free(next);
    g_array_free(all, TRUE);
}

GBytes *csb_pdf_update_finish(CsbPdfUpdate *u, const char *keys)
{
    gsize xref = u->out->len;
    write_table(u);
    char *id = g_compute_checksum_for_data(G_CHECKSUM_MD5, (const guchar *)u->out->str,
                                           u->out->len);
    g_string_append_printf(u->out,
                           "trailer\n<< /Size %d /Prev %" G_GSIZE_FORMAT
                           " %s /ID [<%s> <%s>] >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                           u->size, u->prev, keys, id, id, xref);
    g_free(id);
    gsize len = u->out->len;
    GBytes *out = g_bytes_new_take(g_string_free(u->out, FALSE), len);
    u->out = NULL;
    return out;
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
