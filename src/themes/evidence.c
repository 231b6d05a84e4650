/* evidence.c - a paragraph that speaks to a theme, as evidence: its
 * tone and why, the phrases found, and the paragraph quoted faithfully
 * (quote.c); and the order evidence is ranked in: concerns first, then
 * mixed, strengths, neutral; within a tone the strongest signal first,
 * then the newest report, then report order.
 */
#include "themes.h"

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

CsbEvidence *csb_evidence_new(const CsbInspection *in, guint i, GPtrArray *phrases, double score,
                              CsbTone tone, const GPtrArray *why)
{
    const CsbParagraph *p = in->paragraphs->pdata[i];
    CsbEvidence *e = g_new0(CsbEvidence, 1);
    e->inspection = in;
    e->paragraph = p;
    e->ordinal = (int)i + 1;
    e->phrases = phrases;
    e->why = g_ptr_array_new_with_free_func(g_free);
    for (guint k = 0; why && k < why->len; k++)
        g_ptr_array_add(e->why, g_strdup(why->pdata[k]));
    e->score = score;
    e->tone = tone;
    e->quote = csb_themes_quote(p->text, phrases, CSB_QUOTE_MAX_CHARS);
    return e;
}
