/* test_ingest_limits.c - what csbrief will not read, each refused with an
 * error naming the limit or the reason: devices and FIFOs (before a byte is
 * read, without waiting), a file over the size limit, a text report over
 * its limit, compression bombs (one layer and nested), too many pages,
 * too much time; and what it reads but cleans: Unicode noncharacters,
 * which Cairo refuses, are dropped from a report's text.
 */
#include "unit.h"

#include "ingest/ingest.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char *dir;

static void expect_refused(const char *path, const char *reason, CsbUnreadReason kind,
                           const char *what)
{
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_file(path, diag);
    const CsbError *e = diag->items->len ? diag->items->pdata[0] : NULL;
    CHECK(!doc && diag->items->len == 1 && e && strstr(e->message, reason),
          "%s: refused, the reason has '%s' (%s)", what, reason, e ? e->message : "read");
    CHECK(csb_unread_reason_of(e) == kind, "%s: the kind of problem is '%s' (%s)", what,
          csb_unread_reason_id(kind), csb_unread_reason_id(csb_unread_reason_of(e)));
    csb_document_free(doc);
    csb_diag_free(diag);
}

static void test_special_files(void)
{
    char *zero = g_build_filename(dir, "zero.pdf", NULL);
    CHECK(symlink("/dev/zero", zero) == 0, "a link to /dev/zero named zero.pdf");
    expect_refused(zero, "a device, not a regular file", CSB_UNREAD_CANNOT_OPEN,
                   "/dev/zero as a report");
    char *fifo = g_build_filename(dir, "fifo.txt", NULL);
    CHECK(mkfifo(fifo, 0600) == 0, "a FIFO named fifo.txt");
    /* Nobody writes to it: a plain open would wait for ever. */
    expect_refused(fifo, "a FIFO (named pipe), not a regular file", CSB_UNREAD_CANNOT_OPEN,
                   "a FIFO as a report");
    gsize len = 0;
    char *err = NULL;
    char *data = csb_file_read(fifo, &len, &err);
    CHECK(!data && err && strstr(err, "FIFO"), "csb_file_read refuses it too (%s)",
          err ? err : "read");
    g_free(data);
    g_free(err);
    g_unlink(fifo);
    g_unlink(zero);
    g_free(fifo);
    g_free(zero);
}

static void test_sizes(void)
{
    char *big = g_build_filename(dir, "big.pdf", NULL);
    char *text = g_build_filename(dir, "long.txt", NULL);
    GString *s = g_string_new(NULL);
    while (s->len < 3000)
        g_string_append(s, "The inspection of children's services found good practice. ");
    g_file_set_contents(big, s->str, (gssize)s->len, NULL);
    g_file_set_contents(text, s->str, (gssize)s->len, NULL);
    g_setenv("CSBRIEF_MAX_REPORT_MB", "0.001", TRUE); /* 1 KB */
    expect_refused(big, "more than the limit of", CSB_UNREAD_TOO_LARGE,
                   "a file over CSBRIEF_MAX_REPORT_MB");
    g_unsetenv("CSBRIEF_MAX_REPORT_MB");
    g_setenv("CSBRIEF_MAX_TEXT_MB", "0.001", TRUE);
    expect_refused(text, "CSBRIEF_MAX_TEXT_MB", CSB_UNREAD_TOO_LARGE,
                   "a text report over CSBRIEF_MAX_TEXT_MB");
    g_unsetenv("CSBRIEF_MAX_TEXT_MB");
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_file(text, diag);
    CHECK(doc != NULL, "under the default limits the same text is read");
    csb_document_free(doc);
    csb_diag_free(diag);
    g_string_free(s, TRUE);
    g_unlink(big);
    g_unlink(text);
    g_free(big);
    g_free(text);
}

