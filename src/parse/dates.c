/* dates.c - reading the dates reports write: single days, ranges with the
 * month or year given once ("8 - 12 July 2013", "23 June - 16 July 2015"),
 * ordinals ("7th to 9th November 2023"), inspections in two parts ("5 to
 * 9 December 2022 and 14 to 15 February 2023") and numeric dates, day
 * first as in every English report ("12/09/2016 to 06/10/2016").
 */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

static int month_number(const char *word)
{
    size_t n = strlen(word);
    if (n < 3)
        return 0;
    int whole = csb_month_number(word);
    if (whole)
        return whole;
    for (int m = 1; n <= 4 && m <= 12; m++)
        if (g_ascii_strncasecmp(word, csb_month_name(m), n) == 0 && (n == 3 || m == 9))
            return m; /* "dec", "sept" */
    return 0;
}

/* Words that may sit between the parts of a date range. */
static gboolean connector(const char *w)
{
    static const char *const words[] = {"to", "and", "until", "till", "from", "between",
                                        "the", "of", "on", "st", "nd", "rd", "th"};
    for (guint i = 0; i < G_N_ELEMENTS(words); i++)
        if (strcmp(w, words[i]) == 0)
            return TRUE;
    return FALSE;
}

/* "12", "12th", "1st": the day, or 0. */
static int day_number(const char *w)
{
    int v = 0, digits = 0;
    const char *p = w;
    while (g_ascii_isdigit(*p) && digits < 3) {
        v = v * 10 + (*p - '0');
        p++;
        digits++;
    }
    if (!digits || digits > 2)
        return 0;
    if (*p && strcmp(p, "st") != 0 && strcmp(p, "nd") != 0 && strcmp(p, "rd") != 0 &&
        strcmp(p, "th") != 0)
        return 0;
    return v >= 1 && v <= 31 ? v : 0;
}

static int year_number(const char *w)
{
    if (strlen(w) != 4 || !g_ascii_isdigit(w[0]) || !g_ascii_isdigit(w[1]) ||
        !g_ascii_isdigit(w[2]) || !g_ascii_isdigit(w[3]))
        return 0;
    int v = atoi(w);
    return v >= 1990 && v < 2100 ? v : 0;
}

/* "12/09/2016" -> "12 september 2016" (day first); an impossible month
 * is left as it is, and so is not read as a date. */
static gboolean spell_month(const GMatchInfo *m, GString *out, gpointer data)
{
    char *all = g_match_info_fetch(m, 0);
    char *day = g_match_info_fetch(m, 1), *month = g_match_info_fetch(m, 2),
         *year = g_match_info_fetch(m, 3);
    int mo = atoi(month);
    if (mo >= 1 && mo <= 12) {
        char *name = g_ascii_strdown(csb_month_name(mo), -1);
        g_string_append_printf(out, "%s %s %s", day, name, year);
        g_free(name);
    }
    else
        g_string_append(out, all);
    g_free(all);
    g_free(day);
    g_free(month);
    g_free(year);
    return FALSE;
}

static char *spell_numeric_dates(const char *text)
{
    GRegex *re = g_regex_new("\\b([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\\b", 0, 0, NULL);
    char *out = g_regex_replace_eval(re, text, -1, 0, 0, spell_month, NULL, NULL);
    g_regex_unref(re);
    return out ? out : g_strdup(text);
}

gboolean csb_parse_date_range(const char *text, CsbDate *start, CsbDate *end)
{
    enum { MAX_DATES = 8 };
    CsbDate d[MAX_DATES];
    int n = 0;
    char *spelled = spell_numeric_dates(text);
    char *f = csb_text_fold(spelled);
    g_free(spelled);
    char **words = g_strsplit(f, " ", -1);
    g_free(f);
    for (char **w = words; *w && n <= MAX_DATES; w++) {
        int v;
        gboolean complete = n > 0 && d[n - 1].year;
        if ((v = day_number(*w))) {
            if (n == MAX_DATES)
                break;
            d[n++] = (CsbDate){0, 0, v};
        } else if ((v = month_number(*w)) && n > 0 && !d[n - 1].month) {
            d[n - 1].month = v;
        } else if ((v = year_number(*w)) && n > 0 && d[n - 1].month && !d[n - 1].year) {
            d[n - 1].year = v;
        } else if (**w && !connector(*w)) {
            /* Any other word ends a complete date and discards a partial one. */
            if (complete)
                break;
            n = 0;
        }
    }
    g_strfreev(words);
    while (n > 0 && !d[n - 1].year)
        n--; /* a trailing day with no month and year is not a date */
    if (n == 0)
        return FALSE;
    /* Carry the month and year back: "8 - 12 July 2013". */
    for (int i = n - 2; i >= 0; i--) {
        if (!d[i].month)
            d[i].month = d[i + 1].month;
        if (!d[i].year) {
            d[i].year = d[i + 1].year;
            /* "21 December to 9 January 2026" crosses a new year. */
            if (d[i].month > d[i + 1].month)
                d[i].year--;
        }
    }
    CsbDate s = d[0], e = d[n - 1];
    if (!csb_date_valid(s) || !csb_date_valid(e) || csb_date_compare(s, e) > 0)
        return FALSE;
    *start = s;
    *end = e;
    return TRUE;
}
