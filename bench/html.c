/* html.c - a briefing's document tree as HTML for WeasyPrint, so bench/render
 * can time the same content through an HTML engine: the same text, fonts,
 * sizes and colours, page furniture from @page rules, contents page numbers
 * from target-counter(), orphans and widows, repeated table headers, and the
 * charts drawn by csbrief's own renderer into inline SVG.
 */
#include "render/render.h"

#include <cairo-svg.h>
#include <string.h>

void bench_write_html(const CsbDoc *doc, PangoFontMap *fontmap, const char *root, FILE *out);

static void esc(FILE *out, const char *text)
{
    char *e = g_markup_escape_text(text ? text : "", -1);
    fputs(e, out);
    g_free(e);
}

static void rich(FILE *out, const CsbRich *r)
{
    for (guint i = 0; r && i < r->spans->len; i++) {
        const CsbSpan *s = r->spans->pdata[i];
        const char *open = s->style & CSB_STYLE_BOLD ? "<b>" : s->style & CSB_STYLE_ITALIC ? "<i>"
                           : s->style & CSB_STYLE_MUTED                                  ? "<span class=m>"
                                                                                         : "";
        const char *close = s->style & CSB_STYLE_BOLD     ? "</b>"
                            : s->style & CSB_STYLE_ITALIC ? "</i>"
                            : s->style & CSB_STYLE_MUTED  ? "</span>"
                                                          : "";
        fputs(open, out);
        char *e = g_markup_escape_text(s->text, -1);
        for (char *c = e; *c; c++)
            c[0] == '\n' ? fputs("<br>", out) : fputc(*c, out);
        g_free(e);
        fputs(close, out);
    }
}

static cairo_status_t to_gstring(void *closure, const unsigned char *data, unsigned int length)
{
    g_string_append_len(closure, (const char *)data, length);
    return CAIRO_STATUS_SUCCESS;
}

static void chart_svg(FILE *out, const CsbChart *c, PangoFontMap *fontmap, const char *font)
{
    double w = 481.9; /* the text width of the A4 template, points */
    GString *svg = g_string_new(NULL);
    cairo_surface_t *s = cairo_svg_surface_create_for_stream(to_gstring, svg, w, c->height);
    cairo_t *cr = cairo_create(s);
    PangoContext *ctx = pango_font_map_create_context(fontmap);
    pango_cairo_update_context(cr, ctx);
    csb_render_chart(cr, ctx, font, c, 0, 0, w, c->height);
    g_object_unref(ctx);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    const char *start = strstr(svg->str, "<svg");
    fprintf(out, "<figure>%s", start ? start : "");
    if (c->caption) {
        fputs("<figcaption>", out);
        esc(out, c->caption);
        fputs("</figcaption>", out);
    }
    fputs("</figure>\n", out);
    g_string_free(svg, TRUE);
}

static void cell(FILE *out, const char *tag, const CsbTableCell *c, double width)
{
    fprintf(out, "<%s style=\"width:%.1f%%\">", tag, width * 100);
    if (c && c->grade)
        fprintf(out, "<span class=\"grade g%d\">", c->grade);
    if (c)
        rich(out, c->text);
    if (c && c->grade)
        fputs("</span>", out);
    fprintf(out, "</%s>", tag);
}

