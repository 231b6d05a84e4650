/* cmd_build.c - `csbrief build CONFIG...`: render the briefings each
 * config declares, skipping those whose inputs have not changed. Configs
 * are all validated first: when any is invalid nothing is written and the
 * exit status is 2. A briefing that fails keeps its last good PDF and does
 * not stop the others (exit status 1). When another run holds an output
 * folder, nothing is done and the exit status is 75. With --fetch, the
 * configs' 'fetch' sections are fetched first (cmd_fetch.c) and the
 * summary names the new reports and the briefings they rebuilt. SIGTERM,
 * SIGINT or SIGHUP stop the run in order (exit status 128 + the signal's
 * number). docs/nightly.md describes the run, its log and its files.
 */
#include "cli.h"

#include <signal.h>
#include <unistd.h>

static GPtrArray *load_configs(int argc, char **argv, const CsbResources *res)
{
    GPtrArray *configs = g_ptr_array_new_with_free_func((GDestroyNotify)csb_config_free);
    gboolean valid = TRUE;
    for (int i = 1; i < argc; i++) {
        CsbConfig *cfg = csb_cli_config(argv[i], res);
        if (cfg)
            g_ptr_array_add(configs, cfg);
        else
            valid = FALSE;
    }
    if (!valid)
        g_clear_pointer(&configs, g_ptr_array_unref);
    return configs;
}

/* The fetch before the build: its exit status, the files it downloaded in
 * new_files, and *configs loaded again so they read those files. */
static int fetch_first(GPtrArray **configs, int argc, char **argv, const CsbResources *res,
                       CsbLogFormat format, gboolean quiet, gboolean bar, const char *command,
                       GPtrArray *new_files)
{
    CsbFetchLog *log = csb_fetch_log_new(format, quiet, bar, stdout, stderr);
    int rc = csb_cli_fetch(*configs, res, log, command, new_files);
    csb_fetch_log_free(log);
    if (rc == CSB_EXIT_LOCKED || rc == CSB_EXIT_USAGE)
        return rc;
    g_ptr_array_unref(*configs);
    *configs = load_configs(argc, argv, res);
    return *configs ? rc : CSB_EXIT_USAGE;
}

int csb_cmd_build(int argc, char **argv)
{
    int jobs = 0;
    gboolean force = FALSE, dry_run = FALSE, quiet = FALSE, no_progress = FALSE, fetch = FALSE;
    gboolean reference = FALSE;
    char *log_format = NULL;
    GOptionEntry entries[] = {
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Briefings rendered at once (default: cores)",
         "N"},
        {"force", 'f', 0, G_OPTION_ARG_NONE, &force, "Rebuild every briefing, changed or not",
         NULL},
        {"dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
         "List what would be built and why; write nothing", NULL},
        {"fetch", 0, 0, G_OPTION_ARG_NONE, &fetch,
         "First download new Ofsted reports for the configs with a 'fetch' section", NULL},
        {"reference-analysis", 0, 0, G_OPTION_ARG_NONE, &reference,
         "Each briefing analyses its reports itself, the plain slow way: a check that the "
         "shared analysis changes nothing", NULL},
        CSB_CLI_LOG_OPTIONS(quiet, log_format, no_progress),
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    char *command = csb_cli_command_line("build", argc, argv);
    CsbLogFormat format = CSB_LOG_TEXT;
    gboolean usage = !csb_cli_parse("build", "CONFIG...", "render the briefings a config declares",
                                    entries, &argc, &argv) ||
                     !csb_cli_log_format("build", log_format, &format);
    g_free(log_format);
    if (!usage && argc < 2) {
        fprintf(stderr, "csbrief build: no config given\nTry 'csbrief build --help'.\n");
        usage = TRUE;
    }
    if (!usage && jobs < 0) {
        fprintf(stderr, "csbrief build: --jobs must be 1 or more\n");
        usage = TRUE;
    }
    if (!usage && fetch && dry_run) {
        fprintf(stderr, "csbrief build: --fetch downloads, which --dry-run may not; run "
                        "'csbrief build --dry-run' alone\n");
        usage = TRUE;
    }
    /* A file-size limit (ulimit -f) then fails a write with EFBIG, told as
     * an error like a full disk, instead of killing the process. */
    signal(SIGXFSZ, SIG_IGN);
    CsbResources *res = usage ? NULL : csb_cli_resources();
    GPtrArray *configs = res ? load_configs(argc, argv, res) : NULL;
    int rc = CSB_EXIT_USAGE;
    gboolean bar = !no_progress && isatty(STDOUT_FILENO) && isatty(STDERR_FILENO);
    GPtrArray *new_files = fetch ? g_ptr_array_new_with_free_func(g_free) : NULL;
    int fetched = CSB_EXIT_OK;
    if (configs && fetch)
        fetched = fetch_first(&configs, argc, argv, res, format, quiet, bar, command, new_files);
    if (configs && (fetched == CSB_EXIT_OK || fetched == CSB_EXIT_FAILED)) {
        CsbBuildLog *log = csb_build_log_new(format, quiet, bar, stdout, stderr);
        char *exe = g_file_read_link("/proc/self/exe", NULL);
        CsbBatchOptions opt = {.jobs = jobs,
                               .force = force,
                               .dry_run = dry_run,
                               .command = command,
                               .exe_path = exe,
                               .new_reports = new_files,
                               .reference = reference};
        int threads = jobs > 0 ? jobs : (int)g_get_num_processors();
        csb_build_log_started(log, configs->len, threads, force, dry_run);
        switch (csb_batch_run(configs, res, &opt, csb_build_log_event, log)) {
        case CSB_BATCH_OK: rc = fetched; break;
        case CSB_BATCH_FAILED: rc = CSB_EXIT_FAILED; break;
        case CSB_BATCH_INVALID: rc = CSB_EXIT_USAGE; break;
        case CSB_BATCH_LOCKED: rc = CSB_EXIT_LOCKED; break;
        case CSB_BATCH_STOPPED: rc = 128 + csb_build_log_stopped_by(log); break;
        }
        g_free(exe);
        csb_build_log_free(log);
    } else if (configs) {
        rc = fetched;
    }
    if (new_files)
        g_ptr_array_free(new_files, TRUE);
    if (configs)
        g_ptr_array_unref(configs);
    csb_resources_free(res);
    g_free(command);
    return rc;
}
