/* finish.c - the PDF as it is delivered: Cairo's file with what Cairo
 * 1.16 cannot write for an accessible (PDF/UA) file, and checked the way
 * a strict reader would.
 *
 * libqpdf only reads Cairo's bytes (pages, content streams, annotations,
 * the catalog, the Info dictionary); what changes is written as text into
 * an edit of them (edit.c), which copies the rest of Cairo's objects as
 * they are, so none is parsed and written again. The edit holds the
 * structure tree (structure.c: the elements, the parent tree, each page
 * and link annotation again with its key into it, each content stream
 * again with its artifacts marked), the XMP metadata with the PDF/UA
 * identifier, and the catalog again with them, the document language,
 * /MarkInfo and DisplayDocTitle. Cairo's own structure tree is left out.
 * The file has a sound cross-reference table (Cairo 1.16's can have
 * entries for numbers it never wrote) and an /ID that is a hash of the
 * bytes, never the clock, so the same inputs give the same bytes.
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

/* The catalog again (the same number): Cairo's keys but its structure
 * tree and marking, then the structure tree root, the language, marking,
 * title display and the metadata stream. */
static gboolean write_catalog(qpdf_data q, CsbPdfEdit *edit, int tree, int metadata)
{
    qpdf_oh cat = qpdf_get_root(q);
    static const char *const replaced[] = {"/StructTreeRoot", "/Lang", "/MarkInfo",
                                           "/ViewerPreferences", "/Metadata"};
    for (guint i = 0; i < G_N_ELEMENTS(replaced); i++)
        qpdf_oh_remove_key(q, cat, replaced[i]);
    int num = qpdf_oh_get_object_id(q, cat);
    const char *cairo = qpdf_oh_unparse_resolved(q, cat); /* until the next call */
    if (num <= 0 || strncmp(cairo, "<<", 2) != 0)
        return FALSE;
    GString *out = csb_pdf_edit_begin(edit, num);
    g_string_append_printf(out,
                           "<< /StructTreeRoot %d 0 R /Lang (" LANGUAGE ") /MarkInfo << /Marked "
                           "true >> /ViewerPreferences << /DisplayDocTitle true >> /Metadata %d 0 "
                           "R\n",
                           tree, metadata);
    g_string_append(out, cairo + 2);
    csb_pdf_edit_end(edit, num);
    return TRUE;
}

/* The objects written again or added; FALSE with a message in problem. */
static gboolean edit_objects(qpdf_data q, CsbPdfEdit *edit, const CsbTagPlan *tags,
                       const CsbPdfMeta *meta, GString *problem)
{
    int tree = 0;
    if (!csb_render_structure(q, edit, tags, &tree, problem))
        return FALSE;
    int metadata = csb_pdf_edit_number(edit);
    char *xmp = xmp_packet(q, meta);
    csb_pdf_edit_stream(edit, metadata, "/Type /Metadata /Subtype /XML", xmp, strlen(xmp));
    g_free(xmp);
    if (!write_catalog(q, edit, tree, metadata)) {
        g_string_append(problem, "its catalog cannot be read");
        return FALSE;
    }
    return TRUE;
}

GBytes *csb_render_finish(const guchar *pdf, gsize len, const CsbTagPlan *tags,
                          const CsbPdfMeta *meta, const char *name, CsbDiag *diag)
{
    qpdf_data q = csb_qpdf_new();
    /* The input is Cairo's, with its known fault above: warnings are
     * expected, and the result is checked, not the input. */
    if (qpdf_read_memory(q, name, (const char *)pdf, (unsigned long long)len, NULL) &
        QPDF_ERRORS) {
        char *why = csb_qpdf_problem(q);
        csb_diag_error(diag, name, 0, 0, "the PDF Cairo wrote cannot be read back (%s)",
                       why ? why : "?");
        g_free(why);
        qpdf_cleanup(&q);
        return NULL;
    }
    while (qpdf_more_warnings(q))
        qpdf_next_warning(q);
    GString *problem = g_string_new(NULL);
    CsbPdfEdit *edit = csb_pdf_edit_new(pdf, len);
    if (!edit)
        g_string_append(problem, "the PDF Cairo wrote has no cross-reference table");
    GBytes *out = NULL;
    if (edit && edit_objects(q, edit, tags, meta, problem)) {
        qpdf_oh trailer = qpdf_get_trailer(q);
        out = csb_pdf_edit_finish(edit,
                                  qpdf_oh_get_object_id(q, qpdf_oh_get_key(q, trailer, "/Root")),
                                  qpdf_oh_get_object_id(q, qpdf_oh_get_key(q, trailer, "/Info")));
    } else {
        csb_diag_error(diag, name, 0, 0,
                       "cannot finish the PDF (%s): this is a bug in csbrief, please report it",
                       problem->str);
    }
    csb_pdf_edit_free(edit);
    g_string_free(problem, TRUE);
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
