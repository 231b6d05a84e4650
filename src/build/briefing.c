/* briefing.c - one briefing from config to file: read the reports,
 * resolve comparators (for a national briefing, every authority of the
 * reports; none for one that shows its authority alone) and themes,
 * compare, format with the template, then write it in its format (a PDF
 * laid out and rendered; a workbook; a page of HTML)
 * atomically, read back from the disk and checked (for a PDF,
 * csb_render_check) before it replaces the last good one. Also whose
 * reports a briefing may show (csb_build_authorities_shown): what the plan
 * gives it, and what fetch downloads for it.
 */
#include "build.h"
#include "../parse/parse.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

CsbInspection *csb_build_parse_report(const char *path, const CsbReference *ref,
                                      const CsbSources *sources, const char *cache_dir,
                                      CsbDiag *diag)
{
    CsbInspection *in = csb_parse_cached(path, ref, cache_dir, diag);
    csb_sources_apply(sources, in);
    return in;
}

GPtrArray *csb_build_read_reports(const CsbConfig *cfg, const CsbResources *res, CsbDiag *diag)
{
    CsbSources *sources = csb_sources_new();
    for (guint i = 0; i < cfg->sources->len; i++)
        csb_sources_add(sources, cfg->sources->pdata[i], diag);
    for (guint i = 0; i < cfg->reports->len; i++)
        csb_sources_add_beside(sources, cfg->reports->pdata[i], diag);
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)csb_inspection_free);
    for (guint i = 0; i < cfg->reports->len; i++) {
        CsbInspection *in = csb_build_parse_report(cfg->reports->pdata[i], res->reference,
                                                   sources, cfg->cache_dir, diag);
        if (in)
            g_ptr_array_add(out, in);
    }
    csb_sources_free(sources);
    return out;
}

static void add_unique(GPtrArray *a, const CsbAuthority *x)
{
    for (guint i = 0; i < a->len; i++)
        if (a->pdata[i] == x)
            return;
    g_ptr_array_add(a, (gpointer)x);
}

static GPtrArray *comparators_of(const CsbConfig *cfg, const CsbResources *res,
                                 const CsbAuthority *me)
{
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; i < cfg->compare_with->len; i++) {
        const CsbComparator *c = cfg->compare_with->pdata[i];
        if (c->kind == CSB_COMPARE_NAMED) {
            add_unique(out, csb_authorities_find(res->authorities, c->authority));
        } else if (c->kind == CSB_COMPARE_NEIGHBOURS && me) {
            for (guint k = 0; k < me->neighbours->len; k++) {
                const CsbAuthority *n = csb_authorities_by_code(res->authorities,
                                                                me->neighbours->pdata[k]);
                if (n)
                    add_unique(out, n);
            }
        } else if (c->kind == CSB_COMPARE_REGION && me) {
            for (guint k = 0; k < csb_authorities_count(res->authorities); k++) {
                const CsbAuthority *n = csb_authorities_at(res->authorities, k);
                if (n != me && strcmp(n->region_code, me->region_code) == 0)
                    add_unique(out, n);
            }
        }
    }
    return out;
}

GPtrArray *csb_build_authorities_national(const CsbConfig *cfg, const CsbResources *res)
{
    GPtrArray *out = g_ptr_array_new();
    for (guint k = 0; k < csb_authorities_count(res->authorities); k++) {
        const CsbAuthority *a = csb_authorities_at(res->authorities, k);
        gboolean in_region = cfg->regions->len == 0;
        for (guint i = 0; i < cfg->regions->len && !in_region; i++)
            in_region = strcmp(cfg->regions->pdata[i], a->region) == 0;
        if (in_region)
            g_ptr_array_add(out, (gpointer)a);
    }
    return out;
}

GPtrArray *csb_build_authorities_used(const CsbConfig *cfg, const CsbResources *res,
                                      const char *focus)
{
    GPtrArray *out = g_ptr_array_new();
    const CsbAuthority *me = csb_authorities_find(res->authorities, focus);
    if (!me)
        return out;
    g_ptr_array_add(out, (gpointer)me);
    GPtrArray *others = comparators_of(cfg, res, me);
    for (guint i = 0; i < others->len; i++)
        add_unique(out, others->pdata[i]);
    g_ptr_array_free(others, TRUE);
    return out;
}

gboolean csb_build_template_focus_only(const CsbResources *res, const char *template_id)
{
    char *path = csb_resources_template_path(res, template_id);
    CsbDiag *quiet = csb_diag_new(); /* told when the briefing is built */
    CsbTemplate *tpl = csb_template_load(path, quiet);
    gboolean alone = tpl && csb_format_focus_only(tpl);
    csb_template_free(tpl);
    csb_diag_free(quiet);
    g_free(path);
    return alone;
}

