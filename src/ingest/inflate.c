/* inflate.c - how many bytes a PDF's compressed streams decompress to,
 * counted before any PDF library reads the file, so a compression bomb
 * (a small file whose streams inflate to gigabytes) is refused instead
 * of taking memory and minutes.
 *
 * The scan is lexical: every "stream" keyword starts data that is fed to
 * zlib when it begins with a zlib header, whatever the dictionary says
 * (a damaged dictionary must not hide a bomb). What a stream inflates to
 * is itself inflated again when it is zlib data too (a filter chain of
 * several FlateDecode), up to MAX_LAYERS deep. Nothing is kept: bytes are
 * only counted, against one budget for the whole file.
 */
#include "ingest.h"

#include <string.h>
#include <zlib.h>

#define MAX_LAYERS 4
#define CHUNK 65536

typedef struct {
    z_stream z;
    gboolean decided; /* whether this layer's input is zlib data is known */
    gboolean active;  /* it is, and inflating goes on */
} Layer;

typedef struct {
    Layer layers[MAX_LAYERS];
    guint64 total;
    guint64 budget;
    guchar *out[MAX_LAYERS];
} Chain;

/* A zlib header: deflate method, a window zlib accepts, a valid check. */
static gboolean zlib_header(const guchar *p, gsize n)
{
    return n >= 2 && (p[0] & 0x0F) == 8 && (p[0] >> 4) <= 7 && ((p[0] << 8) | p[1]) % 31 == 0;
}

/* Feed n bytes to layer i (the output of layer i-1). FALSE when the budget
 * is spent. */
static gboolean feed(Chain *c, int i, const guchar *data, gsize n)
{
    if (i >= MAX_LAYERS || n == 0)
        return TRUE;
    Layer *l = &c->layers[i];
    if (!l->decided) {
        l->decided = TRUE;
        l->active = zlib_header(data, n) && inflateInit(&l->z) == Z_OK;
    }
    if (!l->active)
        return TRUE;
    l->z.next_in = (Bytef *)data;
    l->z.avail_in = (uInt)n;
    while (l->active && l->z.avail_in > 0) {
        l->z.next_out = c->out[i];
        l->z.avail_out = CHUNK;
        int rc = inflate(&l->z, Z_NO_FLUSH);
        gsize made = CHUNK - l->z.avail_out;
        c->total += made;
        if (c->total > c->budget)
            return FALSE;
        if (!feed(c, i + 1, c->out[i], made))
            return FALSE;
        if (rc != Z_OK || (made == 0 && l->z.avail_in > 0)) {
            /* The end of the stream, or data zlib cannot read: whether
             * that is damage is for the structure check to say. */
            inflateEnd(&l->z);
            l->active = FALSE;
        }
    }
    return TRUE;
}

static void chain_reset(Chain *c)
{
    for (int i = 0; i < MAX_LAYERS; i++) {
        if (c->layers[i].active)
            inflateEnd(&c->layers[i].z);
        memset(&c->layers[i], 0, sizeof c->layers[i]);
    }
}

/* Where the data of the next stream at or after from begins, or NULL. */
static const char *next_stream(const char *data, gsize len, gsize from)
{
    static const char key[] = "stream";
    const gsize n = sizeof key - 1;
    const char *p = data + from, *end = data + len;
    while (p < end && (p = memmem(p, (gsize)(end - p), key, n))) {
        const char *after = p + n;
        gboolean is_end = p - data >= 3 && memcmp(p - 3, "end", 3) == 0;
        if (!is_end && after < end && (*after == '\n' || *after == '\r')) {
            if (*after == '\r' && after + 1 < end && after[1] == '\n')
                after++;
            return after + 1;
        }
        p += n;
    }
    return NULL;
}

gboolean csb_pdf_inflated_within(const char *data, gsize len, guint64 budget, guint64 *total)
{
    Chain c;
    memset(&c, 0, sizeof c);
    c.budget = budget;
    for (int i = 0; i < MAX_LAYERS; i++)
        c.out[i] = g_malloc(CHUNK);
    gboolean ok = TRUE;
    gsize at = 0;
    const char *start;
    while (ok && at < len && (start = next_stream(data, len, at))) {
        const char *stop = memmem(start, len - (gsize)(start - data), "endstream", 9);
        gsize n = stop ? (gsize)(stop - start) : len - (gsize)(start - data);
        /* In slices, so zlib's 32-bit counts never overflow. */
        for (gsize done = 0; ok && done < n; done += MIN(n - done, (gsize)1 << 30))
            ok = feed(&c, 0, (const guchar *)start + done, MIN(n - done, (gsize)1 << 30));
        chain_reset(&c);
        at = (gsize)(start - data) + n;
    }
    chain_reset(&c);
    for (int i = 0; i < MAX_LAYERS; i++)
        g_free(c.out[i]);
    if (total)
        *total = c.total;
    return ok;
}

gboolean csb_zlib_complete(const guchar *data, gsize len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK)
        return FALSE;
    guchar *out = g_malloc(CHUNK);
    int rc = Z_OK;
    gsize done = 0;
    while (rc == Z_OK) {
        if (z.avail_in == 0) {
            if (done == len)
                break;
            gsize n = MIN(len - done, (gsize)1 << 30);
            z.next_in = (Bytef *)data + done;
            z.avail_in = (uInt)n;
            done += n;
        }
        z.next_out = out;
        z.avail_out = CHUNK;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc == Z_BUF_ERROR && z.avail_in == 0 && done < len)
            rc = Z_OK;
    }
    inflateEnd(&z);
    g_free(out);
    return rc == Z_STREAM_END;
}
