/* history.c - one area's grade history for one authority: a point for
 * each graded inspection that judged the area (or an earlier area its
 * history continues, from data/areas.csv), the change between each
 * consecutive pair on the harmonised scale, and whether a later full
 * inspection (ILACS or SIF) stopped judging it.
 */
#include "compare.h"

#include <string.h>

void csb_history_free(CsbAreaHistory *h)
{
    if (!h)
        return;
    g_ptr_array_free(h->points, TRUE);
    g_ptr_array_free(h->changes, TRUE);
    g_free(h);
}

const CsbGradePoint *csb_history_first(const CsbAreaHistory *h)
{
    return h->points->len ? h->points->pdata[0] : NULL;
}

const CsbGradePoint *csb_history_latest(const CsbAreaHistory *h)
{
    return h->points->len ? h->points->pdata[h->points->len - 1] : NULL;
}

/* Does a judgement of area id belong to this area's history? */
static gboolean area_counts(const CsbArea *area, const char *id)
{
    if (strcmp(area->id, id) == 0)
        return TRUE;
    for (guint i = 0; i < area->continues->len; i++)
        if (strcmp(area->continues->pdata[i], id) == 0)
            return TRUE;
    return FALSE;
}

/* Did in judge area, or an area whose history continues it? */
static gboolean judged(const CsbInspection *in, const CsbArea *area, const CsbAreaMap *areas)
{
    for (guint k = 0; k < in->judgements->len; k++) {
        const CsbJudgement *j = in->judgements->pdata[k];
        if (j->grade == CSB_GRADE_NONE)
            continue;
        if (area_counts(area, j->area))
            return TRUE;
        const CsbArea *successor = csb_areas_find(areas, j->area);
        if (successor && area_counts(successor, area->id))
            return TRUE;
    }
    return FALSE;
}

/* A full inspection: one whose framework judges every headline area
 * (ILACS, SIF: `full` in data/frameworks.yaml), so leaving an area out
 * means it was not judged. A LAC or child protection inspection looks at
 * one strand only. */
static gboolean full_inspection(const CsbFrameworks *fw, const CsbInspection *in)
{
    const CsbFramework *f = csb_frameworks_get(fw, in->kind);
    if (!f || !f->full)
        return FALSE;
    for (guint k = 0; k < in->judgements->len; k++)
        if (((const CsbJudgement *)in->judgements->pdata[k])->grade != CSB_GRADE_NONE)
            return TRUE;
    return FALSE;
}

static CsbChange *change_new(const CsbArea *area, const CsbGradePoint *a, const CsbGradePoint *b)
{
    CsbChange *c = g_new0(CsbChange, 1);
    c->area = area->id;
    c->from = a;
    c->to = b;
    c->steps = csb_grade_rank(b->judgement->grade) - csb_grade_rank(a->judgement->grade);
    CsbDate da = csb_inspection_date(a->inspection), db = csb_inspection_date(b->inspection);
    c->dated = csb_date_valid(da) && csb_date_valid(db);
    if (c->dated)
        c->years = (csb_date_julian(db) - csb_date_julian(da)) / 365.25;
    return c;
}

CsbAreaHistory *csb_history_build(const CsbArea *area, const CsbAreaMap *areas,
                                  const GPtrArray *inspections)
{
    CsbAreaHistory *h = g_new0(CsbAreaHistory, 1);
    h->area = area;
    h->points = g_ptr_array_new_with_free_func(g_free);
    h->changes = g_ptr_array_new_with_free_func(g_free);
    guint latest_at = 0;
    for (guint i = 0; i < inspections->len; i++) {
        const CsbInspection *in = inspections->pdata[i];
        /* The area's own judgement wins over a continued one in one report. */
        const CsbJudgement *pick = NULL;
        for (guint k = 0; k < in->judgements->len; k++) {
            const CsbJudgement *j = in->judgements->pdata[k];
            if (j->grade == CSB_GRADE_NONE || !area_counts(area, j->area))
                continue;
            if (!pick || strcmp(j->area, area->id) == 0)
                pick = j;
        }
        if (!pick)
            continue;
        CsbGradePoint *pt = g_new0(CsbGradePoint, 1);
        pt->inspection = in;
        pt->judgement = pick;
        g_ptr_array_add(h->points, pt);
        latest_at = i;
    }
    for (guint i = 1; i < h->points->len; i++)
        g_ptr_array_add(h->changes, change_new(area, h->points->pdata[i - 1], h->points->pdata[i]));
    for (guint i = latest_at + 1; h->points->len && i < inspections->len; i++) {
        const CsbInspection *in = inspections->pdata[i];
        if (!full_inspection(csb_areas_frameworks(areas), in))
            continue;
        if (!judged(in, area, areas))
            h->not_judged_since = in;
        break; /* else judged by a successor: the history goes on there */
    }
    return h;
}
