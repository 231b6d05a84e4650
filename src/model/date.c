/* date.c - calendar dates as the model keeps them (year, month, day; all
 * zero when the report does not say), and in words, their words joined by
 * no-break spaces.
 */
#include "model.h"

#include <stdio.h>

gboolean csb_date_valid(CsbDate d)
{
    return d.year > 0 && g_date_valid_dmy((GDateDay)d.day, (GDateMonth)d.month,
                                          (GDateYear)d.year);
}

const char *csb_date_iso(CsbDate d, char buf[static 11])
{
    if (!csb_date_valid(d))
        buf[0] = '\0';
    else
        snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u, (unsigned)d.month % 100u,
                 (unsigned)d.day % 100u);
    return buf;
}

CsbDate csb_date_from_iso(const char *s)
{
    CsbDate d = {0, 0, 0};
    if (s && sscanf(s, "%4d-%2d-%2d", &d.year, &d.month, &d.day) == 3 && csb_date_valid(d))
        return d;
    return (CsbDate){0, 0, 0};
}

int csb_date_compare(CsbDate a, CsbDate b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

int csb_date_julian(CsbDate d)
{
    if (!csb_date_valid(d))
        return 0;
    GDate g;
    g_date_clear(&g, 1);
    g_date_set_dmy(&g, (GDateDay)d.day, (GDateMonth)d.month, (GDateYear)d.year);
    return (int)g_date_get_julian(&g);
}

static const char *const month_names[] = {"January", "February", "March",     "April",
                                          "May",     "June",     "July",      "August",
                                          "September", "October", "November", "December"};

const char *csb_month_name(int month)
{
    return month >= 1 && month <= 12 ? month_names[month - 1] : "";
}

int csb_month_number(const char *name)
{
    for (int m = 0; name && m < 12; m++)
        if (g_ascii_strcasecmp(name, month_names[m]) == 0)
            return m + 1;
    return 0;
}

char *csb_date_long(CsbDate d)
{
    if (!csb_date_valid(d))
        return g_strdup("date unknown");
    return g_strdup_printf("%d" CSB_DATE_SPACE "%s" CSB_DATE_SPACE "%d", d.day,
                           month_names[d.month - 1], d.year);
}

char *csb_date_short(CsbDate d)
{
    if (!csb_date_valid(d))
        return g_strdup("date unknown");
    return g_strdup_printf("%d" CSB_DATE_SPACE "%.3s" CSB_DATE_SPACE "%d", d.day,
                           month_names[d.month - 1], d.year);
}

char *csb_date_day_month(CsbDate d)
{
    if (!csb_date_valid(d))
        return g_strdup("date unknown");
    return g_strdup_printf("%d" CSB_DATE_SPACE "%s", d.day, month_names[d.month - 1]);
}
