/* html.c - reading the site's pages with libxml2's HTML parser (which
 * recovers from malformed markup as browsers do) and XPath: the provider
 * links of a listing page and the publication links of a provider's page,
 * with the selectors of the site description.
 */
#include "fetch.h"

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdarg.h>
#include <string.h>

static void collect_error(void *ctx, const char *msg, ...)
{
    va_list ap;
    va_start(ap, msg);
    if (ctx)
        g_string_append_vprintf(ctx, msg, ap);
    va_end(ap);
}

/* libxml2 prints XPath errors through its generic handler: collect them
 * into errors (or drop them when NULL) while fn runs. */
static xmlXPathObjectPtr quietly(xmlXPathObjectPtr (*fn)(const char *, xmlNodePtr,
                                                         xmlXPathContextPtr),
                                 const char *expr, xmlNodePtr node, xmlXPathContextPtr ctx,
                                 GString *errors)
{
    xmlGenericErrorFunc old = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(errors, collect_error);
    xmlXPathObjectPtr r = fn(expr, node, ctx);
    xmlSetGenericErrorFunc(old_ctx, old);
    return r;
}

static xmlXPathObjectPtr compile_only(const char *expr, xmlNodePtr node, xmlXPathContextPtr ctx)
{
    xmlXPathCompExprPtr c = xmlXPathCompile((const xmlChar *)expr);
    if (!c)
        return NULL;
    xmlXPathFreeCompExpr(c);
    return xmlXPathNewBoolean(1);
}

static xmlXPathObjectPtr eval(const char *expr, xmlNodePtr node, xmlXPathContextPtr ctx)
{
    return node ? xmlXPathNodeEval(node, (const xmlChar *)expr, ctx)
                : xmlXPathEvalExpression((const xmlChar *)expr, ctx);
}

gboolean csb_html_xpath_valid(const char *expr, char **why)
{
    GString *errors = g_string_new(NULL);
    xmlXPathObjectPtr ok = quietly(compile_only, expr, NULL, NULL, errors);
    if (!ok)
        *why = csb_text_squash(errors->len ? errors->str : "it does not compile");
    xmlXPathFreeObject(ok);
    g_string_free(errors, TRUE);
    return ok != NULL;
}

void csb_listed_provider_free(CsbListedProvider *p)
{
    if (!p)
        return;
    g_free(p->urn);
    g_free(p->name);
    g_free(p);
}

void csb_listed_link_free(CsbListedLink *l)
{
    if (!l)
        return;
    g_free(l->url);
    g_free(l->text);
    g_free(l);
}

typedef struct {
    htmlDocPtr doc;
    xmlXPathContextPtr ctx;
} Page;

static gboolean page_open(Page *p, const char *html, gsize len, const char *url)
{
    /* Ofsted's pages are UTF-8; the parser would otherwise assume Latin-1
     * where a page does not say. */
    p->doc = htmlReadMemory(html, (int)MIN(len, (gsize)G_MAXINT), url, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                HTML_PARSE_NONET);
    p->ctx = p->doc ? xmlXPathNewContext(p->doc) : NULL;
    return p->ctx != NULL;
}

static void page_close(Page *p)
{
    if (p->ctx)
        xmlXPathFreeContext(p->ctx);
    if (p->doc)
        xmlFreeDoc(p->doc);
}

/* The element nodes expr selects (from node, or the document). */
static GPtrArray *select_nodes(Page *p, const char *expr, xmlNodePtr node)
{
    GPtrArray *out = g_ptr_array_new();
    xmlXPathObjectPtr r = quietly(eval, expr, node, p->ctx, NULL);
    if (r && r->type == XPATH_NODESET && r->nodesetval)
        for (int i = 0; i < r->nodesetval->nodeNr; i++)
            if (r->nodesetval->nodeTab[i]->type == XML_ELEMENT_NODE)
                g_ptr_array_add(out, r->nodesetval->nodeTab[i]);
    xmlXPathFreeObject(r);
    return out;
}

static char *node_text(xmlNodePtr n)
{
    xmlChar *c = xmlNodeGetContent(n);
    char *s = csb_text_squash(c ? (const char *)c : "");
    xmlFree(c);
    return s;
}

static char *attribute(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = v ? g_strstrip(g_strdup((const char *)v)) : NULL;
    xmlFree(v);
    return s;
}

GPtrArray *csb_html_providers(const CsbSite *site, const char *html, gsize len,
                              const char *page_url)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)csb_listed_provider_free);
    Page p = {0};
    if (!page_open(&p, html, len, page_url)) {
        page_close(&p);
        return out;
    }
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GPtrArray *links = select_nodes(&p, site->provider_link, NULL);
    for (guint i = 0; i < links->len; i++) {
        char *href = attribute(links->pdata[i], "href");
        GMatchInfo *m = NULL;
        if (href && g_regex_match(site->provider_urn, href, 0, &m)) {
            char *urn = g_match_info_fetch(m, 1);
            if (urn && *urn && !g_hash_table_contains(seen, urn)) {
                CsbListedProvider *lp = g_new0(CsbListedProvider, 1);
                lp->urn = g_strdup(urn);
                lp->name = node_text(links->pdata[i]);
                g_ptr_array_add(out, lp);
                g_hash_table_add(seen, g_strdup(urn));
            }
            g_free(urn);
        }
        g_match_info_free(m);
        g_free(href);
    }
    g_ptr_array_free(links, TRUE);
    g_hash_table_destroy(seen);
    page_close(&p);
    return out;
}

GPtrArray *csb_html_publications(const CsbSite *site, const char *html, gsize len,
                                 const char *page_url)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)csb_listed_link_free);
    Page p = {0};
    if (!page_open(&p, html, len, page_url)) {
        page_close(&p);
        return out;
    }
    GPtrArray *links = select_nodes(&p, site->publication_link, NULL);
    for (guint i = 0; i < links->len; i++) {
        xmlNodePtr a = links->pdata[i];
        char *href = attribute(a, "href");
        char *url = href && *href ? g_uri_resolve_relative(page_url, href, G_URI_FLAGS_NONE,
                                                          NULL)
                                  : NULL;
        g_free(href);
        if (!url)
            continue;
        char *text = NULL;
        if (site->publication_text) {
            GPtrArray *inner = select_nodes(&p, site->publication_text, a);
            if (inner->len)
                text = node_text(inner->pdata[0]);
            g_ptr_array_free(inner, TRUE);
        }
        if (!text || !*text) {
            g_free(text);
            text = node_text(a);
        }
        CsbListedLink *l = g_new0(CsbListedLink, 1);
        l->url = url;
        l->text = text;
        g_ptr_array_add(out, l);
    }
    g_ptr_array_free(links, TRUE);
    page_close(&p);
    return out;
}
