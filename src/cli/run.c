/* run.c - what the commands share: loading the resources from the data
 * directory and loading configs against them, with errors printed.
 */
#include "cli.h"

CsbResources *csb_cli_resources(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbResources *res = csb_resources_load(csb_cli.datadir, diag);
    csb_diag_print(diag, stderr);
    if (!res)
        fprintf(stderr, "csbrief: the data directory %s is incomplete; set CSBRIEF_DATADIR or "
                        "reinstall\n",
                csb_cli.datadir);
    csb_diag_free(diag);
    return res;
}

CsbConfig *csb_cli_config(const char *path, const CsbResources *res)
{
    CsbDiag *diag = csb_diag_new();
    CsbConfigRefs refs = csb_resources_refs(res);
    CsbConfig *cfg = csb_config_load(path, &refs, diag);
    csb_diag_print(diag, stderr);
    csb_diag_free(diag);
    return cfg;
}
