/* cmd_compare.c - `csbrief compare [--format json|csv] CONFIG`: print the
 * comparison model a briefing of the config uses.
 */
#include "cli.h"

#include <string.h>

int csb_cmd_compare(int argc, char **argv)
{
    char *format = NULL;
    GOptionEntry entries[] = {{"format", 'f', 0, G_OPTION_ARG_STRING, &format,
                               "json (default): the whole model; csv: the changes table",
                               "FORMAT"},
                              {NULL, 0, 0, 0, NULL, NULL, NULL}};
    if (!csb_cli_parse("compare", "CONFIG", "print the comparison model a briefing uses",
                       entries, &argc, &argv))
        return CSB_EXIT_USAGE;
    gboolean csv = format && strcmp(format, "csv") == 0;
    if (format && !csv && strcmp(format, "json") != 0) {
        fprintf(stderr, "csbrief compare: unknown format '%s': use json or csv\n", format);
        g_free(format);
        return CSB_EXIT_USAGE;
    }
    g_free(format);
    if (argc != 2) {
        fprintf(stderr, "csbrief compare: give exactly one config\n"
                        "Try 'csbrief compare --help'.\n");
        return CSB_EXIT_USAGE;
    }
    CsbResources *res = csb_cli_resources();
    if (!res)
        return CSB_EXIT_USAGE;
    CsbConfig *cfg = csb_cli_config(argv[1], res);
    if (!cfg) {
        csb_resources_free(res);
        return CSB_EXIT_USAGE;
    }
    int rc = CSB_EXIT_OK;
    if (!cfg->authority) {
        fprintf(stderr, "csbrief compare: %s: 'authority: all' has no single comparison; "
                        "name one authority\n",
                argv[1]);
        rc = CSB_EXIT_USAGE;
    } else {
        CsbDiag *diag = csb_diag_new();
        GPtrArray *reports = csb_build_read_reports(cfg, res, diag);
        csb_diag_print(diag, stderr);
        if (csb_diag_count(diag, CSB_SEV_ERROR))
            rc = CSB_EXIT_FAILED;
        CsbCompareSetup setup;
        csb_build_setup(&setup, cfg, res, reports, NULL, cfg->authority);
        CsbComparison *c = csb_compare(&setup.input);
        GString *out = g_string_new(NULL);
        if (csv)
            csb_comparison_changes_csv(c, out);
        else
            csb_comparison_to_json(c, out);
        fwrite(out->str, 1, out->len, stdout);
        g_string_free(out, TRUE);
        csb_comparison_free(c);
        csb_build_setup_clear(&setup);
        g_ptr_array_free(reports, TRUE);
        csb_diag_free(diag);
    }
    csb_config_free(cfg);
    csb_resources_free(res);
    return rc;
}
