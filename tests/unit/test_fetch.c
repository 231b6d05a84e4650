/* test_fetch.c - the parts of `csbrief fetch` that need no network: the
 * site description (addresses, link texts, titles and kinds, hosts, and
 * the errors a broken description gives), reading listing and provider
 * pages (including malformed markup), the download index (written and
 * read back), the check of a download, the config's 'fetch' section, and
 * the authorities a config's briefings show, which are those fetched.
 * The whole run against a loopback site is in tests/sh/fetch_*.sh.
 */
#include "unit.h"

#include "fetch/fetch.h"

#include <glib/gstdio.h>

static char *scratch;
static CsbReference *reference;
static const CsbAuthorities *authorities;
static CsbThemeLibrary *themes;

static char *write_file(const char *name, const char *text)
{
    char *path = g_build_filename(scratch, name, NULL);
    g_file_set_contents(path, text, -1, NULL);
    return path;
}

static char *first_error(const CsbDiag *d, int *line)
{
    for (guint i = 0; i < d->items->len; i++) {
        const CsbError *e = d->items->pdata[i];
        if (e->severity == CSB_SEV_ERROR) {
            if (line)
                *line = e->line;
            return e->message;
        }
    }
    return NULL;
}

static CsbSite *shipped_site(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbSite *s = csb_site_load("data/ofsted-site.yaml", diag);
    CHECK(s != NULL, "data/ofsted-site.yaml loads (%s)", s ? "ok" : first_error(diag, NULL));
    csb_diag_free(diag);
    return s;
}

static void test_addresses(void)
{
    CsbSite *s = shipped_site();
    if (!s)
        return;
    char *url = csb_site_listing_url(s, 0);
    CHECK_STR(url, "https://reports.ofsted.gov.uk/search?q=&location=&lat=&lon=&radius=&"
                   "level_1_types=3&level_2_types%5B%5D=12&start=0&rows=100",
              "the first listing page is the address public scrapers read");
    g_free(url);
    url = csb_site_listing_url(s, 100);
    CHECK(g_str_has_suffix(url, "&start=100&rows=100"), "the next page starts at 100: %s", url);
    g_free(url);
    url = csb_site_provider_url(s, "80449");
    CHECK_STR(url, "https://reports.ofsted.gov.uk/provider/44/80449", "a provider's page");
    g_free(url);
    CHECK(csb_site_allows(s, "https://files.ofsted.gov.uk/v1/file/50276411"),
          "the file host may be requested");
    CHECK(csb_site_allows(s, "HTTPS://Reports.Ofsted.gov.uk:443/provider/44/1"),
          "hosts compare without regard to case or a spelt-out default port");
    CHECK(!csb_site_allows(s, "http://files.ofsted.gov.uk/v1/file/1"),
          "plain http to the same host is another origin, refused");
    CHECK(!csb_site_allows(s, "https://files.ofsted.gov.uk.evil.example/v1/file/1"),
          "a look-alike host is refused");
    CHECK(!csb_site_allows(s, "ftp://files.ofsted.gov.uk/x"), "other schemes are refused");
    char *o = csb_url_origin("http://127.0.0.1:8080/x?y");
    CHECK_STR(o, "http://127.0.0.1:8080", "origin of a loopback address");
    g_free(o);
    csb_site_free(s);
}

