/* library.c - loading the theme library (templates/themes.yaml: each
 * theme's phrases, finding phrases and not-phrases) and the
 * cue phrases and negation settings (templates/cues.yaml), and looking
 * themes up by id.
 */
#include "themes.h"

#include <stdlib.h>

#include <string.h>

CsbTheme *csb_theme_new(const char *id, const char *title, const char *description)
{
    CsbTheme *t = g_new0(CsbTheme, 1);
    t->id = g_strdup(id);
    t->title = g_strdup(title);
    t->description = g_strdup(description);
    t->phrases = g_ptr_array_new_with_free_func(g_free);
    t->not_phrases = g_ptr_array_new_with_free_func(g_free);
    t->finding_phrases = g_ptr_array_new_with_free_func(g_free);
    return t;
}

CsbTheme *csb_theme_copy(const CsbTheme *t)
{
    CsbTheme *c = csb_theme_new(t->id, t->title, t->description);
    c->short_title = g_strdup(t->short_title);
    for (guint i = 0; i < t->phrases->len; i++)
        g_ptr_array_add(c->phrases, g_strdup(t->phrases->pdata[i]));
    for (guint i = 0; i < t->not_phrases->len; i++)
        g_ptr_array_add(c->not_phrases, g_strdup(t->not_phrases->pdata[i]));
    for (guint i = 0; i < t->finding_phrases->len; i++)
        g_ptr_array_add(c->finding_phrases, g_strdup(t->finding_phrases->pdata[i]));
    return c;
}

void csb_theme_free(CsbTheme *t)
{
    if (!t)
        return;
    g_free(t->id);
    g_free(t->title);
    g_free(t->short_title);
    g_free(t->description);
    g_ptr_array_free(t->phrases, TRUE);
    g_ptr_array_free(t->not_phrases, TRUE);
    g_ptr_array_free(t->finding_phrases, TRUE);
    g_free(t);
}

void csb_themes_rules_alone(CsbThemeLibrary *lib)
{
    csb_tone_model_free(lib->tone->model);
    lib->tone->model = NULL;
    g_clear_pointer(&lib->tone->model_path, g_free);
}

const char *csb_themes_model_path(const CsbThemeLibrary *lib)
{
    return lib->tone ? lib->tone->model_path : NULL;
}

void csb_themes_free(CsbThemeLibrary *lib)
{
    if (!lib)
        return;
    g_ptr_array_free(lib->themes, TRUE);
    g_ptr_array_free(lib->strength, TRUE);
    g_ptr_array_free(lib->concern, TRUE);
    g_ptr_array_free(lib->negators, TRUE);
    if (lib->negation_stops)
        g_ptr_array_free(lib->negation_stops, TRUE);
    if (lib->not_negators)
        g_ptr_array_free(lib->not_negators, TRUE);
    csb_phrase_set_free(lib->cues);
    csb_phrase_set_free(lib->negation);
    csb_tone_rules_unref(lib->tone);
    if (lib->stops)
        g_hash_table_destroy(lib->stops);
    csb_theme_matcher_free(lib->matcher);
    g_free(lib);
}

/* The themes' phrases prepared for csb_themes_scan, again after any change
 * to the themes. */
static void prepare_matcher(CsbThemeLibrary *lib)
{
    csb_theme_matcher_free(lib->matcher);
    lib->matcher = csb_theme_matcher_new(lib->themes);
}

void csb_themes_build_cues(CsbThemeLibrary *lib)
{
    csb_phrase_set_free(lib->cues);
    csb_phrase_set_free(lib->negation);
    lib->cues = csb_phrase_set_new();
    lib->negation = csb_phrase_set_new();
    if (lib->stops)
        g_hash_table_destroy(lib->stops);
    lib->stops = g_hash_table_new(g_str_hash, g_str_equal); /* borrows negation_stops */
    for (guint i = 0; lib->negation_stops && i < lib->negation_stops->len; i++)
        g_hash_table_add(lib->stops, lib->negation_stops->pdata[i]);
    /* A phrase listed as both strength and concern counts as a concern. */
    for (guint i = 0; i < lib->concern->len; i++)
        csb_phrase_set_add(lib->cues, lib->concern->pdata[i], 2);
    for (guint i = 0; i < lib->strength->len; i++) {
        gboolean dup = FALSE;
        for (guint k = 0; k < lib->concern->len && !dup; k++)
            dup = strcmp(lib->concern->pdata[k], lib->strength->pdata[i]) == 0;
        if (!dup)
            csb_phrase_set_add(lib->cues, lib->strength->pdata[i], 1);
    }
    for (guint i = 0; lib->not_negators && i < lib->not_negators->len; i++)
        csb_phrase_set_add(lib->negation, lib->not_negators->pdata[i], 0);
    for (guint i = 0; i < lib->negators->len; i++)
        csb_phrase_set_add(lib->negation, lib->negators->pdata[i], 1);
}

