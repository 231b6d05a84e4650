/* fetch.c - the config's 'fetch' section: the folder `csbrief fetch`
 * downloads Ofsted's publications into, which kinds, who to tell Ofsted is
 * asking (the User-Agent's contact), and how politely (delay between
 * requests, stall timeout, retries, a time budget for the run, a size cap
 * per file). Durations and sizes are written the way people write them
 * ("1s", "30m", "25MB"). docs/fetch.md describes the keys.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const fetch_keys[] = {"into",    "kinds",   "contact",       "site",
                                         "delay",   "timeout", "budget",        "max_file_size",
                                         "retries", "backoff"};

/* Defaults: polite to the site, generous to slow networks. */
#define DEFAULT_DELAY 1.0
#define DEFAULT_TIMEOUT 60.0
#define DEFAULT_BUDGET (2 * 3600.0)
#define DEFAULT_MAX_FILE_SIZE (50u * 1000 * 1000)
#define DEFAULT_RETRIES 4
#define DEFAULT_BACKOFF 2.0

typedef struct {
    const char *name;
    double scale;
} Unit;

/* A number of at least min, then one of units (maybe after a space); its
 * value in the base unit. */
static gboolean with_unit(const char *text, const Unit *units, guint n, double min,
                          double *value)
{
    char *end = NULL;
    double v = text ? g_ascii_strtod(text, &end) : 0;
    if (!text || end == text || v < min || !isfinite(v))
        return FALSE;
    while (*end == ' ')
        end++;
    for (guint i = 0; i < n; i++)
        if (strcmp(end, units[i].name) == 0) {
            *value = v * units[i].scale;
            return TRUE;
        }
    return FALSE;
}

gboolean csb_config_parse_duration(const char *text, double *seconds)
{
    static const Unit units[] = {{"ms", 0.001}, {"s", 1},     {"m", 60},
                                 {"min", 60},   {"h", 3600},  {"", 1}};
    return with_unit(text, units, G_N_ELEMENTS(units), 0, seconds);
}

gboolean csb_config_parse_size(const char *text, guint64 *bytes)
{
    static const Unit units[] = {{"", 1},          {"B", 1},          {"kB", 1e3},
                                 {"KB", 1e3},      {"MB", 1e6},       {"GB", 1e9},
                                 {"KiB", 1024.0},  {"MiB", 1048576.0}, {"GiB", 1073741824.0}};
    double v = 0;
    if (!with_unit(text, units, G_N_ELEMENTS(units), 1, &v) || v >= 1e15)
        return FALSE;
    *bytes = (guint64)v;
    return TRUE;
}

void csb_fetch_spec_free(CsbFetchSpec *f)
{
    if (!f)
        return;
    g_free(f->into);
    g_free(f->contact);
    g_free(f->site);
    g_free(f);
}

gboolean csb_fetch_spec_wants(const CsbFetchSpec *f, CsbKind kind)
{
    return f->kinds == 0 || (f->kinds & (1u << kind)) != 0;
}

typedef struct {
    CsbYaml *y;
    yaml_node_t *map;
    CsbDiag *diag;
    gboolean ok;
} Section;

/* An error in the section: reported, and the section is invalid. */
#define error_at(s, n, ...)                                                                  \
    ((s)->ok = FALSE, csb_yaml_error_at((s)->diag, (s)->y, (n), __VA_ARGS__))

/* The scalar value of key, or NULL when absent (an error when not a scalar). */
static const char *value(Section *s, const char *key, yaml_node_t **node)
{
    yaml_node_t *n = csb_yaml_get(s->y, s->map, key);
    *node = n;
    if (!n)
        return NULL;
    const char *v = csb_yaml_scalar(n);
    if (!v || !*v) {
        error_at(s, n, "'fetch: %s' should be a single value, not %s", key,
                 csb_yaml_type_name(n));
        return NULL;
    }
    return v;
}

static void duration(Section *s, const char *key, double *out, const char *example)
{
    yaml_node_t *n;
    const char *v = value(s, key, &n);
    if (v && !csb_config_parse_duration(v, out))
        error_at(s, n, "'fetch: %s' is '%s', not a duration; write e.g. %s", key, v, example);
}

static char *resolve(const char *dir, const char *path)
{
    char *joined = g_path_is_absolute(path) ? g_strdup(path)
                                             : g_build_filename(dir, path, NULL);
    char *canon = g_canonicalize_filename(joined, NULL);
    g_free(joined);
    return canon;
}