static void test_link_texts(void)
{
    CsbSite *s = shipped_site();
    if (!s)
        return;
    static const struct {
        const char *text, *title, *format, *date;
    } cases[] = {
        {"Children's services inspection, PDF - 09 May 2025", "Children's services inspection",
         "PDF", "2025-05-09"},
        {"Children\u2019s services inspection,  pdf - 16 August 2013",
         "Children\u2019s services inspection", "pdf", "2013-08-16"},
        {"Focused visit, PDF \u2013 1 March 2024", "Focused visit", "PDF", "2024-03-01"},
        {"Joint targeted area inspection - 02 November 2022", "Joint targeted area inspection",
         NULL, "2022-11-02"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *title = NULL, *format = NULL;
        CsbDate d = {0};
        gboolean ok = csb_site_read_link_text(s, cases[i].text, &title, &format, &d);
        char iso[11];
        CHECK(ok && g_strcmp0(title, cases[i].title) == 0 &&
                  g_strcmp0(format, cases[i].format) == 0 &&
                  strcmp(csb_date_iso(d, iso), cases[i].date) == 0,
              "'%s' -> '%s', %s, %s (got '%s', %s, %s)", cases[i].text, cases[i].title,
              cases[i].format ? cases[i].format : "no format", cases[i].date,
              title ? title : "", format ? format : "no format", csb_date_iso(d, iso));
        g_free(title);
        g_free(format);
    }
    char *title = NULL, *format = NULL;
    CsbDate d;
    CHECK(!csb_site_read_link_text(s, "Download the report", &title, &format, &d),
          "a link without a date is not read");
    CHECK(!csb_site_read_link_text(s, "Inspection, PDF - 31 February 2025", &title, &format, &d),
          "nor one with an impossible date");
    CHECK(csb_site_wants_format(s, "pdf") && !csb_site_wants_format(s, "ODT") &&
              csb_site_wants_format(s, NULL),
          "PDF (any case) is downloaded, ODT is not; a link that does not say is checked");
    csb_site_free(s);
}

static void test_titles(void)
{
    CsbSite *s = shipped_site();
    if (!s)
        return;
    const CsbSiteTitle *t = csb_site_title(s, "Children's services inspection");
    guint several = (1u << CSB_KIND_ILACS) | (1u << CSB_KIND_SIF) | (1u << CSB_KIND_SLAC) |
                    (1u << CSB_KIND_LAC) | (1u << CSB_KIND_CHILD_PROTECTION) |
                    (1u << CSB_KIND_LSCB_REVIEW);
    CHECK(t && t->kinds == several, "'Children's services inspection' can be ILACS, SIF, SLAC, "
                                    "LAC, child protection or an LSCB review");
    t = csb_site_title(s, "Children\u2019s Services Inspection");
    CHECK(t && t->kinds == several, "... with a curly apostrophe, in any case");
    static const struct {
        const char *title;
        CsbKind kind;
    } one[] = {{"Focused visit", CSB_KIND_FOCUSED_VISIT},
               {"Monitoring visit", CSB_KIND_MONITORING_VISIT},
               {"Joint targeted area inspection", CSB_KIND_JTAI},
               {"Review of the Local Safeguarding Children Board", CSB_KIND_LSCB_REVIEW}};
    for (guint i = 0; i < G_N_ELEMENTS(one); i++) {
        t = csb_site_title(s, one[i].title);
        CHECK(t && t->kinds == 1u << one[i].kind, "'%s' is %s", one[i].title,
              csb_kind_id(one[i].kind));
    }
    CHECK(csb_site_title(s, "Annual engagement meeting") == NULL, "an unknown title is no kind");
    csb_site_free(s);
}

static void test_site_errors(void)
{
    char *shipped = NULL;
    g_file_get_contents("data/ofsted-site.yaml", &shipped, NULL, NULL);
    static const struct {
        const char *from, *to, *message;
    } cases[] = {
        {"files: https://files.ofsted.gov.uk", "files: http://files.ofsted.gov.uk",
         "'files' should use https"},
        {"provider_urn: \"/provider/44/([0-9]+)/?$\"", "provider_urn: \"/provider/44/[0-9]+\"",
         "needs a group"},
        {"provider_link: \"//a[contains(@href, '/provider/44/')]\"",
         "provider_link: \"//a[contains(@href, '/provider/44/')\"", "not an XPath expression"},
        {"kinds: [monitoring-visit]", "kinds: [monitering-visit]",
         "unknown kind 'monitering-visit'"},
        {"  page_size: 100", "  page_sise: 100", "did you mean 'page_size'?"},
    };
    for (guint i = 0; shipped && i < G_N_ELEMENTS(cases); i++) {
        GString *text = g_string_new(shipped);
        guint n = g_string_replace(text, cases[i].from, cases[i].to, 1);
        char *path = write_file("site.yaml", text->str);
        CsbDiag *diag = csb_diag_new();
        CsbSite *s = csb_site_load(path, diag);
        int line = 0;
        const char *msg = first_error(diag, &line);
        CHECK(n == 1 && !s && msg && strstr(msg, cases[i].message) && line > 0,
              "a broken site description is refused with its line: %s (%d: %s)",
              cases[i].message, line, msg ? msg : "no error");
        csb_site_free(s);
        csb_diag_free(diag);
        g_string_free(text, TRUE);
        g_unlink(path);
        g_free(path);
    }
    g_free(shipped);
}

static void test_pages(void)
{
    CsbSite *s = shipped_site();
    if (!s)
        return;
    const char *listing =
        "<html><body><ul><li><a href=\"/provider/44/80449\">Bradford</a></li>"
        "<li><a href=\"https://reports.ofsted.gov.uk/provider/44/80541\"> Redcar and\n"
        " Cleveland </a><a href=\"/provider/44/80541\">view</a></li>"
        "<li><a href=\"/provider/21/123456\">A school</a></li></ul></body></html>";
    GPtrArray *p = csb_html_providers(s, listing, strlen(listing),
                                      "https://reports.ofsted.gov.uk/search?start=0");
    CHECK(p->len == 2, "two providers on the listing (a repeated link and a school are not)");
    if (p->len == 2) {
        const CsbListedProvider *a = p->pdata[0], *b = p->pdata[1];
        CHECK(strcmp(a->urn, "80449") == 0 && strcmp(a->name, "Bradford") == 0,
              "relative link: 80449 Bradford");
        CHECK(strcmp(b->urn, "80541") == 0 && strcmp(b->name, "Redcar and Cleveland") == 0,
              "absolute link, text squashed: 80541 '%s'", b->name);
    }
    g_ptr_array_free(p, TRUE);
    const char *page =
        "<!DOCTYPE html><html><head><meta charset=utf-8></head><body><ul>"
        "<li><a class=\"publication-link\" href=\"https://files.ofsted.gov.uk/v1/file/50276411\">"
        "<span class=\"icon\"></span><span class=\"nonvisual\">Children\u2019s services "
        "inspection, PDF - 09 May 2025</span><span aria-hidden=\"true\">Children\u2019s "
        "services inspection</span></a>"
        "<li><p>broken < markup<div><a class='x publication-link' href=/v1/file/50172438>"
        "Focused visit, PDF - 19 November 2021</a>"
        "<a class=\"other\" href=\"/elsewhere\">Not a publication</a>";
    GPtrArray *l = csb_html_publications(s, page, strlen(page),
                                         "https://reports.ofsted.gov.uk/provider/44/80449");
    CHECK(l->len == 2, "two publication links, one in malformed markup (got %u)", l->len);
    if (l->len == 2) {
        const CsbListedLink *a = l->pdata[0], *b = l->pdata[1];
        CHECK_STR(a->text, "Children\u2019s services inspection, PDF - 09 May 2025",
                  "the link text is the nonvisual span's, in UTF-8");
        CHECK_STR(b->url, "https://reports.ofsted.gov.uk/v1/file/50172438",
                  "a relative address is made absolute");
        CHECK_STR(b->text, "Focused visit, PDF - 19 November 2021",
                  "a link without the span gives its own text");
    }
    g_ptr_array_free(l, TRUE);
    l = csb_html_publications(s, "\x89PNG\r\n", 6, "https://reports.ofsted.gov.uk/x");
    CHECK(l->len == 0, "a page that is not HTML gives no links");
    g_ptr_array_free(l, TRUE);
    csb_site_free(s);
}

static CsbIndexRow *row(const char *file, const char *url, const char *title, const char *sha)
{
    CsbIndexRow *r = g_new0(CsbIndexRow, 1);
    r->file = g_strdup(file);
    r->urn = g_strdup("80541");
    r->url = g_strdup(url);
    r->title = g_strdup(title);
    r->kind = g_strdup("ilacs");
    r->published = g_strdup("2026-01-28");
    r->size = 5;
    r->sha256 = g_strdup(sha);
    r->etag = g_strdup("\"abc\"");
    r->last_modified = g_strdup("Wed, 28 Jan 2026 09:00:00 GMT");
    r->fetched = g_strdup("2026-02-01T02:00:00Z");
    return r;
}

static void test_index(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbIndex *x = csb_index_load(scratch, diag);
    CHECK(x->rows->len == 0 && diag->items->len == 0, "no index yet: an empty one");
    csb_index_put(x, row("b.pdf", "https://f/2", "Focused visit, PDF - 1 May 2024", "22"));
    csb_index_put(x, row("a.pdf", "https://f/1", "Children's services inspection, PDF - 28 "
                                                 "January 2026",
                         "11"));
    csb_index_put(x, row("b.pdf", "https://f/3", "Monitoring visit, PDF - 2 May 2024", "33"));
    CHECK(x->rows->len == 2 && !g_hash_table_contains(x->by_url, "https://f/2") &&
              g_hash_table_contains(x->by_sha, "33"),
          "a row for the same file replaces the old one, in every lookup");
    gsize len = 0;
    char *text = csb_index_format(x, &len);
    const char *want =
              "file,urn,url,title,kind,published,size,sha256,etag,last_modified,fetched\n"
              "a.pdf,80541,https://f/1,\"Children's services inspection, PDF - 28 January "
              "2026\",ilacs,2026-01-28,5,11,\"\"\"abc\"\"\",\"Wed, 28 Jan 2026 09:00:00 GMT\","
              "2026-02-01T02:00:00Z\n"
              "b.pdf,80541,https://f/3,\"Monitoring visit, PDF - 2 May 2024\",ilacs,2026-01-28,5,"
              "33,\"\"\"abc\"\"\",\"Wed, 28 Jan 2026 09:00:00 GMT\",2026-02-01T02:00:00Z\n";
    CHECK(strcmp(text, want) == 0, "the index: the header, then rows by file, quoted where "
                                   "needed%s%s",
          strcmp(text, want) ? ":\n" : "", strcmp(text, want) ? text : "");
    CHECK(csb_index_save(x, diag), "saved");
    CsbIndex *y = csb_index_load(scratch, diag);
    gsize len2 = 0;
    char *again = csb_index_format(y, &len2);
    CHECK(strcmp(again, text) == 0, "read back, it is the same");
    const CsbIndexRow *a = g_hash_table_lookup(y->by_url, "https://f/1");
    CHECK(a && strcmp(a->etag, "\"abc\"") == 0 && a->size == 5, "fields come back whole");
    char *file = g_build_filename(scratch, "a.pdf", NULL);
    g_file_set_contents(file, "12345", 5, NULL);
    CHECK(a && csb_index_row_held(y, a), "a file of the indexed size is held");
    g_file_set_contents(file, "1234", 4, NULL);
    CHECK(a && !csb_index_row_held(y, a), "one of another size is not");
    g_unlink(file);
    g_free(file);
    CHECK(a && !csb_index_row_held(y, g_hash_table_lookup(y->by_url, "https://f/3")),
          "nor a missing file");
    g_free(again);
    g_free(text);
    csb_index_free(y);
    csb_index_free(x);
    char *path = g_build_filename(scratch, CSB_INDEX_NAME, NULL);
    g_file_set_contents(path, "not,an,index\n1,2,3\n", -1, NULL);
    x = csb_index_load(scratch, diag);
    CHECK(x->rows->len == 0 && csb_diag_count(diag, CSB_SEV_WARNING) == 1,
          "an index without its columns: a warning, and an empty index");
    csb_index_free(x);
    g_unlink(path);
    g_free(path);
    csb_diag_free(diag);
}

static void test_check_pdf(void)
{
    static const char html[] = "<!DOCTYPE html><html><body>Sorry</body></html>";
    char *why = csb_fetch_check_pdf((const guint8 *)html, sizeof html - 1);
    CHECK(why && strstr(why, "HTML page"), "an HTML page is refused: %s", why);
    g_free(why);
    why = csb_fetch_check_pdf((const guint8 *)"", 0);
    CHECK_STR(why, "empty", "an empty body is refused");
    g_free(why);
    static const char cut[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n";
    why = csb_fetch_check_pdf((const guint8 *)cut, sizeof cut - 1);
    CHECK(why && strstr(why, "truncated"), "a PDF without its end is refused: %s", why);
    g_free(why);
    static const char fake[] = "%PDF-1.4\nnot a real pdf at all\n%%EOF\n";
    why = csb_fetch_check_pdf((const guint8 *)fake, sizeof fake - 1);
    CHECK(why && strstr(why, "poppler cannot open it"), "one poppler cannot open is refused: %s",
          why);
    g_free(why);
    gchar *data = NULL;
    gsize len = 0;
    char *sample = g_build_filename(unit_shared(), "corpus", "pdf",
                                    "80541-redcar-and-cleveland__2026-01-28.pdf", NULL);
    if (g_file_get_contents(sample, &data, &len, NULL)) {
        why = csb_fetch_check_pdf((const guint8 *)data, len);
        CHECK(why == NULL, "a real report is kept (%s)", why ? why : "ok");
        g_free(why);
        CsbKind k = csb_fetch_report_kind((const guint8 *)data, len, sample, reference);
        CHECK(k == CSB_KIND_ILACS, "its kind, read from the report: %s", csb_kind_id(k));
        g_free(data);
    } else {
        SKIP("no ../shared corpus", "a real report is kept and its kind read");
    }
    g_free(sample);
}

static CsbConfig *config(const char *fetch, char **error)
{
    char *text = g_strdup_printf("authority: Redcar and Cleveland\n%s\nbriefings:\n"
                                 "  - template: members-summary\n    output: out/s.pdf\n",
                                 fetch);
    char *path = write_file("c.yaml", text);
    CsbDiag *diag = csb_diag_new();
    CsbConfigRefs refs = {authorities, themes, "templates"};
    CsbConfig *cfg = csb_config_load(path, &refs, diag);
    const char *e = first_error(diag, NULL);
    *error = e ? g_strdup(e) : NULL;
    if (!e && diag->items->len)
        *error = g_strdup_printf("warning: %s", ((CsbError *)diag->items->pdata[0])->message);
    csb_diag_free(diag);
    g_unlink(path);
    g_free(path);
    g_free(text);
    return cfg;
}

static void test_config(void)
{
    char *err = NULL;
    CsbConfig *cfg = config("fetch:\n  into: downloads\n  contact: qa@council.gov.uk", &err);
    CHECK(cfg && cfg->fetch && !err, "a fetch section with into and contact (%s)",
          err ? err : "ok");
    if (cfg && cfg->fetch) {
        CHECK(g_str_has_suffix(cfg->fetch->into, "/downloads") && cfg->fetch->delay >= 1.0 &&
                  cfg->fetch->kinds == 0 && cfg->fetch->retries > 0,
              "defaults: at least a second between requests, every kind, retries");
        CHECK(cfg->report_patterns->len == 1 && cfg->reports->len == 0,
              "without 'reports', the fetch folder is read (empty, not yet an error)");
    }
    csb_config_free(cfg);
    g_free(err);
    static const struct {
        const char *section, *message;
    } bad[] = {
        {"fetch:\n  into: d", "'fetch' needs 'contact'"},
        {"fetch:\n  contact: x@y.org", "'fetch' needs 'into'"},
        {"fetch:\n  into: d\n  contact: x@y.org\n  delay: soon", "'fetch: delay' is 'soon', not a duration"},
        {"fetch:\n  into: d\n  contact: x@y.org\n  kinds: [ilac]", "did you mean 'ilacs'?"},
        {"fetch:\n  into: d\n  contact: x@y.org\n  max_file_size: lots", "not a size"},
        {"fetch:\n  into: d\n  contact: x@y.org\n  retries: -1", "whole number from 0 to 20"},
        {"fetch:\n  into: d\n  contact: x@y.org\n  delai: 1s", "did you mean 'delay'?"},
        {"fetch:\n  into: d\n  contact: x@y.org\n  site: nowhere.yaml", "does not exist"},
        {"reports: [elsewhere]\nfetch:\n  into: d\n  contact: x@y.org", "which no entry of 'reports' reads"},
    };
    char *elsewhere = g_build_filename(scratch, "elsewhere", NULL);
    g_mkdir_with_parents(elsewhere, 0700);
    g_free(write_file("elsewhere/r.txt", "a report"));
    g_free(elsewhere);
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        cfg = config(bad[i].section, &err);
        CHECK(err && strstr(err, bad[i].message), "%s", bad[i].message);
        csb_config_free(cfg);
        g_free(err);
    }
    cfg = config("fetch:\n  into: d\n  contact: x@y.org\n  kinds: [focused-visit, jtai]\n"
                 "  delay: 500ms\n  budget: 2h\n  max_file_size: 25MB",
                 &err);
    CHECK(cfg && cfg->fetch && cfg->fetch->delay == 0.5 && cfg->fetch->budget == 7200 &&
              cfg->fetch->max_file_size == 25000000 &&
              csb_fetch_spec_wants(cfg->fetch, CSB_KIND_JTAI) &&
              !csb_fetch_spec_wants(cfg->fetch, CSB_KIND_ILACS),
          "durations, sizes and kinds are read");
    csb_config_free(cfg);
    g_free(err);
    guint64 b = 0;
    CHECK(csb_config_parse_size("1KiB", &b) && b == 1024 && !csb_config_parse_size("0", &b) &&
              !csb_config_parse_size("5 parsecs", &b),
          "sizes: 1KiB is 1024; 0 and nonsense are not sizes");
}

/* The targets of a config (its text before 'fetch:' and after
 * 'briefings:'), as "N: first, second, ...", or the error. */
static char *targets_of(const CsbResources *res, const char *head, const char *briefings)
{
    char *text = g_strdup_printf("%s\nfetch:\n  into: d\n  contact: x@y.org\nbriefings:\n%s",
                                 head, briefings);
    char *path = write_file("t.yaml", text);
    CsbDiag *diag = csb_diag_new();
    CsbConfigRefs refs = csb_resources_refs(res);
    CsbConfig *cfg = csb_config_load(path, &refs, diag);
    const char *e = first_error(diag, NULL);
    GString *out = g_string_new(NULL);
    if (!cfg || e) {
        g_string_printf(out, "error: %s", e ? e : "?");
    } else {
        GPtrArray *configs = g_ptr_array_new();
        g_ptr_array_add(configs, cfg);
        GPtrArray *t = csb_fetch_targets(configs, res);
        g_string_printf(out, "%u:", t->len);
        for (guint i = 0; i < t->len && i < 3; i++)
            g_string_append_printf(out, "%s %s", i ? "," : "",
                                   ((const CsbFetchTarget *)t->pdata[i])->authority->name);
        g_ptr_array_free(t, TRUE);
        g_ptr_array_free(configs, TRUE);
    }
    csb_config_free(cfg);
    csb_diag_free(diag);
    g_unlink(path);
    g_free(path);
    g_free(text);
    return g_string_free(out, FALSE);
}

/* Fetch targets follow what the briefings show, as the build gives it
 * them: a members' summary its authority's reports alone, a pack its
 * comparators' too, a national briefing every authority of the regions. */
static void test_targets(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbResources *res = csb_resources_load(".", diag);
    CHECK(res != NULL, "the resources load");
    if (!res) {
        csb_diag_print(diag, stdout);
        csb_diag_free(diag);
        return;
    }
    static const char *const members =
        "  - template: members-summary\n    output: out/{authority}-s.pdf\n";
    static const char *const pack =
        "  - template: briefing-pack\n    output: out/{authority}-p.pdf\n";
    static const char *const national =
        "  - template: national-overview\n    output: out/n.pdf\n";
    const char *redcar = "authority: Redcar and Cleveland\ncompare_with: [Stockton-on-Tees]";
    char *got = targets_of(res, redcar, members);
    CHECK_STR(got, "1: Redcar and Cleveland",
              "members' summary only: its authority alone, not the one it would compare with");
    g_free(got);
    char *both = g_strdup_printf("%s%s", members, pack);
    got = targets_of(res, redcar, both);
    CHECK_STR(got, "2: Redcar and Cleveland, Stockton-on-Tees",
              "with a briefing pack: the authority compared with too");
    g_free(got);
    char *with_national = g_strdup_printf("%s%s", members, national);
    got = targets_of(res, redcar, with_national);
    char *all = g_strdup_printf("%u:", csb_authorities_count(res->authorities));
    CHECK(g_str_has_prefix(got, all), "with a national overview: every authority (%s)", got);
    g_free(all);
    g_free(got);
    const char *ne = "regions: [North East]\ncompare_with: [statistical-neighbours]";
    got = targets_of(res, ne, members);
    CHECK(g_str_has_prefix(got, "12: "), "regions: [North East], members' summaries only: its "
                                         "twelve authorities, no neighbour (%s)", got);
    g_free(got);
    got = targets_of(res, ne, both);
    CHECK(!g_str_has_prefix(got, "12: ") && !g_str_has_prefix(got, "error"),
          "... with packs: their statistical neighbours too (%s)", got);
    g_free(got);
    g_free(both);
    g_free(with_national);
    csb_resources_free(res);
    csb_diag_free(diag);
}

int main(void)
{
    CsbDiag *diag = csb_diag_new();
    reference = csb_reference_load(".", diag);
    authorities = reference ? reference->authorities : NULL;
    themes = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", diag);
    csb_diag_free(diag);
    scratch = g_dir_make_tmp("csbrief-fetch-XXXXXX", NULL);
    RUN(test_addresses);
    RUN(test_link_texts);
    RUN(test_titles);
    RUN(test_site_errors);
    RUN(test_pages);
    RUN(test_index);
    RUN(test_check_pdf);
    RUN(test_config);
    RUN(test_targets);
    char *rm = g_strdup_printf("rm -rf '%s'", scratch);
    if (system(rm) != 0)
        printf("# could not remove %s\n", scratch);
    g_free(rm);
    g_free(scratch);
    csb_themes_free(themes);
    csb_reference_free(reference);
    return unit_done();
}
