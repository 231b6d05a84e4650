/* template.c - reading a briefing template (templates/NAME.yaml): page
 * size and margins, fonts, type sizes, colours, whose sections it has
 * (formatter) and which, in order, and whether it covers one authority or
 * all of them (scope). Every value has a sensible default, so a template
 * says only what differs.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#define MM (72.0 / 25.4)

static double number(CsbYaml *y, yaml_node_t *map, const char *key, double fallback)
{
    const char *s = csb_yaml_scalar(csb_yaml_get(y, map, key));
    char *end = NULL;
    double v = s ? g_ascii_strtod(s, &end) : 0;
    return s && end && end != s ? v : fallback;
}

static char *text(CsbYaml *y, yaml_node_t *map, const char *key, const char *fallback)
{
    const char *s = csb_yaml_scalar(csb_yaml_get(y, map, key));
    return g_strdup(s && *s ? s : fallback);
}

static CsbColour colour(CsbYaml *y, yaml_node_t *map, const char *key, const char *fallback,
                        CsbDiag *diag)
{
    yaml_node_t *n = csb_yaml_get(y, map, key);
    const char *s = csb_yaml_scalar(n);
    CsbColour def = csb_colour_parse(fallback, (CsbColour){0, 0, 0});
    if (!s)
        return def;
    CsbColour bad = {-1, -1, -1};
    CsbColour c = csb_colour_parse(s, bad);
    if (c.r < 0) {
        csb_diag_error(diag, y->path, csb_yaml_line(n), csb_yaml_column(n),
                       "colour '%s' should be written \"#rrggbb\"", s);
        return def;
    }
    return c;
}

static gboolean flag(CsbYaml *y, yaml_node_t *map, const char *key, gboolean fallback,
                     CsbDiag *diag)
{
    yaml_node_t *n = csb_yaml_get(y, map, key);
    const char *s = csb_yaml_scalar(n);
    if (!s)
        return fallback;
    if (!g_ascii_strcasecmp(s, "true") || !g_ascii_strcasecmp(s, "yes"))
        return TRUE;
    if (!g_ascii_strcasecmp(s, "false") || !g_ascii_strcasecmp(s, "no"))
        return FALSE;
    csb_diag_error(diag, y->path, csb_yaml_line(n), csb_yaml_column(n),
                   "'%s' should be true or false, not '%s'", key, s);
    return fallback;
}

static void page_size(CsbTemplate *t, CsbYaml *y, yaml_node_t *page, CsbDiag *diag)
{
    yaml_node_t *size = csb_yaml_get(y, page, "size");
    const char *name = csb_yaml_scalar(size);
    t->page_w = 210 * MM;
    t->page_h = 297 * MM;
    if (name && g_ascii_strcasecmp(name, "letter") == 0) {
        t->page_w = 8.5 * 72;
        t->page_h = 11 * 72;
    } else if (name && g_ascii_strcasecmp(name, "a4") != 0) {
        csb_diag_error(diag, y->path, csb_yaml_line(size), csb_yaml_column(size),
                       "page size '%s' is not known; use A4 or Letter", name);
    }
    yaml_node_t *m = csb_yaml_get(y, page, "margins");
    double mm[4] = {20, 18, 22, 18};
    if (m && m->type == YAML_SEQUENCE_NODE) {
        int i = 0;
        for (yaml_node_item_t *it = m->data.sequence.items.start;
             it < m->data.sequence.items.top && i < 4; it++, i++) {
            const char *s = csb_yaml_scalar(csb_yaml_node(y, *it));
            if (s)
                mm[i] = g_ascii_strtod(s, NULL);
        }
        if (i != 4)
            csb_diag_error(diag, y->path, csb_yaml_line(m), csb_yaml_column(m),
                           "margins should be four numbers in mm: [top, right, bottom, left]");
    }
    t->margin_top = mm[0] * MM;
    t->margin_right = mm[1] * MM;
    t->margin_bottom = mm[2] * MM;
    t->margin_left = mm[3] * MM;
}

/* 'care:' - what the members' summary counts as about children in care
 * and care leavers: report sections, words of a finding, theme ids of a
 * finding (templates/themes.yaml). Each list optional, lower case. */
static void read_care(CsbYaml *y, yaml_node_t *care, CsbTemplate *t, CsbDiag *diag)
{
    if (!care)
        return;
    static const char *const keys[] = {"sections", "words", "themes"};
    GPtrArray *lists[] = {t->care_sections, t->care_words, t->care_themes};
    csb_yaml_check_keys(y, care, "'care'", keys, G_N_ELEMENTS(keys), diag);
    for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
        yaml_node_t *n = csb_yaml_get(y, care, keys[i]);
        char *what = g_strdup_printf("'care: %s'", keys[i]);
        if (n)
            csb_yaml_string_list(y, n, what, lists[i], diag);
        g_free(what);
        for (guint k = 0; k < lists[i]->len; k++) {
            char *lower = g_utf8_strdown(lists[i]->pdata[k], -1);
            g_free(lists[i]->pdata[k]);
            lists[i]->pdata[k] = lower;
        }
    }
}

