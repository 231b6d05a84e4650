/* aho_corasick.c - many byte strings found in one pass over a text
 * (Aho and Corasick, 1975): the patterns make a trie; each node's failure
 * link points to the node of its longest proper suffix that is also in
 * the trie, and its dictionary link to the nearest node down that chain
 * where a pattern ends. A scan follows the trie byte by byte, falling back
 * along failure links when it cannot go on, and reports every pattern
 * that ends at each byte, overlapping occurrences included: the same
 * occurrences a strstr from every position would find, in time linear in
 * the text and the matches.
 *
 * Nodes keep their edges sorted by byte in one flat array; the root, where
 * a scan spends most of its time, also has a full table of 256.
 */
#include "themes.h"

#include <string.h>

#define NONE G_MAXUINT

typedef struct {
    guchar byte;
    guint target;
} Edge;

typedef struct {
    guint fail;       /* node of the longest proper suffix in the trie */
    guint dict;       /* nearest node down the failure chain where a pattern ends */
    guint pattern;    /* the pattern ending here, or NONE */
    guint first_edge; /* into edges, after compiling */
    guint n_edges;
    GArray *building; /* Edge: children while patterns are added */
} Node;

struct CsbPatterns {
    GArray *nodes;   /* Node; 0 is the root */
    GArray *edges;   /* Edge, grouped by node, sorted by byte */
    GArray *lengths; /* gsize: each pattern's length, by id */
    guint root_next[256];
    gboolean compiled;
};

static guint node_new(CsbPatterns *p)
{
    Node n = {0, NONE, NONE, 0, 0, g_array_new(FALSE, FALSE, sizeof(Edge))};
    g_array_append_val(p->nodes, n);
    return p->nodes->len - 1;
}

static Node *node_at(const CsbPatterns *p, guint i)
{
    return &g_array_index(p->nodes, Node, i);
}

CsbPatterns *csb_patterns_new(void)
{
    CsbPatterns *p = g_new0(CsbPatterns, 1);
    p->nodes = g_array_new(FALSE, FALSE, sizeof(Node));
    p->edges = g_array_new(FALSE, FALSE, sizeof(Edge));
    p->lengths = g_array_new(FALSE, FALSE, sizeof(gsize));
    node_new(p);
    return p;
}

void csb_patterns_free(CsbPatterns *p)
{
    if (!p)
        return;
    for (guint i = 0; i < p->nodes->len; i++)
        if (node_at(p, i)->building)
            g_array_free(node_at(p, i)->building, TRUE);
    g_array_free(p->nodes, TRUE);
    g_array_free(p->edges, TRUE);
    g_array_free(p->lengths, TRUE);
    g_free(p);
}

/* The child of node i by byte c while building, or NONE. */
static guint child_building(const CsbPatterns *p, guint i, guchar c)
{
    const GArray *e = node_at(p, i)->building;
    for (guint k = 0; k < e->len; k++)
        if (g_array_index(e, Edge, k).byte == c)
            return g_array_index(e, Edge, k).target;
    return NONE;
}

guint csb_patterns_add(CsbPatterns *p, const char *pattern, gsize len)
{
    g_return_val_if_fail(!p->compiled && len > 0, NONE);
    guint at = 0;
    for (gsize i = 0; i < len; i++) {
        guchar c = (guchar)pattern[i];
        guint next = child_building(p, at, c);
        if (next == NONE) {
            next = node_new(p);
            Edge e = {c, next};
            g_array_append_val(node_at(p, at)->building, e);
        }
        at = next;
    }
    Node *n = node_at(p, at);
    if (n->pattern == NONE) {
        n->pattern = p->lengths->len;
        g_array_append_val(p->lengths, len);
    }
    return n->pattern;
}

guint csb_patterns_count(const CsbPatterns *p)
{
    return p->lengths->len;
}

gsize csb_patterns_length(const CsbPatterns *p, guint id)
{
    return g_array_index(p->lengths, gsize, id);
}

static gint edge_cmp(gconstpointer a, gconstpointer b)
{
    return (int)((const Edge *)a)->byte - (int)((const Edge *)b)->byte;
}

/* The child of node i by byte c once compiled, or NONE. */
static guint child(const CsbPatterns *p, guint i, guchar c)
{
    if (i == 0)
        return p->root_next[c];
    const Node *n = node_at(p, i);
    const Edge *e = &g_array_index(p->edges, Edge, n->first_edge);
    for (guint k = 0; k < n->n_edges && e[k].byte <= c; k++)
        if (e[k].byte == c)
            return e[k].target;
    return NONE;
}

void csb_patterns_compile(CsbPatterns *p)
{
    if (p->compiled)
        return;
    /* Edges into one flat array, sorted by byte within each node. */
    for (guint i = 0; i < p->nodes->len; i++) {
        Node *n = node_at(p, i);
        g_array_sort(n->building, edge_cmp);
        n->first_edge = p->edges->len;
        n->n_edges = n->building->len;
        g_array_append_vals(p->edges, n->building->data, n->building->len);
        g_array_free(n->building, TRUE);
        n->building = NULL;
    }
    for (guint c = 0; c < 256; c++)
        p->root_next[c] = NONE;
    const Node *root = node_at(p, 0);
    for (guint k = 0; k < root->n_edges; k++) {
        const Edge *e = &g_array_index(p->edges, Edge, root->first_edge + k);
        p->root_next[e->byte] = e->target;
    }
    p->compiled = TRUE;
    /* Failure and dictionary links, breadth first: a node's links need
     * those of every shallower node. */
    GArray *queue = g_array_new(FALSE, FALSE, sizeof(guint));
    guint zero = 0;
    g_array_append_val(queue, zero);
    for (guint q = 0; q < queue->len; q++) {
        guint u = g_array_index(queue, guint, q);
        const Node *nu = node_at(p, u);
        for (guint k = 0; k < nu->n_edges; k++) {
            const Edge *e = &g_array_index(p->edges, Edge, nu->first_edge + k);
            guint v = e->target, f = 0;
            if (u != 0) {
                guint s = nu->fail;
                while (s != 0 && child(p, s, e->byte) == NONE)
                    s = node_at(p, s)->fail;
                f = child(p, s, e->byte);
                if (f == NONE || f == v)
                    f = 0;
            }
            Node *nv = node_at(p, v);
            nv->fail = f;
            nv->dict = node_at(p, f)->pattern != NONE ? f : node_at(p, f)->dict;
            g_array_append_val(queue, v);
        }
    }
    g_array_free(queue, TRUE);
}

void csb_patterns_scan(const CsbPatterns *p, const char *text, gsize len,
                       void (*hit)(guint id, gsize start, gpointer data), gpointer data)
{
    g_return_if_fail(p->compiled);
    guint at = 0;
    for (gsize i = 0; i < len; i++) {
        guchar c = (guchar)text[i];
        guint next = child(p, at, c);
        while (next == NONE && at != 0) {
            at = node_at(p, at)->fail;
            next = child(p, at, c);
        }
        at = next == NONE ? 0 : next;
        for (guint d = node_at(p, at)->pattern != NONE ? at : node_at(p, at)->dict; d != NONE;
             d = node_at(p, d)->dict) {
            guint id = node_at(p, d)->pattern;
            hit(id, i + 1 - csb_patterns_length(p, id), data);
        }
    }
}
