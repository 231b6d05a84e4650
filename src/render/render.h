/* render.h - drawing a laid-out briefing with Cairo: the output device.
 *
 * Owns: the PDF surface, drawing each box kind (text lines, rectangles with
 * grade hatching, rules, images, charts), links and named destinations,
 * the PDF outline (bookmarks) and document metadata; the finishing of
 * the file with libqpdf and its check. It makes no layout decision: every
 * position comes from the CsbLayout.
 */
#ifndef CSB_RENDER_H
#define CSB_RENDER_H

#include "../layout/layout.h"

typedef struct {
    const char *title;
    const char *author;   /* the organisation */
    const char *subject;
    const char *keywords;
    const char *creator;  /* "csbrief 0.1.0" */
    const char *date;     /* ISO 8601 "2026-01-01T00:00:00", fixed for determinism */
    const char *font;     /* family for chart labels */
} CsbPdfMeta;

/* The finished PDF's bytes (pdf.c: drawn by Cairo into memory, then
 * csb_render_finish), or NULL with an error in diag naming name. */
GBytes *csb_render_pdf_bytes(const CsbLayout *layout, const CsbPdfMeta *meta, const char *name,
                             CsbDiag *diag);
/* The same, written to path (not atomically: the build writes through
 * csb_build_atomic). FALSE with an error in diag on failure. */
gboolean csb_render_pdf(const CsbLayout *layout, const char *path, const CsbPdfMeta *meta,
                        CsbDiag *diag);

/* ---- finishing (finish.c) --------------------------------------------- */

/* Cairo's PDF rewritten by libqpdf: every object afresh, a sound
 * cross-reference table, a deterministic /ID (a hash of the content). The
 * place to add what Cairo 1.16 cannot write. NULL with an error in diag. */
GBytes *csb_render_finish(const guchar *pdf, gsize len, const char *name, CsbDiag *diag);
/* The check a PDF passes before it replaces the last good one: libqpdf
 * reads it without one complaint (a valid cross-reference table, every
 * object where it says), and poppler opens it; both count pages pages.
 * FALSE with an error in diag saying which failed. */
gboolean csb_render_check(const guchar *pdf, gsize len, int pages, const char *name,
                          CsbDiag *diag);

/* An arrow for a trend, centred in the rectangle (pdf.c). */
void csb_render_trend(cairo_t *cr, CsbTrend trend, double x, double y, double w, double h,
                      CsbColour ink);

/* Draw a chart into the rectangle (charts.c). */
void csb_render_chart(cairo_t *cr, PangoContext *ctx, const char *font, const CsbChart *chart,
                      double x, double y, double w, double h);

#endif
