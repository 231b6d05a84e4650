/* compare_json.c - the comparison model as JSON (`csbrief compare`), for
 * checking and for reuse by other tools. Documented in docs/compare.md.
 */
#include "compare.h"

static void str(GString *o, const char *s)
{
    csb_json_string(o, s);
}

static void date(GString *o, CsbDate d)
{
    char buf[11];
    if (csb_date_valid(d))
        str(o, csb_date_iso(d, buf));
    else
        g_string_append(o, "null");
}

static void strings(GString *o, const GPtrArray *a)
{
    g_string_append_c(o, '[');
    for (guint i = 0; a && i < a->len; i++) {
        if (i)
            g_string_append(o, ", ");
        str(o, a->pdata[i]);
    }
    g_string_append_c(o, ']');
}

/* A reference to a report, enough to find it: file, kind, date. */
static void cite(GString *o, const CsbInspection *in)
{
    g_string_append(o, "{\"file\": ");
    str(o, in->file);
    g_string_append(o, ", \"kind\": ");
    str(o, csb_kind_id(in->kind));
    g_string_append(o, ", \"date\": ");
    date(o, csb_inspection_date(in));
    g_string_append_c(o, '}');
}

static void point(GString *o, const CsbGradePoint *p)
{
    if (!p) {
        g_string_append(o, "null");
        return;
    }
    g_string_append(o, "{\"report\": ");
    cite(o, p->inspection);
    g_string_append(o, ", \"area\": ");
    str(o, p->judgement->area);
    g_string_append(o, ", \"grade\": ");
    str(o, csb_grade_id(p->judgement->grade));
    g_string_append_printf(o, ", \"rank\": %d, \"wording\": ", csb_grade_rank(p->judgement->grade));
    str(o, p->judgement->wording);
    g_string_append_c(o, '}');
}

static void story(GString *o, const CsbStory *s)
{
    g_string_append(o, "{\n    \"authority\": ");
    str(o, s->authority->name);
    g_string_append(o, ", \"authority_code\": ");
    str(o, s->authority->dfe_code);
    g_string_append(o, ",\n    \"timeline\": [");
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        g_string_append(o, i ? ",\n      " : "\n      ");
        g_string_append(o, "{\"report\": ");
        cite(o, in);
        g_string_append(o, ", \"start\": ");
        date(o, in->start);
        g_string_append(o, ", \"end\": ");
        date(o, in->end);
        g_string_append(o, ", \"lead_inspector\": ");
        str(o, in->lead_inspector);
        g_string_append(o, ", \"judgements\": {");
        for (guint k = 0; k < in->judgements->len; k++) {
            const CsbJudgement *j = in->judgements->pdata[k];
            g_string_append(o, k ? ", " : "");
            str(o, j->area);
            g_string_append(o, ": ");
            str(o, csb_grade_id(j->grade));
        }
        g_string_append_printf(o, "}, \"findings\": %u}", in->findings->len);
    }
    g_string_append(o, "],\n    \"areas\": [");
    for (guint i = 0; i < s->histories->len; i++) {
        const CsbAreaHistory *h = s->histories->pdata[i];
        g_string_append(o, i ? ",\n      " : "\n      ");
        g_string_append(o, "{\"area\": ");
        str(o, h->area->id);
        g_string_append(o, ", \"first\": ");
        point(o, csb_history_first(h));
        g_string_append(o, ",\n       \"latest\": ");
        point(o, csb_history_latest(h));
        g_string_append(o, ",\n       \"changes\": [");
        for (guint k = 0; k < h->changes->len; k++) {
            const CsbChange *c = h->changes->pdata[k];
            g_string_append(o, k ? ",\n         " : "\n         ");
            g_string_append(o, "{\"from\": ");
            point(o, c->from);
            g_string_append(o, ", \"to\": ");
            point(o, c->to);
            g_string_append_printf(o, ", \"steps\": %d, \"years\": %.1f}", c->steps, c->years);
        }
        g_string_append(o, "]}");
    }
    g_string_append(o, "],\n    \"areas_for_improvement\": [");
    for (guint i = 0; i < s->afis->len; i++) {
        const CsbAfiTrack *t = s->afis->pdata[i];
        g_string_append(o, i ? ",\n      " : "\n      ");
        g_string_append(o, "{\"report\": ");
        cite(o, t->inspection);
        g_string_append(o, ", \"kind\": ");
        str(o, csb_finding_kind_id(t->finding->kind));
        g_string_append(o, ", \"text\": ");
        str(o, t->finding->text);
        g_string_append(o, ", \"status\": ");
        str(o, csb_afi_status_id(t->status));
        g_string_append(o, ", \"themes\": ");
        strings(o, t->themes);
        g_string_append(o, ", \"earlier\": [");
        for (guint k = 0; k < t->earlier->len; k++) {
            const CsbAfiMatch *m = t->earlier->pdata[k];
            g_string_append(o, k ? ", " : "");
            g_string_append(o, "{\"report\": ");
            cite(o, m->inspection);
            g_string_append(o, ", \"text\": ");
            str(o, m->finding->text);
            g_string_append(o, ", \"shared_themes\": ");
            strings(o, m->themes);
            g_string_append(o, ", \"shared_words\": ");
            strings(o, m->shared_words);
            g_string_append_printf(o, ", \"similarity\": %.2f}", m->similarity);
        }
        g_string_append(o, "]}");
    }
    g_string_append(o, "],\n    \"themes\": [");
    for (guint i = 0; i < s->themes->len; i++) {
        const CsbThemeStory *t = s->themes->pdata[i];
        g_string_append(o, i ? ",\n      " : "\n      ");
        g_string_append(o, "{\"theme\": ");
        str(o, t->theme->id);
        g_string_append(o, ", \"title\": ");
        str(o, t->theme->title);
        g_string_append_printf(o, ", \"strengths\": %d, \"concerns\": %d, \"mixed\": %d",
                               t->strengths, t->concerns, t->mixed);
        g_string_append(o, ",\n       \"evidence\": [");
        for (guint k = 0; k < t->evidence->len; k++) {
            const CsbEvidence *e = t->evidence->pdata[k];
            g_string_append(o, k ? ",\n         " : "\n         ");
            g_string_append(o, "{\"report\": ");
            cite(o, e->inspection);
            g_string_append_printf(o, ", \"paragraph\": %d, \"page\": %d, \"section\": ",
                                   e->paragraph->number, e->paragraph->page);
            str(o, e->paragraph->section);
            g_string_append(o, ", \"tone\": ");
            str(o, csb_tone_id(e->tone));
            g_string_append_printf(o, ", \"score\": %.1f, \"phrases\": ", e->score);
            strings(o, e->phrases);
            g_string_append(o, ", \"why\": ");
            strings(o, e->why);
            g_string_append(o, ", \"quote\": ");
            str(o, e->quote);
            g_string_append_c(o, '}');
        }
        g_string_append(o, "]}");
    }
    g_string_append(o, "]\n  }");
}

