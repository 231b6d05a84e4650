/* parse.c - the parse stage's driver: blocks, then kind, header,
 * judgements, findings and paragraphs, in that order.
 */
#include "parse.h"

CsbInspection *csb_parse_document(const CsbDocument *doc, const CsbAuthorities *authorities,
                                  CsbDiag *diag)
{
    GPtrArray *blocks = csb_parse_blocks(doc);
    if (blocks->len == 0) {
        csb_diag_error(diag, doc->path, 0, 0, "no text in the file: not a report");
        g_ptr_array_free(blocks, TRUE);
        return NULL;
    }
    CsbInspection *in = csb_inspection_new(doc->path);
    in->sha256 = g_strdup(doc->sha256);
    in->kind = csb_parse_kind(blocks);
    csb_parse_header(in, doc, blocks, authorities, diag);
    csb_parse_judgements(in, doc, blocks, diag);
    csb_parse_findings(in, blocks);
    csb_parse_paragraphs(in, blocks);
    g_ptr_array_free(blocks, TRUE);
    return in;
}

CsbInspection *csb_parse_file(const char *path, const CsbAuthorities *authorities,
                              CsbDiag *diag)
{
    CsbDocument *doc = csb_ingest_file(path, diag);
    if (!doc)
        return NULL;
    CsbInspection *in = csb_parse_document(doc, authorities, diag);
    csb_document_free(doc);
    return in;
}
