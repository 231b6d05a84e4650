/* reader.c - reporting a config's problems where they are: an error at a
 * YAML node (file, line, column), unknown keys (base's yaml.c),
 * a value of the wrong shape, and paths relative to the config's folder.
 * Shared by the files of src/config that read the config itself.
 */
#include "reader.h"

#include <stdarg.h>
#include <string.h>

void cfg_error_at(CfgReader *r, yaml_node_t *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    csb_yaml_error_atv(r->diag, r->y, n, fmt, ap);
    va_end(ap);
}

void cfg_unknown(CfgReader *r, yaml_node_t *n, const char *what, const char *value,
                 const char *const *known, guint n_known, const char *otherwise)
{
    const char *near = csb_text_nearest(value, known, (int)n_known);
    if (near) {
        cfg_error_at(r, n, "unknown %s '%s'; did you mean '%s'?", what, value, near);
    } else if (otherwise) {
        cfg_error_at(r, n, "unknown %s '%s'; %s", what, value, otherwise);
    } else {
        char *all = csb_join_words(known, n_known);
        cfg_error_at(r, n, "unknown %s '%s'; %ss are: %s", what, value, what, all);
        g_free(all);
    }
}

void cfg_check_keys(CfgReader *r, yaml_node_t *map, const char *where, const char *const *valid,
                       guint n)
{
    csb_yaml_check_keys(r->y, map, where, valid, n, r->diag);
}

const char *cfg_scalar(CfgReader *r, yaml_node_t *n, const char *what)
{
    const char *s = csb_yaml_scalar(n);
    if (!s || !*s) {
        cfg_error_at(r, n, "%s should be a single value, not %s", what, csb_yaml_type_name(n));
        return NULL;
    }
    return s;
}

char *cfg_resolve(CfgReader *r, const char *path)
{
    if (g_path_is_absolute(path))
        return g_strdup(path);
    char *joined = g_build_filename(r->cfg->dir, path, NULL);
    char *canon = g_canonicalize_filename(joined, NULL);
    g_free(joined);
    return canon;
}

char *cfg_optional_string(CfgReader *r, yaml_node_t *map, const char *key)
{
    yaml_node_t *n = csb_yaml_get(r->y, map, key);
    if (!n)
        return NULL;
    char *what = g_strdup_printf("'%s'", key);
    const char *s = cfg_scalar(r, n, what);
    g_free(what);
    return s ? g_strdup(s) : NULL;
}

int cfg_strcmp_ptr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}
