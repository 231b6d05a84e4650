/* test_parse_cache.c - the parse cache: an entry per content hash, reused
 * with its warnings and their codes, ignored and rewritten when damaged,
 * made under another authority table or in the layout before warnings had
 * codes; failures are not cached; pruning removes only old entries of
 * files no longer read.
 */
#include "unit.h"

#include "parse/parse.h"

#include <glib/gstdio.h>
#include <utime.h>

static char *dir;

static char *entry_for(const char *cache, const char *path)
{
    char *err = NULL;
    char *sum = csb_ingest_hash_file(path, &err);
    char *name = g_strconcat(sum, ".rec", NULL);
    char *entry = g_build_filename(cache, name, NULL);
    g_free(name);
    g_free(sum);
    g_free(err);
    return entry;
}

static GBytes *read_bytes(const char *path)
{
    gchar *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &data, &len, NULL))
        return NULL;
    return g_bytes_new_take(data, len);
}

static void test_cache(void)
{
    CsbDiag *load = csb_diag_new();
    CsbReference *table = csb_reference_load(".", load);
    char *cache = g_build_filename(dir, "cache", NULL);
    const char *report = "tests/fixtures/not-judged.txt";

    CsbDiag *d1 = csb_diag_new();
    CsbInspection *first = csb_parse_cached(report, table, cache, d1);
    char *entry = entry_for(cache, report);
    CHECK(first && g_file_test(entry, G_FILE_TEST_IS_REGULAR), "first run writes the entry");
    CHECK(csb_diag_count(d1, CSB_SEV_WARNING) == 1, "first run: the parse's warning");

    CsbDiag *d2 = csb_diag_new();
    CsbInspection *second = csb_parse_cached(report, table, cache, d2);
    GString *why = g_string_new(NULL);
    CHECK(second && csb_inspection_same(first, second, why), "cached record is the same: %s",
          why->str);
    CHECK_STR(second ? second->file : NULL, report, "cached record names the file as given");
    CHECK(csb_diag_count(d2, CSB_SEV_WARNING) == 1 &&
              strstr(((CsbError *)d2->items->pdata[0])->message, "'Gd'"),
          "cached record repeats its warning");
    CHECK(d1->items->len == 1 && d2->items->len == 1 &&
              ((CsbError *)d1->items->pdata[0])->code == CSB_PARSE_WARN_GRADE_UNREAD &&
              ((CsbError *)d2->items->pdata[0])->code == CSB_PARSE_WARN_GRADE_UNREAD,
          "cached record's warning keeps its code: a grade left empty");

    /* A damaged entry is ignored and rewritten. */
    g_file_set_contents(entry, "not a record at all", -1, NULL);
    CsbDiag *d3 = csb_diag_new();
    CsbInspection *third = csb_parse_cached(report, table, cache, d3);
    GBytes *rewritten = read_bytes(entry);
    CHECK(third && csb_inspection_same(first, third, NULL), "damaged entry: parsed again");
    CHECK(rewritten && g_bytes_get_size(rewritten) > 100, "damaged entry: rewritten");
    CHECK(csb_diag_count(d3, CSB_SEV_ERROR) == 0, "damaged entry: no error");

    /* An edited authority table makes entries stale. */
    gchar *csv = NULL;
    gsize len = 0;
    g_file_get_contents("data/authorities.csv", &csv, &len, NULL);
    char *edited_path = g_build_filename(dir, "authorities.csv", NULL);
    char *edited = g_strconcat(csv, "\n", NULL);
    g_file_set_contents(edited_path, edited, -1, NULL);
    CsbReference *table2 = csb_reference_load_files(edited_path, "data/frameworks.yaml", load);
    CsbDiag *d4 = csb_diag_new();
    CsbInspection *fourth = csb_parse_cached(report, table2, cache, d4);
    GBytes *after = read_bytes(entry);
    CHECK(fourth && after && rewritten && !g_bytes_equal(after, rewritten),
          "edited authority table: entry made again");

    /* What cannot be read is not cached. */
    char *junk = g_build_filename(dir, "junk.pdf", NULL);
    g_file_set_contents(junk, "<html></html>", -1, NULL);
    CsbDiag *d5 = csb_diag_new();
    CsbInspection *none = csb_parse_cached(junk, table, cache, d5);
    char *junk_entry = entry_for(cache, junk);
    CHECK(!none && csb_diag_count(d5, CSB_SEV_ERROR) == 1 &&
              !g_file_test(junk_entry, G_FILE_TEST_EXISTS),
          "unreadable file: one error, nothing cached");

    CsbDiag *d6 = csb_diag_new();
    CsbInspection *plain = csb_parse_cached(report, table, NULL, d6);
    CHECK(plain && csb_inspection_same(first, plain, NULL), "no cache directory: plain parse");

    csb_inspection_free(first);
    csb_inspection_free(second);
    csb_inspection_free(third);
    csb_inspection_free(fourth);
    csb_inspection_free(plain);
    csb_diag_free(d1);
    csb_diag_free(d2);
    csb_diag_free(d3);
    csb_diag_free(d4);
    csb_diag_free(d5);
    csb_diag_free(d6);
    csb_diag_free(load);
    g_bytes_unref(rewritten);
    g_bytes_unref(after);
    g_string_free(why, TRUE);
    csb_reference_free(table);
    csb_reference_free(table2);
    g_remove(entry);
    g_rmdir(cache);
    g_remove(junk);
    g_remove(edited_path);
    g_free(junk);
    g_free(junk_entry);
    g_free(edited_path);
    g_free(edited);
    g_free(csv);
    g_free(entry);
    g_free(cache);
}

