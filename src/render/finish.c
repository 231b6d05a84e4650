/* finish.c - the PDF as it is delivered: Cairo's file rewritten by
 * libqpdf, and checked the way a strict reader would.
 *
 * Cairo 1.16 writes a cross-reference table with entries for objects it
 * reserved and never wrote (the structure elements of tagged links):
 * viewers repair that quietly, `qpdf --check` says the file is damaged and
 * print workflows refuse it. libqpdf reads Cairo's bytes (mending that),
 * and writes every object afresh with a sound table. Its /ID is a hash of
 * the content, never the clock, so the same inputs still give the same
 * bytes. This is also the place for what Cairo 1.16 cannot write
 * (document language, /MarkInfo, alternate text of figures,
 * DisplayDocTitle, XMP metadata): objects changed here, between the read
 * and the write.
 */
#include "render.h"
#include "../ingest/ingest.h"

#include <poppler.h>

GBytes *csb_render_finish(const guchar *pdf, gsize len, const char *name, CsbDiag *diag)
{
    qpdf_data q = csb_qpdf_new();
    GBytes *out = NULL;
    /* Cairo's own file has the known fault above: its warnings are
     * expected, and the result is checked, not the input. */
    if (qpdf_read_memory(q, name, (const char *)pdf, (unsigned long long)len, NULL) &
        QPDF_ERRORS) {
        char *why = csb_qpdf_problem(q);
        csb_diag_error(diag, name, 0, 0, "the PDF Cairo wrote cannot be read back (%s)", why);
        g_free(why);
        qpdf_cleanup(&q);
        return NULL;
    }
    while (qpdf_more_warnings(q))
        qpdf_next_warning(q);
    if (qpdf_init_write_memory(q) & QPDF_ERRORS) {
        char *why = csb_qpdf_problem(q);
        csb_diag_error(diag, name, 0, 0, "cannot finish the PDF (%s)", why);
        g_free(why);
        qpdf_cleanup(&q);
        return NULL;
    }
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    qpdf_set_object_stream_mode(q, qpdf_o_preserve);
    qpdf_set_stream_data_mode(q, qpdf_s_preserve);
    qpdf_set_linearization(q, QPDF_FALSE);
    if (qpdf_write(q) & QPDF_ERRORS) {
        char *why = csb_qpdf_problem(q);
        csb_diag_error(diag, name, 0, 0, "cannot finish the PDF (%s)", why);
        g_free(why);
    } else {
        out = g_bytes_new(qpdf_get_buffer(q), qpdf_get_buffer_length(q));
    }
    qpdf_cleanup(&q);
    return out;
}

gboolean csb_render_check(const guchar *pdf, gsize len, int pages, const char *name,
                          CsbDiag *diag)
{
    char *problem = NULL;
    int found = -1;
    CsbPdfSoundness verdict = csb_pdf_check((const char *)pdf, len,
                                            csb_ingest_limits().inflated_bytes, &found, &problem);
    if (verdict != CSB_PDF_SOUND) {
        csb_diag_error(diag, name, 0, 0, "the PDF written is not sound (libqpdf: %s); the "
                                         "last good one was kept",
                       problem ? problem : "?");
        g_free(problem);
        return FALSE;
    }
    GBytes *bytes = g_bytes_new_static(pdf, len);
    GError *err = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
    g_bytes_unref(bytes);
    int opened = doc ? poppler_document_get_n_pages(doc) : -1;
    if (doc)
        g_object_unref(doc);
    gboolean ok = doc && opened == pages && found == pages;
    if (!doc)
        csb_diag_error(diag, name, 0, 0, "poppler cannot open the PDF written (%s); the last "
                                         "good one was kept",
                       err ? err->message : "?");
    else if (!ok)
        csb_diag_error(diag, name, 0, 0,
                       "the PDF written has %d pages to poppler and %d to libqpdf, but %d were "
                       "laid out; the last good one was kept",
                       opened, found, pages);
    g_clear_error(&err);
    return ok;
}
