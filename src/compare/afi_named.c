/* afi_named.c - which earlier report a sentence saying a weakness was
 * raised before names ("the last inspection", "the focused visit in
 * 2020"), and whether a report raised an issue in its text rather than in
 * a finding: read by afi.c when it links a finding by its report's own
 * words.
 */
#include "compare.h"

#include <string.h>

/* The first year 2000-2029 a sentence (match form) names, or 0. */
int csb_afi_year_named(const char *form)
{
    for (const char *p = form; *p; p++)
        if (p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '2' && g_ascii_isdigit(p[3]) &&
            (p == form || !g_ascii_isalnum(p[-1])) && !g_ascii_isalnum(p[4]))
            return (int)g_ascii_strtoll(p, NULL, 10);
    return 0;
}

/* The place in the story of the report a sentence names, before report
 * at: the last inspection (a graded one), focused visit or monitoring
 * visit, of the year it names if it names one; -1 when none is read. */
gint csb_afi_report_named(const CsbStory *s, guint at, const char *sentence,
                          const CsbFrameworks *fw)
{
    char *f = csb_themes_match_form(sentence);
    gboolean focused = strstr(f, "focused visit") || strstr(f, "assurance visit");
    gboolean monitoring = strstr(f, "monitoring visit") != NULL;
    gboolean inspection = strstr(f, "inspection") || (!focused && !monitoring);
    int year = csb_afi_year_named(f);
    g_free(f);
    for (guint j = at; j > 0; j--) {
        const CsbInspection *in = s->inspections->pdata[j - 1];
        if (year && csb_inspection_date(in).year != year && in->published.year != year)
            continue;
        if ((inspection && csb_frameworks_graded(fw, in->kind) && in->judgements->len) ||
            (focused && in->kind == CSB_KIND_FOCUSED_VISIT) ||
            (monitoring && in->kind == CSB_KIND_MONITORING_VISIT))
            return (gint)(j - 1);
    }
    return -1;
}

/* Does a paragraph of in name the issue (in its text, not a finding)? */
gboolean csb_afi_text_names(const CsbInspection *in, const CsbRecurrence *rec, guint issue)
{
    gboolean named = FALSE;
    for (guint p = 0; p < in->paragraphs->len && !named; p++) {
        char *form = csb_themes_match_form(((const CsbParagraph *)in->paragraphs->pdata[p])->text);
        GArray *hits = csb_recurrence_find(rec, form);
        for (guint h = 0; h < hits->len && !named; h++)
            named = g_array_index(hits, CsbIssueHit, h).issue == issue;
        g_array_free(hits, TRUE);
        g_free(form);
    }
    return named;
}
