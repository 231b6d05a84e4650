/* marked.c - the marked content of one page's content stream, rewritten
 * for the structure tree (structure.c):
 *   - a sequence of no element ("/Tag << /MCID n >> BDC" whose n the plan
 *     gives CSB_ARTIFACT) becomes "/Artifact BMC";
 *   - an element's sequence holds no other marked content: Cairo nests an
 *     /ActualText span in it for a ligature, or for the space a line break
 *     leaves, and readers that end a sequence at the first EMC (poppler's)
 *     then lose the rest. The sequence is closed before the span, the
 *     span's own content is a new sequence of the same element inside it,
 *     and the element goes on in a new sequence after it. So that every
 *     sequence still nests properly with text objects (ISO 32000-1, 14.6:
 *     BDC ... EMC and BT ... ET each within the other or apart), a
 *     sequence that holds a text object is split at its BT and ET too:
 *     the part inside the text object is a sequence of its own;
 *   - a sequence that paints nothing is dropped (its operators kept);
 *   - every sequence an element keeps is listed in order, with its MCID
 *     (the new ones numbered after the plan's), so the element lists its
 *     content in the order it is drawn.
 * The stream is read token by token (strings, names, dictionaries, inline
 * images), so text that spells "EMC" is never taken for the operator.
 */
#include "pdf.h"

#include <string.h>

typedef enum { FRAME_ELEMENT, FRAME_SPAN, FRAME_OTHER } FrameKind;

typedef struct {
    FrameKind kind;
    int node;         /* FRAME_ELEMENT, FRAME_SPAN: the element */
    gsize line;       /* FRAME_ELEMENT: where its BDC line starts in the output */
    gsize opened;     /* FRAME_ELEMENT: the output's length after it */
    guint listed;     /* FRAME_ELEMENT: its entry in seqs */
    gboolean painted; /* FRAME_ELEMENT: something was drawn in it */
    gboolean in_text; /* FRAME_ELEMENT: opened inside a text object */
} Frame;

typedef struct {
    const GPtrArray *structure;
    const GArray *plan;
    int page;
    GArray *seqs;     /* CsbMarked */
    GString *out;
    GArray *stack;    /* Frame */
    gboolean in_text; /* between BT and ET */
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
    switch (c) {
    case '(': case ')': case '<': case '>': case '[': case ']': case '{': case '}': case '/':
    case '%': case '\0':
        return TRUE;
    default:
        return FALSE;
    }
}

static const char *role(const Remark *r, int node)
{
    return ((const CsbStructNode *)r->structure->pdata[node])->role;
}

static Frame *top(Remark *r)
{
    return r->stack->len ? &g_array_index(r->stack, Frame, r->stack->len - 1) : NULL;
}

static void push(Remark *r, Frame f)
{
    g_array_append_val(r->stack, f);
}

static void pop(Remark *r)
{
    g_array_set_size(r->stack, r->stack->len - 1);
}

/* Operators start on a line of their own. */
static void new_line(Remark *r)
{
    if (r->out->len && !is_space(r->out->str[r->out->len - 1]))
        g_string_append_c(r->out, '\n');
}

static void emit(Remark *r, const char *op)
{
    new_line(r);
    g_string_append(r->out, op);
    g_string_append_c(r->out, '\n');
}

/* Open a sequence of node numbered mcid. */
static void open_element(Remark *r, int node, int mcid)
{
    new_line(r);
    gsize line = r->out->len;
    g_string_append_printf(r->out, "/%s << /MCID %d >> BDC\n", role(r, node), mcid);
    CsbMarked m = {mcid, node};
    g_array_append_val(r->seqs, m);
    push(r, (Frame){FRAME_ELEMENT, node, line, r->out->len, r->seqs->len - 1, FALSE, r->in_text});
}

/* Close the element's sequence on top of the stack; one that painted
 * nothing is taken out (its BDC line), its operators left as they are. */
static void close_element(Remark *r)
{
    Frame f = *top(r);
    pop(r);
    if (!f.painted && f.listed + 1 == r->seqs->len) {
        g_string_erase(r->out, (gssize)f.line, (gssize)(f.opened - f.line));
        g_array_set_size(r->seqs, f.listed);
        return;
    }
    emit(r, "EMC");
}

/* Close the element on top and open it again after op (BT, ET). */
static void split_at(Remark *r, const char *op, gboolean text_after)
{
    int node = top(r)->node;
    close_element(r);
    emit(r, op);
    r->in_text = text_after;
    open_element(r, node, (*r->next_mcid)++);
}

/* A BDC or BMC whose operands (tag and properties) are ops. */
static gboolean begin_marked(Remark *r, const char *ops)
{
    const char *mc = strstr(ops, "/MCID");
    Frame *t = top(r);
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
            emit(r, "/Artifact BMC");
            push(r, (Frame){FRAME_OTHER, CSB_ARTIFACT, 0, 0, 0, FALSE, FALSE});
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
        emit(r, ops);
        push(r, (Frame){FRAME_SPAN, node, 0, 0, 0, FALSE, FALSE});
        open_element(r, node, (*r->next_mcid)++);
        return TRUE;
    }
    emit(r, ops);
    push(r, (Frame){FRAME_OTHER, CSB_ARTIFACT, 0, 0, 0, FALSE, FALSE});
    return TRUE;
}