/* deflate(zeros) of n bytes, streamed: the zeros are never all in memory. */
static GByteArray *deflated_zeros(gsize n)
{
    GByteArray *out = g_byte_array_new();
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit(&z, 9);
    static const guint8 zeros[65536];
    guint8 buf[65536];
    for (gsize done = 0;;) {
        gsize k = MIN(n - done, sizeof zeros);
        z.next_in = (Bytef *)zeros;
        z.avail_in = (uInt)k;
        done += k;
        int flush = done == n ? Z_FINISH : Z_NO_FLUSH;
        int rc;
        do {
            z.next_out = buf;
            z.avail_out = sizeof buf;
            rc = deflate(&z, flush);
            g_byte_array_append(out, buf, (guint)(sizeof buf - z.avail_out));
        } while (z.avail_out == 0);
        if (flush == Z_FINISH && rc == Z_STREAM_END)
            break;
    }
    deflateEnd(&z);
    return out;
}

static GByteArray *deflated(const GByteArray *in)
{
    uLongf n = compressBound(in->len);
    GByteArray *out = g_byte_array_sized_new((guint)n);
    g_byte_array_set_size(out, (guint)n);
    compress2(out->data, &n, in->data, in->len, 9);
    g_byte_array_set_size(out, (guint)n);
    return out;
}

/* A PDF-shaped file around one stream: enough for the count, which runs
 * before anything else reads the file. */
static char *bomb_file(const char *name, const GByteArray *stream)
{
    GByteArray *pdf = g_byte_array_new();
    const char *head = "%PDF-1.7\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n";
    const char *tail = "\nendstream\nendobj\n%%EOF\n";
    g_byte_array_append(pdf, (const guint8 *)head, (guint)strlen(head));
    g_byte_array_append(pdf, stream->data, stream->len);
    g_byte_array_append(pdf, (const guint8 *)tail, (guint)strlen(tail));
    char *path = g_build_filename(dir, name, NULL);
    g_file_set_contents(path, (const char *)pdf->data, pdf->len, NULL);
    g_byte_array_unref(pdf);
    return path;
}

static void test_bombs(void)
{
    g_setenv("CSBRIEF_MAX_INFLATED_MB", "1", TRUE);
    GByteArray *layer = deflated_zeros(8 * 1024 * 1024); /* 8 KB that inflate to 8 MB */
    char *one = bomb_file("bomb.pdf", layer);
    expect_refused(one, "CSBRIEF_MAX_INFLATED_MB", CSB_UNREAD_TOO_LARGE,
                   "a stream inflating past the limit");
    /* Inflated once it is 8 KB: a count of one layer would let it pass. */
    GByteArray *twice = deflated(layer);
    char *nested = bomb_file("nested.pdf", twice);
    expect_refused(nested, "CSBRIEF_MAX_INFLATED_MB", CSB_UNREAD_TOO_LARGE,
                   "FlateDecode twice (a nested bomb)");
    g_unsetenv("CSBRIEF_MAX_INFLATED_MB");
    gchar *drawn = NULL;
    gsize len = 0;
    guint64 total = 0;
    g_file_get_contents("tests/fuzz/seeds-pdf/drawn-ilacs.pdf", &drawn, &len, NULL);
    gboolean within = drawn && csb_pdf_inflated_within(drawn, len, 1024 * 1024, &total);
    CHECK(within && total > len,
          "a real PDF's streams are counted and within 1 MB (%" G_GUINT64_FORMAT " bytes)",
          total);
    g_free(drawn);
    g_unlink(one);
    g_unlink(nested);
    g_free(one);
    g_free(nested);
    g_byte_array_unref(twice);
    g_byte_array_unref(layer);
}

/* A bomb in an encrypted PDF (empty user password: it opens without one):
 * its bytes are not zlib data until libqpdf decrypts them, so the lexical
 * count cannot see it; the count in libqpdf's walk does. */
