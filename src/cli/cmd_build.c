/* cmd_build.c - `csbrief build CONFIG...`: render the briefings each
 * config declares. Configs are all validated first: when any is invalid
 * nothing is written and the exit status is 2. A briefing that fails keeps
 * its last good PDF and does not stop the others (exit status 1).
 */
#include "cli.h"

int csb_cmd_build(int argc, char **argv)
{
    int jobs = 0;
    gboolean force = FALSE, dry_run = FALSE;
    GOptionEntry entries[] = {
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Briefings rendered at once (default: cores)",
         "N"},
        {"force", 'f', 0, G_OPTION_ARG_NONE, &force, "Rebuild every briefing", NULL},
        {"dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, "List what would be built; write nothing",
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    if (!csb_cli_parse("build", "CONFIG...", "render the briefings a config declares", entries,
                       &argc, &argv))
        return CSB_EXIT_USAGE;
    if (argc < 2) {
        fprintf(stderr, "csbrief build: no config given\nTry 'csbrief build --help'.\n");
        return CSB_EXIT_USAGE;
    }
    if (jobs < 0) {
        fprintf(stderr, "csbrief build: --jobs must be 1 or more\n");
        return CSB_EXIT_USAGE;
    }
    CsbResources *res = csb_cli_resources();
    if (!res)
        return CSB_EXIT_USAGE;
    GPtrArray *configs = g_ptr_array_new_with_free_func((GDestroyNotify)csb_config_free);
    gboolean valid = TRUE;
    for (int i = 1; i < argc; i++) {
        CsbConfig *cfg = csb_cli_config(argv[i], res);
        if (cfg)
            g_ptr_array_add(configs, cfg);
        else
            valid = FALSE;
    }
    int rc = valid ? CSB_EXIT_OK : CSB_EXIT_USAGE;
    int built = 0, failed = 0;
    for (guint c = 0; valid && c < configs->len; c++) {
        const CsbConfig *cfg = configs->pdata[c];
        CsbDiag *diag = csb_diag_new();
        GPtrArray *reports = dry_run ? NULL : csb_build_read_reports(cfg, res, diag);
        for (guint b = 0; b < cfg->briefings->len; b++) {
            const CsbBriefingSpec *spec = cfg->briefings->pdata[b];
            if (dry_run) {
                printf("would build %s (%s, %s)\n", spec->output, spec->template_id,
                       cfg->authority ? cfg->authority : "all");
                continue;
            }
            CsbDiag *one = csb_diag_new();
            gboolean ok = csb_build_briefing(spec, cfg, res, reports, cfg->authority, one);
            csb_diag_print(one, stderr);
            printf("%s %s\n", ok ? "built" : "FAILED", spec->output);
            csb_diag_free(one);
            ok ? built++ : failed++;
        }
        if (reports) {
            csb_diag_print(diag, stderr);
            if (csb_diag_count(diag, CSB_SEV_ERROR))
                rc = CSB_EXIT_FAILED;
            g_ptr_array_free(reports, TRUE);
        }
        csb_diag_free(diag);
    }
    if (valid && !dry_run)
        printf("%d built, %d failed\n", built, failed);
    if (failed)
        rc = CSB_EXIT_FAILED;
    g_ptr_array_free(configs, TRUE);
    csb_resources_free(res);
    (void)force;
    return rc;
}
