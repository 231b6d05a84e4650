/* damage.h - damaged copies of a file, as a download, a disk or a copy
 * damages them: bytes flipped, a block zeroed, a chunk cut out or
 * repeated, the file cut short with a new end marker. Placed by a GRand,
 * so a seed gives the same copies every time. Shared by the damaged-report
 * test (tests/unit/test_ingest_damaged.c) and the fuzz seeds
 * (tests/fuzz/make_damaged.c).
 */
#ifndef CSB_FUZZ_DAMAGE_H
#define CSB_FUZZ_DAMAGE_H

#include <glib.h>
#include <string.h>

#define CSB_DAMAGE_KINDS 5

/* A damaged copy of data (owned), with damage of kind 0..4. */
static inline GByteArray *csb_damaged_copy(const char *data, gsize len, int kind, GRand *r)
{
    GByteArray *c = g_byte_array_sized_new((guint)len + 4096);
    g_byte_array_append(c, (const guint8 *)data, (guint)len);
    gint32 n = (gint32)MAX(len, 2);
    switch (kind) {
    case 0: /* a few flipped bytes */
        for (int i = g_rand_int_range(r, 1, 50); i > 0 && c->len; i--)
            c->data[g_rand_int_range(r, 0, (gint32)c->len)] ^= (guint8)g_rand_int_range(r, 1, 256);
        break;
    case 1: { /* a block of zeros */
        guint at = (guint)g_rand_int_range(r, 0, n), k = (guint)g_rand_int_range(r, 16, 4096);
        if (at < c->len)
            memset(c->data + at, 0, MIN(c->len - at, k));
        break;
    }
    case 2: { /* a chunk cut out */
        guint at = (guint)g_rand_int_range(r, 0, n), k = (guint)g_rand_int_range(r, 1, 4096);
        if (at < c->len)
            g_byte_array_remove_range(c, at, MIN(c->len - at, k));
        break;
    }
    case 3: { /* a chunk repeated */
        guint at = (guint)g_rand_int_range(r, 0, n / 2), k = (guint)g_rand_int_range(r, 1, 4096);
        if (at < c->len) {
            k = MIN(k, c->len - at);
            guint tail = c->len - at;
            g_byte_array_set_size(c, c->len + k);
            memmove(c->data + at + k, c->data + at, tail);
        }
        break;
    }
    default: /* cut short, with a new end marker */
        g_byte_array_set_size(c, (guint)g_rand_int_range(r, n / 4, n));
        g_byte_array_append(c, (const guint8 *)"\n%%EOF\n", 7);
        break;
    }
    return c;
}

#endif