CsbTemplate *csb_template_load(const char *path, CsbDiag *diag)
{
    CsbYaml *y = csb_yaml_load(path, diag);
    if (!y)
        return NULL;
    CsbDiag *mine = csb_diag_new();
    yaml_node_t *root = csb_yaml_root(y);
    CsbTemplate *t = g_new0(CsbTemplate, 1);
    t->care_sections = g_ptr_array_new_with_free_func(g_free);
    t->care_words = g_ptr_array_new_with_free_func(g_free);
    t->care_themes = g_ptr_array_new_with_free_func(g_free);
    char *base = g_path_get_basename(path);
    t->id = g_strndup(base, strlen(base) - (g_str_has_suffix(base, ".yaml") ? 5 : 0));
    t->path = g_strdup(path);
    g_free(base);
    t->name = text(y, root, "name", t->id);
    t->default_title = text(y, root, "title", t->name);
    page_size(t, y, csb_yaml_get(y, root, "page"), mine);
    yaml_node_t *fonts = csb_yaml_get(y, root, "fonts");
    t->font_body = text(y, fonts, "body", "Noto Sans");
    t->font_quote = text(y, fonts, "quote", "Noto Serif");
    yaml_node_t *sizes = csb_yaml_get(y, root, "sizes");
    t->size_body = number(y, sizes, "body", 10);
    t->size_small = number(y, sizes, "small", t->size_body * 0.82);
    t->size_h1 = number(y, sizes, "h1", t->size_body * 1.7);
    t->size_h2 = number(y, sizes, "h2", t->size_body * 1.25);
    t->size_h3 = number(y, sizes, "h3", t->size_body * 1.05);
    t->size_title = number(y, sizes, "title", t->size_body * 3);
    t->size_table = number(y, sizes, "table", t->size_small);
    t->leading = number(y, root, "leading", 1.25);
    yaml_node_t *colours = csb_yaml_get(y, root, "colours");
    t->accent = colour(y, colours, "accent", "#1d4f91", mine);
    t->ink = colour(y, colours, "ink", "#1b1f24", mine);
    t->muted = colour(y, colours, "muted", "#5a6573", mine);
    t->rule = colour(y, colours, "rule", "#c9d0d8", mine);
    t->shade = colour(y, colours, "shade", "#f1f4f8", mine);
    t->max_pages = (int)number(y, root, "max_pages", 0);
    t->section_breaks = flag(y, root, "section_breaks", TRUE, mine);
    t->formatter = g_strdup(csb_yaml_scalar(csb_yaml_get(y, root, "formatter")));
    yaml_node_t *scope = csb_yaml_get(y, root, "scope");
    const char *scope_text = csb_yaml_scalar(scope);
    t->national = scope_text && strcmp(scope_text, "national") == 0;
    if (scope_text && !t->national && strcmp(scope_text, "authority") != 0)
        csb_diag_error(mine, path, csb_yaml_line(scope), csb_yaml_column(scope),
                       "scope '%s' is not known; use 'authority' (one briefing per "
                       "authority) or 'national' (one over every authority)",
                       scope_text);
    static const char *const top[] = {"kind",      "name",           "title",     "page",
                                      "fonts",     "sizes",          "leading",   "colours",
                                      "max_pages", "section_breaks", "formatter", "scope",
                                      "sections",  "care"};
    static const char *const size_keys[] = {"body", "small", "table", "h1", "h2", "h3", "title"};
    static const char *const colour_keys[] = {"accent", "ink", "muted", "rule", "shade"};
    static const char *const font_keys[] = {"body", "quote"};
    static const char *const page_keys[] = {"size", "margins"};
    csb_yaml_check_keys(y, root, "a template", top, G_N_ELEMENTS(top), mine);
    csb_yaml_check_keys(y, sizes, "'sizes'", size_keys, G_N_ELEMENTS(size_keys), mine);
    csb_yaml_check_keys(y, colours, "'colours'", colour_keys, G_N_ELEMENTS(colour_keys), mine);
    csb_yaml_check_keys(y, fonts, "'fonts'", font_keys, G_N_ELEMENTS(font_keys), mine);
    csb_yaml_check_keys(y, csb_yaml_get(y, root, "page"), "'page'", page_keys,
                        G_N_ELEMENTS(page_keys), mine);
    read_care(y, csb_yaml_get(y, root, "care"), t, mine);
    t->sections = g_ptr_array_new_with_free_func(g_free);
    yaml_node_t *secs = csb_yaml_get(y, root, "sections");
    t->sections_line = csb_yaml_line(secs);
    t->sections_column = csb_yaml_column(secs);
    if (!secs || !csb_yaml_string_list(y, secs, "'sections'", t->sections, mine) ||
        !t->sections->len)
        csb_diag_error(mine, path, csb_yaml_line(secs), csb_yaml_column(secs),
                       "a template needs 'sections': the list of sections in order");
    if (t->size_body < 5 || t->size_body > 24)
        csb_diag_error(mine, path, 0, 0, "body size %.1f pt is not readable; use 8 to 16",
                       t->size_body);
    csb_yaml_free(y);
    gboolean failed = csb_diag_count(mine, CSB_SEV_ERROR) > 0;
    csb_diag_take(diag, mine);
    csb_diag_free(mine);
    if (failed) {
        csb_template_free(t);
        return NULL;
    }
    return t;
}

void csb_template_free(CsbTemplate *t)
{
    if (!t)
        return;
    g_free(t->id);
    g_free(t->path);
    g_free(t->name);
    g_free(t->default_title);
    g_free(t->font_body);
    g_free(t->font_quote);
    g_free(t->formatter);
    g_ptr_array_free(t->sections, TRUE);
    g_ptr_array_free(t->care_sections, TRUE);
    g_ptr_array_free(t->care_words, TRUE);
    g_ptr_array_free(t->care_themes, TRUE);
    g_free(t);
}
