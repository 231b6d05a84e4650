/* filehash.c - content hashes of input files, cheap when nothing changed:
 * a hash taken by an earlier run is trusted while the file's size, mtime,
 * ctime and inode are all the same (any write changes ctime, which no
 * program can set back), and the file is read and hashed otherwise.
 */
#include "build.h"
#include "../ingest/ingest.h"

#include <errno.h>
#include <sys/stat.h>

/* A file changed this close to when it was hashed could change again in
 * the same clock tick without its stamp showing it: such a stamp is not
 * kept for the next run. */
#define RACY_NS (G_GINT64_CONSTANT(2) * G_TIME_SPAN_SECOND * 1000)

typedef struct {
    CsbFileStamp stamp;
    gboolean used;    /* looked up this run */
    gboolean trusted; /* worth keeping for the next run */
} Entry;

struct CsbFileHashes {
    GHashTable *files; /* path -> Entry* */
    guint64 bytes_read;
    gint64 started_ns;
};

void csb_file_stamp_free(CsbFileStamp *s)
{
    if (!s)
        return;
    g_free(s->sha256);
    g_free(s);
}

static void entry_free(gpointer p)
{
    Entry *e = p;
    g_free(e->stamp.sha256);
    g_free(e);
}

CsbFileHashes *csb_file_hashes_new(void)
{
    CsbFileHashes *h = g_new0(CsbFileHashes, 1);
    h->files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, entry_free);
    h->started_ns = g_get_real_time() * 1000;
    return h;
}

void csb_file_hashes_free(CsbFileHashes *h)
{
    if (!h)
        return;
    g_hash_table_destroy(h->files);
    g_free(h);
}

void csb_file_hashes_remember(CsbFileHashes *h, const char *path, const CsbFileStamp *stamp)
{
    Entry *e = g_new0(Entry, 1);
    e->stamp = *stamp;
    e->stamp.sha256 = g_strdup(stamp->sha256);
    e->trusted = TRUE;
    g_hash_table_replace(h->files, g_strdup(path), e);
}

static gint64 ns(struct timespec t)
{
    return (gint64)t.tv_sec * G_GINT64_CONSTANT(1000000000) + t.tv_nsec;
}

static gboolean same_stamp(const CsbFileStamp *s, const struct stat *st)
{
    return s->size == (gint64)st->st_size && s->mtime_ns == ns(st->st_mtim) &&
           s->ctime_ns == ns(st->st_ctim) && s->inode == (guint64)st->st_ino;
}

const char *csb_file_hashes_get(CsbFileHashes *h, const char *path, char **err_msg)
{
    *err_msg = NULL;
    struct stat st;
    if (stat(path, &st) != 0) {
        int saved = errno;
        *err_msg = g_strdup(g_strerror(saved));
        errno = saved;
        return NULL;
    }
    Entry *e = g_hash_table_lookup(h->files, path);
    if (e && e->stamp.sha256 && same_stamp(&e->stamp, &st)) {
        e->used = TRUE;
        return e->stamp.sha256;
    }
    char *sum = csb_ingest_hash_file(path, err_msg);
    if (!sum)
        return NULL;
    h->bytes_read += (guint64)st.st_size;
    /* Stamp as of before reading: if the file changed while it was read,
     * the next run sees a different stamp and hashes it again. */
    e = g_new0(Entry, 1);
    e->stamp = (CsbFileStamp){sum, (gint64)st.st_size, ns(st.st_mtim), ns(st.st_ctim),
                              (guint64)st.st_ino};
    e->used = TRUE;
    e->trusted = MAX(ns(st.st_mtim), ns(st.st_ctim)) < h->started_ns - RACY_NS;
    g_hash_table_replace(h->files, g_strdup(path), e);
    return sum;
}

guint64 csb_file_hashes_bytes_read(const CsbFileHashes *h)
{
    return h->bytes_read;
}

void csb_file_hashes_foreach(CsbFileHashes *h,
                             void (*fn)(const char *path, const CsbFileStamp *s, gpointer data),
                             gpointer data)
{
    GList *keys = g_list_sort(g_hash_table_get_keys(h->files), (GCompareFunc)g_strcmp0);
    for (GList *k = keys; k; k = k->next) {
        const Entry *e = g_hash_table_lookup(h->files, k->data);
        if (!e->trusted)
            continue;
        if (!e->used && !g_file_test(k->data, G_FILE_TEST_EXISTS))
            continue;
        fn(k->data, &e->stamp, data);
    }
    g_list_free(keys);
}
