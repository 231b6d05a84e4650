/* timeline.c - one report's place in an authority's timeline: whether it
 * is graded, its headline findings (the paragraphs under a "Headline
 * findings", "Overview", "Executive summary" or "Summary of findings"
 * heading: what a visit letter or peer challenge leads with) and its
 * priority actions.
 */
#include "compare.h"

#include <string.h>

static const char *const headline_sections[] = {"headline findings", "overview",
                                                "executive summary", "summary of findings",
                                                "summary of key findings", "key findings"};

static gboolean is_headline_section(const char *section)
{
    if (!section)
        return FALSE;
    char *f = csb_text_fold(section);
    /* "1. Executive Summary" folds to "1 executive summary". */
    const char *s = f;
    while (g_ascii_isdigit(*s) || *s == ' ')
        s++;
    gboolean hit = FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(headline_sections) && !hit; i++)
        hit = strcmp(s, headline_sections[i]) == 0;
    g_free(f);
    return hit;
}

CsbTimelineEntry *csb_timeline_entry_new(const CsbInspection *in)
{
    CsbTimelineEntry *e = g_new0(CsbTimelineEntry, 1);
    e->inspection = in;
    for (guint i = 0; i < in->judgements->len && !e->graded; i++)
        e->graded = ((const CsbJudgement *)in->judgements->pdata[i])->grade != CSB_GRADE_NONE;
    e->headline = g_ptr_array_new();
    const char *last = NULL; /* paragraphs come in runs under one heading */
    gboolean headline = FALSE;
    for (guint i = 0; i < in->paragraphs->len; i++) {
        const CsbParagraph *p = in->paragraphs->pdata[i];
        if (i == 0 || g_strcmp0(p->section, last) != 0)
            headline = is_headline_section(p->section);
        last = p->section;
        if (headline)
            g_ptr_array_add(e->headline, (gpointer)p);
    }
    e->priority_actions = g_ptr_array_new();
    for (guint i = 0; i < in->findings->len; i++) {
        const CsbFinding *f = in->findings->pdata[i];
        if (f->kind == CSB_FINDING_PRIORITY_ACTION)
            g_ptr_array_add(e->priority_actions, (gpointer)f);
    }
    return e;
}

void csb_timeline_entry_free(CsbTimelineEntry *e)
{
    if (!e)
        return;
    g_ptr_array_free(e->headline, TRUE);
    g_ptr_array_free(e->priority_actions, TRUE);
    g_free(e);
}
