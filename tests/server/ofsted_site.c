/* ofsted_site.c - a copy of Ofsted's reports site on 127.0.0.1 for the
 * fetch tests (libmicrohttpd): the search listing of providers with
 * paging, one page per provider listing its publications newest first,
 * and the files, all with ETag and Last-Modified and answering
 * conditional requests with 304. Faults are switched per request path in
 * a file read at every request, so a test can change them between runs.
 *
 *   ofsted-site --port-file F --providers CSV --publications CSV [--publications CSV...]
 *               --pdfs DIR [--pdfs DIR...] [--faults F] [--log F]
 *               [--tls-cert PEM --tls-key PEM]
 *
 * providers: a CSV with 'urn' and a name ('local_authority_ons_name' as in
 * la-lookup.csv, or 'name' as in data/authorities.csv). publications: file,
 * urn, url, title, published (as ofsted-publications.csv), optionally
 * 'text', the link text. Each file is looked for in the --pdfs folders.
 *
 * Faults file, one a line: PATH MODE [TIMES]. PATH is a request path
 * (/search, /provider/44/URN, /v1/file/ID); TIMES limits the fault to the
 * first TIMES requests for the path (default: every one). MODE:
 *   500 | 503 | 404        that status
 *   429=N                  429 with Retry-After: N
 *   stall=S                wait S seconds before answering
 *   reset                  send half the body, then drop the connection
 *   truncate               serve the first half of the file as if whole
 *   html                   an HTML error page where the file should be
 *   away                   302 to another host
 *   loop                   302 to itself, with and without ?hop=1
 *   big=N                  N bytes (with Content-Length)
 *   bigchunked=N           N bytes, chunked (no Content-Length)
 *   empty                  a provider page without publications
 *   malformed              a provider page with broken markup
 *   shift                  the listing gains a provider at its top after page 1
 *   slow=N                 the body at N bytes a second
 * Log file: one line per request: METHOD PATH?QUERY [USER-AGENT] STATUS BYTES
 * [conditional]. With --tls-cert and --tls-key it serves https (the test
 * certificate in tests/server is self-signed: a client must refuse it).
 *
 * A test program: it keeps its data in one struct made in main; the
 * request counters and the log are guarded by one mutex.
 */
#include <glib.h>
#include <microhttpd.h>

#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    char *urn, *name;
} Provider;

typedef struct {
    char *urn, *id, *file, *text;
    char *published; /* ISO */
} Publication;

typedef struct {
    GPtrArray *providers;    /* Provider*, sorted by name */
    GPtrArray *publications; /* Publication*, newest first */
    GPtrArray *pdf_dirs;
    char *faults_path, *log_path;
    int port;
    const char *scheme;      /* "http" or "https" */
    GMutex lock;
    GHashTable *served;      /* path -> faulted requests since the faults last changed */
    char *faults_text;       /* the faults file as last read */
    volatile sig_atomic_t stopping;
} Site;

/* ---- data ------------------------------------------------------------------- */

static GPtrArray *read_csv(const char *path)
{
    gchar *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL)) {
        fprintf(stderr, "ofsted-site: cannot read %s\n", path);
        exit(2);
    }
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        char *line = g_strchomp(*l);
        if (g_str_has_prefix(line, "\xEF\xBB\xBF"))
            line += 3;
        if (!*line)
            continue;
        GPtrArray *fields = g_ptr_array_new();
        GString *f = g_string_new(NULL);
        gboolean quoted = FALSE;
        for (const char *p = line;; p++) {
            if (quoted && *p == '"' && p[1] == '"') {
                g_string_append_c(f, '"');
                p++;
            } else if (*p == '"') {
                quoted = !quoted;
            } else if ((*p == ',' && !quoted) || !*p) {
                g_ptr_array_add(fields, g_strdup(f->str));
                g_string_truncate(f, 0);
                if (!*p)
                    break;
            } else {
                g_string_append_c(f, *p);
            }
        }
        g_string_free(f, TRUE);
        g_ptr_array_add(fields, NULL);
        g_ptr_array_add(rows, g_ptr_array_free(fields, FALSE));
    }
    g_strfreev(lines);
    g_free(text);
    return rows;
}

static int column(char **header, const char *name)
{
    for (int i = 0; header[i]; i++)
        if (strcmp(header[i], name) == 0)
            return i;
    return -1;
}

