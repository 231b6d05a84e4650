/* test_render_pages.c - the example briefings, built through the library
 * and read back with poppler-glib: page counts, an outline entry for every
 * section that leads to the page the section is on, contents page numbers
 * that match those pages, the text that must be on given pages, every
 * glyph inside the page margins (the running header and footer inside their
 * own bands), no page but the last less than a quarter full, only the
 * bundled fonts, embedded, and links to the sources.
 *
 * With arguments "PDF TEMPLATE_ID" it checks that one PDF instead (used by
 * tests/sh/render_corpus.sh on briefings built from the real reports).
 */
#include "unit.h"

#include "build/build.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

typedef struct {
    int level, page;
    char *title;
} Entry;

static void entry_free(gpointer p)
{
    Entry *e = p;
    g_free(e->title);
    g_free(e);
}

static int dest_page(PopplerDocument *doc, PopplerDest *d)
{
    if (d->type == POPPLER_DEST_NAMED) {
        PopplerDest *named = poppler_document_find_dest(doc, d->named_dest);
        int page = named ? named->page_num : 0;
        if (named)
            poppler_dest_free(named);
        return page;
    }
    return d->page_num;
}

static void walk(PopplerDocument *doc, PopplerIndexIter *it, int level, GPtrArray *out)
{
    do {
        PopplerAction *a = poppler_index_iter_get_action(it);
        if (a->type == POPPLER_ACTION_GOTO_DEST) {
            Entry *e = g_new0(Entry, 1);
            e->level = level;
            e->title = g_strdup(a->goto_dest.title);
            e->page = dest_page(doc, a->goto_dest.dest);
            g_ptr_array_add(out, e);
        }
        poppler_action_free(a);
        PopplerIndexIter *child = poppler_index_iter_get_child(it);
        if (child) {
            walk(doc, child, level + 1, out);
            poppler_index_iter_free(child);
        }
    } while (poppler_index_iter_next(it));
}

static GPtrArray *outline(PopplerDocument *doc)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(entry_free);
    PopplerIndexIter *it = poppler_index_iter_new(doc);
    if (it) {
        walk(doc, it, 1, out);
        poppler_index_iter_free(it);
    }
    return out;
}

/* A page's text with runs of white space squashed to one space. */
static char *page_text(PopplerDocument *doc, int page)
{
    PopplerPage *p = poppler_document_get_page(doc, page - 1);
    char *raw = p ? poppler_page_get_text(p) : g_strdup("");
    char *text = csb_text_squash(raw);
    g_free(raw);
    if (p)
        g_object_unref(p);
    return text;
}

/* Is needle on the page? Its white space squashed as the page's is: an
 * outline entry keeps a date's no-break spaces, which the page's text
 * reads as spaces. */
static gboolean on_page(PopplerDocument *doc, int page, const char *needle)
{
    char *t = page_text(doc, page), *n = csb_text_squash(needle);
    gboolean ok = strstr(t, n) != NULL;
    g_free(t);
    g_free(n);
    return ok;
}

/* The page number printed on the contents page on the line of the entry
 * whose title starts at or after *cursor (characters into the page's
 * text); 0 when the title is not found. Moves *cursor past it. */
static int contents_number(PopplerPage *p, const char *text, PopplerRectangle *r, guint n,
                           const char *title, glong *cursor)
{
    char *start = g_utf8_substring(title, 0, MIN(g_utf8_strlen(title, -1), 18));
    const char *from = g_utf8_offset_to_pointer(text, *cursor);
    const char *hit = strstr(from, start);
    g_free(start);
    if (!hit)
        return 0;
    glong at = g_utf8_pointer_to_offset(text, hit);
    *cursor = at + 1;
    if ((guint)at >= n)
        return 0;
    double mid = (r[at].y1 + r[at].y2) / 2, page_w, page_h;
    poppler_page_get_size(p, &page_w, &page_h);
    /* Digits on that line, right of 80% of the width, left to right. */
    int number = 0;
    const char *c = text;
    for (guint k = 0; k < n && *c; k++, c = g_utf8_next_char(c))
        if (g_ascii_isdigit(*c) && r[k].x1 > page_w * 0.8 && r[k].y1 < mid && r[k].y2 > mid)
            number = number * 10 + (*c - '0');
    return number;
}

/* Outline entries lead to the page their heading is on, and the contents
 * page gives the same number for each. */
