/* state.c - what earlier fetches learnt, kept in .csbrief-fetch/ beside the
 * downloads: each page read (its ETag and Last-Modified, and its body, so
 * a page answered "304 Not Modified" is read again from here and costs no
 * download), and each publication not kept (why, with the validators of
 * what was received, so a rejected file is asked for again conditionally
 * and one of an unwanted kind is not downloaded again). Every file is
 * written atomically; deleting the folder is safe (the next run asks for
 * every page in full).
 */
#include "fetch.h"

#include <glib/gstdio.h>
#include <string.h>

#define PAGES_NAME "pages.csv"
#define NOTES_NAME "notes.csv"
#define BODY_SUFFIX ".page"

struct CsbFetchState {
    char *root;          /* FOLDER: writes never follow a link below it */
    char *dir;           /* FOLDER/.csbrief-fetch */
    GHashTable *pages;   /* url -> CsbPageRecord* */
    GHashTable *notes;   /* url -> CsbFileNote* */
};

static void page_free(gpointer p)
{
    CsbPageRecord *r = p;
    g_free(r->url);
    g_free(r->etag);
    g_free(r->last_modified);
    g_free(r->body_file);
    g_free(r);
}

static void note_free(gpointer p)
{
    CsbFileNote *n = p;
    g_free(n->url);
    g_free(n->outcome);
    g_free(n->detail);
    g_free(n->etag);
    g_free(n->last_modified);
    g_free(n->kind);
    g_free(n->noted);
    g_free(n);
}

/* Rows of dir/name, or NULL when there is none; a file that cannot be read
 * gives a warning (the run goes on as if it were not there). */
static CsbCsv *load(const char *dir, const char *name, CsbDiag *diag)
{
    char *path = g_build_filename(dir, name, NULL);
    CsbCsv *csv = NULL;
    if (g_file_test(path, G_FILE_TEST_EXISTS)) {
        CsbDiag *mine = csb_diag_new();
        csv = csb_csv_load(path, mine);
        if (!csv || csb_csv_column(csv, "url") < 0) {
            csb_diag_warn(diag, path, 0, 0, "cannot be read; it is rewritten by this run");
            g_clear_pointer(&csv, csb_csv_free);
        }
        csb_diag_free(mine);
    }
    g_free(path);
    return csv;
}

CsbFetchState *csb_fetch_state_load(const char *dir, CsbDiag *diag)
{
    CsbFetchState *s = g_new0(CsbFetchState, 1);
    s->root = g_strdup(dir);
    s->dir = g_build_filename(dir, CSB_FETCH_STATE_DIR, NULL);
    s->pages = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, page_free);
    s->notes = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, note_free);
    CsbCsv *csv = load(s->dir, PAGES_NAME, diag);
    for (guint i = 0; csv && i < csv->rows->len; i++) {
        CsbPageRecord *r = g_new0(CsbPageRecord, 1);
        r->url = csb_csv_dup(csv, i, "url");
        r->etag = csb_csv_dup(csv, i, "etag");
        r->last_modified = csb_csv_dup(csv, i, "last_modified");
        r->body_file = csb_csv_dup(csv, i, "body");
        if (r->url && r->body_file && !strchr(r->body_file, '/'))
            g_hash_table_replace(s->pages, r->url, r);
        else
            page_free(r);
    }
    csb_csv_free(csv);
    csv = load(s->dir, NOTES_NAME, diag);
    for (guint i = 0; csv && i < csv->rows->len; i++) {
        CsbFileNote *n = g_new0(CsbFileNote, 1);
        n->url = csb_csv_dup(csv, i, "url");
        n->outcome = csb_csv_dup(csv, i, "outcome");
        n->detail = csb_csv_dup(csv, i, "detail");
        n->etag = csb_csv_dup(csv, i, "etag");
        n->last_modified = csb_csv_dup(csv, i, "last_modified");
        n->kind = csb_csv_dup(csv, i, "kind");
        n->noted = csb_csv_dup(csv, i, "noted");
        if (n->url && n->outcome)
            g_hash_table_replace(s->notes, n->url, n);
        else
            note_free(n);
    }
    csb_csv_free(csv);
    return s;
}

void csb_fetch_state_free(CsbFetchState *s)
{
    if (!s)
        return;
    g_hash_table_destroy(s->pages);
    g_hash_table_destroy(s->notes);
    g_free(s->dir);
    g_free(s->root);
    g_free(s);
}

const CsbPageRecord *csb_fetch_state_page(const CsbFetchState *s, const char *url)
{
    return g_hash_table_lookup(s->pages, url);
}

GBytes *csb_fetch_state_page_body(const CsbFetchState *s, const CsbPageRecord *p)
{
    char *path = g_build_filename(s->dir, p->body_file, NULL);
    gchar *data = NULL;
    gsize len = 0;
    GBytes *b = g_file_get_contents(path, &data, &len, NULL) ? g_bytes_new_take(data, len)
                                                            : NULL;
    g_free(path);
    return b;
}

