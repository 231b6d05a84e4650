/* pack.c - the csbrief side of bench/render: builds one briefing of a
 * config (reports read once), times it, and writes the same content for
 * the two programs it is compared with.
 *
 *   pack CONFIG N OUT.pdf [--text FILE] [--html FILE] [--stages-only]
 *
 * Prints "stages SECONDS PAGES" (format + layout + render to a PDF, the
 * mean of N runs) and "briefing SECONDS" (all of csb_build_briefing, which
 * adds the comparison, loading the template and the atomic write; the
 * reports analysed once beforehand, as a batch does).
 * --text writes the document's text as records for bench/floor.c; --html
 * writes it as HTML with the charts as SVG, for WeasyPrint (csbrief's own
 * HTML writer, src/render/html.c, with the bundled fonts).
 * Run from the project root (the data directory).
 */
#include "build/build.h"

#include <string.h>

static double now(void)
{
    return (double)g_get_monotonic_time() / 1e6;
}

/* One record per line: KIND TAB [width TAB] text; newlines become spaces. */
static void record(FILE *out, const char *kind, const char *text)
{
    char *flat = g_strdup(text ? text : "");
    for (char *c = flat; *c; c++)
        if (*c == '\n' || *c == '\t')
            *c = ' ';
    fprintf(out, "%s\t%s\n", kind, flat);
    g_free(flat);
}

static void rich_record(FILE *out, const char *kind, const CsbRich *r)
{
    char *t = csb_rich_text(r);
    record(out, kind, t);
    g_free(t);
}

static void table_records(FILE *out, const CsbTable *t)
{
    for (guint r = 0; r <= t->rows->len; r++) {
        GPtrArray *cells = r == 0 ? t->header : t->rows->pdata[r - 1];
        for (int c = 0; c < t->columns; c++) {
            const CsbTableCell *cell = (guint)c < cells->len ? cells->pdata[c] : NULL;
            char *text = cell ? csb_rich_text(cell->text) : g_strdup("");
            fprintf(out, "C\t%.4f\t", t->widths[c]);
            record(out, r == 0 ? "b" : "t", text);
            g_free(text);
        }
        fprintf(out, "R\t\n");
    }
}