static void check_outline_and_contents(PopplerDocument *doc, const char *name, gboolean pack)
{
    GPtrArray *o = outline(doc);
    CHECK(o->len >= (pack ? 10u : 5u), "%s: outline has %u entries", name, o->len);
    int wrong_page = 0, wrong_number = 0, contents = 0, numbered = 0;
    PopplerPage *toc = NULL;
    char *toc_text = NULL;
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    glong cursor = 0;
    for (guint i = 0; i < o->len; i++) {
        const Entry *e = o->pdata[i];
        if (strcmp(e->title, "Contents") == 0) {
            contents = e->page;
            toc = poppler_document_get_page(doc, e->page - 1);
            toc_text = poppler_page_get_text(toc);
            poppler_page_get_text_layout(toc, &rects, &nrects);
            cursor = g_utf8_strlen("Contents", -1);
            continue;
        }
        /* Headings may wrap: look for their first words (whole characters:
         * a date's no-break space is two bytes). */
        char *start = g_utf8_substring(e->title, 0, MIN(g_utf8_strlen(e->title, -1), 24));
        if (!on_page(doc, e->page, start)) {
            printf("# '%s' is not on page %d\n", e->title, e->page);
            wrong_page++;
        }
        g_free(start);
        if (toc) {
            int shown = contents_number(toc, toc_text, rects, nrects, e->title, &cursor);
            numbered++;
            if (shown != e->page) {
                printf("# contents gives %d for '%s' on page %d\n", shown, e->title, e->page);
                wrong_number++;
            }
        }
    }
    CHECK(wrong_page == 0, "%s: every outline entry leads to its heading's page (%d wrong)", name,
          wrong_page);
    if (pack) {
        CHECK(contents == 2, "%s: the contents is page 2 and in the outline", name);
        CHECK(numbered > 10 && wrong_number == 0,
              "%s: the contents gives the page each of %d headings is on (%d wrong)", name,
              numbered, wrong_number);
    }
    g_free(rects);
    g_free(toc_text);
    if (toc)
        g_object_unref(toc);
    g_ptr_array_free(o, TRUE);
}

/* Every glyph inside the margins; above the top margin only the running
 * header's band, below the bottom margin only the footer's. */
static void check_margins(PopplerDocument *doc, const char *name, const CsbTemplate *t)
{
    int outside = 0, pages = poppler_document_get_n_pages(doc);
    double header_top = t->margin_top - t->size_small * 3.2;
    double footer_bottom = t->page_h - t->margin_bottom + t->size_small * 3.4;
    for (int i = 0; i < pages; i++) {
        PopplerPage *p = poppler_document_get_page(doc, i);
        PopplerRectangle *r = NULL;
        guint n = 0;
        poppler_page_get_text_layout(p, &r, &n);
        int bad = 0;
        for (guint k = 0; k < n; k++) {
            if (r[k].x2 - r[k].x1 <= 0.01)
                continue; /* line ends and spaces */
            gboolean in_x = r[k].x1 >= t->margin_left - 0.8 &&
                            r[k].x2 <= t->page_w - t->margin_right + 0.8;
            gboolean in_y = r[k].y1 >= MIN(header_top, t->margin_top * 0.75) - 0.8 &&
                            r[k].y2 <= footer_bottom + 0.8;
            if (!in_x || !in_y) {
                if (!bad)
                    printf("# page %d: a glyph at %.1f,%.1f-%.1f,%.1f\n", i + 1, r[k].x1,
                           r[k].y1, r[k].x2, r[k].y2);
                bad++;
            }
        }
        outside += bad;
        g_free(r);
        g_object_unref(p);
    }
    CHECK(outside == 0, "%s: no glyph outside the margins on any of %d pages (%d outside)", name,
          pages, outside);
}

/* No page but the last is left mostly blank (less than a quarter of the
 * room between the margins above its lowest glyph): the end of a section
 * is followed on, a long table or the grade matrix broken. */
