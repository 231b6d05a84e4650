/* marked.c - the marked content of one page's content stream, rewritten
 * for the structure tree (structure.c):
 *   - a sequence of no element ("/Tag << /MCID n >> BDC" whose n the plan
 *     gives CSB_ARTIFACT) becomes "/Artifact BMC";
 *   - marked content Cairo nests in an element's sequence (an /ActualText
 *     span for a ligature, or for the space a line break leaves) is taken
 *     out of it: the sequence is closed before the span and the span's own
 *     content is a new sequence of the same element inside it (readers that
 *     end a sequence at the first EMC, as poppler's does, then read it
 *     whole), and the element's next sequence opens after it; a sequence
 *     left empty by that is dropped;
 *   - every sequence an element keeps is listed in order, with its MCID
 *     (the new ones numbered after the plan's), so the element lists its
 *     content in the order it is drawn.
 * The stream is read token by token (strings, names, dictionaries), so
 * text that spells "EMC" is never taken for the operator.
 */
#include "render.h"

#include <string.h>

typedef enum { FRAME_ELEMENT, FRAME_SPAN, FRAME_OTHER } FrameKind;

typedef struct {
    FrameKind kind;
    int node;       /* FRAME_ELEMENT, FRAME_SPAN: the element */
    gsize opened;   /* FRAME_ELEMENT: the output's length after its BDC */
    guint listed;   /* FRAME_ELEMENT: its entry in seqs */
} Frame;

typedef struct {
    const GPtrArray *structure;
    const GArray *plan;
    int page;
    GArray *seqs;     /* CsbMarked */
    GString *out;
    GArray *stack;    /* Frame */
    int *next_mcid;
    guint *seen;      /* per MCID of the plan: how often it begins */
    GString *problem;
} Remark;

static gboolean is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static gboolean is_delim(char c)
{
    return strchr("()<>[]{}/%", c) != NULL;
}

static const char *role(const Remark *r, int node)
{
    return ((const CsbStructNode *)r->structure->pdata[node])->role;
}

/* Operators start on a line of their own. */
static void new_line(Remark *r)
{
    if (r->out->len && !is_space(r->out->str[r->out->len - 1]))
        g_string_append_c(r->out, '\n');
}

/* Open a sequence of node numbered mcid. */
static void open_element(Remark *r, int node, int mcid)
{
    new_line(r);
    g_string_append_printf(r->out, "/%s << /MCID %d >> BDC\n", role(r, node), mcid);
    CsbMarked m = {mcid, node};
    Frame f = {FRAME_ELEMENT, node, r->out->len, r->seqs->len};
    g_array_append_val(r->seqs, m);
    g_array_append_val(r->stack, f);
}

/* Whether nothing but white space was written since at. */
static gboolean empty_since(const Remark *r, gsize at)
{
    for (gsize i = at; i < r->out->len; i++)
        if (!is_space(r->out->str[i]))
            return FALSE;
    return TRUE;
}

/* Close the element's sequence on top of the stack: dropped when empty. */
static void close_element(Remark *r)
{
    Frame f = g_array_index(r->stack, Frame, r->stack->len - 1);
    g_array_set_size(r->stack, r->stack->len - 1);
    if (empty_since(r, f.opened) && f.listed + 1 == r->seqs->len) {
        /* Back to before its BDC (the line it is on). */
        gsize cut = f.opened;
        while (cut > 0 && r->out->str[cut - 1] != '\n')
            cut--;
        if (cut > 0)
            cut--;
        while (cut > 0 && r->out->str[cut - 1] != '\n')
            cut--;
        g_string_truncate(r->out, cut);
        g_array_set_size(r->seqs, f.listed);
        return;
    }
    new_line(r);
    g_string_append(r->out, "EMC\n");
}

static Frame *top(Remark *r)
{
    return r->stack->len ? &g_array_index(r->stack, Frame, r->stack->len - 1) : NULL;
}

/* A BDC or BMC whose operands (tag and properties) are ops. */
static gboolean begin_marked(Remark *r, const char *ops)
{
    const char *mc = strstr(ops, "/MCID");
    Frame *t = top(r);
    new_line(r);
    if (mc) {
        long mcid = strtol(mc + 5, NULL, 10);
        if (mcid < 0 || mcid >= (long)r->plan->len) {
            g_string_append_printf(r->problem, "page %d: MCID %ld was not drawn", r->page + 1,
                                   mcid);
            return FALSE;
        }
        if (t) {
            g_string_append_printf(r->problem,
                                   "page %d: MCID %ld is inside other marked content",
                                   r->page + 1, mcid);
            return FALSE;
        }
        r->seen[mcid]++;
        int node = g_array_index(r->plan, int, mcid);
        if (node == CSB_ARTIFACT) {
            g_string_append(r->out, "/Artifact BMC\n");
            Frame f = {FRAME_OTHER, CSB_ARTIFACT, 0, 0};
            g_array_append_val(r->stack, f);
        } else {
            open_element(r, node, (int)mcid);
        }
        return TRUE;
    }
    if (t && t->kind == FRAME_ELEMENT) {
        /* Out of the element's sequence, into the span, and the span's
         * content a sequence of the same element. */
        int node = t->node;
        close_element(r);
        g_string_append(r->out, ops);
        Frame f = {FRAME_SPAN, node, 0, 0};
        g_array_append_val(r->stack, f);
        open_element(r, node, (*r->next_mcid)++);
        return TRUE;
    }
    g_string_append(r->out, ops);
    Frame f = {FRAME_OTHER, CSB_ARTIFACT, 0, 0};
    g_array_append_val(r->stack, f);
    return TRUE;
}

