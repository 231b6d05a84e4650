/* html.c - the HTML writer: a briefing's document tree as one HTML page,
 * accessible as the tagged PDF is (the language, headings, lists, tables
 * whose header cells say what they head, quotations with their cited
 * source, figures whose alternative text states their data, grades as
 * their words), with the template's fonts, sizes and colours, page
 * furniture from @page rules when printed (contents page numbers from
 * target-counter(), orphans and widows, repeated table headers), and the
 * charts drawn by the PDF device's own chart code into inline SVG.
 * bench/render prints it with WeasyPrint to compare engines.
 */
#include "render.h"

#include <cairo-svg.h>
#include <string.h>

static void esc(GString *out, const char *text)
{
    char *e = g_markup_escape_text(text ? text : "", -1);
    g_string_append(out, e);
    g_free(e);
}

static void rich(GString *out, const CsbRich *r)
{
    for (guint i = 0; r && i < r->spans->len; i++) {
        const CsbSpan *s = r->spans->pdata[i];
        const char *open = s->style & CSB_STYLE_BOLD     ? "<b>"
                           : s->style & CSB_STYLE_ITALIC ? "<i>"
                           : s->style & CSB_STYLE_MUTED  ? "<span class=m>"
                                                         : "";
        const char *close = s->style & CSB_STYLE_BOLD     ? "</b>"
                            : s->style & CSB_STYLE_ITALIC ? "</i>"
                            : s->style & CSB_STYLE_MUTED  ? "</span>"
                                                          : "";
        g_string_append(out, open);
        char *e = g_markup_escape_text(s->text, -1);
        for (char *c = e; *c; c++)
            if (c[0] == '\n')
                g_string_append(out, "<br>");
            else
                g_string_append_c(out, *c);
        g_free(e);
        g_string_append(out, close);
    }
}

/* A link's address: "uri:X" as X, "dest:NAME" as #NAME. */
static void href(GString *out, const char *link)
{
    g_string_append(out, " href=\"");
    if (g_str_has_prefix(link, "dest:"))
        g_string_append_c(out, '#');
    esc(out, strchr(link, ':') + 1);
    g_string_append_c(out, '"');
}

static cairo_status_t to_gstring(void *closure, const unsigned char *data, unsigned int length)
{
    g_string_append_len(closure, (const char *)data, length);
    return CAIRO_STATUS_SUCCESS;
}

/* The chart as inline SVG, its data in words as its accessible name. */
static void chart_svg(GString *out, const CsbChart *c, PangoContext *ctx, const char *font,
                      double width)
{
    GString *svg = g_string_new(NULL);
    cairo_surface_t *s = cairo_svg_surface_create_for_stream(to_gstring, svg, width, c->height);
    cairo_t *cr = cairo_create(s);
    pango_cairo_update_context(cr, ctx);
    csb_render_chart(cr, ctx, font, c, 0, 0, width, c->height);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    const char *start = strstr(svg->str, "<svg");
    char *alt = csb_chart_describe(c);
    g_string_append(out, "<figure>");
    if (start) {
        g_string_append(out, "<svg role=\"img\" aria-label=\"");
        esc(out, alt);
        g_string_append_c(out, '"');
        g_string_append(out, start + 4);
    }
    if (c->caption) {
        g_string_append(out, "<figcaption>");
        esc(out, c->caption);
        g_string_append(out, "</figcaption>");
    }
    g_string_append(out, "</figure>\n");
    g_free(alt);
    g_string_free(svg, TRUE);
}

static void cell(GString *out, const char *tag, const char *scope, const CsbTableCell *c,
                 double width)
{
    g_string_append_printf(out, "<%s%s%s%s style=\"width:%.1f%%\">", tag, scope ? " scope=\"" : "",
                           scope ? scope : "", scope ? "\"" : "", width * 100);
    if (c && c->link) {
        g_string_append(out, "<a");
        href(out, c->link);
        g_string_append_c(out, '>');
    }
    if (c && c->grade)
        g_string_append_printf(out, "<span class=\"grade g%d\">", c->grade);
    if (c)
        rich(out, c->text);
    if (c && c->grade)
        g_string_append(out, "</span>");
    if (c && c->link)
        g_string_append(out, "</a>");
    g_string_append_printf(out, "</%s>", tag);
}

