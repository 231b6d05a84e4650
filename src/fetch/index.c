/* index.c - index.csv beside the downloads: one row per file fetched (its
 * address, link text, kind, publication date, size, sha256, the server's
 * ETag and Last-Modified, when it was fetched), written atomically after
 * each download, read back so a file already held is never downloaded
 * again. The model takes publication dates from it. The columns are
 * described in docs/fetch.md.
 */
#include "fetch.h"

#include <string.h>
#include <sys/stat.h>

static const char *const columns[] = {"file", "urn",  "url",    "title", "kind", "published",
                                      "size", "sha256", "etag", "last_modified", "fetched"};

void csb_index_row_free(CsbIndexRow *r)
{
    if (!r)
        return;
    g_free(r->file);
    g_free(r->urn);
    g_free(r->url);
    g_free(r->title);
    g_free(r->kind);
    g_free(r->published);
    g_free(r->sha256);
    g_free(r->etag);
    g_free(r->last_modified);
    g_free(r->fetched);
    g_free(r);
}

static CsbIndex *index_new(const char *dir)
{
    CsbIndex *x = g_new0(CsbIndex, 1);
    x->dir = g_strdup(dir);
    x->path = g_build_filename(dir, CSB_INDEX_NAME, NULL);
    x->rows = g_ptr_array_new_with_free_func((GDestroyNotify)csb_index_row_free);
    x->by_url = g_hash_table_new(g_str_hash, g_str_equal);
    x->by_file = g_hash_table_new(g_str_hash, g_str_equal);
    x->by_sha = g_hash_table_new(g_str_hash, g_str_equal);
    return x;
}

void csb_index_free(CsbIndex *x)
{
    if (!x)
        return;
    g_hash_table_destroy(x->by_url);
    g_hash_table_destroy(x->by_file);
    g_hash_table_destroy(x->by_sha);
    g_ptr_array_free(x->rows, TRUE);
    g_free(x->path);
    g_free(x->dir);
    g_free(x);
}

CsbIndex *csb_index_load(const char *dir, CsbDiag *diag)
{
    CsbIndex *x = index_new(dir);
    if (!g_file_test(x->path, G_FILE_TEST_EXISTS))
        return x;
    CsbDiag *mine = csb_diag_new();
    CsbCsv *csv = csb_csv_load(x->path, mine);
    if (!csv || csb_csv_column(csv, "file") < 0 || csb_csv_column(csv, "url") < 0) {
        csb_diag_warn(diag, x->path, 0, 0,
                      "cannot be read as an index (%s); every publication is checked again "
                      "and the index rewritten",
                      csv ? "no 'file' and 'url' columns"
                          : csb_diag_count(mine, CSB_SEV_ERROR)
                                ? ((CsbError *)mine->items->pdata[0])->message
                                : "unreadable");
        csb_csv_free(csv);
        csb_diag_free(mine);
        return x;
    }
    csb_diag_free(mine);
    for (guint i = 0; i < csv->rows->len; i++) {
        CsbIndexRow *r = g_new0(CsbIndexRow, 1);
        r->file = csb_csv_dup(csv, i, "file");
        r->url = csb_csv_dup(csv, i, "url");
        if (!r->file || !r->url || strchr(r->file, '/')) {
            csb_diag_warn(diag, x->path, csb_csv_line(csv, i), 0,
                          "a row without a file name (alone) or an address is ignored");
            csb_index_row_free(r);
            continue;
        }
        r->urn = csb_csv_dup(csv, i, "urn");
        r->title = csb_csv_dup(csv, i, "title");
        r->kind = csb_csv_dup(csv, i, "kind");
        r->published = csb_csv_dup(csv, i, "published");
        char *size = csb_csv_dup(csv, i, "size");
        r->size = size ? g_ascii_strtoull(size, NULL, 10) : 0;
        g_free(size);
        r->sha256 = csb_csv_dup(csv, i, "sha256");
        r->etag = csb_csv_dup(csv, i, "etag");
        r->last_modified = csb_csv_dup(csv, i, "last_modified");
        r->fetched = csb_csv_dup(csv, i, "fetched");
        csb_index_put(x, r);
    }
    csb_csv_free(csv);
    return x;
}

void csb_index_put(CsbIndex *x, CsbIndexRow *row)
{
    CsbIndexRow *old = g_hash_table_lookup(x->by_file, row->file);
    if (old) {
        g_hash_table_remove(x->by_file, old->file);
        if (g_hash_table_lookup(x->by_url, old->url) == old)
            g_hash_table_remove(x->by_url, old->url);
        if (old->sha256 && g_hash_table_lookup(x->by_sha, old->sha256) == old)
            g_hash_table_remove(x->by_sha, old->sha256);
        g_ptr_array_remove(x->rows, old);
    }
    g_ptr_array_add(x->rows, row);
    g_hash_table_insert(x->by_file, row->file, row);
    g_hash_table_insert(x->by_url, row->url, row);
    if (row->sha256)
        g_hash_table_insert(x->by_sha, row->sha256, row);
}

static int by_file(gconstpointer a, gconstpointer b)
{
    const CsbIndexRow *x = *(CsbIndexRow *const *)a, *y = *(CsbIndexRow *const *)b;
    return strcmp(x->file, y->file);
}

char *csb_index_format(const CsbIndex *x, gsize *len)
{
    GPtrArray *sorted = g_ptr_array_sized_new(x->rows->len); /* borrows the rows */
    for (guint i = 0; i < x->rows->len; i++)
        g_ptr_array_add(sorted, x->rows->pdata[i]);
    g_ptr_array_sort(sorted, by_file);
    GString *s = g_string_new(NULL);
    csb_csv_write_row(s, columns, G_N_ELEMENTS(columns));
    for (guint i = 0; i < sorted->len; i++) {
        const CsbIndexRow *r = sorted->pdata[i];
        char size[32];
        g_snprintf(size, sizeof size, "%" G_GUINT64_FORMAT, r->size);
        const char *values[] = {r->file, r->urn,    r->url,  r->title,         r->kind,
                                r->published, size, r->sha256, r->etag, r->last_modified,
                                r->fetched};
        G_STATIC_ASSERT(G_N_ELEMENTS(values) == G_N_ELEMENTS(columns));
        csb_csv_write_row(s, values, G_N_ELEMENTS(values));
    }
    g_ptr_array_free(sorted, TRUE);
    *len = s->len;
    return g_string_free(s, FALSE);
}

gboolean csb_index_save(const CsbIndex *x, CsbDiag *diag)
{
    gsize len = 0;
    char *text = csb_index_format(x, &len);
    gboolean ok = csb_build_atomic_bytes(x->dir, x->path, text, len, diag);
    g_free(text);
    return ok;
}

gboolean csb_index_row_held(const CsbIndex *x, const CsbIndexRow *r)
{
    char *path = g_build_filename(x->dir, r->file, NULL);
    struct stat st;
    gboolean held = stat(path, &st) == 0 && S_ISREG(st.st_mode) && (guint64)st.st_size == r->size;
    g_free(path);
    return held;
}
