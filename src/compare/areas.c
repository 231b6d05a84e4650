/* areas.c - the area map (data/areas.csv): what each judgement area is
 * called, what it means in plain English, which earlier areas its history
 * continues across frameworks, and (from data/frameworks.yaml) how each
 * framework names it. Loading checks that every area a framework can give
 * a grade to is in the map. Nothing in code lists areas.
 */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

struct CsbAreaMap {
    GPtrArray *areas; /* CsbArea*, owned, in display order */
    const CsbFrameworks *frameworks; /* borrowed */
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

static CsbArea *find_area(GPtrArray *areas, const char *id)
{
    for (guint i = 0; id && i < areas->len; i++)
        if (strcmp(((CsbArea *)areas->pdata[i])->id, id) == 0)
            return areas->pdata[i];
    return NULL;
}

static void add_label(GPtrArray *areas, const char *area, const char *framework,
                      const char *label, const char *path, CsbDiag *diag, gboolean *ok)
{
    CsbArea *a = find_area(areas, area);
    if (!a) {
        csb_diag_error(diag, path, 0, 0,
                       "the %s framework grades area '%s', which data/areas.csv does not "
                       "have: add a row for it there",
                       framework, area);
        *ok = FALSE;
        return;
    }
    char *s = g_strdup_printf("%s: %s", framework, label);
    for (guint i = 0; i < a->labels->len; i++)
        if (strcmp(a->labels->pdata[i], s) == 0) {
            g_free(s);
            return;
        }
    g_ptr_array_add(a->labels, s);
}

/* Each area's names in each framework, and the check that the frameworks
 * grade no area the map lacks. */
static gboolean add_framework_labels(GPtrArray *areas, const CsbFrameworks *fw, const char *path,
                                     CsbDiag *diag)
{
    gboolean ok = TRUE;
    for (guint i = 0; i < csb_frameworks_count(fw); i++) {
        const CsbFramework *f = csb_frameworks_at(fw, i);
        for (guint k = 0; k < f->judgements->len; k++) {
            const CsbFrameworkJudgement *j = f->judgements->pdata[k];
            gboolean in_strand = !j->strand;
            for (guint s = 0; s < f->strands->len && !in_strand; s++)
                in_strand = strcmp(((CsbFrameworkStrand *)f->strands->pdata[s])->id, j->strand) == 0;
            for (guint l = 0; in_strand && l < j->names->len; l++)
                add_label(areas, j->area, f->id, j->names->pdata[l], path, diag, &ok);
        }
        for (guint k = 0; k < f->sentences->len; k++) {
            const CsbFrameworkSentence *s = f->sentences->pdata[k];
            add_label(areas, s->area, f->id, s->label, path, diag, &ok);
        }
    }
    return ok;
}

CsbAreaMap *csb_areas_load(const char *path, const CsbFrameworks *frameworks, CsbDiag *diag)
{
    CsbCsv *csv = csb_csv_load(path, diag);
    if (!csv)
        return NULL;
    static const char *const cols[] = {"id",        "title",    "short_title", "plain_english",
                                       "continues", "headline", "order"};
    int c[G_N_ELEMENTS(cols)];
    for (guint i = 0; i < G_N_ELEMENTS(cols); i++)
        if ((c[i] = csb_csv_column(csv, cols[i])) < 0) {
            csb_diag_error(diag, path, csv->header_line, 0, "the area map has no column '%s'",
                           cols[i]);
            csb_csv_free(csv);
            return NULL;
        }
    CsbAreaMap *m = g_new0(CsbAreaMap, 1);
    m->frameworks = frameworks;
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
        g_ptr_array_add(m->areas, a);
    }
    csb_csv_free(csv);
    if (!add_framework_labels(m->areas, frameworks, path, diag)) {
        csb_areas_free(m);
        return NULL;
    }
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
    return find_area(m->areas, id);
}

const CsbFrameworks *csb_areas_frameworks(const CsbAreaMap *m)
{
    return m->frameworks;
}

const char *csb_areas_title(const CsbAreaMap *m, const char *id)
{
    const CsbArea *a = csb_areas_find(m, id);
    return a ? a->title : id;
}