static const char *cell(char **row, int i)
{
    if (i < 0)
        return "";
    for (int k = 0; k < i; k++)
        if (!row[k])
            return "";
    return row[i] ? row[i] : "";
}

static int by_name(gconstpointer a, gconstpointer b)
{
    return g_ascii_strcasecmp((*(Provider *const *)a)->name, (*(Provider *const *)b)->name);
}

static void load_providers(Site *s, const char *path)
{
    GPtrArray *rows = read_csv(path);
    char **h = rows->pdata[0];
    int urn = column(h, "urn"), name = column(h, "local_authority_ons_name");
    if (name < 0)
        name = column(h, "name");
    for (guint i = 1; i < rows->len; i++) {
        char **r = rows->pdata[i];
        if (!*cell(r, urn))
            continue;
        Provider *p = g_new0(Provider, 1);
        p->urn = g_strdup(cell(r, urn));
        p->name = g_strdup(cell(r, name));
        g_ptr_array_add(s->providers, p);
    }
    g_ptr_array_sort(s->providers, by_name);
    g_ptr_array_free(rows, TRUE);
}

static const char *const months[] = {"January", "February", "March",     "April",
                                     "May",     "June",     "July",      "August",
                                     "September", "October", "November", "December"};

/* "Children's services inspection, PDF - 09 May 2025" from the CSV's title
 * (which may lack ", PDF") and date. */
static char *link_text(const char *title, const char *iso)
{
    char *name = g_strdup(title);
    char *dash = g_strrstr(name, " - ");
    if (dash)
        *dash = '\0';
    char *comma = strchr(name, ',');
    if (comma)
        *comma = '\0';
    int y = 0, m = 0, d = 0;
    sscanf(iso, "%d-%d-%d", &y, &m, &d);
    char *text = g_strdup_printf("%s, PDF - %02d %s %d", g_strstrip(name), d,
                                 months[CLAMP(m, 1, 12) - 1], y);
    g_free(name);
    return text;
}

static int newest_first(gconstpointer a, gconstpointer b)
{
    return strcmp((*(Publication *const *)b)->published, (*(Publication *const *)a)->published);
}

static void load_publications(Site *s, const char *path)
{
    GPtrArray *rows = read_csv(path);
    char **h = rows->pdata[0];
    int file = column(h, "file"), urn = column(h, "urn"), url = column(h, "url"),
        title = column(h, "title"), published = column(h, "published"), text = column(h, "text");
    for (guint i = 1; i < rows->len; i++) {
        char **r = rows->pdata[i];
        const char *u = cell(r, url);
        const char *slash = strrchr(u, '/');
        if (!slash || !*cell(r, file))
            continue;
        Publication *p = g_new0(Publication, 1);
        p->urn = g_strdup(cell(r, urn));
        p->id = g_strdup(slash + 1);
        p->file = g_strdup(cell(r, file));
        p->published = g_strdup(cell(r, published));
        p->text = *cell(r, text) ? g_strdup(cell(r, text))
                                 : link_text(cell(r, title), p->published);
        g_ptr_array_add(s->publications, p);
    }
    g_ptr_array_sort(s->publications, newest_first);
    g_ptr_array_free(rows, TRUE);
}

/* ---- faults -------------------------------------------------------------------- */

/* The fault for this request of path, or NULL (owned): "MODE" or "MODE=ARG". */
static char *fault_for(Site *s, const char *path)
{
    char *text = NULL;
    char *mode = NULL;
    if (s->faults_path && g_file_get_contents(s->faults_path, &text, NULL, NULL)) {
        if (g_strcmp0(text, s->faults_text) != 0) { /* new faults: count afresh */
            g_hash_table_remove_all(s->served);
            g_free(s->faults_text);
            s->faults_text = g_strdup(text);
        }
        char **lines = g_strsplit(text, "\n", -1);
        for (char **l = lines; *l && !mode; l++) {
            char **w = g_strsplit_set(g_strstrip(*l), " \t", -1);
            if (w[0] && w[1] && strcmp(w[0], path) == 0) {
                int times = w[2] ? atoi(w[2]) : -1;
                int seen = GPOINTER_TO_INT(g_hash_table_lookup(s->served, path));
                if (times < 0 || seen < times)
                    mode = g_strdup(w[1]);
                g_hash_table_replace(s->served, g_strdup(path), GINT_TO_POINTER(seen + 1));
            }
            g_strfreev(w);
        }
        g_strfreev(lines);
        g_free(text);
    }
    return mode;
}

