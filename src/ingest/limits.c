/* limits.c - how much of one report csbrief will read: the file's size, a
 * text report's size, a PDF's pages and decompressed bytes, and the time
 * reading it may take. Defaults fit every real report with a wide margin
 * (the largest known is under 1 MB, 60 pages and 3 MB decompressed); an
 * environment variable changes one for a run.
 */
#include "ingest.h"

#include <stdlib.h>

#define MB (G_GUINT64_CONSTANT(1024) * 1024)

/* A positive number from the environment, else fallback. */
static double env_number(const char *name, double fallback)
{
    const char *s = g_getenv(name);
    if (!s || !*s)
        return fallback;
    char *end = NULL;
    double v = g_ascii_strtod(s, &end);
    return end && *end == '\0' && v > 0 && v < 1e12 ? v : fallback;
}

CsbIngestLimits csb_ingest_limits(void)
{
    CsbIngestLimits l;
    l.file_bytes = (guint64)(env_number("CSBRIEF_MAX_REPORT_MB", 64) * MB);
    l.text_bytes = (guint64)(env_number("CSBRIEF_MAX_TEXT_MB", 8) * MB);
    l.pages = (int)MIN(env_number("CSBRIEF_MAX_PAGES", 1000), 1e6);
    l.inflated_bytes = (guint64)(env_number("CSBRIEF_MAX_INFLATED_MB", 128) * MB);
    l.seconds = env_number("CSBRIEF_MAX_REPORT_SECONDS", 120);
    return l;
}
