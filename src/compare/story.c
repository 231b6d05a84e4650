/* story.c - one authority's story: its inspections in date order, each
 * area's grade history with the change between consecutive graded
 * inspections, and (for the focus authority) theme evidence and areas for
 * improvement tracked across inspections.
 */
#include "compare.h"

#include <string.h>

static void history_free(gpointer p)
{
    CsbAreaHistory *h = p;
    g_ptr_array_free(h->points, TRUE);
    g_ptr_array_free(h->changes, TRUE);
    g_free(h);
}

static void theme_story_free(gpointer p)
{
    CsbThemeStory *t = p;
    g_ptr_array_free(t->evidence, TRUE);
    g_ptr_array_free(t->timeline, TRUE);
    g_free(t);
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

static CsbAreaHistory *history_build(const CsbArea *area, const GPtrArray *inspections)
{
    CsbAreaHistory *h = g_new0(CsbAreaHistory, 1);
    h->area = area;
    h->points = g_ptr_array_new_with_free_func(g_free);
    h->changes = g_ptr_array_new_with_free_func(g_free);
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
    }
    for (guint i = 1; i < h->points->len; i++) {
        const CsbGradePoint *a = h->points->pdata[i - 1], *b = h->points->pdata[i];
        CsbChange *c = g_new0(CsbChange, 1);
        c->area = area->id;
        c->from = a;
        c->to = b;
        c->steps = csb_grade_rank(b->judgement->grade) - csb_grade_rank(a->judgement->grade);
        int days = csb_date_julian(csb_inspection_date(b->inspection)) -
                   csb_date_julian(csb_inspection_date(a->inspection));
        c->years = days / 365.25;
        g_ptr_array_add(h->changes, c);
    }
    return h;
}

static CsbThemeStory *theme_story_build(const CsbTheme *theme, const GPtrArray *inspections,
                                        const CsbThemeLibrary *lib)
{
    CsbThemeStory *t = g_new0(CsbThemeStory, 1);
    t->theme = theme;
    t->evidence = g_ptr_array_new_with_free_func((GDestroyNotify)csb_evidence_free);
    t->timeline = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < inspections->len; i++) {
        const CsbInspection *in = inspections->pdata[i];
        GPtrArray *ev = csb_themes_match(lib, theme, in);
        if (ev->len) {
            CsbThemePoint *pt = g_new0(CsbThemePoint, 1);
            pt->inspection = in;
            for (guint k = 0; k < ev->len; k++) {
                CsbEvidence *e = ev->pdata[k];
                pt->strengths += e->tone == CSB_TONE_STRENGTH;
                pt->concerns += e->tone == CSB_TONE_CONCERN;
                pt->mixed += e->tone == CSB_TONE_MIXED;
            }
            t->strengths += pt->strengths;
            t->concerns += pt->concerns;
            t->mixed += pt->mixed;
            g_ptr_array_add(t->timeline, pt);
        }
        /* Move evidence across without copying. */
        g_ptr_array_set_free_func(ev, NULL);
        for (guint k = 0; k < ev->len; k++)
            g_ptr_array_add(t->evidence, ev->pdata[k]);
        g_ptr_array_free(ev, TRUE);
    }
    return t;
}

CsbStory *csb_story_new(const CsbAuthority *a, const CsbCompareInput *input, gboolean full)
{
    CsbStory *s = g_new0(CsbStory, 1);
    s->authority = a;
    s->inspections = g_ptr_array_new();
    for (guint i = 0; i < input->inspections->len; i++) {
        const CsbInspection *in = input->inspections->pdata[i];
        if (in->authority && strcmp(in->authority, a->name) == 0)
            g_ptr_array_add(s->inspections, (gpointer)in);
    }
    g_ptr_array_sort(s->inspections, csb_inspection_cmp);
    s->histories = g_ptr_array_new_with_free_func(history_free);
    for (guint i = 0; i < csb_areas_count(input->areas); i++) {
        CsbAreaHistory *h = history_build(csb_areas_at(input->areas, i), s->inspections);
        if (h->points->len)
            g_ptr_array_add(s->histories, h);
        else
            history_free(h);
    }
    s->afis = g_ptr_array_new();
    s->themes = g_ptr_array_new_with_free_func(theme_story_free);
    for (guint i = 0; input->themes && i < input->themes->len; i++)
        g_ptr_array_add(s->themes,
                        theme_story_build(input->themes->pdata[i], s->inspections, input->library));
    if (full)
        csb_compare_track_afis(s, input);
    return s;
}

void csb_story_free(CsbStory *s)
{
    if (!s)
        return;
    g_ptr_array_free(s->inspections, TRUE);
    g_ptr_array_free(s->histories, TRUE);
    g_ptr_array_free(s->afis, TRUE);
    g_ptr_array_free(s->themes, TRUE);
    g_free(s);
}

const CsbInspection *csb_story_latest_graded(const CsbStory *s)
{
    for (guint i = s->inspections->len; i > 0; i--) {
        const CsbInspection *in = s->inspections->pdata[i - 1];
        if (in->judgements->len)
            return in;
    }
    return NULL;
}

const CsbAreaHistory *csb_story_history(const CsbStory *s, const char *area_id)
{
    for (guint i = 0; i < s->histories->len; i++) {
        const CsbAreaHistory *h = s->histories->pdata[i];
        if (strcmp(h->area->id, area_id) == 0)
            return h;
    }
    return NULL;
}
