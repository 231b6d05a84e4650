/* test_render_edit.c - Cairo's PDF edited and written again (edit.c), on a
 * small file made here the way Cairo writes one (a classic cross-reference
 * table, a content stream with an indirect length, a structure tree, an
 * entry for a number reserved and never written): the result is read by
 * libqpdf without one complaint; it keeps what the catalog and Info reach
 * (through objects written again, through Cairo's, in object streams or
 * copied) and leaves out what only the replaced catalog, a string or
 * stream data spelled "N 0 R"; the new objects and text strings read back;
 * the same edit gives the same bytes; a file without a table is refused.
 */
#include "unit.h"

#include "render/pdf.h"
#include "ingest/ingest.h"

#include <qpdf/qpdf-c.h>
#include <string.h>

#define CONTENT "BT /F1 12 Tf (9 0 R endobj) Tj ET\n"

/* Cairo's file: objects 1..11 (12 reserved, never written). */
static GString *cairo_like(void)
{
    static const char *const objects[] = {
        NULL,
        "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R >>",
        "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 100 100 ] /Contents 4 0 R "
        "/Annots [ 8 0 R ] /Resources << >> >>",
        NULL, /* the content stream */
        "34", /* strlen(CONTENT) */
        "<< /Type /StructTreeRoot /K [ 7 0 R ] >>",
        "<< /Type /StructElem /S /P /P 6 0 R /Alt (a \\) 10 0 R stream) >>",
        "<< /Type /Annot /Subtype /Link /Rect [ 0 0 1 1 ] /Contents (see 10 0 R (nested) "
        "stream) /A << /S /URI /URI (http://example.org/mainstream) >> >>",
        "<< /Secret true >>",
        "<< /Secret false >>",
        "<< /Producer (test) /Reserved 12 0 R >>",
    };
    GString *pdf = g_string_new("%PDF-1.5\n%\xb5\xed\xae\xfb\n");
    gsize offset[13] = {0};
    for (int n = 1; n <= 11; n++) {
        offset[n] = pdf->len;
        if (n == 4)
            g_string_append_printf(pdf, "4 0 obj\n<< /Length 5 0 R >>\nstream\n%s\nendstream\n"
                                        "endobj\n",
                                   CONTENT);
        else
            g_string_append_printf(pdf, "%d 0 obj\n%s\nendobj\n", n, objects[n]);
    }
    offset[12] = offset[9] + 3; /* leads nowhere */
    gsize xref = pdf->len;
    g_string_append(pdf, "xref\n0 13\n0000000000 65535 f \n");
    for (int n = 1; n <= 12; n++)
        g_string_append_printf(pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offset[n]);
    g_string_append_printf(pdf,
                           "trailer\n<< /Size 13 /Root 1 0 R /Info 11 0 R >>\nstartxref\n%" G_GSIZE_FORMAT
                           "\n%%%%EOF\n",
                           xref);
    return pdf;
}

/* The catalog again without the structure tree, and a new object it
 * refers to, holding a text string. */
static GBytes *edited(const GString *pdf)
{
    CsbPdfEdit *e = csb_pdf_edit_new((const guchar *)pdf->str, pdf->len);
    if (!e)
        return NULL;
    int added = csb_pdf_edit_number(e);
    GString *out = csb_pdf_edit_begin(e, added);
    g_string_append(out, "<< /Title ");
    csb_pdf_text_string(out, "Caf\xc3\xa9 (1) \\ \xf0\x9f\x98\x80");
    g_string_append(out, " >>");
    csb_pdf_edit_end(e, added);
    out = csb_pdf_edit_begin(e, 1);
    g_string_append_printf(out, "<< /Type /Catalog /Pages 2 0 R /Extra %d 0 R >>", added);
    csb_pdf_edit_end(e, 1);
    GBytes *b = csb_pdf_edit_finish(e, 1, 11);
    csb_pdf_edit_free(e);
    return b;
}

static gboolean present(qpdf_data q, int num)
{
    return !qpdf_oh_is_null(q, qpdf_get_object_by_id(q, num, 0));
}

static void test_edit(void)
{
    GString *pdf = cairo_like();
    GBytes *b = edited(pdf);
    CHECK(b != NULL, "the file made here is edited");
    if (!b) {
        g_string_free(pdf, TRUE);
        return;
    }
    gsize len = 0;
    const char *data = g_bytes_get_data(b, &len);
    char *problem = NULL;
    int pages = -1;
    CsbPdfSoundness s = csb_pdf_check(data, len, 1 << 20, &pages, &problem);
    CHECK(s == CSB_PDF_SOUND && pages == 1, "libqpdf reads it without a complaint (%s), 1 page",
          problem ? problem : "none");
    g_free(problem);

    qpdf_data q = csb_qpdf_new();
    gboolean read = !(qpdf_read_memory(q, "edited", data, len, NULL) & QPDF_ERRORS);
    gboolean checked = read && !(qpdf_check_pdf(q) & (QPDF_ERRORS | QPDF_WARNINGS));
    char *why = csb_qpdf_problem(q);
    CHECK(checked, "qpdf's own check finds nothing (%s)", why ? why : "none");
    g_free(why);
    CHECK(read && present(q, 2) && present(q, 3) && present(q, 4) && present(q, 5) &&
              present(q, 8) && present(q, 11),
          "what the catalog and Info reach is kept: pages, content, its length, annotation, Info");
    CHECK(read && !present(q, 6) && !present(q, 7),
          "the structure tree only the old catalog reached is left out");
    CHECK(read && !present(q, 9) && !present(q, 10),
          "objects only strings and stream data spell are left out");
    CHECK(read && !present(q, 12), "the number reserved and never written (Info refers to it) is free");
    qpdf_oh extra = read ? qpdf_oh_get_key(q, qpdf_get_root(q), "/Extra") : 0;
    const char *title = read ? qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, extra, "/Title")) : "";
    CHECK_STR(title, "Caf\xc3\xa9 (1) \\ \xf0\x9f\x98\x80", "a new object's text string");
    const char *uri = read ? qpdf_oh_get_utf8_value(
                                 q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_get_object_by_id(
                                                                              q, 8, 0),
                                                                    "/A"),
                                                    "/URI"))
                           : "";
    CHECK_STR(uri, "http://example.org/mainstream", "an annotation copied as it was");
    unsigned char *content = NULL;
    size_t clen = 0;
    if (read)
        qpdf_oh_get_stream_data(q, qpdf_get_object_by_id(q, 4, 0), qpdf_dl_all, NULL, &content,
                                &clen);
    CHECK(content && clen == strlen(CONTENT) && memcmp(content, CONTENT, clen) == 0,
          "the content stream is copied whole");
    free(content);
    qpdf_cleanup(&q);

    GBytes *again = edited(pdf);
    CHECK(again && g_bytes_equal(b, again), "the same edit gives the same bytes");
    if (again)
        g_bytes_unref(again);
    g_bytes_unref(b);
    g_string_free(pdf, TRUE);
}

static void test_refused(void)
{
    const char *junk = "%PDF-1.5\n1 0 obj\n<< >>\nendobj\nstartxref\n9\n%%EOF\n";
    CsbPdfEdit *e = csb_pdf_edit_new((const guchar *)junk, strlen(junk));
    CHECK(e == NULL, "a file whose startxref leads to no table is refused");
    csb_pdf_edit_free(e);
}

int main(void)
{
    RUN(test_edit);
    RUN(test_refused);
    return unit_done();
}