static long fault_arg(const char *fault)
{
    const char *eq = fault ? strchr(fault, '=') : NULL;
    return eq ? atol(eq + 1) : 0;
}

static gboolean is_fault(const char *fault, const char *mode)
{
    if (!fault)
        return FALSE;
    size_t n = strlen(mode);
    return strncmp(fault, mode, n) == 0 && (fault[n] == '\0' || fault[n] == '=');
}

/* ---- pages ----------------------------------------------------------------------- */

/* &, <, > and " as entities; apostrophes as they are (as Ofsted's pages
 * have them: HTML 4 has no &apos;). */
static void escape(GString *out, const char *s)
{
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case '&': g_string_append(out, "&amp;"); break;
        case '<': g_string_append(out, "&lt;"); break;
        case '>': g_string_append(out, "&gt;"); break;
        case '"': g_string_append(out, "&quot;"); break;
        default: g_string_append_c(out, *p);
        }
    }
}

static void page_start(GString *h, const char *title)
{
    g_string_append(h, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<title>");
    escape(h, title);
    g_string_append(h, " - Ofsted</title></head>\n<body><header><a href=\"/\">Ofsted</a>"
                       "</header><main>\n");
}

static char *listing_page(Site *s, guint start, guint rows, gboolean shift)
{
    GPtrArray *list = g_ptr_array_new();
    Provider extra = {"9999999", "Newtown (a provider added while the listing was read)"};
    if (shift)
        g_ptr_array_add(list, &extra);
    for (guint i = 0; i < s->providers->len; i++)
        g_ptr_array_add(list, s->providers->pdata[i]);
    GString *h = g_string_new(NULL);
    page_start(h, "Search results");
    g_string_append_printf(h, "<p class=\"search-result__count\">%u results</p>\n"
                              "<ul class=\"results-list\">\n",
                           list->len);
    for (guint i = start; i < list->len && i < start + rows; i++) {
        const Provider *p = list->pdata[i];
        g_string_append_printf(h, "<li class=\"search-result\"><h3 class=\"search-result__title\">"
                                  "<a href=\"/provider/44/%s\">",
                               p->urn);
        escape(h, p->name);
        g_string_append(h, "</a></h3><p class=\"search-result__provider-type\">Local authority "
                           "children's services</p></li>\n");
    }
    g_string_append(h, "</ul>\n");
    if (start + rows < list->len)
        g_string_append_printf(h, "<nav class=\"pagination\"><a class=\"pagination__next\" "
                                  "href=\"/search?q=&amp;start=%u&amp;rows=%u\">Next</a></nav>\n",
                               start + rows, rows);
    g_string_append(h, "</main></body></html>\n");
    g_ptr_array_free(list, TRUE);
    return g_string_free(h, FALSE);
}

static char *provider_page(Site *s, const Provider *p, gboolean empty, gboolean malformed)
{
    GString *h = g_string_new(NULL);
    page_start(h, p->name);
    g_string_append(h, "<h1 class=\"heading--title\">");
    escape(h, p->name);
    g_string_append_printf(h, "</h1>\n<p class=\"urn\">URN: %s</p>\n"
                              "<section class=\"timeline\"><h2>Reports</h2>\n<ul>\n",
                           p->urn);
    for (guint i = 0; i < s->publications->len && !empty; i++) {
        const Publication *pub = s->publications->pdata[i];
        if (strcmp(pub->urn, p->urn) != 0)
            continue;
        char *title = g_strdup(pub->text);
        char *comma = strchr(title, ',');
        if (comma)
            *comma = '\0';
        if (malformed) {
            /* unquoted attributes, unclosed elements, a stray '<' */
            g_string_append_printf(h, "<li class=timeline__day><p>Published < today<div>"
                                      "<a class=\"publication-link\" "
                                      "href=%s://127.0.0.1:%d/v1/file/%s><span class=nonvisual>",
                                   s->scheme, s->port, pub->id);
            escape(h, pub->text);
            g_string_append(h, "</span><span aria-hidden=true>");
            escape(h, title);
            g_string_append(h, "</a>\n");
        } else {
            g_string_append_printf(h, "<li class=\"timeline__day\"><a class=\"publication-link\" "
                                      "href=\"%s://127.0.0.1:%d/v1/file/%s\">"
                                      "<span class=\"icon icon--pdf\"></span>"
                                      "<span class=\"nonvisual\">",
                                   s->scheme, s->port, pub->id);
            escape(h, pub->text);
            g_string_append(h, "</span><span class=\"publication-link__title\" "
                               "aria-hidden=\"true\">");
            escape(h, title);
            g_string_append(h, "</span></a></li>\n");
        }
        g_free(title);
    }
    g_string_append(h, malformed ? "</ul\n<p>" : "</ul></section>\n</main></body></html>\n");
    return g_string_free(h, FALSE);
}

static const Provider *find_provider(Site *s, const char *urn)
{
    for (guint i = 0; i < s->providers->len; i++)
        if (strcmp(((Provider *)s->providers->pdata[i])->urn, urn) == 0)
            return s->providers->pdata[i];
    return NULL;
}

static char *file_body(Site *s, const char *id, gsize *len, char **published)
{
    for (guint i = 0; i < s->publications->len; i++) {
        const Publication *p = s->publications->pdata[i];
        if (strcmp(p->id, id) != 0)
            continue;
        for (guint d = 0; d < s->pdf_dirs->len; d++) {
            char *path = g_build_filename(s->pdf_dirs->pdata[d], p->file, NULL);
            gchar *data = NULL;
            gboolean ok = g_file_get_contents(path, &data, len, NULL);
            g_free(path);
            if (ok) {
                *published = p->published;
                return data;
            }
        }
    }
    return NULL;
}

/* ---- answering ------------------------------------------------------------------- */

typedef struct {
    Site *site;
    char *body;
    gsize len, at, cut; /* cut: drop the connection after this many bytes (0: never) */
    long rate;          /* bytes a second, 0: as fast as possible */
} Stream;

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    Stream *st = cls;
    if (st->cut && pos >= st->cut)
        return MHD_CONTENT_READER_END_WITH_ERROR;
    if (pos >= st->len)
        return MHD_CONTENT_READER_END_OF_STREAM;
    size_t n = MIN(max, st->len - pos);
    if (st->cut)
        n = MIN(n, st->cut - pos);
    if (st->rate > 0) {
        n = MIN(n, (size_t)MAX(st->rate / 10, 1));
        g_usleep(100000);
    }
    memcpy(buf, st->body + pos, n);
    return (ssize_t)n;
}

