/* compare.c - the whole comparison: the focus authority's full story, a
 * lighter story for each comparator with reports, and how the focus sits
 * among its peers per area and per theme.
 */
#include "compare.h"

#include <string.h>

static void peer_theme_free(gpointer p)
{
    CsbPeerTheme *t = p;
    g_ptr_array_free(t->names, TRUE);
    g_free(t);
}

static CsbGrade latest_grade(const CsbStory *s, const char *area)
{
    const CsbAreaHistory *h = csb_story_history(s, area);
    const CsbGradePoint *p = h ? csb_history_latest(h) : NULL;
    return p ? p->judgement->grade : CSB_GRADE_NONE;
}

static void summarise_areas(CsbComparison *c)
{
    for (guint i = 0; i < csb_areas_count(c->areas); i++) {
        const CsbArea *area = csb_areas_at(c->areas, i);
        if (!area->headline)
            continue;
        CsbPeerArea *pa = g_new0(CsbPeerArea, 1);
        pa->area = area;
        pa->focus = latest_grade(c->focus, area->id);
        pa->counts[pa->focus]++;
        int focus_rank = csb_grade_rank(pa->focus);
        for (guint k = 0; k < c->peers->len; k++) {
            CsbGrade g = latest_grade(c->peers->pdata[k], area->id);
            pa->counts[g]++;
            if (!g || !focus_rank)
                continue;
            int r = csb_grade_rank(g);
            if (r < focus_rank)
                pa->better++;
            else if (r == focus_rank)
                pa->same++;
            else
                pa->worse++;
        }
        g_ptr_array_add(c->peer_areas, pa);
    }
}

static void summarise_themes(CsbComparison *c)
{
    for (guint i = 0; i < c->focus->themes->len; i++) {
        const CsbThemeStory *ft = c->focus->themes->pdata[i];
        CsbPeerTheme *pt = g_new0(CsbPeerTheme, 1);
        pt->theme = ft->theme;
        pt->names = g_ptr_array_new();
        for (guint k = 0; k < c->peers->len; k++) {
            const CsbStory *p = c->peers->pdata[k];
            const CsbThemeStory *ts = p->themes->pdata[i];
            if (ts->concerns + ts->mixed > 0) {
                pt->authorities++;
                g_ptr_array_add(pt->names, p->authority->name);
            }
        }
        g_ptr_array_add(c->peer_themes, pt);
    }
}

CsbComparison *csb_compare(const CsbCompareInput *input)
{
    const CsbAuthority *focus = csb_authorities_find(input->authorities, input->focus);
    if (!focus)
        return NULL;
    CsbComparison *c = g_new0(CsbComparison, 1);
    c->areas = input->areas;
    c->focus = csb_story_new(focus, input, TRUE);
    c->peers = g_ptr_array_new_with_free_func((GDestroyNotify)csb_story_free);
    c->missing_peers = g_ptr_array_new();
    c->peer_areas = g_ptr_array_new_with_free_func(g_free);
    c->peer_themes = g_ptr_array_new_with_free_func(peer_theme_free);
    for (guint i = 0; input->comparators && i < input->comparators->len; i++) {
        const CsbAuthority *a = input->comparators->pdata[i];
        if (a == focus)
            continue;
        CsbStory *s = csb_story_new(a, input, FALSE);
        if (s->inspections->len) {
            g_ptr_array_add(c->peers, s);
        } else {
            g_ptr_array_add(c->missing_peers, (gpointer)a);
            csb_story_free(s);
        }
    }
    summarise_areas(c);
    summarise_themes(c);
    return c;
}

void csb_comparison_free(CsbComparison *c)
{
    if (!c)
        return;
    csb_story_free(c->focus);
    g_ptr_array_free(c->peers, TRUE);
    g_ptr_array_free(c->missing_peers, TRUE);
    g_ptr_array_free(c->peer_areas, TRUE);
    g_ptr_array_free(c->peer_themes, TRUE);
    g_free(c);
}