GPtrArray *csb_build_authorities_shown(const CsbConfig *cfg, const CsbResources *res,
                                       const CsbAuthority *focus, gboolean focus_only)
{
    if (!focus)
        return csb_build_authorities_national(cfg, res);
    if (!focus_only)
        return csb_build_authorities_used(cfg, res, focus->name);
    GPtrArray *out = g_ptr_array_new();
    g_ptr_array_add(out, (gpointer)focus);
    return out;
}

/* A national briefing's group: every authority of the config's regions
 * that one of the inspections is about. */
static GPtrArray *national_of(const CsbConfig *cfg, const CsbResources *res,
                              const GPtrArray *inspections)
{
    GHashTable *about = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; inspections && i < inspections->len; i++) {
        const CsbInspection *in = inspections->pdata[i];
        if (in->authority)
            g_hash_table_add(about, in->authority);
    }
    GPtrArray *all = csb_build_authorities_national(cfg, res), *out = g_ptr_array_new();
    for (guint i = 0; i < all->len; i++)
        if (g_hash_table_contains(about, ((const CsbAuthority *)all->pdata[i])->name))
            g_ptr_array_add(out, all->pdata[i]);
    g_ptr_array_free(all, TRUE);
    g_hash_table_destroy(about);
    return out;
}

void csb_build_setup(CsbCompareSetup *s, const CsbConfig *cfg, const CsbResources *res,
                     const GPtrArray *inspections, const CsbAnalyses *analyses,
                     const char *focus)
{
    memset(s, 0, sizeof *s);
    const CsbAuthority *me = focus ? csb_authorities_find(res->authorities, focus) : NULL;
    s->comparators = focus ? comparators_of(cfg, res, me) : national_of(cfg, res, inspections);
    const CsbThemeLibrary *lib = res->themes;
    if (analyses) {
        lib = csb_analyses_library(analyses); /* the config's, made by the batch */
    } else if (cfg->custom_themes->len) {
        /* The config's own themes join a private copy of the library. */
        s->custom = csb_themes_extend(lib, cfg->custom_themes);
        lib = s->custom;
    }
    s->themes = g_ptr_array_new();
    for (guint i = 0; i < cfg->theme_ids->len; i++) {
        const CsbTheme *t = csb_themes_find(lib, cfg->theme_ids->pdata[i]);
        if (t)
            g_ptr_array_add(s->themes, (gpointer)t);
    }
    s->input = (CsbCompareInput){.inspections = inspections,
                                 .authorities = res->authorities,
                                 .areas = res->areas,
                                 .library = lib,
                                 .themes = s->themes,
                                 .focus = focus,
                                 .comparators = s->comparators,
                                 .analyses = analyses,
                                 .recurrence = res->recurrence};
}

void csb_build_setup_clear(CsbCompareSetup *s)
{
    g_ptr_array_free(s->themes, TRUE);
    g_ptr_array_free(s->comparators, TRUE);
    csb_themes_free(s->custom);
    memset(s, 0, sizeof *s);
}

CsbDate csb_build_briefing_date(const CsbBriefingSpec *spec)
{
    if (spec && csb_date_valid(spec->date))
        return spec->date;
    const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        GDateTime *dt = g_date_time_new_from_unix_utc(g_ascii_strtoll(epoch, NULL, 10));
        if (dt) {
            CsbDate d = {g_date_time_get_year(dt), g_date_time_get_month(dt),
                         g_date_time_get_day_of_month(dt)};
            g_date_time_unref(dt);
            return d;
        }
    }
    return (CsbDate){0, 0, 0};
}

typedef struct {
    GBytes *bytes;
    CsbFormat format;
    int pages; /* a PDF's */
} RenderJob;

/* Read back what was written to fd (the bytes on disk, not the ones in
 * memory), or NULL with an error. */
