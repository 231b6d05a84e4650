/* test_build_manifest.c - the manifest round-trips (paths with tabs and
 * newlines included, and the kind of problem of a report not read; an
 * older note without it is still read), a damaged one reads as empty with
 * a warning, hashes
 * are taken from stamps while a file is untouched and recomputed when it
 * changes, and a job's reasons to build name what changed.
 */
#include "unit.h"

#include "build/build.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char *scratch;

static const char *A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
static const char *B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

static CsbManifestEntry *entry(const char *output, const char *report_sha)
{
    CsbManifestEntry *e = g_new0(CsbManifestEntry, 1);
    e->output = g_strdup(output);
    e->built_at = g_strdup("2026-01-31T02:00:00+00:00");
    e->stamp = (CsbFileStamp){NULL, 1234, 5678, 0, 42};
    e->inputs = g_ptr_array_new_with_free_func((GDestroyNotify)csb_input_free);
    g_ptr_array_add(e->inputs, csb_input_new("report /r/x\ty.pdf", report_sha));
    g_ptr_array_add(e->inputs, csb_input_new("template briefing-pack", B));
    e->hash = csb_plan_hash(e->inputs);
    return e;
}

static void test_round_trip(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbManifest *m = csb_manifest_load(scratch, diag);
    CHECK(g_hash_table_size(m->entries) == 0 && diag->items->len == 0,
          "no manifest yet: empty, and no warning");
    m->parser_key = g_strdup("key");
    csb_manifest_put_entry(m, entry("sub/a\nb.pdf", A));
    CsbFileStamp *s = g_new0(CsbFileStamp, 1);
    *s = (CsbFileStamp){g_strdup(A), 10, 20, 30, 40};
    g_hash_table_insert(m->stamps, g_strdup("/r/x\ty.pdf"), s);
    csb_manifest_put_note(m, A, "Redcar and Cleveland", NULL, CSB_UNREAD_UNKNOWN);
    csb_manifest_put_note(m, B, NULL, "an HTML page, not a report", CSB_UNREAD_HTML_PAGE);
    CHECK(csb_manifest_save(m, diag), "saved");
    gsize len = 0;
    char *text = csb_manifest_format(m, &len);
    CHECK(strstr(text, "\nnote\tbbbb") &&
              strstr(text, "b\tunreadable\thtml-page\tan HTML page, not a report\n"),
          "a note on a report not read: the kind of problem, then the message (%s)", text);
    g_free(text);
    CsbManifest *back = csb_manifest_load(scratch, diag);
    CHECK(diag->items->len == 0, "read back without warnings");
    CHECK_STR(back->parser_key, "key", "parser key");
    const CsbManifestEntry *e = g_hash_table_lookup(back->entries, "sub/a\nb.pdf");
    CHECK(e != NULL, "an output with a newline in its name survives");
    if (e) {
        CHECK(e->inputs->len == 2, "both inputs back");
        CHECK_STR(((CsbInput *)e->inputs->pdata[0])->label, "report /r/x\ty.pdf",
                  "a label with a tab survives");
        CHECK(e->stamp.size == 1234 && e->stamp.mtime_ns == 5678 && e->stamp.inode == 42,
              "the output's stamp survives");
        const CsbManifestEntry *orig = g_hash_table_lookup(m->entries, "sub/a\nb.pdf");
        CHECK_STR(e->hash, orig->hash, "hash");
    }
    const CsbFileStamp *bs = g_hash_table_lookup(back->stamps, "/r/x\ty.pdf");
    CHECK(bs && bs->size == 10 && bs->mtime_ns == 20 && bs->ctime_ns == 30 && bs->inode == 40,
          "a file stamp survives");
    const CsbReportNote *na = g_hash_table_lookup(back->notes, A);
    const CsbReportNote *nb = g_hash_table_lookup(back->notes, B);
    CHECK(na && !na->error && g_strcmp0(na->authority, "Redcar and Cleveland") == 0,
          "a note on a readable report survives");
    CHECK(nb && !nb->authority && g_strcmp0(nb->error, "an HTML page, not a report") == 0 &&
              nb->reason == CSB_UNREAD_HTML_PAGE,
          "a note on an unreadable report survives, with the kind of problem");
    csb_manifest_free(back);
    csb_manifest_free(m);
    /* A manifest written before notes had the kind: read, the kind not known. */
    char *older = g_build_filename(scratch, CSB_MANIFEST_NAME, NULL);
    char *old_text = g_strdup_printf("csbrief-manifest\t1\nparser\tkey\n"
                                     "note\t%s\tunreadable\tan HTML page, not a report\n"
                                     "note\t%s\tok\tRutland\n",
                                     B, A);
    g_file_set_contents(older, old_text, -1, NULL);
    back = csb_manifest_load(scratch, diag);
    nb = g_hash_table_lookup(back->notes, B);
    na = g_hash_table_lookup(back->notes, A);
    CHECK(diag->items->len == 0 && nb && g_strcmp0(nb->error, "an HTML page, not a report") == 0 &&
              nb->reason == CSB_UNREAD_UNKNOWN && na && g_strcmp0(na->authority, "Rutland") == 0,
          "an older note without the kind is read (%u warnings)", diag->items->len);
    csb_manifest_free(back);
    g_unlink(older);
    g_free(older);
    g_free(old_text);
    /* Damage it: everything is rebuilt, with a warning that says so. */
    char *path = g_build_filename(scratch, CSB_MANIFEST_NAME, NULL);
    g_file_set_contents(path, "csbrief-manifest\t1\nbriefing\tonly-two\n", -1, NULL);
    back = csb_manifest_load(scratch, diag);
    CHECK(g_hash_table_size(back->entries) == 0, "a damaged manifest reads as empty");
    CHECK(diag->items->len == 1 && strstr(((CsbError *)diag->items->pdata[0])->message,
                                          "will be rebuilt"),
          "with a warning saying everything will be rebuilt");
    csb_manifest_free(back);
    g_unlink(path);
    g_free(path);
    csb_diag_free(diag);
}

