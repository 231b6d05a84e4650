/* listing.c - the search listing of every local authority children's
 * services provider, page by page, and the URN of each authority a fetch
 * needs. A listing that changes while it is read (a provider added or
 * removed between two pages shifts the rest, so one is seen twice or not
 * at all) is read again once; an authority the listing does not name, or
 * a listing that cannot be read, falls back on the URN in the authority
 * table, so no authority is lost to the listing.
 */
#include "fetch.h"

#include <string.h>

typedef struct {
    GHashTable *names;  /* urn -> listed name */
    GPtrArray *order;   /* urns, as listed */
    guint pages;
    gboolean repeated;  /* a provider appeared on two pages */
    gboolean unchanged; /* every page was answered 304 */
    char *error;        /* why the listing could not be read to its end */
} Listing;

static void listing_clear(Listing *l)
{
    g_hash_table_destroy(l->names);
    g_ptr_array_free(l->order, TRUE);
    g_free(l->error);
    memset(l, 0, sizeof *l);
}

static void read_listing(CsbFetchFolder *f, Listing *l)
{
    memset(l, 0, sizeof *l);
    l->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    l->order = g_ptr_array_new();
    l->unchanged = TRUE;
    const CsbSite *site = f->site;
    for (guint page = 0; page < site->max_pages; page++) {
        char *url = csb_site_listing_url(site, page * site->page_size);
        gboolean unchanged = FALSE;
        GBytes *body = csb_fetch_page(f, url, &unchanged, &l->error);
        GPtrArray *found = body ? csb_html_providers(site, g_bytes_get_data(body, NULL),
                                                     g_bytes_get_size(body), url)
                                : NULL;
        g_free(url);
        if (body)
            g_bytes_unref(body);
        if (!found)
            break;
        l->pages++;
        l->unchanged &= unchanged;
        for (guint i = 0; i < found->len; i++) {
            CsbListedProvider *p = found->pdata[i];
            if (g_hash_table_contains(l->names, p->urn)) {
                l->repeated = TRUE;
                continue;
            }
            char *key = g_strdup(p->urn);
            g_hash_table_insert(l->names, key, g_strdup(p->name));
            g_ptr_array_add(l->order, key); /* borrowed from names */
        }
        guint n = found->len;
        g_ptr_array_free(found, TRUE);
        if (n < site->page_size)
            return; /* the last page */
    }
    if (!l->error)
        l->error = g_strdup_printf("it has more than %u pages ('max_pages' in the site "
                                   "description)",
                                   site->max_pages);
}

/* The listed URN of an authority: its own when listed, else that of a
 * listed provider whose name is the authority's. */
static const char *listed_urn(const Listing *l, const CsbAuthorities *t, const CsbAuthority *a)
{
    if (a->urn && *a->urn && g_hash_table_contains(l->names, a->urn))
        return a->urn;
    GHashTableIter it;
    gpointer urn, name;
    g_hash_table_iter_init(&it, l->names);
    while (g_hash_table_iter_next(&it, &urn, &name))
        if (csb_authorities_find(t, name) == a)
            return urn;
    return NULL;
}

GHashTable *csb_fetch_listing(CsbFetchFolder *f, const GPtrArray *targets)
{
    Listing l;
    read_listing(f, &l);
    if (l.repeated && !l.error) {
        csb_fetch_warn(f, f->site->path, "Ofsted's listing changed while it was read (a provider was on two pages); "
                "reading it again");
        listing_clear(&l);
        read_listing(f, &l);
    }
    CsbFetchEvent e = {.kind = CSB_FETCH_EVENT_LISTED, .count = g_hash_table_size(l.names),
                       .fresh = l.pages, .unchanged = l.unchanged && l.pages > 0};
    csb_fetch_emit(f, &e);
    if (l.error)
        csb_fetch_warn(f, f->site->path, "the listing of providers could not be read to its end (%s); authorities "
                "not on the pages read are looked for at the URN data/authorities.csv gives",
             l.error);
    else if (l.repeated)
        csb_fetch_warn(f, f->site->path, "Ofsted's listing kept changing while it was read; authorities it missed are "
                "looked for at the URN data/authorities.csv gives");
    const CsbAuthorities *table = f->res->authorities;
    GHashTable *urns = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < targets->len; i++) {
        const CsbFetchTarget *t = targets->pdata[i];
        const CsbAuthority *a = t->authority;
        const char *urn = listed_urn(&l, table, a);
        if (urn && a->urn && *a->urn && strcmp(urn, a->urn) != 0)
            csb_fetch_warn(f, f->site->path, "Ofsted lists %s as URN %s; data/authorities.csv gives %s (using %s)",
                 a->name, urn, a->urn, urn);
        if (!urn && a->urn && *a->urn) {
            urn = a->urn;
            if (!l.error && !l.repeated)
                csb_fetch_warn(f, f->site->path, "%s (URN %s) is not on Ofsted's listing of providers; trying its page",
                     a->name, urn);
        }
        if (urn)
            g_hash_table_insert(urns, g_strdup(urn), (gpointer)a);
        else
            csb_fetch_fail(f, a->name, NULL, NULL,
                           "its URN is not known: Ofsted's listing does not name it and "
                           "data/authorities.csv gives none");
    }
    if (f->everyone) {
        for (guint i = 0; i < l.order->len; i++) {
            const char *urn = l.order->pdata[i];
            const char *name = g_hash_table_lookup(l.names, urn);
            if (!csb_authorities_by_urn(table, urn) && !csb_authorities_find(table, name))
                csb_fetch_warn(f, f->site->path, "Ofsted lists %s (URN %s), which data/authorities.csv does not know; "
                        "add it there to fetch its reports",
                     name, urn);
        }
    }
    listing_clear(&l);
    return urns;
}