static void table(FILE *out, const CsbTable *t)
{
    fputs("<table><thead><tr>", out);
    for (int c = 0; c < t->columns; c++)
        cell(out, "th", t->header->pdata[c], t->widths[c]);
    fputs("</tr></thead><tbody>\n", out);
    for (guint r = 0; r < t->rows->len; r++) {
        GPtrArray *cells = t->rows->pdata[r];
        fputs("<tr>", out);
        for (int c = 0; c < t->columns; c++)
            cell(out, "td", (guint)c < cells->len ? cells->pdata[c] : NULL, t->widths[c]);
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
}

static void style(FILE *out, const CsbDoc *doc, const char *root)
{
    const CsbTemplate *t = doc->tpl;
    static const char *const faces[][4] = {
        {"Noto Sans", "NotoSans-Regular", "normal", "normal"},
        {"Noto Sans", "NotoSans-Bold", "bold", "normal"},
        {"Noto Sans", "NotoSans-Italic", "normal", "italic"},
        {"Noto Sans", "NotoSans-BoldItalic", "bold", "italic"},
        {"Noto Serif", "NotoSerif-Regular", "normal", "normal"},
        {"Noto Serif", "NotoSerif-Italic", "normal", "italic"},
        {"Noto Serif", "NotoSerif-Bold", "bold", "normal"}};
    fputs("<style>\n", out);
    for (guint i = 0; i < G_N_ELEMENTS(faces); i++)
        fprintf(out, "@font-face{font-family:'%s';src:url('file://%s/fonts/%s.ttf');"
                     "font-weight:%s;font-style:%s}\n",
                faces[i][0], root, faces[i][1], faces[i][2], faces[i][3]);
    fprintf(out, "@page{size:A4;margin:%.1fpt %.1fpt %.1fpt %.1fpt;"
                 "@top-left{content:'",
            t->margin_top, t->margin_right, t->margin_bottom, t->margin_left);
    esc(out, doc->running_title);
    fputs("';font-size:8pt;color:#5a6573}"
          "@bottom-left{content:'",
          out);
    esc(out, doc->cover.date_text);
    fputs("';font-size:8pt;color:#5a6573}"
          "@bottom-right{content:'Page ' counter(page) ' of ' counter(pages);font-size:8pt;"
          "color:#5a6573}}\n"
          "@page:first{@top-left{content:none}@bottom-left{content:none}"
          "@bottom-right{content:none}}\n",
          out);
    fprintf(out,
            "body{font-family:'Noto Sans';font-size:%.1fpt;line-height:%.2f;color:#1b1f24}\n"
            "h1{font-size:%.1fpt;color:#1d4f91;border-bottom:1.2pt solid #1d4f91;"
            "break-before:page;margin:0 0 9pt}\n"
            "h2{font-size:%.1fpt;color:#1d4f91;margin:12pt 0 4pt}h3{font-size:%.1fpt;margin:8pt 0 2pt}\n"
            "h1,h2,h3{break-after:avoid}p,li,blockquote{orphans:2;widows:2}\n"
            ".cover{break-after:page}.cover h1{break-before:auto;font-size:30pt;border:none}\n"
            "blockquote{font-family:'Noto Serif';font-style:italic;border-left:2.2pt solid "
            "#1d4f91;margin:0 0 9pt;padding-left:12pt}\n"
            "cite{display:block;font-family:'Noto Sans';font-style:normal;font-size:8pt;"
            "color:#5a6573}\n"
            "table{width:100%%;border-collapse:collapse;font-size:8pt;margin-bottom:10pt}"
            "thead{display:table-header-group}\n"
            "th{background:#eef2f7;text-align:left;border-bottom:0.9pt solid #1d4f91;padding:4pt}"
            "td{border-bottom:0.4pt solid #c9d0d8;padding:4pt;vertical-align:top}"
            "tr{break-inside:avoid}\n"
            ".grade{font-weight:bold;border-radius:2.5pt;padding:1.5pt 3pt}"
            ".g1{background:#163e6c;color:#fff}.g2{background:#6ea6d8}.g3,.g4{background:#f7d070}"
            ".g5{background:#b02a30;color:#fff}.m{color:#5a6573}\n"
            ".callout{background:#eef2f7;border-left:3pt solid #1d4f91;padding:4pt 10pt}\n"
            "figure{margin:0 0 10pt;break-inside:avoid}figcaption{font-size:8pt;"
            "font-style:italic;color:#5a6573}\n"
            ".toc a{color:inherit;text-decoration:none;display:block}"
            ".toc a::after{content:leader('.') target-counter(attr(href),page);float:right}"
            ".toc .l2{padding-left:15pt}\n",
            t->size_body, t->leading, t->size_h1, t->size_h2, t->size_h3);
    fputs("</style>\n", out);
}

static void contents(FILE *out, const CsbDoc *doc)
{
    fputs("<h1 id=\"contents\">Contents</h1><div class=toc>\n", out);
    for (guint i = 0; i < doc->blocks->len; i++) {
        const CsbDocBlock *b = doc->blocks->pdata[i];
        if (b->kind != CSB_BLOCK_HEADING_1 && b->kind != CSB_BLOCK_HEADING_2)
            continue;
        fprintf(out, "<a class=l%d href=\"#%s\">", b->kind == CSB_BLOCK_HEADING_1 ? 1 : 2,
                b->anchor);
        rich(out, b->text);
        fputs("</a>\n", out);
    }
    fputs("</div>\n", out);
}

void bench_write_html(const CsbDoc *doc, PangoFontMap *fontmap, const char *root, FILE *out)
{
    const CsbCover *c = &doc->cover;
    fputs("<!doctype html><html lang=en><head><meta charset=utf-8><title>", out);
    esc(out, c->title);
    fputs("</title>\n", out);
    style(out, doc, root);
    fputs("</head><body>\n", out);
    for (guint i = 0; i < doc->blocks->len; i++) {
        const CsbDocBlock *b = doc->blocks->pdata[i];
        switch (b->kind) {
        case CSB_BLOCK_COVER:
        case CSB_BLOCK_MASTHEAD:
            fputs("<div class=cover><p>", out);
            esc(out, c->organisation);
            fputs("</p><h1>", out);
            esc(out, c->title);
            fputs("</h1><h2>", out);
            esc(out, c->authority);
            fputs("</h2><p>", out);
            esc(out, c->subtitle);
            fputs("</p><p>", out);
            esc(out, c->date_text);
            fputs("</p>", out);
            if (c->facts)
                table(out, c->facts);
            fputs("<p class=m>", out);
            esc(out, c->prepared_note);
            fputs("</p></div>\n", out);
            break;
        case CSB_BLOCK_CONTENTS:
            contents(out, doc);
            break;
        case CSB_BLOCK_HEADING_1:
        case CSB_BLOCK_HEADING_2:
        case CSB_BLOCK_HEADING_3: {
            int level = b->kind == CSB_BLOCK_HEADING_1 ? 1 : b->kind == CSB_BLOCK_HEADING_2 ? 2 : 3;
            fprintf(out, "<h%d id=\"%s\">", level, b->anchor);
            rich(out, b->text);
            fprintf(out, "</h%d>\n", level);
            break;
        }
        case CSB_BLOCK_PARAGRAPH:
            fputs("<p>", out);
            rich(out, b->text);
            fputs("</p>\n", out);
            break;
        case CSB_BLOCK_CALLOUT:
            fputs("<p class=callout>", out);
            rich(out, b->text);
            fputs("</p>\n", out);
            break;
        case CSB_BLOCK_LIST:
            fputs("<ul>", out);
            for (guint k = 0; k < b->items->len; k++) {
                fputs("<li>", out);
                rich(out, b->items->pdata[k]);
                fputs("</li>", out);
            }
            fputs("</ul>\n", out);
            break;
        case CSB_BLOCK_QUOTE:
            fputs("<blockquote>\u201C", out);
            rich(out, b->text);
            fputs("\u201D<cite>", out);
            rich(out, b->citation);
            fputs("</cite></blockquote>\n", out);
            break;
        case CSB_BLOCK_TABLE:
            table(out, b->table);
            break;
        case CSB_BLOCK_FIGURE:
            chart_svg(out, b->chart, fontmap, doc->tpl->font_body);
            break;
        case CSB_BLOCK_PAGE_BREAK:
            fputs("<div style=\"break-after:page\"></div>\n", out);
            break;
        }
    }
    fputs("</body></html>\n", out);
}