/* Header cells head their columns; a table without a header row has each
 * row headed by its first cell (as in the PDF's structure). */
static void table(GString *out, const CsbTable *t)
{
    gboolean headed = FALSE;
    for (int c = 0; c < t->columns; c++)
        headed |= t->header->pdata[c] != NULL;
    g_string_append(out, "<table>");
    if (headed) {
        g_string_append(out, "<thead><tr>");
        for (int c = 0; c < t->columns; c++)
            cell(out, "th", "col", t->header->pdata[c], t->widths[c]);
        g_string_append(out, "</tr></thead>");
    }
    g_string_append(out, "<tbody>\n");
    for (guint r = 0; r < t->rows->len; r++) {
        GPtrArray *cells = t->rows->pdata[r];
        g_string_append(out, "<tr>");
        for (int c = 0; c < t->columns; c++) {
            gboolean heads = !headed && c == 0;
            cell(out, heads ? "th" : "td", heads ? "row" : NULL,
                 (guint)c < cells->len ? cells->pdata[c] : NULL, t->widths[c]);
        }
        g_string_append(out, "</tr>\n");
    }
    g_string_append(out, "</tbody></table>\n");
}

static void hex(GString *out, CsbColour c)
{
    g_string_append_printf(out, "#%02x%02x%02x", (int)(c.r * 255 + 0.5), (int)(c.g * 255 + 0.5),
                           (int)(c.b * 255 + 0.5));
}

