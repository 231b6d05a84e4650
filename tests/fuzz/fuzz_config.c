/* fuzz_config.c - libFuzzer target for configs: arbitrary bytes as a
 * config file, loaded and validated against the real data directory
 * (CSB_FUZZ_DATADIR, else the project root), then each briefing expanded
 * for an authority. The contract: no crash, no leak, and either a config
 * with no error or none with at least one error, each with a message.
 * Build and run: see README.md.
 */
#include "build/build.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static CsbResources *fuzz_resources;
static char *fuzz_path;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *datadir = g_getenv("CSB_FUZZ_DATADIR");
    CsbDiag *diag = csb_diag_new();
    fuzz_resources = csb_resources_load(datadir ? datadir : ".", diag);
    csb_diag_free(diag);
    if (!fuzz_resources)
        abort(); /* run from the project root, or set CSB_FUZZ_DATADIR */
    /* Relative paths in a config are relative to its folder: a fresh one. */
    char *dir = g_dir_make_tmp("csbrief-fuzz-config-XXXXXX", NULL);
    fuzz_path = g_build_filename(dir, "config.yaml", NULL);
    g_free(dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!g_file_set_contents(fuzz_path, (const char *)data, (gssize)size, NULL))
        abort();
    CsbDiag *diag = csb_diag_new();
    CsbConfigRefs refs = csb_resources_refs(fuzz_resources);
    CsbConfig *cfg = csb_config_load(fuzz_path, &refs, diag);
    int errors = csb_diag_count(diag, CSB_SEV_ERROR);
    if (cfg ? errors != 0 : errors == 0)
        abort(); /* errors mean no config; no config has a reason */
    for (guint i = 0; i < diag->items->len; i++) {
        char *line = csb_error_format(diag->items->pdata[i]);
        if (!*line || strchr(line, '\n'))
            abort(); /* every message is one line */
        g_free(line);
    }
    const CsbAuthority *a = csb_authorities_at(fuzz_resources->authorities, 0);
    for (guint b = 0; cfg && b < cfg->briefings->len; b++) {
        CsbBriefingSpec *spec = csb_briefing_spec_for(cfg->briefings->pdata[b], a);
        char *root = csb_output_fixed_dir(spec->output);
        g_free(root);
        csb_briefing_spec_free(spec);
    }
    csb_config_free(cfg);
    csb_diag_free(diag);
    return 0;
}
