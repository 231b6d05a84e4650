/* http.c - a polite, careful HTTP client over libcurl: one request at a
 * time with a delay between them; conditional requests (ETag,
 * Last-Modified); retries with exponential backoff and jitter on
 * timeouts, broken connections, 429 and 5xx, waiting at least as long as
 * Retry-After asks; a stall timeout (no byte for so long) and the run's
 * time budget; a size cap; redirects followed by hand, only within the
 * site's hosts and never in a loop; TLS always verified (libcurl's
 * default, never turned off here).
 */
#include "fetch.h"

#include <curl/curl.h>
#include <string.h>

struct CsbHttp {
    CURL *curl;
    CsbHttpOptions opt;
    char *user_agent;
    CsbHttpRetrySink on_retry;
    gpointer retry_data;
    gint64 next_allowed; /* monotonic time before which no request starts */
    CsbHttpCounts counts;
    gboolean out_of_time;
    guint unanswered;    /* requests in a row that got no response at all */
};

/* ---- one request ------------------------------------------------------------ */

typedef struct {
    const CsbHttp *h;
    GByteArray *body;
    gboolean too_big;
    gboolean stalled;
    gboolean past_deadline;
    gint64 last_data;      /* monotonic time bytes last arrived */
    curl_off_t last_now;
    char *etag, *last_modified, *content_type, *retry_after;
} Transfer;

static void transfer_clear(Transfer *t)
{
    if (t->body)
        g_byte_array_unref(t->body);
    g_free(t->etag);
    g_free(t->last_modified);
    g_free(t->content_type);
    g_free(t->retry_after);
    memset(t, 0, sizeof *t);
}

static size_t on_body(char *data, size_t size, size_t n, void *userdata)
{
    Transfer *t = userdata;
    size_t len = size * n;
    if ((guint64)t->body->len + len > t->h->opt.max_bytes) {
        t->too_big = TRUE;
        return 0; /* aborts the transfer */
    }
    g_byte_array_append(t->body, (const guint8 *)data, (guint)len);
    return len;
}

/* A header's value when line is "Name: value", else NULL (owned). */
static char *header_value(const char *line, size_t len, const char *name)
{
    size_t n = strlen(name);
    if (len <= n || g_ascii_strncasecmp(line, name, n) != 0 || line[n] != ':')
        return NULL;
    char *v = g_strndup(line + n + 1, len - n - 1);
    return g_strstrip(v);
}

static size_t on_header(char *data, size_t size, size_t n, void *userdata)
{
    Transfer *t = userdata;
    size_t len = size * n;
    static const char *const names[] = {"ETag", "Last-Modified", "Content-Type", "Retry-After"};
    char **slots[] = {&t->etag, &t->last_modified, &t->content_type, &t->retry_after};
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        char *v = header_value(data, len, names[i]);
        if (v) {
            g_free(*slots[i]);
            *slots[i] = v;
        }
    }
    return len;
}

static int on_progress(void *userdata, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
    Transfer *t = userdata;
    gint64 now = g_get_monotonic_time();
    if (dlnow != t->last_now) {
        t->last_now = dlnow;
        t->last_data = now;
    }
    if (now - t->last_data > (gint64)(t->h->opt.timeout * G_USEC_PER_SEC)) {
        t->stalled = TRUE;
        return 1;
    }
    if (now >= t->h->opt.deadline) {
        t->past_deadline = TRUE;
        return 1;
    }
    return 0;
}

/* ---- the client -------------------------------------------------------------- */

CsbHttp *csb_http_new(const CsbHttpOptions *opt, CsbHttpRetrySink on_retry, gpointer data)
{
    curl_global_init(CURL_GLOBAL_DEFAULT); /* reference counted by libcurl */
    CsbHttp *h = g_new0(CsbHttp, 1);
    h->opt = *opt;
    h->user_agent = g_strdup(opt->user_agent);
    h->opt.user_agent = h->user_agent;
    h->on_retry = on_retry;
    h->retry_data = data;
    h->curl = curl_easy_init();
    return h;
}

void csb_http_free(CsbHttp *h)
{
    if (!h)
        return;
    if (h->curl)
        curl_easy_cleanup(h->curl);
    g_free(h->user_agent);
    g_free(h);
    curl_global_cleanup();
}

void csb_http_result_free(CsbHttpResult *r)
{
    if (!r)
        return;
    if (r->body)
        g_byte_array_unref(r->body);
    g_free(r->etag);
    g_free(r->last_modified);
    g_free(r->content_type);
    g_free(r->url);
    g_free(r->error);
    g_free(r);
}

