/* compare_json.c - the comparison model as JSON (`csbrief compare`), for
 * checking and for reuse by other tools. Every field is documented in
 * docs/compare.md; keep the two in step.
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

static void num_or_null(GString *o, int n)
{
    if (n > 0)
        g_string_append_printf(o, "%d", n);
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

/* A reference to a report, enough to find it. */
static void cite(const CsbFrameworks *fw, GString *o, const CsbInspection *in)
{
    if (!in) {
        g_string_append(o, "null");
        return;
    }
    g_string_append(o, "{\"file\": ");
    str(o, in->file);
    g_string_append(o, ", \"authority\": ");
    str(o, in->authority);
    g_string_append(o, ", \"kind\": ");
    str(o, csb_kind_id(in->kind));
    g_string_append(o, ", \"kind_title\": ");
    str(o, csb_frameworks_title(fw, in->kind));
    g_string_append(o, ", \"date\": ");
    date(o, csb_inspection_date(in));
    g_string_append_c(o, '}');
}

/* A paragraph of a report: its number (null when unnumbered), its place
 * in the report, page (null for text input) and heading. */
static void paragraph_ref(GString *o, const CsbParagraph *p, int ordinal)
{
    g_string_append(o, "\"paragraph\": ");
    num_or_null(o, p->number);
    g_string_append_printf(o, ", \"ordinal\": %d, \"page\": ", ordinal);
    num_or_null(o, p->page);
    g_string_append(o, ", \"section\": ");
    str(o, p->section);
}

static int ordinal_of(const CsbInspection *in, const CsbParagraph *p)
{
    for (guint i = 0; i < in->paragraphs->len; i++)
        if (in->paragraphs->pdata[i] == p)
            return (int)i + 1;
    return 0;
}

static void finding(GString *o, const CsbFinding *f)
{
    if (!f) { /* a link to a report's text */
        g_string_append(o, "\"finding_kind\": null, \"text\": null, \"framework_ref\": null, "
                           "\"page\": null");
        return;
    }
    g_string_append(o, "\"finding_kind\": ");
    str(o, csb_finding_kind_id(f->kind));
    g_string_append(o, ", \"text\": ");
    str(o, f->text);
    g_string_append(o, ", \"framework_ref\": ");
    str(o, f->framework_ref);
    g_string_append(o, ", \"page\": ");
    num_or_null(o, f->page);
}

static void judgement(GString *o, const CsbJudgement *j, const CsbAreaMap *areas)
{
    g_string_append(o, "{\"area\": ");
    str(o, j->area);
    g_string_append(o, ", \"area_title\": ");
    str(o, csb_areas_title(areas, j->area));
    g_string_append(o, ", \"grade\": ");
    str(o, j->grade ? csb_grade_id(j->grade) : NULL);
    g_string_append_printf(o, ", \"rank\": %d, \"wording\": ", csb_grade_rank(j->grade));
    str(o, j->wording);
    g_string_append(o, ", \"label\": ");
    str(o, j->label);
    g_string_append(o, ", \"page\": ");
    num_or_null(o, j->page);
    g_string_append_c(o, '}');
}

static void point(const CsbFrameworks *fw, GString *o, const CsbGradePoint *p)
{
    if (!p) {
        g_string_append(o, "null");
        return;
    }
    g_string_append(o, "{\"report\": ");
    cite(fw, o, p->inspection);
    g_string_append(o, ", \"area\": ");
    str(o, p->judgement->area);
    g_string_append(o, ", \"grade\": ");
    str(o, csb_grade_id(p->judgement->grade));
    g_string_append_printf(o, ", \"rank\": %d, \"wording\": ", csb_grade_rank(p->judgement->grade));
    str(o, p->judgement->wording);
    g_string_append(o, ", \"page\": ");
    num_or_null(o, p->judgement->page);
    g_string_append_c(o, '}');
}

static const char *direction(int steps)
{
    return steps < 0 ? "improved" : steps > 0 ? "declined" : "unchanged";
}

