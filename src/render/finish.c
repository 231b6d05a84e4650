/* finish.c - the PDF as it is delivered: Cairo's file rewritten by
 * libqpdf, and checked the way a strict reader would.
 *
 * Cairo 1.16 writes a cross-reference table with entries for objects it
 * reserved and never wrote (the structure elements of tagged links):
 * viewers repair that quietly, `qpdf --check` says the file is damaged and
 * print workflows refuse it. libqpdf reads Cairo's bytes (mending that),
 * and writes every object afresh with a sound table. Its /ID is a hash of
 * the content, never the clock, so the same inputs still give the same
 * bytes. Between the read and the write go what Cairo 1.16 cannot write,
 * for an accessible (PDF/UA) file: the structure tree (structure.c), the
 * document language, /MarkInfo, DisplayDocTitle, and XMP metadata with
 * the PDF/UA identifier.
 *
 * The metadata is a stream, and libqpdf's C API makes a new stream (as a
 * new indirect object) only after reading every object of the file: for a
 * tagged briefing, thousands of Cairo's own structure elements this step
 * then drops. So the device ends the file with one empty page (the
 * carrier), whose content stream becomes the metadata; the page is
 * removed.
 */
#include "pdf.h"
#include "../ingest/ingest.h"

#include <poppler.h>
#include <string.h>

#define LANGUAGE "en-GB"

static void xmp_text(GString *x, const char *element, const char *value, const char *wrap)
{
    if (!value || !*value)
        return;
    char *v = g_markup_escape_text(value, -1);
    if (!wrap)
        g_string_append_printf(x, "   <%s>%s</%s>\n", element, v, element);
    else if (strcmp(wrap, "Alt") == 0)
        g_string_append_printf(x, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li>"
                                  "</rdf:Alt></%s>\n",
                               element, v, element);
    else
        g_string_append_printf(x, "   <%s><rdf:%s><rdf:li>%s</rdf:li></rdf:%s></%s>\n", element,
                               wrap, v, wrap, element);
    g_free(v);
}

/* The XMP packet: what the Info dictionary says, and that the file claims
 * PDF/UA-1. Dates as the Info dictionary has them (fixed, never the clock). */
static char *xmp_packet(qpdf_data q, const CsbPdfMeta *meta)
{
    GString *x = g_string_new("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                              " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                              "  <rdf:Description rdf:about=\"\"\n"
                              "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                              "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                              "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                              "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
    xmp_text(x, "dc:format", "application/pdf", NULL);
    xmp_text(x, "dc:title", meta->title, "Alt");
    xmp_text(x, "dc:creator", meta->author, "Seq");
    xmp_text(x, "dc:description", meta->subject, "Alt");
    xmp_text(x, "dc:language", LANGUAGE, "Bag");
    xmp_text(x, "pdf:Keywords", meta->keywords, NULL);
    xmp_text(x, "pdf:Producer", qpdf_get_info_key(q, "/Producer"), NULL);
    xmp_text(x, "xmp:CreatorTool", meta->creator, NULL);
    xmp_text(x, "xmp:CreateDate", meta->date, NULL);
    xmp_text(x, "xmp:ModifyDate", meta->date, NULL);
    xmp_text(x, "pdfuaid:part", "1", NULL);
    g_string_append(x, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
                       "<?xpacket end=\"w\"?>\n");
    return g_string_free(x, FALSE);
}

/* The catalog's language, marking, title display and metadata (the
 * stream of the carrier page, a stream of the file). */
static void finish_catalog(qpdf_data q, const CsbPdfMeta *meta, qpdf_oh stream)
{
    qpdf_oh cat = qpdf_get_root(q);
    qpdf_oh_replace_key(q, cat, "/Lang", qpdf_oh_new_unicode_string(q, LANGUAGE));
    qpdf_oh mark = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, mark, "/Marked", qpdf_oh_new_bool(q, QPDF_TRUE));
    qpdf_oh_replace_key(q, cat, "/MarkInfo", mark);
    qpdf_oh prefs = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, prefs, "/DisplayDocTitle", qpdf_oh_new_bool(q, QPDF_TRUE));
    qpdf_oh_replace_key(q, cat, "/ViewerPreferences", prefs);
    char *xmp = xmp_packet(q, meta);
    qpdf_oh_replace_stream_data(q, stream, (const unsigned char *)xmp, strlen(xmp),
                                qpdf_oh_new_null(q), qpdf_oh_new_null(q));
    qpdf_oh dict = qpdf_oh_get_dict(q, stream);
    qpdf_oh_remove_key(q, dict, "/Filter");
    qpdf_oh_remove_key(q, dict, "/DecodeParms");
    qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/Metadata"));
    qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/XML"));
    qpdf_oh_replace_key(q, cat, "/Metadata", stream);
    g_free(xmp);
}

static GBytes *fail(qpdf_data q, const char *name, const char *what, CsbDiag *diag)
{
    char *why = csb_qpdf_problem(q);
    csb_diag_error(diag, name, 0, 0, "%s (%s)", what, why ? why : "?");
    g_free(why);
    qpdf_cleanup(&q);
    return NULL;
}

GBytes *csb_render_finish(const guchar *pdf, gsize len, const CsbTagPlan *tags,
                          const CsbPdfMeta *meta, const char *name, CsbDiag *diag)
{
    qpdf_data q = csb_qpdf_new();
    /* Cairo's own file has the known fault above: its warnings are
     * expected, and the result is checked, not the input. */
    if (qpdf_read_memory(q, name, (const char *)pdf, (unsigned long long)len, NULL) &
        QPDF_ERRORS)
        return fail(q, name, "the PDF Cairo wrote cannot be read back", diag);
    while (qpdf_more_warnings(q))
        qpdf_next_warning(q);
    /* The carrier: the last page, empty, its content stream a single one. */
    int n = qpdf_get_num_pages(q);
    qpdf_oh carrier = n > 0 ? qpdf_get_page_n(q, (size_t)(n - 1)) : 0;
    qpdf_oh stream = carrier ? qpdf_oh_get_key(q, carrier, "/Contents") : 0;
    if (!stream || !qpdf_oh_is_stream(q, stream) || (qpdf_remove_page(q, carrier) & QPDF_ERRORS))
        return fail(q, name, "the PDF Cairo wrote has no carrier page: a bug in csbrief", diag);
    if (tags) {
        char *problem = NULL;
        if (!csb_render_structure(q, tags, &problem)) {
            csb_diag_error(diag, name, 0, 0,
                           "cannot build the PDF's structure tree (%s): this is a bug in "
                           "csbrief, please report it",
                           problem);
            g_free(problem);
            qpdf_cleanup(&q);
            return NULL;
        }
        finish_catalog(q, meta, stream);
    }
    if (qpdf_init_write_memory(q) & QPDF_ERRORS)
        return fail(q, name, "cannot finish the PDF", diag);
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    qpdf_set_object_stream_mode(q, tags ? qpdf_o_generate : qpdf_o_preserve);
    qpdf_set_stream_data_mode(q, qpdf_s_preserve);
    qpdf_set_linearization(q, QPDF_FALSE);
    if (qpdf_write(q) & QPDF_ERRORS)
        return fail(q, name, "cannot finish the PDF", diag);
    GBytes *out = g_bytes_new(qpdf_get_buffer(q), qpdf_get_buffer_length(q));
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
