/* inspection.c - building and freeing CsbInspection records. */
#include "model.h"

#include <string.h>

static void judgement_free(gpointer p)
{
    CsbJudgement *j = p;
    g_free(j->area);
    g_free(j->label);
    g_free(j->wording);
    g_free(j);
}

static void finding_free(gpointer p)
{
    CsbFinding *f = p;
    g_free(f->text);
    g_free(f->framework_ref);
    g_free(f);
}

static void paragraph_free(gpointer p)
{
    CsbParagraph *para = p;
    g_free(para->section);
    g_free(para->text);
    g_free(para);
}

CsbInspection *csb_inspection_new(const char *file)
{
    CsbInspection *in = g_new0(CsbInspection, 1);
    in->file = g_strdup(file);
    in->judgements = g_ptr_array_new_with_free_func(judgement_free);
    in->findings = g_ptr_array_new_with_free_func(finding_free);
    in->paragraphs = g_ptr_array_new_with_free_func(paragraph_free);
    return in;
}

void csb_inspection_free(CsbInspection *in)
{
    if (!in)
        return;
    g_free(in->file);
    g_free(in->sha256);
    g_free(in->url);
    g_free(in->title);
    g_free(in->authority);
    g_free(in->authority_code);
    g_free(in->provider);
    g_free(in->lead_inspector);
    g_ptr_array_free(in->judgements, TRUE);
    g_ptr_array_free(in->findings, TRUE);
    g_ptr_array_free(in->paragraphs, TRUE);
    g_free(in);
}

CsbJudgement *csb_inspection_add_judgement(CsbInspection *in, const char *area, CsbGrade grade,
                                           const char *label, const char *wording, int page)
{
    CsbJudgement *j = g_new0(CsbJudgement, 1);
    j->area = g_strdup(area);
    j->grade = grade;
    j->label = csb_text_squash(label);
    j->wording = csb_text_squash(wording);
    j->page = page;
    g_ptr_array_add(in->judgements, j);
    return j;
}

CsbFinding *csb_inspection_add_finding(CsbInspection *in, CsbFindingKind kind,
                                       const char *text, const char *framework_ref, int page)
{
    CsbFinding *f = g_new0(CsbFinding, 1);
    f->kind = kind;
    f->text = csb_text_squash(text);
    f->framework_ref = framework_ref ? csb_text_squash(framework_ref) : NULL;
    f->page = page;
    g_ptr_array_add(in->findings, f);
    return f;
}

CsbParagraph *csb_inspection_add_paragraph(CsbInspection *in, int number, const char *section,
                                           const char *text, int page)
{
    CsbParagraph *p = g_new0(CsbParagraph, 1);
    p->number = number;
    p->section = section ? csb_text_squash(section) : NULL;
    p->text = csb_text_squash(text);
    p->page = page;
    g_ptr_array_add(in->paragraphs, p);
    return p;
}

const CsbJudgement *csb_inspection_judgement(const CsbInspection *in, const char *area)
{
    for (guint i = 0; i < in->judgements->len; i++) {
        const CsbJudgement *j = in->judgements->pdata[i];
        if (strcmp(j->area, area) == 0)
            return j;
    }
    return NULL;
}

gboolean csb_inspection_in_parts(const CsbInspection *in)
{
    return csb_date_valid(in->paused) && csb_date_valid(in->resumed);
}

CsbDate csb_inspection_date(const CsbInspection *in)
{
    if (csb_date_valid(in->end))
        return in->end;
    if (csb_date_valid(in->start))
        return in->start;
    return in->published;
}

gint csb_inspection_cmp(gconstpointer a, gconstpointer b)
{
    const CsbInspection *x = *(CsbInspection *const *)a;
    const CsbInspection *y = *(CsbInspection *const *)b;
    int c = csb_date_compare(csb_inspection_date(x), csb_inspection_date(y));
    return c ? c : g_strcmp0(x->file, y->file);
}