static void check_fill(PopplerDocument *doc, const char *name, const CsbTemplate *t)
{
    int sparse = 0, pages = poppler_document_get_n_pages(doc);
    double body = t->page_h - t->margin_top - t->margin_bottom;
    for (int i = 0; i + 1 < pages; i++) {
        PopplerPage *p = poppler_document_get_page(doc, i);
        PopplerRectangle *r = NULL;
        guint n = 0;
        poppler_page_get_text_layout(p, &r, &n);
        double lowest = t->margin_top;
        for (guint k = 0; k < n; k++)
            if (r[k].x2 - r[k].x1 > 0.01 && r[k].y1 >= t->margin_top - 1 &&
                r[k].y2 <= t->page_h - t->margin_bottom + 1)
                lowest = MAX(lowest, r[k].y2);
        if (lowest - t->margin_top < body * 0.25) {
            printf("# page %d: %.0f%% full\n", i + 1, 100 * (lowest - t->margin_top) / body);
            sparse++;
        }
        g_free(r);
        g_object_unref(p);
    }
    CHECK(sparse == 0, "%s: no page but the last is less than a quarter full (%d of %d are)",
          name, sparse, pages);
}

static void check_fonts(PopplerDocument *doc, const char *name)
{
    PopplerFontInfo *fi = poppler_font_info_new(doc);
    PopplerFontsIter *it = NULL;
    int fonts = 0, foreign = 0, loose = 0;
    while (poppler_font_info_scan(fi, 100, &it)) {
        if (!it)
            continue;
        do {
            const char *fname = poppler_fonts_iter_get_name(it);
            fonts++;
            foreign += !fname || !strstr(fname, "Noto");
            loose += !poppler_fonts_iter_is_embedded(it);
        } while (poppler_fonts_iter_next(it));
        poppler_fonts_iter_free(it);
        it = NULL;
    }
    poppler_font_info_free(fi);
    CHECK(fonts > 0 && foreign == 0, "%s: only the bundled Noto fonts (%d fonts, %d others)", name,
          fonts, foreign);
    CHECK(loose == 0, "%s: every font is embedded (%d not)", name, loose);
}

static int uri_links(PopplerDocument *doc, const char *prefix)
{
    int n = 0;
    for (int i = 0; i < poppler_document_get_n_pages(doc); i++) {
        PopplerPage *p = poppler_document_get_page(doc, i);
        GList *links = poppler_page_get_link_mapping(p);
        for (GList *l = links; l; l = l->next) {
            PopplerLinkMapping *m = l->data;
            n += m->action->type == POPPLER_ACTION_URI &&
                 g_str_has_prefix(m->action->uri.uri, prefix);
        }
        poppler_page_free_link_mapping(links);
        g_object_unref(p);
    }
    return n;
}

static PopplerDocument *open_pdf(const char *path)
{
    char *uri = g_filename_to_uri(path, NULL, NULL);
    PopplerDocument *doc = poppler_document_new_from_file(uri, NULL, NULL);
    g_free(uri);
    return doc;
}

static void check_pdf(const char *path, const char *template_id, const char *name)
{
    CsbDiag *diag = csb_diag_new();
    char *tpl_path = g_strdup_printf("templates/%s.yaml", template_id);
    CsbTemplate *t = csb_template_load(tpl_path, diag);
    PopplerDocument *doc = open_pdf(path);
    CHECK(doc && t, "%s: poppler opens it", name);
    if (doc && t) {
        gboolean pack = strcmp(template_id, "briefing-pack") == 0;
        int pages = poppler_document_get_n_pages(doc);
        if (pack)
            CHECK(pages >= 8, "%s: %d pages", name, pages);
        else
            CHECK(pages >= 2 && pages <= 4, "%s: %d pages, 2 to 4", name, pages);
        check_outline_and_contents(doc, name, pack);
        check_margins(doc, name, t);
        check_fill(doc, name, t);
        check_fonts(doc, name);
        char *last = g_strdup_printf("Page %d of %d", pages, pages);
        CHECK(on_page(doc, pages, last), "%s: the last page says '%s'", name, last);
        g_free(last);
    }
    if (doc)
        g_object_unref(doc);
    csb_template_free(t);
    g_free(tpl_path);
    csb_diag_free(diag);
}

