/* classify.c - strength, concern or mixed, by transparent cue phrases.
 *
 * In each sentence, every strength cue and concern cue found counts once.
 * A negator ("not", "not yet", "too few", ...) within negation_window words
 * before a strength cue turns it into a concern ("not consistently strong");
 * before a concern cue it cancels it ("no delay"). A paragraph with only
 * strength cues is a strength, only concern cues a concern, both mixed.
 * The cues that decided are reported so a reader can judge the call.
 */
#include "themes.h"

#include <string.h>

const char *csb_tone_id(CsbTone t)
{
    switch (t) {
    case CSB_TONE_STRENGTH:
        return "strength";
    case CSB_TONE_CONCERN:
        return "concern";
    case CSB_TONE_MIXED:
        return "mixed";
    case CSB_TONE_NEUTRAL:
    default:
        return "neutral";
    }
}

/* Is there a negator among the n words before byte offset pos? Returns the
 * negator, or NULL. Stops at clause punctuation. */
static const char *negated(const CsbThemeLibrary *lib, const char *s, size_t pos)
{
    size_t start = pos;
    int words = 0;
    while (start > 0 && words <= lib->negation_window) {
        start--;
        char c = s[start];
        if (c == ',' || c == ';' || c == ':' || c == '.')
            break;
        if (c == ' ' && start > 0 && s[start - 1] != ' ')
            words++;
    }
    char *window = g_strndup(s + start, pos - start);
    const char *hit = NULL;
    for (guint i = 0; i < lib->negators->len && !hit; i++)
        if (csb_text_has_word(window, lib->negators->pdata[i]))
            hit = lib->negators->pdata[i];
    g_free(window);
    return hit;
}

/* Find cue phrases in the lower-cased sentence; count them by polarity. */
static void scan(const CsbThemeLibrary *lib, const char *s, GPtrArray *cues, gboolean strength,
                 int *pos_count, int *neg_count, GPtrArray *why)
{
    for (guint i = 0; i < cues->len; i++) {
        const char *cue = cues->pdata[i];
        size_t n = strlen(cue);
        for (const char *p = strstr(s, cue); p; p = strstr(p + n, cue)) {
            gboolean left = p == s || !g_ascii_isalnum(p[-1]);
            gboolean right = !g_ascii_isalnum(p[n]);
            if (!left || !right)
                continue;
            const char *neg = negated(lib, s, (size_t)(p - s));
            if (strength && neg) {
                (*neg_count)++;
                if (why)
                    g_ptr_array_add(why, g_strdup_printf("concern: '%s' negates '%s'", neg, cue));
            } else if (strength) {
                (*pos_count)++;
                if (why)
                    g_ptr_array_add(why, g_strdup_printf("strength: '%s'", cue));
            } else if (!neg) {
                (*neg_count)++;
                if (why)
                    g_ptr_array_add(why, g_strdup_printf("concern: '%s'", cue));
            }
            break; /* one count per cue per sentence */
        }
    }
}

CsbTone csb_themes_classify(const CsbThemeLibrary *lib, const char *text, GPtrArray *why)
{
    char *lower = g_utf8_strdown(text, -1);
    /* Curly apostrophes are straight ones in the cue lists. */
    for (char *p = strstr(lower, "\u2019"); p; p = strstr(p, "\u2019")) {
        p[0] = '\'';
        memmove(p + 1, p + 3, strlen(p + 3) + 1);
    }
    GArray *sent = csb_sentences(lower);
    int strengths = 0, concerns = 0;
    for (guint i = 0; i + 1 < sent->len; i += 2) {
        gsize a = g_array_index(sent, gsize, i), b = g_array_index(sent, gsize, i + 1);
        char *s = g_strndup(lower + a, b - a);
        scan(lib, s, lib->strength, TRUE, &strengths, &concerns, why);
        scan(lib, s, lib->concern, FALSE, &strengths, &concerns, why);
        g_free(s);
    }
    g_array_free(sent, TRUE);
    g_free(lower);
    if (strengths && concerns)
        return CSB_TONE_MIXED;
    if (concerns)
        return CSB_TONE_CONCERN;
    if (strengths)
        return CSB_TONE_STRENGTH;
    return CSB_TONE_NEUTRAL;
}