guint csb_themes_count(const CsbThemeLibrary *lib)
{
    return lib->themes->len;
}

const CsbTheme *csb_themes_at(const CsbThemeLibrary *lib, guint i)
{
    return i < lib->themes->len ? lib->themes->pdata[i] : NULL;
}

const CsbTheme *csb_themes_find(const CsbThemeLibrary *lib, const char *id)
{
    for (guint i = 0; id && i < lib->themes->len; i++)
        if (strcmp(((CsbTheme *)lib->themes->pdata[i])->id, id) == 0)
            return lib->themes->pdata[i];
    return NULL;
}

void csb_themes_add(CsbThemeLibrary *lib, CsbTheme *theme)
{
    for (guint i = 0; i < lib->themes->len; i++)
        if (strcmp(((CsbTheme *)lib->themes->pdata[i])->id, theme->id) == 0) {
            csb_theme_free(lib->themes->pdata[i]);
            lib->themes->pdata[i] = theme;
            prepare_matcher(lib);
            return;
        }
    g_ptr_array_add(lib->themes, theme);
    prepare_matcher(lib);
}

static GPtrArray *copy_strings(const GPtrArray *a)
{
    GPtrArray *c = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; a && i < a->len; i++)
        g_ptr_array_add(c, g_strdup(a->pdata[i]));
    return c;
}

CsbThemeLibrary *csb_themes_extend(const CsbThemeLibrary *lib, const GPtrArray *extra)
{
    CsbThemeLibrary *c = g_new0(CsbThemeLibrary, 1);
    c->themes = g_ptr_array_new_with_free_func((GDestroyNotify)csb_theme_free);
    for (guint i = 0; i < lib->themes->len; i++)
        g_ptr_array_add(c->themes, csb_theme_copy(lib->themes->pdata[i]));
    c->strength = copy_strings(lib->strength);
    c->concern = copy_strings(lib->concern);
    c->negators = copy_strings(lib->negators);
    c->negation_window = lib->negation_window;
    c->negation_stops = copy_strings(lib->negation_stops);
    c->not_negators = copy_strings(lib->not_negators);
    c->negated_concern = lib->negated_concern;
    c->tone = csb_tone_rules_ref(lib->tone);
    csb_themes_build_cues(c);
    prepare_matcher(c);
    for (guint i = 0; extra && i < extra->len; i++)
        csb_themes_add(c, csb_theme_copy(extra->pdata[i]));
    return c;
}

gboolean csb_themes_phrases(CsbYaml *y, yaml_node_t *map, const char *key, gboolean required,
                            GPtrArray *out, CsbDiag *diag)
{
    yaml_node_t *n = map ? csb_yaml_get(y, map, key) : NULL;
    if (!n && !required)
        return TRUE;
    if (!n) {
        csb_diag_error(diag, y->path, csb_yaml_line(map), csb_yaml_column(map),
                       "'%s' is missing: a list of phrases", key);
        return FALSE;
    }
    GPtrArray *raw = g_ptr_array_new_with_free_func(g_free);
    char *what = g_strdup_printf("'%s'", key);
    gboolean ok = csb_yaml_string_list(y, n, what, raw, diag);
    g_free(what);
    for (guint i = 0; i < raw->len; i++)
        g_ptr_array_add(out, g_utf8_strdown(raw->pdata[i], -1));
    g_ptr_array_free(raw, TRUE);
    return ok;
}

