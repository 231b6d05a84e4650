/* evidence.c - a paragraph that speaks to a theme, as evidence: its
 * tone and why (the paragraph's, or those of the sentences on the theme
 * when it is narrowed to them), the phrases found, and the paragraph (or
 * those sentences) quoted faithfully when asked (quote.c); and the order evidence is ranked in: concerns
 * first, then mixed, strengths, neutral; within a tone the strongest
 * signal first, then the newest report, then report order.
 */
#include "themes.h"

void csb_evidence_free(CsbEvidence *e)
{
    if (!e)
        return;
    g_ptr_array_unref(e->phrases);
    g_ptr_array_unref(e->why); /* shared: the last one frees it */
    csb_tone_result_free(e->reading); /* shared too */
    if (e->part)
        g_array_free(e->part, TRUE);
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

CsbEvidence *csb_evidence_new(const CsbInspection *in, guint i, const CsbTheme *theme,
                              GPtrArray *phrases, double score, CsbToneResult *reading,
                              GPtrArray *why)
{
    CsbEvidence *e = g_new0(CsbEvidence, 1);
    e->inspection = in;
    e->theme = theme;
    e->paragraph = in->paragraphs->pdata[i];
    e->ordinal = (int)i + 1;
    e->phrases = phrases;
    e->why = g_ptr_array_ref(why);
    e->score = score;
    e->reading = csb_tone_result_ref(reading);
    e->tone = reading->tone;
    return e;
}

void csb_evidence_narrow(CsbEvidence *e, GArray *part, CsbToneResult *reading, CsbTone tone,
                         GPtrArray *why)
{
    if (e->part)
        g_array_free(e->part, TRUE);
    e->part = part;
    csb_tone_result_ref(reading);
    csb_tone_result_free(e->reading);
    e->reading = reading;
    g_ptr_array_ref(why);
    g_ptr_array_unref(e->why);
    e->why = why;
    e->tone = tone;
}

char *csb_evidence_quote(const CsbEvidence *e)
{
    /* The label shown is what the quote keeps first, when it is not its
     * reading's (part's words, weighing nothing, are labelled neutral). */
    CsbToneResult as_shown = *e->reading;
    as_shown.tone = e->tone;
    return csb_theme_quote_part(e->theme, e->paragraph->text, e->phrases, &as_shown, e->part,
                                CSB_QUOTE_MAX_CHARS);
}
