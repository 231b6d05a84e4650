/* cmd_fetch.c - `csbrief fetch CONFIG...`: download the Ofsted
 * publications the configs' authorities need into each config's 'fetch'
 * folder. Configs are all validated first (exit 2, nothing done, when any
 * is invalid or has no 'fetch' section). A failing authority or file does
 * not stop the others (exit 1); another fetch or build holding a folder
 * gives exit 75. docs/fetch.md describes the run and its files.
 */
#include "cli.h"

#include <unistd.h>

int csb_cli_fetch(const GPtrArray *configs, const CsbResources *res, CsbFetchLog *log,
                  const char *command, GPtrArray *new_files)
{
    char *site = csb_cli_data_path("data/ofsted-site.yaml");
    CsbFetchOptions opt = {command, site};
    int rc = CSB_EXIT_OK;
    switch (csb_fetch_run(configs, res, &opt, csb_fetch_log_event, log, new_files)) {
    case CSB_FETCH_OK: rc = CSB_EXIT_OK; break;
    case CSB_FETCH_FAILED: rc = CSB_EXIT_FAILED; break;
    case CSB_FETCH_INVALID: rc = CSB_EXIT_USAGE; break;
    case CSB_FETCH_LOCKED: rc = CSB_EXIT_LOCKED; break;
    }
    g_free(site);
    return rc;
}

int csb_cmd_fetch(int argc, char **argv)
{
    gboolean quiet = FALSE, no_progress = FALSE;
    char *log_format = NULL;
    GOptionEntry entries[] = {
        CSB_CLI_LOG_OPTIONS(quiet, log_format, no_progress),
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    char *command = csb_cli_command_line("fetch", argc, argv);
    const char *summary = "download the Ofsted reports the configs need";
    CsbLogFormat format = CSB_LOG_TEXT;
    gboolean usage = !csb_cli_parse("fetch", "CONFIG...", summary, entries, &argc, &argv) ||
                     !csb_cli_log_format("fetch", log_format, &format);
    g_free(log_format);
    if (!usage && argc < 2) {
        fprintf(stderr, "csbrief fetch: no config given\nTry 'csbrief fetch --help'.\n");
        usage = TRUE;
    }
    CsbResources *res = usage ? NULL : csb_cli_resources();
    GPtrArray *configs = g_ptr_array_new_with_free_func((GDestroyNotify)csb_config_free);
    gboolean valid = res != NULL;
    for (int i = 1; valid && i < argc; i++) {
        CsbConfig *cfg = csb_cli_config(argv[i], res);
        if (cfg && !cfg->fetch) {
            fprintf(stderr, "csbrief fetch: %s has no 'fetch' section: add one naming the "
                            "folder to download into and a contact, e.g.\n"
                            "  fetch: {into: reports/ofsted, contact: qa@council.gov.uk}\n",
                    argv[i]);
            csb_config_free(g_steal_pointer(&cfg));
        }
        if (cfg)
            g_ptr_array_add(configs, cfg);
        else
            valid = FALSE;
    }
    int rc = CSB_EXIT_USAGE;
    if (valid && configs->len) {
        gboolean bar = !no_progress && isatty(STDOUT_FILENO) && isatty(STDERR_FILENO);
        CsbFetchLog *log = csb_fetch_log_new(format, quiet, bar, stdout, stderr);
        csb_fetch_log_started(log, configs->len);
        rc = csb_cli_fetch(configs, res, log, command, NULL);
        csb_fetch_log_free(log);
    }
    g_ptr_array_free(configs, TRUE);
    csb_resources_free(res);
    g_free(command);
    return rc;
}