static gboolean phrase_list(CsbYaml *y, yaml_node_t *map, const char *key, GPtrArray *out,
                            CsbDiag *diag)
{
    return csb_themes_phrases(y, map, key, TRUE, out, diag);
}

static gboolean optional_list(CsbYaml *y, yaml_node_t *map, const char *key, GPtrArray *out,
                              CsbDiag *diag)
{
    return csb_themes_phrases(y, map, key, FALSE, out, diag);
}

gboolean csb_theme_read_not(CsbYaml *y, yaml_node_t *map, CsbTheme *t, CsbDiag *diag)
{
    yaml_node_t *n = map ? csb_yaml_get(y, map, "not") : NULL;
    if (!n)
        return TRUE;
    guint before = t->not_phrases->len;
    gboolean ok = csb_themes_phrases(y, map, "not", FALSE, t->not_phrases, diag);
    /* Each item's node, for its line: a list, or a single value. */
    GPtrArray *nodes = g_ptr_array_new();
    if (n->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top;
             i++) {
            yaml_node_t *item = csb_yaml_node(y, *i);
            const char *s = csb_yaml_scalar(item);
            if (s && *s) /* as csb_yaml_string_list takes them */
                g_ptr_array_add(nodes, item);
        }
    } else {
        g_ptr_array_add(nodes, n);
    }
    for (guint k = before; k < t->not_phrases->len; k++) {
        const char *no = t->not_phrases->pdata[k];
        yaml_node_t *at = k - before < nodes->len ? nodes->pdata[k - before] : n;
        gboolean holds = FALSE, same = FALSE;
        char *nf = csb_themes_match_form(no);
        const GPtrArray *lists[] = {t->phrases, t->finding_phrases};
        for (guint l = 0; l < G_N_ELEMENTS(lists); l++)
            for (guint i = 0; i < lists[l]->len && !same; i++) {
                char *pf = csb_themes_match_form(lists[l]->pdata[i]);
                same = strcmp(nf, pf) == 0;
                holds |= csb_theme_not_holds(no, lists[l]->pdata[i]);
                g_free(pf);
            }
        g_free(nf);
        if (same) {
            csb_diag_error(diag, y->path, csb_yaml_line(at), csb_yaml_column(at),
                           "'%s' of theme '%s' is both a phrase and under 'not': it would "
                           "never count",
                           no, t->id);
            ok = FALSE;
        } else if (!holds) {
            csb_diag_error(diag, y->path, csb_yaml_line(at), csb_yaml_column(at),
                           "'%s' under 'not' of theme '%s' holds none of its phrases, so it "
                           "excludes nothing (a not-phrase is a longer wording around one)",
                           no, t->id);
            ok = FALSE;
        }
    }
    g_ptr_array_free(nodes, TRUE);
    return ok;
}

static const char *const theme_keys[] = {"id",      "title",    "short", "description",
                                         "phrases", "findings", "not"};

static gboolean load_themes(CsbThemeLibrary *lib, const char *path, CsbDiag *diag)
{
    CsbYaml *y = csb_yaml_load(path, diag);
    if (!y)
        return FALSE;
    yaml_node_t *list = csb_yaml_get(y, csb_yaml_root(y), "themes");
    gboolean ok = list && list->type == YAML_SEQUENCE_NODE;
    if (!ok)
        csb_diag_error(diag, path, 1, 1, "expected 'themes:' with a list of themes");
    for (yaml_node_item_t *i = ok ? list->data.sequence.items.start : NULL;
         i && i < list->data.sequence.items.top; i++) {
        yaml_node_t *n = csb_yaml_node(y, *i);
        const char *id = csb_yaml_scalar(csb_yaml_get(y, n, "id"));
        const char *title = csb_yaml_scalar(csb_yaml_get(y, n, "title"));
        const char *desc = csb_yaml_scalar(csb_yaml_get(y, n, "description"));
        /* A key misspelt ("nots:") would otherwise be left out unnoticed. */
        int errors = csb_diag_count(diag, CSB_SEV_ERROR);
        csb_yaml_check_keys(y, n, "a theme", theme_keys, G_N_ELEMENTS(theme_keys), diag);
        ok &= csb_diag_count(diag, CSB_SEV_ERROR) == errors;
        if (!id || !title) {
            csb_diag_error(diag, path, csb_yaml_line(n), csb_yaml_column(n),
                           "each theme needs an 'id' and a 'title'");
            ok = FALSE;
            continue;
        }
        if (csb_themes_find(lib, id)) {
            csb_diag_error(diag, path, csb_yaml_line(n), csb_yaml_column(n),
                           "theme id '%s' is used twice", id);
            ok = FALSE;
            continue;
        }
        CsbTheme *t = csb_theme_new(id, title, desc ? desc : "");
        t->short_title = g_strdup(csb_yaml_scalar(csb_yaml_get(y, n, "short")));
        ok &= phrase_list(y, n, "phrases", t->phrases, diag);
        ok &= optional_list(y, n, "findings", t->finding_phrases, diag);
        ok &= csb_theme_read_not(y, n, t, diag);
        g_ptr_array_add(lib->themes, t);
    }
    csb_yaml_free(y);
    return ok;
}