static char *read_back(int fd, gsize expected, const char *name, CsbDiag *diag)
{
    char *data = g_malloc(expected + 1);
    gsize got = 0;
    while (got < expected) {
        ssize_t n = pread(fd, data + got, expected - got, (off_t)got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (gsize)n;
    }
    if (got != expected) {
        csb_diag_error(diag, name, 0, 0, "the file written cannot be read back (%s); the last "
                                         "good one was kept",
                       got < expected ? "it is short" : g_strerror(errno));
        g_free(data);
        return NULL;
    }
    return data;
}

/* What a file of its format must be before it replaces the last good
 * one: a PDF passes csb_render_check; a workbook is a zip archive; a page
 * is UTF-8 text. */
static gboolean check_output(const RenderJob *j, const char *data, gsize len, const char *name,
                             CsbDiag *diag)
{
    switch (j->format) {
    case CSB_FORMAT_PDF:
        return csb_render_check((const guchar *)data, len, j->pages, name, diag);
    case CSB_FORMAT_XLSX:
        if (len > 4 && memcmp(data, "PK\x03\x04", 4) == 0)
            return TRUE;
        break;
    case CSB_FORMAT_HTML:
        if (len > 0 && g_utf8_validate(data, (gssize)len, NULL))
            return TRUE;
        break;
    }
    csb_diag_error(diag, name, 0, 0, "the %s written is not sound; the last good one was kept",
                   csb_format_id(j->format));
    return FALSE;
}

/* The finished file into the new file, then read back from the disk and
 * checked before it may replace the last good one. */
static gboolean write_output(int fd, const char *name, gpointer data, CsbDiag *diag)
{
    RenderJob *j = data;
    gsize len = 0;
    const char *bytes = g_bytes_get_data(j->bytes, &len);
    if (!csb_build_write_all(fd, bytes, len, name, diag))
        return FALSE;
    char *disk = read_back(fd, len, name, diag);
    gboolean ok = disk && check_output(j, disk, len, name, diag);
    g_free(disk);
    return ok;
}

/* A PDF's layout, made before it is rendered so that it can be fitted to
 * its template's pages, and the flow's messages (pages over the limit,
 * glyphs no font has), told under the briefing's name when it is kept. */
typedef struct {
    CsbLayout *layout;
    CsbDiag *flow;
} Laid;

static void laid_clear(Laid *l)
{
    csb_layout_free(l->layout);
    csb_diag_free(l->flow);
    l->layout = NULL;
    l->flow = NULL;
}

/* The document in the briefing's format (a PDF from its layout, laid):
 * the bytes to write, or NULL. */
static GBytes *render(const CsbBriefingSpec *spec, const CsbResources *res, const CsbDoc *doc,
                      const Laid *laid, const CsbPdfMeta *meta, int *pages, CsbDiag *diag)
{
    if (spec->format == CSB_FORMAT_PDF) {
        if (!laid->layout)
            return NULL; /* no fonts: said when formatting */
        /* The flow's warnings (pages over the template's limit, glyphs no
         * font has) name the briefing, not only its template. */
        csb_diag_take_as(diag, laid->flow, spec->output);
        *pages = (int)laid->layout->pages->len;
        return csb_render_pdf_bytes(laid->layout, meta, spec->output, diag);
    }
    PangoFontMap *fm = csb_fonts_map(res->fonts_dir, diag);
    if (!fm)
        return NULL;
    GBytes *out = NULL;
    if (spec->format == CSB_FORMAT_HTML) {
        PangoContext *ctx = csb_fonts_context(fm);
        GString *html = csb_render_html(doc, ctx, NULL);
        g_object_unref(ctx);
        gsize len = html->len;
        out = g_bytes_new_take(g_string_free(html, FALSE), len);
    } else {
        out = csb_render_xlsx(doc, meta, spec->output, diag);
    }
    g_object_unref(fm);
    return out;
}

/* The document, formatted again more briefly (fin->brevity) while a PDF
 * runs past its template's max_pages, up to CSB_FMT_BREVITY_MAX, with
 * its layout in *laid (a PDF's only); the last attempt's messages go to
 * diag. NULL with errors there. */
static CsbDoc *format_to_fit(const CsbBriefingSpec *spec, const CsbResources *res,
                             CsbTemplate *tpl, CsbFormatInput *fin, Laid *laid, CsbDiag *diag)
{
    for (fin->brevity = 0;; fin->brevity++) {
        CsbDiag *attempt = csb_diag_new();
        CsbDoc *doc = csb_format(tpl, fin, attempt);
        PangoFontMap *fm = doc && spec->format == CSB_FORMAT_PDF
                               ? csb_fonts_map(res->fonts_dir, attempt)
                               : NULL;
        if (fm) {
            laid->flow = csb_diag_new();
            laid->layout = csb_layout_run(doc, fm, laid->flow); /* takes fm */
        }
        gboolean last = !laid->layout || !tpl->max_pages ||
                        fin->brevity == CSB_FMT_BREVITY_MAX ||
                        (int)laid->layout->pages->len <= tpl->max_pages;
        if (last) {
            csb_diag_take(diag, attempt);
            csb_diag_free(attempt);
            return doc;
        }
        laid_clear(laid);
        csb_diag_free(attempt);
        csb_doc_free(doc);
    }
}

/* The comparison a briefing tells, or NULL with an error. */
static CsbComparison *compare(const CsbBriefingSpec *spec, const CsbConfig *cfg,
                              CsbCompareSetup *setup, const char *focus, CsbDiag *diag)
{
    CsbComparison *cmp = csb_compare(&setup->input);
    if (!cmp)
        csb_diag_error(diag, cfg->path, spec->line, 0, "unknown authority '%s'", focus);
    else if (focus && !cmp->focus->inspections->len)
        csb_diag_error(diag, cfg->path, spec->line, 0,
                       "no report among those read is about %s: check 'reports' and "
                       "'authority'", focus);
    else if (!focus && !cmp->peers->len)
        csb_diag_error(diag, cfg->path, spec->line, 0,
                       "no report among those read is about a known authority%s: check "
                       "'reports'%s",
                       cfg->regions->len ? " of the config's regions" : "",
                       cfg->regions->len ? " and 'regions'" : "");
    else
        return cmp;
    csb_comparison_free(cmp);
    return NULL;
}

gboolean csb_build_briefing(const CsbBriefingSpec *spec, const CsbConfig *cfg,
                            const CsbResources *res, const GPtrArray *inspections,
                            const CsbAnalyses *analyses, const GPtrArray *not_read,
                            const char *focus, CsbDiag *diag)
{
    CsbDiag *mine = csb_diag_new();
    gboolean ok = FALSE;
    if (spec->national)
        focus = NULL;
    char *tpl_path = csb_resources_template_path(res, spec->template_id);
    CsbTemplate *tpl = csb_template_load(tpl_path, mine);
    CsbCompareSetup setup;
    csb_build_setup(&setup, cfg, res, inspections, analyses, focus);
    /* A briefing that shows its authority alone compares with no one:
     * what the plan records as its inputs is all it is given. */
    if (focus && tpl && csb_format_focus_only(tpl))
        g_ptr_array_set_size(setup.comparators, 0);
    /* Shared analyses: only what a briefing can show. None: the reference. */
    setup.input.briefing_only = analyses != NULL;
    setup.input.not_read = not_read;
    if (!analyses)
        setup.input.rules = &csb_analysis_reference_rules;
    CsbComparison *cmp = tpl ? compare(spec, cfg, &setup, focus, mine) : NULL;
    CsbDoc *doc = NULL;
    Laid laid = {NULL, NULL};
    if (cmp) {
        if (spec->accent)
            tpl->accent = csb_colour_parse(spec->accent, tpl->accent);
        CsbFormatInput fin = {cmp,
                              res->areas,
                              res->glossary,
                              res->grades,
                              res->unread_words,
                              setup.input.library,
                              spec->title,
                              spec->subtitle,
                              spec->organisation,
                              spec->logo,
                              csb_build_briefing_date(spec),
                              0};
        doc = format_to_fit(spec, res, tpl, &fin, &laid, mine);
    }
    if (doc) {
        const char *whom = focus ? focus : "every authority";
        char iso[11], stamp[32];
        g_snprintf(stamp, sizeof stamp, "%sT00:00:00", csb_date_iso(doc->date, iso));
        char *subject = g_strdup_printf("%s: children's services inspections, %s", tpl->name,
                                        whom);
        char *keywords = g_strdup_printf("%s; Ofsted; children's services; inspection; %s",
                                         whom, tpl->name);
        char *creator = g_strdup_printf("csbrief %s", CSB_VERSION);
        CsbPdfMeta meta = {doc->running_title, spec->organisation, subject, keywords, creator,
                           iso[0] ? stamp : NULL, tpl->font_body};
        RenderJob job = {NULL, spec->format, 0};
        job.bytes = render(spec, res, doc, &laid, &meta, &job.pages, mine);
        ok = job.bytes && csb_build_atomic(spec->root, spec->output, write_output, &job, mine);
        if (job.bytes)
            g_bytes_unref(job.bytes);
        g_free(subject);
        g_free(keywords);
        g_free(creator);
    }
    laid_clear(&laid);
    csb_doc_free(doc);
    csb_comparison_free(cmp);
    csb_build_setup_clear(&setup);
    csb_template_free(tpl);
    g_free(tpl_path);
    ok = ok && csb_diag_count(mine, CSB_SEV_ERROR) == 0;
    csb_diag_take(diag, mine);
    csb_diag_free(mine);
    return ok;
}
