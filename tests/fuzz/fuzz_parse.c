/* fuzz_parse.c - libFuzzer target for text input: csb_ingest_text then
 * csb_parse_document on arbitrary bytes. Build and run: see README.md. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_text("fuzz.txt", (const char *)data, size);
    fuzz_check(doc, diag);
    csb_diag_free(diag);
    return 0;
}
