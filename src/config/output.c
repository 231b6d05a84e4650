/* output.c - placeholders in a briefing's 'output' path.
 *
 * Owns: the placeholders an output may use ({authority}, {code}, {region},
 * {template}), checking a pattern (known names, closed braces, and that an
 * 'authority: all' config gives each authority a file of its own),
 * expanding it for one authority, the fixed folder a pattern writes under,
 * and the per-authority copies of a briefing spec the build runs.
 */
#include "config.h"

#include <string.h>

static const char *const placeholders[] = {"authority", "code", "region", "template"};

char *csb_output_slug(const char *name)
{
    char *ascii = g_str_to_ascii(name, "C");
    GString *s = g_string_new(NULL);
    gboolean gap = FALSE;
    for (const char *p = ascii; *p; p++) {
        if (*p == '\'' || *p == '.') /* "St. Helens" -> st-helens, "King's" -> kings */
            continue;
        if (g_ascii_isalnum(*p)) {
            if (gap && s->len)
                g_string_append_c(s, '-');
            g_string_append_c(s, g_ascii_tolower(*p));
            gap = FALSE;
        } else {
            gap = TRUE;
        }
    }
    g_free(ascii);
    return g_string_free(s, FALSE);
}

/* Calls found(name, len, data) for each {name} in pattern. FALSE (with
 * *problem set) when a brace is not closed or a name is empty. */
static gboolean each_placeholder(const char *pattern, char **problem,
                                 void (*found)(const char *name, gsize len, gpointer data),
                                 gpointer data)
{
    for (const char *p = pattern; *p; p++) {
        if (*p == '}') {
            *problem = g_strdup_printf("'output' has a '}' without its '{': %s", pattern);
            return FALSE;
        }
        if (*p != '{')
            continue;
        const char *end = strpbrk(p + 1, "{}/");
        if (!end || *end != '}') {
            *problem = g_strdup_printf("'output' has a '{' that is not closed: %s; "
                                       "placeholders are written {authority}",
                                       pattern);
            return FALSE;
        }
        found(p + 1, (gsize)(end - p - 1), data);
        p = end;
    }
    return TRUE;
}

typedef struct {
    GString *unknown;   /* first unknown name */
    gboolean authority; /* {authority} or {code}: one file per authority */
    gboolean region;    /* {region} */
    gboolean any;
} Scan;

static void scan_one(const char *name, gsize len, gpointer data)
{
    Scan *s = data;
    s->any = TRUE;
    for (guint i = 0; i < G_N_ELEMENTS(placeholders); i++) {
        if (strlen(placeholders[i]) == len && strncmp(placeholders[i], name, len) == 0) {
            s->authority |= i < 2;
            s->region |= i == 2;
            return;
        }
    }
    if (!s->unknown)
        s->unknown = g_string_new_len(name, (gssize)len);
}

gboolean csb_output_check(const char *pattern, CsbOutputScope scope, char **problem)
{
    Scan s = {NULL, FALSE, FALSE, FALSE};
    *problem = NULL;
    if (!each_placeholder(pattern, problem, scan_one, &s))
        return FALSE;
    if (s.unknown) {
        const char *near = csb_text_nearest(s.unknown->str, placeholders,
                                            G_N_ELEMENTS(placeholders));
        if (near)
            *problem = g_strdup_printf("unknown placeholder {%s} in 'output'; did you mean "
                                       "{%s}?",
                                       s.unknown->str, near);
        else
            *problem = g_strdup_printf("unknown placeholder {%s} in 'output'; placeholders "
                                       "are {authority}, {code}, {region} and {template}",
                                       s.unknown->str);
        g_string_free(s.unknown, TRUE);
        return FALSE;
    }
    if (scope == CSB_OUTPUT_NATIONAL && (s.authority || s.region)) {
        *problem = g_strdup_printf("a national briefing is one file over every authority, but "
                                   "'%s' has a placeholder for one authority; only {template} "
                                   "may be used",
                                   pattern);
        return FALSE;
    }
    if (scope == CSB_OUTPUT_EACH && !s.authority) {
        *problem = g_strdup_printf(
            "with 'authority: all' (or 'regions') every authority needs a file of its own, but "
            "'%s' names one file; put {authority} (or {code}) in it, e.g. "
            "out/{authority}-briefing.pdf",
            pattern);
        return FALSE;
    }
    return TRUE;
}

