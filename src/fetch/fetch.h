/* fetch.h - downloading Ofsted's publications: `csbrief fetch`.
 *
 * Owns: the description of Ofsted's reports site (data/ofsted-site.yaml:
 * hosts, paths, the search query, XPath selectors, link-text patterns and
 * the kinds each publication title can be; site.c), an HTTP client over
 * libcurl that is polite and careful (one request at a time, a delay
 * between requests, retries with backoff and jitter, Retry-After, a time
 * budget, a size cap, only the site's hosts, TLS verified; http.c), the
 * reading of listing and provider pages with libxml2's HTML parser and
 * XPath (html.c), the check that a download is a whole PDF poppler opens,
 * and its kind (verify.c), the download index beside the files
 * (index.csv; index.c), what earlier runs learnt about pages and files not
 * kept (state.c), the authorities a config needs (targets.c), the search
 * listing (listing.c), a provider's page (provider.c), one publication's
 * download (download.c) and the run (run.c): one folder at a time under the build's lock, each file written
 * atomically, a failure of one authority or file never stopping the others.
 *
 * The fetch reads the config, build (lock, atomic writes, the authorities
 * a config uses), ingest and parse (a report's kind) stages; nothing reads
 * it but the CLI. docs/fetch.md describes the run, the site description and
 * the files it writes.
 */
#ifndef CSB_FETCH_H
#define CSB_FETCH_H

#include "../build/build.h"

/* ---- the site description (site.c) --------------------------------------- */

/* One publication title the site uses, and the kinds it can be: one kind,
 * or several (a "Children's services inspection" of 2012-2026 is an
 * ILACS, SIF, SLAC, LAC or child protection inspection), when the report
 * itself says which. */
typedef struct {
    char *pattern;  /* the regex as written, for messages */
    GRegex *regex;  /* case-insensitive */
    guint kinds;    /* bit (1 << CsbKind) per kind */
} CsbSiteTitle;

typedef struct {
    char *path;
    char *reports_base;     /* "https://reports.ofsted.gov.uk" */
    char *files_base;       /* "https://files.ofsted.gov.uk" */
    GPtrArray *origins;     /* char*: "scheme://host:port" that may be requested */
    /* the search listing of every local authority children's services provider */
    char *listing_path;     /* "/search" */
    char *listing_query;    /* the query without paging */
    char *start_param, *rows_param;
    guint page_size, max_pages;
    char *provider_link;    /* XPath: the provider links on a listing page */
    GRegex *provider_urn;   /* on a link's href; group 1 is the URN */
    /* one provider's page */
    char *provider_path;    /* "/provider/44/{urn}" */
    char *publication_link; /* XPath: the publication links */
    char *publication_text; /* XPath relative to a link: its text; else the link's */
    GRegex *link_text;      /* named groups title, format, date */
    GPtrArray *formats;     /* char*: formats downloaded ("PDF"), compared caselessly */
    GPtrArray *titles;      /* CsbSiteTitle*, first match wins */
    int max_redirects;
} CsbSite;

/* Load and check a site description; NULL with every problem in diag. */
CsbSite *csb_site_load(const char *path, CsbDiag *diag);
void csb_site_free(CsbSite *s);
/* Address of the listing page starting at result start (owned). */
char *csb_site_listing_url(const CsbSite *s, guint start);
/* Address of a provider's page (owned). */
char *csb_site_provider_url(const CsbSite *s, const char *urn);
/* The title entry a publication title matches, or NULL. */
const CsbSiteTitle *csb_site_title(const CsbSite *s, const char *title);
/* Read a link's text ("Children's services inspection, PDF - 09 May
 * 2025"): TRUE with the title, format (owned) and date when it has the
 * site's form. */
gboolean csb_site_read_link_text(const CsbSite *s, const char *text, char **title,
                                 char **format, CsbDate *published);
/* Whether a format is one to download. */
gboolean csb_site_wants_format(const CsbSite *s, const char *format);
/* "scheme://host:port" of an absolute http(s) address, lower case with the
 * default port spelt out; NULL when it is not one. */
char *csb_url_origin(const char *url);
/* Whether url may be requested: its origin is one of the site's. */
gboolean csb_site_allows(const CsbSite *s, const char *url);

/* ---- the HTTP client (http.c) ----------------------------------------------- */

typedef struct {
    const char *user_agent;
    double delay;          /* seconds from the end of one request to the next */
    double timeout;        /* seconds without a byte before a request is given up */
    int retries;           /* on timeouts, broken connections, 429 and 5xx */
    double backoff;        /* seconds before the first retry, doubled each time, jittered */
    guint64 max_bytes;     /* a larger body is refused */
    gint64 deadline;       /* g_get_monotonic_time() at which the budget ends */
    const CsbSite *site;   /* origins allowed, redirects allowed */
} CsbHttpOptions;

