/* targets.c - the authorities whose publications a fetch needs: for each
 * briefing of each config, those whose reports it may show, exactly as the
 * build's plan gives them to it (csb_build_authorities_shown): its
 * authority and comparators (named, statistical neighbours, region), or
 * its authority alone when its template shows no other (the members'
 * summary); for 'authority: all' (or 'regions') each authority of the
 * table (in those regions) so; for a national briefing every authority of
 * the config's regions. Each with the kinds its configs want.
 */
#include "fetch.h"

#include <string.h>

static void want(GHashTable *kinds, const CsbAuthority *a, guint wanted)
{
    gpointer old;
    if (g_hash_table_lookup_extended(kinds, a, NULL, &old)) {
        guint was = GPOINTER_TO_UINT(old);
        /* 0 is "every kind": it absorbs the rest. */
        wanted = was == 0 || wanted == 0 ? 0 : was | wanted;
    }
    g_hash_table_insert(kinds, (gpointer)a, GUINT_TO_POINTER(wanted));
}

static gboolean in_regions(const CsbConfig *cfg, const CsbAuthority *a)
{
    if (!cfg->regions->len)
        return TRUE;
    for (guint i = 0; i < cfg->regions->len; i++)
        if (strcmp(cfg->regions->pdata[i], a->region) == 0)
            return TRUE;
    return FALSE;
}

static void want_all(GHashTable *kinds, GPtrArray *shown, guint wanted)
{
    for (guint i = 0; i < shown->len; i++)
        want(kinds, shown->pdata[i], wanted);
    g_ptr_array_free(shown, TRUE);
}

static void add_briefing(GHashTable *kinds, const CsbConfig *cfg, const CsbBriefingSpec *spec,
                         const CsbResources *res)
{
    guint wanted = cfg->fetch ? cfg->fetch->kinds : 0;
    if (spec->national) {
        want_all(kinds, csb_build_authorities_shown(cfg, res, NULL, FALSE), wanted);
        return;
    }
    gboolean alone = csb_build_template_focus_only(res, spec->template_id);
    const CsbAuthorities *t = res->authorities;
    for (guint k = 0; k < csb_authorities_count(t); k++) {
        const CsbAuthority *focus = csb_authorities_at(t, k);
        gboolean is_focus = cfg->all_authorities ? in_regions(cfg, focus)
                                                 : g_strcmp0(cfg->authority, focus->name) == 0;
        if (is_focus)
            want_all(kinds, csb_build_authorities_shown(cfg, res, focus, alone), wanted);
    }
}

static void add_config(GHashTable *kinds, const CsbConfig *cfg, const CsbResources *res)
{
    for (guint b = 0; b < cfg->briefings->len; b++)
        add_briefing(kinds, cfg, cfg->briefings->pdata[b], res);
}

static int by_name(gconstpointer a, gconstpointer b)
{
    const CsbFetchTarget *x = *(CsbFetchTarget *const *)a, *y = *(CsbFetchTarget *const *)b;
    return g_utf8_collate(x->authority->name, y->authority->name);
}

GPtrArray *csb_fetch_targets(const GPtrArray *configs, const CsbResources *res)
{
    GHashTable *kinds = g_hash_table_new(NULL, NULL);
    for (guint c = 0; c < configs->len; c++)
        add_config(kinds, configs->pdata[c], res);
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    GHashTableIter it;
    gpointer a, k;
    g_hash_table_iter_init(&it, kinds);
    while (g_hash_table_iter_next(&it, &a, &k)) {
        CsbFetchTarget *t = g_new0(CsbFetchTarget, 1);
        t->authority = a;
        t->kinds = GPOINTER_TO_UINT(k);
        g_ptr_array_add(out, t);
    }
    g_ptr_array_sort(out, by_name);
    g_hash_table_destroy(kinds);
    return out;
}