static void style(GString *out, const CsbDoc *doc, const char *fonts_url)
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
    g_string_append(out, "<style>\n");
    for (guint i = 0; fonts_url && i < G_N_ELEMENTS(faces); i++)
        g_string_append_printf(out, "@font-face{font-family:'%s';src:url('%s/%s.ttf');"
                                    "font-weight:%s;font-style:%s}\n",
                               faces[i][0], fonts_url, faces[i][1], faces[i][2], faces[i][3]);
    g_string_append_printf(out, "@page{size:%.1fpt %.1fpt;margin:%.1fpt %.1fpt %.1fpt %.1fpt;"
                                "@top-left{content:'",
                           t->page_w, t->page_h, t->margin_top, t->margin_right,
                           t->margin_bottom, t->margin_left);
    esc(out, doc->running_title);
    g_string_append(out, "';font-size:8pt;color:");
    hex(out, t->muted);
    g_string_append(out, "}@bottom-left{content:'");
    esc(out, doc->cover.date_text);
    g_string_append(out, "';font-size:8pt;color:");
    hex(out, t->muted);
    g_string_append(out, "}@bottom-right{content:'Page ' counter(page) ' of ' counter(pages);"
                         "font-size:8pt;color:");
    hex(out, t->muted);
    g_string_append(out, "}}\n@page:first{@top-left{content:none}@bottom-left{content:none}"
                         "@bottom-right{content:none}}\n");
    GString *accent = g_string_new(NULL), *ink = g_string_new(NULL), *muted = g_string_new(NULL),
            *rule = g_string_new(NULL), *shade = g_string_new(NULL);
    hex(accent, t->accent);
    hex(ink, t->ink);
    hex(muted, t->muted);
    hex(rule, t->rule);
    hex(shade, t->shade);
    g_string_append_printf(
        out,
        "body{font-family:'%s',sans-serif;font-size:%.1fpt;line-height:%.2f;color:%s;"
        "max-width:%.0fpt;margin:auto}\n"
        "h1{font-size:%.1fpt;color:%s;border-bottom:1.2pt solid %s;%s"
        "margin:0 0 9pt}\n"
        "h2{font-size:%.1fpt;color:%s;margin:12pt 0 4pt}h3{font-size:%.1fpt;margin:8pt 0 2pt}\n"
        "h1,h2,h3{break-after:avoid}p,li,blockquote{orphans:2;widows:2}\n"
        "header{background:%s;color:#fff;padding:12pt;break-after:%s}"
        "header h1{break-before:auto;font-size:%.1fpt;border:none;color:#fff}\n"
        "blockquote{font-family:'%s',serif;font-style:italic;border-left:2.2pt solid %s;"
        "margin:0 0 9pt;padding-left:12pt}\n"
        "blockquote footer{font-family:'%s',sans-serif;font-style:normal;font-size:%.1fpt;"
        "color:%s}\n"
        "table{width:100%%;border-collapse:collapse;font-size:%.1fpt;margin-bottom:10pt}"
        "thead{display:table-header-group}\n"
        "th{text-align:left;vertical-align:top;padding:4pt}thead th{background:%s;"
        "border-bottom:0.9pt solid %s}"
        "td{border-bottom:0.4pt solid %s;padding:4pt;vertical-align:top}"
        "tr{break-inside:avoid}\n"
        ".grade{font-weight:bold;border-radius:2.5pt;padding:1.5pt 3pt}"
        ".g1{background:#163e6c;color:#fff}.g2{background:#6ea6d8}.g3,.g4{background:#f7d070}"
        ".g5{background:#b02a30;color:#fff}.m{color:%s}\n"
        ".callout{background:%s;border-left:3pt solid %s;padding:4pt 10pt}\n"
        "figure{margin:0 0 10pt;break-inside:avoid}figure svg{max-width:100%%;height:auto}"
        "figcaption{font-size:%.1fpt;font-style:italic;color:%s}\n"
        "nav a{color:inherit;text-decoration:none;display:block}"
        "nav a::after{content:leader('.') target-counter(attr(href),page);float:right}"
        "nav .l2{padding-left:15pt}.page-break{break-after:page}\n",
        t->font_body, t->size_body, t->leading, ink->str, t->page_w - t->margin_left -
        t->margin_right, t->size_h1, accent->str, accent->str,
        t->section_breaks ? "break-before:page;" : "", t->size_h2, accent->str, t->size_h3,
        accent->str, t->section_breaks ? "page" : "auto", t->size_title, t->font_quote,
        accent->str, t->font_body, t->size_small, muted->str, t->size_table, shade->str,
        accent->str, rule->str, muted->str, shade->str, accent->str, t->size_small,
        muted->str);
    g_string_free(accent, TRUE);
    g_string_free(ink, TRUE);
    g_string_free(muted, TRUE);
    g_string_free(rule, TRUE);
    g_string_free(shade, TRUE);
    g_string_append(out, "</style>\n");
}

static void contents(GString *out, const CsbDoc *doc)
{
    g_string_append(out, "<nav aria-labelledby=\"contents\"><h1 id=\"contents\">Contents</h1>\n");
    for (guint i = 0; i < doc->blocks->len; i++) {
        const CsbDocBlock *b = doc->blocks->pdata[i];
        if (b->kind != CSB_BLOCK_HEADING_1 && b->kind != CSB_BLOCK_HEADING_2)
            continue;
        g_string_append_printf(out, "<a class=l%d href=\"#%s\">",
                               b->kind == CSB_BLOCK_HEADING_1 ? 1 : 2, b->anchor);
        rich(out, b->text);
        g_string_append(out, "</a>\n");
    }
    g_string_append(out, "</nav>\n");
}

static void para(GString *out, const char *text)
{
    if (!text)
        return;
    g_string_append(out, "<p>");
    esc(out, text);
    g_string_append(out, "</p>");
}

