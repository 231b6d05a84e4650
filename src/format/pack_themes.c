/* pack_themes.c - one section of the briefing pack per theme, the themes
 * with most concerns at the latest inspection first: what the theme covers, its evidence report by
 * report (a chart), then what the reports said, quoted and cited: concerns
 * first, then mixed findings, then strengths, newest report first in each;
 * and a box of the areas for improvement on it (by its phrases and its
 * finding phrases).
 */
#include "pack.h"

#define QUOTES_PER_TONE 4

static gint newest_first(gconstpointer a, gconstpointer b)
{
    const CsbEvidence *x = *(const CsbEvidence *const *)a;
    const CsbEvidence *y = *(const CsbEvidence *const *)b;
    return csb_date_compare(csb_inspection_date(y->inspection),
                            csb_inspection_date(x->inspection));
}

static void tone_quotes(CsbFormatter *fm, const CsbThemeStory *t, CsbTone tone,
                        const char *heading)
{
    GPtrArray *pick = g_ptr_array_new();
    for (guint k = 0; k < t->evidence->len; k++) {
        const CsbEvidence *e = t->evidence->pdata[k];
        if (e->tone == tone)
            g_ptr_array_add(pick, (gpointer)e);
    }
    g_ptr_array_sort(pick, newest_first); /* stable: the engine's ranking within a report */
    if (pick->len) {
        csb_doc_heading(fm->doc, 3, heading);
        /* Said before the quotes, so that it is never left alone on a page. */
        if (pick->len > QUOTES_PER_TONE)
            csb_doc_para(fm->doc, csb_rich_addf(csb_rich_new(), CSB_STYLE_MUTED,
                                                "The newest %u of %u paragraphs of this kind.",
                                                QUOTES_PER_TONE, pick->len))
                ->keep_with_next = TRUE;
        for (guint k = 0; k < pick->len && k < QUOTES_PER_TONE; k++) {
            const CsbEvidence *e = pick->pdata[k];
            char *quote = csb_evidence_quote(e);
            csb_fmt_quote(fm, quote, e->inspection, e->paragraph);
            g_free(quote);
        }
    }
    g_ptr_array_free(pick, TRUE);
}

/* Is an area for improvement on the theme: by the themes the analysis
 * found in it (its phrases, and the theme's finding wordings: "care
 * leavers", said in passing in a paragraph, names what a finding is
 * about). */
static gboolean has_theme(const CsbAfiTrack *a, const CsbTheme *theme)
{
    for (guint i = 0; a->themes && i < a->themes->len; i++)
        if (g_strcmp0(a->themes->pdata[i], theme->id) == 0)
            return TRUE;
    return FALSE;
}

/* The areas for improvement of the latest graded report on this theme,
 * and any finding on it that recurs, in a box a reader cannot miss. */
static void theme_findings(CsbFormatter *fm, const CsbThemeStory *t)
{
    const CsbStory *s = fm->focus;
    const CsbInspection *latest = csb_story_latest_graded(s);
    CsbRich *r = NULL;
    for (guint i = 0; i < s->afis->len; i++) {
        const CsbAfiTrack *a = s->afis->pdata[i];
        if (!has_theme(a, t->theme) ||
            (a->inspection != latest && a->status != CSB_AFI_RECURRING))
            continue;
        if (!r)
            r = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, "Areas for improvement on this theme");
        char *name = csb_fmt_report_name(fm->frameworks, a->inspection);
        csb_rich_addf(r, 0, "\n\u2022 %s", a->finding->text);
        csb_rich_addf(r, CSB_STYLE_MUTED, " (%s%s)", name,
                      a->status == CSB_AFI_RECURRING ? "; recurring" : "");
        g_free(name);
    }
    if (r)
        csb_doc_callout(fm->doc, CSB_CALLOUT_CONCERN, r);
}

static void theme(CsbFormatter *fm, const CsbThemeStory *t)
{
    char *title = g_strdup_printf("Theme: %s", t->theme->title);
    char *brief = t->theme->short_title ? g_strdup_printf("Theme: %s", t->theme->short_title)
                                        : NULL;
    csb_doc_heading_short(fm->doc, 1, title, brief);
    g_free(brief);
    g_free(title);
    if (t->theme->description)
        csb_doc_para(fm->doc, csb_rich_add(csb_rich_new(), CSB_STYLE_ITALIC,
                                           t->theme->description));
    if (!t->timeline->len) {
        csb_doc_para(fm->doc, csb_rich_plain("No paragraph of the reports read speaks to this "
                                             "theme."));
        return;
    }
    CsbRich *counts = csb_rich_plain("Paragraphs on it at the ");
    csb_pack_add_theme_counts(fm, counts, t, TRUE);
    csb_rich_add(counts, 0, ".");
    csb_doc_para(fm->doc, counts);
    theme_findings(fm, t);
    csb_doc_figure(fm->doc, csb_fmt_theme_chart(fm->frameworks, t));
    if (!t->concerns && !t->mixed && !t->strengths)
        return;
    csb_doc_heading(fm->doc, 2, "What the reports said");
    tone_quotes(fm, t, CSB_TONE_CONCERN, "Concerns");
    tone_quotes(fm, t, CSB_TONE_MIXED, "Mixed: strengths and concerns together");
    tone_quotes(fm, t, CSB_TONE_STRENGTH, "Strengths");
}

void csb_pack_themes(CsbFormatter *fm)
{
    GPtrArray *order = csb_pack_themes_by_concern(fm->focus);
    for (guint i = 0; i < order->len; i++)
        theme(fm, order->pdata[i]);
    g_ptr_array_free(order, TRUE);
}
