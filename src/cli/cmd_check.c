/* cmd_check.c - `csbrief check CONFIG...`: validate configs, read every
 * report they point at, and check every output as build would (never an
 * input, never a file csbrief did not write), printing each problem;
 * writes nothing.
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
    GPtrArray *configs = g_ptr_array_new_with_free_func((GDestroyNotify)csb_config_free);
    GPtrArray *names = g_ptr_array_new();
    for (int i = 1; i < argc; i++) {
        CsbConfig *cfg = csb_cli_config(argv[i], res);
        if (cfg) {
            g_ptr_array_add(configs, cfg);
            g_ptr_array_add(names, argv[i]);
        } else {
            rc = CSB_EXIT_USAGE;
        }
    }
    /* Outputs are checked against the inputs of all the configs given,
     * as one build of them all would. */
    CsbInputSet *inputs = csb_input_set_new(configs, res);
    for (guint i = 0; i < configs->len; i++) {
        const CsbConfig *cfg = configs->pdata[i];
        CsbDiag *diag = csb_diag_new();
        GPtrArray *reports = csb_build_read_reports(cfg, res, diag);
        gboolean over_input = csb_build_check_outputs(cfg, inputs, res, reports, diag);
        csb_diag_print(diag, stderr);
        int errors = csb_diag_count(diag, CSB_SEV_ERROR);
        printf("%s: %u briefing%s, %u of %u reports read%s\n", (const char *)names->pdata[i],
               cfg->briefings->len, cfg->briefings->len == 1 ? "" : "s", reports->len,
               cfg->reports->len, errors ? "" : ", no problems");
        /* An output that is an input is a config error, as in build. */
        if (over_input)
            rc = CSB_EXIT_USAGE;
        else if (errors && rc == CSB_EXIT_OK)
            rc = CSB_EXIT_FAILED;
        g_ptr_array_free(reports, TRUE);
        csb_diag_free(diag);
    }
    csb_input_set_free(inputs);
    g_ptr_array_free(names, TRUE);
    g_ptr_array_free(configs, TRUE);
    csb_resources_free(res);
    return rc;
}