static gboolean end_marked(Remark *r)
{
    Frame *t = top(r);
    if (!t) {
        g_string_append_printf(r->problem, "page %d: EMC without BDC", r->page + 1);
        return FALSE;
    }
    if (t->kind != FRAME_ELEMENT) {
        pop(r);
        emit(r, "EMC");
        return TRUE;
    }
    close_element(r);
    Frame *s = top(r);
    if (s && s->kind == FRAME_SPAN) { /* the span ends: the element goes on */
        int node = s->node;
        pop(r);
        emit(r, "EMC");
        open_element(r, node, (*r->next_mcid)++);
    }
    return TRUE;
}

/* BT and ET: an element's sequence that began outside the text object is
 * split at its BT, and the one inside it at its ET. */
static void text_object(Remark *r, gboolean begins)
{
    Frame *t = top(r);
    if (t && t->kind == FRAME_ELEMENT && t->in_text != begins) {
        split_at(r, begins ? "BT" : "ET", begins);
        return;
    }
    emit(r, begins ? "BT" : "ET");
    r->in_text = begins;
}

/* ---- tokens -------------------------------------------------------------- */

/* The end of a token starting at p (strings, hex strings and dictionary
 * brackets whole). */
const char *csb_pdf_token_end(const char *p, const char *end)
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
    if ((*p == '<' || *p == '>') && p + 1 < end && p[1] == *p)
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

static gboolean op_is(const char *p, gsize n, const char *op)
{
    return n == strlen(op) && memcmp(p, op, n) == 0;
}

/* Operators that put marks on the page: Tj TJ ' " Do sh f F f* B B* b b*
 * S s EI. */
static gboolean paints(const char *p, gsize n)
{
    if (n == 1)
        return *p && strchr("'\"fFBbSs", *p) != NULL;
    if (n != 2)
        return FALSE;
    static const char *const two[] = {"Tj", "TJ", "Do", "sh", "f*", "B*", "b*", "EI"};
    for (guint i = 0; i < G_N_ELEMENTS(two); i++)
        if (p[0] == two[i][0] && p[1] == two[i][1])
            return TRUE;
    return FALSE;
}

/* The end of an inline image's data, from after "ID": its "EI". */
static const char *inline_image(const char *p, const char *end)
{
    for (const char *q = p; q + 2 <= end; q++)
        if (q[0] == 'E' && q[1] == 'I' && q > p && is_space(q[-1]) &&
            (q + 2 == end || is_space(q[2])))
            return q;
    return end;
}

gboolean csb_render_remark(const char *data, gsize len, const CsbRemarkPage *pg, GArray *seqs,
                           GString *out, GString *problem)
{
    Remark r = {pg->structure, pg->plan, pg->page,     seqs,    out,
                g_array_new(FALSE, FALSE, sizeof(Frame)), FALSE, pg->next_mcid, pg->seen,
                problem};
    const char *p = data, *end = data + len;
    /* What is not rewritten is copied in runs: the input before copied is
     * in out; the current operator's operands start at operands. */
    const char *copied = data, *operands = data;
    gboolean ok = TRUE;
    while (ok && p < end) {
        if (is_space(*p)) {
            p++;
            continue;
        }
        const char *e = csb_pdf_token_end(p, end);
        gboolean op = is_operator(p);
        gsize n = (gsize)(e - p);
        gboolean marked = op && (op_is(p, n, "BDC") || op_is(p, n, "BMC"));
        gboolean ends = op && op_is(p, n, "EMC");
        gboolean text = op && (op_is(p, n, "BT") || op_is(p, n, "ET"));
        if (marked || ends || text) {
            /* The operator and its operands are written anew. */
            g_string_append_len(out, copied, operands - copied);
            copied = e;
        }
        if (marked) {
            char *ops = g_strdup_printf("%.*s %.3s", (int)(p - operands), operands, p);
            ok = begin_marked(&r, g_strstrip(ops));
            g_free(ops);
        } else if (ends) {
            ok = end_marked(&r);
        } else if (text) {
            text_object(&r, op_is(p, n, "BT"));
        } else {
            Frame *t = top(&r);
            if (op && t && t->kind == FRAME_ELEMENT && paints(p, n))
                t->painted = TRUE;
            if (op && op_is(p, n, "ID") && e < end) /* after its one white-space character */
                e = inline_image(e + 1, end);
        }
        p = e;
        if (op)
            operands = p;
    }
    g_string_append_len(out, copied, end - copied);
    if (ok && r.stack->len) {
        g_string_append_printf(problem, "page %d: marked content left open", pg->page + 1);
        ok = FALSE;
    }
    g_array_free(r.stack, TRUE);
    return ok;
}
