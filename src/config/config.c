/* config.c - reading and validating a briefing config.
 *
 * Every problem is collected (not just the first) so a person can fix a
 * config in one pass; each names the line and column, what is wrong and
 * what would be right. Nothing is returned when any error was found.
 */
#include "config.h"

#include "../ingest/ingest.h"

#include <stdarg.h>

#include <string.h>

static const char *const top_keys[] = {"reports",   "authority",    "regions", "compare_with",
                                       "themes",    "briefings",    "organisation", "cache",
                                       "fetch",     "sources"};
static const char *const briefing_keys[] = {"template", "format", "output", "title",
                                            "subtitle", "organisation", "logo", "accent",
                                            "date"};

static const char *const format_ids[] = {"pdf", "xlsx", "html"};

const char *csb_format_id(CsbFormat f)
{
    return (guint)f < G_N_ELEMENTS(format_ids) ? format_ids[f] : "pdf";
}

static const char *const theme_keys[] = {"id", "title", "description", "phrases"};

typedef struct {
    CsbYaml *y;
    CsbConfig *cfg;
    const CsbConfigRefs *refs;
    CsbDiag *diag;
} Reader;

static void error_at(Reader *r, yaml_node_t *n, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
static void error_at(Reader *r, yaml_node_t *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    csb_diag_error(r->diag, r->cfg->path, csb_yaml_line(n), csb_yaml_column(n), "%s", msg);
    g_free(msg);
}

static char *join_words(const char *const *words, guint n)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < n; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", words[i]);
    return g_string_free(s, FALSE);
}

void csb_config_error_at(CsbDiag *diag, CsbYaml *y, yaml_node_t *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    csb_diag_error(diag, y->path, csb_yaml_line(n), csb_yaml_column(n), "%s", msg);
    g_free(msg);
}

void csb_config_check_keys(CsbYaml *y, yaml_node_t *map, const char *where,
                           const char *const *valid, guint n, CsbDiag *diag)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = csb_yaml_node(y, p->key);
        const char *key = csb_yaml_scalar(k);
        gboolean known = FALSE;
        for (guint i = 0; key && i < n; i++)
            known |= strcmp(key, valid[i]) == 0;
        if (known)
            continue;
        const char *near = key ? csb_text_nearest(key, valid, (int)n) : NULL;
        if (near) {
            csb_diag_error(diag, y->path, csb_yaml_line(k), csb_yaml_column(k),
                           "unknown key '%s' in %s; did you mean '%s'?", key ? key : "?",
                           where, near);
        } else {
            char *all = join_words(valid, n);
            csb_diag_error(diag, y->path, csb_yaml_line(k), csb_yaml_column(k),
                           "unknown key '%s' in %s; valid keys are: %s", key ? key : "?",
                           where, all);
            g_free(all);
        }
    }
}

static void check_keys(Reader *r, yaml_node_t *map, const char *where, const char *const *valid,
                       guint n)
{
    csb_config_check_keys(r->y, map, where, valid, n, r->diag);
}

static const char *scalar_or_error(Reader *r, yaml_node_t *n, const char *what)
{
    const char *s = csb_yaml_scalar(n);
    if (!s || !*s) {
        error_at(r, n, "%s should be a single value, not %s", what, csb_yaml_type_name(n));
        return NULL;
    }
    return s;
}

static char *resolve(Reader *r, const char *path)
{
    if (g_path_is_absolute(path))
        return g_strdup(path);
    char *joined = g_build_filename(r->cfg->dir, path, NULL);
    char *canon = g_canonicalize_filename(joined, NULL);
    g_free(joined);
    return canon;
}

/* ---- reports ---------------------------------------------------------- */

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

static int strcmp_ptr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether path (resolved) is the fetch folder or a pattern inside it: it
 * may be empty, or not yet exist, until `csbrief fetch` has filled it. */
static gboolean fetch_fills(const Reader *r, const char *path, gboolean pattern)
{
    if (!r->cfg->fetch)
        return FALSE;
    char *dir = pattern ? g_path_get_dirname(path) : g_strdup(path);
    gboolean yes = strcmp(dir, r->cfg->fetch->into) == 0;
    g_free(dir);
    return yes;
}