/* The cover or the masthead: whom and what it is about, and when. */
static void cover(GString *out, const CsbDoc *doc, gboolean facts)
{
    const CsbCover *c = &doc->cover;
    g_string_append(out, "<header>");
    para(out, c->organisation);
    g_string_append(out, "<h1>");
    esc(out, c->title ? c->title : doc->tpl->default_title);
    g_string_append(out, "</h1>");
    para(out, c->authority);
    para(out, c->subtitle);
    para(out, c->date_text);
    g_string_append(out, "</header>\n");
    if (facts && c->facts)
        table(out, c->facts);
    if (facts && c->prepared_note) {
        g_string_append(out, "<p class=m>");
        esc(out, c->prepared_note);
        g_string_append(out, "</p>\n");
    }
}

static void quote(GString *out, const CsbDocBlock *b)
{
    g_string_append(out, "<blockquote><p>\u201C");
    rich(out, b->text);
    g_string_append(out, "\u201D</p>");
    if (b->citation) {
        g_string_append(out, "<footer><cite>");
        if (b->link) {
            g_string_append(out, "<a");
            href(out, b->link);
            g_string_append_c(out, '>');
        }
        rich(out, b->citation);
        if (b->link)
            g_string_append(out, "</a>");
        g_string_append(out, "</cite></footer>");
    }
    g_string_append(out, "</blockquote>\n");
}

static void block(GString *out, const CsbDoc *doc, const CsbDocBlock *b, PangoContext *ctx)
{
    const CsbTemplate *t = doc->tpl;
    switch (b->kind) {
    case CSB_BLOCK_COVER:
    case CSB_BLOCK_MASTHEAD:
        cover(out, doc, b->kind == CSB_BLOCK_COVER);
        break;
    case CSB_BLOCK_CONTENTS:
        contents(out, doc);
        break;
    case CSB_BLOCK_HEADING_1:
    case CSB_BLOCK_HEADING_2:
    case CSB_BLOCK_HEADING_3: {
        int level = b->kind == CSB_BLOCK_HEADING_1 ? 1 : b->kind == CSB_BLOCK_HEADING_2 ? 2 : 3;
        g_string_append_printf(out, "<h%d id=\"%s\">", level, b->anchor);
        rich(out, b->text);
        g_string_append_printf(out, "</h%d>\n", level);
        break;
    }
    case CSB_BLOCK_PARAGRAPH:
        g_string_append(out, "<p>");
        rich(out, b->text);
        g_string_append(out, "</p>\n");
        break;
    case CSB_BLOCK_CALLOUT:
        g_string_append(out, "<p class=callout>");
        rich(out, b->text);
        g_string_append(out, "</p>\n");
        break;
    case CSB_BLOCK_LIST:
        g_string_append(out, "<ul>");
        for (guint k = 0; k < b->items->len; k++) {
            g_string_append(out, "<li>");
            rich(out, b->items->pdata[k]);
            g_string_append(out, "</li>");
        }
        g_string_append(out, "</ul>\n");
        break;
    case CSB_BLOCK_QUOTE:
        quote(out, b);
        break;
    case CSB_BLOCK_TABLE:
        table(out, b->table);
        break;
    case CSB_BLOCK_FIGURE:
        chart_svg(out, b->chart, ctx, t->font_body,
                  t->page_w - t->margin_left - t->margin_right);
        break;
    case CSB_BLOCK_PAGE_BREAK:
        g_string_append(out, "<div class=page-break></div>\n");
        break;
    }
}

GString *csb_render_html(const CsbDoc *doc, PangoContext *ctx, const char *fonts_url)
{
    GString *out = g_string_new("<!doctype html>\n<html lang=\"en-GB\"><head><meta "
                                "charset=\"utf-8\">\n<meta name=\"viewport\" "
                                "content=\"width=device-width, initial-scale=1\">\n<title>");
    esc(out, doc->running_title);
    g_string_append(out, "</title>\n");
    style(out, doc, fonts_url);
    g_string_append(out, "</head><body>\n<main>\n");
    for (guint i = 0; i < doc->blocks->len; i++)
        block(out, doc, doc->blocks->pdata[i], ctx);
    g_string_append(out, "</main>\n</body></html>\n");
    return out;
}
