/* download.c - one publication: download it (conditionally when an
 * earlier run rejected what it got), check it is a whole PDF poppler
 * opens, learn its kind (from its title, or from the report when the
 * title can be several kinds), name it <authority>-<kind>-<published>.pdf
 * (-2, -3 when taken), write it atomically and add it to the index. What
 * is not kept is noted with the reason, and nothing half-written is ever
 * left under a real name: the body is held in memory (at most
 * 'max_file_size') until it has been checked.
 */
#include "fetch.h"

#include "../ingest/ingest.h"

#include <string.h>

static char *now_utc(void)
{
    GDateTime *now = g_date_time_new_now_utc();
    char *s = g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
    g_date_time_unref(now);
    return s;
}

/* The only kind a title can be, or CSB_KIND_UNKNOWN when it can be
 * several. */
static CsbKind single_kind(guint kinds)
{
    for (int k = CSB_KIND_UNKNOWN + 1; k < CSB_KIND_COUNT; k++)
        if (kinds == 1u << k)
            return (CsbKind)k;
    return CSB_KIND_UNKNOWN;
}

static CsbKind kind_of(CsbFetchFolder *f, const CsbPublication *p, const GByteArray *body)
{
    CsbKind k = single_kind(p->entry->kinds);
    if (k != CSB_KIND_UNKNOWN)
        return k;
    k = csb_fetch_report_kind(body->data, body->len, p->url, f->res->reference);
    /* A kind the title cannot be is not believed: the name says less. */
    return p->entry->kinds & (1u << k) ? k : CSB_KIND_UNKNOWN;
}

static char *file_sha256(const char *path)
{
    char *err = NULL;
    char *sha = csb_ingest_hash_file(path, &err);
    g_free(err);
    return sha;
}

/* A free name for the file, or the name of an unindexed file already there
 * with the same bytes (a run killed between writing it and the index):
 * then *adopted is TRUE and nothing need be written. */
static char *choose_name(CsbFetchFolder *f, const CsbPublication *p, CsbKind kind,
                         const char *sha256, gboolean *adopted)
{
    char *who = csb_output_slug(p->authority->name);
    char *what = kind != CSB_KIND_UNKNOWN ? g_strdup(csb_kind_id(kind))
                                          : csb_output_slug(p->title);
    char iso[11];
    char *stem = g_strdup_printf("%s-%s-%s", who, what, csb_date_iso(p->published, iso));
    g_free(who);
    g_free(what);
    *adopted = FALSE;
    char *name = NULL;
    for (guint n = 1; n < 1000 && !name; n++) {
        char *candidate = n == 1 ? g_strdup_printf("%s.pdf", stem)
                                 : g_strdup_printf("%s-%u.pdf", stem, n);
        const CsbIndexRow *row = g_hash_table_lookup(f->index->by_file, candidate);
        char *path = g_build_filename(f->folder, candidate, NULL);
        if (row) {
            /* Taken, unless by this very address (its file went missing). */
            if (strcmp(row->url, p->url) == 0)
                name = g_steal_pointer(&candidate);
        } else if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
            name = g_steal_pointer(&candidate);
        } else {
            char *there = file_sha256(path);
            if (there && strcmp(there, sha256) == 0) {
                *adopted = TRUE;
                name = g_steal_pointer(&candidate);
            }
            g_free(there);
        }
        g_free(path);
        g_free(candidate);
    }
    g_free(stem);
    return name;
}

static void add_to_index(CsbFetchFolder *f, const CsbPublication *p, const char *name,
                         CsbKind kind, const CsbHttpResult *r, const char *sha256)
{
    CsbIndexRow *row = g_new0(CsbIndexRow, 1);
    char iso[11];
    row->file = g_strdup(name);
    row->urn = g_strdup(p->urn);
    row->url = g_strdup(p->url);
    row->title = g_strdup(p->text);
    row->kind = g_strdup(kind != CSB_KIND_UNKNOWN ? csb_kind_id(kind) : NULL);
    row->published = g_strdup(csb_date_iso(p->published, iso));
    row->size = r->body->len;
    row->sha256 = g_strdup(sha256);
    row->etag = g_strdup(r->etag);
    row->last_modified = g_strdup(r->last_modified);
    row->fetched = now_utc();
    csb_index_put(f->index, row);
    CsbDiag *diag = csb_diag_new();
    if (!csb_index_save(f->index, diag)) {
        CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_PROBLEM, .diag = diag};
        csb_fetch_emit(f, &e);
    }
    csb_diag_free(diag);
}

