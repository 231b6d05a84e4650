/* render.h - the writers: output devices, each reading a briefing's
 * document tree (src/doc) and deciding nothing about what it says.
 *
 * Owns:
 *   pdf.c, tags.c, marked.c, structure.c, finish.c  the PDF device: draws
 *       the boxes the flow engine (src/layout) placed with Cairo (text
 *       lines, rectangles with grade hatching, rules, images, charts),
 *       links and named destinations, the outline and metadata, then the
 *       file finished (structure tree, XMP; Cairo's file read with libqpdf
 *       and written again) and checked.
 *       Its internals are in pdf.h; every position comes from the
 *       CsbLayout, it makes no layout decision;
 *   html.c   one accessible HTML page, straight from the tree;
 *   xlsx.c   an .xlsx workbook, straight from the tree;
 *   charts*.c  charts drawn with Cairo and Pango, for the PDF and as the
 *       HTML page's SVG (charts.h).
 * Only the PDF device knows the layout; HTML and xlsx never see it.
 */
#ifndef CSB_RENDER_H
#define CSB_RENDER_H

#include "../doc/doc.h"

#include <pango/pangocairo.h>

/* A laid-out briefing (src/layout/layout.h), for the PDF device. */
typedef struct CsbLayout CsbLayout;

typedef struct {
    const char *title;
    const char *author;   /* the organisation */
    const char *subject;
    const char *keywords;
    const char *creator;  /* "csbrief 0.1.0" */
    const char *date;     /* ISO 8601 "2026-01-01T00:00:00", fixed for determinism */
    const char *font;     /* family for chart labels */
} CsbPdfMeta;

/* ---- the PDF device ---------------------------------------------------- */

/* The finished PDF's bytes (pdf.c: drawn by Cairo into memory, then
 * csb_render_finish), or NULL with an error in diag naming name. */
GBytes *csb_render_pdf_bytes(const CsbLayout *layout, const CsbPdfMeta *meta, const char *name,
                             CsbDiag *diag);
/* The same, written to path (not atomically: the build writes through
 * csb_build_atomic). FALSE with an error in diag on failure. */
gboolean csb_render_pdf(const CsbLayout *layout, const char *path, const CsbPdfMeta *meta,
                        CsbDiag *diag);

/* The check a PDF passes before it replaces the last good one: libqpdf
 * reads it without one complaint (a valid cross-reference table, every
 * object where it says), and poppler opens it; both count pages pages.
 * FALSE with an error in diag saying which failed. */
gboolean csb_render_check(const guchar *pdf, gsize len, int pages, const char *name,
                          CsbDiag *diag);

/* ---- the other writers ------------------------------------------------- */

/* The document as one accessible HTML page (html.c): charts as inline SVG
 * drawn with ctx's fonts (csb_fonts_context); fonts_url, when not NULL,
 * the folder URL the bundled fonts are loaded from (@font-face). */
GString *csb_render_html(const CsbDoc *doc, PangoContext *ctx, const char *fonts_url);
/* The document as an .xlsx workbook (xlsx.c): a sheet per top-level
 * section; meta gives its properties and date. NULL with an error in diag
 * naming name. */
GBytes *csb_render_xlsx(const CsbDoc *doc, const CsbPdfMeta *meta, const char *name,
                        CsbDiag *diag);

/* ---- drawing shared by the devices ------------------------------------ */

/* An arrow for a trend, centred in the rectangle (pdf.c). */
void csb_render_trend(cairo_t *cr, CsbTrend trend, double x, double y, double w, double h,
                      CsbColour ink);

/* Draw a chart into the rectangle (charts.c). */
void csb_render_chart(cairo_t *cr, PangoContext *ctx, const char *font, const CsbChart *chart,
                      double x, double y, double w, double h);
/* Draw rows [from, to) of a chart broken across pages (csb_chart_splits):
 * the title ("(continued)" after the first part), the column headings, the
 * rows and, with the last row, the legend. */
void csb_render_chart_part(cairo_t *cr, PangoContext *ctx, const char *font,
                           const CsbChart *chart, guint from, guint to, double x, double y,
                           double w, double h);

#endif
