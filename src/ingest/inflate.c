/* inflate.c - how many bytes a PDF's compressed streams decompress to,
 * counted before a PDF library decompresses them, so a compression bomb
 * (a small file whose streams inflate to gigabytes) is refused instead of
 * taking memory and minutes; and whether a FlateDecode stream is whole.
 *
 * Two passes use it. A lexical one over the file's bytes, before anything
 * else reads them: every "stream" keyword starts data that is fed to zlib
 * when it begins with a zlib header, whatever the dictionary says (a
 * damaged dictionary must not hide a bomb). And libqpdf's walk of the
 * objects (pdf_check.c), over each FlateDecode stream's data as the
 * dictionary gives it (decrypted, where the lexical pass saw none). What a
 * stream inflates to is inflated again when it is zlib data too (a filter
 * chain of several FlateDecode), up to MAX_LAYERS deep. Nothing is kept:
 * bytes are only counted, against a budget.
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
    gboolean ended;   /* it reached the end of its zlib stream, checksum good */
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
            /* The end of the stream (zlib checks the checksum there), or
             * data zlib cannot read. */
            l->ended = rc == Z_STREAM_END;
            inflateEnd(&l->z);
            l->active = FALSE;
        }
    }
    return TRUE;
}

static void chain_init(Chain *c, guint64 budget)
{
    memset(c, 0, sizeof *c);
    c->budget = budget;
    for (int i = 0; i < MAX_LAYERS; i++)
        c->out[i] = g_malloc(CHUNK);
}

static void chain_reset(Chain *c)
{
    for (int i = 0; i < MAX_LAYERS; i++) {
        if (c->layers[i].active)
            inflateEnd(&c->layers[i].z);
        memset(&c->layers[i], 0, sizeof c->layers[i]);
    }
}

static void chain_clear(Chain *c)
{
    chain_reset(c);
    for (int i = 0; i < MAX_LAYERS; i++)
        g_free(c->out[i]);
}

/* One stream's data through the chain, in slices so zlib's 32-bit counts
 * never overflow. FALSE when the budget is spent. */
static gboolean feed_stream(Chain *c, const guchar *data, gsize n)
{
    gboolean ok = TRUE;
    for (gsize done = 0; ok && done < n; done += MIN(n - done, (gsize)1 << 30))
        ok = feed(c, 0, data + done, MIN(n - done, (gsize)1 << 30));
    return ok;
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
    chain_init(&c, budget);
    gboolean ok = TRUE;
    gsize at = 0;
    const char *start;
    while (ok && at < len && (start = next_stream(data, len, at))) {
        const char *stop = memmem(start, len - (gsize)(start - data), "endstream", 9);
        gsize n = stop ? (gsize)(stop - start) : len - (gsize)(start - data);
        ok = feed_stream(&c, (const guchar *)start, n);
        chain_reset(&c);
        at = (gsize)(start - data) + n;
    }
    if (total)
        *total = c.total;
    chain_clear(&c);
    return ok;
}

gboolean csb_zlib_count(const guchar *data, gsize len, guint64 *budget, gboolean *whole)
{
    Chain c;
    chain_init(&c, *budget);
    /* Not zlib data at all is not a whole zlib stream either. */
    gboolean ok = feed_stream(&c, data, len);
    if (whole)
        *whole = ok && c.layers[0].decided && c.layers[0].ended;
    *budget -= MIN(c.total, *budget);
    chain_clear(&c);
    return ok;
}