/* Keep a checked body under its name; FALSE when it was not kept. */
static gboolean keep(CsbFetchFolder *f, const CsbPublication *p, CsbKind kind,
                     const CsbHttpResult *r)
{
    char *sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, r->body->data, r->body->len);
    const CsbIndexRow *same = g_hash_table_lookup(f->index->by_sha, sha);
    if (same && strcmp(same->url, p->url) != 0 && csb_index_row_held(f->index, same)) {
        char *why = g_strdup_printf("the same file as %s", same->file);
        csb_fetch_state_put_note(f->state, p->url, "duplicate", why, r, same->kind);
        g_free(why);
        f->summary->held++;
        g_free(sha);
        return FALSE;
    }
    gboolean adopted = FALSE;
    char *name = choose_name(f, p, kind, sha, &adopted);
    gboolean ok = name != NULL;
    char *path = name ? g_build_filename(f->folder, name, NULL) : NULL;
    CsbDiag *diag = csb_diag_new();
    if (!name)
        csb_fetch_fail(f, p->authority->name, p->url, p->text, "no free file name for it");
    else if (!adopted && !csb_build_atomic_bytes(f->folder, path, (const char *)r->body->data,
                                                 r->body->len, diag))
        ok = FALSE;
    if (name && !ok)
        csb_fetch_fail(f, p->authority->name, p->url, p->text,
                       diag->items->len ? ((CsbError *)diag->items->pdata[0])->message
                                        : "it could not be written");
    if (ok) {
        add_to_index(f, p, name, kind, r, sha);
        csb_fetch_state_drop_note(f->state, p->url);
        f->summary->downloaded++;
        g_ptr_array_add(f->summary->files, g_strdup(path));
        CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_DOWNLOADED, .url = p->url, .file = path,
                           .title = p->text, .urn = p->urn,
                           .kind_id = kind != CSB_KIND_UNKNOWN ? csb_kind_id(kind) : NULL,
                           .size = r->body->len};
        csb_fetch_emit(f, &e);
    }
    csb_diag_free(diag);
    g_free(path);
    g_free(name);
    g_free(sha);
    return ok;
}

void csb_fetch_download(CsbFetchFolder *f, const CsbPublication *p)
{
    const CsbFileNote *note = csb_fetch_state_note(f->state, p->url);
    gboolean rejected = note && strcmp(note->outcome, "rejected") == 0;
    CsbHttpResult *r = csb_http_get(f->http, p->url, rejected ? note->etag : NULL,
                                    rejected ? note->last_modified : NULL);
    if (r->outcome == CSB_HTTP_NOT_MODIFIED) {
        char *why = g_strdup_printf("still %s (unchanged since %s); nothing was kept",
                                    note->detail ? note->detail : "unusable", note->noted);
        csb_fetch_fail(f, p->authority->name, p->url, p->text, why);
        g_free(why);
    } else if (r->outcome == CSB_HTTP_FAILED) {
        f->summary->out_of_time |= r->out_of_time;
        csb_fetch_fail(f, p->authority->name, p->url, p->text, r->error);
    } else {
        char *problem = csb_fetch_check_pdf(r->body->data, r->body->len);
        if (problem) {
            csb_fetch_state_put_note(f->state, p->url, "rejected", problem, r, NULL);
            char *why = g_strdup_printf("%s; nothing was kept", problem);
            csb_fetch_fail(f, p->authority->name, p->url, p->text, why);
            g_free(why);
            g_free(problem);
        } else {
            CsbKind kind = kind_of(f, p, r->body);
            if (kind != CSB_KIND_UNKNOWN && p->wanted && !(p->wanted & (1u << kind))) {
                csb_fetch_state_put_note(f->state, p->url, "unwanted",
                                         "of a kind 'fetch: kinds' leaves out", r,
                                         csb_kind_id(kind));
                f->summary->skipped++;
            } else {
                keep(f, p, kind, r);
            }
        }
    }
    csb_http_result_free(r);
}