static void read_kinds(Section *s, CsbFetchSpec *f)
{
    yaml_node_t *n = csb_yaml_get(s->y, s->map, "kinds");
    if (!n)
        return;
    GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
    if (!csb_yaml_string_list(s->y, n, "'fetch: kinds'", ids, s->diag))
        s->ok = FALSE;
    const char *known[CSB_KIND_COUNT];
    guint n_known = 0;
    for (int k = CSB_KIND_UNKNOWN + 1; k < CSB_KIND_COUNT; k++)
        known[n_known++] = csb_kind_id((CsbKind)k);
    for (guint i = 0; i < ids->len; i++) {
        const char *id = ids->pdata[i];
        CsbKind k = csb_kind_from_id(id);
        if (k != CSB_KIND_UNKNOWN) {
            f->kinds |= 1u << k;
            continue;
        }
        const char *near = csb_text_nearest(id, known, (int)n_known);
        if (near) {
            error_at(s, n, "unknown kind '%s' in 'fetch: kinds'; did you mean '%s'?", id, near);
        } else {
            GString *all = g_string_new(NULL);
            for (guint j = 0; j < n_known; j++)
                g_string_append_printf(all, "%s%s", j ? ", " : "", known[j]);
            error_at(s, n, "unknown kind '%s' in 'fetch: kinds'; kinds are: %s", id, all->str);
            g_string_free(all, TRUE);
        }
    }
    g_ptr_array_free(ids, TRUE);
}

CsbFetchSpec *csb_fetch_spec_read(CsbYaml *y, yaml_node_t *n, const char *dir, CsbDiag *diag)
{
    Section s = {y, n, diag, TRUE};
    if (n->type != YAML_MAPPING_NODE) {
        error_at(&s, n, "'fetch' should be a mapping with at least 'into' and 'contact', e.g. "
                        "fetch: {into: reports/ofsted, contact: qa@council.gov.uk}");
        return NULL;
    }
    csb_yaml_check_keys(y, n, "'fetch'", fetch_keys, G_N_ELEMENTS(fetch_keys), diag);
    CsbFetchSpec *f = g_new0(CsbFetchSpec, 1);
    f->line = csb_yaml_line(n);
    f->column = csb_yaml_column(n);
    f->delay = DEFAULT_DELAY;
    f->timeout = DEFAULT_TIMEOUT;
    f->budget = DEFAULT_BUDGET;
    f->max_file_size = DEFAULT_MAX_FILE_SIZE;
    f->retries = DEFAULT_RETRIES;
    f->backoff = DEFAULT_BACKOFF;
    yaml_node_t *at;
    const char *v = value(&s, "into", &at);
    if (v)
        f->into = resolve(dir, v);
    else if (!at)
        error_at(&s, n, "'fetch' needs 'into': the folder to download reports into, e.g. "
                        "into: reports/ofsted");
    v = value(&s, "contact", &at);
    if (v && strpbrk(v, "\r\n()")) /* it goes into a header, in parentheses */
        error_at(&s, at, "'fetch: contact' should be an e-mail or web address without "
                         "parentheses or line breaks");
    else if (v)
        f->contact = g_strdup(v);
    else if (!at)
        error_at(&s, n, "'fetch' needs 'contact': an e-mail or web address Ofsted can reach "
                        "you at; it is sent with every request, e.g. contact: "
                        "performance@council.gov.uk");
    v = value(&s, "site", &at);
    if (v) {
        f->site = resolve(dir, v);
        if (!g_file_test(f->site, G_FILE_TEST_IS_REGULAR))
            error_at(&s, at, "'fetch: site' names %s, which does not exist; leave it out to "
                             "use csbrief's description of Ofsted's site",
                     f->site);
    }
    read_kinds(&s, f);
    duration(&s, "delay", &f->delay, "delay: 1s");
    duration(&s, "timeout", &f->timeout, "timeout: 60s");
    duration(&s, "budget", &f->budget, "budget: 2h");
    duration(&s, "backoff", &f->backoff, "backoff: 2s");
    if (f->timeout <= 0)
        error_at(&s, csb_yaml_get(y, n, "timeout"), "'fetch: timeout' must be more than 0");
    if (f->budget <= 0)
        error_at(&s, csb_yaml_get(y, n, "budget"), "'fetch: budget' must be more than 0");
    v = value(&s, "max_file_size", &at);
    if (v && !csb_config_parse_size(v, &f->max_file_size))
        error_at(&s, at, "'fetch: max_file_size' is '%s', not a size; write e.g. 50MB", v);
    v = value(&s, "retries", &at);
    if (v) {
        char *end = NULL;
        long r = strtol(v, &end, 10);
        if (!*v || *end || r < 0 || r > 20)
            error_at(&s, at, "'fetch: retries' should be a whole number from 0 to 20, not '%s'",
                     v);
        else
            f->retries = (int)r;
    }
    if (!s.ok) {
        csb_fetch_spec_free(f);
        return NULL;
    }
    return f;
}
