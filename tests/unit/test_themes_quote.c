/* test_themes_quote.c - faithful quotation: sentence boundaries, shortening
 * with an ellipsis per gap (keeping the sentences that decided the tone,
 * both sides of a mixed one, one carrying the theme's phrases, and the
 * sentence a back-reference needs, an "It" that points back included and
 * a dummy "It" not),
 * the faithfulness check (its words, its order, cuts only between
 * sentences), and theme phrase matching at word starts.
 */
#include "../../src/themes/themes.h"
#include "unit.h"

static const char *para =
    "Leaders know their services well. Dr. Patel chairs the board. The sufficiency of homes "
    "for children in care is a challenge, and too many children live at a distance from home. "
    "Care leavers are well supported. Managers (e.g. team leaders) oversee plans. Private "
    "fostering arrangements are not consistently identified.";

static void test_sentences(void)
{
    GArray *s = csb_sentences(para);
    CHECK(s->len / 2 == 6, "six sentences (got %u)", s->len / 2);
    gsize a = g_array_index(s, gsize, 2), b = g_array_index(s, gsize, 3);
    char *second = g_strndup(para + a, b - a);
    CHECK_STR(second, "Dr. Patel chairs the board.", "no break after 'Dr.'");
    g_free(second);
    g_array_free(s, TRUE);
    GArray *q = csb_sentences("He said \"it is good.\" Then he left. 3 out of 4 agreed.");
    CHECK(q->len / 2 == 3, "a closing quote stays with its sentence (got %u)", q->len / 2);
    g_array_free(q, TRUE);
}

static void test_quote(void)
{
    GPtrArray *ph = g_ptr_array_new();
    g_ptr_array_add(ph, "private fostering");
    char *q = csb_themes_quote(para, ph, 120);
    CHECK_STR(q,
              "Leaders know their services well. \u2026 Private fostering arrangements are not "
              "consistently identified.",
              "the theme sentence and the opening one, a gap marked");
    CHECK(csb_quote_check(q, para), "the shortened quote is faithful");
    g_free(q);
    g_ptr_array_set_size(ph, 0);
    g_ptr_array_add(ph, "sufficiency");
    q = csb_themes_quote(para, ph, 60);
    CHECK(g_str_has_prefix(q, "\u2026 The sufficiency of homes"), "a leading gap: %s", q);
    CHECK(g_str_has_suffix(q, "from home. \u2026"), "a trailing gap: %s", q);
    CHECK(csb_quote_check(q, para), "leading and trailing gaps are faithful");
    g_free(q);
    q = csb_themes_quote("Short and whole.", ph, 60);
    CHECK_STR(q, "Short and whole.", "a short paragraph is quoted whole");
    g_free(q);
    g_ptr_array_free(ph, TRUE);
}

/* The shipped themes and cues, or NULL (a failed check). */
static CsbThemeLibrary *shipped(void)
{
    CsbDiag *d = csb_diag_new();
    CsbThemeLibrary *lib = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
    CHECK(lib != NULL, "the shipped cues load");
    csb_diag_free(d);
    return lib;
}

/* A shortened quote keeps the sentences that decided the paragraph's tone
 * (issue 11: "some excerpts cut the very sentences that earned the
 * label"), even when they carry no theme phrase and do not open it. */
static void test_quote_why(void)
{
    CsbThemeLibrary *lib = shipped();
    if (!lib)
        return;
    const char *text =
        "The local authority's sufficiency strategy sets out how homes for children in care "
        "will be found in the county over the next three years. The strategy was agreed by the "
        "council's cabinet in the spring after consultation with partners. Commissioners meet "
        "providers each month to discuss the homes on offer. Too many children wait too "
        "long for a home that meets their needs, and some move several times in a year. The "
        "council publishes a newsletter for foster carers four times a year.";
    GPtrArray *phrases = g_ptr_array_new();
    g_ptr_array_add(phrases, "sufficiency");
    CsbToneResult *rd = csb_themes_classify_result(lib, text, NULL, NULL);
    CsbTone tone = rd->tone;
    char *plain = csb_themes_quote(text, phrases, 280);
    char *q = csb_themes_quote_why(text, phrases, rd, 280);
    CHECK(tone == CSB_TONE_CONCERN, "the paragraph is a concern (got %s)", csb_tone_id(tone));
    CHECK(strstr(plain, "Too many children") == NULL,
          "by theme phrases alone the deciding sentence is cut: %s", plain);
    CHECK(strstr(q, "Too many children wait too long") != NULL,
          "the sentence that decided the tone is kept: %s", q);
    CHECK(strstr(q, "sufficiency strategy") != NULL, "and the theme's sentence: %s", q);
    CHECK(csb_quote_check(q, text), "the quote is faithful: %s", q);
    char *whole = csb_themes_quote_why("Plans are poor.", phrases, rd, 200);
    CHECK_STR(whole, "Plans are poor.", "a short paragraph is quoted whole");
    g_free(whole);
    g_free(q);
    g_free(plain);
    csb_tone_result_free(rd);
    g_ptr_array_free(phrases, TRUE);
    csb_themes_free(lib);
}

