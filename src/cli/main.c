/* main.c - csbrief's entry point: find the data directory, dispatch to a
 * command. Everything else lives in the commands and the library.
 */
#include "cli.h"

#include <cairo.h>

#include <locale.h>
#include <string.h>
#include <unistd.h>

CsbCliOptions csb_cli;

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *summary;
} commands[] = {
    {"build", csb_cmd_build, "render the briefings a config declares"},
    {"check", csb_cmd_check, "validate configs and the reports they point at; writes nothing"},
    {"extract", csb_cmd_extract, "print what was read from reports (CSV or JSON)"},
    {"compare", csb_cmd_compare, "print the comparison model a briefing uses"},
    {"fetch", csb_cmd_fetch, "download the Ofsted reports the configs need"},
};

static void usage(FILE *out)
{
    fprintf(out, "Usage: csbrief COMMAND [OPTIONS] ARGS...\n\n"
                 "Briefing PDFs from Ofsted inspection reports of children's services.\n\n"
                 "Commands:\n");
    for (guint i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'csbrief COMMAND --help' describes a command's options.\n"
                 "  --version  print the version\n");
}

static gboolean has_templates(const char *dir)
{
    char *probe = g_build_filename(dir, "templates", "briefing-pack.yaml", NULL);
    gboolean ok = g_file_test(probe, G_FILE_TEST_IS_REGULAR);
    g_free(probe);
    return ok;
}

/* $CSBRIEF_DATADIR, else the source tree the binary was built in (build/..),
 * else the installed share directory. */
static char *find_datadir(const char *argv0)
{
    const char *env = g_getenv("CSBRIEF_DATADIR");
    if (env && *env)
        return g_strdup(env);
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (!exe)
        exe = g_strdup(argv0);
    char *bindir = g_path_get_dirname(exe);
    char *up = g_build_filename(bindir, "..", NULL);
    char *tree = g_canonicalize_filename(up, NULL);
    g_free(up);
    g_free(bindir);
    g_free(exe);
    if (has_templates(tree))
        return tree;
    g_free(tree);
    return g_strdup(CSB_DATADIR);
}

char *csb_cli_data_path(const char *relative)
{
    return g_build_filename(csb_cli.datadir, relative, NULL);
}

gboolean csb_cli_parse(const char *command, const char *args, const char *summary,
                       GOptionEntry *entries, int *argc, char ***argv)
{
    char *param = g_strdup_printf("%s - %s", args, summary);
    GOptionContext *ctx = g_option_context_new(param);
    g_free(param);
    char *prog = g_strdup_printf("csbrief %s", command);
    g_set_prgname(prog);
    g_free(prog);
    if (entries)
        g_option_context_add_main_entries(ctx, entries, NULL);
    GError *err = NULL;
    gboolean ok = g_option_context_parse(ctx, argc, argv, &err);
    if (!ok) {
        fprintf(stderr, "csbrief %s: %s\nTry 'csbrief %s --help'.\n", command, err->message,
                command);
        g_error_free(err);
    }
    g_option_context_free(ctx);
    return ok;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc < 2) {
        usage(stderr);
        return CSB_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("csbrief %s\n", CSB_VERSION);
        return CSB_EXIT_OK;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return CSB_EXIT_OK;
    }
    for (guint i = 0; i < G_N_ELEMENTS(commands); i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            csb_cli.datadir = find_datadir(argv[0]);
            int rc = commands[i].run(argc - 1, argv + 1);
            g_free(csb_cli.datadir);
            /* Cairo keeps font faces in process-wide caches; release them so
             * leak checkers see only real leaks. Nothing of cairo is alive. */
            cairo_debug_reset_static_data();
            return rc;
        }
    }
    fprintf(stderr, "csbrief: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return CSB_EXIT_USAGE;
}
