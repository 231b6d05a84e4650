/* briefings.c - the config's 'briefings': each one's template (which must
 * exist; national or per authority), output file and format, title,
 * organisation, logo, accent colour and date; and the error when two
 * briefings would write the same file.
 */
#include "reader.h"

#include <string.h>

static const char *const briefing_keys[] = {"template", "format", "output", "title",
                                            "subtitle", "organisation", "logo", "accent",
                                            "date"};

static const char *const format_ids[] = {"pdf", "xlsx", "html"};

const char *csb_format_id(CsbFormat f)
{
    return (guint)f < G_N_ELEMENTS(format_ids) ? format_ids[f] : "pdf";
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
static gboolean read_format(CfgReader *r, yaml_node_t *n, const char *out, CsbFormat *format)
{
    yaml_node_t *fn = csb_yaml_get(r->y, n, "format");
    const char *given = fn ? cfg_scalar(r, fn, "'format'") : NULL;
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
        cfg_error_at(r, fn, "unknown format '%s'; formats are pdf, xlsx and html%s%s%s", given,
                 near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
        return FALSE;
    }
    if (!out)
        return FALSE;
    if (by_ext < 0) {
        cfg_error_at(r, csb_yaml_get(r->y, n, "output"),
                 "'output' should name a .pdf, .xlsx or .html file, not '%s'", out);
        return FALSE;
    }
    if (by_name >= 0 && by_name != by_ext) {
        cfg_error_at(r, csb_yaml_get(r->y, n, "output"),
                 "'output' should name a .%s file for format %s, not '%s'",
                 format_ids[by_name], format_ids[by_name], out);
        return FALSE;
    }
    *format = (CsbFormat)by_ext;
    return TRUE;
}

static void read_briefing(CfgReader *r, yaml_node_t *n, GPtrArray *template_ids,
                          const char *default_org)
{
    if (n->type != YAML_MAPPING_NODE) {
        cfg_error_at(r, n, "each briefing should be a mapping with 'template' and 'output', not %s",
                 csb_yaml_type_name(n));
        return;
    }
    cfg_check_keys(r, n, "a briefing", briefing_keys, G_N_ELEMENTS(briefing_keys));
    CsbBriefingSpec *b = g_new0(CsbBriefingSpec, 1);
    b->line = csb_yaml_line(n);
    b->column = csb_yaml_column(n);
    gboolean ok = TRUE;
    yaml_node_t *tn = csb_yaml_get(r->y, n, "template");
    const char *tid = tn ? cfg_scalar(r, tn, "'template'") : NULL;
    if (!tn) {
        char *all = csb_join_words((const char *const *)template_ids->pdata, template_ids->len);
        cfg_error_at(r, n, "a briefing needs a 'template': one of %s", all);
        g_free(all);
        ok = FALSE;
    } else if (tid) {
        gboolean known = FALSE;
        for (guint i = 0; i < template_ids->len; i++)
            known |= strcmp(template_ids->pdata[i], tid) == 0;
        if (!known) {
            cfg_unknown(r, tn, "template", tid, (const char *const *)template_ids->pdata,
                        template_ids->len, NULL);
            ok = FALSE;
        }
        b->template_id = g_strdup(tid);
        b->national = known && template_national(r->refs->templates_dir, tid);
    } else {
        ok = FALSE;
    }
    yaml_node_t *on = csb_yaml_get(r->y, n, "output");
    const char *out = on ? cfg_scalar(r, on, "'output'") : NULL;
    if (!on) {
        cfg_error_at(r, n, "a briefing needs an 'output': the file to write, e.g. "
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
            cfg_error_at(r, on, "%s", problem);
            ok = FALSE;
        }
        g_free(problem);
        b->output = cfg_resolve(r, out);
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
    b->title = cfg_optional_string(r, n, "title");
    b->subtitle = cfg_optional_string(r, n, "subtitle");
    b->organisation = cfg_optional_string(r, n, "organisation");
    if (!b->organisation && default_org)
        b->organisation = g_strdup(default_org);
    char *logo = cfg_optional_string(r, n, "logo");
    if (logo) {
        b->logo = cfg_resolve(r, logo);
        gsize len = 0;
        char *data = csb_file_read(b->logo, &len, NULL);
        if (!data)
            cfg_error_at(r, csb_yaml_get(r->y, n, "logo"), "logo '%s' does not exist", logo);
        else if (len < 8 || memcmp(data, "\x89PNG\r\n\x1a\n", 8) != 0)
            cfg_error_at(r, csb_yaml_get(r->y, n, "logo"), "logo '%s' is not a PNG image", logo);
        g_free(data);
        g_free(logo);
    }
    b->accent = cfg_optional_string(r, n, "accent");
    if (b->accent && !is_colour(b->accent)) {
        cfg_error_at(r, csb_yaml_get(r->y, n, "accent"),
                 "accent '%s' is not a colour; write it as \"#rrggbb\", e.g. \"#1d70b8\" "
                 "(quoted, since # starts a YAML comment)",
                 b->accent);
        ok = FALSE;
    }
    char *date = cfg_optional_string(r, n, "date");
    if (date) {
        b->date = csb_date_from_iso(date);
        if (!csb_date_valid(b->date))
            cfg_error_at(r, csb_yaml_get(r->y, n, "date"),
                     "date '%s' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31", date);
        g_free(date);
    }
    (void)ok;
    g_ptr_array_add(r->cfg->briefings, b);
}

/* Briefings writing one file would overwrite each other: one error per
 * file, at the second briefing, however many share it (a hash, not every
 * pair: ten thousand of them are one mistake, not fifty million). */
static void report_shared_outputs(CfgReader *r)
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

void cfg_read_briefings(CfgReader *r, yaml_node_t *n, const char *default_org)
{
    if (n->type != YAML_SEQUENCE_NODE || n->data.sequence.items.start == n->data.sequence.items.top) {
        cfg_error_at(r, n, "'briefings' should be a list of briefings, each with 'template' and "
                       "'output'");
        return;
    }
    GPtrArray *ids = csb_config_template_ids(r->refs->templates_dir);
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++)
        read_briefing(r, csb_yaml_node(r->y, *i), ids, default_org);
    g_ptr_array_free(ids, TRUE);
    report_shared_outputs(r);
}

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
    g_ptr_array_sort(ids, cfg_strcmp_ptr);
    return ids;
}