/* Build every briefing of a config into dir; returns the outputs. */
static GPtrArray *build(const char *config, const char *dir, CsbResources *res)
{
    GPtrArray *outputs = g_ptr_array_new_with_free_func(g_free);
    CsbDiag *diag = csb_diag_new();
    CsbConfigRefs refs = csb_resources_refs(res);
    CsbConfig *cfg = csb_config_load(config, &refs, diag);
    CHECK(cfg != NULL, "%s loads", config);
    if (cfg) {
        GPtrArray *reports = csb_build_read_reports(cfg, res, diag);
        for (guint i = 0; i < cfg->briefings->len; i++) {
            CsbBriefingSpec *spec = cfg->briefings->pdata[i];
            char *base = g_path_get_basename(spec->output);
            g_free(spec->output);
            spec->output = g_build_filename(dir, base, NULL);
            g_free(base);
            gboolean ok = csb_build_briefing(spec, cfg, res, reports, NULL, NULL, cfg->authority, diag);
            CHECK(ok, "%s builds", spec->output);
            g_ptr_array_add(outputs, g_strdup(spec->output));
        }
        g_ptr_array_free(reports, TRUE);
        csb_config_free(cfg);
    }
    csb_diag_free(diag);
    return outputs;
}

static void test_examples(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbResources *res = csb_resources_load(".", diag);
    char *dir = g_dir_make_tmp("csbrief-pages-XXXXXX", NULL);
    GPtrArray *out = build("examples/redcar-and-cleveland.yaml", dir, res);
    if (out->len == 2) {
        const char *pack = out->pdata[0], *members = out->pdata[1];
        check_pdf(pack, "briefing-pack", "pack");
        check_pdf(members, "members-summary", "members");
        PopplerDocument *doc = open_pdf(pack);
        if (doc) {
            CHECK(on_page(doc, 1, "Redcar and Cleveland") && on_page(doc, 1, "Pre-inspection"),
                  "pack: the cover names the authority and the briefing");
            CHECK(on_page(doc, 3, "Overall effectiveness was judged Good"),
                  "pack: the summary (page 3) gives the overall grade");
            CHECK(on_page(doc, 3, "The response to children who are privately fostered"),
                  "pack: the summary lists the latest areas for improvement");
            int last = poppler_document_get_n_pages(doc);
            /* The lead inspector's name may wrap in its narrow column. */
            CHECK(on_page(doc, last, "redcar-and-cleveland-2025-12-ilacs.txt") &&
                      on_page(doc, last, "Rachel") && on_page(doc, last, "Fairhurst"),
                  "pack: the sources page names each report and its lead inspector");
            CHECK(uri_links(doc, "https://reports.ofsted.gov.uk/provider/44/80541") >= 2,
                  "pack: Ofsted reports link to the authority's Ofsted page (URN 80541)");
            g_object_unref(doc);
        }
        doc = open_pdf(members);
        if (doc) {
            CHECK(on_page(doc, 1, "What the latest inspection found"),
                  "members: page 1 opens with the latest inspection");
            char *all = g_strdup("");
            for (int i = 1; i <= poppler_document_get_n_pages(doc); i++) {
                char *t = page_text(doc, i), *joined = g_strconcat(all, " ", t, NULL);
                g_free(all);
                g_free(t);
                all = joined;
            }
            CHECK(strstr(all, "What the words mean") && strstr(all, "Questions members may"),
                  "members: grade meanings and questions are there");
            /* Which abbreviation is quoted depends on the quotes chosen:
             * SGO, IRO or PAs in the example's reports (a plural is
             * explained in its singular's row: "PA, Personal adviser"). */
            CHECK(strstr(all, "Words used in this summary") &&
                      ((strstr(all, "SGO") && strstr(all, "Special guardianship order")) ||
                       (strstr(all, "IRO") && strstr(all, "Independent reviewing officer")) ||
                       (strstr(all, "PA") && strstr(all, "Personal adviser"))),
                  "members: the glossary explains the abbreviations quoted");
            CHECK(strstr(all, "children's services (ILACS)") &&
                      strstr(all, "full inspection of a council"),
                  "members: and the kind of report it names, in plain English");
            CHECK(strstr(all, "What this summary is based on"),
                  "members: what the summary is based on");
            g_free(all);
            g_object_unref(doc);
        }
    }
    for (guint i = 0; i < out->len; i++)
        g_unlink(out->pdata[i]);
    g_rmdir(dir);
    g_free(dir);
    g_ptr_array_free(out, TRUE);
    csb_resources_free(res);
    csb_diag_free(diag);
}

int main(int argc, char **argv)
{
    if (argc == 3) {
        check_pdf(argv[1], argv[2], argv[1]);
        return unit_done();
    }
    RUN(test_examples);
    return unit_done();
}
