/* structure.c - the structure tree of a finished PDF, from the plan the
 * device recorded (tags.c) and the layout's structure: one StructElem per
 * element, in reading order, holding its marked content (MCIDs, across
 * pages) and its link annotations (OBJR), figures with their alternative
 * text and box, header cells with their scope; a ParentTree that maps each
 * page's MCIDs and each annotation back to its element. libqpdf reads
 * Cairo's pages, content streams and annotations; the objects are written
 * as text into the edit of Cairo's file (edit.c): the elements, the pages
 * and annotations with their keys into the parent tree, and each content
 * stream again, every sequence that belongs to no element rewritten as an
 * artifact (marked.c). Cairo's own flat tree is left behind: nothing
 * refers to it any more, so it is not written.
 */
#include "pdf.h"

#include <string.h>

/* What an element holds on a page: content by MCID, or an annotation. */
typedef struct {
    int page;
    int mcid;  /* -1 for an annotation */
    int annot; /* the annotation's object number */
} Item;

typedef struct {
    qpdf_data q;
    CsbPdfEdit *edit;
    const CsbTagPlan *plan;
    guint n;        /* elements */
    int *elem;      /* object number of each element */
    GArray **items; /* Item, per element */
    qpdf_oh *pages;
    int *page_num;  /* object number of each page */
    GString *plain; /* a content stream rewritten, before compression */
    GString *problem;
} Builder;

/* ---- content streams ----------------------------------------------------- */

static gboolean rewrite_stream(Builder *b, qpdf_oh stream, const CsbRemarkPage *pg,
                               GArray *seqs)
{
    unsigned char *data = NULL;
    size_t len = 0;
    QPDF_BOOL filtered = QPDF_FALSE;
    int num = qpdf_oh_get_object_id(b->q, stream);
    if (num <= 0 ||
        (qpdf_oh_get_stream_data(b->q, stream, qpdf_dl_generalized, &filtered, &data, &len) &
         QPDF_ERRORS) ||
        !filtered) {
        free(data);
        g_string_append_printf(b->problem, "page %d: its content cannot be read", pg->page + 1);
        return FALSE;
    }
    g_string_truncate(b->plain, 0);
    gboolean ok = csb_render_remark((const char *)data, len, pg, seqs, b->plain, b->problem);
    free(data);
    if (!ok)
        return FALSE;
    GString *z = csb_pdf_deflate(b->plain->str, b->plain->len);
    /* under its own number: the page's /Contents stays as it is */
    csb_pdf_edit_stream(b->edit, num, "/Filter /FlateDecode", z->str, z->len);
    g_string_free(z, TRUE);
    return TRUE;
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

/* ---- pages and annotations ----------------------------------------------- */

static void add_item(Builder *b, int node, Item it)
{
    if (node >= 0 && (guint)node < b->n)
        g_array_append_val(b->items[node], it);
}

static void write_object(Builder *b, int num, const char *value)
{
    g_string_append(csb_pdf_edit_begin(b->edit, num), value);
    csb_pdf_edit_end(b->edit, num);
}

/* The page's link annotations: what each leads to (/Contents) and its key
 * in the parent tree (from *next, into annot_keys) when it belongs to an
 * element; each written again. */
static gboolean collect_links(Builder *b, int page, GString *annot_keys, int *next)
{
    qpdf_data q = b->q;
    const GArray *links = b->plan->links->pdata[page];
    const GPtrArray *words = b->plan->link_words->pdata[page];
    qpdf_oh annots = qpdf_oh_get_key(q, b->pages[page], "/Annots");
    int n = qpdf_oh_is_array(q, annots) ? qpdf_oh_get_array_n_items(q, annots) : 0;
    guint link = 0;
    for (int i = 0; i < n; i++) {
        qpdf_oh a = qpdf_oh_get_array_item(q, annots, i);
        if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, a, "/Subtype"), "/Link"))
            continue;
        int num = qpdf_oh_get_object_id(q, a);
        if (link >= links->len || num <= 0) {
            g_string_append_printf(b->problem,
                                   num <= 0 ? "page %d has a link that is not an object"
                                            : "page %d has more links than were drawn",
                                   page + 1);
            return FALSE;
        }
        int node = g_array_index(links, int, link);
        qpdf_oh_replace_key(q, a, "/Contents",
                            qpdf_oh_new_unicode_string(q, words->pdata[link]));
        link++;
        if (node < 0) {
            qpdf_oh_remove_key(q, a, "/StructParent"); /* Cairo's, in its tree */
        } else {
            qpdf_oh_replace_key(q, a, "/StructParent", qpdf_oh_new_integer(q, *next));
            g_string_append_printf(annot_keys, "%d %d 0 R\n", *next, b->elem[node]);
            (*next)++;
            add_item(b, node, (Item){page, -1, num});
        }
        write_object(b, num, qpdf_oh_unparse_resolved(q, a));
    }
    if (link != links->len) {
        g_string_append_printf(b->problem, "page %d has %u links, %u were drawn", page + 1,
                               link, links->len);
        return FALSE;
    }
    return TRUE;
}