/* Quote text classified by lib, with phrases (NULL-terminated) and budget
 * max; the tone into *tone. A new string. */
static char *quote_of(const CsbThemeLibrary *lib, const char *text, const char *const *phrases,
                      int max, CsbTone *tone)
{
    GPtrArray *ph = g_ptr_array_new();
    for (; phrases && *phrases; phrases++)
        g_ptr_array_add(ph, (gpointer)*phrases);
    CsbToneResult *rd = csb_themes_classify_result(lib, text, NULL, NULL);
    *tone = rd->tone;
    char *q = csb_themes_quote_why(text, ph, rd, max);
    csb_tone_result_free(rd);
    g_ptr_array_free(ph, TRUE);
    return q;
}

/* text quoted in max characters (its tone want, unless -1) keeps kept,
 * and with (unless NULL), faithfully. */
static void keeps(const CsbThemeLibrary *lib, const char *text, int max, int want,
                  const char *kept, const char *with, const char *what)
{
    CsbTone tone;
    char *q = quote_of(lib, text, NULL, max, &tone);
    if (want >= 0)
        CHECK(tone == (CsbTone)want, "%s: the paragraph is %s (got %s)", what,
              csb_tone_id((CsbTone)want), csb_tone_id(tone));
    CHECK(strstr(q, kept) && (!with || strstr(q, with)), "%s: %s", what, q);
    CHECK(csb_quote_check(q, text), "%s: faithful: %s", what, q);
    g_free(q);
}

/* Sentences a quote must keep: a paragraph, the budget, its tone (-1: not
 * checked), a sentence kept and the one it needs with it (or NULL). */
typedef struct {
    const char *what, *text;
    int max, want;
    const char *kept, *with;
} KeepCase;

static const KeepCase keep_cases[] = {
    {"a mixed paragraph's concern, with the sentence 'these children' points back to",
     "Most children in care live in stable and loving homes that meet their needs well, and "
     "they make good progress at school with effective support from their carers. A small "
     "number of children with complex needs have lived in several homes since they came into "
     "care. For these children, planning has not always been sufficiently robust, and too "
     "many wait too long for a permanent home. Leaders know their children well.",
     320, CSB_TONE_MIXED, "For these children",
     "A small number of children with complex needs have lived in several homes since they "
     "came into care. For these children"},
    /* Tower Hamlets 2024 para 31: "these settings" mid-sentence, three
     * sentences from the concern that was kept. */
    {"the concern, with the sentence 'these settings' points back to, three before",
     "Leaders have a good grip on the homes children live in, and most children live in "
     "stable homes close to their families, schools and friends, with carers who know them "
     "well and who are ambitious for them. A very small number of children are living in "
     "unregistered children's homes. The providers have submitted applications to register "
     "these settings. These children are seen regularly by a variety of professionals. "
     "However, children's records did not always detail this sufficiently to evidence that "
     "children are visited regularly enough.",
     300, -1, "However, children's records",
     "A very small number of children are living in unregistered"},
    /* Staffordshire 2023 para 37: "Their ..." needs the sentence naming them. */
    {"a sentence opening 'Their' keeps the one naming them",
     "The local authority is responsible for 40 unaccompanied asylum-seeking young people who "
     "are care leavers. Their needs are understood well, and they receive highly effective and "
     "timely help to access education and training. The service was reorganised in 2022 and "
     "now has two teams across the county.",
     150, -1, "Their needs are understood",
     "unaccompanied asylum-seeking young people who are care leavers. Their"},
    /* Hackney 2024 para 40: a strength whose last sentence turns against it. */
    {"a strength keeps the sentence turning against it",
     "Most care leavers aged 18 to 21 live in suitable accommodation, including staying put "
     "with foster carers and supported accommodation commissioned by the local authority. They "
     "are helped by foster carers and key workers to develop skills in budgeting, shopping and "
     "cooking, so they can successfully move into more independent living. Support is "
     "gradually reduced as they develop the skills they need as young adults. However, few of "
     "those care leavers aged 18 to 21 who are ready to move into independent accommodation "
     "have the option to do so.",
     360, CSB_TONE_STRENGTH, "However, few of those care leavers", NULL},
};