gboolean csb_output_has_placeholder(const char *pattern)
{
    return strchr(pattern, '{') != NULL;
}

typedef struct {
    GString *out;
    const CsbAuthority *authority;
    const char *template_id;
} Expand;

static void expand_one(const char *name, gsize len, gpointer data)
{
    Expand *e = data;
    char *key = g_strndup(name, len);
    if (!e->authority && strcmp(key, "template") != 0) {
        /* A national briefing's output has no authority's placeholders. */
    } else if (strcmp(key, "authority") == 0) {
        char *slug = csb_output_slug(e->authority->name);
        g_string_append(e->out, slug);
        g_free(slug);
    } else if (strcmp(key, "code") == 0) {
        g_string_append(e->out, e->authority->dfe_code);
    } else if (strcmp(key, "region") == 0) {
        char *slug = csb_output_slug(e->authority->region);
        g_string_append(e->out, slug);
        g_free(slug);
    } else if (strcmp(key, "template") == 0) {
        g_string_append(e->out, e->template_id);
    }
    g_free(key);
}

char *csb_output_expand(const char *pattern, const CsbAuthority *authority,
                        const char *template_id)
{
    Expand e = {g_string_new(NULL), authority, template_id};
    const char *p = pattern;
    while (*p) {
        const char *open = strchr(p, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        if (!open || !close) {
            g_string_append(e.out, p);
            break;
        }
        g_string_append_len(e.out, p, open - p);
        expand_one(open + 1, (gsize)(close - open - 1), &e);
        p = close + 1;
    }
    return g_string_free(e.out, FALSE);
}

char *csb_output_fixed_dir(const char *pattern)
{
    const char *brace = strchr(pattern, '{');
    char *dir;
    if (!brace) {
        dir = g_path_get_dirname(pattern);
    } else {
        /* The folders before the first one a placeholder is in. */
        const char *slash = brace;
        while (slash > pattern && *slash != '/')
            slash--;
        dir = slash > pattern ? g_strndup(pattern, (gsize)(slash - pattern)) : g_strdup("/");
        if (*slash != '/') {
            g_free(dir);
            dir = g_strdup(".");
        }
    }
    return dir;
}

CsbBriefingSpec *csb_briefing_spec_for(const CsbBriefingSpec *spec,
                                       const CsbAuthority *authority)
{
    CsbBriefingSpec *b = g_new0(CsbBriefingSpec, 1);
    b->template_id = g_strdup(spec->template_id);
    b->format = spec->format;
    b->national = spec->national;
    b->output = csb_output_expand(spec->output, authority, spec->template_id);
    b->root = g_strdup(spec->root);
    b->title = g_strdup(spec->title);
    b->subtitle = g_strdup(spec->subtitle);
    b->organisation = g_strdup(spec->organisation);
    b->logo = g_strdup(spec->logo);
    b->accent = g_strdup(spec->accent);
    b->date = spec->date;
    b->authority = authority ? g_strdup(authority->name) : NULL;
    b->line = spec->line;
    b->column = spec->column;
    return b;
}

void csb_briefing_spec_free(CsbBriefingSpec *b)
{
    if (!b)
        return;
    g_free(b->template_id);
    g_free(b->output);
    g_free(b->root);
    g_free(b->title);
    g_free(b->subtitle);
    g_free(b->organisation);
    g_free(b->logo);
    g_free(b->accent);
    g_free(b->authority);
    g_free(b);
}