static void read_reports(Reader *r, yaml_node_t *n)
{
    GPtrArray *patterns = r->cfg->report_patterns;
    if (!csb_yaml_string_list(r->y, n, "'reports'", patterns, r->diag))
        return;
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < patterns->len; i++) {
        const char *pat = patterns->pdata[i];
        char *path = resolve(r, pat);
        g_ptr_array_add(r->cfg->report_sources, g_strdup(path));
        guint before = files->len;
        if (strpbrk(pat, "*?[")) {
            add_glob_reports(files, path);
            if (files->len == before && !fetch_fills(r, path, TRUE))
                error_at(r, n, "'%s' matches no .pdf, .txt or .md report (looked in %s)", pat,
                         path);
        } else if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
            add_dir_reports(files, path);
            if (files->len == before && !fetch_fills(r, path, FALSE))
                error_at(r, n, "the folder '%s' holds no .pdf, .txt or .md report", pat);
        } else if (g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
            g_ptr_array_add(files, g_strdup(path));
        } else if (!fetch_fills(r, path, FALSE)) {
            error_at(r, n, "reports: '%s' does not exist (looked for %s); give a file, a "
                           "folder or a pattern such as reports/*.pdf",
                     pat, path);
        }
        g_free(path);
    }
    g_ptr_array_sort(files, strcmp_ptr);
    for (guint i = 0; i < files->len; i++)
        if (!i || strcmp(files->pdata[i], files->pdata[i - 1]) != 0)
            g_ptr_array_add(r->cfg->reports, g_strdup(files->pdata[i]));
    g_ptr_array_free(files, TRUE);
}

/* Indexes of where report files came from (file, published, url, title),
 * as csbrief fetch writes beside its downloads. */