static void test_stamps(void)
{
    char *path = g_build_filename(scratch, "report.txt", NULL);
    g_file_set_contents(path, "one", -1, NULL);
    /* Old enough not to count as just modified. */
    struct timespec past[2] = {{1000000000, 0}, {1000000000, 0}};
    utimensat(AT_FDCWD, path, past, 0);
    CsbFileHashes *h = csb_file_hashes_new();
    char *err = NULL;
    char *first = g_strdup(csb_file_hashes_get(h, path, &err));
    CHECK(first && csb_file_hashes_bytes_read(h) == 3, "first hash reads the file");
    csb_file_hashes_free(h);
    /* A later run remembers the stamp an earlier one kept. */
    h = csb_file_hashes_new();
    struct stat st;
    stat(path, &st);
    CsbFileStamp kept = {first, (gint64)st.st_size,
                          (gint64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec,
                          (gint64)st.st_ctim.tv_sec * 1000000000 + st.st_ctim.tv_nsec,
                          (guint64)st.st_ino};
    csb_file_hashes_remember(h, path, &kept);
    const char *again = csb_file_hashes_get(h, path, &err);
    CHECK(g_strcmp0(again, first) == 0 && csb_file_hashes_bytes_read(h) == 0,
          "an untouched file is not read again");
    g_file_set_contents(path, "two!", -1, NULL);
    const char *changed = csb_file_hashes_get(h, path, &err);
    CHECK(changed && strcmp(changed, first) != 0 && csb_file_hashes_bytes_read(h) == 4,
          "a changed file is read and hashed again");
    csb_file_hashes_free(h);
    g_unlink(path);
    g_free(path);
    g_free(first);
}

static CsbJob *job_with(const char *output, const char *report_sha)
{
    CsbJob *j = g_new0(CsbJob, 1);
    j->spec = g_new0(CsbBriefingSpec, 1);
    j->spec->output = g_build_filename(scratch, output, NULL);
    j->key = g_strdup(output);
    j->reports = g_ptr_array_new();
    j->unread = g_ptr_array_new(); /* as csb_plan makes every job's */
    j->reasons = g_ptr_array_new_with_free_func(g_free);
    CsbManifestEntry *e = entry(output, report_sha);
    j->inputs = e->inputs;
    j->hash = e->hash;
    e->inputs = NULL;
    e->hash = NULL;
    csb_manifest_entry_free(e);
    return j;
}

static void test_reasons(void)
{
    CsbManifestEntry *was = entry("r.pdf", A);
    CsbJob *j = job_with("r.pdf", A);
    csb_plan_decide(j, was, FALSE);
    CHECK(j->build && j->reasons->len == 1 &&
              strcmp(j->reasons->pdata[0], "output missing") == 0,
          "same inputs, no PDF: 'output missing'");
    csb_job_free(j);
    char *out = g_build_filename(scratch, "r.pdf", NULL);
    g_file_set_contents(out, "%PDF-", -1, NULL);
    struct stat st;
    stat(out, &st);
    was->stamp = (CsbFileStamp){NULL, (gint64)st.st_size,
                                (gint64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec, 0,
                                (guint64)st.st_ino};
    j = job_with("r.pdf", A);
    csb_plan_decide(j, was, FALSE);
    CHECK(!j->build && j->reasons->len == 0, "same inputs, PDF as written: skipped");
    csb_job_free(j);
    j = job_with("r.pdf", A);
    csb_plan_decide(j, was, TRUE);
    CHECK(j->build && strcmp(j->reasons->pdata[0], "--force") == 0, "--force builds it anyway");
    csb_job_free(j);
    j = job_with("r.pdf", B);
    csb_plan_decide(j, was, FALSE);
    CHECK(j->build && j->reasons->len == 1 &&
              strcmp(j->reasons->pdata[0], "report x\ty.pdf changed") == 0,
          "a report's content changed: '%s'",
          j->reasons->len ? (char *)j->reasons->pdata[0] : "");
    csb_job_free(j);
    j = job_with("r.pdf", A);
    csb_plan_decide(j, NULL, FALSE);
    CHECK(j->build && strstr(j->reasons->pdata[0], "no record"),
          "a PDF the manifest does not know is rebuilt");
    csb_job_free(j);
    g_unlink(out);
    g_free(out);
    csb_manifest_entry_free(was);
}

int main(void)
{
    scratch = g_dir_make_tmp("csbrief-manifest-XXXXXX", NULL);
    RUN(test_round_trip);
    RUN(test_stamps);
    RUN(test_reasons);
    g_rmdir(scratch);
    g_free(scratch);
    return unit_done();
}