static void timeline(const CsbFrameworks *fw, GString *o, const CsbStory *s, const CsbAreaMap *areas)
{
    g_string_append(o, "\"timeline\": [");
    for (guint i = 0; i < s->timeline->len; i++) {
        const CsbTimelineEntry *e = s->timeline->pdata[i];
        const CsbInspection *in = e->inspection;
        g_string_append(o, i ? ",\n      " : "\n      ");
        g_string_append(o, "{\"report\": ");
        cite(fw, o, in);
        g_string_append(o, ", \"title\": ");
        str(o, in->title);
        g_string_append(o, ", \"start\": ");
        date(o, in->start);
        g_string_append(o, ", \"end\": ");
        date(o, in->end);
        g_string_append(o, ", \"published\": ");
        date(o, in->published);
        g_string_append(o, ", \"lead_inspector\": ");
        str(o, in->lead_inspector);
        g_string_append(o, ", \"provider\": ");
        str(o, in->provider);
        g_string_append_printf(o, ", \"graded\": %s,\n       \"judgements\": [",
                               e->graded ? "true" : "false");
        for (guint k = 0; k < in->judgements->len; k++) {
            g_string_append(o, k ? ", " : "");
            judgement(o, in->judgements->pdata[k], areas);
        }
        g_string_append(o, "],\n       \"headline_findings\": [");
        for (guint k = 0; k < e->headline->len; k++) {
            const CsbParagraph *p = e->headline->pdata[k];
            g_string_append(o, k ? ", " : "");
            g_string_append_c(o, '{');
            paragraph_ref(o, p, ordinal_of(in, p));
            g_string_append(o, ", \"text\": ");
            str(o, p->text);
            g_string_append_c(o, '}');
        }
        g_string_append(o, "],\n       \"priority_actions\": [");
        for (guint k = 0; k < e->priority_actions->len; k++) {
            g_string_append(o, k ? ", " : "");
            g_string_append_c(o, '{');
            finding(o, e->priority_actions->pdata[k]);
            g_string_append_c(o, '}');
        }
        g_string_append_printf(o, "], \"findings\": %u, \"paragraphs\": %u}", in->findings->len,
                               in->paragraphs->len);
    }
    g_string_append(o, "]");
}

static void duplicates(const CsbFrameworks *fw, GString *o, const CsbStory *s)
{
    g_string_append(o, "\"duplicates\": [");
    for (guint i = 0; i < s->duplicates->len; i++) {
        const CsbDuplicate *d = s->duplicates->pdata[i];
        g_string_append(o, i ? ",\n      " : "\n      ");
        g_string_append(o, "{\"kept\": ");
        cite(fw, o, d->kept);
        g_string_append(o, ", \"dropped\": ");
        cite(fw, o, d->dropped);
        g_string_append(o, ", \"reason\": ");
        str(o, d->reason);
        g_string_append_c(o, '}');
    }
    g_string_append(o, "]");
}

/* A report not read, with the kind of problem (its id), or read without
 * its grades (reason null: the file was read). */
static void not_read(GString *o, const CsbNotRead *n)
{
    if (!n) {
        g_string_append(o, "null");
        return;
    }
    g_string_append(o, "{\"file\": ");
    str(o, n->file);
    g_string_append(o, ", \"date\": ");
    date(o, csb_not_read_date(n));
    g_string_append(o, ", \"title\": ");
    str(o, n->title);
    g_string_append_printf(o, ", \"read\": %s, \"reason\": ", n->inspection ? "true" : "false");
    str(o, n->inspection ? NULL : csb_unread_reason_id(n->reason));
    g_string_append(o, ", \"why\": ");
    str(o, n->why);
    g_string_append_c(o, '}');
}

