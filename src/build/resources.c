/* resources.c - the data a run loads once: authority table, theme library
 * and cue phrases, area map, glossary and grade meanings, all from files
 * users can edit under the data directory.
 */
#include "build.h"

CsbResources *csb_resources_load(const char *datadir, CsbDiag *diag)
{
    CsbResources *r = g_new0(CsbResources, 1);
    r->datadir = g_strdup(datadir);
    r->templates_dir = g_build_filename(datadir, "templates", NULL);
    r->fonts_dir = g_build_filename(datadir, "fonts", NULL);
    r->authorities_path = g_build_filename(datadir, "data", "authorities.csv", NULL);
    char *themes = g_build_filename(r->templates_dir, "themes.yaml", NULL);
    char *cues = g_build_filename(r->templates_dir, "cues.yaml", NULL);
    char *areas = g_build_filename(datadir, "data", "areas.csv", NULL);
    char *glossary = g_build_filename(datadir, "data", "glossary.csv", NULL);
    char *grades = g_build_filename(datadir, "data", "grades.csv", NULL);
    r->authorities = csb_authorities_load(r->authorities_path, diag);
    r->themes = csb_themes_load(themes, cues, diag);
    r->areas = csb_areas_load(areas, diag);
    r->glossary = csb_csv_load(glossary, diag);
    r->grades = csb_csv_load(grades, diag);
    g_free(themes);
    g_free(cues);
    g_free(areas);
    g_free(glossary);
    g_free(grades);
    if (!r->authorities || !r->themes || !r->areas || !r->glossary || !r->grades) {
        csb_resources_free(r);
        return NULL;
    }
    return r;
}

void csb_resources_free(CsbResources *r)
{
    if (!r)
        return;
    csb_authorities_free(r->authorities);
    csb_themes_free(r->themes);
    csb_areas_free(r->areas);
    csb_csv_free(r->glossary);
    csb_csv_free(r->grades);
    g_free(r->datadir);
    g_free(r->templates_dir);
    g_free(r->fonts_dir);
    g_free(r->authorities_path);
    g_free(r);
}

CsbConfigRefs csb_resources_refs(const CsbResources *r)
{
    return (CsbConfigRefs){r->authorities, r->themes, r->templates_dir};
}
