/* flow_table.c - tables: every cell measured once; a row moves to the next
 * page whole when it does not fit, with the header row repeated at the top
 * of every page the table reaches, never a header alone at the foot of a
 * page, and never one row alone on either side of a break; the table a
 * briefing ends with leaves a quarter of a page on the last page when it
 * breaks (it breaks earlier), or, when it is too short for that, breaks
 * after its first two rows. A row taller
 * than a whole page is broken by lines, cell by cell, and goes on under a
 * repeated header. Grade cells show their words on a badge of the grade's
 * colour; trend cells start with an arrow.
 *
 * Structure: Table, THead (the header row, its cells TH heading their
 * columns), TBody with a TR per row and a TD per cell (in a table with no
 * header row, the first cell of each row is a TH heading its row); a cell
 * that links holds a Link. A header repeated on a later page, badges,
 * arrows, shading and rules are decoration.
 */
#include "flow.h"

#define BADGE_X 3.0  /* badge padding around a grade's words */
#define BADGE_Y 1.5
#define TREND_W 11.0 /* room for a trend arrow before a cell's text */

typedef struct {
    PangoLayout **cells;
    double height;
} Row;

/* The structure elements of one row: each cell's, and the Link inside it
 * (-1 when it has none); NULL for a header repeated on a later page. */
typedef struct {
    int *cell, *link;
} RowNodes;

struct FlowTable {
    const CsbTable *t;
    gboolean has_header;
    Row head;
    Row *rows;
    int table, body;   /* structure elements: Table, TBody (-1 until made) */
    gboolean headed;   /* the header row has been placed once */
    double tail;       /* the height its last part needs when it breaks: its
                          header and rows (0: any two rows do) */
    gboolean early;    /* the table a briefing ends with may break after its
                          first two rows whatever its tail (a pass that tries
                          to save a page: Flow.short_last_breaks) */
};

/* The table a briefing ends with, when it breaks, leaves at least this
 * share of a page on the last page: a last page holding the last two rows
 * of the sources under their header, and blank below, is the gap a reader
 * notices at the end. */
#define LAST_SHARE 0.25

static const CsbTableCell *cell_at(GPtrArray *cells, int c)
{
    return (guint)c < cells->len ? cells->pdata[c] : NULL;
}

static double text_inset(const CsbTableCell *cell)
{
    return (cell && cell->trend ? TREND_W : 0) + (cell && cell->grade ? BADGE_X : 0);
}

static PangoAlignment pango_align(CsbAlign a)
{
    return a == CSB_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
           : a == CSB_ALIGN_CENTRE ? PANGO_ALIGN_CENTER
                                   : PANGO_ALIGN_LEFT;
}

static Row measure_row(Flow *f, const CsbTable *t, GPtrArray *cells, gboolean header)
{
    Row r = {g_new0(PangoLayout *, t->columns), 0};
    for (int c = 0; c < t->columns; c++) {
        const CsbTableCell *cell = cell_at(cells, c);
        if (!cell)
            continue;
        FlowFont font = {.family = f->t->font_body,
                         .size = t->large ? f->t->size_body : f->t->size_table,
                         .bold = header || cell->grade,
                         .align = pango_align(t->align[c]),
                         .spacing = 1.15f};
        double w = t->widths[c] * f->width - 2 * FLOW_PAD - text_inset(cell) -
                   (cell->grade ? BADGE_X : 0);
        r.cells[c] = flow_layout_rich(f, cell->text, font, MAX(w, 10));
        double h = flow_layout_height(r.cells[c]) + 2 * FLOW_PAD + 2 * BADGE_Y;
        r.height = MAX(r.height, h);
    }
    if (r.height == 0)
        r.height = f->t->size_table + 2 * FLOW_PAD + 2 * BADGE_Y;
    return r;
}

static void row_clear(Row *r, int columns)
{
    for (int c = 0; r->cells && c < columns; c++)
        if (r->cells[c])
            g_object_unref(r->cells[c]);
    g_free(r->cells);
}

