/* structure.c - the structure tree of a finished PDF, written with libqpdf
 * from the plan the device recorded (tags.c) and the layout's structure:
 * one StructElem per element, in reading order, holding its marked
 * content (MCIDs, across pages) and its link annotations (OBJR), figures
 * with their alternative text and box, header cells with their scope; a
 * ParentTree that maps each page's MCIDs and each annotation back to its
 * element. Cairo's own flat tree is dropped (nothing refers to it, so
 * libqpdf does not write it), and every sequence that belongs to no
 * element is rewritten in the page's content stream as an artifact.
 */
#include "pdf.h"

#include <string.h>
#include <zlib.h>

/* What an element holds on a page: content by MCID, or an annotation. */
typedef struct {
    int page;
    int mcid;       /* -1 for an annotation */
    qpdf_oh annot;
} Item;

typedef struct {
    qpdf_data q;
    const CsbTagPlan *plan;
    guint n;        /* elements */
    qpdf_oh *elem;  /* indirect StructElem of each element */
    GArray **items; /* Item, per element */
    qpdf_oh *pages;
    GString *problem;
    int next_id; /* the next object number free */
} Builder;

static qpdf_oh name(qpdf_data q, const char *n)
{
    return qpdf_oh_new_name(q, n);
}

/* A new indirect object holding direct. Placed by number, past the
 * numbers the file uses: libqpdf's qpdf_make_indirect_object looks
 * through every object of the file for each one it makes, which for a
 * thousand elements costs more than the rest of the finishing. */
static qpdf_oh indirect(Builder *b, qpdf_oh direct)
{
    int id = b->next_id++;
    qpdf_replace_object(b->q, id, 0, direct);
    return qpdf_get_object_by_id(b->q, id, 0);
}

/* ---- content streams ----------------------------------------------------- */

static gboolean rewrite_stream(Builder *b, qpdf_oh stream, const CsbRemarkPage *pg,
                               GArray *seqs)
{
    unsigned char *data = NULL;
    size_t len = 0;
    QPDF_BOOL filtered = QPDF_FALSE;
    if ((qpdf_oh_get_stream_data(b->q, stream, qpdf_dl_generalized, &filtered, &data, &len) &
         QPDF_ERRORS) ||
        !filtered) {
        free(data);
        g_string_append_printf(b->problem, "page %d: its content cannot be read", pg->page + 1);
        return FALSE;
    }
    GString *out = g_string_sized_new(len + 256);
    gboolean ok = csb_render_remark((const char *)data, len, pg, seqs, out, b->problem);
    free(data);
    uLongf zlen = compressBound((uLong)out->len);
    Bytef *z = ok ? g_malloc(zlen) : NULL;
    ok = ok && compress2(z, &zlen, (const Bytef *)out->str, (uLong)out->len, Z_BEST_SPEED) == Z_OK;
    if (ok)
        qpdf_oh_replace_stream_data(b->q, stream, z, zlen, name(b->q, "/FlateDecode"),
                                    qpdf_oh_new_null(b->q));
    g_free(z);
    g_string_free(out, TRUE);
    return ok;
}

/* The page's content with artifacts marked; the sequences its elements
 * keep into seqs (CsbMarked), in the order drawn. */
static gboolean rewrite_page(Builder *b, int page, GArray *seqs)
{
    const GArray *plan = b->plan->mcids->pdata[page];
    int next = (int)plan->len;
    guint *seen = g_new0(guint, plan->len + 1);
    CsbRemarkPage pg = {b->plan->structure, plan, page, &next, seen};
    qpdf_oh contents = qpdf_oh_get_key(b->q, b->pages[page], "/Contents");
    gboolean ok = TRUE;
    if (qpdf_oh_is_array(b->q, contents)) {
        int n = qpdf_oh_get_array_n_items(b->q, contents);
        for (int i = 0; ok && i < n; i++)
            ok = rewrite_stream(b, qpdf_oh_get_array_item(b->q, contents, i), &pg, seqs);
    } else if (qpdf_oh_is_stream(b->q, contents)) {
        ok = rewrite_stream(b, contents, &pg, seqs);
    } else if (plan->len) {
        g_string_append_printf(b->problem, "page %d has no content", page + 1);
        ok = FALSE;
    }
    for (guint m = 0; ok && m < plan->len; m++)
        if (seen[m] != 1) {
            g_string_append_printf(b->problem, "page %d: MCID %u is marked %u times", page + 1,
                                   m, seen[m]);
            ok = FALSE;
        }
    g_free(seen);
    return ok;
}

/* ---- elements ------------------------------------------------------------ */

static void add_item(Builder *b, int node, Item it)
{
    if (node >= 0 && (guint)node < b->n)
        g_array_append_val(b->items[node], it);
}