static void histories(const CsbFrameworks *fw, GString *o, const CsbStory *s)
{
    g_string_append(o, "\"areas\": [");
    for (guint i = 0; i < s->histories->len; i++) {
        const CsbAreaHistory *h = s->histories->pdata[i];
        g_string_append(o, i ? ",\n      " : "\n      ");
        g_string_append(o, "{\"area\": ");
        str(o, h->area->id);
        g_string_append(o, ", \"title\": ");
        str(o, h->area->title);
        g_string_append(o, ", \"framework_labels\": ");
        strings(o, h->area->labels);
        g_string_append_printf(o, ",\n       \"headline\": %s, \"current\": %s, \"not_judged_since\": ",
                               h->area->headline ? "true" : "false",
                               csb_history_current(h) ? "true" : "false");
        cite(fw, o, h->not_judged_since);
        g_string_append(o, ", \"not_read_since\": ");
        not_read(o, h->not_read_since);
        g_string_append(o, ",\n       \"first\": ");
        point(fw, o, csb_history_first(h));
        g_string_append(o, ",\n       \"latest\": ");
        point(fw, o, csb_history_latest(h));
        g_string_append(o, ",\n       \"changes\": [");
        for (guint k = 0; k < h->changes->len; k++) {
            const CsbChange *c = h->changes->pdata[k];
            g_string_append(o, k ? ",\n         " : "\n         ");
            g_string_append(o, "{\"from\": ");
            point(fw, o, c->from);
            g_string_append(o, ",\n          \"to\": ");
            point(fw, o, c->to);
            g_string_append_printf(o, ",\n          \"steps\": %d, \"direction\": \"%s\", \"years\": ",
                                   c->steps, direction(c->steps));
            if (c->dated)
                g_string_append_printf(o, "%.1f}", c->years);
            else
                g_string_append(o, "null}");
        }
        g_string_append(o, "]}");
    }
    g_string_append(o, "]");
}

static void afi_matches(const CsbFrameworks *fw, GString *o, const GPtrArray *matches)
{
    g_string_append_c(o, '[');
    for (guint k = 0; k < matches->len; k++) {
        const CsbAfiMatch *m = matches->pdata[k];
        g_string_append(o, k ? ",\n          " : "\n          ");
        g_string_append(o, "{\"report\": ");
        cite(fw, o, m->inspection);
        g_string_append(o, ", ");
        finding(o, m->finding);
        g_string_append(o, ", \"shared_issues\": ");
        strings(o, m->issues);
        g_string_append(o, ", \"shared_themes\": ");
        strings(o, m->themes);
        g_string_append(o, ", \"shared_words\": ");
        strings(o, m->shared_words);
        g_string_append_printf(o, ", \"similarity\": %.2f, \"declared\": %s}", m->similarity,
                               m->declared ? "true" : "false");
    }
    g_string_append_c(o, ']');
}

static void afis(const CsbFrameworks *fw, GString *o, const CsbStory *s)
{
    g_string_append(o, "\"areas_for_improvement\": [");
    for (guint i = 0; i < s->afis->len; i++) {
        const CsbAfiTrack *t = s->afis->pdata[i];
        g_string_append(o, i ? ",\n      " : "\n      ");
        g_string_append(o, "{\"report\": ");
        cite(fw, o, t->inspection);
        g_string_append(o, ", ");
        finding(o, t->finding);
        g_string_append(o, ",\n       \"status\": ");
        str(o, csb_afi_status_id(t->status));
        g_string_append(o, ", \"themes\": ");
        strings(o, t->themes);
        g_string_append(o, ",\n       \"raised_before\": ");
        cite(fw, o, t->raised_before ? t->raised_before->inspection : NULL);
        g_string_append(o, ", \"declared\": ");
        str(o, t->declared);
        g_string_append_printf(o, ", \"declared_report_read\": %s",
                               t->declared ? (t->declared_unread ? "false" : "true") : "null");
        g_string_append(o, ",\n       \"earlier\": ");
        afi_matches(fw, o, t->earlier);
        g_string_append(o, ",\n       \"later\": ");
        afi_matches(fw, o, t->later);
        g_string_append_c(o, '}');
    }
    g_string_append(o, "]");
}