/* An entry in the layout before warnings kept their code ((sva(iis)), under
 * that layout's key) is stale: its warnings would say no grade was left
 * empty. It is parsed again and rewritten. */
static void test_old_layout(void)
{
    CsbDiag *load = csb_diag_new();
    CsbReference *table = csb_reference_load(".", load);
    char *cache = g_build_filename(dir, "old-layout", NULL);
    g_mkdir_with_parents(cache, 0755);
    const char *report = "tests/fixtures/not-judged.txt";
    CsbDiag *fresh = csb_diag_new();
    CsbInspection *in = csb_parse_file(report, table, fresh);
    char *old_key = g_strdup_printf("csbrief-record-%d-parse-%d-reference-%s", CSB_RECORD_FORMAT,
                                    CSB_PARSE_VERSION, table->checksum);
    GVariantBuilder w;
    g_variant_builder_init(&w, G_VARIANT_TYPE("a(iis)"));
    g_variant_builder_add(&w, "(iis)", 12, 0, "a warning of the old layout, without a code");
    GVariant *old = g_variant_ref_sink(
        g_variant_new("(sva(iis))", old_key, csb_inspection_to_variant(in), &w));
    char *entry = entry_for(cache, report);
    g_file_set_contents(entry, g_variant_get_data(old), (gssize)g_variant_get_size(old), NULL);

    CsbDiag *d = csb_diag_new();
    CsbInspection *again = csb_parse_cached(report, table, cache, d);
    GBytes *after = read_bytes(entry);
    GBytes *before = g_variant_get_data_as_bytes(old);
    CHECK(again && d->items->len == 1 &&
              strstr(((CsbError *)d->items->pdata[0])->message, "'Gd'") &&
              ((CsbError *)d->items->pdata[0])->code == CSB_PARSE_WARN_GRADE_UNREAD,
          "old layout: parsed again, its warning with its code");
    CHECK(after && !g_bytes_equal(after, before), "old layout: entry rewritten");

    g_bytes_unref(before);
    g_bytes_unref(after);
    csb_inspection_free(again);
    csb_inspection_free(in);
    g_variant_unref(old);
    g_remove(entry);
    g_rmdir(cache);
    g_free(entry);
    g_free(old_key);
    g_free(cache);
    csb_diag_free(d);
    csb_diag_free(fresh);
    csb_diag_free(load);
    csb_reference_free(table);
}

/* Pruning removes only old entries of files not kept, and nothing else. */
static void test_prune(void)
{
    char *cache = g_build_filename(dir, "prune", NULL);
    g_mkdir_with_parents(cache, 0755);
    const char *names[] = {
        "1111111111111111111111111111111111111111111111111111111111111111.rec", /* kept, old */
        "2222222222222222222222222222222222222222222222222222222222222222.rec", /* old */
        "3333333333333333333333333333333333333333333333333333333333333333.rec", /* new */
        "notes.txt",                                                            /* not an entry */
    };
    gint64 old = g_get_real_time() / G_USEC_PER_SEC - 40 * 24 * 3600;
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        char *p = g_build_filename(cache, names[i], NULL);
        g_file_set_contents(p, "x", -1, NULL);
        if (i != 2) {
            struct utimbuf t = {(time_t)old, (time_t)old};
            g_utime(p, &t);
        }
        g_free(p);
    }
    GHashTable *keep = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_add(keep, (gpointer) "1111111111111111111111111111111111111111111111111111111111111111");
    guint removed = csb_parse_cache_prune(cache, keep, 30 * 24 * 3600);
    CHECK(removed == 1, "one entry removed (got %u)", removed);
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        char *p = g_build_filename(cache, names[i], NULL);
        gboolean there = g_file_test(p, G_FILE_TEST_EXISTS);
        CHECK(there == (i != 1), "%s %s", i == 1 ? "removed:" : "kept:", names[i]);
        g_remove(p);
        g_free(p);
    }
    CHECK(csb_parse_cache_prune(NULL, keep, 0) == 0, "no cache folder, nothing to do");
    g_hash_table_destroy(keep);
    g_rmdir(cache);
    g_free(cache);
}

int main(void)
{
    dir = g_dir_make_tmp("csbrief-cache-XXXXXX", NULL);
    RUN(test_cache);
    RUN(test_old_layout);
    RUN(test_prune);
    g_rmdir(dir);
    g_free(dir);
    return unit_done();
}
