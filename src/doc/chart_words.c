/* chart_words.c - what a chart shows, in words: its title and every value
 * it draws, from the same rows and marks the renderer draws. A figure's
 * alternative text (tagged PDF, HTML) and what a workbook says of it.
 */
#include "doc.h"

#include <math.h>

/* A time axis position (csb_fmt_year: year + (month - 1) / 12 + (day - 1) / 365)
 * as "Mar 2018": the day's share is under a twelfth, so the month is exact. */
static void append_when(GString *s, double x)
{
    int year = (int)floor(x);
    int month = CLAMP((int)floor((x - year) * 12 + 1e-6), 0, 11);
    g_string_append_printf(s, "%.3s %d", csb_month_name(month + 1), year);
}

static const char *trend_words(CsbTrend t)
{
    switch (t) {
    case CSB_TREND_BETTER:
        return " (better than before)";
    case CSB_TREND_WORSE:
        return " (worse than before)";
    case CSB_TREND_SAME:
        return " (the same as before)";
    default:
        return "";
    }
}

static const char *grade_words(CsbGrade g)
{
    return g ? csb_grade_title(g) : "not graded";
}

/* "ILACS\nDec 2025 · Good" as "ILACS, Dec 2025 · Good". */
static void append_label(GString *s, const char *label)
{
    for (const char *c = label; c && *c; c++) {
        if (*c == '\n')
            g_string_append(s, ", ");
        else
            g_string_append_c(s, *c);
    }
}

static void history(GString *s, const CsbChart *c)
{
    for (guint i = 0; i < c->rows->len; i++) {
        const CsbChartRow *r = c->rows->pdata[i];
        g_string_append_printf(s, " %s:", r->label);
        for (guint k = 0; k < r->marks->len; k++) {
            const CsbChartMark *m = r->marks->pdata[k];
            g_string_append_printf(s, "%s %s in ", k ? "," : "", grade_words(m->grade));
            append_when(s, m->x);
        }
        g_string_append(s, r->marks->len ? "." : " no dated grade.");
    }
}

static void timeline(GString *s, const CsbChart *c)
{
    for (guint i = 0; i < c->rows->len; i++) {
        const CsbChartRow *r = c->rows->pdata[i];
        g_string_append_printf(s, " %s, %u report%s:", r->label, r->marks->len,
                               r->marks->len == 1 ? "" : "s");
        for (guint k = 0; k < r->marks->len; k++) {
            const CsbChartMark *m = r->marks->pdata[k];
            g_string_append(s, k ? "; " : " ");
            if (m->label)
                append_label(s, m->label);
            else
                append_when(s, m->x);
        }
        g_string_append_c(s, '.');
    }
}

static void matrix(GString *s, const CsbChart *c)
{
    for (guint i = 0; i < c->rows->len; i++) {
        const CsbChartRow *r = c->rows->pdata[i];
        g_string_append_printf(s, " %s:", r->label);
        for (guint k = 0; k < r->marks->len; k++) {
            const CsbChartMark *m = r->marks->pdata[k];
            const char *col = k < c->columns->len ? c->columns->pdata[k] : "";
            g_string_append_printf(s, "%s %s %s%s", k ? "," : "", col, grade_words(m->grade),
                                   trend_words(m->trend));
        }
        g_string_append_c(s, '.');
    }
}

static void distribution(GString *s, const CsbChart *c)
{
    for (guint i = 0; i < c->rows->len; i++) {
        const CsbChartRow *r = c->rows->pdata[i];
        g_string_append_printf(s, " %s:", r->label);
        int shown = 0;
        for (int g = 1; g <= CSB_GRADE_COUNT; g++) {
            int grade = g % CSB_GRADE_COUNT; /* the grades, then not graded */
            if (!r->counts[grade])
                continue;
            g_string_append_printf(s, "%s %d %s", shown++ ? "," : "", r->counts[grade],
                                   grade_words((CsbGrade)grade));
        }
        if (!shown)
            g_string_append(s, " none");
        if (c->focus_name)
            g_string_append_printf(s, " (%s: %s)", c->focus_name, grade_words(r->focus));
        g_string_append_c(s, '.');
    }
}

static void themes(GString *s, const CsbChart *c)
{
    for (guint i = 0; i < c->rows->len; i++) {
        const CsbChartRow *r = c->rows->pdata[i];
        const int *n = r->theme_counts;
        g_string_append_printf(s, " %s: %d concern%s, %d mixed, %d strength%s.", r->label,
                               n[CSB_TONE_COUNT_CONCERNS],
                               n[CSB_TONE_COUNT_CONCERNS] == 1 ? "" : "s",
                               n[CSB_TONE_COUNT_MIXED], n[CSB_TONE_COUNT_STRENGTHS],
                               n[CSB_TONE_COUNT_STRENGTHS] == 1 ? "" : "s");
    }
}

char *csb_chart_describe(const CsbChart *c)
{
    GString *s = g_string_new(NULL);
    g_string_append_printf(s, "Chart: %s.", c->title ? c->title : "untitled");
    if (!c->rows->len)
        g_string_append(s, " Nothing to show.");
    switch (c->kind) {
    case CSB_CHART_HISTORY:
        history(s, c);
        break;
    case CSB_CHART_TIMELINE:
        timeline(s, c);
        break;
    case CSB_CHART_MATRIX:
        matrix(s, c);
        break;
    case CSB_CHART_DISTRIBUTION:
        distribution(s, c);
        break;
    case CSB_CHART_THEME_TIMELINE:
        themes(s, c);
        break;
    }
    return g_string_free(s, FALSE);
}
