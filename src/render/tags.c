/* tags.c - marking what the PDF device draws, for a tagged PDF.
 *
 * Cairo 1.16 marks content (BDC with an MCID) only inside a leaf of its
 * structure tree, and every cairo_tag_begin makes a new element: a
 * paragraph broken across pages, with the next page's furniture drawn in
 * between, cannot stay one element. So the device keeps Cairo's tree flat:
 * under one Document, each run of boxes of one element of the layout's
 * structure is a tag of its own (named for the element's role; "Private"
 * for decoration), each link a Link tag. MCIDs count from 0 on every page
 * in the order the tags begin; this file records, per page, whose each one
 * is, and whose each link annotation is. structure.c then replaces Cairo's
 * tree with the layout's, and turns the decoration into artifacts.
 */
#include "pdf.h"

#include <string.h>

CsbTagPlan *csb_tag_plan_new(const CsbLayout *layout)
{
    CsbTagPlan *p = g_new0(CsbTagPlan, 1);
    p->structure = layout->structure;
    p->outline = layout->outline;
    p->page_h = layout->page_h;
    p->mcids = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    p->links = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    p->link_words = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    return p;
}

void csb_tag_plan_free(CsbTagPlan *p)
{
    if (!p)
        return;
    g_ptr_array_free(p->mcids, TRUE);
    g_ptr_array_free(p->links, TRUE);
    g_ptr_array_free(p->link_words, TRUE);
    g_free(p);
}

char *csb_render_tag_string(const char *s)
{
    GString *out = g_string_new(NULL);
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            g_string_append_c(out, '\\');
        g_string_append_c(out, *s);
    }
    return g_string_free(out, FALSE);
}

void csb_tags_start(CsbTagger *t, cairo_t *cr, CsbTagPlan *plan)
{
    memset(t, 0, sizeof *t);
    t->cr = cr;
    t->plan = plan;
    t->open = CSB_TAGS_NONE;
    cairo_tag_begin(cr, "Document", NULL);
}

void csb_tags_page(CsbTagger *t)
{
    t->mcids = g_array_new(FALSE, FALSE, sizeof(int));
    t->links = g_array_new(FALSE, FALSE, sizeof(int));
    t->link_words = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(t->plan->mcids, t->mcids);
    g_ptr_array_add(t->plan->links, t->links);
    g_ptr_array_add(t->plan->link_words, t->link_words);
}

static const char *tag_name(const CsbTagger *t, int node)
{
    if (node < 0 || (guint)node >= t->plan->structure->len)
        return "Private";
    return ((const CsbStructNode *)t->plan->structure->pdata[node])->role;
}

void csb_tags_close(CsbTagger *t)
{
    if (t->open == CSB_TAGS_NONE)
        return;
    cairo_tag_end(t->cr, tag_name(t, t->open));
    t->open = CSB_TAGS_NONE;
}

void csb_tags_content(CsbTagger *t, int node)
{
    if (node < 0)
        node = CSB_ARTIFACT;
    if (t->open == node)
        return;
    csb_tags_close(t);
    cairo_tag_begin(t->cr, tag_name(t, node), NULL);
    g_array_append_val(t->mcids, node);
    t->open = node;
}

/* What a link leads to, in words: its address, or the heading it goes to. */
static char *link_words(const CsbTagger *t, const char *target)
{
    if (g_str_has_prefix(target, "uri:"))
        return g_strdup_printf("Opens %s", target + 4);
    for (guint i = 0; t->plan->outline && i < t->plan->outline->len; i++) {
        const CsbOutlineEntry *e = t->plan->outline->pdata[i];
        if (strcmp(e->anchor, target + 5) == 0)
            return g_strdup_printf("Goes to \u201C%s\u201D, page %d", e->title, e->page);
    }
    return g_strdup("Goes to a section of this briefing");
}

void csb_tags_link(CsbTagger *t, int node, const CsbBox *b)
{
    gboolean dest = g_str_has_prefix(b->target, "dest:");
    if (!dest && !g_str_has_prefix(b->target, "uri:"))
        return;
    csb_tags_close(t);
    char *value = csb_render_tag_string(b->target + (dest ? 5 : 4));
    char *attrs = g_strdup_printf("rect=[%.2f %.2f %.2f %.2f] %s='%s'", b->x, b->y, b->w, b->h,
                                  dest ? "dest" : "uri", value);
    cairo_tag_begin(t->cr, CAIRO_TAG_LINK, attrs);
    cairo_tag_end(t->cr, CAIRO_TAG_LINK);
    /* The link tag's own (empty) sequence is no one's: an artifact. */
    int none = CSB_ARTIFACT;
    g_array_append_val(t->mcids, none);
    g_array_append_val(t->links, node);
    g_ptr_array_add(t->link_words, link_words(t, b->target));
    g_free(attrs);
    g_free(value);
}

void csb_tags_finish(CsbTagger *t)
{
    csb_tags_close(t);
    cairo_tag_end(t->cr, "Document");
}