/* The page's marked content and link annotations into their elements; the
 * page's entry of the parent tree (key page: the elements of its MCIDs)
 * into page_keys, its annotations' into annot_keys; the page written
 * again with its key (/StructParents) and tab order. */
static gboolean collect_page(Builder *b, int page, const GArray *seqs, GString *page_keys,
                             GString *annot_keys, int *next)
{
    qpdf_data q = b->q;
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
    int parents = csb_pdf_edit_number(b->edit);
    GString *out = csb_pdf_edit_begin(b->edit, parents);
    g_string_append_c(out, '[');
    for (int m = 0; m <= last; m++)
        if (owner[m] >= 0)
            g_string_append_printf(out, "%d 0 R ", b->elem[owner[m]]);
        else
            g_string_append(out, "null ");
    g_string_append_c(out, ']');
    csb_pdf_edit_end(b->edit, parents);
    g_free(owner);
    g_string_append_printf(page_keys, "%d %d 0 R\n", page, parents);
    if (!collect_links(b, page, annot_keys, next))
        return FALSE;
    qpdf_oh_replace_key(q, b->pages[page], "/StructParents", qpdf_oh_new_integer(q, page));
    qpdf_oh_replace_key(q, b->pages[page], "/Tabs", qpdf_oh_new_name(q, "/S"));
    write_object(b, b->page_num[page], qpdf_oh_unparse_resolved(q, b->pages[page]));
    return TRUE;
}

/* ---- elements ------------------------------------------------------------ */

