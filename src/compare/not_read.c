/* not_read.c - what the build could not read, in a story: the reports of
 * the authority it could not read, or read without (some of) their
 * grades, and what that means for each area's latest grade: not current
 * when a later report could have changed it.
 */
#include "compare.h"

#include <string.h>

CsbNotRead *csb_not_read_new(const char *file, const char *why, CsbUnreadReason reason,
                             const char *authority, CsbDate date, const char *title,
                             const char *kind, const CsbInspection *inspection)
{
    CsbNotRead *n = g_new0(CsbNotRead, 1);
    n->file = g_strdup(file);
    n->why = g_strdup(why);
    n->reason = reason;
    n->authority = g_strdup(authority);
    n->date = date;
    n->title = g_strdup(title);
    n->kind = g_strdup(kind);
    n->inspection = inspection;
    return n;
}

void csb_not_read_free(CsbNotRead *n)
{
    if (!n)
        return;
    g_free(n->file);
    g_free(n->why);
    g_free(n->authority);
    g_free(n->title);
    g_free(n->kind);
    g_free(n);
}

CsbDate csb_not_read_date(const CsbNotRead *n)
{
    return n->inspection ? csb_inspection_date(n->inspection) : n->date;
}

/* When a read report came out: its publication date, else its own. */
static CsbDate published(const CsbInspection *in)
{
    return csb_date_valid(in->published) ? in->published : csb_inspection_date(in);
}

/* Could a report not read have graded areas: of a graded kind, or of a
 * kind not known? */
static gboolean may_grade(const CsbNotRead *n, const CsbFrameworks *fw)
{
    if (n->inspection)
        return csb_frameworks_graded(fw, n->inspection->kind);
    return !n->kind || csb_frameworks_graded(fw, csb_kind_from_id(n->kind));
}

/* Is n later than the report of point p, as far as can be known? */
static gboolean after(const CsbNotRead *n, const CsbInspection *in)
{
    if (n->inspection)
        return n->inspection != in && csb_inspection_cmp(&n->inspection, &in) > 0;
    return csb_date_valid(n->date) && csb_date_compare(n->date, published(in)) > 0;
}

static gint oldest_first(gconstpointer a, gconstpointer b)
{
    const CsbNotRead *x = *(const CsbNotRead *const *)a, *y = *(const CsbNotRead *const *)b;
    int c = csb_date_compare(csb_not_read_date(x), csb_not_read_date(y));
    return c ? c : strcmp(x->file, y->file);
}

void csb_story_note_not_read(CsbStory *s, const CsbCompareInput *input)
{
    s->not_read = g_ptr_array_new();
    for (guint i = 0; input->not_read && i < input->not_read->len; i++) {
        const CsbNotRead *n = input->not_read->pdata[i];
        if (n->authority && strcmp(n->authority, s->authority->name) == 0)
            g_ptr_array_add(s->not_read, (gpointer)n);
    }
    g_ptr_array_sort(s->not_read, oldest_first);
    const CsbFrameworks *fw = csb_areas_frameworks(input->areas);
    for (guint i = 0; i < s->histories->len; i++) {
        CsbAreaHistory *h = s->histories->pdata[i];
        const CsbGradePoint *p = csb_history_latest(h);
        for (guint k = 0; p && k < s->not_read->len; k++) {
            const CsbNotRead *n = s->not_read->pdata[k];
            if (may_grade(n, fw) && after(n, p->inspection))
                h->not_read_since = n; /* the latest of them wins */
        }
        /* A later report whose grade for the area could not be read did
         * not leave it unjudged. */
        if (h->not_read_since && h->not_read_since->inspection == h->not_judged_since)
            h->not_judged_since = NULL;
    }
}

gboolean csb_history_current(const CsbAreaHistory *h)
{
    return h->points->len && !h->not_judged_since && !h->not_read_since;
}

CsbGrade csb_story_current_grade(const CsbStory *s, const char *area)
{
    const CsbAreaHistory *h = csb_story_history(s, area);
    return h && csb_history_current(h) ? csb_history_latest(h)->judgement->grade
                                       : CSB_GRADE_NONE;
}

CsbDate csb_story_latest_known(const CsbStory *s, const CsbFrameworks *fw)
{
    CsbDate latest = {0, 0, 0};
    const CsbInspection *in = csb_story_latest_graded(s);
    if (in)
        latest = csb_inspection_date(in);
    for (guint k = 0; k < s->not_read->len; k++) {
        const CsbNotRead *n = s->not_read->pdata[k];
        if (!n->inspection && may_grade(n, fw) && (!in || after(n, in)) &&
            csb_date_compare(n->date, latest) > 0)
            latest = n->date;
    }
    return latest;
}