static void read_sources(Reader *r, yaml_node_t *n)
{
    GPtrArray *given = g_ptr_array_new_with_free_func(g_free);
    if (csb_yaml_string_list(r->y, n, "'sources'", given, r->diag)) {
        for (guint i = 0; i < given->len; i++) {
            char *path = resolve(r, given->pdata[i]);
            if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
                g_ptr_array_add(r->cfg->sources, path);
            else {
                error_at(r, n, "sources: '%s' does not exist (looked for %s); give an index "
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
static void check_fetch_read(Reader *r, yaml_node_t *reports)
{
    const char *into = r->cfg->fetch->into;
    if (!reports) {
        add_dir_reports(r->cfg->reports, into);
        g_ptr_array_sort(r->cfg->reports, strcmp_ptr);
        return;
    }
    for (guint i = 0; i < r->cfg->report_patterns->len; i++) {
        char *path = resolve(r, r->cfg->report_patterns->pdata[i]);
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

/* ---- authorities, comparators, themes --------------------------------- */

static const CsbAuthority *authority_or_error(Reader *r, yaml_node_t *n, const char *name)
{
    const CsbAuthority *a = csb_authorities_find(r->refs->authorities, name);
    if (a)
        return a;
    const char *near = csb_authorities_suggest(r->refs->authorities, name);
    if (near)
        error_at(r, n, "unknown authority '%s'; did you mean '%s'?", name, near);
    else
        error_at(r, n, "unknown authority '%s'; names are listed in data/authorities.csv", name);
    return NULL;
}

static void read_authority(Reader *r, yaml_node_t *n)
{
    const char *name = scalar_or_error(r, n, "'authority'");
    if (!name)
        return;
    if (g_ascii_strcasecmp(name, "all") == 0) {
        r->cfg->all_authorities = TRUE;
        return;
    }
    const CsbAuthority *a = authority_or_error(r, n, name);
    if (a)
        r->cfg->authority = g_strdup(a->name);
}

static void read_regions(Reader *r, yaml_node_t *n)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    if (csb_yaml_string_list(r->y, n, "'regions'", names, r->diag)) {
        const CsbAuthorities *t = r->refs->authorities;
        GPtrArray *known = g_ptr_array_new();
        for (guint i = 0; i < csb_authorities_count(t); i++) {
            const char *reg = csb_authorities_at(t, i)->region;
            gboolean seen = FALSE;
            for (guint k = 0; k < known->len && !seen; k++)
                seen = strcmp(known->pdata[k], reg) == 0;
            if (!seen)
                g_ptr_array_add(known, (gpointer)reg);
        }
        for (guint i = 0; i < names->len; i++) {
            const char *want = names->pdata[i];
            const char *match = NULL;
            for (guint k = 0; k < known->len && !match; k++)
                if (g_ascii_strcasecmp(known->pdata[k], want) == 0)
                    match = known->pdata[k];
            if (match) {
                g_ptr_array_add(r->cfg->regions, g_strdup(match));
                continue;
            }
            const char *near = csb_text_nearest(want, (const char *const *)known->pdata,
                                                (int)known->len);
            char *all = join_words((const char *const *)known->pdata, known->len);
            if (near)
                error_at(r, n, "unknown region '%s'; did you mean '%s'?", want, near);
            else
                error_at(r, n, "unknown region '%s'; regions are: %s", want, all);
            g_free(all);
        }
        g_ptr_array_free(known, TRUE);
    }
    g_ptr_array_free(names, TRUE);
    r->cfg->all_authorities = TRUE;
}

static void comparator_free(gpointer p)
{
    CsbComparator *c = p;
    g_free(c->authority);
    g_free(c);
}

static void read_compare_with(Reader *r, yaml_node_t *n)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    if (csb_yaml_string_list(r->y, n, "'compare_with'", names, r->diag)) {
        for (guint i = 0; i < names->len; i++) {
            const char *name = names->pdata[i];
            CsbComparator *c = g_new0(CsbComparator, 1);
            if (strcmp(name, "statistical-neighbours") == 0 ||
                strcmp(name, "statistical neighbours") == 0) {
                c->kind = CSB_COMPARE_NEIGHBOURS;
            } else if (strcmp(name, "region") == 0) {
                c->kind = CSB_COMPARE_REGION;
            } else {
                const CsbAuthority *a = authority_or_error(r, n, name);
                if (!a) {
                    comparator_free(c);
                    continue;
                }
                c->kind = CSB_COMPARE_NAMED;
                c->authority = g_strdup(a->name);
            }
            g_ptr_array_add(r->cfg->compare_with, c);
        }
    }
    g_ptr_array_free(names, TRUE);
}

static void read_custom_theme(Reader *r, yaml_node_t *n)
{
    check_keys(r, n, "a theme definition", theme_keys, G_N_ELEMENTS(theme_keys));
    yaml_node_t *idn = csb_yaml_get(r->y, n, "id");
    const char *id = idn ? scalar_or_error(r, idn, "a theme's 'id'") : NULL;
    if (!idn)
        error_at(r, n, "a theme definition needs an 'id' (and 'title' and 'phrases')");
    yaml_node_t *phn = csb_yaml_get(r->y, n, "phrases");
    GPtrArray *phrases = g_ptr_array_new_with_free_func(g_free);
    if (!phn)
        error_at(r, n, "theme '%s' needs 'phrases': the words that signal it", id ? id : "?");
    else
        csb_yaml_string_list(r->y, phn, "'phrases'", phrases, r->diag);
    if (id && phrases->len) {
        const char *title = csb_yaml_scalar(csb_yaml_get(r->y, n, "title"));
        const char *desc = csb_yaml_scalar(csb_yaml_get(r->y, n, "description"));
        CsbTheme *t = csb_theme_new(id, title ? title : id, desc ? desc : "");
        for (guint i = 0; i < phrases->len; i++)
            g_ptr_array_add(t->phrases, g_utf8_strdown(phrases->pdata[i], -1));
        g_ptr_array_add(r->cfg->custom_themes, t);
        g_ptr_array_add(r->cfg->theme_ids, g_strdup(id));
    }
    g_ptr_array_free(phrases, TRUE);
}

static void read_themes(Reader *r, yaml_node_t *n)
{
    if (n->type != YAML_SEQUENCE_NODE) {
        error_at(r, n, "'themes' should be a list of theme ids (see templates/themes.yaml) "
                       "or theme definitions, not %s",
                 csb_yaml_type_name(n));
        return;
    }
    const CsbThemeLibrary *lib = r->refs->themes;
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top;
         i++) {
        yaml_node_t *item = csb_yaml_node(r->y, *i);
        if (item->type == YAML_MAPPING_NODE) {
            read_custom_theme(r, item);
            continue;
        }
        const char *id = scalar_or_error(r, item, "each theme");
        if (!id)
            continue;
        if (csb_themes_find(lib, id)) {
            g_ptr_array_add(r->cfg->theme_ids, g_strdup(id));
            continue;
        }
        const char **ids = g_new(const char *, csb_themes_count(lib));
        for (guint k = 0; k < csb_themes_count(lib); k++)
            ids[k] = csb_themes_at(lib, k)->id;
        const char *near = csb_text_nearest(id, ids, (int)csb_themes_count(lib));
        if (near)
            error_at(r, item, "unknown theme '%s'; did you mean '%s'?", id, near);
        else
            error_at(r, item, "unknown theme '%s'; theme ids are listed in "
                              "templates/themes.yaml, or define one with id, title and phrases",
                     id);
        g_free(ids);
    }
}

/* ---- briefings -------------------------------------------------------- */

static void briefing_free(gpointer p)
{
    csb_briefing_spec_free(p);
}

static gboolean is_colour(const char *s)
{
    if (strlen(s) != 7 || s[0] != '#')
        return FALSE;
    for (int i = 1; i < 7; i++)
        if (!g_ascii_isxdigit(s[i]))
            return FALSE;
    return TRUE;
}

static char *optional_string(Reader *r, yaml_node_t *map, const char *key)
{
    yaml_node_t *n = csb_yaml_get(r->y, map, key);
    if (!n)
        return NULL;
    char *what = g_strdup_printf("'%s'", key);
    const char *s = scalar_or_error(r, n, what);
    g_free(what);
    return s ? g_strdup(s) : NULL;
}

/* Whether a template's scope is national (one briefing over every
 * authority): its 'scope' key. The template's other keys are read when it
 * is used. */
static gboolean template_national(const char *templates_dir, const char *id)
{
    char *name = g_strdup_printf("%s.yaml", id);
    char *path = g_build_filename(templates_dir, name, NULL);
    CsbDiag *quiet = csb_diag_new();
    CsbYaml *y = csb_yaml_load(path, quiet);
    const char *scope = y ? csb_yaml_scalar(csb_yaml_get(y, csb_yaml_root(y), "scope")) : NULL;
    gboolean national = scope && strcmp(scope, "national") == 0;
    csb_yaml_free(y);
    csb_diag_free(quiet);
    g_free(path);
    g_free(name);
    return national;
}

/* The format a briefing is written as: its 'format', else its output's
 * extension; FALSE with an error when they disagree or neither is known. */
static gboolean read_format(Reader *r, yaml_node_t *n, const char *out, CsbFormat *format)
{
    yaml_node_t *fn = csb_yaml_get(r->y, n, "format");
    const char *given = fn ? scalar_or_error(r, fn, "'format'") : NULL;
    const char *dot = out ? strrchr(out, '.') : NULL;
    int by_name = -1, by_ext = -1;
    for (guint i = 0; i < G_N_ELEMENTS(format_ids); i++) {
        if (given && strcmp(given, format_ids[i]) == 0)
            by_name = (int)i;
        if (dot && strcmp(dot + 1, format_ids[i]) == 0)
            by_ext = (int)i;
    }
    if (given && by_name < 0) {
        const char *near = csb_text_nearest(given, format_ids, G_N_ELEMENTS(format_ids));
        error_at(r, fn, "unknown format '%s'; formats are pdf, xlsx and html%s%s%s", given,
                 near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
        return FALSE;
    }
    if (!out)
        return FALSE;
    if (by_ext < 0) {
        error_at(r, csb_yaml_get(r->y, n, "output"),
                 "'output' should name a .pdf, .xlsx or .html file, not '%s'", out);
        return FALSE;
    }
    if (by_name >= 0 && by_name != by_ext) {
        error_at(r, csb_yaml_get(r->y, n, "output"),
                 "'output' should name a .%s file for format %s, not '%s'",
                 format_ids[by_name], format_ids[by_name], out);
        return FALSE;
    }
    *format = (CsbFormat)by_ext;
    return TRUE;
}

static void read_briefing(Reader *r, yaml_node_t *n, GPtrArray *template_ids,
                          const char *default_org)
{
    if (n->type != YAML_MAPPING_NODE) {
        error_at(r, n, "each briefing should be a mapping with 'template' and 'output', not %s",
                 csb_yaml_type_name(n));
        return;
    }
    check_keys(r, n, "a briefing", briefing_keys, G_N_ELEMENTS(briefing_keys));
    CsbBriefingSpec *b = g_new0(CsbBriefingSpec, 1);
    b->line = csb_yaml_line(n);
    b->column = csb_yaml_column(n);
    gboolean ok = TRUE;
    yaml_node_t *tn = csb_yaml_get(r->y, n, "template");
    const char *tid = tn ? scalar_or_error(r, tn, "'template'") : NULL;
    if (!tn) {
        char *all = join_words((const char *const *)template_ids->pdata, template_ids->len);
        error_at(r, n, "a briefing needs a 'template': one of %s", all);
        g_free(all);
        ok = FALSE;
    } else if (tid) {
        gboolean known = FALSE;
        for (guint i = 0; i < template_ids->len; i++)
            known |= strcmp(template_ids->pdata[i], tid) == 0;
        if (!known) {
            const char *near = csb_text_nearest(tid, (const char *const *)template_ids->pdata,
                                                (int)template_ids->len);
            char *all = join_words((const char *const *)template_ids->pdata, template_ids->len);
            if (near)
                error_at(r, tn, "unknown template '%s'; did you mean '%s'?", tid, near);
            else
                error_at(r, tn, "unknown template '%s'; templates are: %s", tid, all);
            g_free(all);
            ok = FALSE;
        }
        b->template_id = g_strdup(tid);
        b->national = known && template_national(r->refs->templates_dir, tid);
    } else {
        ok = FALSE;
    }
    yaml_node_t *on = csb_yaml_get(r->y, n, "output");
    const char *out = on ? scalar_or_error(r, on, "'output'") : NULL;
    if (!on) {
        error_at(r, n, "a briefing needs an 'output': the file to write, e.g. "
                       "out/briefing.pdf (or .xlsx, .html)");
        ok = FALSE;
    } else if (out && !read_format(r, n, out, &b->format)) {
        ok = FALSE;
    } else if (out) {
        char *problem = NULL;
        CsbOutputScope scope = b->national            ? CSB_OUTPUT_NATIONAL
                               : r->cfg->all_authorities ? CSB_OUTPUT_EACH
                                                         : CSB_OUTPUT_ONE;
        if (!csb_output_check(out, scope, &problem)) {
            error_at(r, on, "%s", problem);
            ok = FALSE;
        }
        g_free(problem);
        b->output = resolve(r, out);
        b->root = csb_output_fixed_dir(b->output);
        if (ok && (r->cfg->authority || b->national) && csb_output_has_placeholder(b->output)) {
            /* One authority (or none): the placeholders are known now. */
            const CsbAuthority *a =
                b->national ? NULL : csb_authorities_find(r->refs->authorities, r->cfg->authority);
            char *concrete = csb_output_expand(b->output, a, b->template_id);
            g_free(b->output);
            b->output = concrete;
        }
    }
    b->title = optional_string(r, n, "title");
    b->subtitle = optional_string(r, n, "subtitle");
    b->organisation = optional_string(r, n, "organisation");
    if (!b->organisation && default_org)
        b->organisation = g_strdup(default_org);
    char *logo = optional_string(r, n, "logo");
    if (logo) {
        b->logo = resolve(r, logo);
        gsize len = 0;
        char *data = csb_file_read(b->logo, &len, NULL);
        if (!data)
            error_at(r, csb_yaml_get(r->y, n, "logo"), "logo '%s' does not exist", logo);
        else if (len < 8 || memcmp(data, "\x89PNG\r\n\x1a\n", 8) != 0)
            error_at(r, csb_yaml_get(r->y, n, "logo"), "logo '%s' is not a PNG image", logo);
        g_free(data);
        g_free(logo);
    }
    b->accent = optional_string(r, n, "accent");
    if (b->accent && !is_colour(b->accent)) {
        error_at(r, csb_yaml_get(r->y, n, "accent"),
                 "accent '%s' is not a colour; write it as \"#rrggbb\", e.g. \"#1d70b8\" "
                 "(quoted, since # starts a YAML comment)",
                 b->accent);
        ok = FALSE;
    }
    char *date = optional_string(r, n, "date");
    if (date) {
        b->date = csb_date_from_iso(date);
        if (!csb_date_valid(b->date))
            error_at(r, csb_yaml_get(r->y, n, "date"),
                     "date '%s' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31", date);
        g_free(date);
    }
    (void)ok;
    g_ptr_array_add(r->cfg->briefings, b);
}

/* Briefings writing one file would overwrite each other: one error per
 * file, at the second briefing, however many share it (a hash, not every
 * pair: ten thousand of them are one mistake, not fifty million). */
static void report_shared_outputs(Reader *r)
{
    GPtrArray *bs = r->cfg->briefings;
    GHashTable *first = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *count = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < bs->len; i++) {
        CsbBriefingSpec *b = bs->pdata[i];
        if (!b->output)
            continue;
        if (!g_hash_table_contains(first, b->output))
            g_hash_table_insert(first, b->output, b);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(count, b->output)) + 1;
        g_hash_table_insert(count, b->output, GUINT_TO_POINTER(n));
    }
    for (guint i = 0; i < bs->len; i++) {
        CsbBriefingSpec *b = bs->pdata[i];
        const CsbBriefingSpec *a = b->output ? g_hash_table_lookup(first, b->output) : NULL;
        guint n = a ? GPOINTER_TO_UINT(g_hash_table_lookup(count, b->output)) : 0;
        if (!a || a == b || n == 0)
            continue;
        if (n == 2)
            csb_diag_error(r->diag, r->cfg->path, b->line, b->column,
                           "this briefing writes the same file as the one on line %d (%s); "
                           "give each its own 'output'",
                           a->line, b->output);
        else
            csb_diag_error(r->diag, r->cfg->path, b->line, b->column,
                           "this briefing writes the same file as the one on line %d (%s), "
                           "and so do %u others; give each its own 'output'",
                           a->line, b->output, n - 2);
        g_hash_table_insert(count, b->output, GUINT_TO_POINTER(0)); /* told once */
    }
    g_hash_table_destroy(count);
    g_hash_table_destroy(first);
}

static void read_briefings(Reader *r, yaml_node_t *n, const char *default_org)
{
    if (n->type != YAML_SEQUENCE_NODE || n->data.sequence.items.start == n->data.sequence.items.top) {
        error_at(r, n, "'briefings' should be a list of briefings, each with 'template' and "
                       "'output'");
        return;
    }
    GPtrArray *ids = csb_config_template_ids(r->refs->templates_dir);
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++)
        read_briefing(r, csb_yaml_node(r->y, *i), ids, default_org);
    g_ptr_array_free(ids, TRUE);
    report_shared_outputs(r);
}

/* ---- the whole file --------------------------------------------------- */

GPtrArray *csb_config_template_ids(const char *templates_dir)
{
    GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
    GDir *d = g_dir_open(templates_dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        if (!g_str_has_suffix(name, ".yaml"))
            continue;
        char *path = g_build_filename(templates_dir, name, NULL);
        char *text = csb_file_read(path, NULL, NULL);
        /* A template says what it is in its first lines: "kind: template". */
        if (text && strstr(text, "\nkind: template"))
            g_ptr_array_add(ids, g_strndup(name, strlen(name) - 5));
        g_free(text);
        g_free(path);
    }
    if (d)
        g_dir_close(d);
    g_ptr_array_sort(ids, strcmp_ptr);
    return ids;
}

void csb_config_free(CsbConfig *cfg)
{
    if (!cfg)
        return;
    g_free(cfg->path);
    g_free(cfg->dir);
    g_ptr_array_free(cfg->reports, TRUE);
    g_ptr_array_free(cfg->report_patterns, TRUE);
    g_ptr_array_free(cfg->report_sources, TRUE);
    g_free(cfg->authority);
    g_ptr_array_free(cfg->regions, TRUE);
    g_ptr_array_free(cfg->compare_with, TRUE);
    g_ptr_array_free(cfg->theme_ids, TRUE);
    g_ptr_array_free(cfg->custom_themes, TRUE);
    g_ptr_array_free(cfg->briefings, TRUE);
    g_free(cfg->cache_dir);
    g_ptr_array_free(cfg->sources, TRUE);
    csb_fetch_spec_free(cfg->fetch);
    g_free(cfg);
}

static CsbConfig *config_new(const char *path)
{
    CsbConfig *cfg = g_new0(CsbConfig, 1);
    cfg->path = g_strdup(path);
    char *dir = g_path_get_dirname(path);
    cfg->dir = g_canonicalize_filename(dir, NULL);
    g_free(dir);
    cfg->reports = g_ptr_array_new_with_free_func(g_free);
    cfg->report_patterns = g_ptr_array_new_with_free_func(g_free);
    cfg->report_sources = g_ptr_array_new_with_free_func(g_free);
    cfg->regions = g_ptr_array_new_with_free_func(g_free);
    cfg->compare_with = g_ptr_array_new_with_free_func(comparator_free);
    cfg->theme_ids = g_ptr_array_new_with_free_func(g_free);
    cfg->custom_themes = g_ptr_array_new_with_free_func((GDestroyNotify)csb_theme_free);
    cfg->briefings = g_ptr_array_new_with_free_func(briefing_free);
    cfg->sources = g_ptr_array_new_with_free_func(g_free);
    return cfg;
}

CsbConfig *csb_config_load(const char *path, const CsbConfigRefs *refs, CsbDiag *diag)
{
    CsbDiag *mine = csb_diag_new();
    CsbYaml *y = csb_yaml_load(path, mine);
    CsbConfig *cfg = config_new(path);
    Reader r = {y, cfg, refs, mine};
    yaml_node_t *root = y ? csb_yaml_root(y) : NULL;
    if (y && root->type != YAML_MAPPING_NODE) {
        error_at(&r, root, "a config should be a mapping of keys (reports, authority, "
                           "briefings, ...), not %s",
                 csb_yaml_type_name(root));
    } else if (y) {
        check_keys(&r, root, "the config", top_keys, G_N_ELEMENTS(top_keys));
        yaml_node_t *n;
        if ((n = csb_yaml_get(y, root, "fetch")))
            cfg->fetch = csb_fetch_spec_read(y, n, cfg->dir, mine);
        if ((n = csb_yaml_get(y, root, "reports")))
            read_reports(&r, n);
        else if (cfg->fetch)
            g_ptr_array_add(cfg->report_patterns, g_strdup(cfg->fetch->into));
        else
            error_at(&r, root, "the config needs 'reports': files, folders or patterns of "
                               "reports, e.g. reports: [reports/]");
        if (cfg->fetch)
            check_fetch_read(&r, csb_yaml_get(y, root, "reports"));
        yaml_node_t *auth = csb_yaml_get(y, root, "authority");
        if (auth)
            read_authority(&r, auth);
        if ((n = csb_yaml_get(y, root, "regions"))) {
            if (cfg->authority)
                error_at(&r, n, "'regions' limits 'authority: all' to some regions, but "
                                "'authority' names %s; write 'authority: all', or remove "
                                "'regions'",
                         cfg->authority);
            read_regions(&r, n);
        }
        if (!auth && !cfg->all_authorities)
            error_at(&r, root, "the config needs 'authority': the authority the briefing is "
                               "about (or 'all' for one briefing per authority)");
        if ((n = csb_yaml_get(y, root, "compare_with")))
            read_compare_with(&r, n);
        if ((n = csb_yaml_get(y, root, "themes")))
            read_themes(&r, n);
        char *org = optional_string(&r, root, "organisation");
        if ((n = csb_yaml_get(y, root, "briefings")))
            read_briefings(&r, n, org);
        else
            error_at(&r, root, "the config needs 'briefings': a list with 'template' and "
                               "'output' for each PDF");
        g_free(org);
        char *cache = optional_string(&r, root, "cache");
        if (cache) {
            cfg->cache_dir = resolve(&r, cache);
            g_free(cache);
        }
        if ((n = csb_yaml_get(y, root, "sources")))
            read_sources(&r, n);
    }
    csb_yaml_free(y);
    gboolean failed = csb_diag_count(mine, CSB_SEV_ERROR) > 0;
    csb_diag_take(diag, mine);
    csb_diag_free(mine);
    if (failed) {
        csb_config_free(cfg);
        return NULL;
    }
    return cfg;
}