void csb_fetch_state_put_page(CsbFetchState *s, const char *url, const CsbHttpResult *r,
                              CsbDiag *diag)
{
    char *hash = g_compute_checksum_for_string(G_CHECKSUM_SHA256, url, -1);
    char *name = g_strdup_printf("%.32s" BODY_SUFFIX, hash);
    char *path = g_build_filename(s->dir, name, NULL);
    g_free(hash);
    if (!csb_build_atomic_bytes(s->root, path, (const char *)r->body->data, r->body->len,
                                diag)) {
        g_hash_table_remove(s->pages, url);
        g_free(name);
        g_free(path);
        return;
    }
    CsbPageRecord *p = g_new0(CsbPageRecord, 1);
    p->url = g_strdup(url);
    p->etag = g_strdup(r->etag);
    p->last_modified = g_strdup(r->last_modified);
    p->body_file = name;
    g_hash_table_replace(s->pages, p->url, p);
    g_free(path);
}

const CsbFileNote *csb_fetch_state_note(const CsbFetchState *s, const char *url)
{
    return g_hash_table_lookup(s->notes, url);
}

void csb_fetch_state_put_note(CsbFetchState *s, const char *url, const char *outcome,
                              const char *detail, const CsbHttpResult *r, const char *kind)
{
    CsbFileNote *n = g_new0(CsbFileNote, 1);
    n->url = g_strdup(url);
    n->outcome = g_strdup(outcome);
    n->detail = g_strdup(detail);
    n->etag = g_strdup(r ? r->etag : NULL);
    n->last_modified = g_strdup(r ? r->last_modified : NULL);
    n->kind = g_strdup(kind);
    GDateTime *now = g_date_time_new_now_utc();
    n->noted = g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
    g_date_time_unref(now);
    g_hash_table_replace(s->notes, n->url, n);
}

void csb_fetch_state_drop_note(CsbFetchState *s, const char *url)
{
    g_hash_table_remove(s->notes, url);
}

/* The records of a table (each starts with its key, char *url), by key. */
static int by_url(gconstpointer a, gconstpointer b)
{
    return strcmp(**(char **const *)a, **(char **const *)b);
}

static GPtrArray *sorted_values(GHashTable *t)
{
    GPtrArray *values = g_ptr_array_new();
    GHashTableIter it;
    gpointer v;
    g_hash_table_iter_init(&it, t);
    while (g_hash_table_iter_next(&it, NULL, &v))
        g_ptr_array_add(values, v);
    g_ptr_array_sort(values, by_url);
    return values;
}

static gboolean save_text(CsbFetchState *s, const char *name, GString *text, CsbDiag *diag)
{
    char *path = g_build_filename(s->dir, name, NULL);
    gboolean ok = csb_build_atomic_bytes(s->root, path, text->str, text->len, diag);
    g_free(path);
    g_string_free(text, TRUE);
    return ok;
}

/* Remove the bodies no record names (pages no longer read). */
static void prune_bodies(CsbFetchState *s)
{
    GHashTable *kept = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTableIter it;
    gpointer v;
    g_hash_table_iter_init(&it, s->pages);
    while (g_hash_table_iter_next(&it, NULL, &v))
        g_hash_table_add(kept, ((CsbPageRecord *)v)->body_file);
    GDir *d = g_dir_open(s->dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        if (name[0] == '.' || !g_str_has_suffix(name, BODY_SUFFIX) ||
            g_hash_table_contains(kept, name))
            continue;
        char *path = g_build_filename(s->dir, name, NULL);
        g_unlink(path);
        g_free(path);
    }
    if (d)
        g_dir_close(d);
    g_hash_table_destroy(kept);
}

gboolean csb_fetch_state_save(CsbFetchState *s, CsbDiag *diag)
{
    GString *pages = g_string_new("url,etag,last_modified,body\n");
    GPtrArray *all = sorted_values(s->pages);
    for (guint i = 0; i < all->len; i++) {
        const CsbPageRecord *p = all->pdata[i];
        const char *values[] = {p->url, p->etag, p->last_modified, p->body_file};
        csb_csv_write_row(pages, values, G_N_ELEMENTS(values));
    }
    g_ptr_array_free(all, TRUE);
    GString *notes = g_string_new("url,outcome,detail,etag,last_modified,kind,noted\n");
    all = sorted_values(s->notes);
    for (guint i = 0; i < all->len; i++) {
        const CsbFileNote *n = all->pdata[i];
        const char *values[] = {n->url, n->outcome, n->detail, n->etag, n->last_modified,
                                n->kind, n->noted};
        csb_csv_write_row(notes, values, G_N_ELEMENTS(values));
    }
    g_ptr_array_free(all, TRUE);
    gboolean ok = save_text(s, PAGES_NAME, pages, diag);
    ok &= save_text(s, NOTES_NAME, notes, diag);
    if (ok)
        prune_bodies(s);
    return ok;
}
