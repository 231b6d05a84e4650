/* fuzz_common.h - what both fuzz targets share: the authority table,
 * loaded once, and a parse that must never crash, leak or give a partial
 * record: either NULL with exactly one error, or a record whose every
 * field serialises.
 */
#ifndef CSB_FUZZ_COMMON_H
#define CSB_FUZZ_COMMON_H

#include "parse/parse.h"

#include <stdint.h>
#include <stdlib.h>

static CsbReference *fuzz_reference;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *datadir = g_getenv("CSB_FUZZ_DATADIR");
    CsbDiag *diag = csb_diag_new();
    fuzz_reference = csb_reference_load(datadir ? datadir : ".", diag);
    csb_diag_free(diag);
    if (!fuzz_reference)
        abort(); /* run from the project root, or set CSB_FUZZ_DATADIR */
    return 0;
}

/* Parse doc (may be NULL after an ingest error) and check the contract. */
static void fuzz_check(CsbDocument *doc, CsbDiag *diag)
{
    CsbInspection *in = doc ? csb_parse_document(doc, fuzz_reference, diag) : NULL;
    if (!in) {
        if (csb_diag_count(diag, CSB_SEV_ERROR) != 1)
            abort(); /* a refused input has exactly one reason */
    } else {
        if (csb_diag_count(diag, CSB_SEV_ERROR) != 0)
            abort(); /* no partial record: errors mean no record */
        GString *json = g_string_new(NULL);
        csb_inspection_to_json(in, json, 0);
        GVariant *v = csb_inspection_to_variant(in);
        CsbInspection *back = csb_inspection_from_variant(v);
        if (!back || !csb_inspection_same(in, back, NULL))
            abort();
        csb_inspection_free(back);
        g_variant_unref(v);
        g_string_free(json, TRUE);
    }
    csb_inspection_free(in);
    csb_document_free(doc);
}

#endif
