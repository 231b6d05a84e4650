/* config.c - reading and validating a briefing config: the whole file, and
 * its 'authority', 'regions', 'compare_with' and 'themes' keys ('reports'
 * and 'sources' are read by reports.c, 'briefings' by briefings.c, 'fetch'
 * by fetch.c).
 *
 * Every problem is collected (not just the first) so a person can fix a
 * config in one pass; each names the line and column, what is wrong and
 * what would be right. Nothing is returned when any error was found.
 */
#include "reader.h"

#include <string.h>

static const char *const top_keys[] = {"reports",   "authority",    "regions", "compare_with",
                                       "themes",    "briefings",    "organisation", "cache",
                                       "fetch",     "sources"};

static const char *const theme_keys[] = {"id", "title", "short", "description", "phrases", "not"};

static const CsbAuthority *authority_or_error(CfgReader *r, yaml_node_t *n, const char *name)
{
    const CsbAuthority *a = csb_authorities_find(r->refs->authorities, name);
    if (a)
        return a;
    const char *near = csb_authorities_suggest(r->refs->authorities, name);
    if (near)
        cfg_error_at(r, n, "unknown authority '%s'; did you mean '%s'?", name, near);
    else
        cfg_error_at(r, n, "unknown authority '%s'; names are listed in data/authorities.csv", name);
    return NULL;
}

static void read_authority(CfgReader *r, yaml_node_t *n)
{
    const char *name = cfg_scalar(r, n, "'authority'");
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

static void read_regions(CfgReader *r, yaml_node_t *n)
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
            cfg_unknown(r, n, "region", want, (const char *const *)known->pdata, known->len,
                        NULL);
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

static void read_compare_with(CfgReader *r, yaml_node_t *n)
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

static void read_custom_theme(CfgReader *r, yaml_node_t *n)
{
    cfg_check_keys(r, n, "a theme definition", theme_keys, G_N_ELEMENTS(theme_keys));
    yaml_node_t *idn = csb_yaml_get(r->y, n, "id");
    const char *id = idn ? cfg_scalar(r, idn, "a theme's 'id'") : NULL;
    if (!idn)
        cfg_error_at(r, n, "a theme definition needs an 'id' (and 'title' and 'phrases')");
    yaml_node_t *phn = csb_yaml_get(r->y, n, "phrases");
    GPtrArray *phrases = g_ptr_array_new_with_free_func(g_free);
    if (!phn)
        cfg_error_at(r, n, "theme '%s' needs 'phrases': the words that signal it", id ? id : "?");
    else
        csb_yaml_string_list(r->y, phn, "'phrases'", phrases, r->diag);
    if (id && phrases->len) {
        const char *title = csb_yaml_scalar(csb_yaml_get(r->y, n, "title"));
        const char *desc = csb_yaml_scalar(csb_yaml_get(r->y, n, "description"));
        CsbTheme *t = csb_theme_new(id, title ? title : id, desc ? desc : "");
        t->short_title = g_strdup(csb_yaml_scalar(csb_yaml_get(r->y, n, "short")));
        for (guint i = 0; i < phrases->len; i++)
            g_ptr_array_add(t->phrases, g_utf8_strdown(phrases->pdata[i], -1));
        csb_theme_read_not(r->y, n, t, r->diag); /* as templates/themes.yaml's */
        g_ptr_array_add(r->cfg->custom_themes, t);
        g_ptr_array_add(r->cfg->theme_ids, g_strdup(id));
    }
    g_ptr_array_free(phrases, TRUE);
}

static void read_themes(CfgReader *r, yaml_node_t *n)
{
    if (n->type != YAML_SEQUENCE_NODE) {
        cfg_error_at(r, n, "'themes' should be a list of theme ids (see templates/themes.yaml) "
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
        const char *id = cfg_scalar(r, item, "each theme");
        if (!id)
            continue;
        if (csb_themes_find(lib, id)) {
            g_ptr_array_add(r->cfg->theme_ids, g_strdup(id));
            continue;
        }
        const char **ids = g_new(const char *, csb_themes_count(lib));
        for (guint k = 0; k < csb_themes_count(lib); k++)
            ids[k] = csb_themes_at(lib, k)->id;
        cfg_unknown(r, item, "theme", id, ids, csb_themes_count(lib),
                    "theme ids are listed in templates/themes.yaml, or define one with id, "
                    "title and phrases");
        g_free(ids);
    }
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
    cfg->briefings = g_ptr_array_new_with_free_func((GDestroyNotify)csb_briefing_spec_free);
    cfg->sources = g_ptr_array_new_with_free_func(g_free);
    return cfg;
}

CsbConfig *csb_config_load(const char *path, const CsbConfigRefs *refs, CsbDiag *diag)
{
    CsbDiag *mine = csb_diag_new();
    CsbYaml *y = csb_yaml_load(path, mine);
    CsbConfig *cfg = config_new(path);
    CfgReader r = {y, cfg, refs, mine};
    yaml_node_t *root = y ? csb_yaml_root(y) : NULL;
    if (y && root->type != YAML_MAPPING_NODE) {
        cfg_error_at(&r, root, "a config should be a mapping of keys (reports, authority, "
                           "briefings, ...), not %s",
                 csb_yaml_type_name(root));
    } else if (y) {
        cfg_check_keys(&r, root, "the config", top_keys, G_N_ELEMENTS(top_keys));
        yaml_node_t *n;
        if ((n = csb_yaml_get(y, root, "fetch")))
            cfg->fetch = csb_fetch_spec_read(y, n, cfg->dir, mine);
        if ((n = csb_yaml_get(y, root, "reports")))
            cfg_read_reports(&r, n);
        else if (cfg->fetch)
            g_ptr_array_add(cfg->report_patterns, g_strdup(cfg->fetch->into));
        else
            cfg_error_at(&r, root, "the config needs 'reports': files, folders or patterns of "
                               "reports, e.g. reports: [reports/]");
        if (cfg->fetch)
            cfg_check_fetch_read(&r, csb_yaml_get(y, root, "reports"));
        yaml_node_t *auth = csb_yaml_get(y, root, "authority");
        if (auth)
            read_authority(&r, auth);
        if ((n = csb_yaml_get(y, root, "regions"))) {
            if (cfg->authority)
                cfg_error_at(&r, n, "'regions' limits 'authority: all' to some regions, but "
                                "'authority' names %s; write 'authority: all', or remove "
                                "'regions'",
                         cfg->authority);
            read_regions(&r, n);
        }
        if (!auth && !cfg->all_authorities)
            cfg_error_at(&r, root, "the config needs 'authority': the authority the briefing is "
                               "about (or 'all' for one briefing per authority)");
        if ((n = csb_yaml_get(y, root, "compare_with")))
            read_compare_with(&r, n);
        if ((n = csb_yaml_get(y, root, "themes")))
            read_themes(&r, n);
        char *org = cfg_optional_string(&r, root, "organisation");
        if ((n = csb_yaml_get(y, root, "briefings")))
            cfg_read_briefings(&r, n, org);
        else
            cfg_error_at(&r, root, "the config needs 'briefings': a list with 'template' and "
                               "'output' for each PDF");
        g_free(org);
        char *cache = cfg_optional_string(&r, root, "cache");
        if (cache) {
            cfg->cache_dir = cfg_resolve(&r, cache);
            g_free(cache);
        }
        if ((n = csb_yaml_get(y, root, "sources")))
            cfg_read_sources(&r, n);
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