static void write_text(const CsbDoc *doc, FILE *out)
{
    const CsbCover *c = &doc->cover;
    record(out, "H1", c->title);
    record(out, "P", c->authority);
    record(out, "P", c->subtitle);
    record(out, "P", c->date_text);
    record(out, "S", c->prepared_note);
    record(out, "B", "");
    for (guint i = 0; i < doc->blocks->len; i++) {
        const CsbDocBlock *b = doc->blocks->pdata[i];
        switch (b->kind) {
        case CSB_BLOCK_HEADING_1:
            record(out, "B", "");
            rich_record(out, "H1", b->text);
            break;
        case CSB_BLOCK_HEADING_2:
            rich_record(out, "H2", b->text);
            break;
        case CSB_BLOCK_HEADING_3:
            rich_record(out, "H3", b->text);
            break;
        case CSB_BLOCK_PARAGRAPH:
        case CSB_BLOCK_CALLOUT:
            rich_record(out, "P", b->text);
            break;
        case CSB_BLOCK_QUOTE:
            rich_record(out, "Q", b->text);
            rich_record(out, "S", b->citation);
            break;
        case CSB_BLOCK_LIST:
            for (guint k = 0; k < b->items->len; k++)
                rich_record(out, "L", b->items->pdata[k]);
            break;
        case CSB_BLOCK_TABLE:
            table_records(out, b->table);
            break;
        case CSB_BLOCK_FIGURE:
            record(out, "S", b->chart->caption);
            break;
        case CSB_BLOCK_CONTENTS:
            for (guint k = 0; k < doc->blocks->len; k++) {
                const CsbDocBlock *h = doc->blocks->pdata[k];
                if (h->kind == CSB_BLOCK_HEADING_1 || h->kind == CSB_BLOCK_HEADING_2)
                    rich_record(out, "P", h->text);
            }
            record(out, "B", "");
            break;
        default:
            break;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: pack CONFIG N OUT.pdf [--text FILE] [--html FILE]\n");
        return 2;
    }
    int n = atoi(argv[2]);
    const char *text_out = NULL, *html_out = NULL;
    gboolean stages_only = FALSE;
    for (int i = 4; i < argc; i++) {
        if (strcmp(argv[i], "--text") == 0 && i + 1 < argc)
            text_out = argv[++i];
        else if (strcmp(argv[i], "--html") == 0 && i + 1 < argc)
            html_out = argv[++i];
        else if (strcmp(argv[i], "--stages-only") == 0)
            stages_only = TRUE;
    }
    CsbDiag *diag = csb_diag_new();
    CsbResources *res = csb_resources_load(".", diag);
    CsbConfigRefs refs = csb_resources_refs(res);
    CsbConfig *cfg = res ? csb_config_load(argv[1], &refs, diag) : NULL;
    if (!cfg) {
        csb_diag_print(diag, stderr);
        return 1;
    }
    GPtrArray *reports = csb_build_read_reports(cfg, res, diag);
    CsbBriefingSpec *spec = cfg->briefings->pdata[0];
    g_free(spec->output);
    spec->output = g_strdup(argv[3]);

    /* The stages a briefing's look costs: format, layout, render. */
    char *tpl_path = g_strdup_printf("%s/%s.yaml", res->templates_dir, spec->template_id);
    CsbTemplate *tpl = csb_template_load(tpl_path, diag);
    /* The reports analysed once, as a batch does before its workers fork. */
    CsbCompareSetup plain;
    csb_build_setup(&plain, cfg, res, reports, NULL, cfg->authority);
    CsbAnalyses *analyses =
        csb_analyses_new(plain.input.library, plain.themes, NULL, plain.input.recurrence);
    for (guint i = 0; i < reports->len; i++)
        csb_analyses_get(analyses, reports->pdata[i]);
    CsbCompareSetup setup;
    csb_build_setup(&setup, cfg, res, reports, analyses, cfg->authority);
    setup.input.briefing_only = TRUE;
    CsbComparison *cmp = csb_compare(&setup.input);
    CsbFormatInput fin = {cmp, res->areas, res->glossary, res->grades, setup.input.library,
                          spec->title, spec->subtitle, spec->organisation, spec->logo,
                          csb_build_briefing_date(spec, cmp)};
    CsbPdfMeta meta = {spec->title, spec->organisation, "bench", "bench", "bench",
                       "2026-01-01T00:00:00", tpl->font_body};
    double t0 = now();
    int pages = 0;
    for (int i = 0; i < n; i++) {
        CsbDoc *doc = csb_format(tpl, &fin, diag);
        CsbLayout *layout = csb_layout_run(doc, csb_fonts_map(res->fonts_dir, diag), diag);
        pages = (int)layout->pages->len;
        csb_render_pdf(layout, argv[3], &meta, diag);
        if (i == 0 && (text_out || html_out)) {
            if (text_out) {
                FILE *f = fopen(text_out, "w");
                write_text(doc, f);
                fclose(f);
            }
            if (html_out) {
                char *root = g_get_current_dir();
                char *fonts = g_strdup_printf("file://%s/fonts", root);
                PangoContext *ctx = csb_fonts_context(layout->fontmap);
                GString *html = csb_render_html(doc, ctx, fonts);
                g_object_unref(ctx);
                g_file_set_contents(html_out, html->str, (gssize)html->len, NULL);
                g_string_free(html, TRUE);
                g_free(fonts);
                g_free(root);
            }
        }
        csb_layout_free(layout);
        csb_doc_free(doc);
    }
    double stages = (now() - t0) / n;
    printf("stages %.6f %d\n", stages, pages);
    if (!stages_only) {
        t0 = now();
        for (int i = 0; i < n; i++)
            csb_build_briefing(spec, cfg, res, reports, analyses, NULL, cfg->authority, diag);
        printf("briefing %.6f\n", (now() - t0) / n);
    }
    csb_comparison_free(cmp);
    csb_build_setup_clear(&setup);
    csb_analyses_free(analyses);
    csb_build_setup_clear(&plain);
    csb_template_free(tpl);
    g_free(tpl_path);
    g_ptr_array_free(reports, TRUE);
    csb_config_free(cfg);
    csb_resources_free(res);
    int errors = csb_diag_count(diag, CSB_SEV_ERROR);
    csb_diag_free(diag);
    return errors ? 1 : 0;
}