/* Readers' reviews (quote6): a mixed quote that showed only its praise, a
 * theme quote without the sentence that puts it on the theme, and "For
 * these children ..." quoted without the children. Each failed before the
 * must-keep rule. */
static void test_quote_keeps(void)
{
    CsbThemeLibrary *lib = shipped();
    if (!lib)
        return;
    CsbTone tone;
    const char *mixed =
        "Most children in care live in stable and loving homes that meet their needs well, and "
        "they make good progress at school with effective support from their carers and social "
        "workers. Some children experience too many changes of social worker and placement moves "
        "before a permanent home is found for them. Leaders have a clear plan for the service.";
    char *q = quote_of(lib, mixed, NULL, 210, &tone);
    CHECK(tone == CSB_TONE_MIXED, "the paragraph is mixed (got %s)", csb_tone_id(tone));
    CHECK(strstr(q, "stable and loving homes") != NULL, "mixed keeps its strength: %s", q);
    CHECK(strstr(q, "too many changes") != NULL,
          "and its concern, past the budget (up to half as much again): %s", q);
    CHECK(g_utf8_strlen(q, -1) <= 315 + 2 && csb_quote_check(q, mixed),
          "within 1.5x (the ellipsis aside), faithful: %s", q);
    g_free(q);

    const char *theme =
        "Too many children wait too long for an initial health assessment when they come into "
        "care, and their health needs are not always met. Return home interviews are not always "
        "completed, and information from them is not consistently used to reduce risk. The "
        "board has identified child exploitation as one of its priorities for the coming year.";
    const char *const exploitation[] = {"exploitation", NULL};
    q = quote_of(lib, theme, exploitation, 300, &tone);
    CHECK(tone == CSB_TONE_CONCERN, "the paragraph is a concern (got %s)", csb_tone_id(tone));
    CHECK(strstr(q, "Too many children wait") != NULL, "the weightiest concern is kept: %s", q);
    CHECK(strstr(q, "child exploitation") != NULL,
          "and the only sentence naming the theme, over the other concern: %s", q);
    CHECK(strlen(q) <= 300 && csb_quote_check(q, theme), "within budget, faithful: %s", q);
    g_free(q);

    for (guint i = 0; i < G_N_ELEMENTS(keep_cases); i++) {
        const KeepCase *k = &keep_cases[i];
        keeps(lib, k->text, k->max, k->want, k->kept, k->with, k->what);
    }
    csb_themes_free(lib);
}

/* The reading's tone and each side's sentences, as the quote reads them. */
static void test_result_sides(void)
{
    CsbThemeLibrary *lib = shipped();
    if (!lib)
        return;
    const char *text = "Plans are strong. Visits are timely. Too many children wait too long.";
    CsbToneResult *rd = csb_themes_classify_result(lib, text, NULL, NULL);
    CHECK(rd->tone == csb_themes_classify(lib, text, NULL), "the reading's tone is the verdict");
    CHECK(rd->sentences->len == 3, "three sentences (got %u)", rd->sentences->len);
    guint str = 0, con = 0;
    for (guint i = 0; i < rd->sentences->len; i++) {
        const CsbToneSentence *s = &g_array_index(rd->sentences, CsbToneSentence, i);
        str += s->strength > 0;
        con += s->concern > 0;
    }
    CHECK(str == 2 && con == 1, "strength sentences 1 and 2, concern 3 (got %u, %u)", str, con);
    CHECK(g_array_index(rd->sentences, CsbToneSentence, 2).concern > 0,
          "the concern is sentence 3");
    csb_tone_result_free(rd);
    csb_themes_free(lib);
}