CsbHttpCounts csb_http_counts(const CsbHttp *h)
{
    return h->counts;
}

gboolean csb_http_out_of_time(const CsbHttp *h)
{
    return h->out_of_time || g_get_monotonic_time() >= h->opt.deadline;
}

/* Wait until the next request may start. FALSE when that is past the
 * deadline. */
static gboolean wait_turn(CsbHttp *h)
{
    gint64 now = g_get_monotonic_time();
    if (h->next_allowed > now) {
        if (h->next_allowed >= h->opt.deadline)
            return FALSE;
        g_usleep((gulong)(h->next_allowed - now));
    }
    return g_get_monotonic_time() < h->opt.deadline;
}

static void perform(CsbHttp *h, Transfer *t, const char *url, const char *etag,
                    const char *last_modified, long *status, CURLcode *code, char **location)
{
    CURL *c = h->curl;
    curl_easy_reset(c);
    struct curl_slist *headers = NULL;
    if (etag && *etag) {
        char *line = g_strdup_printf("If-None-Match: %s", etag);
        headers = curl_slist_append(headers, line);
        g_free(line);
    }
    if (last_modified && *last_modified) {
        char *line = g_strdup_printf("If-Modified-Since: %s", last_modified);
        headers = curl_slist_append(headers, line);
        g_free(line);
    }
    gint64 left_ms = (h->opt.deadline - g_get_monotonic_time()) / 1000;
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, h->user_agent);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)h->opt.max_bytes);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)(h->opt.timeout * 1000) + 1);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)MAX(left_ms, 1));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, t);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    t->last_data = g_get_monotonic_time();
    *code = curl_easy_perform(c);
    h->counts.requests++;
    h->next_allowed = g_get_monotonic_time() + (gint64)(h->opt.delay * G_USEC_PER_SEC);
    *status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
    h->counts.bytes += t->body->len;
    char *loc = NULL;
    *location = NULL;
    if (curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &loc) == CURLE_OK && loc)
        *location = g_strdup(loc);
    curl_slist_free_all(headers);
}

/* Seconds Retry-After asks for (a number or an HTTP date), or -1. */
static double retry_after(const char *v)
{
    if (!v || !*v)
        return -1;
    char *end = NULL;
    guint64 secs = g_ascii_strtoull(v, &end, 10);
    if (end != v && !*end)
        return (double)secs;
    time_t when = curl_getdate(v, NULL);
    if (when < 0)
        return -1;
    double wait = difftime(when, time(NULL));
    return wait > 0 ? wait : 0;
}

typedef enum { DONE, RETRY, GIVE_UP } Verdict;

static gboolean is_redirect(long status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

static const char *reason_phrase(long status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 410: return "Gone";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
    }
}

/* One attempt: the request and any redirects. Fills r; says whether to
 * retry. *wait_at_least is what Retry-After asked for (or -1). */