typedef enum {
    CSB_HTTP_OK,           /* 200: body */
    CSB_HTTP_NOT_MODIFIED, /* 304 to a conditional request: no body */
    CSB_HTTP_FAILED,       /* error says why, after any retries */
} CsbHttpOutcome;

typedef struct {
    CsbHttpOutcome outcome;
    long status;           /* the last HTTP status, 0 when there was no response */
    GByteArray *body;      /* CSB_HTTP_OK */
    char *etag, *last_modified, *content_type;
    char *url;             /* the address answered, after redirects */
    char *error;           /* CSB_HTTP_FAILED: what a person reads */
    gboolean out_of_time;  /* failed because the run's time budget ran out */
} CsbHttpResult;

void csb_http_result_free(CsbHttpResult *r);

typedef struct {
    guint requests;        /* sent, retries and redirects included */
    guint not_modified;    /* answered 304 */
    guint retries;
    guint64 bytes;         /* of bodies received */
} CsbHttpCounts;

/* Called before each retry: the address, the attempt about to be made
 * (2 for the first retry), the wait in seconds and why. */
typedef void (*CsbHttpRetrySink)(const char *url, guint attempt, double wait, const char *why,
                                 gpointer data);

typedef struct CsbHttp CsbHttp;

CsbHttp *csb_http_new(const CsbHttpOptions *opt, CsbHttpRetrySink on_retry, gpointer data);
void csb_http_free(CsbHttp *h);
/* GET url, conditionally when etag or last_modified is given. Follows
 * redirects within the site's origins. Never returns NULL. */
CsbHttpResult *csb_http_get(CsbHttp *h, const char *url, const char *etag,
                            const char *last_modified);
CsbHttpCounts csb_http_counts(const CsbHttp *h);
/* Whether the run's time budget has run out. */
gboolean csb_http_out_of_time(const CsbHttp *h);
/* Whether the site looks down: the last CSB_HTTP_DOWN_AFTER requests (each
 * with its retries) got no response at all. */
#define CSB_HTTP_DOWN_AFTER 3
gboolean csb_http_site_down(const CsbHttp *h);

/* ---- pages (html.c) --------------------------------------------------------- */

typedef struct {
    char *urn;
    char *name;  /* the link's text */
} CsbListedProvider;

typedef struct {
    char *url;    /* absolute */
    char *text;   /* the link's text, whitespace squashed */
} CsbListedLink;

void csb_listed_provider_free(CsbListedProvider *p);
/* Whether expr compiles as XPath; FALSE with *why (owned) when not. */
gboolean csb_html_xpath_valid(const char *expr, char **why);
void csb_listed_link_free(CsbListedLink *l);
/* The providers a listing page names (CsbListedProvider*, in page order). */
GPtrArray *csb_html_providers(const CsbSite *site, const char *html, gsize len,
                              const char *page_url);
/* The publication links of a provider's page (CsbListedLink*, in page
 * order); relative addresses are made absolute against page_url. */
GPtrArray *csb_html_publications(const CsbSite *site, const char *html, gsize len,
                                 const char *page_url);

/* ---- checking a download (verify.c) ------------------------------------------ */

/* NULL when data is a whole PDF (starts %PDF-, ends with %%EOF) that
 * poppler opens with at least one page; else why not, for a person
 * ("an HTML page, not a PDF", "truncated: ..."). Owned. */
char *csb_fetch_check_pdf(const guint8 *data, gsize len);
/* The kind a report says it is (its title, read by the parse stage), or
 * CSB_KIND_UNKNOWN. name is for messages. */
CsbKind csb_fetch_report_kind(const guint8 *data, gsize len, const char *name,
                              const CsbReference *ref);

/* ---- the download index (index.c) ------------------------------------------- */

/* Its header: file,urn,url,title,kind,published,size,sha256,etag,
 * last_modified,fetched. */
#define CSB_INDEX_NAME "index.csv"

/* One downloaded file. published is ISO (YYYY-MM-DD), fetched ISO 8601 UTC. */
typedef struct {
    char *file, *urn, *url, *title, *kind, *published;
    guint64 size;
    char *sha256, *etag, *last_modified, *fetched;
} CsbIndexRow;

