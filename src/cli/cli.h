/* cli.h - the command line: one function per command, and the options
 * every command shares. The only global mutable state in csbrief is here.
 */
#ifndef CSB_CLI_H
#define CSB_CLI_H

#include "../build/build.h"

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

/* Path of a file under the data directory (templates/x.yaml, data/y.csv). */
char *csb_cli_data_path(const char *relative);
/* Resources from the data directory, or NULL (errors printed). */
CsbResources *csb_cli_resources(void);
/* A validated config, or NULL (errors printed). */
CsbConfig *csb_cli_config(const char *path, const CsbResources *res);
/* Parse options for a command; prints usage errors and returns FALSE. */
gboolean csb_cli_parse(const char *command, const char *args, const char *summary,
                       GOptionEntry *entries, int *argc, char ***argv);

#endif