FlowTable *flow_table_measure(Flow *f, const CsbTable *t, gboolean last)
{
    FlowTable *ft = g_new0(FlowTable, 1);
    ft->t = t;
    ft->table = ft->body = -1;
    for (int c = 0; c < t->columns; c++)
        ft->has_header |= t->header->pdata[c] != NULL;
    if (ft->has_header)
        ft->head = measure_row(f, t, t->header, TRUE);
    ft->rows = g_new0(Row, t->rows->len);
    for (guint i = 0; i < t->rows->len; i++)
        ft->rows[i] = measure_row(f, t, t->rows->pdata[i], FALSE);
    if (last) {
        ft->tail = (f->bottom - f->top) * LAST_SHARE;
        ft->early = f->short_last_breaks;
    }
    return ft;
}

void flow_table_free(FlowTable *ft)
{
    if (!ft)
        return;
    row_clear(&ft->head, ft->t->columns);
    for (guint i = 0; i < ft->t->rows->len; i++)
        row_clear(&ft->rows[i], ft->t->columns);
    g_free(ft->rows);
    g_free(ft);
}

/* A row taller than a quarter of a page may start in the room left at the
 * foot of one and be broken by lines (a long finding need not leave half a
 * page empty). */
static gboolean tall(const Flow *f, const Row *r)
{
    return r->height > (f->bottom - f->top) * 0.25;
}

/* May the table break after row i? Not with one row alone on either side:
 * under the header at the foot of a page, or under the repeated header at
 * the top of the next; nor, in the table a briefing ends with, with less
 * than its tail after the break, unless the pass allows a short last table
 * its earliest break (after its first two rows, the most a break can leave
 * on the last page: Flow.short_last_breaks, tried only to save a page). */
static gboolean may_break_after(const FlowTable *ft, guint i)
{
    guint n = ft->t->rows->len;
    if (i < 1 || n - i - 1 < 2)
        return FALSE;
    if (i == 1 && ft->early)
        return TRUE;
    double after = ft->head.height;
    for (guint j = i + 1; j < n && after < ft->tail; j++)
        after += ft->rows[j].height;
    return after >= ft->tail;
}

/* The height of the rows that must follow row i on its page: up to the
 * next place the table may break (a tall row may always be broken). */
static double kept_with(const Flow *f, const FlowTable *ft, guint i)
{
    double h = 0;
    for (guint j = i; j + 1 < ft->t->rows->len && !may_break_after(ft, j); j++) {
        if (tall(f, &ft->rows[j]) || tall(f, &ft->rows[j + 1]))
            break;
        h += ft->rows[j + 1].height;
    }
    return h;
}

double flow_table_lead(const Flow *f, const FlowTable *ft)
{
    return ft->head.height + (ft->t->rows->len ? ft->rows[0].height + kept_with(f, ft, 0) : 0);
}

/* ---- drawing one row (or one piece of a tall row) ---------------------- */

/* Line ranges of each cell shown by this piece; NULL means all lines. */
typedef struct {
    int *from, *to;
} Lines;

static double lines_height(PangoLayout *l, int from, int to)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    double top = 0, bot = 0;
    int i = 0;
    do {
        int y0, y1;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        if (i == from)
            top = (double)y0 / PANGO_SCALE;
        if (i == to - 1)
            bot = (double)y1 / PANGO_SCALE;
        i++;
    } while (i < to && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return bot - top;
}

static double line_top(PangoLayout *l, int line)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    for (int i = 0; i < line && pango_layout_iter_next_line(it); i++)
        ;
    int y0, y1;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    pango_layout_iter_free(it);
    return (double)y0 / PANGO_SCALE;
}

static void badge(Flow *f, const CsbTableCell *cell, PangoLayout *l, double x, double y,
                  double h)
{
    PangoRectangle ink, logical;
    pango_layout_get_extents(l, &ink, &logical);
    double w = (double)logical.width / PANGO_SCALE;
    double lx = (double)logical.x / PANGO_SCALE;
    CsbBox *b = flow_box(f, CSB_BOX_RECT, x + lx - BADGE_X, y - BADGE_Y, w + 2 * BADGE_X,
                         h + 2 * BADGE_Y);
    b->colour = csb_grade_fill(cell->grade);
    b->hatch = cell->grade == CSB_GRADE_INADEQUATE;
    b->radius = 2.5;
}