static void stream_free(void *cls)
{
    Stream *st = cls;
    g_free(st->body);
    g_free(st);
}

static void log_request(Site *s, struct MHD_Connection *c, const char *method, const char *url,
                        const char *query, int status, gsize bytes, gboolean conditional)
{
    if (!s->log_path)
        return;
    const char *agent = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "User-Agent");
    g_mutex_lock(&s->lock);
    FILE *f = fopen(s->log_path, "a");
    if (f) {
        fprintf(f, "%s %s%s%s [%s] %d %zu%s\n", method, url, query ? "?" : "", query ? query : "",
                agent ? agent : "", status, bytes, conditional ? " conditional" : "");
        fclose(f);
    }
    g_mutex_unlock(&s->lock);
}

static enum MHD_Result queue(struct MHD_Connection *c, int status, struct MHD_Response *r)
{
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result key_collect(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
    GString *q = cls;
    g_string_append_printf(q, "%s%s=%s", q->len ? "&" : "", key, value ? value : "");
    return MHD_YES;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **state)
{
    Site *s = cls;
    if (!*state) { /* the headers are in; answer on the next call */
        *state = s;
        return MHD_YES;
    }
    GString *query = g_string_new(NULL);
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, key_collect, query);
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
    g_mutex_lock(&s->lock);
    char *fault = fault_for(s, url);
    g_mutex_unlock(&s->lock);
    int status = 200;
    char *body = NULL;
    gsize len = 0;
    const char *type = "text/html; charset=utf-8";
    const char *modified = "Mon, 05 Jan 2026 09:00:00 GMT";
    char modified_buf[64];
    Stream *stream = NULL;
    enum MHD_Result ret;

