/* provider.c - one authority's page: its publication links read (link
 * text, title, format, date, kind), those not wanted or already held set
 * aside, the rest downloaded one by one (download.c) until the run must
 * stop; a page that lists nothing while files from it are held is noticed.
 */
#include "fetch.h"

#include <string.h>

gboolean csb_fetch_stopped(const CsbFetchFolder *f)
{
    return csb_http_out_of_time(f->http) || csb_http_site_down(f->http);
}

static const char *stop_reason(const CsbFetchFolder *f)
{
    return csb_http_out_of_time(f->http)
               ? "the time budget ('fetch: budget') ran out; the next run goes on from there"
               : "the site stopped answering; the next run tries again";
}

static guint held_from(const CsbIndex *x, const char *urn)
{
    guint n = 0;
    for (guint i = 0; i < x->rows->len; i++)
        n += g_strcmp0(((const CsbIndexRow *)x->rows->pdata[i])->urn, urn) == 0;
    return n;
}

/* Whether a listed publication is to be downloaded now; counts it
 * otherwise. */
static gboolean wanted_now(CsbFetchFolder *f, const CsbPublication *p)
{
    if (p->wanted && !(p->entry->kinds & p->wanted)) {
        f->summary->skipped++;
        return FALSE;
    }
    const CsbIndexRow *row = g_hash_table_lookup(f->index->by_url, p->url);
    if (row && csb_index_row_held(f->index, row)) {
        f->summary->held++;
        return FALSE;
    }
    const CsbFileNote *note = csb_fetch_state_note(f->state, p->url);
    if (note && strcmp(note->outcome, "duplicate") == 0) {
        f->summary->held++;
        return FALSE;
    }
    if (note && strcmp(note->outcome, "unwanted") == 0) {
        CsbKind k = csb_kind_from_id(note->kind);
        if (p->wanted && k != CSB_KIND_UNKNOWN && !(p->wanted & (1u << k))) {
            f->summary->skipped++;
            return FALSE;
        }
    }
    return TRUE;
}

void csb_fetch_provider(CsbFetchFolder *f, const CsbFetchTarget *t, const char *urn)
{
    char *url = csb_site_provider_url(f->site, urn);
    gboolean unchanged = FALSE;
    char *error = NULL;
    GBytes *body = csb_fetch_page(f, url, &unchanged, &error);
    if (!body) {
        csb_fetch_fail(f, t->authority->name, url, NULL, error);
        g_free(error);
        g_free(url);
        return;
    }
    GPtrArray *links = csb_html_publications(f->site, g_bytes_get_data(body, NULL),
                                             g_bytes_get_size(body), url);
    g_bytes_unref(body);
    GPtrArray *todo = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *titles = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < links->len; i++) {
        const CsbListedLink *l = links->pdata[i];
        CsbPublication pub = {.authority = t->authority, .urn = urn, .url = l->url,
                              .text = l->text, .wanted = t->kinds};
        char *title = NULL, *format = NULL;
        if (!csb_site_read_link_text(f->site, l->text, &title, &format, &pub.published)) {
            csb_fetch_fail(f, t->authority->name, l->url, l->text,
                           "the link text is not in the form the site description expects "
                           "(title, format - date); see 'link_text' in data/ofsted-site.yaml");
            continue;
        }
        f->summary->listed++;
        g_ptr_array_add(titles, title);
        pub.title = title;
        pub.entry = csb_site_title(f->site, title);
        gboolean format_ok = csb_site_wants_format(f->site, format);
        g_free(format);
        if (!format_ok) {
            f->summary->skipped++;
        } else if (!pub.entry) {
            f->summary->skipped++;
            csb_fetch_warn(f, f->site->path,
                    "%s: a publication titled '%s' (%s) is of no kind the site description "
                    "knows; add its title to 'titles' to fetch it",
                    t->authority->name, title, l->url);
        } else if (!csb_site_allows(f->site, l->url)) {
            csb_fetch_fail(f, t->authority->name, l->url, l->text,
                           "its address is outside the hosts of the site description; not "
                           "requested");
        } else if (wanted_now(f, &pub)) {
            g_ptr_array_add(todo, g_memdup2(&pub, sizeof pub));
        }
    }
    CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_PROVIDER, .urn = urn, .url = url,
                       .count = links->len, .fresh = todo->len, .unchanged = unchanged};
    csb_fetch_emit(f, &e);
    guint held = links->len ? 0 : held_from(f->index, urn);
    if (held)
        csb_fetch_warn(f, url, "%s's page lists no publications, yet %u file%s from it %s held: has "
                        "the page changed shape? (see data/ofsted-site.yaml)",
                t->authority->name, held, held == 1 ? "" : "s", held == 1 ? "is" : "are");
    guint done = 0;
    for (; done < todo->len && !csb_fetch_stopped(f); done++)
        csb_fetch_download(f, todo->pdata[done]);
    if (done < todo->len) {
        f->summary->out_of_time |= csb_http_out_of_time(f->http);
        char *why = g_strdup_printf("%u of its publications were not downloaded: %s",
                                    todo->len - done, stop_reason(f));
        csb_fetch_fail(f, t->authority->name, url, NULL, why);
        g_free(why);
    }
    g_ptr_array_free(todo, TRUE);
    g_ptr_array_free(titles, TRUE);
    g_ptr_array_free(links, TRUE);
    g_free(url);
}
