/* measure.c - how shortened theme quotes keep what earned them, over
 * every report of a folder: for each paragraph a selected theme's
 * phrases are found in, of tone strength, concern or mixed, and longer
 * than CSB_QUOTE_MAX_CHARS, the quote csb_evidence_quote would give is
 * made and its kept sentences checked against the sentences the rules
 * weighed on each side (its CsbToneResult): a concern or mixed quote with no concern-side sentence
 * kept, a strength or mixed one with no strength-side sentence kept, a
 * quote with no sentence carrying the theme's phrases, a kept sentence
 * opening with a back-reference whose sentence before is cut, and how
 * long the quotes run. Run from the project root (tests/quote/run):
 *
 *   measure DIR [THEME...]     (themes: the national build's four unless given)
 *
 * Prints one line per failing quote ("side", "theme", "backref") and the
 * totals last.
 */
#include "parse/parse.h"
#include "themes/themes.h"

#include <string.h>

typedef struct {
    int quotes, concern_lost, strength_lost, theme_lost, backref_lost;
    int no_concern_side, no_strength_side, over, over_half;
    double longest;
} Totals;

/* The sentences the rules weighed on side (a recommendation's none), as
 * a set of flags for n sentences. */
static gboolean *side_of(const CsbToneResult *rd, CsbTone side, guint n)
{
    gboolean *on = g_new0(gboolean, n + 1);
    for (guint i = 0; !rd->recommendation && i < rd->sentences->len && i < n; i++) {
        const CsbToneSentence *s = &g_array_index(rd->sentences, CsbToneSentence, i);
        on[i] = (side == CSB_TONE_STRENGTH ? s->strength : s->concern) > 0;
    }
    return on;
}

static gboolean opens_back(const char *s)
{
    static const char *const openers[] = {"This ", "These ", "Those ", "Such ", "However",
                                          "For these ", "For this ", "For them", "They "};
    for (guint i = 0; i < G_N_ELEMENTS(openers); i++)
        if (g_str_has_prefix(s, openers[i]))
            return TRUE;
    return FALSE;
}

static void check_quote(Totals *t, const char *where, const char *text, CsbTone tone,
                        const CsbToneResult *rd, const GPtrArray *phrases)
{
    char *q = csb_themes_quote_why(text, phrases, rd, CSB_QUOTE_MAX_CHARS);
    GArray *sent = csb_sentences(text);
    guint n = sent->len / 2;
    gboolean *con = side_of(rd, CSB_TONE_CONCERN, n), *str = side_of(rd, CSB_TONE_STRENGTH, n);
    gboolean kept_con = FALSE, kept_str = FALSE, kept_theme = FALSE, any_con = FALSE,
             any_str = FALSE, any_theme = FALSE, back = FALSE, prev_kept = FALSE;
    for (guint i = 0; i < n; i++) {
        gsize a = g_array_index(sent, gsize, 2 * i), b = g_array_index(sent, gsize, 2 * i + 1);
        char *s = g_strndup(text + a, b - a);
        gboolean kept = strstr(q, s) != NULL, th = csb_themes_text_has_phrase(s, phrases);
        any_con |= con[i], any_str |= str[i], any_theme |= th;
        kept_con |= kept && con[i], kept_str |= kept && str[i], kept_theme |= kept && th;
        back |= kept && i > 0 && !prev_kept && opens_back(s);
        prev_kept = kept;
        g_free(s);
    }
    gboolean want_con = tone == CSB_TONE_CONCERN || tone == CSB_TONE_MIXED;
    gboolean want_str = tone == CSB_TONE_STRENGTH || tone == CSB_TONE_MIXED;
    t->quotes++;
    t->no_concern_side += want_con && !any_con;
    t->no_strength_side += want_str && !any_str;
    if (want_con && any_con && !kept_con && ++t->concern_lost)
        printf("side\t%s\t%s\t%s\n", where, csb_tone_id(tone), q);
    if (want_str && any_str && !kept_str && ++t->strength_lost)
        printf("side\t%s\t%s\t%s\n", where, csb_tone_id(tone), q);
    if (any_theme && !kept_theme && ++t->theme_lost)
        printf("theme\t%s\t%s\t%s\n", where, csb_tone_id(tone), q);
    if (back && ++t->backref_lost)
        printf("backref\t%s\t%s\t%s\n", where, csb_tone_id(tone), q);
    double ratio = (double)strlen(q) / CSB_QUOTE_MAX_CHARS;
    t->over += ratio > 1.0;
    t->over_half += ratio > 1.5;
    t->longest = MAX(t->longest, ratio);
    g_free(con);
    g_free(str);
    g_array_free(sent, TRUE);
    g_free(q);
}

static void measure_report(Totals *t, const CsbThemeLibrary *lib, const CsbReference *ref,
                           const char *path, char **themes)
{
    CsbDiag *diag = csb_diag_new();
    CsbInspection *in = csb_parse_cached(path, ref, "/tmp/csb-quote-measure-cache", diag);
    for (guint i = 0; in && i < in->paragraphs->len; i++) {
        const CsbParagraph *p = in->paragraphs->pdata[i];
        if (strlen(p->text) <= CSB_QUOTE_MAX_CHARS)
            continue;
        CsbToneResult *rd = csb_themes_classify_result(lib, p->text, p->section, NULL);
        CsbTone tone = rd->tone;
        for (char **th = themes; tone != CSB_TONE_NEUTRAL && *th; th++) {
            GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
            const CsbTheme *theme = csb_themes_find(lib, *th);
            if (theme && csb_theme_find(theme, p->text, found, NULL)) {
                char *base = g_path_get_basename(path);
                char *where = g_strdup_printf("%s\t%s\tpara %u", base, *th, i + 1);
                check_quote(t, where, p->text, tone, rd, found);
                g_free(where);
                g_free(base);
            }
            g_ptr_array_free(found, TRUE);
        }
        csb_tone_result_free(rd);
    }
    if (in)
        csb_inspection_free(in);
    csb_diag_free(diag);
}

int main(int argc, char **argv)
{
    static char *four[] = {"sufficiency", "care-leavers", "exploitation", "front-door", NULL};
    if (argc < 2) {
        fprintf(stderr, "usage: measure DIR [THEME...]\n");
        return 2;
    }
    CsbDiag *diag = csb_diag_new();
    CsbThemeLibrary *lib = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", diag);
    CsbReference *ref = csb_reference_load(".", diag);
    GDir *dir = g_dir_open(argv[1], 0, NULL);
    if (!lib || !ref || !dir)
        return 2;
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    for (const char *f; (f = g_dir_read_name(dir));)
        if (g_str_has_suffix(f, ".pdf"))
            g_ptr_array_add(files, g_build_filename(argv[1], f, NULL));
    g_ptr_array_sort(files, (GCompareFunc)g_strcmp0);
    Totals t = {0};
    for (guint i = 0; i < files->len; i++)
        measure_report(&t, lib, ref, files->pdata[i], argc > 2 ? argv + 2 : four);
    printf("reports %u, shortened quotes %d: concern side lost %d (no concern sentence to "
           "keep %d), strength side lost %d (none to keep %d), theme lost %d, back-reference "
           "alone %d; over the budget %d, over 1.5x %d, longest %.2fx\n",
           files->len, t.quotes, t.concern_lost, t.no_concern_side, t.strength_lost,
           t.no_strength_side, t.theme_lost, t.backref_lost, t.over, t.over_half, t.longest);
    g_ptr_array_free(files, TRUE);
    g_dir_close(dir);
    csb_reference_free(ref);
    csb_themes_free(lib);
    csb_diag_free(diag);
    return 0;
}
