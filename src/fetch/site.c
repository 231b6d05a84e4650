/* site.c - the description of Ofsted's reports site (data/ofsted-site.yaml):
 * loading and checking it (every regex and XPath compiled, every kind
 * known, https unless on the loopback address), the addresses of listing
 * and provider pages, reading a publication's link text, and which hosts
 * may be requested.
 */
#include "fetch.h"

#include "../parse/parse.h"

#include <string.h>

static const char *const top_keys[] = {"reports", "files", "hosts", "max_redirects", "listing",
                                       "provider", "titles"};
static const char *const listing_keys[] = {"path",      "query",     "start",
                                           "rows",      "page_size", "max_pages",
                                           "provider_link", "provider_urn"};
static const char *const provider_keys[] = {"path", "publication_link", "publication_text",
                                            "link_text", "formats"};
static const char *const title_keys[] = {"title", "kinds"};

typedef struct {
    CsbYaml *y;
    CsbDiag *diag;
    CsbSite *site;
    gboolean ok;
} Loader;

/* An error in the description: reported, and the description is unusable. */
#define error_at(l, n, ...)                                                                  \
    ((l)->ok = FALSE, csb_yaml_error_at((l)->diag, (l)->y, (n), __VA_ARGS__))

/* A required scalar of map (owned), or NULL with an error. */
static char *text(Loader *l, yaml_node_t *map, const char *section, const char *key)
{
    yaml_node_t *n = csb_yaml_get(l->y, map, key);
    const char *v = csb_yaml_scalar(n);
    if (!n) {
        error_at(l, map, "%s needs '%s'", section, key);
        return NULL;
    }
    if (!v || !*v) {
        error_at(l, n, "'%s' in %s should be a single value, not %s", key, section,
                 csb_yaml_type_name(n));
        return NULL;
    }
    return g_strdup(v);
}

static guint number(Loader *l, yaml_node_t *map, const char *section, const char *key,
                    guint fallback, guint max)
{
    yaml_node_t *n = csb_yaml_get(l->y, map, key);
    if (!n)
        return fallback;
    const char *v = csb_yaml_scalar(n);
    char *end = NULL;
    guint64 x = v ? g_ascii_strtoull(v, &end, 10) : 0;
    if (!v || !*v || *end || x < 1 || x > max) {
        error_at(l, n, "'%s' in %s should be a whole number from 1 to %u", key, section, max);
        return fallback;
    }
    return (guint)x;
}

static GRegex *regex(Loader *l, yaml_node_t *map, const char *section, const char *key)
{
    char *pattern = text(l, map, section, key);
    if (!pattern)
        return NULL;
    GError *err = NULL;
    GRegex *re = g_regex_new(pattern, G_REGEX_CASELESS, 0, &err);
    if (!re) {
        error_at(l, csb_yaml_get(l->y, map, key), "'%s' in %s is not a regular expression: %s",
                 key, section, err->message);
        g_error_free(err);
    }
    g_free(pattern);
    return re;
}

static char *xpath(Loader *l, yaml_node_t *map, const char *section, const char *key)
{
    char *expr = text(l, map, section, key);
    char *why = NULL;
    if (expr && !csb_html_xpath_valid(expr, &why)) {
        error_at(l, csb_yaml_get(l->y, map, key), "'%s' in %s is not an XPath expression: %s",
                 key, section, why);
        g_clear_pointer(&expr, g_free);
    }
    g_free(why);
    return expr;
}

static gboolean is_loopback(const char *host)
{
    return strcmp(host, "127.0.0.1") == 0 || strcmp(host, "localhost") == 0 ||
           strcmp(host, "::1") == 0 || strcmp(host, "[::1]") == 0;
}

char *csb_url_origin(const char *url)
{
    GUri *u = url ? g_uri_parse(url, G_URI_FLAGS_NONE, NULL) : NULL;
    if (!u)
        return NULL;
    const char *scheme = g_uri_get_scheme(u);
    const char *host = g_uri_get_host(u);
    int port = g_uri_get_port(u);
    char *origin = NULL;
    gboolean https = g_ascii_strcasecmp(scheme, "https") == 0;
    if ((https || g_ascii_strcasecmp(scheme, "http") == 0) && host && *host) {
        char *lower = g_ascii_strdown(host, -1);
        origin = g_strdup_printf("%s://%s:%d", https ? "https" : "http", lower,
                                 port > 0 ? port : https ? 443 : 80);
        g_free(lower);
    }
    g_uri_unref(u);
    return origin;
}

