/* cli.h - the command line: one function per command, and the options
 * every command shares. The only global mutable state in csbrief is here.
 */
#ifndef CSB_CLI_H
#define CSB_CLI_H

#include "build_log.h"

/* Exit codes. */
enum {
    CSB_EXIT_OK = 0,
    CSB_EXIT_FAILED = 1,   /* some inputs or briefings failed, others done */
    CSB_EXIT_USAGE = 2,    /* usage or config error: nothing written */
    CSB_EXIT_LOCKED = 75,  /* another run holds the output directory (EX_TEMPFAIL) */
};

typedef struct {
    char *datadir; /* templates/, fonts/, data/ live here */
} CsbCliOptions;

extern CsbCliOptions csb_cli;

int csb_cmd_build(int argc, char **argv);
int csb_cmd_check(int argc, char **argv);
int csb_cmd_extract(int argc, char **argv);
int csb_cmd_compare(int argc, char **argv);
int csb_cmd_fetch(int argc, char **argv);

/* Path of a file under the data directory (templates/x.yaml, data/y.csv). */
char *csb_cli_data_path(const char *relative);
/* Resources from the data directory, or NULL (errors printed). */
CsbResources *csb_cli_resources(void);
/* A validated config, or NULL (errors printed). */
CsbConfig *csb_cli_config(const char *path, const CsbResources *res);
/* The options build and fetch share for their log, as GOptionEntry
 * initialisers: --quiet, --log-format, --no-progress. */
#define CSB_CLI_LOG_OPTIONS(quiet, log_format, no_progress)                                   \
    {"quiet", 'q', 0, G_OPTION_ARG_NONE, &(quiet),                                           \
     "Print only failures, and the summary when something failed (for cron)", NULL},          \
        {"log-format", 0, 0, G_OPTION_ARG_STRING, &(log_format),                             \
         "text (default): one timestamped line per event; json: one JSON object per line",    \
         "FORMAT"},                                                                           \
        {"no-progress", 0, 0, G_OPTION_ARG_NONE, &(no_progress),                             \
         "On a terminal, log lines instead of a progress bar", NULL}

/* "csbrief COMMAND ARG..." as typed, for the lock's description (owned). */
char *csb_cli_command_line(const char *command, int argc, char **argv);
/* --log-format's value (NULL: text); FALSE (printed) when unknown. */
gboolean csb_cli_log_format(const char *command, const char *name, CsbLogFormat *format);
/* Fetch for the configs with a 'fetch' section (cmd_fetch.c); the exit
 * status. The files downloaded are added to new_files when not NULL. */
int csb_cli_fetch(const GPtrArray *configs, const CsbResources *res, CsbFetchLog *log,
                  const char *command, GPtrArray *new_files);
/* Parse options for a command; prints usage errors and returns FALSE. */
gboolean csb_cli_parse(const char *command, const char *args, const char *summary,
                       GOptionEntry *entries, int *argc, char ***argv);

#endif
