/* fuzz_pdf.c - libFuzzer target for the PDF path: file sniffing and
 * poppler ingest (csb_ingest_data) then csb_parse_document on arbitrary
 * bytes. Build and run: see README.md. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_data("fuzz.pdf", (const char *)data, size, diag);
    fuzz_check(doc, diag);
    csb_diag_free(diag);
    return 0;
}
