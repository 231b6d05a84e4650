/* resources.c - the data a run loads once: authority table and
 * inspection frameworks, theme library and cue phrases, area map, glossary,
 * grade meanings, the words for why a report was not read
 * (data/not-read-reasons.csv) and what areas for improvement are read by
 * (data/recurrence.yaml), all from files users can edit under the data
 * directory.
 */
#include "build.h"

CsbResources *csb_resources_load(const char *datadir, CsbDiag *diag)
{
    CsbResources *r = g_new0(CsbResources, 1);
    r->datadir = g_strdup(datadir);
    r->templates_dir = g_build_filename(datadir, "templates", NULL);
    r->fonts_dir = g_build_filename(datadir, "fonts", NULL);
    r->authorities_path = g_build_filename(datadir, "data", "authorities.csv", NULL);
    r->frameworks_path = g_build_filename(datadir, "data", "frameworks.yaml", NULL);
    char *themes = g_build_filename(r->templates_dir, "themes.yaml", NULL);
    char *cues = g_build_filename(r->templates_dir, "cues.yaml", NULL);
    char *areas = g_build_filename(datadir, "data", "areas.csv", NULL);
    char *glossary = g_build_filename(datadir, "data", "glossary.csv", NULL);
    char *grades = g_build_filename(datadir, "data", "grades.csv", NULL);
    char *unread = g_build_filename(datadir, "data", "not-read-reasons.csv", NULL);
    char *recurrence = g_build_filename(datadir, "data", "recurrence.yaml", NULL);
    r->reference = csb_reference_load_files(r->authorities_path, r->frameworks_path, diag);
    r->authorities = r->reference ? r->reference->authorities : NULL;
    r->themes = csb_themes_load(themes, cues, diag);
    r->areas = r->reference ? csb_areas_load(areas, r->reference->frameworks, diag) : NULL;
    r->glossary = csb_csv_load(glossary, diag);
    r->grades = csb_csv_load(grades, diag);
    r->unread_words = csb_unread_words_load(unread, diag);
    r->recurrence = csb_recurrence_load(recurrence, diag);
    /* Every file read here shapes every briefing: the batch hashes them. */
    r->data_files = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(r->data_files, g_strdup(r->authorities_path));
    g_ptr_array_add(r->data_files, g_strdup(r->frameworks_path));
    g_ptr_array_add(r->data_files, themes);
    g_ptr_array_add(r->data_files, cues);
    g_ptr_array_add(r->data_files, areas);
    g_ptr_array_add(r->data_files, glossary);
    g_ptr_array_add(r->data_files, grades);
    g_ptr_array_add(r->data_files, unread);
    g_ptr_array_add(r->data_files, recurrence);
    if (r->themes && csb_themes_model_path(r->themes))
        g_ptr_array_add(r->data_files, g_strdup(csb_themes_model_path(r->themes)));
    if (!r->authorities || !r->themes || !r->areas || !r->glossary || !r->grades ||
        !r->unread_words || !r->recurrence) {
        csb_resources_free(r);
        return NULL;
    }
    return r;
}

void csb_resources_free(CsbResources *r)
{
    if (!r)
        return;
    csb_areas_free(r->areas); /* borrows the reference's frameworks */
    csb_reference_free(r->reference);
    csb_themes_free(r->themes);
    csb_csv_free(r->glossary);
    csb_csv_free(r->grades);
    csb_unread_words_free(r->unread_words);
    csb_recurrence_free(r->recurrence);
    g_free(r->datadir);
    g_free(r->templates_dir);
    g_free(r->fonts_dir);
    g_free(r->authorities_path);
    g_free(r->frameworks_path);
    if (r->data_files)
        g_ptr_array_free(r->data_files, TRUE);
    g_free(r);
}

char *csb_resources_template_path(const CsbResources *r, const char *template_id)
{
    char *name = g_strdup_printf("%s.yaml", template_id);
    char *path = g_build_filename(r->templates_dir, name, NULL);
    g_free(name);
    return path;
}

CsbConfigRefs csb_resources_refs(const CsbResources *r)
{
    return (CsbConfigRefs){r->authorities, r->themes, r->templates_dir};
}
