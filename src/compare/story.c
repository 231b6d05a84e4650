/* story.c - one authority's story: its inspections in date order with
 * duplicates left out (dedup.c), the timeline (timeline.c), each area's
 * grade history (history.c) and whether a report not read makes its
 * latest grade not current (not_read.c), the visits its reports name that
 * are not among them (mentioned.c), theme evidence (from each report's analysis)
 * ranked across all its inspections, and areas for improvement tracked
 * across them (afi.c).
 */
#include "compare.h"

#include <string.h>

static void theme_story_free(gpointer p)
{
    CsbThemeStory *t = p;
    g_ptr_array_free(t->evidence, TRUE);
    g_ptr_array_free(t->timeline, TRUE);
    g_free(t);
}

/* A theme's evidence across the inspections (borrowed from their
 * analyses), ranked, and counted per inspection. */
static CsbThemeStory *theme_story_build(CsbComparison *c, const CsbTheme *theme,
                                        const GPtrArray *inspections,
                                        const CsbCompareInput *input)
{
    CsbThemeStory *t = g_new0(CsbThemeStory, 1);
    t->theme = theme;
    t->evidence = g_ptr_array_new();
    t->timeline = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < inspections->len; i++) {
        const CsbInspection *in = inspections->pdata[i];
        const GPtrArray *ev =
            csb_report_analysis_evidence(csb_compare_analysis(c, input, in), theme);
        CsbThemePoint *pt = NULL;
        for (guint k = 0; ev && k < ev->len; k++) {
            CsbEvidence *e = ev->pdata[k];
            if (!pt) {
                pt = g_new0(CsbThemePoint, 1);
                pt->inspection = in;
                g_ptr_array_add(t->timeline, pt);
            }
            pt->strengths += e->tone == CSB_TONE_STRENGTH;
            pt->concerns += e->tone == CSB_TONE_CONCERN;
            pt->mixed += e->tone == CSB_TONE_MIXED;
            g_ptr_array_add(t->evidence, e);
        }
        if (pt) {
            t->strengths += pt->strengths;
            t->concerns += pt->concerns;
            t->mixed += pt->mixed;
        }
    }
    /* One ranking over every inspection: concerns first. */
    g_ptr_array_sort(t->evidence, csb_evidence_cmp);
    return t;
}

CsbStory *csb_story_new(CsbComparison *c, const CsbAuthority *a, const CsbCompareInput *input,
                        gboolean track_afis)
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
    s->duplicates = g_ptr_array_new_with_free_func((GDestroyNotify)csb_duplicate_free);
    csb_compare_dedup(s->inspections, s->duplicates);
    s->timeline = g_ptr_array_new_with_free_func((GDestroyNotify)csb_timeline_entry_free);
    for (guint i = 0; i < s->inspections->len; i++)
        g_ptr_array_add(s->timeline, csb_timeline_entry_new(s->inspections->pdata[i]));
    s->histories = g_ptr_array_new_with_free_func((GDestroyNotify)csb_history_free);
    for (guint i = 0; i < csb_areas_count(input->areas); i++) {
        CsbAreaHistory *h =
            csb_history_build(csb_areas_at(input->areas, i), input->areas, s->inspections);
        if (h->points->len)
            g_ptr_array_add(s->histories, h);
        else
            csb_history_free(h);
    }
    csb_story_note_not_read(s, input);
    if (track_afis) /* what only a briefing's focus (or compare) shows */
        csb_story_note_mentioned(s, csb_areas_frameworks(input->areas));
    else
        s->mentioned = g_ptr_array_new();
    s->afis = g_ptr_array_new();
    s->themes = g_ptr_array_new_with_free_func(theme_story_free);
    for (guint i = 0; input->themes && i < input->themes->len; i++)
        g_ptr_array_add(s->themes,
                        theme_story_build(c, input->themes->pdata[i], s->inspections, input));
    /* Each theme at the latest inspection. */
    const CsbInspection *latest = csb_story_latest_graded(s);
    if (!latest && s->inspections->len)
        latest = s->inspections->pdata[s->inspections->len - 1];
    for (guint i = 0; i < s->themes->len; i++) {
        CsbThemeStory *t = s->themes->pdata[i];
        t->latest_inspection = latest;
        for (guint k = 0; k < t->timeline->len; k++)
            if (((const CsbThemePoint *)t->timeline->pdata[k])->inspection == latest)
                t->latest = t->timeline->pdata[k];
    }
    if (track_afis)
        csb_compare_track_afis(c, s, input);
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
    g_ptr_array_free(s->timeline, TRUE);
    g_ptr_array_free(s->duplicates, TRUE);
    if (s->not_read)
        g_ptr_array_free(s->not_read, TRUE);
    g_ptr_array_free(s->mentioned, TRUE);
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