/* The page's marked content and link annotations into their elements, and
 * the page's entries of the parent tree (key page: its MCIDs; the next
 * keys from *next: its annotations). */
static gboolean collect_page(Builder *b, int page, const GArray *seqs, qpdf_oh nums, int *next)
{
    qpdf_data q = b->q;
    const GArray *links = b->plan->links->pdata[page];
    const GPtrArray *words = b->plan->link_words->pdata[page];
    int last = -1;
    for (guint i = 0; i < seqs->len; i++)
        last = MAX(last, g_array_index(seqs, CsbMarked, i).mcid);
    int *owner = g_new(int, last + 2);
    for (int m = 0; m <= last; m++)
        owner[m] = CSB_ARTIFACT;
    for (guint i = 0; i < seqs->len; i++) {
        const CsbMarked *m = &g_array_index(seqs, CsbMarked, i);
        owner[m->mcid] = m->node;
        add_item(b, m->node, (Item){page, m->mcid, 0});
    }
    qpdf_oh parents = qpdf_oh_new_array(q);
    for (int m = 0; m <= last; m++)
        qpdf_oh_append_item(q, parents, owner[m] >= 0 ? b->elem[owner[m]] : qpdf_oh_new_null(q));
    g_free(owner);
    qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, page));
    qpdf_oh_append_item(q, nums, indirect(b, parents));
    qpdf_oh_replace_key(q, b->pages[page], "/StructParents", qpdf_oh_new_integer(q, page));
    qpdf_oh_replace_key(q, b->pages[page], "/Tabs", name(q, "/S"));
    qpdf_oh annots = qpdf_oh_get_key(q, b->pages[page], "/Annots");
    int n = qpdf_oh_is_array(q, annots) ? qpdf_oh_get_array_n_items(q, annots) : 0;
    guint link = 0;
    for (int i = 0; i < n; i++) {
        qpdf_oh a = qpdf_oh_get_array_item(q, annots, i);
        if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, a, "/Subtype"), "/Link"))
            continue;
        if (link >= links->len) {
            g_string_append_printf(b->problem, "page %d has more links than were drawn",
                                   page + 1);
            return FALSE;
        }
        int node = g_array_index(links, int, link);
        qpdf_oh_replace_key(q, a, "/Contents",
                            qpdf_oh_new_unicode_string(q, words->pdata[link]));
        link++;
        if (node < 0)
            continue;
        qpdf_oh_replace_key(q, a, "/StructParent", qpdf_oh_new_integer(q, *next));
        qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, *next));
        qpdf_oh_append_item(q, nums, b->elem[node]);
        (*next)++;
        add_item(b, node, (Item){page, -1, a});
    }
    if (link != links->len) {
        g_string_append_printf(b->problem, "page %d has %u links, %u were drawn", page + 1,
                               link, links->len);
        return FALSE;
    }
    return TRUE;
}

/* /A for a figure (its box) or a header cell (what it heads). */
static void attributes(Builder *b, qpdf_oh elem, const CsbStructNode *node)
{
    qpdf_data q = b->q;
    if (node->scope != CSB_SCOPE_NONE) {
        qpdf_oh a = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, a, "/O", name(q, "/Table"));
        qpdf_oh_replace_key(q, a, "/Scope",
                            name(q, node->scope == CSB_SCOPE_ROW ? "/Row" : "/Column"));
        qpdf_oh_replace_key(q, elem, "/A", a);
    }
    if (node->alt)
        qpdf_oh_replace_key(q, elem, "/Alt", qpdf_oh_new_unicode_string(q, node->alt));
    if (node->page > 0 && node->w > 0) {
        qpdf_oh a = qpdf_oh_new_dictionary(q), box = qpdf_oh_new_array(q);
        double y0 = b->plan->page_h - node->y - node->h, y1 = b->plan->page_h - node->y;
        double v[] = {node->x, y0, node->x + node->w, y1};
        for (guint i = 0; i < G_N_ELEMENTS(v); i++) {
            char num[32];
            g_snprintf(num, sizeof num, "%.2f", v[i]);
            qpdf_oh_append_item(q, box, qpdf_oh_new_real_from_string(q, num));
        }
        qpdf_oh_replace_key(q, a, "/O", name(q, "/Layout"));
        qpdf_oh_replace_key(q, a, "/BBox", box);
        qpdf_oh_replace_key(q, elem, "/A", a);
    }
}

/* /K of an element: its content (an MCID, or a marked-content reference
 * when on another page than its /Pg), its annotations, then its children. */