/* A base address: absolute, https unless on the loopback address, no
 * trailing slash. Its origin joins the site's. */
static char *base(Loader *l, yaml_node_t *root, const char *key)
{
    char *v = text(l, root, "the site description", key);
    if (!v)
        return NULL;
    while (g_str_has_suffix(v, "/"))
        v[strlen(v) - 1] = '\0';
    char *origin = csb_url_origin(v);
    GUri *u = origin ? g_uri_parse(v, G_URI_FLAGS_NONE, NULL) : NULL;
    if (!origin) {
        error_at(l, csb_yaml_get(l->y, root, key),
                 "'%s' should be an address such as https://reports.ofsted.gov.uk, not '%s'",
                 key, v);
        g_clear_pointer(&v, g_free);
    } else if (!g_str_has_prefix(origin, "https:") && !is_loopback(g_uri_get_host(u))) {
        error_at(l, csb_yaml_get(l->y, root, key),
                 "'%s' should use https (plain http is only for a test site on 127.0.0.1): %s",
                 key, v);
        g_clear_pointer(&v, g_free);
    } else {
        g_ptr_array_add(l->site->origins, g_strdup(origin));
    }
    if (u)
        g_uri_unref(u);
    g_free(origin);
    return v;
}

static guint kinds_of(Loader *l, yaml_node_t *n)
{
    GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
    guint kinds = 0;
    if (!n)
        error_at(l, n, "each title needs 'kinds': the kind ids it can be");
    else if (csb_yaml_string_list(l->y, n, "'kinds'", ids, l->diag))
        for (guint i = 0; i < ids->len; i++) {
            CsbKind k = csb_kind_from_id(ids->pdata[i]);
            if (k == CSB_KIND_UNKNOWN)
                error_at(l, n, "unknown kind '%s'; kinds are the ids of src/model "
                               "(ilacs, sif, lac, slac, child-protection, focused-visit, "
                               "monitoring-visit, jtai, lscb-review)",
                         (const char *)ids->pdata[i]);
            else
                kinds |= 1u << k;
        }
    else
        l->ok = FALSE;
    g_ptr_array_free(ids, TRUE);
    return kinds;
}

static void title_free(gpointer p)
{
    CsbSiteTitle *t = p;
    g_free(t->pattern);
    if (t->regex)
        g_regex_unref(t->regex);
    g_free(t);
}

static void read_titles(Loader *l, yaml_node_t *n)
{
    if (!n || n->type != YAML_SEQUENCE_NODE) {
        error_at(l, n, "'titles' should be a list of {title: REGEX, kinds: [KIND...]}");
        return;
    }
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top;
         i++) {
        yaml_node_t *item = csb_yaml_node(l->y, *i);
        if (item->type != YAML_MAPPING_NODE) {
            error_at(l, item, "each of 'titles' should be {title: REGEX, kinds: [KIND...]}");
            continue;
        }
        csb_yaml_check_keys(l->y, item, "a title", title_keys, G_N_ELEMENTS(title_keys),
                              l->diag);
        CsbSiteTitle *t = g_new0(CsbSiteTitle, 1);
        t->pattern = text(l, item, "a title", "title");
        t->regex = regex(l, item, "a title", "title");
        t->kinds = kinds_of(l, csb_yaml_get(l->y, item, "kinds"));
        g_ptr_array_add(l->site->titles, t);
    }
}

static yaml_node_t *section(Loader *l, yaml_node_t *root, const char *key,
                            const char *const *keys, guint n)
{
    yaml_node_t *s = csb_yaml_get(l->y, root, key);
    if (!s || s->type != YAML_MAPPING_NODE) {
        error_at(l, s ? s : root, "the site description needs '%s', a mapping", key);
        return NULL;
    }
    csb_yaml_check_keys(l->y, s, key, keys, n, l->diag);
    return s;
}