    if (is_fault(fault, "stall")) {
        for (long waited = 0; waited < fault_arg(fault) * 20 && !s->stopping; waited++)
            g_usleep(50000);
    }
    const char *hop = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "hop");
    if (is_fault(fault, "500") || is_fault(fault, "503") || is_fault(fault, "404")) {
        status = atoi(fault);
        body = g_strdup_printf("<html><body><h1>Error %d</h1></body></html>", status);
    } else if (is_fault(fault, "429")) {
        char *wait = g_strdup_printf("%ld", fault_arg(fault));
        struct MHD_Response *r = MHD_create_response_from_buffer(
            strlen("Too many requests"), (void *)"Too many requests", MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "Retry-After", wait);
        g_free(wait);
        log_request(s, c, method, url, query->len ? query->str : NULL, 429, 17, inm != NULL);
        ret = queue(c, 429, r);
        goto done;
    } else if (is_fault(fault, "away") || is_fault(fault, "loop")) {
        char *to = is_fault(fault, "away")
                       ? g_strdup_printf("http://files.elsewhere.invalid%s", url)
                       : g_strdup_printf("%s://127.0.0.1:%d%s%s", s->scheme, s->port, url,
                                         hop ? "" : "?hop=1");
        struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"",
                                                                 MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "Location", to);
        g_free(to);
        log_request(s, c, method, url, query->len ? query->str : NULL, 302, 0, inm != NULL);
        ret = queue(c, 302, r);
        goto done;
    } else if (strcmp(url, "/search") == 0) {
        const char *start = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "start");
        const char *rows = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "rows");
        guint from = start ? (guint)atoi(start) : 0, n = rows ? (guint)atoi(rows) : 10;
        body = listing_page(s, from, CLAMP(n, 1, 100), is_fault(fault, "shift") && from > 0);
    } else if (g_str_has_prefix(url, "/provider/44/")) {
        const Provider *p = find_provider(s, url + strlen("/provider/44/"));
        if (p) {
            body = provider_page(s, p, is_fault(fault, "empty"), is_fault(fault, "malformed"));
        } else {
            status = 404;
            body = g_strdup("<html><body><h1>Page not found</h1></body></html>");
        }
    } else if (g_str_has_prefix(url, "/v1/file/")) {
        char *published = NULL;
        body = file_body(s, url + strlen("/v1/file/"), &len, &published);
        type = "application/pdf";
        if (!body) {
            status = 404;
            type = "text/html; charset=utf-8";
            body = g_strdup("<html><body><h1>File not found</h1></body></html>");
        } else {
            GDateTime *d = g_date_time_new_utc(atoi(published), atoi(published + 5),
                                               atoi(published + 8), 9, 0, 0);
            if (d) {
                char *t = g_date_time_format(d, "%a, %d %b %Y %H:%M:%S GMT");
                g_strlcpy(modified_buf, t, sizeof modified_buf);
                g_free(t);
                g_date_time_unref(d);
                modified = modified_buf;
            }
        }
        if (body && is_fault(fault, "truncate")) {
            len /= 2;
        } else if (body && is_fault(fault, "html")) {
            g_free(body);
            body = g_strdup("<!DOCTYPE html>\n<html><head><title>Sorry, there is a problem with "
                            "the service</title></head><body><h1>Sorry, there is a problem "
                            "with the service</h1><p>Try again later.</p></body></html>\n");
            len = strlen(body);
        } else if (is_fault(fault, "big") || is_fault(fault, "bigchunked")) {
            g_free(body);
            len = (gsize)fault_arg(fault);
            body = g_malloc(len);
            memset(body, ' ', len);
            memcpy(body, "%PDF-1.4\n", MIN(len, 9));
        }
    } else {
        status = 404;
        body = g_strdup("<html><body><h1>Page not found</h1></body></html>");
    }
    if (!len)
        len = strlen(body);
    char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA1, (const guchar *)body, len);
    char *etag = g_strdup_printf("\"%.20s\"", sum);
    g_free(sum);
    gboolean conditional = inm != NULL;
    if (status == 200 && inm && strcmp(inm, etag) == 0 && !is_fault(fault, "reset")) {
        struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"",
                                                                 MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "ETag", etag);
        MHD_add_response_header(r, "Last-Modified", modified);
        log_request(s, c, method, url, query->len ? query->str : NULL, 304, 0, conditional);
        ret = queue(c, 304, r);
        g_free(body);
        g_free(etag);
        goto done;
    }
    stream = g_new0(Stream, 1);
    stream->site = s;
    stream->body = body;
    stream->len = len;
    if (is_fault(fault, "reset"))
        stream->cut = len / 2;
    if (is_fault(fault, "slow"))
        stream->rate = fault_arg(fault);
    struct MHD_Response *r = MHD_create_response_from_callback(
        is_fault(fault, "bigchunked") ? MHD_SIZE_UNKNOWN : (uint64_t)len, 16 * 1024, stream_read,
        stream, stream_free);
    MHD_add_response_header(r, "Content-Type", type);
    if (status == 200) {
        MHD_add_response_header(r, "ETag", etag);
        MHD_add_response_header(r, "Last-Modified", modified);
    }
    log_request(s, c, method, url, query->len ? query->str : NULL, status, len, conditional);
    ret = queue(c, status, r);
    g_free(etag);