static void kids(Builder *b, guint i, GArray *children)
{
    qpdf_data q = b->q;
    const GArray *items = b->items[i];
    qpdf_oh k = qpdf_oh_new_array(q);
    int first_page = items->len ? g_array_index(items, Item, 0).page : -1;
    if (first_page >= 0)
        qpdf_oh_replace_key(q, b->elem[i], "/Pg", b->pages[first_page]);
    for (guint j = 0; j < items->len; j++) {
        const Item *it = &g_array_index(items, Item, j);
        if (it->mcid >= 0 && it->page == first_page) {
            qpdf_oh_append_item(q, k, qpdf_oh_new_integer(q, it->mcid));
            continue;
        }
        qpdf_oh ref = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, ref, "/Type", name(q, it->mcid >= 0 ? "/MCR" : "/OBJR"));
        qpdf_oh_replace_key(q, ref, "/Pg", b->pages[it->page]);
        if (it->mcid >= 0)
            qpdf_oh_replace_key(q, ref, "/MCID", qpdf_oh_new_integer(q, it->mcid));
        else
            qpdf_oh_replace_key(q, ref, "/Obj", it->annot);
        qpdf_oh_append_item(q, k, ref);
    }
    for (guint j = 0; j < children->len; j++)
        qpdf_oh_append_item(q, k, b->elem[g_array_index(children, int, j)]);
    qpdf_oh_replace_key(q, b->elem[i], "/K", k);
}

gboolean csb_render_structure(qpdf_data q, const CsbTagPlan *plan, char **problem)
{
    qpdf_oh size = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Size");
    Builder b = {q,    plan, plan->structure->len, NULL, NULL, NULL, g_string_new(NULL),
                 MAX(qpdf_oh_get_int_value_as_int(q, size), 1)};
    int pages = qpdf_get_num_pages(q);
    if (pages < 0 || (guint)pages != plan->mcids->len || b.n == 0) {
        *problem = g_strdup_printf("the PDF has %d pages, %u were drawn", pages,
                                   plan->mcids->len);
        g_string_free(b.problem, TRUE);
        return FALSE;
    }
    b.pages = g_new(qpdf_oh, pages);
    for (int p = 0; p < pages; p++)
        b.pages[p] = qpdf_get_page_n(q, (size_t)p);
    qpdf_oh root = indirect(&b, qpdf_oh_new_dictionary(q));
    b.elem = g_new(qpdf_oh, b.n);
    b.items = g_new(GArray *, b.n);
    GArray **children = g_new(GArray *, b.n);
    for (guint i = 0; i < b.n; i++) {
        const CsbStructNode *node = plan->structure->pdata[i];
        qpdf_oh e = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, e, "/Type", name(q, "/StructElem"));
        char *role = g_strdup_printf("/%s", node->role);
        qpdf_oh_replace_key(q, e, "/S", name(q, role));
        g_free(role);
        b.elem[i] = indirect(&b, e);
        b.items[i] = g_array_new(FALSE, FALSE, sizeof(Item));
        children[i] = g_array_new(FALSE, FALSE, sizeof(int));
        int parent = node->parent;
        if (parent >= 0 && (guint)parent < i)
            g_array_append_val(children[parent], i);
        qpdf_oh_replace_key(q, b.elem[i], "/P", parent >= 0 ? b.elem[parent] : root);
        attributes(&b, b.elem[i], node);
    }
    qpdf_oh nums = qpdf_oh_new_array(q);
    int next = pages;
    gboolean ok = TRUE;
    GArray *seqs = g_array_new(FALSE, FALSE, sizeof(CsbMarked));
    for (int p = 0; ok && p < pages; p++) {
        g_array_set_size(seqs, 0);
        ok = rewrite_page(&b, p, seqs) && collect_page(&b, p, seqs, nums, &next);
    }
    g_array_free(seqs, TRUE);
    for (guint i = 0; ok && i < b.n; i++)
        kids(&b, i, children[i]);
    if (ok) {
        qpdf_oh tree = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, tree, "/Nums", nums);
        qpdf_oh_replace_key(q, root, "/Type", name(q, "/StructTreeRoot"));
        qpdf_oh_replace_key(q, root, "/K", b.elem[0]);
        qpdf_oh_replace_key(q, root, "/ParentTree", indirect(&b, tree));
        qpdf_oh_replace_key(q, root, "/ParentTreeNextKey", qpdf_oh_new_integer(q, next));
        qpdf_oh_replace_key(q, qpdf_get_root(q), "/StructTreeRoot", root);
    }
    for (guint i = 0; i < b.n; i++) {
        g_array_free(b.items[i], TRUE);
        g_array_free(children[i], TRUE);
    }
    g_free(children);
    g_free(b.items);
    g_free(b.elem);
    g_free(b.pages);
    *problem = ok ? NULL : g_strdup(b.problem->str);
    g_string_free(b.problem, TRUE);
    return ok;
}
