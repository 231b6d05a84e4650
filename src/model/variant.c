/* variant.c - the inspection record as a GVariant, so parsed reports can be
 * cached by content hash and read back without touching the PDF again.
 * Bump CSB_RECORD_FORMAT (model.h) whenever this layout changes.
 */
#include "model.h"

#define RECORD_TYPE "(sssusssssiiiiiiiiiiiiiiia(sussi)a(ussi)a(issi))"


static const char *nz(const char *s)
{
    return s ? s : "";
}

static char *zn(const char *s)
{
    return s && *s ? g_strdup(s) : NULL;
}

GVariant *csb_inspection_to_variant(const CsbInspection *in)
{
    GVariantBuilder j, f, p;
    g_variant_builder_init(&j, G_VARIANT_TYPE("a(sussi)"));
    for (guint i = 0; i < in->judgements->len; i++) {
        const CsbJudgement *x = in->judgements->pdata[i];
        g_variant_builder_add(&j, "(sussi)", nz(x->area), (guint32)x->grade, nz(x->label),
                              nz(x->wording), x->page);
    }
    g_variant_builder_init(&f, G_VARIANT_TYPE("a(ussi)"));
    for (guint i = 0; i < in->findings->len; i++) {
        const CsbFinding *x = in->findings->pdata[i];
        g_variant_builder_add(&f, "(ussi)", (guint32)x->kind, nz(x->text),
                              nz(x->framework_ref), x->page);
    }
    g_variant_builder_init(&p, G_VARIANT_TYPE("a(issi)"));
    for (guint i = 0; i < in->paragraphs->len; i++) {
        const CsbParagraph *x = in->paragraphs->pdata[i];
        g_variant_builder_add(&p, "(issi)", x->number, nz(x->section), nz(x->text), x->page);
    }
    /* A file name need not be UTF-8 (a Latin-1 name), but a GVariant
     * string must be: the record keeps a readable form of it (the parse
     * cache gives the real path back when it reads a record). */
    char *file = g_utf8_make_valid(nz(in->file), -1);
    GVariant *v = g_variant_ref_sink(g_variant_new(
        RECORD_TYPE, file, nz(in->sha256),
        nz(in->url), (guint32)in->kind, nz(in->title), nz(in->authority),
        nz(in->authority_code), nz(in->provider), nz(in->lead_inspector), in->start.year,
        in->start.month, in->start.day, in->end.year, in->end.month, in->end.day,
        in->published.year, in->published.month, in->published.day, in->paused.year,
        in->paused.month, in->paused.day, in->resumed.year, in->resumed.month, in->resumed.day,
        &j, &f, &p));
    g_free(file);
    return v;
}

CsbInspection *csb_inspection_from_variant(GVariant *v)
{
    if (!v || !g_variant_is_of_type(v, G_VARIANT_TYPE(RECORD_TYPE)))
        return NULL;
    const char *file, *sha, *url, *title, *auth, *code, *prov, *lead;
    guint32 kind;
    CsbDate s, e, pub, paused, resumed;
    GVariantIter *ji, *fi, *pi;
    g_variant_get(v, "(&s&s&su&s&s&s&s&siiiiiiiiiiiiiiia(sussi)a(ussi)a(issi))", &file, &sha,
                  &url, &kind, &title, &auth, &code, &prov, &lead, &s.year, &s.month, &s.day,
                  &e.year, &e.month, &e.day, &pub.year, &pub.month, &pub.day, &paused.year,
                  &paused.month, &paused.day, &resumed.year, &resumed.month, &resumed.day, &ji,
                  &fi, &pi);
    CsbInspection *in = csb_inspection_new(file);
    in->sha256 = zn(sha);
    in->url = zn(url);
    in->kind = kind < CSB_KIND_COUNT ? (CsbKind)kind : CSB_KIND_UNKNOWN;
    in->title = zn(title);
    in->authority = zn(auth);
    in->authority_code = zn(code);
    in->provider = zn(prov);
    in->lead_inspector = zn(lead);
    in->start = s;
    in->end = e;
    in->published = pub;
    in->paused = paused;
    in->resumed = resumed;
    /* Only the report's own date is cached: an index's is applied after. */
    in->published_from = csb_date_valid(pub) ? CSB_PUBLISHED_REPORT : CSB_PUBLISHED_UNKNOWN;
    const char *a, *b, *c;
    guint32 u;
    gint32 page, num;
    while (g_variant_iter_next(ji, "(&su&s&si)", &a, &u, &b, &c, &page))
        csb_inspection_add_judgement(in, a, u < CSB_GRADE_COUNT ? (CsbGrade)u : CSB_GRADE_NONE,
                                     b, c, page);
    while (g_variant_iter_next(fi, "(u&s&si)", &u, &a, &b, &page))
        csb_inspection_add_finding(in, u <= CSB_FINDING_PRIORITY_ACTION ? (CsbFindingKind)u
                                                                         : CSB_FINDING_AREA_FOR_IMPROVEMENT,
                                   a, *b ? b : NULL, page);
    while (g_variant_iter_next(pi, "(i&s&si)", &num, &a, &b, &page))
        csb_inspection_add_paragraph(in, num, *a ? a : NULL, b, page);
    g_variant_iter_free(ji);
    g_variant_iter_free(fi);
    g_variant_iter_free(pi);
    return in;
}