static void read_listing(Loader *l, yaml_node_t *root)
{
    CsbSite *s = l->site;
    yaml_node_t *m = section(l, root, "listing", listing_keys, G_N_ELEMENTS(listing_keys));
    if (!m)
        return;
    s->listing_path = text(l, m, "listing", "path");
    yaml_node_t *q = csb_yaml_get(l->y, m, "query");
    s->listing_query = g_strdup(q && csb_yaml_scalar(q) ? csb_yaml_scalar(q) : "");
    s->start_param = text(l, m, "listing", "start");
    s->rows_param = text(l, m, "listing", "rows");
    s->page_size = number(l, m, "listing", "page_size", 100, 1000);
    s->max_pages = number(l, m, "listing", "max_pages", 20, 1000);
    s->provider_link = xpath(l, m, "listing", "provider_link");
    s->provider_urn = regex(l, m, "listing", "provider_urn");
    if (s->provider_urn && g_regex_get_capture_count(s->provider_urn) < 1)
        error_at(l, csb_yaml_get(l->y, m, "provider_urn"),
                 "'provider_urn' needs a group, ( ), around the URN");
}

static void read_provider(Loader *l, yaml_node_t *root)
{
    CsbSite *s = l->site;
    yaml_node_t *m = section(l, root, "provider", provider_keys, G_N_ELEMENTS(provider_keys));
    if (!m)
        return;
    s->provider_path = text(l, m, "provider", "path");
    if (s->provider_path && !strstr(s->provider_path, "{urn}"))
        error_at(l, csb_yaml_get(l->y, m, "path"), "the provider 'path' needs {urn}, e.g. "
                                                   "/provider/44/{urn}");
    s->publication_link = xpath(l, m, "provider", "publication_link");
    if (csb_yaml_get(l->y, m, "publication_text"))
        s->publication_text = xpath(l, m, "provider", "publication_text");
    s->link_text = regex(l, m, "provider", "link_text");
    if (s->link_text) {
        int title = g_regex_get_string_number(s->link_text, "title");
        int date = g_regex_get_string_number(s->link_text, "date");
        if (title < 0 || date < 0)
            error_at(l, csb_yaml_get(l->y, m, "link_text"),
                     "'link_text' needs the named groups (?<title>...) and (?<date>...), and "
                     "may have (?<format>...)");
    }
    yaml_node_t *f = csb_yaml_get(l->y, m, "formats");
    if (f && !csb_yaml_string_list(l->y, f, "'formats'", s->formats, l->diag))
        l->ok = FALSE;
}

static void read_hosts(Loader *l, yaml_node_t *root)
{
    yaml_node_t *n = csb_yaml_get(l->y, root, "hosts");
    if (!n || (n->type == YAML_SEQUENCE_NODE &&
               n->data.sequence.items.start == n->data.sequence.items.top))
        return;
    GPtrArray *hosts = g_ptr_array_new_with_free_func(g_free);
    if (csb_yaml_string_list(l->y, n, "'hosts'", hosts, l->diag)) {
        for (guint i = 0; i < hosts->len; i++) {
            char *origin = csb_url_origin(hosts->pdata[i]);
            if (!origin || !g_str_has_prefix(origin, "https:"))
                error_at(l, n, "each of 'hosts' should be an https address such as "
                               "https://files.ofsted.gov.uk, not '%s'",
                         (const char *)hosts->pdata[i]);
            else
                g_ptr_array_add(l->site->origins, g_strdup(origin));
            g_free(origin);
        }
    }
    g_ptr_array_free(hosts, TRUE);
}

void csb_site_free(CsbSite *s)
{
    if (!s)
        return;
    g_free(s->path);
    g_free(s->reports_base);
    g_free(s->files_base);
    g_ptr_array_free(s->origins, TRUE);
    g_free(s->listing_path);
    g_free(s->listing_query);
    g_free(s->start_param);
    g_free(s->rows_param);
    g_free(s->provider_link);
    if (s->provider_urn)
        g_regex_unref(s->provider_urn);
    g_free(s->provider_path);
    g_free(s->publication_link);
    g_free(s->publication_text);
    if (s->link_text)
        g_regex_unref(s->link_text);
    g_ptr_array_free(s->formats, TRUE);
    g_ptr_array_free(s->titles, TRUE);
    g_free(s);
}

