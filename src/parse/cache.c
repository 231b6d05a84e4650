/* cache.c - parsed records kept by content hash, so a re-run over files
 * that have not changed does no PDF work.
 *
 * An entry is cache_dir/<sha256 of the file>.rec: a GVariant holding the
 * key it was made under (record format, parser version, the entry's own
 * layout and the checksum of the reference data: authority table and
 * frameworks), the record
 * (csb_inspection_to_variant) and the warnings the parse gave, each with
 * its code (a grade left empty says so by it, not by its words). An entry
 * whose key differs (a new csbrief, an edited authority table or
 * frameworks file) or that cannot be read as a record is parsed
 * again and rewritten. Entries are written with g_file_set_contents, which
 * writes a temporary file and renames it, so a reader never sees half an
 * entry.
 */
#include "parse.h"

#include <glib/gstdio.h>
#include <string.h>

/* The key, the record, and each warning's line, column, message and code. */
#define ENTRY_TYPE "(sva(iisi))"

/* The entry's type is in its key: entries of another layout are stale. */
static char *entry_key(const CsbReference *ref)
{
    return g_strdup_printf("csbrief-record-%d-parse-%d-entry-%s-reference-%s",
                           CSB_RECORD_FORMAT, CSB_PARSE_VERSION, ENTRY_TYPE, ref->checksum);
}

/* The record in an entry, with its warnings added to diag, or NULL when the
 * entry is missing, stale or damaged. */
static CsbInspection *read_entry(const char *entry_path, const char *key, const char *path,
                                 const char *sha, CsbDiag *diag)
{
    gchar *bytes = NULL;
    gsize len = 0;
    if (!g_file_get_contents(entry_path, &bytes, &len, NULL))
        return NULL;
    GBytes *b = g_bytes_new_take(bytes, len);
    GVariant *v = g_variant_ref_sink(
        g_variant_new_from_bytes(G_VARIANT_TYPE(ENTRY_TYPE), b, FALSE));
    g_bytes_unref(b);
    CsbInspection *in = NULL;
    if (g_variant_is_normal_form(v)) {
        const char *stored_key = NULL;
        GVariant *record = NULL;
        GVariantIter *warnings = NULL;
        g_variant_get(v, "(&sva(iisi))", &stored_key, &record, &warnings);
        if (strcmp(stored_key, key) == 0)
            in = csb_inspection_from_variant(record);
        if (in && g_strcmp0(in->sha256, sha) != 0) {
            csb_inspection_free(in);
            in = NULL;
        }
        if (in) {
            g_free(in->file);
            in->file = g_strdup(path);
            gint32 line, column, code;
            const char *message;
            while (g_variant_iter_next(warnings, "(ii&si)", &line, &column, &message, &code))
                csb_diag_warn_code(diag, code, path, line, column, "%s", message);
        }
        g_variant_iter_free(warnings);
        g_variant_unref(record);
    }
    g_variant_unref(v);
    return in;
}

static void write_entry(const char *entry_path, const char *key, const CsbInspection *in,
                        const CsbDiag *warnings, CsbDiag *diag)
{
    GVariantBuilder w;
    g_variant_builder_init(&w, G_VARIANT_TYPE("a(iisi)"));
    for (guint i = 0; i < warnings->items->len; i++) {
        const CsbError *e = warnings->items->pdata[i];
        if (e->severity == CSB_SEV_WARNING)
            g_variant_builder_add(&w, "(iisi)", e->line, e->column, e->message, e->code);
    }
    GVariant *record = csb_inspection_to_variant(in);
    GVariant *entry = g_variant_ref_sink(g_variant_new(ENTRY_TYPE, key, record, &w));
    g_variant_unref(record);
    GError *err = NULL;
    if (!g_file_set_contents(entry_path, g_variant_get_data(entry),
                             (gssize)g_variant_get_size(entry), &err)) {
        csb_diag_warn(diag, entry_path, 0, 0,
                      "cannot write the parse cache (%s): reports will be parsed again next "
                      "time",
                      err->message);
        g_error_free(err);
    }
    g_variant_unref(entry);
}

CsbInspection *csb_parse_cached(const char *path, const CsbReference *ref,
                                const char *cache_dir, CsbDiag *diag)
{
    if (!cache_dir)
        return csb_parse_file(path, ref, diag);
    if (g_mkdir_with_parents(cache_dir, 0755) != 0) {
        csb_diag_warn(diag, cache_dir, 0, 0,
                      "cannot create the cache directory: parsing without a cache");
        return csb_parse_file(path, ref, diag);
    }
    gsize len = 0;
    char *data = csb_ingest_read(path, &len, diag);
    if (!data)
        return NULL;
    char *sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
    char *name = g_strconcat(sha, ".rec", NULL);
    char *entry_path = g_build_filename(cache_dir, name, NULL);
    g_free(name);
    char *key = entry_key(ref);
    CsbInspection *in = read_entry(entry_path, key, path, sha, diag);
    if (!in) {
        CsbDiag *fresh = csb_diag_new();
        CsbDocument *doc = csb_ingest_data(path, data, len, fresh);
        if (doc) {
            in = csb_parse_document(doc, ref, fresh);
            csb_document_free(doc);
        }
        if (in)
            write_entry(entry_path, key, in, fresh, fresh);
        csb_diag_take(diag, fresh);
        csb_diag_free(fresh);
    }
    g_free(key);
    g_free(entry_path);
    g_free(sha);
    g_free(data);
    return in;
}

guint csb_parse_cache_prune(const char *cache_dir, GHashTable *keep, gint64 max_age)
{
    GDir *d = cache_dir ? g_dir_open(cache_dir, 0, NULL) : NULL;
    if (!d)
        return 0;
    gint64 now = g_get_real_time() / G_USEC_PER_SEC;
    guint removed = 0;
    for (const char *n = g_dir_read_name(d); n; n = g_dir_read_name(d)) {
        if (!g_str_has_suffix(n, ".rec") || strlen(n) != 64 + 4)
            continue;
        char *sha = g_strndup(n, 64);
        char *path = g_build_filename(cache_dir, n, NULL);
        GStatBuf st;
        if (!g_hash_table_contains(keep, sha) && g_stat(path, &st) == 0 &&
            now - (gint64)st.st_mtime > max_age && g_unlink(path) == 0)
            removed++;
        g_free(path);
        g_free(sha);
    }
    g_dir_close(d);
    return removed;
}