static void test_check(void)
{
    CHECK(csb_quote_check(para, para), "the whole paragraph");
    char *spaced = g_strdup(para);
    spaced[7] = '\n';
    CHECK(csb_quote_check(spaced, para), "whitespace aside");
    g_free(spaced);
    CHECK(!csb_quote_check("Leaders know their services very well. \u2026", para),
          "a changed word fails");
    CHECK(!csb_quote_check("\u2026 know their services well. \u2026", para),
          "a cut inside a sentence fails");
    CHECK(!csb_quote_check("Care leavers are well supported. \u2026 Leaders know their services "
                           "well. \u2026",
                           para),
          "reordered sentences fail");
    CHECK(!csb_quote_check("Care leavers are well supported. \u2026", para),
          "no leading ellipsis but not the start fails");
    CHECK(!csb_quote_check("Leaders know their services well. Dr. Patel chairs the board.", para),
          "no trailing ellipsis but not the end fails");
    CHECK(!csb_quote_check("Leaders know their services well. \u2026 Dr. Patel chairs the "
                           "board. \u2026 The sufficiency \u2026",
                           para),
          "a gap inside a sentence fails");
    CHECK(!csb_quote_check("", para), "an empty quote fails");
    const char *own = "Staff said \u2026 it was fine. Then it changed.";
    CHECK(csb_quote_check("Staff said \u2026 it was fine. \u2026", own),
          "the source's own ellipsis is its words");
}

static void test_phrases(void)
{
    CsbTheme *t = csb_theme_new("t", "T", "");
    g_ptr_array_add(t->phrases, g_strdup("sufficiency"));
    g_ptr_array_add(t->phrases, g_strdup("homeless"));
    g_ptr_array_add(t->phrases, g_strdup("children's homes"));
    CHECK(csb_theme_find(t, "There is an insufficiency of staff.", NULL, NULL) == 0,
          "a phrase must start a word");
    CHECK(csb_theme_find(t, "Homelessness is rising.", NULL, NULL) == 1,
          "a phrase may end inside a word");
    double score = 0;
    GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
    CHECK(csb_theme_find(t, "Sufficiency of children\u2019s homes, and sufficiency again.",
                         found, &score) == 2,
          "curly apostrophes match straight ones");
    CHECK(score == 2.5, "score: 1 per phrase, 0.5 per repeat (got %.1f)", score);
    g_ptr_array_free(found, TRUE);
    csb_theme_free(t);
}

/* A sentence opening with an "It" that points back is quoted with the
 * sentence it needs ("It is well used by social workers": the recording
 * tool; "It has improved"), one whose "It" stands for what follows it is
 * not ("It is too early to ...", "It is clear that ...", "It is not yet
 * clear whether ...", "It is a strength that ..."), and "Its" points back
 * too. */
static void test_it_back(void)
{
    static const char *const opening =
        "Leaders know their services well. Managers meet weekly to review plans. Staff "
        "morale is high across the service. ";
    static const struct {
        const char *before, *it;
        gboolean back;
    } cases[] = {
        {"The council introduced a new recording tool last year.",
         "It is well used by social workers for private fostering.", TRUE},
        {"The council reviewed its notification process in 2022.",
         "It has improved how private fostering arrangements are found.", TRUE},
        {"The council runs a panel for children living with relatives.",
         "Its members review every private fostering arrangement.", TRUE},
        {"The council launched a new strategy in the spring.",
         "It is too early to see the impact on private fostering.", FALSE},
        {"Managers audit cases every month.",
         "It is clear that private fostering arrangements are identified quickly.", FALSE},
        {"Managers audit cases every month.",
         "It is not yet clear whether private fostering assessments are timely.", FALSE},
        {"Managers audit cases every month.",
         "It is a strength that private fostering is well understood by schools.", FALSE},
        {"Managers audit cases every month.",
         "It appears that private fostering notifications have risen.", FALSE},
        {"Managers audit cases every month.",
         "It is acknowledged by leaders that private fostering is not well known.", FALSE},
        {"The council publishes a guide for parents.",
         "It is clear and explains private fostering well.", TRUE},
    };
    GPtrArray *ph = g_ptr_array_new();
    g_ptr_array_add(ph, "private fostering");
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *text = g_strdup_printf("%s%s %s", opening, cases[i].before, cases[i].it);
        char *q = csb_themes_quote(text, ph, 120);
        gboolean with = strstr(q, cases[i].before) != NULL;
        CHECK(with == cases[i].back, "'%.24s...' %s the sentence before: %s", cases[i].it,
              cases[i].back ? "points back to" : "does not need", q);
        CHECK(csb_quote_check(q, text), "the quote is faithful: %s", q);
        g_free(q);
        g_free(text);
    }
    g_ptr_array_free(ph, TRUE);
}

int main(void)
{
    RUN(test_sentences);
    RUN(test_quote);
    RUN(test_quote_why);
    RUN(test_quote_keeps);
    RUN(test_result_sides);
    RUN(test_check);
    RUN(test_phrases);
    RUN(test_it_back);
    return unit_done();
}
