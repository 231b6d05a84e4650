/* evidence.c - the paragraphs of a report that speak to a theme, each
 * classified and quoted faithfully (quote.c), and the order evidence is
 * ranked in: concerns first, then mixed, strengths, neutral; within a tone
 * the strongest signal first, then the newest report, then report order.
 */
#include "themes.h"

#include <string.h>

void csb_evidence_free(CsbEvidence *e)
{
    if (!e)
        return;
    g_ptr_array_free(e->phrases, TRUE);
    g_ptr_array_free(e->why, TRUE);
    g_free(e->quote);
    g_free(e);
}

static int tone_order(CsbTone t)
{
    switch (t) {
    case CSB_TONE_CONCERN:
        return 0;
    case CSB_TONE_MIXED:
        return 1;
    case CSB_TONE_STRENGTH:
        return 2;
    default:
        return 3;
    }
}

gint csb_evidence_cmp(gconstpointer a, gconstpointer b)
{
    const CsbEvidence *x = *(CsbEvidence *const *)a, *y = *(CsbEvidence *const *)b;
    int d = tone_order(x->tone) - tone_order(y->tone);
    if (d)
        return d;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->inspection != y->inspection) {
        d = csb_inspection_cmp(&y->inspection, &x->inspection);
        if (d)
            return d;
    }
    return x->ordinal - y->ordinal;
}

CsbEvidence *csb_evidence_new(const CsbThemeLibrary *lib, const CsbTheme *theme,
                              const CsbInspection *in, guint i)
{
    const CsbParagraph *p = in->paragraphs->pdata[i];
    GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
    double score = 0;
    if (!csb_theme_find(theme, p->text, found, &score)) {
        g_ptr_array_free(found, TRUE);
        return NULL;
    }
    CsbEvidence *e = g_new0(CsbEvidence, 1);
    e->inspection = in;
    e->paragraph = p;
    e->ordinal = (int)i + 1;
    e->phrases = found;
    e->why = g_ptr_array_new_with_free_func(g_free);
    e->score = score;
    e->tone = csb_themes_classify_in(lib, p->text, p->section, e->why);
    e->quote = csb_themes_quote_why(p->text, found, e->why, CSB_QUOTE_MAX_CHARS);
    return e;
}

GPtrArray *csb_themes_match(const CsbThemeLibrary *lib, const CsbTheme *theme,
                            const CsbInspection *in)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)csb_evidence_free);
    for (guint i = 0; i < in->paragraphs->len; i++) {
        CsbEvidence *e = csb_evidence_new(lib, theme, in, i);
        if (e)
            g_ptr_array_add(out, e);
    }
    g_ptr_array_sort(out, csb_evidence_cmp);
    return out;
}