/* The elements of a row of cells under a new TR of parent. */
static RowNodes row_nodes(Flow *f, const FlowTable *ft, GPtrArray *cells, int parent,
                          gboolean header)
{
    int n = ft->t->columns;
    RowNodes rn = {g_new(int, n), g_new(int, n)};
    int tr = flow_node(f, parent, "TR");
    for (int c = 0; c < n; c++) {
        gboolean heads_row = !header && !ft->has_header && c == 0;
        rn.cell[c] = flow_node(f, tr, header || heads_row ? "TH" : "TD");
        if (header || heads_row)
            ((CsbStructNode *)f->out->structure->pdata[rn.cell[c]])->scope =
                header ? CSB_SCOPE_COLUMN : CSB_SCOPE_ROW;
        const CsbTableCell *cell = cell_at(cells, c);
        rn.link[c] = cell && cell->link ? flow_node(f, rn.cell[c], "Link") : -1;
    }
    return rn;
}

static void row_nodes_clear(RowNodes *rn)
{
    g_free(rn->cell);
    g_free(rn->link);
}

static void place_cells(Flow *f, const FlowTable *ft, GPtrArray *cells, const Row *r,
                        const RowNodes *nodes, gboolean header, Lines lines, double height)
{
    const CsbTable *t = ft->t;
    if (header) {
        CsbBox *bg = flow_box(f, CSB_BOX_RECT, f->left, f->y, f->width, height);
        bg->colour = f->t->shade;
    }
    double x = f->left;
    for (int c = 0; c < t->columns; c++) {
        double w = t->widths[c] * f->width;
        const CsbTableCell *cell = cell_at(cells, c);
        PangoLayout *l = r->cells[c];
        int owner = !nodes ? CSB_ARTIFACT
                    : cell && cell->link ? nodes->link[c]
                                         : nodes->cell[c];
        int before = flow_owner(f, owner);
        if (cell && l) {
            int from = lines.from ? lines.from[c] : 0;
            int to = lines.to ? lines.to[c] : pango_layout_get_line_count(l);
            double tx = x + FLOW_PAD + text_inset(cell);
            double ty = f->y + FLOW_PAD + BADGE_Y; /* every cell, so baselines line up */
            if (from < to) {
                CsbColour ink = f->t->ink;
                if (cell->grade) {
                    badge(f, cell, l, tx, ty, lines_height(l, from, to));
                    ink = csb_grade_ink(cell->grade);
                }
                if (cell->trend && from == 0) {
                    CsbBox *a = flow_box(f, CSB_BOX_TREND, x + FLOW_PAD, ty,
                                         TREND_W - 2, lines_height(l, 0, 1));
                    a->trend = cell->trend;
                    a->colour = f->t->ink;
                }
                CsbBox *b = flow_box(f, CSB_BOX_TEXT, tx, ty - line_top(l, from),
                                     (double)pango_layout_get_width(l) / PANGO_SCALE, height);
                b->layout = g_object_ref(l);
                b->line_from = from;
                b->line_to = to;
                b->colour = ink;
            }
            if (cell->link && nodes) {
                CsbBox *lk = flow_box(f, CSB_BOX_LINK, x, f->y, w, height);
                lk->target = g_strdup(cell->link);
            }
        }
        flow_owner(f, before);
        x += w;
    }
    f->y += height;
    CsbBox *rule = flow_box(f, CSB_BOX_RULE, f->left, f->y, f->width, 0);
    rule->colour = header ? f->t->accent : f->t->rule;
    rule->width = header ? 0.9 : 0.4;
}

/* The header row: its elements the first time, decoration when repeated. */
static void header(Flow *f, FlowTable *ft)
{
    if (!ft->has_header)
        return;
    RowNodes rn = {NULL, NULL};
    if (!ft->headed)
        rn = row_nodes(f, ft, ft->t->header, flow_node(f, ft->table, "THead"), TRUE);
    place_cells(f, ft, ft->t->header, &ft->head, ft->headed ? NULL : &rn, TRUE,
                (Lines){NULL, NULL}, ft->head.height);
    ft->headed = TRUE;
    row_nodes_clear(&rn);
}

