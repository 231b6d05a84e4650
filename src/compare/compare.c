/* compare.c - the whole comparison: the focus authority's story, a story
 * for each comparator with reports, and how the focus sits among its
 * peers: per headline area, the current grades of the group; per selected
 * theme, which peers' latest inspections raise it as a concern (and how
 * much, and when), and whose latest findings speak to it; and which
 * library themes recur in the latest findings across the group. With no
 * focus (a national overview), every comparator is a peer and the group's
 * grades are theirs alone.
 */
#include "compare.h"

#include <string.h>

static void peer_theme_free(gpointer p)
{
    CsbPeerTheme *t = p;
    g_ptr_array_free(t->names, TRUE);
    g_ptr_array_free(t->mentions, TRUE);
    g_ptr_array_free(t->afi_names, TRUE);
    g_free(t);
}

static CsbPeerTheme *peer_theme_new(const CsbTheme *theme)
{
    CsbPeerTheme *pt = g_new0(CsbPeerTheme, 1);
    pt->theme = theme;
    pt->names = g_ptr_array_new();
    pt->mentions = g_ptr_array_new_with_free_func(g_free);
    pt->afi_names = g_ptr_array_new();
    return pt;
}

static void summarise_areas(CsbComparison *c)
{
    for (guint i = 0; i < csb_areas_count(c->areas); i++) {
        const CsbArea *area = csb_areas_at(c->areas, i);
        if (!area->headline)
            continue;
        CsbPeerArea *pa = g_new0(CsbPeerArea, 1);
        pa->area = area;
        if (c->focus) {
            pa->focus = csb_story_current_grade(c->focus, area->id);
            pa->counts[pa->focus]++;
        }
        int focus_rank = csb_grade_rank(pa->focus);
        for (guint k = 0; k < c->peers->len; k++) {
            CsbGrade g = csb_story_current_grade(c->peers->pdata[k], area->id);
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

/* The findings of the story's latest report that has any. */
static const CsbInspection *latest_with_findings(const CsbStory *s)
{
    for (guint i = s->inspections->len; i > 0; i--) {
        const CsbInspection *in = s->inspections->pdata[i - 1];
        if (in->findings->len)
            return in;
    }
    return NULL;
}

/* Do the latest findings of s speak to theme? */
static gboolean latest_findings_speak_to(CsbComparison *c, const CsbCompareInput *input,
                                         const CsbStory *s, const CsbTheme *theme)
{
    const CsbInspection *in = latest_with_findings(s);
    const CsbReportAnalysis *a = in ? csb_compare_analysis(c, input, in) : NULL;
    for (guint i = 0; a && i < in->findings->len; i++)
        if (csb_report_analysis_finding_has(a, i, theme))
            return TRUE;
    return FALSE;
}

/* Does a theme story's latest inspection raise it as a concern (a
 * paragraph on it that is a concern)? */
static gboolean latest_concern(const CsbThemeStory *t)
{
    return t->latest && t->latest->concerns > 0;
}

/* Most concerns at the latest inspection first, then the more recent. */
static gint by_latest_concerns(gconstpointer a, gconstpointer b)
{
    const CsbPeerThemeMention *x = *(CsbPeerThemeMention *const *)a;
    const CsbPeerThemeMention *y = *(CsbPeerThemeMention *const *)b;
    if (x->point->concerns != y->point->concerns)
        return y->point->concerns - x->point->concerns;
    if (x->point->mixed != y->point->mixed)
        return y->point->mixed - x->point->mixed;
    return csb_date_compare(csb_inspection_date(y->point->inspection),
                            csb_inspection_date(x->point->inspection));
}

static void summarise_themes(CsbComparison *c, const CsbCompareInput *input)
{
    for (guint i = 0; c->focus && i < c->focus->themes->len; i++) {
        const CsbThemeStory *ft = c->focus->themes->pdata[i];
        CsbPeerTheme *pt = peer_theme_new(ft->theme);
        pt->focus_concern = latest_concern(ft);
        pt->focus_afi = latest_findings_speak_to(c, input, c->focus, ft->theme);
        for (guint k = 0; k < c->peers->len; k++) {
            const CsbStory *p = c->peers->pdata[k];
            const CsbThemeStory *ts = p->themes->pdata[i];
            if (latest_concern(ts)) {
                CsbPeerThemeMention *m = g_new0(CsbPeerThemeMention, 1);
                m->authority = p->authority;
                m->point = ts->latest;
                g_ptr_array_add(pt->mentions, m);
            } else if (ts->latest && ts->latest->mixed > 0) {
                pt->mixed_only++;
            } else if (ts->concerns + ts->mixed > 0) {
                pt->earlier_only++;
            }
            if (latest_findings_speak_to(c, input, p, ft->theme)) {
                pt->afi_authorities++;
                g_ptr_array_add(pt->afi_names, p->authority->name);
            }
        }
        g_ptr_array_sort(pt->mentions, by_latest_concerns); /* stable: config order among equals */
        for (guint k = 0; k < pt->mentions->len; k++)
            g_ptr_array_add(pt->names,
                            ((const CsbPeerThemeMention *)pt->mentions->pdata[k])->authority->name);
        pt->authorities = (int)pt->mentions->len;
        g_ptr_array_add(c->peer_themes, pt);
    }
}

static gint by_authorities(gconstpointer a, gconstpointer b)
{
    const CsbPeerTheme *x = *(CsbPeerTheme *const *)a, *y = *(CsbPeerTheme *const *)b;
    int nx = x->afi_authorities + x->focus_afi, ny = y->afi_authorities + y->focus_afi;
    return ny - nx;
}

static void find_recurring_themes(CsbComparison *c, const CsbCompareInput *input)
{
    const CsbThemeLibrary *lib = input->library;
    for (guint i = 0; lib && i < csb_themes_count(lib); i++) {
        CsbPeerTheme *pt = peer_theme_new(csb_themes_at(lib, i));
        pt->focus_afi = c->focus && latest_findings_speak_to(c, input, c->focus, pt->theme);
        for (guint k = 0; k < c->peers->len; k++) {
            const CsbStory *p = c->peers->pdata[k];
            if (latest_findings_speak_to(c, input, p, pt->theme)) {
                pt->afi_authorities++;
                g_ptr_array_add(pt->afi_names, p->authority->name);
            }
        }
        if (pt->afi_authorities + pt->focus_afi >= 2)
            g_ptr_array_add(c->recurring_themes, pt);
        else
            peer_theme_free(pt);
    }
    /* Stable: library order among equals. */
    g_ptr_array_sort(c->recurring_themes, by_authorities);
}

const CsbReportAnalysis *csb_compare_analysis(CsbComparison *c, const CsbCompareInput *input,
                                              const CsbInspection *in)
{
    const CsbReportAnalysis *a = c->shared ? csb_analyses_find(c->shared, in) : NULL;
    if (a)
        return a;
    if (!c->own)
        c->own = csb_analyses_new(input->library, input->themes, input->rules, input->recurrence);
    return csb_analyses_get(c->own, in);
}

CsbComparison *csb_compare(const CsbCompareInput *input)
{
    const CsbAuthority *focus =
        input->focus ? csb_authorities_find(input->authorities, input->focus) : NULL;
    if (input->focus && !focus)
        return NULL;
    CsbComparison *c = g_new0(CsbComparison, 1);
    c->areas = input->areas;
    const CsbAnalyses *shared = input->analyses;
    if (shared && csb_analyses_library(shared) == input->library &&
        csb_analyses_recurrence(shared) == input->recurrence &&
        csb_analyses_covers(shared, input->themes))
        c->shared = shared;
    c->focus = focus ? csb_story_new(c, focus, input, TRUE) : NULL;
    c->peers = g_ptr_array_new_with_free_func((GDestroyNotify)csb_story_free);
    c->missing_peers = g_ptr_array_new();
    c->peer_areas = g_ptr_array_new_with_free_func(g_free);
    c->peer_themes = g_ptr_array_new_with_free_func(peer_theme_free);
    c->recurring_themes = g_ptr_array_new_with_free_func(peer_theme_free);
    for (guint i = 0; input->comparators && i < input->comparators->len; i++) {
        const CsbAuthority *a = input->comparators->pdata[i];
        if (!a || a == focus)
            continue;
        CsbStory *s = csb_story_new(c, a, input, !input->briefing_only);
        if (s->inspections->len) {
            g_ptr_array_add(c->peers, s);
        } else {
            g_ptr_array_add(c->missing_peers, (gpointer)a);
            csb_story_free(s);
        }
    }
    summarise_areas(c);
    summarise_themes(c, input);
    if (!input->briefing_only)
        find_recurring_themes(c, input);
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
    g_ptr_array_free(c->recurring_themes, TRUE);
    csb_analyses_free(c->own); /* after the stories that borrow from it */
    g_free(c);
}