typedef struct {
    char *dir;
    char *path;         /* dir/index.csv */
    GPtrArray *rows;    /* CsbIndexRow*, owned */
    GHashTable *by_url; /* url -> row */
    GHashTable *by_file;
    GHashTable *by_sha; /* sha256 -> row */
} CsbIndex;

void csb_index_row_free(CsbIndexRow *r);
/* The index of dir; empty when there is none. Rows that cannot be used
 * (no file or url) give a warning and are dropped. */
CsbIndex *csb_index_load(const char *dir, CsbDiag *diag);
void csb_index_free(CsbIndex *x);
/* Add or replace (by file) a row; takes ownership. */
void csb_index_put(CsbIndex *x, CsbIndexRow *row);
/* The index as CSV, rows sorted by file (owned). */
char *csb_index_format(const CsbIndex *x, gsize *len);
/* Write it atomically (temporary file, fsync, rename). */
gboolean csb_index_save(const CsbIndex *x, CsbDiag *diag);
/* Whether the row's file is in the folder with the size indexed. */
gboolean csb_index_row_held(const CsbIndex *x, const CsbIndexRow *r);

/* ---- what earlier runs learnt (state.c) ---------------------------------------- */

#define CSB_FETCH_STATE_DIR ".csbrief-fetch"

/* A page read before: its validators and where its body is kept, so a
 * conditional request answered 304 can be read again without a download.
 * (This record and the next start with their key, url.) */
typedef struct {
    char *url, *etag, *last_modified, *body_file;
} CsbPageRecord;

/* A publication not kept: "rejected" (not a usable PDF; tried again each
 * run, conditionally), "unwanted" (of a kind the config does not want),
 * or "duplicate" (the same bytes as an indexed file). */
typedef struct {
    char *url, *outcome, *detail, *etag, *last_modified, *kind, *noted;
} CsbFileNote;

typedef struct CsbFetchState CsbFetchState;

CsbFetchState *csb_fetch_state_load(const char *dir, CsbDiag *diag);
void csb_fetch_state_free(CsbFetchState *s);
const CsbPageRecord *csb_fetch_state_page(const CsbFetchState *s, const char *url);
/* The kept body of a page (owned), or NULL when it is gone. */
GBytes *csb_fetch_state_page_body(const CsbFetchState *s, const CsbPageRecord *p);
/* Keep a page's body and validators (the body written atomically). */
void csb_fetch_state_put_page(CsbFetchState *s, const char *url, const CsbHttpResult *r,
                              CsbDiag *diag);
const CsbFileNote *csb_fetch_state_note(const CsbFetchState *s, const char *url);
void csb_fetch_state_put_note(CsbFetchState *s, const char *url, const char *outcome,
                              const char *detail, const CsbHttpResult *r, const char *kind);
void csb_fetch_state_drop_note(CsbFetchState *s, const char *url);
/* Write the records atomically; body files no record names are removed. */
gboolean csb_fetch_state_save(CsbFetchState *s, CsbDiag *diag);

/* ---- events ---------------------------------------------------------------------- */

typedef enum {
    CSB_FETCH_EVENT_START,        /* a folder: folder, total authorities */
    CSB_FETCH_EVENT_LOCK_STALE,   /* took over a dead run's lock: folder, detail */
    CSB_FETCH_EVENT_TEMP_REMOVED, /* removed a dead run's temporary file: file */
    CSB_FETCH_EVENT_LISTED,       /* the search listing read: count providers, pages */
    CSB_FETCH_EVENT_PROVIDER,     /* a provider page read: authority, urn, url, count
                                     publications, fresh of them to download, unchanged */
    CSB_FETCH_EVENT_RETRY,        /* url, attempt, seconds to wait, detail */
    CSB_FETCH_EVENT_DOWNLOADED,   /* authority, file, url, title, kind_id, size */
    CSB_FETCH_EVENT_FAILED,       /* authority, url, title, detail: nothing kept */
    CSB_FETCH_EVENT_PROBLEM,      /* diag: about the run, the site, the index */
    CSB_FETCH_EVENT_LOCKED,       /* another run holds folder: detail; nothing done */
    CSB_FETCH_EVENT_FINISH,       /* summary */
} CsbFetchEventKind;

typedef struct {
    guint folders, authorities;
    guint listed;      /* publications on the provider pages read */
    guint downloaded;  /* new files */
    guint held;        /* already in the folder (or the same bytes as a file there) */
    guint skipped;     /* of kinds or formats not wanted */
    guint failed;
    CsbHttpCounts http;
    double seconds;
    gboolean out_of_time;
    GPtrArray *files;    /* char*: paths of the files downloaded */
    GPtrArray *failures; /* char*: "what: why" */
} CsbFetchSummary;