static gboolean end_marked(Remark *r)
{
    Frame *t = top(r);
    if (!t) {
        g_string_append_printf(r->problem, "page %d: EMC without BDC", r->page + 1);
        return FALSE;
    }
    if (t->kind == FRAME_ELEMENT) {
        close_element(r);
        Frame *s = top(r);
        if (s && s->kind == FRAME_SPAN) { /* the span ends: the element goes on */
            int node = s->node;
            g_array_set_size(r->stack, r->stack->len - 1);
            new_line(r);
            g_string_append(r->out, "EMC\n");
            open_element(r, node, (*r->next_mcid)++);
        }
        return TRUE;
    }
    g_array_set_size(r->stack, r->stack->len - 1);
    new_line(r);
    g_string_append(r->out, "EMC\n");
    return TRUE;
}

/* An inline image's data, from after "ID" to its "EI": copied as it is. */
static const char *inline_image(GString *out, const char *p, const char *end)
{
    for (const char *q = p; q + 2 <= end; q++)
        if (q[0] == 'E' && q[1] == 'I' && q > p && is_space(q[-1]) &&
            (q + 2 == end || is_space(q[2]))) {
            g_string_append_len(out, p, q + 2 - p);
            return q + 2;
        }
    g_string_append_len(out, p, end - p);
    return end;
}

/* The end of a token starting at p (strings, hex strings and dictionaries
 * whole). */
static const char *token_end(const char *p, const char *end)
{
    if (*p == '(') {
        int depth = 0;
        for (; p < end; p++) {
            if (*p == '\\') {
                p++;
                continue;
            }
            depth += *p == '(';
            depth -= *p == ')';
            if (depth == 0)
                return p + 1;
        }
        return end;
    }
    if (*p == '<' && p + 1 < end && p[1] == '<')
        return p + 2;
    if (*p == '>' && p + 1 < end && p[1] == '>')
        return p + 2;
    if (*p == '<') {
        const char *q = memchr(p, '>', (size_t)(end - p));
        return q ? q + 1 : end;
    }
    if (*p == '%') {
        while (p < end && *p != '\n' && *p != '\r')
            p++;
        return p;
    }
    if (*p == '/') {
        p++;
        while (p < end && !is_space(*p) && !is_delim(*p))
            p++;
        return p;
    }
    if (is_delim(*p))
        return p + 1;
    while (p < end && !is_space(*p) && !is_delim(*p))
        p++;
    return p;
}

static gboolean is_operator(const char *p)
{
    return g_ascii_isalpha(*p) || *p == '\'' || *p == '"';
}

gboolean csb_render_remark(const char *data, gsize len, const CsbRemarkPage *pg, GArray *seqs,
                           GString *out, GString *problem)
{
    Remark r = {pg->structure, pg->plan,  pg->page,      seqs,
                out,           g_array_new(FALSE, FALSE, sizeof(Frame)),
                pg->next_mcid, pg->seen,  problem};
    const char *p = data, *end = data + len;
    gsize operands = out->len; /* where the current operator's operands start */
    gboolean ok = TRUE;
    while (ok && p < end) {
        if (is_space(*p)) {
            g_string_append_c(out, *p++);
            continue;
        }
        const char *e = token_end(p, end);
        gboolean op = is_operator(p);
        gsize n = (gsize)(e - p);
        if (op && n == 3 && (!memcmp(p, "BDC", 3) || !memcmp(p, "BMC", 3))) {
            char *ops = g_strdup_printf("%.*s %.3s", (int)(out->len - operands),
                                        out->str + operands, p);
            g_string_truncate(out, operands);
            g_strstrip(ops);
            char *line = g_strconcat(ops, "\n", NULL);
            ok = begin_marked(&r, line);
            g_free(line);
            g_free(ops);
        } else if (op && n == 3 && !memcmp(p, "EMC", 3)) {
            g_string_truncate(out, operands);
            ok = end_marked(&r);
        } else {
            g_string_append_len(out, p, (gssize)n);
            if (op && n == 2 && !memcmp(p, "ID", 2) && e < end) {
                g_string_append_c(out, *e); /* the one white-space character */
                e = inline_image(out, e + 1, end);
            }
        }
        p = e;
        if (op)
            operands = out->len;
    }
    if (ok && r.stack->len) {
        g_string_append_printf(problem, "page %d: marked content left open", pg->page + 1);
        ok = FALSE;
    }
    g_array_free(r.stack, TRUE);
    return ok;
}
