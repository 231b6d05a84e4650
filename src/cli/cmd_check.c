/* cmd_check.c - `csbrief check CONFIG...`: validate configs and read every
 * report they point at, printing each problem; writes nothing.
 */
#include "cli.h"

#include "../parse/parse.h"

int csb_cmd_check(int argc, char **argv)
{
    if (!csb_cli_parse("check", "CONFIG...",
                       "validate configs and the reports they point at; writes nothing", NULL,
                       &argc, &argv))
        return CSB_EXIT_USAGE;
    if (argc < 2) {
        fprintf(stderr, "csbrief check: no config given\nTry 'csbrief check --help'.\n");
        return CSB_EXIT_USAGE;
    }
    CsbResources *res = csb_cli_resources();
    if (!res)
        return CSB_EXIT_USAGE;
    int rc = CSB_EXIT_OK;
    for (int i = 1; i < argc; i++) {
        CsbConfig *cfg = csb_cli_config(argv[i], res);
        if (!cfg) {
            rc = CSB_EXIT_USAGE;
            continue;
        }
        CsbDiag *diag = csb_diag_new();
        GPtrArray *reports = csb_build_read_reports(cfg, res, diag);
        csb_diag_print(diag, stderr);
        int errors = csb_diag_count(diag, CSB_SEV_ERROR);
        printf("%s: %u briefing%s, %u of %u reports read%s\n", argv[i], cfg->briefings->len,
               cfg->briefings->len == 1 ? "" : "s", reports->len, cfg->reports->len,
               errors ? "" : ", no problems");
        if (errors && rc == CSB_EXIT_OK)
            rc = CSB_EXIT_FAILED;
        g_ptr_array_free(reports, TRUE);
        csb_diag_free(diag);
        csb_config_free(cfg);
    }
    csb_resources_free(res);
    return rc;
}