/* Lines of a cell to show from `from` when k fit: no line alone at either
 * side of the break (unless it is the cell's only line). */
static int cell_break(int from, int k, int count)
{
    if (k >= count)
        return count;
    if (count - k < 2 && k - from > 2)
        k = count - 2;
    if (k - from < 2 && count - from > 1)
        k = from;
    return k;
}

/* A tall row broken by lines: as many lines of each cell as fit, then a
 * new page with the header, until every cell is shown. */
static void place_tall_row(Flow *f, FlowTable *ft, GPtrArray *cells, const Row *r,
                           const RowNodes *nodes, gboolean at_top)
{
    int n = ft->t->columns;
    Lines lines = {g_new0(int, n), g_new0(int, n)};
    int *count = g_new0(int, n);
    for (int c = 0; c < n; c++)
        count[c] = r->cells[c] ? pango_layout_get_line_count(r->cells[c]) : 0;
    for (;;) {
        double avail = f->bottom - f->y - 2 * FLOW_PAD - 2 * BADGE_Y, height = 0;
        gboolean more = FALSE, progress = FALSE;
        for (int c = 0; c < n; c++) {
            int k = lines.from[c];
            while (k < count[c] && lines_height(r->cells[c], lines.from[c], k + 1) <= avail)
                k++;
            lines.to[c] = cell_break(lines.from[c], k, count[c]);
            progress |= lines.to[c] > lines.from[c];
        }
        if (!progress && !at_top) { /* not even two lines here: start on the next page */
            flow_new_page(f);
            header(f, ft);
            at_top = TRUE;
            continue;
        }
        if (!progress) /* a line taller than a page: show it anyway */
            for (int c = 0; c < n; c++)
                if (lines.from[c] < count[c]) {
                    lines.to[c] = lines.from[c] + 1;
                    break;
                }
        for (int c = 0; c < n; c++) {
            if (lines.to[c] > lines.from[c])
                height = MAX(height, lines_height(r->cells[c], lines.from[c], lines.to[c]));
            more |= lines.to[c] < count[c];
        }
        place_cells(f, ft, cells, r, nodes, FALSE, lines, height + 2 * FLOW_PAD + 2 * BADGE_Y);
        if (!more)
            break;
        for (int c = 0; c < n; c++)
            lines.from[c] = lines.to[c];
        flow_new_page(f);
        header(f, ft);
        at_top = TRUE;
    }
    g_free(lines.from);
    g_free(lines.to);
    g_free(count);
}

void flow_table(Flow *f, const CsbTable *t, FlowTable *ft)
{
    gboolean fresh = TRUE; /* the header is still to be placed on this page */
    ft->table = flow_node(f, f->sect, "Table");
    for (guint i = 0; i < t->rows->len; i++) {
        GPtrArray *cells = t->rows->pdata[i];
        const Row *r = &ft->rows[i];
        double need = r->height + (fresh ? ft->head.height : 0) + kept_with(f, ft, i);
        /* A tall row starts in the room left when that room is worth using. */
        gboolean split_here =
            !fresh && tall(f, r) && f->bottom - f->y > (f->bottom - f->top) * 0.15;
        if (f->y + need > f->bottom && !flow_page_is_empty(f) && !split_here) {
            flow_new_page(f);
            fresh = TRUE;
        }
        gboolean fresh_page = fresh && flow_page_is_empty(f);
        if (fresh)
            header(f, ft);
        fresh = FALSE;
        if (ft->body < 0)
            ft->body = flow_node(f, ft->table, "TBody");
        RowNodes rn = row_nodes(f, ft, cells, ft->body, FALSE);
        if (f->y + r->height > f->bottom)
            place_tall_row(f, ft, cells, r, &rn, fresh_page);
        else
            place_cells(f, ft, cells, r, &rn, FALSE, (Lines){NULL, NULL}, r->height);
        row_nodes_clear(&rn);
    }
    if (!t->rows->len)
        header(f, ft);
}