static void theme_stories(const CsbFrameworks *fw, GString *o, const CsbStory *s)
{
    g_string_append(o, "\"themes\": [");
    for (guint i = 0; i < s->themes->len; i++) {
        const CsbThemeStory *t = s->themes->pdata[i];
        g_string_append(o, i ? ",\n      " : "\n      ");
        g_string_append(o, "{\"theme\": ");
        str(o, t->theme->id);
        g_string_append(o, ", \"title\": ");
        str(o, t->theme->title);
        g_string_append_printf(o, ", \"strengths\": %d, \"concerns\": %d, \"mixed\": %d",
                               t->strengths, t->concerns, t->mixed);
        g_string_append(o, ",\n       \"latest\": {\"report\": ");
        cite(fw, o, t->latest_inspection);
        g_string_append_printf(o, ", \"strengths\": %d, \"concerns\": %d, \"mixed\": %d}",
                               t->latest ? t->latest->strengths : 0,
                               t->latest ? t->latest->concerns : 0,
                               t->latest ? t->latest->mixed : 0);
        g_string_append(o, ",\n       \"timeline\": [");
        for (guint k = 0; k < t->timeline->len; k++) {
            const CsbThemePoint *p = t->timeline->pdata[k];
            g_string_append(o, k ? ", " : "");
            g_string_append(o, "{\"report\": ");
            cite(fw, o, p->inspection);
            g_string_append_printf(o, ", \"strengths\": %d, \"concerns\": %d, \"mixed\": %d}",
                                   p->strengths, p->concerns, p->mixed);
        }
        g_string_append(o, "],\n       \"evidence\": [");
        for (guint k = 0; k < t->evidence->len; k++) {
            const CsbEvidence *e = t->evidence->pdata[k];
            g_string_append(o, k ? ",\n         " : "\n         ");
            g_string_append(o, "{\"report\": ");
            cite(fw, o, e->inspection);
            g_string_append(o, ", ");
            paragraph_ref(o, e->paragraph, e->ordinal);
            g_string_append(o, ", \"tone\": ");
            str(o, csb_tone_id(e->tone));
            g_string_append_printf(o, ", \"score\": %.1f, \"phrases\": ", e->score);
            strings(o, e->phrases);
            g_string_append(o, ", \"why\": ");
            strings(o, e->why);
            g_string_append(o, ",\n          \"quote\": ");
            char *quote = csb_evidence_quote(e);
            str(o, quote);
            g_free(quote);
            g_string_append_c(o, '}');
        }
        g_string_append(o, "]}");
    }
    g_string_append(o, "]");
}

static void story(const CsbFrameworks *fw, GString *o, const CsbStory *s, const CsbAreaMap *areas)
{
    g_string_append(o, "{\n    \"authority\": ");
    str(o, s->authority->name);
    g_string_append(o, ", \"authority_code\": ");
    str(o, s->authority->dfe_code);
    g_string_append(o, ", \"region\": ");
    str(o, s->authority->region);
    g_string_append(o, ",\n    ");
    timeline(fw, o, s, areas);
    g_string_append(o, ",\n    ");
    duplicates(fw, o, s);
    g_string_append(o, ",\n    \"not_read\": [");
    for (guint i = 0; i < s->not_read->len; i++) {
        g_string_append(o, i ? ",\n      " : "\n      ");
        not_read(o, s->not_read->pdata[i]);
    }
    g_string_append(o, "],\n    \"mentioned\": [");
    for (guint i = 0; i < s->mentioned->len; i++) {
        const CsbMention *m = s->mentioned->pdata[i];
        g_string_append(o, i ? ",\n      " : "\n      ");
        /* month and paragraph 0: not stated */
        g_string_append_printf(o, "{\"kind\": \"%s\", \"year\": %d, \"month\": %d, ",
                               csb_kind_id(m->kind), m->year, m->month);
        if (!m->year) { /* named without a date: before the report naming it */
            char day[11];
            g_string_append_printf(o, "\"before\": \"%s\", \"since\": %d, ",
                                   csb_date_iso(m->before, day), m->since);
        }
        g_string_append(o, "\"named_in\": ");
        str(o, m->by->file);
        g_string_append_printf(o, ", \"paragraph\": %d}", m->paragraph->number);
    }
    g_string_append(o, "]");
    g_string_append(o, ",\n    ");
    histories(fw, o, s);
    g_string_append(o, ",\n    ");
    afis(fw, o, s);
    g_string_append(o, ",\n    ");
    theme_stories(fw, o, s);
    g_string_append(o, "\n  }");
}

