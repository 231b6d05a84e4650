/* cmd_build.c - `csbrief build CONFIG...`: render the briefings each
 * config declares, skipping those whose inputs have not changed. Configs
 * are all validated first: when any is invalid nothing is written and the
 * exit status is 2. A briefing that fails keeps its last good PDF and does
 * not stop the others (exit status 1). When another run holds an output
 * folder, nothing is done and the exit status is 75. SIGTERM, SIGINT or
 * SIGHUP stop the run in order (exit status 128 + the signal's number).
 * docs/nightly.md describes the run, its log and its files.
 */
#include "build_log.h"
#include "cli.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

static char *command_line(int argc, char **argv)
{
    GString *s = g_string_new("csbrief build");
    for (int i = 1; i < argc; i++)
        g_string_append_printf(s, " %s", argv[i]);
    return g_string_free(s, FALSE);
}

int csb_cmd_build(int argc, char **argv)
{
    int jobs = 0;
    gboolean force = FALSE, dry_run = FALSE, quiet = FALSE, no_progress = FALSE;
    char *log_format = NULL;
    GOptionEntry entries[] = {
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Briefings rendered at once (default: cores)",
         "N"},
        {"force", 'f', 0, G_OPTION_ARG_NONE, &force, "Rebuild every briefing, changed or not",
         NULL},
        {"dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
         "List what would be built and why; write nothing", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
         "Print only failures, and the summary when something failed (for cron)", NULL},
        {"log-format", 0, 0, G_OPTION_ARG_STRING, &log_format,
         "text (default): one timestamped line per event; json: one JSON object per line",
         "FORMAT"},
        {"no-progress", 0, 0, G_OPTION_ARG_NONE, &no_progress,
         "On a terminal, log lines instead of a progress bar", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    char *command = command_line(argc, argv);
    if (!csb_cli_parse("build", "CONFIG...", "render the briefings a config declares", entries,
                       &argc, &argv)) {
        g_free(command);
        return CSB_EXIT_USAGE;
    }
    CsbLogFormat format = CSB_LOG_TEXT;
    int usage = 0;
    if (log_format && strcmp(log_format, "json") == 0) {
        format = CSB_LOG_JSON;
    } else if (log_format && strcmp(log_format, "text") != 0) {
        fprintf(stderr, "csbrief build: unknown log format '%s': use text or json\n",
                log_format);
        usage = 1;
    }
    g_free(log_format);
    if (!usage && argc < 2) {
        fprintf(stderr, "csbrief build: no config given\nTry 'csbrief build --help'.\n");
        usage = 1;
    }
    if (!usage && jobs < 0) {
        fprintf(stderr, "csbrief build: --jobs must be 1 or more\n");
        usage = 1;
    }
    if (usage) {
        g_free(command);
        return CSB_EXIT_USAGE;
    }
    /* A file-size limit (ulimit -f) then fails a write with EFBIG, told as
     * an error like a full disk, instead of killing the process. */
    signal(SIGXFSZ, SIG_IGN);
    CsbResources *res = csb_cli_resources();
    if (!res) {
        g_free(command);
        return CSB_EXIT_USAGE;
    }
    GPtrArray *configs = g_ptr_array_new_with_free_func((GDestroyNotify)csb_config_free);
    gboolean valid = TRUE;
    for (int i = 1; i < argc; i++) {
        CsbConfig *cfg = csb_cli_config(argv[i], res);
        if (cfg)
            g_ptr_array_add(configs, cfg);
        else
            valid = FALSE;
    }
    int rc = CSB_EXIT_USAGE;
    if (valid) {
        gboolean bar = !no_progress && isatty(STDOUT_FILENO) && isatty(STDERR_FILENO);
        CsbBuildLog *log = csb_build_log_new(format, quiet, bar, stdout, stderr);
        char *exe = g_file_read_link("/proc/self/exe", NULL);
        CsbBatchOptions opt = {jobs, force, dry_run, command, exe};
        int threads = jobs > 0 ? jobs : (int)g_get_num_processors();
        csb_build_log_started(log, configs->len, threads, force, dry_run);
        switch (csb_batch_run(configs, res, &opt, csb_build_log_event, log)) {
        case CSB_BATCH_OK: rc = CSB_EXIT_OK; break;
        case CSB_BATCH_FAILED: rc = CSB_EXIT_FAILED; break;
        case CSB_BATCH_INVALID: rc = CSB_EXIT_USAGE; break;
        case CSB_BATCH_LOCKED: rc = CSB_EXIT_LOCKED; break;
        case CSB_BATCH_STOPPED: rc = 128 + csb_build_log_stopped_by(log); break;
        }
        g_free(exe);
        csb_build_log_free(log);
    }
    g_ptr_array_free(configs, TRUE);
    csb_resources_free(res);
    g_free(command);
    return rc;
}
