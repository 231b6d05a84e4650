/* test_themes_quote.c - faithful quotation: sentence boundaries, shortening
 * with an ellipsis per gap, the faithfulness check (its words, its order,
 * cuts only between sentences), and theme phrase matching at word starts.
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

int main(void)
{
    RUN(test_sentences);
    RUN(test_quote);
    RUN(test_check);
    RUN(test_phrases);
    return unit_done();
}