/* A theme across the group. Recurring themes come from findings only, so
 * they carry no concern counts (with_concerns FALSE). */
static void peer_theme(const CsbFrameworks *fw, GString *o, const CsbPeerTheme *pt, gboolean with_concerns)
{
    g_string_append(o, "{\"theme\": ");
    str(o, pt->theme->id);
    g_string_append(o, ", \"title\": ");
    str(o, pt->theme->title);
    if (with_concerns) {
        g_string_append_printf(o, ", \"focus_concern\": %s", pt->focus_concern ? "true" : "false");
        g_string_append_printf(o, ",\n     \"peers_with_concerns\": %d, \"names\": ",
                               pt->authorities);
        strings(o, pt->names);
        g_string_append(o, ", \"latest\": [");
        for (guint k = 0; k < pt->mentions->len; k++) {
            const CsbPeerThemeMention *m = pt->mentions->pdata[k];
            g_string_append(o, k ? ",\n       " : "\n       ");
            g_string_append(o, "{\"authority\": ");
            str(o, m->authority->name);
            g_string_append(o, ", \"report\": ");
            cite(fw, o, m->point->inspection);
            g_string_append_printf(o, ", \"concerns\": %d, \"mixed\": %d, \"strengths\": %d}",
                                   m->point->concerns, m->point->mixed, m->point->strengths);
        }
        g_string_append_printf(o, "], \"peers_with_mixed_only\": %d, "
                                  "\"peers_with_earlier_concerns_only\": %d",
                               pt->mixed_only, pt->earlier_only);
    }
    g_string_append_printf(o, ",\n     \"focus_in_latest_findings\": %s",
                           pt->focus_afi ? "true" : "false");
    g_string_append_printf(o, ", \"peers_with_it_in_latest_findings\": %d, \"finding_names\": ",
                           pt->afi_authorities);
    strings(o, pt->afi_names);
    g_string_append_c(o, '}');
}

static void peer_summary(const CsbFrameworks *fw, GString *o, const CsbComparison *c)
{
    g_string_append(o, "\"peer_summary\": [");
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
    g_string_append(o, "]");
}

void csb_comparison_to_json(const CsbComparison *c, GString *o)
{
    const CsbFrameworks *fw = csb_areas_frameworks(c->areas);
    g_string_append(o, "{\n  \"focus\": ");
    if (c->focus)
        story(fw, o, c->focus, c->areas);
    else
        g_string_append(o, "null");
    g_string_append(o, ",\n  \"peers\": [");
    for (guint i = 0; i < c->peers->len; i++) {
        g_string_append(o, i ? ",\n  " : "\n  ");
        story(fw, o, c->peers->pdata[i], c->areas);
    }
    g_string_append(o, "],\n  \"peers_without_reports\": [");
    for (guint i = 0; i < c->missing_peers->len; i++) {
        g_string_append(o, i ? ", " : "");
        str(o, ((const CsbAuthority *)c->missing_peers->pdata[i])->name);
    }
    g_string_append(o, "],\n  ");
    peer_summary(fw, o, c);
    g_string_append(o, ",\n  \"peer_themes\": [");
    for (guint i = 0; i < c->peer_themes->len; i++) {
        g_string_append(o, i ? ",\n    " : "\n    ");
        peer_theme(fw, o, c->peer_themes->pdata[i], TRUE);
    }
    g_string_append(o, "],\n  \"recurring_themes\": [");
    for (guint i = 0; i < c->recurring_themes->len; i++) {
        g_string_append(o, i ? ",\n    " : "\n    ");
        peer_theme(fw, o, c->recurring_themes->pdata[i], FALSE);
    }
    g_string_append(o, "]\n}\n");
}
