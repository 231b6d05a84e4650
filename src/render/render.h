/* render.h - drawing a laid-out briefing with Cairo: the output device.
 *
 * Owns: the PDF surface, drawing each box kind (text lines, rectangles with
 * grade hatching, rules, images, charts), links and named destinations,
 * the PDF outline (bookmarks) and document metadata. It makes no layout
 * decision: every position comes from the CsbLayout.
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

/* Write the PDF to path. FALSE with an error in diag on failure (the file
 * may then be incomplete: callers write to a temporary name). */
gboolean csb_render_pdf(const CsbLayout *layout, const char *path, const CsbPdfMeta *meta,
                        CsbDiag *diag);

/* An arrow for a trend, centred in the rectangle (pdf.c). */
void csb_render_trend(cairo_t *cr, CsbTrend trend, double x, double y, double w, double h,
                      CsbColour ink);

/* Draw a chart into the rectangle (charts.c). */
void csb_render_chart(cairo_t *cr, PangoContext *ctx, const char *font, const CsbChart *chart,
                      double x, double y, double w, double h);

#endif
