/* run.c - what the commands share: loading the resources from the data
 * directory and loading configs against them, with errors printed.
 */
#include "cli.h"

#include <string.h>

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

char *csb_cli_command_line(const char *command, int argc, char **argv)
{
    GString *s = g_string_new("csbrief ");
    g_string_append(s, command);
    for (int i = 1; i < argc; i++)
        g_string_append_printf(s, " %s", argv[i]);
    return g_string_free(s, FALSE);
}

gboolean csb_cli_log_format(const char *command, const char *name, CsbLogFormat *format)
{
    *format = CSB_LOG_TEXT;
    if (!name || strcmp(name, "text") == 0)
        return TRUE;
    if (strcmp(name, "json") == 0) {
        *format = CSB_LOG_JSON;
        return TRUE;
    }
    fprintf(stderr, "csbrief %s: unknown log format '%s': use text or json\n", command, name);
    return FALSE;
}
