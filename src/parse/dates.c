/* dates.c - reading the dates reports write: single days, ranges with the
 * month or year given once ("8 - 12 July 2013", "23 June - 16 July 2015"),
 * ordinals ("7th to 9th November 2023"), inspections in two parts ("5 to
 * 9 December 2022 and 14 to 15 February 2023") and numeric dates, day
 * first as in every English report ("12/09/2016 to 06/10/2016").
 *
 * csb_parse_date_range reads the whole span: the first date to the last.
 * csb_parse_date_parts reads the same span and says whether it was held in
 * two parts. The rule: the dates are two parts joined by one "and", each a
 * single day or a range ("to", "until", "till" or a dash, or "between ...
 * and ..." as one range), with nothing else joining them (no comma, no
 * third part), and
 *   - the second part starts more than a day after the first ends (parts
 *     that run on, "1 to 5 July and 6 to 8 July", are one span), and
 *   - at least one part is a range, or the two single days are in
 *     different months ("13 June and 4 July 2022").
 * So a list of days is one span: "4 and 5 July 2023", "8, 9 and 10 July
 * 2019", "4 and 6 July 2023", "28 February and 1 March 2023"; so is a text
 * of three or more parts (the record keeps two).
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

/* Words that may sit between the parts of a date range; "," and "-" are
 * the commas and dashes date_words keeps. */
static gboolean connector(const char *w)
{
    static const char *const words[] = {"to", "and", "until", "till", "from", "between",
                                        "the", "of", "on", "st", "nd", "rd", "th", ",", "-"};
    for (guint i = 0; i < G_N_ELEMENTS(words); i++)
        if (strcmp(w, words[i]) == 0)
            return TRUE;
    return FALSE;
}

/* What joins a date to the one before it; when several words do, the
 * one listed last here wins ("5 to 9 May, and 2 to 6 June": and). */
typedef enum {
    JOIN_NONE,  /* nothing, or only words such as "the" */
    JOIN_RANGE, /* "to", "until", "till", a dash, the "and" of "between ... and" */
    JOIN_LIST,  /* a comma */
    JOIN_AND,   /* "and" */
} Join;

static Join join_of(const char *w, gboolean between)
{
    if (strcmp(w, "and") == 0)
        return between ? JOIN_RANGE : JOIN_AND;
    if (strcmp(w, ",") == 0)
        return JOIN_LIST;
    if (strcmp(w, "to") == 0 || strcmp(w, "until") == 0 || strcmp(w, "till") == 0 ||
        strcmp(w, "-") == 0)
        return JOIN_RANGE;
    return JOIN_NONE;
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

static gboolean is_dash(gunichar c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* The words of a date text, as csb_text_fold gives them, with each comma
 * and dash kept as a word of its own ("," and "-"), so that a list ("8, 9
 * and 10 July") can be told from a range ("8 - 10 July"). */
static char **date_words(const char *text)
{
    char *spelled = spell_numeric_dates(text);
    GPtrArray *words = g_ptr_array_new();
    GString *piece = g_string_new(NULL);
    for (const char *p = spelled;; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c && c != ',' && !is_dash(c)) {
            g_string_append_unichar(piece, c);
            continue;
        }
        char *f = csb_text_fold(piece->str);
        char **split = g_strsplit(f, " ", -1);
        for (char **w = split; *w; w++)
            if (**w)
                g_ptr_array_add(words, g_strdup(*w));
        g_strfreev(split);
        g_free(f);
        g_string_truncate(piece, 0);
        if (!c)
            break;
        g_ptr_array_add(words, g_strdup(c == ',' ? "," : "-"));
    }
    g_string_free(piece, TRUE);
    g_free(spelled);
    g_ptr_array_add(words, NULL);
    return (char **)g_ptr_array_free(words, FALSE);
}

enum { MAX_DATES = 8 };

/* The dates of a text in order, month and year carried back, and what
 * joins each to the one before (join[0] is JOIN_NONE); the count, 0 when
 * there is no date. */
static int read_dates(const char *text, CsbDate d[MAX_DATES], Join join[MAX_DATES])
{
    int n = 0;
    Join pending = JOIN_NONE;
    gboolean between = FALSE;
    char **words = date_words(text);
    for (char **w = words; *w && n <= MAX_DATES; w++) {
        int v;
        gboolean complete = n > 0 && d[n - 1].year;
        if ((v = day_number(*w))) {
            if (n == MAX_DATES)
                break;
            join[n] = n ? pending : JOIN_NONE;
            if (join[n] == JOIN_RANGE)
                between = FALSE; /* the "and" of "between 4 and 6 July" is used */
            pending = JOIN_NONE;
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
            pending = JOIN_NONE;
            between = FALSE;
        } else if (strcmp(*w, "between") == 0) {
            between = TRUE;
        } else {
            Join j = join_of(*w, between);
            if (j > pending)
                pending = j;
        }
    }
    g_strfreev(words);
    while (n > 0 && !d[n - 1].year)
        n--; /* a trailing day with no month and year is not a date */
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
    return n;
}

/* The index of the first date of the second part when d[0..n) is two parts
 * (the rule in the top comment), else 0. */
static int second_part(const CsbDate *d, const Join *join, int n)
{
    int k = 0;
    for (int i = 1; i < n; i++) {
        if (join[i] == JOIN_AND && !k)
            k = i;
        else if (join[i] != JOIN_RANGE)
            return 0; /* a second "and", a comma, dates side by side */
    }
    int left = k, right = n - k;
    if (!k || left > 2 || right > 2)
        return 0;
    for (int i = 0; i < n; i++)
        if (!csb_date_valid(d[i]))
            return 0;
    if (csb_date_compare(d[0], d[k - 1]) > 0 || csb_date_compare(d[k], d[n - 1]) > 0)
        return 0;
    if (csb_date_julian(d[k]) - csb_date_julian(d[k - 1]) <= 1)
        return 0; /* runs on, or overlaps */
    if (left == 1 && right == 1 && d[0].month == d[1].month && d[0].year == d[1].year)
        return 0; /* a list of days: "4 and 6 July 2023" */
    return k;
}

gboolean csb_parse_date_parts(const char *text, CsbDate *start, CsbDate *end, CsbDate *paused,
                              CsbDate *resumed)
{
    CsbDate d[MAX_DATES];
    Join join[MAX_DATES];
    int n = read_dates(text, d, join);
    if (n == 0)
        return FALSE;
    CsbDate s = d[0], e = d[n - 1];
    if (!csb_date_valid(s) || !csb_date_valid(e) || csb_date_compare(s, e) > 0)
        return FALSE;
    int k = second_part(d, join, n);
    *start = s;
    *end = e;
    *paused = k ? d[k - 1] : (CsbDate){0};
    *resumed = k ? d[k] : (CsbDate){0};
    return TRUE;
}

gboolean csb_parse_date_range(const char *text, CsbDate *start, CsbDate *end)
{
    CsbDate paused, resumed;
    return csb_parse_date_parts(text, start, end, &paused, &resumed);
}
