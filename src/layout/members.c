/* members.c - the members' summary for a corporate parenting board: two to
 * four pages in plain English: what the latest inspection found, the grades
 * and what each word means, what is going well and what must improve for
 * children in care and care leavers (quoted and cited), questions members
 * may wish to ask, and a glossary of the abbreviations in the quotations.
 */
#include "layout.h"

#include <string.h>

static void masthead(CsbFormatter *fm)
{
    CsbDoc *d = fm->doc;
    csb_doc_heading(d, 1, d->cover.title);
    CsbRich *r = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, fm->focus->authority->name);
    if (d->cover.subtitle)
        csb_rich_addf(r, 0, " \u2014 %s", d->cover.subtitle);
    csb_rich_addf(r, CSB_STYLE_MUTED, "\n%s%s%s", d->cover.organisation ? d->cover.organisation : "",
                  d->cover.organisation ? ", " : "", d->cover.date_text);
    csb_doc_para(d, r);
}

/* The first paragraph of the report, unnumbered summary text preferred. */
static const CsbParagraph *opening_paragraph(const CsbInspection *in)
{
    for (guint i = 0; i < in->paragraphs->len; i++) {
        const CsbParagraph *p = in->paragraphs->pdata[i];
        if (p->number == 0)
            return p;
    }
    return in->paragraphs->len ? in->paragraphs->pdata[0] : NULL;
}

static void latest(CsbFormatter *fm)
{
    const CsbInspection *in = csb_story_latest_graded(fm->focus);
    csb_doc_heading(fm->doc, 2, "What the latest inspection found");
    if (!in) {
        csb_doc_para(fm->doc, csb_rich_plain("There is no graded inspection among the reports."));
        return;
    }
    char *when = csb_fmt_month_year(csb_inspection_date(in));
    const CsbJudgement *o = csb_inspection_judgement(in, "overall");
    CsbRich *r = csb_rich_new();
    csb_rich_addf(r, 0, "Ofsted inspected children's services in %s in %s. ",
                  fm->focus->authority->name, when);
    if (o) {
        csb_rich_add(r, 0, "Inspectors judged services overall to be ");
        csb_rich_add(r, CSB_STYLE_BOLD, csb_grade_title(o->grade));
        csb_rich_addf(r, 0, ": %s", csb_fmt_grade_meaning(fm->in, o->grade));
    } else {
        csb_rich_add(r, 0, "Since April 2026 Ofsted no longer gives an overall grade; the "
                           "separate judgements are below.");
    }
    csb_doc_para(fm->doc, r);
    g_free(when);
    const CsbParagraph *p = opening_paragraph(in);
    if (p) {
        GPtrArray *none = g_ptr_array_new();
        char *q = csb_themes_quote(p->text, none, 480);
        g_ptr_array_free(none, TRUE);
        csb_fmt_quote(fm, q, in, p);
        g_free(q);
    }
}

static void grades(CsbFormatter *fm)
{
    csb_doc_heading(fm->doc, 2, "The grades, and what they mean");
    static const double w[] = {3.0, 2.0, 4.6};
    CsbTable *t = csb_table_new(3, w);
    csb_table_header(t, 0, "Area");
    csb_table_header(t, 1, "Grade");
    csb_table_header(t, 2, "How it has moved");
    for (guint i = 0; i < fm->focus->histories->len; i++) {
        const CsbAreaHistory *h = fm->focus->histories->pdata[i];
        if (!h->area->headline)
            continue;
        const CsbGradePoint *last = csb_history_latest(h);
        GPtrArray *row = csb_table_row(t);
        CsbRich *a = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, h->area->short_title);
        csb_rich_addf(a, CSB_STYLE_SMALL | CSB_STYLE_MUTED, "\n%s", h->area->plain);
        csb_table_cell(row, a);
        csb_fmt_grade_cell(row, last->judgement->grade, NULL);
        if (h->changes->len) {
            const CsbChange *c = h->changes->pdata[h->changes->len - 1];
            char *words = csb_fmt_change(c);
            char *when = csb_fmt_month_year(csb_inspection_date(c->from->inspection));
            CsbRich *r = csb_rich_new();
            csb_rich_addf(r, 0, "%c%s since %s.", g_ascii_toupper(words[0]), words + 1, when);
            csb_table_cell(row, r);
            g_free(words);
            g_free(when);
        } else {
            csb_table_cell(row, csb_rich_plain("First time this area was graded."));
        }
    }
    csb_doc_table(fm->doc, t);
    CsbRich *key = csb_rich_new();
    csb_rich_add(key, CSB_STYLE_BOLD, "What the words mean. ");
    for (int g = CSB_GRADE_OUTSTANDING; g < CSB_GRADE_COUNT; g++) {
        if (g == CSB_GRADE_ADEQUATE)
            continue;
        csb_rich_addf(key, CSB_STYLE_BOLD, "%s: ", csb_grade_title((CsbGrade)g));
        csb_rich_addf(key, 0, "%s ", csb_fmt_grade_meaning(fm->in, (CsbGrade)g));
    }
    csb_doc_callout(fm->doc, CSB_CALLOUT_NOTE, key);
}