static void test_encrypted_bomb(void)
{
    GByteArray *layer = deflated_zeros(8 * 1024 * 1024);
    char *path = g_build_filename(dir, "encrypted-bomb.pdf", NULL);
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    qpdf_empty_pdf(q);
    qpdf_oh page = qpdf_oh_parse(q, "<< /Type /Page /MediaBox [0 0 612 792] >>");
    qpdf_oh content = qpdf_oh_new_stream(q);
    qpdf_oh filter = qpdf_oh_new_name(q, "/FlateDecode"), none = qpdf_oh_new_null(q);
    qpdf_oh_replace_stream_data(q, content, layer->data, layer->len, filter, none);
    qpdf_oh_replace_key(q, page, "/Contents", content);
    qpdf_oh indirect = qpdf_make_indirect_object(q, page);
    qpdf_add_page(q, q, indirect, QPDF_FALSE);
    qpdf_init_write(q, path);
    qpdf_set_stream_data_mode(q, qpdf_s_preserve);
    qpdf_set_r6_encryption_parameters2(q, "", "owner", QPDF_TRUE, QPDF_TRUE, QPDF_TRUE, QPDF_TRUE,
                                       QPDF_TRUE, QPDF_TRUE, qpdf_r3p_full, QPDF_TRUE);
    gboolean written = !(qpdf_write(q) & QPDF_ERRORS);
    qpdf_cleanup(&q);
    CHECK(written, "an encrypted PDF whose page is a bomb (8 KB to 8 MB)");
    gchar *data = NULL;
    gsize len = 0;
    g_file_get_contents(path, &data, &len, NULL);
    guint64 total = 0;
    gboolean lexical = data && csb_pdf_inflated_within(data, len, 1024 * 1024, &total);
    CHECK(lexical, "the lexical count cannot see it (%" G_GUINT64_FORMAT " bytes)", total);
    g_setenv("CSBRIEF_MAX_INFLATED_MB", "1", TRUE);
    expect_refused(path, "CSBRIEF_MAX_INFLATED_MB", CSB_UNREAD_TOO_LARGE,
                   "the bomb is refused when libqpdf decrypts it");
    g_unsetenv("CSBRIEF_MAX_INFLATED_MB");
    g_free(data);
    g_unlink(path);
    g_free(path);
    g_byte_array_unref(layer);
}

static void test_pages_and_time(void)
{
    const char *drawn = "tests/fuzz/seeds-pdf/drawn-ilacs.pdf"; /* 3 pages */
    g_setenv("CSBRIEF_MAX_PAGES", "2", TRUE);
    expect_refused(drawn, "CSBRIEF_MAX_PAGES", CSB_UNREAD_TOO_LARGE,
                   "a PDF with more pages than the limit");
    g_unsetenv("CSBRIEF_MAX_PAGES");
    g_setenv("CSBRIEF_MAX_REPORT_SECONDS", "0.000001", TRUE);
    expect_refused(drawn, "CSBRIEF_MAX_REPORT_SECONDS", CSB_UNREAD_TOO_SLOW,
                   "a PDF that takes longer than the limit");
    g_unsetenv("CSBRIEF_MAX_REPORT_SECONDS");
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_file(drawn, diag);
    CHECK(doc && doc->n_pages == 3, "under the default limits it is read");
    csb_document_free(doc);
    csb_diag_free(diag);
}

static void test_noncharacters(void)
{
    const char data[] = "Leaders \xEF\xB7\x90know\xEF\xBF\xBE their \xF4\x8F\xBF\xBF"
                        "services\xEF\xBF\xBF well.";
    CsbDocument *doc = csb_ingest_text("n.txt", data, sizeof data - 1);
    const CsbLine *l = doc->lines->pdata[0];
    CHECK_STR(l->text, "Leaders know their services well.",
              "U+FDD0, U+FFFE, U+10FFFF and U+FFFF are dropped from a report's text");
    csb_document_free(doc);
    gsize n = 0;
    char *clean = csb_text_drop_noncharacters("a\xF0\x9F\xBF\xBE" "b\xEF\xBF\xBD", &n);
    CHECK(n == 1 && strcmp(clean, "ab\xEF\xBF\xBD") == 0,
          "U+1FFFE is a noncharacter, U+FFFD is not");
    g_free(clean);
}

static void remove_tree(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *child = g_build_filename(path, name, NULL);
        g_unlink(child);
        g_free(child);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(path);
}

int main(void)
{
    dir = g_dir_make_tmp("csbrief-limits-XXXXXX", NULL);
    RUN(test_special_files);
    RUN(test_sizes);
    RUN(test_bombs);
    RUN(test_encrypted_bomb);
    RUN(test_pages_and_time);
    RUN(test_noncharacters);
    remove_tree(dir);
    g_free(dir);
    return unit_done();
}