CsbSite *csb_site_load(const char *path, CsbDiag *diag)
{
    CsbYaml *y = csb_yaml_load(path, diag);
    if (!y)
        return NULL;
    CsbSite *s = g_new0(CsbSite, 1);
    s->path = g_strdup(path);
    s->origins = g_ptr_array_new_with_free_func(g_free);
    s->formats = g_ptr_array_new_with_free_func(g_free);
    s->titles = g_ptr_array_new_with_free_func(title_free);
    Loader l = {y, diag, s, TRUE};
    yaml_node_t *root = csb_yaml_root(y);
    if (root->type != YAML_MAPPING_NODE) {
        error_at(&l, root, "a site description should be a mapping (reports, files, listing, "
                           "provider, titles), not %s",
                 csb_yaml_type_name(root));
    } else {
        csb_yaml_check_keys(y, root, "the site description", top_keys,
                              G_N_ELEMENTS(top_keys), diag);
        s->reports_base = base(&l, root, "reports");
        s->files_base = base(&l, root, "files");
        read_hosts(&l, root);
        s->max_redirects = (int)number(&l, root, "the site description", "max_redirects", 5, 20);
        read_listing(&l, root);
        read_provider(&l, root);
        read_titles(&l, csb_yaml_get(y, root, "titles"));
    }
    csb_yaml_free(y);
    if (!l.ok || csb_diag_count(diag, CSB_SEV_ERROR) > 0) {
        csb_site_free(s);
        return NULL;
    }
    return s;
}

char *csb_site_listing_url(const CsbSite *s, guint start)
{
    return g_strdup_printf("%s%s?%s%s%s=%u&%s=%u", s->reports_base, s->listing_path,
                           s->listing_query, *s->listing_query ? "&" : "", s->start_param, start,
                           s->rows_param, s->page_size);
}

char *csb_site_provider_url(const CsbSite *s, const char *urn)
{
    char *escaped = g_uri_escape_string(urn, NULL, FALSE);
    GString *path = g_string_new(s->provider_path);
    g_string_replace(path, "{urn}", escaped, 0);
    char *url = g_strconcat(s->reports_base, path->str, NULL);
    g_string_free(path, TRUE);
    g_free(escaped);
    return url;
}

const CsbSiteTitle *csb_site_title(const CsbSite *s, const char *title)
{
    for (guint i = 0; i < s->titles->len; i++) {
        const CsbSiteTitle *t = s->titles->pdata[i];
        if (g_regex_match(t->regex, title, 0, NULL))
            return t;
    }
    return NULL;
}

gboolean csb_site_read_link_text(const CsbSite *s, const char *text, char **title,
                                 char **format, CsbDate *published)
{
    GMatchInfo *m = NULL;
    gboolean ok = g_regex_match(s->link_text, text, 0, &m);
    *title = *format = NULL;
    if (ok) {
        char *date = g_match_info_fetch_named(m, "date");
        CsbDate end;
        ok = date && csb_parse_date_range(date, published, &end) &&
             csb_date_compare(*published, end) == 0;
        g_free(date);
    }
    if (ok) {
        char *t = g_match_info_fetch_named(m, "title");
        *title = csb_text_squash(t);
        g_free(t);
        if (g_regex_get_string_number(s->link_text, "format") >= 0) {
            *format = g_match_info_fetch_named(m, "format");
            if (*format && !**format)
                g_clear_pointer(format, g_free);
        }
    }
    g_match_info_free(m);
    return ok;
}

gboolean csb_site_wants_format(const CsbSite *s, const char *format)
{
    if (!format || !s->formats->len)
        return TRUE; /* a link that does not say: the check of the file decides */
    for (guint i = 0; i < s->formats->len; i++)
        if (g_ascii_strcasecmp(s->formats->pdata[i], format) == 0)
            return TRUE;
    return FALSE;
}

gboolean csb_site_allows(const CsbSite *s, const char *url)
{
    char *origin = csb_url_origin(url);
    gboolean ok = FALSE;
    for (guint i = 0; origin && i < s->origins->len && !ok; i++)
        ok = strcmp(origin, s->origins->pdata[i]) == 0;
    g_free(origin);
    return ok;
}