/* Paragraphs of the latest inspection about children in care and care
 * leavers, by section heading, with the given tone. */
static void care_quotes(CsbFormatter *fm, const CsbInspection *in, CsbTone want, int max)
{
    int shown = 0;
    for (guint i = 0; i < in->paragraphs->len && shown < max; i++) {
        const CsbParagraph *p = in->paragraphs->pdata[i];
        char *sec = p->section ? g_utf8_strdown(p->section, -1) : g_strdup("");
        gboolean care = strstr(sec, "in care") || strstr(sec, "care leavers") ||
                        strstr(sec, "looked after");
        g_free(sec);
        if (!care || !p->number)
            continue;
        CsbTone tone = csb_themes_classify(fm->in->library, p->text, NULL);
        if (tone != want)
            continue;
        GPtrArray *none = g_ptr_array_new();
        char *q = csb_themes_quote(p->text, none, 300);
        g_ptr_array_free(none, TRUE);
        csb_fmt_quote(fm, q, in, p);
        g_free(q);
        shown++;
    }
    if (!shown)
        csb_doc_para(fm->doc, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                           "The latest report has no paragraph of this kind."));
}

static void care(CsbFormatter *fm)
{
    const CsbInspection *in = csb_story_latest_graded(fm->focus);
    if (!in)
        return;
    csb_doc_heading(fm->doc, 2, "Children in care and care leavers: what is going well");
    care_quotes(fm, in, CSB_TONE_STRENGTH, 2);
    csb_doc_heading(fm->doc, 2, "Children in care and care leavers: what must improve");
    care_quotes(fm, in, CSB_TONE_CONCERN, 2);
}

static void questions(CsbFormatter *fm)
{
    csb_doc_heading(fm->doc, 2, "Questions members may wish to ask");
    CsbDocBlock *l = csb_doc_list(fm->doc);
    const CsbStory *s = fm->focus;
    const CsbInspection *latest = csb_story_latest_graded(s);
    for (guint i = 0; i < s->afis->len; i++) {
        const CsbAfiTrack *a = s->afis->pdata[i];
        if (a->inspection != latest)
            continue;
        char *text = g_strdup(a->finding->text);
        size_t n = strlen(text);
        if (n && text[n - 1] == '.')
            text[n - 1] = '\0';
        text[0] = (char)g_ascii_tolower(text[0]);
        CsbRich *r = csb_rich_new();
        if (a->status == CSB_AFI_RECURRING) {
            const CsbAfiMatch *m = a->earlier->pdata[0];
            char *when = csb_fmt_month_year(csb_inspection_date(m->inspection));
            csb_rich_addf(r, 0, "Inspectors asked for improvement in %s, and raised something "
                                "similar in %s. Why has it not yet been resolved, and what "
                                "will be different this time?",
                          text, when);
            g_free(when);
        } else {
            csb_rich_addf(r, 0, "Inspectors asked for improvement in %s. What is the plan, who "
                                "leads it, and how will members see progress?",
                          text);
        }
        g_ptr_array_add(l->items, r);
        g_free(text);
    }
    if (!l->items->len)
        g_ptr_array_add(l->items, csb_rich_plain("How do leaders know that the strengths "
                                                 "inspectors found are being kept up?"));
}

static gint glossary_cmp(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(const char *const *)a, *(const char *const *)b);
}

static void glossary(CsbFormatter *fm)
{
    const CsbCsv *g = fm->in->glossary;
    if (!g || !g_hash_table_size(fm->abbreviations))
        return;
    csb_doc_heading(fm->doc, 2, "Abbreviations in the quotations");
    GPtrArray *keys = g_ptr_array_new();
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, fm->abbreviations);
    while (g_hash_table_iter_next(&it, &k, NULL))
        g_ptr_array_add(keys, k);
    g_ptr_array_sort(keys, glossary_cmp);
    int ec = csb_csv_column(g, "expansion"), xc = csb_csv_column(g, "explanation");
    static const double w[] = {1.2, 3.2, 5.6};
    CsbTable *t = csb_table_new(3, w);
    for (guint i = 0; i < keys->len; i++) {
        guint r = GPOINTER_TO_UINT(g_hash_table_lookup(fm->abbreviations, keys->pdata[i])) - 1;
        GPtrArray *row = csb_table_row(t);
        csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, keys->pdata[i]));
        csb_table_cell(row, csb_rich_plain(csb_csv_get(g, r, ec)));
        csb_table_cell(row, csb_rich_plain(csb_csv_get(g, r, xc)));
    }
    g_ptr_array_free(keys, TRUE);
    csb_doc_table(fm->doc, t);
}

static const struct {
    const char *id;
    CsbSectionFn fn;
} sections[] = {
    {"masthead", masthead}, {"latest", latest},       {"grades", grades},
    {"care", care},         {"questions", questions}, {"glossary", glossary},
};

CsbSectionFn csb_members_section(const char *id)
{
    for (guint i = 0; i < G_N_ELEMENTS(sections); i++)
        if (strcmp(sections[i].id, id) == 0)
            return sections[i].fn;
    return NULL;
}
