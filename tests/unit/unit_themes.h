/* unit_themes.h - for the theme tests: a theme library loaded from YAML
 * text written into a scratch folder, with its first error. */
#ifndef CSB_UNIT_THEMES_H
#define CSB_UNIT_THEMES_H

#include "../../src/themes/themes.h"
#include <glib/gstdio.h>

/* The library in yaml (with the shipped cues), or NULL; *err is the first
 * error as "themes.yaml:LINE:COLUMN: message" (a new string), or NULL. */
static inline CsbThemeLibrary *unit_themes_from_yaml(const char *scratch, const char *yaml,
                                                     char **err)
{
    char *path = g_build_filename(scratch, "themes.yaml", NULL);
    g_file_set_contents(path, yaml, -1, NULL);
    CsbDiag *diag = csb_diag_new();
    CsbThemeLibrary *l = csb_themes_load(path, "templates/cues.yaml", diag);
    *err = NULL;
    for (guint i = 0; i < diag->items->len && !*err; i++) {
        const CsbError *e = diag->items->pdata[i];
        if (e->severity == CSB_SEV_ERROR)
            *err = g_strdup_printf("%s:%d:%d: %s",
                                   g_str_equal(e->file, path) ? "themes.yaml" : e->file,
                                   e->line, e->column, e->message);
    }
    csb_diag_free(diag);
    g_unlink(path);
    g_free(path);
    return l;
}

#endif
