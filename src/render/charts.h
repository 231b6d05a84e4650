/* charts.h - internals shared by the chart files of the renderer:
 *   charts.c       labels, grade fills, legends, and the dispatch
 *   charts_time.c  charts over time: grade history panels, the timeline
 *   charts_bars.c  the grade matrix, distribution and theme bars
 * Every label is set with pango_layout_set_text, never as markup.
 */
#ifndef CSB_CHARTS_H
#define CSB_CHARTS_H

#include "render.h"

typedef struct {
    cairo_t *cr;
    PangoContext *ctx;
    const char *font;
} ChartPen;

extern const CsbColour chart_ink, chart_muted, chart_rule;

typedef struct {
    double size;
    gboolean bold;
    PangoAlignment align;
    gboolean one_line; /* cut with an ellipsis rather than wrap */
} ChartText;

/* A label laid out in width w (plain text). Caller unrefs. */
PangoLayout *chart_layout(const ChartPen *p, ChartText style, const char *text, double w);
/* Draw text with its top-left at (x, y) in width w; returns its height. */
double chart_label(const ChartPen *p, ChartText style, const char *text, double x, double y,
                   double w, CsbColour ink);
/* Width of text set on one line. */
double chart_text_width(const ChartPen *p, ChartText style, const char *text);
/* "Good", "Req. improvement", "Inadequate", ... for a small cell. */
const char *chart_grade_short(CsbGrade g);
/* The longest wording of a grade that fits width w ("Requires
 * improvement", "Req. improvement", "Req. impr.", "RI"). */
const char *chart_grade_fitting(const ChartPen *p, ChartText style, CsbGrade g, double w);
/* Fill a rectangle with a grade's colour (inadequate hatched). */
void chart_fill_grade(const ChartPen *p, CsbGrade g, double x, double y, double w, double h,
                      double radius);
void chart_set(const ChartPen *p, CsbColour c);
/* Grade swatches with their words, left to right from (x, y); none: also
 * the swatch of a count with no grade (not graded, or not current). */
void chart_grade_legend(const ChartPen *p, double x, double y, double w, gboolean none);

/* Tones of the theme chart: concerns, mixed, strengths. */
CsbColour chart_tone_fill(int tone);
CsbColour chart_tone_ink(int tone);

void chart_history(const ChartPen *p, const CsbChart *c, double x, double y, double w, double h);
void chart_timeline(const ChartPen *p, const CsbChart *c, double x, double y, double w,
                    double h);
/* Rows [from, to) of the matrix; the legend with the last row. */
void chart_matrix(const ChartPen *p, const CsbChart *c, guint from, guint to, double x, double y,
                  double w, double h);
void chart_distribution(const ChartPen *p, const CsbChart *c, double x, double y, double w,
                        double h);
void chart_themes(const ChartPen *p, const CsbChart *c, double x, double y, double w, double h);

#endif