done:
    g_free(fault);
    g_string_free(query, TRUE);
    return ret;
}

int main(int argc, char **argv)
{
    Site s = {0};
    s.providers = g_ptr_array_new();
    s.publications = g_ptr_array_new();
    s.pdf_dirs = g_ptr_array_new();
    s.served = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_mutex_init(&s.lock);
    const char *port_file = NULL;
    gchar *cert = NULL, *key = NULL;
    s.scheme = "http";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--port-file") == 0)
            port_file = argv[i + 1];
        else if (strcmp(argv[i], "--providers") == 0)
            load_providers(&s, argv[i + 1]);
        else if (strcmp(argv[i], "--publications") == 0)
            load_publications(&s, argv[i + 1]);
        else if (strcmp(argv[i], "--pdfs") == 0)
            g_ptr_array_add(s.pdf_dirs, argv[i + 1]);
        else if (strcmp(argv[i], "--faults") == 0)
            s.faults_path = argv[i + 1];
        else if (strcmp(argv[i], "--log") == 0)
            s.log_path = argv[i + 1];
        else if (strcmp(argv[i], "--tls-cert") == 0)
            g_file_get_contents(argv[i + 1], &cert, NULL, NULL);
        else if (strcmp(argv[i], "--tls-key") == 0)
            g_file_get_contents(argv[i + 1], &key, NULL, NULL);
        else {
            fprintf(stderr, "ofsted-site: unknown option %s (see the top of "
                            "tests/server/ofsted_site.c)\n",
                    argv[i]);
            return 2;
        }
    }
    if (!port_file || !s.providers->len) {
        fprintf(stderr, "ofsted-site: --port-file and --providers are required\n");
        return 2;
    }
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL); /* threads started below inherit it */
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
                     MHD_USE_ERROR_LOG;
    struct MHD_Daemon *d;
    if (cert && key) {
        s.scheme = "https";
        d = MHD_start_daemon(flags | MHD_USE_TLS, 0, NULL, NULL, answer, &s,
                             MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                             MHD_OPTION_HTTPS_MEM_CERT, cert, MHD_OPTION_HTTPS_MEM_KEY, key,
                             MHD_OPTION_END);
    } else {
        d = MHD_start_daemon(flags, 0, NULL, NULL, answer, &s, MHD_OPTION_SOCK_ADDR,
                             (struct sockaddr *)&addr, MHD_OPTION_END);
    }
    if (!d) {
        fprintf(stderr, "ofsted-site: cannot listen on 127.0.0.1\n");
        return 1;
    }
    s.port = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)->port;
    char *text = g_strdup_printf("%d\n", s.port);
    char *tmp = g_strdup_printf("%s.tmp", port_file);
    g_file_set_contents(tmp, text, -1, NULL);
    rename(tmp, port_file);
    g_free(tmp);
    g_free(text);
    int sig = 0;
    sigwait(&stop, &sig);
    s.stopping = 1;
    MHD_stop_daemon(d);
    g_free(cert);
    g_free(key);
    g_free(s.faults_text);
    g_hash_table_destroy(s.served);
    g_ptr_array_free(s.pdf_dirs, TRUE);
    for (guint i = 0; i < s.providers->len; i++) {
        Provider *p = s.providers->pdata[i];
        g_free(p->urn);
        g_free(p->name);
        g_free(p);
    }
    g_ptr_array_free(s.providers, TRUE);
    for (guint i = 0; i < s.publications->len; i++) {
        Publication *p = s.publications->pdata[i];
        g_free(p->urn);
        g_free(p->id);
        g_free(p->file);
        g_free(p->text);
        g_free(p->published);
        g_free(p);
    }
    g_ptr_array_free(s.publications, TRUE);
    return 0;
}