void csb_comparison_to_json(const CsbComparison *c, GString *o)
{
    g_string_append(o, "{\n  \"focus\": ");
    story(o, c->focus);
    g_string_append(o, ",\n  \"peers\": [");
    for (guint i = 0; i < c->peers->len; i++) {
        g_string_append(o, i ? ",\n  " : "\n  ");
        story(o, c->peers->pdata[i]);
    }
    g_string_append(o, "],\n  \"peers_without_reports\": [");
    for (guint i = 0; i < c->missing_peers->len; i++) {
        g_string_append(o, i ? ", " : "");
        str(o, ((const CsbAuthority *)c->missing_peers->pdata[i])->name);
    }
    g_string_append(o, "],\n  \"peer_summary\": [");
    for (guint i = 0; i < c->peer_areas->len; i++) {
        const CsbPeerArea *pa = c->peer_areas->pdata[i];
        g_string_append(o, i ? ",\n    " : "\n    ");
        g_string_append(o, "{\"area\": ");
        str(o, pa->area->id);
        g_string_append(o, ", \"focus\": ");
        str(o, pa->focus ? csb_grade_id(pa->focus) : NULL);
        g_string_append(o, ", \"counts\": {");
        for (int g = 1; g < CSB_GRADE_COUNT; g++)
            g_string_append_printf(o, "%s\"%s\": %d", g > 1 ? ", " : "", csb_grade_id((CsbGrade)g),
                                   pa->counts[g]);
        g_string_append_printf(o, ", \"not_graded\": %d}, \"peers_better\": %d, \"peers_same\": "
                                  "%d, \"peers_worse\": %d}",
                               pa->counts[0], pa->better, pa->same, pa->worse);
    }
    g_string_append(o, "],\n  \"peer_themes\": [");
    for (guint i = 0; i < c->peer_themes->len; i++) {
        const CsbPeerTheme *pt = c->peer_themes->pdata[i];
        g_string_append(o, i ? ",\n    " : "\n    ");
        g_string_append(o, "{\"theme\": ");
        str(o, pt->theme->id);
        g_string_append_printf(o, ", \"peers_with_concerns\": %d, \"names\": ", pt->authorities);
        strings(o, pt->names);
        g_string_append_c(o, '}');
    }
    g_string_append(o, "]\n}\n");
}
