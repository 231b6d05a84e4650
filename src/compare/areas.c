/* areas.c - the area map (data/areas.csv): what each judgement area is
 * called, what it means in plain English, which earlier areas its history
 * continues across frameworks, and how each framework names it. The one
 * place areas are mapped across frameworks: nothing in code lists them.
 */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

struct CsbAreaMap {
    GPtrArray *areas; /* CsbArea*, owned, in display order */
};

static void area_free(gpointer p)
{
    CsbArea *a = p;
    g_free(a->id);
    g_free(a->title);
    g_free(a->short_title);
    g_free(a->plain);
    g_ptr_array_free(a->continues, TRUE);
    g_ptr_array_free(a->labels, TRUE);
    g_free(a);
}

static gint area_cmp(gconstpointer x, gconstpointer y)
{
    return (*(CsbArea *const *)x)->order - (*(CsbArea *const *)y)->order;
}

CsbAreaMap *csb_areas_load(const char *path, CsbDiag *diag)
{
    CsbCsv *csv = csb_csv_load(path, diag);
    if (!csv)
        return NULL;
    static const char *const cols[] = {"id",        "title",    "short_title", "plain_english",
                                       "continues", "headline", "order"};
    int c[G_N_ELEMENTS(cols)];
    for (guint i = 0; i < G_N_ELEMENTS(cols); i++)
        if ((c[i] = csb_csv_column(csv, cols[i])) < 0) {
            csb_diag_error(diag, path, 1, 0, "the area map has no column '%s'", cols[i]);
            csb_csv_free(csv);
            return NULL;
        }
    int labels = csb_csv_column(csv, "labels"); /* optional */
    CsbAreaMap *m = g_new0(CsbAreaMap, 1);
    m->areas = g_ptr_array_new_with_free_func(area_free);
    for (guint r = 0; r < csv->rows->len; r++) {
        CsbArea *a = g_new0(CsbArea, 1);
        a->id = g_strdup(csb_csv_get(csv, r, c[0]));
        a->title = g_strdup(csb_csv_get(csv, r, c[1]));
        a->short_title = g_strdup(csb_csv_get(csv, r, c[2]));
        a->plain = g_strdup(csb_csv_get(csv, r, c[3]));
        a->continues = g_ptr_array_new_with_free_func(g_free);
        char **parts = g_strsplit(csb_csv_get(csv, r, c[4]), ";", -1);
        for (char **p = parts; *p; p++)
            if (**p)
                g_ptr_array_add(a->continues, g_strstrip(g_strdup(*p)));
        g_strfreev(parts);
        a->headline = g_ascii_strcasecmp(csb_csv_get(csv, r, c[5]), "yes") == 0;
        a->order = atoi(csb_csv_get(csv, r, c[6]));
        a->labels = g_ptr_array_new_with_free_func(g_free);
        char **names = g_strsplit(labels >= 0 ? csb_csv_get(csv, r, labels) : "", "|", -1);
        for (char **p = names; *p; p++)
            if (*g_strstrip(*p))
                g_ptr_array_add(a->labels, g_strdup(*p));
        g_strfreev(names);
        g_ptr_array_add(m->areas, a);
    }
    csb_csv_free(csv);
    g_ptr_array_sort(m->areas, area_cmp);
    return m;
}

void csb_areas_free(CsbAreaMap *m)
{
    if (!m)
        return;
    g_ptr_array_free(m->areas, TRUE);
    g_free(m);
}

guint csb_areas_count(const CsbAreaMap *m)
{
    return m->areas->len;
}

const CsbArea *csb_areas_at(const CsbAreaMap *m, guint i)
{
    return i < m->areas->len ? m->areas->pdata[i] : NULL;
}

const CsbArea *csb_areas_find(const CsbAreaMap *m, const char *id)
{
    for (guint i = 0; id && i < m->areas->len; i++)
        if (strcmp(((CsbArea *)m->areas->pdata[i])->id, id) == 0)
            return m->areas->pdata[i];
    return NULL;
}

const char *csb_areas_title(const CsbAreaMap *m, const char *id)
{
    const CsbArea *a = csb_areas_find(m, id);
    return a ? a->title : id;
}