typedef struct {
    CsbFetchEventKind kind;
    const char *folder;
    const char *authority, *urn;
    const char *url, *file, *title, *kind_id;
    const char *detail;
    const CsbDiag *diag;
    guint64 size;
    guint count, fresh, attempt;
    gboolean unchanged;       /* the page was answered 304 */
    double seconds;
    guint done, total;        /* authorities done so far in the folder */
    const CsbFetchSummary *summary;
} CsbFetchEvent;

typedef void (*CsbFetchSink)(const CsbFetchEvent *e, gpointer data);

/* ---- the authorities a config needs (targets.c) ---------------------------- */

typedef struct {
    const CsbAuthority *authority;
    guint kinds;   /* kinds wanted for it (bits); 0 means every kind */
} CsbFetchTarget;

/* The authorities whose reports the briefings of every config may show,
 * as the build gives them (csb_build_authorities_shown): each briefing's
 * focus (for 'authority: all' or 'regions', every authority in them) and
 * its comparators, unless its template shows its focus alone (the
 * members' summary); every authority of the regions for a national
 * briefing. With the kinds wanted, sorted by name (CsbFetchTarget*,
 * owned). */
GPtrArray *csb_fetch_targets(const GPtrArray *configs, const CsbResources *res);

/* ---- the run (run.c, listing.c, provider.c, download.c) ------------------------ */

typedef struct {
    const char *command;      /* recorded in the lock */
    const char *default_site; /* data/ofsted-site.yaml */
} CsbFetchOptions;

typedef enum {
    CSB_FETCH_OK,
    CSB_FETCH_FAILED,  /* some authorities or files failed; the others were done */
    CSB_FETCH_INVALID, /* a site description cannot be used: nothing done */
    CSB_FETCH_LOCKED,  /* another run holds a folder */
} CsbFetchStatus;

/* Fetch for every config with a 'fetch' section, one folder at a time
 * (configs that share a folder are fetched together). The paths of the
 * files downloaded are added to new_files (char*, owned) when not NULL. */
CsbFetchStatus csb_fetch_run(const GPtrArray *configs, const CsbResources *res,
                             const CsbFetchOptions *opt, CsbFetchSink sink, gpointer data,
                             GPtrArray *new_files);

/* ---- run internals (shared by run.c, listing.c, provider.c, download.c) ------- */

typedef struct {
    const CsbFetchSpec *spec;   /* the first config's: settings */
    const CsbResources *res;
    const CsbSite *site;
    CsbHttp *http;
    CsbIndex *index;
    CsbFetchState *state;
    CsbFetchSummary *summary;
    CsbFetchSink sink;
    gpointer sink_data;
    const char *folder;
    gboolean everyone;          /* some config wants every authority */
    const char *authority;      /* the one being fetched, for events */
    guint done, total;
} CsbFetchFolder;

void csb_fetch_emit(CsbFetchFolder *f, CsbFetchEvent *e);
/* A warning about the run (an event), file naming where. */
void csb_fetch_warn(CsbFetchFolder *f, const char *file, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);
/* Record a failure (summary and event); what names it for the summary. */
void csb_fetch_fail(CsbFetchFolder *f, const char *what, const char *url, const char *title,
                    const char *why);
/* A page's body: fresh (kept for next time) or, when answered 304, the
 * one kept. NULL when it cannot be had (error set, owned). */
GBytes *csb_fetch_page(CsbFetchFolder *f, const char *url, gboolean *unchanged, char **error);
/* The URN of each target authority: from the search listing where it
 * names the authority, else the authority table's (urn -> const
 * CsbAuthority*, new table). */
GHashTable *csb_fetch_listing(CsbFetchFolder *f, const GPtrArray *targets);

/* Whether the run must stop: out of time, or the site is not answering. */
gboolean csb_fetch_stopped(const CsbFetchFolder *f);
/* Read a target authority's page (at urn) and download what it needs. */
void csb_fetch_provider(CsbFetchFolder *f, const CsbFetchTarget *t, const char *urn);

/* A publication on a provider's page, read. */
typedef struct {
    const CsbAuthority *authority;
    const char *urn;
    const char *url;
    const char *text;    /* the link text */
    const char *title;
    CsbDate published;
    const CsbSiteTitle *entry;
    guint wanted;        /* kinds wanted (0: all) */
} CsbPublication;

/* Download one publication not yet held, check it and keep it under its
 * name, or record why not. */
void csb_fetch_download(CsbFetchFolder *f, const CsbPublication *p);

#endif
