/* reports.c - the config's 'reports' (files, folders, patterns; sorted, each
 * once) and 'sources' (indexes of where report files came from), whether a
 * path is one the config reads (for `csbrief fetch`), and the warning when
 * 'fetch' downloads into a folder 'reports' does not read.
 */
#include "reader.h"

#include "../ingest/ingest.h"

#include <string.h>

static void add_dir_reports(GPtrArray *out, const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return;
    const char *name;
    while ((name = g_dir_read_name(d)))
        if (name[0] != '.' && csb_ingest_is_report_name(name))
            g_ptr_array_add(out, g_build_filename(dir, name, NULL));
    g_dir_close(d);
}

static void add_glob_reports(GPtrArray *out, const char *pattern)
{
    char *dir = g_path_get_dirname(pattern);
    char *base = g_path_get_basename(pattern);
    GPatternSpec *spec = g_pattern_spec_new(base);
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)))
        if (g_pattern_spec_match_string(spec, name) && csb_ingest_is_report_name(name))
            g_ptr_array_add(out, g_build_filename(dir, name, NULL));
    if (d)
        g_dir_close(d);
    g_pattern_spec_free(spec);
    g_free(base);
    g_free(dir);
}

/* Whether path (resolved) is the fetch folder or a pattern inside it: it
 * may be empty, or not yet exist, until `csbrief fetch` has filled it. */
static gboolean fetch_fills(const CfgReader *r, const char *path, gboolean pattern)
{
    if (!r->cfg->fetch)
        return FALSE;
    char *dir = pattern ? g_path_get_dirname(path) : g_strdup(path);
    gboolean yes = strcmp(dir, r->cfg->fetch->into) == 0;
    g_free(dir);
    return yes;
}

void cfg_read_reports(CfgReader *r, yaml_node_t *n)
{
    GPtrArray *patterns = r->cfg->report_patterns;
    if (!csb_yaml_string_list(r->y, n, "'reports'", patterns, r->diag))
        return;
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < patterns->len; i++) {
        const char *pat = patterns->pdata[i];
        char *path = cfg_resolve(r, pat);
        g_ptr_array_add(r->cfg->report_sources, g_strdup(path));
        guint before = files->len;
        if (strpbrk(pat, "*?[")) {
            add_glob_reports(files, path);
            if (files->len == before && !fetch_fills(r, path, TRUE))
                cfg_error_at(r, n, "'%s' matches no .pdf, .txt or .md report (looked in %s)", pat,
                         path);
        } else if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
            add_dir_reports(files, path);
            if (files->len == before && !fetch_fills(r, path, FALSE))
                cfg_error_at(r, n, "the folder '%s' holds no .pdf, .txt or .md report", pat);
        } else if (g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
            g_ptr_array_add(files, g_strdup(path));
        } else if (!fetch_fills(r, path, FALSE)) {
            cfg_error_at(r, n, "reports: '%s' does not exist (looked for %s); give a file, a "
                           "folder or a pattern such as reports/*.pdf",
                     pat, path);
        }
        g_free(path);
    }
    g_ptr_array_sort(files, cfg_strcmp_ptr);
    for (guint i = 0; i < files->len; i++)
        if (!i || strcmp(files->pdata[i], files->pdata[i - 1]) != 0)
            g_ptr_array_add(r->cfg->reports, g_strdup(files->pdata[i]));
    g_ptr_array_free(files, TRUE);
}

/* Indexes of where report files came from (file, published, url, title),
 * as csbrief fetch writes beside its downloads. */
void cfg_read_sources(CfgReader *r, yaml_node_t *n)
{
    GPtrArray *given = g_ptr_array_new_with_free_func(g_free);
    if (csb_yaml_string_list(r->y, n, "'sources'", given, r->diag)) {
        for (guint i = 0; i < given->len; i++) {
            char *path = cfg_resolve(r, given->pdata[i]);
            if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
                g_ptr_array_add(r->cfg->sources, path);
            else {
                cfg_error_at(r, n, "sources: '%s' does not exist (looked for %s); give an index "
                               "file such as reports/index.csv",
                         (char *)given->pdata[i], path);
                g_free(path);
            }
        }
    }
    g_ptr_array_free(given, TRUE);
}

/* Reports fetched into a folder no 'reports' entry reads would never be
 * used: say so. Without 'reports', the fetch folder is read. */
void cfg_check_fetch_read(CfgReader *r, yaml_node_t *reports)
{
    const char *into = r->cfg->fetch->into;
    if (!reports) {
        add_dir_reports(r->cfg->reports, into);
        g_ptr_array_sort(r->cfg->reports, cfg_strcmp_ptr);
        return;
    }
    for (guint i = 0; i < r->cfg->report_patterns->len; i++) {
        char *path = cfg_resolve(r, r->cfg->report_patterns->pdata[i]);
        gboolean pattern = strpbrk(r->cfg->report_patterns->pdata[i], "*?[") != NULL;
        gboolean reads = fetch_fills(r, path, pattern);
        g_free(path);
        if (reads)
            return;
    }
    csb_diag_warn(r->diag, r->cfg->path, r->cfg->fetch->line, r->cfg->fetch->column,
                  "'fetch' downloads into %s, which no entry of 'reports' reads: add it to "
                  "'reports' (or leave 'reports' out) so the briefings use what is fetched",
                  into);
}

gboolean csb_config_reads(const CsbConfig *cfg, const char *path)
{
    for (guint i = 0; i < cfg->reports->len; i++)
        if (strcmp(cfg->reports->pdata[i], path) == 0)
            return TRUE;
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    gboolean reads = FALSE;
    for (guint i = 0; !reads && i < cfg->report_sources->len; i++) {
        const char *src = cfg->report_sources->pdata[i];
        char *src_dir = g_path_get_dirname(src);
        char *src_base = g_path_get_basename(src);
        if (strpbrk(src_base, "*?["))
            reads = strcmp(src_dir, dir) == 0 && g_pattern_match_simple(src_base, base);
        else if (strcmp(src, path) == 0)
            reads = TRUE;
        else
            reads = strcmp(src, dir) == 0 && g_file_test(src, G_FILE_TEST_IS_DIR) &&
                    base[0] != '.';
        g_free(src_dir);
        g_free(src_base);
    }
    reads = reads && csb_ingest_is_report_name(base);
    g_free(dir);
    g_free(base);
    return reads;
}

