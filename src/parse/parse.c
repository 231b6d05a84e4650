/* parse.c - the parse stage's driver: blocks, then kind, header,
 * authority, judgements, findings and paragraphs, in that order. A document
 * that is not a recognisable report gets one error and no record.
 */
#include "parse.h"

#include <string.h>

/* Where the report's own words end: Ofsted's standard back page, or a
 * letter's sign-off. */
static guint find_body_end(const GPtrArray *blocks)
{
    static const char *const marks[] = {
        "the office for standards in education children s services and skills ofsted "
        "regulates",
        "yours sincerely", "yours faithfully", "ofsted will take the findings from this"};
    for (guint i = 0; i < blocks->len; i++) {
        const CsbBlock *b = blocks->pdata[i];
        char *f = csb_text_fold(b->text);
        gboolean end = FALSE;
        for (guint k = 0; k < G_N_ELEMENTS(marks) && !end; k++)
            end = g_str_has_prefix(f, marks[k]);
        g_free(f);
        if (end)
            return i;
    }
    return blocks->len;
}

CsbInspection *csb_parse_document(const CsbDocument *doc, const CsbReference *ref,
                                  CsbDiag *diag)
{
    GPtrArray *blocks = csb_parse_blocks(doc);
    if (blocks->len == 0) {
        csb_diag_error_code(diag, CSB_UNREAD_NO_TEXT, doc->path, 0, 0,
                            "no text in the file: not a report");
        g_ptr_array_free(blocks, TRUE);
        return NULL;
    }
    CsbInspection *in = csb_inspection_new(doc->path);
    CsbParse p = {
        .doc = doc,
        .blocks = blocks,
        .ref = ref,
        .in = in,
        .diag = diag,
        .roles = g_new0(guint8, blocks->len),
        .not_judged = g_hash_table_new(g_str_hash, g_str_equal),
    };
    csb_parse_kind(&p);
    if (in->kind == CSB_KIND_UNKNOWN) {
        csb_diag_error_code(diag, CSB_UNREAD_NOT_INSPECTION, doc->path, 0, 0,
                            "not a children's services inspection report csbrief knows: its "
                            "first page has no title such as 'Inspection of X local authority "
                            "children's services' or 'Focused visit to X'");
        csb_inspection_free(in);
        g_hash_table_destroy(p.not_judged);
        g_free(p.roles);
        g_ptr_array_free(blocks, TRUE);
        return NULL;
    }
    p.framework = csb_frameworks_get(ref->frameworks, in->kind);
    in->sha256 = g_strdup(doc->sha256);
    p.body_end = find_body_end(blocks);
    csb_parse_header(&p);
    csb_parse_authority(&p);
    csb_parse_judgements(&p);
    csb_parse_findings(&p);
    csb_parse_paragraphs(&p);
    g_hash_table_destroy(p.not_judged);
    g_free(p.roles);
    g_ptr_array_free(blocks, TRUE);
    return in;
}

CsbInspection *csb_parse_file(const char *path, const CsbReference *ref, CsbDiag *diag)
{
    CsbDocument *doc = csb_ingest_file(path, diag);
    if (!doc)
        return NULL;
    CsbInspection *in = csb_parse_document(doc, ref, diag);
    csb_document_free(doc);
    return in;
}