static gboolean load_cues(CsbThemeLibrary *lib, const char *path, CsbDiag *diag)
{
    CsbYaml *y = csb_yaml_load(path, diag);
    if (!y)
        return FALSE;
    yaml_node_t *root = csb_yaml_root(y);
    gboolean ok = phrase_list(y, root, "strength", lib->strength, diag);
    ok &= phrase_list(y, root, "concern", lib->concern, diag);
    ok &= phrase_list(y, root, "negators", lib->negators, diag);
    ok &= optional_list(y, root, "negation_stops", lib->negation_stops, diag);
    ok &= optional_list(y, root, "not_negators", lib->not_negators, diag);
    yaml_node_t *wn = csb_yaml_get(y, root, "negation_window");
    const char *w = csb_yaml_scalar(wn);
    lib->negation_window = w ? atoi(w) : 4;
    if (lib->negation_window < 1 || lib->negation_window > 12) {
        csb_diag_error(diag, path, wn ? csb_yaml_line(wn) : 0, wn ? csb_yaml_column(wn) : 0,
                       "negation_window should be between 1 and 12 words");
        ok = FALSE;
    }
    yaml_node_t *nc = csb_yaml_get(y, root, "negated_concern");
    const char *mode = csb_yaml_scalar(nc);
    lib->negated_concern = CSB_TONE_NEUTRAL;
    if (mode && strcmp(mode, "strength") == 0) {
        lib->negated_concern = CSB_TONE_STRENGTH;
    } else if (mode && strcmp(mode, "neutral") != 0) {
        csb_diag_error(diag, path, csb_yaml_line(nc), csb_yaml_column(nc),
                       "negated_concern should be 'neutral' or 'strength', not '%s'", mode);
        ok = FALSE;
    }
    lib->tone = ok ? csb_tone_rules_load(y, root, lib->strength, lib->concern, diag) : NULL;
    ok &= lib->tone != NULL;
    const char *model = csb_yaml_scalar(csb_yaml_get(y, root, "model"));
    if (ok && model && *model) {
        char *dir = g_path_get_dirname(path);
        char *at = g_path_is_absolute(model) ? g_strdup(model)
                                             : g_build_filename(dir, model, NULL);
        lib->tone->model = csb_tone_model_load(at, diag);
        ok &= lib->tone->model != NULL;
        lib->tone->model_path = at;
        g_free(dir);
    }
    csb_yaml_free(y);
    return ok;
}

CsbThemeLibrary *csb_themes_load(const char *themes_path, const char *cues_path, CsbDiag *diag)
{
    CsbThemeLibrary *lib = g_new0(CsbThemeLibrary, 1);
    lib->themes = g_ptr_array_new_with_free_func((GDestroyNotify)csb_theme_free);
    lib->strength = g_ptr_array_new_with_free_func(g_free);
    lib->concern = g_ptr_array_new_with_free_func(g_free);
    lib->negators = g_ptr_array_new_with_free_func(g_free);
    lib->negation_stops = g_ptr_array_new_with_free_func(g_free);
    lib->not_negators = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = load_themes(lib, themes_path, diag);
    ok &= load_cues(lib, cues_path, diag);
    if (!ok) {
        csb_themes_free(lib);
        return NULL;
    }
    csb_themes_build_cues(lib);
    prepare_matcher(lib);
    return lib;
}
