/* verify.c - whether a download may be kept: a whole PDF (not an HTML
 * error page, not cut short) that poppler opens, with at least one page;
 * and, when a publication's title can be several kinds, the kind the
 * report itself says it is, read by csbrief's own parser.
 */
#include "fetch.h"

#include "../parse/parse.h"

#include <poppler.h>

char *csb_fetch_check_pdf(const guint8 *data, gsize len)
{
    const char *problem = csb_ingest_pdf_problem((const char *)data, len);
    if (problem)
        return g_strdup(problem);
    GBytes *bytes = g_bytes_new_static(data, len);
    GError *err = NULL;
    PopplerDocument *pdf = poppler_document_new_from_bytes(bytes, NULL, &err);
    g_bytes_unref(bytes);
    char *why = NULL;
    if (!pdf)
        why = g_strdup_printf("poppler cannot open it as a PDF: %s",
                              err ? err->message : "unknown error");
    else if (poppler_document_get_n_pages(pdf) < 1)
        why = g_strdup("the PDF has no pages");
    g_clear_error(&err);
    if (pdf)
        g_object_unref(pdf);
    return why;
}

CsbKind csb_fetch_report_kind(const guint8 *data, gsize len, const char *name,
                              const CsbReference *ref)
{
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_data(name, (const char *)data, len, diag);
    CsbInspection *in = doc ? csb_parse_document(doc, ref, diag) : NULL;
    CsbKind kind = in ? in->kind : CSB_KIND_UNKNOWN;
    csb_inspection_free(in);
    csb_document_free(doc);
    csb_diag_free(diag);
    return kind;
}