static Verdict attempt(CsbHttp *h, const char *url, const char *etag, const char *last_modified,
                       CsbHttpResult *r, double *wait_at_least)
{
    GPtrArray *chain = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(chain, g_strdup(url));
    *wait_at_least = -1;
    Verdict v = GIVE_UP;
    for (;;) {
        const char *here = chain->pdata[chain->len - 1];
        g_free(r->error);
        r->error = NULL;
        if (!wait_turn(h)) {
            r->error = g_strdup("the run's time budget ran out before this request");
            r->out_of_time = h->out_of_time = TRUE;
            break;
        }
        Transfer t = {.h = h, .body = g_byte_array_new()};
        long status = 0;
        CURLcode code;
        char *location = NULL;
        perform(h, &t, here, etag, last_modified, &status, &code, &location);
        r->status = status;
        g_free(r->url);
        r->url = g_strdup(here);
        if (code == CURLE_OK && status == 200) {
            r->outcome = CSB_HTTP_OK;
            r->body = g_byte_array_ref(t.body);
            r->etag = g_strdup(t.etag);
            r->last_modified = g_strdup(t.last_modified);
            r->content_type = g_strdup(t.content_type);
            v = DONE;
        } else if (code == CURLE_OK && status == 304 && (etag || last_modified)) {
            h->counts.not_modified++;
            r->outcome = CSB_HTTP_NOT_MODIFIED;
            r->etag = g_strdup(t.etag ? t.etag : etag);
            r->last_modified = g_strdup(t.last_modified ? t.last_modified : last_modified);
            v = DONE;
        } else if (code == CURLE_OK && is_redirect(status)) {
            gboolean loop = FALSE;
            for (guint i = 0; location && i < chain->len; i++)
                loop |= strcmp(chain->pdata[i], location) == 0;
            if (!location)
                r->error = g_strdup_printf("HTTP %ld redirect without a Location", status);
            else if (!csb_site_allows(h->opt.site, location))
                r->error = g_strdup_printf("redirected to %s, outside the site's hosts; "
                                           "refused",
                                           location);
            else if (loop)
                r->error = g_strdup_printf("redirect loop (back to %s)", location);
            else if ((int)chain->len > h->opt.site->max_redirects)
                r->error = g_strdup_printf("more than %d redirects", h->opt.site->max_redirects);
            if (!r->error) {
                g_ptr_array_add(chain, location);
                transfer_clear(&t);
                continue;
            }
        } else if (code == CURLE_OK) {
            r->error = g_strdup_printf("HTTP %ld%s%s", status, *reason_phrase(status) ? " " : "",
                                       reason_phrase(status));
            if (status == 429 || status == 500 || status == 502 || status == 503 ||
                status == 504) {
                v = RETRY;
                *wait_at_least = retry_after(t.retry_after);
            }
        } else if (t.too_big || code == CURLE_FILESIZE_EXCEEDED) {
            r->error = g_strdup_printf("larger than the %" G_GUINT64_FORMAT " bytes allowed "
                                       "('fetch: max_file_size'); not downloaded",
                                       h->opt.max_bytes);
        } else if (t.past_deadline || (code == CURLE_OPERATION_TIMEDOUT && !t.stalled &&
                                       g_get_monotonic_time() >= h->opt.deadline)) {
            r->error = g_strdup("the run's time budget ran out during this request");
            r->out_of_time = h->out_of_time = TRUE;
        } else if (t.stalled) {
            r->error = g_strdup_printf("no data for %.1fs (timed out)", h->opt.timeout);
            v = RETRY;
        } else {
            r->error = g_strdup_printf("%s (%s)", curl_easy_strerror(code),
                                       t.last_now ? "after part of the body" : "no response");
            v = code == CURLE_OPERATION_TIMEDOUT || code == CURLE_COULDNT_CONNECT ||
                        code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR ||
                        code == CURLE_PARTIAL_FILE || code == CURLE_GOT_NOTHING ||
                        code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_HTTP2 ||
                        code == CURLE_HTTP2_STREAM
                    ? RETRY
                    : GIVE_UP;
        }
        g_free(location);
        transfer_clear(&t);
        break;
    }
    g_ptr_array_free(chain, TRUE);
    return v;
}

CsbHttpResult *csb_http_get(CsbHttp *h, const char *url, const char *etag,
                            const char *last_modified)
{
    CsbHttpResult *r = g_new0(CsbHttpResult, 1);
    r->outcome = CSB_HTTP_FAILED;
    if (!csb_site_allows(h->opt.site, url)) {
        r->url = g_strdup(url);
        r->error = g_strdup("outside the hosts of the site description; not requested");
        return r;
    }
    for (int n = 1;; n++) {
        double asked = -1;
        Verdict v = attempt(h, url, etag, last_modified, r, &asked);
        if (v != RETRY)
            break;
        if (n > h->opt.retries) {
            char *why = g_strdup_printf("%s, %d time%s", r->error, n, n == 1 ? "" : "s");
            g_free(r->error);
            r->error = why;
            break;
        }
        double base = h->opt.backoff * (double)(1u << MIN(n - 1, 16));
        double wait = base / 2 + g_random_double_range(0, base / 2);
        if (asked > wait)
            wait = asked;
        gint64 at = g_get_monotonic_time() + (gint64)(wait * G_USEC_PER_SEC);
        if (at >= h->opt.deadline) {
            char *why = g_strdup_printf("%s; the next try (in %.0fs) would be past the run's "
                                        "time budget",
                                        r->error, wait);
            g_free(r->error);
            r->error = why;
            r->out_of_time = h->out_of_time = TRUE;
            break;
        }
        h->counts.retries++;
        if (h->on_retry)
            h->on_retry(url, (guint)n + 1, wait, r->error, h->retry_data);
        h->next_allowed = MAX(h->next_allowed, at);
    }
    h->unanswered = r->status == 0 && r->outcome == CSB_HTTP_FAILED ? h->unanswered + 1 : 0;
    return r;
}

gboolean csb_http_site_down(const CsbHttp *h)
{
    return h->unanswered >= CSB_HTTP_DOWN_AFTER;
}