/* /A for a figure (its box) or a header cell (what it heads). */
static void attributes(Builder *b, GString *out, const CsbStructNode *node)
{
    if (node->page > 0 && node->w > 0) {
        double y0 = b->plan->page_h - node->y - node->h, y1 = b->plan->page_h - node->y;
        double v[] = {node->x, y0, node->x + node->w, y1};
        g_string_append(out, " /A << /O /Layout /BBox [");
        for (guint i = 0; i < G_N_ELEMENTS(v); i++) {
            char num[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append_printf(out, " %s", g_ascii_formatd(num, sizeof num, "%.2f", v[i]));
        }
        g_string_append(out, " ] >>");
    } else if (node->scope != CSB_SCOPE_NONE) {
        g_string_append_printf(out, " /A << /O /Table /Scope /%s >>",
                               node->scope == CSB_SCOPE_ROW ? "Row" : "Column");
    }
    if (node->alt) {
        g_string_append(out, " /Alt ");
        csb_pdf_text_string(out, node->alt);
    }
}

/* Element i: its role, parent, attributes and /K: its content (an MCID,
 * or a marked-content reference when on another page than its /Pg), its
 * annotations, then its children. */
static void write_element(Builder *b, guint i, int parent, GArray *children)
{
    const CsbStructNode *node = b->plan->structure->pdata[i];
    const GArray *items = b->items[i];
    GString *out = csb_pdf_edit_begin(b->edit, b->elem[i]);
    g_string_append(out, "<< /Type /StructElem /S ");
    csb_pdf_name(out, node->role);
    g_string_append_printf(out, " /P %d 0 R", parent);
    int first_page = items->len ? g_array_index(items, Item, 0).page : -1;
    if (first_page >= 0)
        g_string_append_printf(out, " /Pg %d 0 R", b->page_num[first_page]);
    attributes(b, out, node);
    g_string_append(out, "\n/K [");
    for (guint j = 0; j < items->len; j++) {
        const Item *it = &g_array_index(items, Item, j);
        if (it->mcid >= 0 && it->page == first_page)
            g_string_append_printf(out, " %d", it->mcid);
        else if (it->mcid >= 0)
            g_string_append_printf(out, " << /Type /MCR /Pg %d 0 R /MCID %d >>",
                                   b->page_num[it->page], it->mcid);
        else
            g_string_append_printf(out, " << /Type /OBJR /Pg %d 0 R /Obj %d 0 R >>",
                                   b->page_num[it->page], it->annot);
    }
    for (guint j = 0; j < children->len; j++)
        g_string_append_printf(out, " %d 0 R", b->elem[g_array_index(children, int, j)]);
    g_string_append(out, " ] >>");
    csb_pdf_edit_end(b->edit, b->elem[i]);
}

gboolean csb_render_structure(qpdf_data q, CsbPdfEdit *edit, const CsbTagPlan *plan, int *root,
                              GString *problem)
{
    Builder b = {q, edit, plan, plan->structure->len, NULL, NULL, NULL, NULL, NULL, problem};
    int pages = qpdf_get_num_pages(q);
    if (pages < 0 || (guint)pages != plan->mcids->len || b.n == 0) {
        g_string_append_printf(problem, "the PDF has %d pages, %u were drawn", pages,
                               plan->mcids->len);
        return FALSE;
    }
    b.pages = g_new(qpdf_oh, pages);
    b.page_num = g_new(int, pages);
    for (int p = 0; p < pages; p++) {
        b.pages[p] = qpdf_get_page_n(q, (size_t)p);
        b.page_num[p] = qpdf_oh_get_object_id(q, b.pages[p]);
    }
    *root = csb_pdf_edit_number(edit);
    b.elem = g_new(int, b.n);
    b.items = g_new(GArray *, b.n);
    GArray **children = g_new(GArray *, b.n);
    for (guint i = 0; i < b.n; i++) {
        const CsbStructNode *node = plan->structure->pdata[i];
        b.elem[i] = csb_pdf_edit_number(edit);
        b.items[i] = g_array_new(FALSE, FALSE, sizeof(Item));
        children[i] = g_array_new(FALSE, FALSE, sizeof(int));
        if (node->parent >= 0 && (guint)node->parent < i)
            g_array_append_val(children[node->parent], i);
    }
    GString *page_keys = g_string_new(NULL), *annot_keys = g_string_new(NULL);
    b.plain = g_string_new(NULL);
    int next = pages; /* the annotations' keys follow the pages' */
    gboolean ok = TRUE;
    GArray *seqs = g_array_new(FALSE, FALSE, sizeof(CsbMarked));
    for (int p = 0; ok && p < pages; p++) {
        g_array_set_size(seqs, 0);
        ok = rewrite_page(&b, p, seqs) &&
             collect_page(&b, p, seqs, page_keys, annot_keys, &next);
    }
    g_array_free(seqs, TRUE);
    for (guint i = 0; ok && i < b.n; i++) {
        int parent = ((const CsbStructNode *)plan->structure->pdata[i])->parent;
        write_element(&b, i, parent >= 0 && (guint)parent < b.n ? b.elem[parent] : *root,
                      children[i]);
    }
    if (ok) {
        int tree = csb_pdf_edit_number(edit);
        GString *out = csb_pdf_edit_begin(edit, tree);
        g_string_append_printf(out, "<< /Nums [\n%s%s] >>", page_keys->str, annot_keys->str);
        csb_pdf_edit_end(edit, tree);
        out = csb_pdf_edit_begin(edit, *root);
        g_string_append_printf(out,
                               "<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R "
                               "/ParentTreeNextKey %d >>",
                               b.elem[0], tree, next);
        csb_pdf_edit_end(edit, *root);
    }
    for (guint i = 0; i < b.n; i++) {
        g_array_free(b.items[i], TRUE);
        g_array_free(children[i], TRUE);
    }
    g_string_free(page_keys, TRUE);
    g_string_free(annot_keys, TRUE);
    g_string_free(b.plain, TRUE);
    g_free(children);
    g_free(b.items);
    g_free(b.elem);
    g_free(b.pages);
    g_free(b.page_num);
    return ok;
}
