/* test_format.c - templates and the formatters' helpers: both
 * shipped templates load with the values they declare; a mistyped key or a
 * bad flag is an error with its position; themes' short names; links to source reports come from
 * the report's address, else the URN of a corpus file name, else the
 * authority table's URN (never for a peer challenge); citations, date
 * ranges (an inspection's in two parts too), "since" phrases and the abbreviations noted for the glossary;
 * the pack's grades in words (runs said once, grades in one case), authority names in
 * prose, the peers' theme counts and why an inspection gives no overall grade; when
 * an inspection was held, by month, and where a range of dates may break; a pack
 * naming a report alike in its tables, headings and citations.
 */
#include "unit.h"

#include "format/format.h"
#include "format/members.h"
#include "format/pack.h"
#include "ingest/ingest.h"
#include "parse/parse.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* A no-break space (U+00A0): the words of a date are joined by it, so that
 * no line breaks inside one. */
#define NB "\u00A0"

static void test_templates(void)
{
    CsbDiag *d = csb_diag_new();
    CsbTemplate *pack = csb_template_load("templates/briefing-pack.yaml", d);
    CsbTemplate *members = csb_template_load("templates/members-summary.yaml", d);
    CHECK(pack && members && csb_diag_count(d, CSB_SEV_ERROR) == 0, "both templates load");
    if (pack && members) {
        CHECK(pack->section_breaks && !members->section_breaks,
              "the pack starts each section on a page; the members' summary flows on");
        CHECK(members->size_body > pack->size_body, "the members' summary has larger type "
              "(%.1f against %.1f pt)", members->size_body, pack->size_body);
        CHECK(members->max_pages == 4, "the members' summary is limited to 4 pages");
        CHECK(members->care_sections->len && members->care_words->len &&
                  members->care_themes->len && !pack->care_words->len,
              "the members' summary says what is about children in care; the pack does not");
        CsbThemeLibrary *lib =
            csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
        for (guint i = 0; i < members->care_themes->len; i++)
            CHECK(lib && csb_themes_find(lib, members->care_themes->pdata[i]),
                  "care theme '%s' is a theme of templates/themes.yaml",
                  (char *)members->care_themes->pdata[i]);
        /* Short names, for running heads: shorter than the titles, kept in copies. */
        guint shorter = 0, named = 0;
        for (guint i = 0; lib && i < csb_themes_count(lib); i++) {
            const CsbTheme *t = csb_themes_at(lib, i);
            named += t->short_title != NULL;
            shorter += t->short_title && strlen(t->short_title) < strlen(t->title);
        }
        CHECK(named > 20 && shorter == named, "themes have short names shorter than their "
                                              "titles (%u of %u)", shorter, named);
        const CsbTheme *front = lib ? csb_themes_find(lib, "front-door") : NULL;
        CsbTheme *copy = front ? csb_theme_copy(front) : NULL;
        CHECK(copy && g_strcmp0(copy->short_title, "Front door") == 0,
              "the front door theme goes by 'Front door' where its title does not fit, in a "
              "copy too");
        csb_theme_free(copy);
        csb_themes_free(lib);
        CHECK(pack->sections->len == 10 && strcmp(pack->sections->pdata[0], "cover") == 0,
              "the pack has its ten sections, the cover first");
        for (guint i = 0; i < pack->sections->len; i++)
            CHECK(csb_pack_section(pack->sections->pdata[i]) != NULL, "pack section '%s' exists",
                  (char *)pack->sections->pdata[i]);
        for (guint i = 0; i < members->sections->len; i++)
            CHECK(csb_members_section(members->sections->pdata[i]) != NULL,
                  "members' section '%s' exists", (char *)members->sections->pdata[i]);
    }
    csb_template_free(pack);
    csb_template_free(members);
    csb_diag_free(d);
}

static void test_template_errors(void)
{
    char *dir = g_dir_make_tmp("csbrief-tpl-XXXXXX", NULL);
    char *path = g_build_filename(dir, "bad.yaml", NULL);
    g_file_set_contents(path, "kind: template\nname: Bad\nsizes:\n  bdy: 10\n"
                              "section_breaks: sometimes\ncolours:\n  accent: blue\n"
                              "sections: [cover]\n", -1, NULL);
    CsbDiag *d = csb_diag_new();
    CsbTemplate *t = csb_template_load(path, d);
    CHECK(t == NULL, "a template with mistakes is refused");
    GString *all = g_string_new(NULL);
    for (guint i = 0; i < d->items->len; i++) {
        char *m = csb_error_format(d->items->pdata[i]);
        g_string_append_printf(all, "%s\n", m);
        g_free(m);
    }
    CHECK(strstr(all->str, "bad.yaml:4:3: error: unknown key 'bdy' in 'sizes'; did you mean "
                           "'body'?") != NULL,
          "a mistyped size is named with its line, column and a suggestion");
    CHECK(strstr(all->str, ":5:17: error: 'section_breaks' should be true or false") != NULL,
          "a bad flag is named with its position");
    CHECK(strstr(all->str, ":7:11: error: colour 'blue' should be written") != NULL,
          "a bad colour is named with its position");
    g_string_free(all, TRUE);
    csb_diag_free(d);
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
}

static void test_report_links(void)
{
    CsbAuthority a = {.name = "Redcar and Cleveland", .urn = "80541"};
    CsbInspection *with_url = csb_inspection_new("x/report.txt");
    with_url->url = g_strdup("https://example.org/r.pdf");
    CsbInspection *corpus = csb_inspection_new("pdf/80541-redcar-and-cleveland__2026-01-28.pdf");
    CsbInspection *plain = csb_inspection_new("reports/redcar-2025-ilacs.txt");
    plain->kind = CSB_KIND_ILACS;
    CsbInspection *peer = csb_inspection_new("reports/redcar-2023-peer-challenge.txt");
    peer->kind = CSB_KIND_PEER_CHALLENGE;
    CsbInspection *stranger = csb_inspection_new("elsewhere/unknown.txt");
    CsbStory story = {.authority = &a, .inspections = g_ptr_array_new()};
    g_ptr_array_add(story.inspections, plain);
    g_ptr_array_add(story.inspections, peer);
    CsbComparison cmp = {.focus = &story, .peers = g_ptr_array_new()};
    CsbFormatInput in = {.comparison = &cmp};
    char *l1 = csb_fmt_report_link(&in, with_url), *l2 = csb_fmt_report_link(&in, corpus);
    char *l3 = csb_fmt_report_link(&in, plain), *l4 = csb_fmt_report_link(&in, peer);
    char *l5 = csb_fmt_report_link(&in, stranger);
    CHECK_STR(l1, "uri:https://example.org/r.pdf", "a report's own address comes first");
    CHECK_STR(l2, "uri:https://reports.ofsted.gov.uk/provider/44/80541",
              "a corpus file name gives the URN");
    CHECK_STR(l3, "uri:https://reports.ofsted.gov.uk/provider/44/80541",
              "an Ofsted report of a known authority links to its Ofsted page");
    CHECK(l4 == NULL, "an LGA peer challenge gets no Ofsted link");
    CHECK(l5 == NULL, "no URN known, no link");
    g_free(l1);
    g_free(l2);
    g_free(l3);
    g_free(l4);
    g_free(l5);
    g_ptr_array_free(story.inspections, TRUE);
    g_ptr_array_free(cmp.peers, TRUE);
    csb_inspection_free(with_url);
    csb_inspection_free(corpus);
    csb_inspection_free(plain);
    csb_inspection_free(peer);
    csb_inspection_free(stranger);
}

static void test_words(void)
{
    char *r1 = csb_pack_date_range((CsbDate){2025, 12, 1}, (CsbDate){2025, 12, 12});
    char *r2 = csb_pack_date_range((CsbDate){2023, 11, 28}, (CsbDate){2023, 12, 2});
    char *r3 = csb_pack_date_range((CsbDate){0, 0, 0}, (CsbDate){0, 0, 0});
    /* A range within a month never breaks ("3 to / 14 December"); another
     * only before "to", never after it. */
    CHECK_STR(r1, "1" NB "to" NB "12" NB "December" NB "2025", "a range within a month, whole");
    CHECK_STR(r2, "28" NB "November to" NB "2" NB "December" NB "2023",
              "a range across months, broken only before 'to'");
    CHECK_STR(r3, "dates not stated", "no dates");
    g_free(r1);
    g_free(r2);
    g_free(r3);
    /* Every date in words is whole: no space a line may break at. */
    CsbDate oct = {2024, 10, 11};
    char *dates[] = {csb_date_long(oct), csb_date_short(oct), csb_date_day_month(oct),
                     csb_fmt_month_year(oct), csb_fmt_month_short(oct)};
    static const char *const want_dates[] = {"11" NB "October" NB "2024", "11" NB "Oct" NB "2024",
                                             "11" NB "October", "October" NB "2024",
                                             "Oct" NB "2024"};
    for (guint i = 0; i < G_N_ELEMENTS(dates); i++) {
        CHECK_STR(dates[i], want_dates[i], "a date in words, its words joined by no-break spaces");
        g_free(dates[i]);
    }
    /* An inspection held in two parts shows both; one part, the span. */
    static const struct {
        CsbDate start, paused, resumed, end;
        const char *want, *what;
    } parts[] = {
        {{2024, 9, 30}, {2024, 10, 11}, {2025, 1, 13}, {2025, 1, 16},
         "30" NB "September to" NB "11" NB "October" NB "2024 and 13" NB "to" NB "16" NB "January" NB
         "2025",
         "two parts in two years (Devon 2025)"},
        {{2022, 12, 5}, {2022, 12, 9}, {2023, 2, 14}, {2023, 2, 15},
         "5" NB "to" NB "9" NB "December" NB "2022 and 14" NB "to" NB "15" NB "February" NB "2023",
         "two parts across a new year"},
        {{2019, 5, 13}, {2019, 5, 17}, {2019, 6, 3}, {2019, 6, 7},
         "13" NB "to" NB "17" NB "May and 3" NB "to" NB "7" NB "June" NB "2019",
         "two parts in one year: the year once"},
        {{2022, 6, 13}, {2022, 6, 13}, {2022, 7, 4}, {2022, 7, 4}, "13" NB "June and 4" NB "July" NB "2022",
         "two single days"},
        {{2021, 3, 2}, {2021, 3, 4}, {2021, 3, 15}, {2021, 3, 15},
         "2" NB "to" NB "4" NB "March and 15" NB "March" NB "2021", "a range and a day in one month"},
        {{2025, 12, 1}, {0}, {0}, {2025, 12, 12}, "1" NB "to" NB "12" NB "December" NB "2025",
         "one part"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(parts); i++) {
        CsbInspection *x = csb_inspection_new("x.pdf");
        x->start = parts[i].start;
        x->paused = parts[i].paused;
        x->resumed = parts[i].resumed;
        x->end = parts[i].end;
        char *got = csb_pack_inspection_dates(x);
        CHECK(g_strcmp0(got, parts[i].want) == 0, "inspection dates, %s: got '%s'",
              parts[i].what, got);
        g_free(got);
        csb_inspection_free(x);
    }
    char *span = csb_fmt_range("12" NB "September", "to", "6" NB "October" NB "2016");
    CHECK_STR(span, "12" NB "September to" NB "6" NB "October" NB "2016",
              "a range of whole dates breaks only before 'to'");
    g_free(span);
    span = csb_fmt_range("3", "to", "14" NB "December" NB "2018");
    CHECK_STR(span, "3" NB "to" NB "14" NB "December" NB "2018",
              "a range from a bare day never breaks");
    g_free(span);
    CsbInspection *in = csb_inspection_new("r.txt");
    in->kind = CSB_KIND_ILACS;
    in->authority = g_strdup("Redcar and Cleveland");
    in->end = (CsbDate){2025, 12, 12};
    CsbDiag *d = csb_diag_new();
    CsbFrameworks *fw = csb_frameworks_load("data/frameworks.yaml", d);
    /* A numbered paragraph by its number; an unnumbered one by its section,
     * unless that is the report's title block, which names the authority
     * (Middlesbrough 2019's "Middlesbrough Borough Council"). */
    struct {
        CsbParagraph p;
        const char *want, *what;
    } cases[] = {
        {{25, NULL, NULL, 7},
         "Redcar and Cleveland, ILACS inspection, December" NB "2025, paragraph 25 (page 7)",
         "a citation names authority, report, paragraph and page"},
        {{0, "What needs to improve", NULL, 2},
         "Redcar and Cleveland, ILACS inspection, December" NB "2025, under \u201CWhat needs to "
         "improve\u201D (page 2)",
         "an unnumbered paragraph is cited by its section"},
        {{0, "Redcar and Cleveland Borough Council", NULL, 1},
         "Redcar and Cleveland, ILACS inspection, December" NB "2025 (page 1)",
         "... not by the report's title block"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        CsbRich *c = csb_fmt_citation(fw, in, &cases[i].p);
        char *ct = csb_rich_text(c);
        CHECK_STR(ct, cases[i].want, cases[i].what);
        g_free(ct);
        csb_rich_free(c);
    }
    csb_inspection_free(in);
    /* A citation names the inspection by the months it was held, as the
     * briefing's sentences do ("in February and March 2023"), not by the
     * month it ended alone; one held in two parts by the month each ended. */
    static const struct {
        CsbDate start, paused, resumed, end;
        const char *want, *what;
    } held[] = {
        {{2023, 2, 20}, {0}, {0}, {2023, 3, 3},
         "Birmingham, ILACS inspection, February" NB "and" NB "March" NB "2023, paragraph 33 (page 6)",
         "a citation of an inspection over two months names both"},
        {{2024, 12, 2}, {0}, {0}, {2025, 1, 10},
         "Birmingham, ILACS inspection, December" NB "2024 and" NB "January" NB "2025, paragraph 33 "
         "(page 6)",
         "... over a new year, each with its year"},
        {{2025, 7, 7}, {0}, {0}, {2025, 7, 18},
         "Birmingham, ILACS inspection, July" NB "2025, paragraph 33 (page 6)",
         "... within one month, that month"},
        {{2024, 9, 30}, {2024, 10, 11}, {2025, 1, 13}, {2025, 1, 16},
         "Birmingham, ILACS inspection, October" NB "2024 and" NB "January" NB "2025, paragraph 33 "
         "(page 6)",
         "... held in two parts (Devon 2025), the month each part ended"},
        {{2019, 5, 13}, {2019, 5, 17}, {2019, 6, 3}, {2019, 6, 7},
         "Birmingham, ILACS inspection, May" NB "and" NB "June" NB "2019, paragraph 33 (page 6)",
         "... in two parts in one year, the year once"},
    };
    CsbParagraph p33 = {33, NULL, NULL, 6};
    for (guint i = 0; i < G_N_ELEMENTS(held); i++) {
        CsbInspection *x = csb_inspection_new("x.pdf");
        x->kind = CSB_KIND_ILACS;
        x->authority = g_strdup("Birmingham");
        x->start = held[i].start;
        x->paused = held[i].paused;
        x->resumed = held[i].resumed;
        x->end = held[i].end;
        CsbRich *c = csb_fmt_citation(fw, x, &p33);
        char *ct = csb_rich_text(c);
        CHECK_STR(ct, held[i].want, held[i].what);
        g_free(ct);
        csb_rich_free(c);
        csb_inspection_free(x);
    }
    csb_frameworks_free(fw);
    csb_diag_free(d);
}

/* A title inside a sentence keeps its acronyms and names ("the MASH/MACH",
 * "the Public Law Outline"); only a sentence-case first letter is lowered. */
static void test_in_sentence(void)
{
    const char *cases[][2] = {
        {"Front door, thresholds and the MASH/MACH", "front door, thresholds and the MASH/MACH"},
        {"Court work and the Public Law Outline", "court work and the Public Law Outline"},
        {"LADO allegations", "LADO allegations"},
        {"IROs' challenge", "IROs' challenge"},
        {"Éducation", "éducation"},
        {"care leavers", "care leavers"},
        {"A", "a"},
        {"", ""},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = csb_text_in_sentence(cases[i][0]);
        CHECK_STR(got, cases[i][1], "a title inside a sentence");
        g_free(got);
    }
}

static void test_abbreviations(void)
{
    CsbDiag *d = csb_diag_new();
    CsbCsv *glossary = csb_csv_load("data/glossary.csv", d);
    CsbFormatInput in = {.glossary = glossary};
    CsbFormatter fm = {NULL, &in, NULL, NULL,
                       g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), NULL, 0};
    csb_fmt_note_abbreviations(&fm, "The IRO and PAs met the LADO; MASH/MACH staff and SGOs. "
                                    "LCAs, the MASSH and a MARF. A PA and SATs. "
                                    "ILACSX and Ofsted and OK are not known words.");
    /* A plural is noted as its singular, one row for both ("PAs" and "PA":
     * Hounslow's summary had a row for each); one whose singular the
     * glossary lacks as itself ("SATs"). */
    const char *want[] = {"IRO", "PA", "LADO", "MASH", "MACH", "SGO", "LCA", "MASSH", "MARF",
                          "SATs"};
    for (guint i = 0; i < G_N_ELEMENTS(want); i++)
        CHECK(g_hash_table_contains(fm.abbreviations, want[i]), "glossary notes %s", want[i]);
    CHECK(!g_hash_table_contains(fm.abbreviations, "PAs") &&
              !g_hash_table_contains(fm.abbreviations, "SGOs"),
          "a plural is not noted apart from its singular");
    CHECK(!g_hash_table_contains(fm.abbreviations, "OK") &&
              !g_hash_table_contains(fm.abbreviations, "ILACSX"),
          "words the glossary does not know are not noted");
    g_hash_table_destroy(fm.abbreviations);
    if (fm.glossary_index)
        g_hash_table_destroy(fm.glossary_index);
    csb_csv_free(glossary);
    csb_diag_free(d);
}

/* The word cells of the members' summary's glossary for text, "[...]"
 * each, its framework rows first; kinds: the kinds of report it names. */
static char *glossary_words(const char *text, guint kinds, guint column)
{
    CsbDiag *d = csb_diag_new();
    CsbCsv *glossary = csb_csv_load("data/glossary.csv", d);
    CsbFrameworks *fw = csb_frameworks_load("data/frameworks.yaml", d);
    CsbTemplate *tpl = csb_template_load("templates/members-summary.yaml", d);
    GString *words = g_string_new(NULL);
    if (glossary && fw && tpl) {
        CsbFormatInput in = {.glossary = glossary};
        CsbFormatter fm = {csb_doc_new(tpl), &in, NULL, fw,
                           g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), NULL,
                           kinds};
        csb_fmt_note_abbreviations(&fm, text);
        csb_members_section("glossary")(&fm);
        for (guint i = 0; i < fm.doc->blocks->len; i++) {
            const CsbDocBlock *b = fm.doc->blocks->pdata[i];
            for (guint r = 0; b->kind == CSB_BLOCK_TABLE && r < b->table->rows->len; r++) {
                const GPtrArray *row = b->table->rows->pdata[r];
                char *w = csb_rich_text(((const CsbTableCell *)row->pdata[column])->text);
                g_string_append_printf(words, "[%s]", w);
                g_free(w);
            }
        }
        g_hash_table_destroy(fm.abbreviations);
        if (fm.glossary_index)
            g_hash_table_destroy(fm.glossary_index);
        csb_doc_free(fm.doc);
    } else {
        g_string_append(words, "(the glossary, frameworks or template did not load)");
    }
    csb_template_free(tpl);
    csb_frameworks_free(fw);
    csb_csv_free(glossary);
    csb_diag_free(d);
    return g_string_free(words, FALSE);
}

/* The members' summary's glossary: a term an abbreviation's row spells
 * out ("virtual school" beside "VS, Virtual school") gets no row of its
 * own; a term no abbreviation spells out keeps its row; forms of one term
 * share a row ("later life letter", "later-life letters": quoted in
 * Hounslow's summary, unexplained). An inspection framework's
 * abbreviation is explained by the framework's own row
 * (data/frameworks.yaml), whether or not a report of it is named: what it
 * was and when it ran are said there alone (Hounslow's said "November
 * 2013 to 2017" in one source, glossary.csv "2013 to 2017" in another). */
static void test_glossary_rows(void)
{
    char *words = glossary_words("The virtual school (VS) tracks progress; the VS and "
                                 "the virtual school help with permanence. Children have "
                                 "later-life letters; a later life letter is written.",
                                 0, 0);
    CHECK_STR(words, "[Later life letter, later-life letters][Permanence][VS\nVirtual school]",
              "one row for the virtual school, spelled out by its abbreviation; permanence "
              "keeps its own; later-life letters are explained, in one row");
    g_free(words);
    /* Terms the national summaries quoted unexplained (an audit of the 78):
     * each explained where the text uses it, its forms in one row; one an
     * abbreviation's row spells out ("Public Law Outline (PLO)"), or whose
     * singular it spells out ("personal education plans (PEPs)"), is
     * explained there alone. */
    words = glossary_words("The Public Law Outline (PLO) and personal education plans (PEPs); "
                           "return home interviews; the local offer; thresholds; strategy "
                           "meetings and a strategy discussion; kinship carers and a kinship "
                           "carer; letters before proceedings; in BCP.",
                           0, 0);
    CHECK_STR(words, "[BCP\nBournemouth, Christchurch and Poole][Kinship carer, kinship carers]"
                     "[Letters before proceedings][Local offer][PEP\nPersonal education plan]"
                     "[PLO\nPublic Law Outline][Return home interviews]"
                     "[Strategy discussion, strategy meetings][Thresholds]",
              "jargon the audit found unexplained has its rows, spelled-out forms none");
    g_free(words);
    words = glossary_words("Personal education plans, pathway plans, kinship care, an initial "
                           "health assessment and the Public Law Outline.",
                           0, 0);
    CHECK_STR(words, "[Initial health assessment][Kinship care][Pathway plans]"
                     "[Personal education plans][Public law outline]",
              "a term spelled out without its abbreviation is explained as a term");
    g_free(words);
    words = glossary_words("The offer made locally; leaders' strategy; a plan for the pathway.",
                           0, 0);
    CHECK_STR(words, "", "the words of a term apart are not the term");
    g_free(words);
    words = glossary_words("Since the SIF inspection, and the ILACS inspection.", 0, 0);
    CHECK_STR(words, "[Single inspection framework (SIF)][Inspection of local authority "
                     "children's services (ILACS)]",
              "framework abbreviations explained by their frameworks' rows alone");
    g_free(words);
    words = glossary_words("Since the SIF inspection.", 1u << CSB_KIND_SIF, 0);
    CHECK_STR(words, "[Single inspection framework (SIF)]",
              "... and once when a report of it is named too");
    g_free(words);
    /* When it ran is said once: not "(2018 to date)" after "... since
     * 2018", but after an explanation that does not say it. */
    words = glossary_words("", 1u << CSB_KIND_ILACS | 1u << CSB_KIND_JTAI, 1);
    CHECK(!strstr(words, "(2018 to date)") && strstr(words, "since 2018"),
          "ILACS's row says when it ran once: %s", words);
    CHECK(strstr(words, "(2016 to date)") != NULL, "a JTAI's row says when, after it: %s",
          words);
    g_free(words);
}

/* The members' summary ranks care paragraphs by what their reading
 * weighed, not by how many cues it named: a strength named only as a
 * response to a shortfall ("responded swiftly to address this shortfall")
 * weighs nothing, and a concern cue the reading did not count beside
 * praise ("aspirational") costs a strength nothing. */
static void test_care_weight(void)
{
    CsbDiag *d = csb_diag_new();
    CsbThemeLibrary *lib = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
    CHECK(lib != NULL, "the shipped themes and cues load");
    if (!lib) {
        csb_diag_free(d);
        return;
    }
    CsbToneResult *response = csb_themes_classify_result(
        lib, "Senior leaders have responded swiftly to address this shortfall.", NULL, NULL);
    CsbToneResult *praise = csb_themes_classify_result(
        lib, "The local offer is aspirational and thoughtful, reflecting the council's "
             "commitment to helping care experienced young people become thriving adults.",
        NULL, NULL);
    CsbToneResult *plain = csb_themes_classify_result(
        lib, "Personal advisers provide purposeful support to care leavers.", NULL, NULL);
    CHECK(csb_members_care_weight(response, CSB_TONE_STRENGTH) <= 0,
          "a response to a shortfall is not a strength to quote (%.2f)",
          csb_members_care_weight(response, CSB_TONE_STRENGTH));
    CHECK(csb_members_care_weight(response, CSB_TONE_CONCERN) > 0,
          "... but its shortfall weighs as a concern");
    CHECK(csb_members_care_weight(praise, CSB_TONE_STRENGTH) >
              csb_members_care_weight(plain, CSB_TONE_STRENGTH),
          "a cue not counted beside praise costs it nothing (%.2f against %.2f)",
          csb_members_care_weight(praise, CSB_TONE_STRENGTH),
          csb_members_care_weight(plain, CSB_TONE_STRENGTH));
    csb_tone_result_free(response);
    csb_tone_result_free(praise);
    csb_tone_result_free(plain);
    csb_themes_free(lib);
    csb_diag_free(d);
}

/* A history of care leavers' grades from inspections held from 30 June to
 * 16 July of each year, each judging area ids[i] grades[i]; the reports
 * are added to reports. */
static CsbAreaHistory *care_history(const CsbAreaMap *areas, GPtrArray *reports, int n,
                                    const int *years, const char *const *ids,
                                    const CsbGrade *grades)
{
    GPtrArray *ins = g_ptr_array_new();
    for (int i = 0; i < n; i++) {
        char *file = g_strdup_printf("r%d-%d.pdf", reports->len, years[i]);
        CsbInspection *in = csb_inspection_new(file);
        g_free(file);
        in->start = (CsbDate){years[i], 6, 30};
        in->end = (CsbDate){years[i], 7, 16};
        csb_inspection_add_judgement(in, ids[i], grades[i], NULL, NULL, 1);
        g_ptr_array_add(reports, in);
        g_ptr_array_add(ins, in);
    }
    CsbAreaHistory *h = csb_history_build(csb_areas_find(areas, "care_leavers"), areas, ins);
    g_ptr_array_free(ins, TRUE);
    return h;
}

/* "since ...": the earlier grade's date (a point in time: the month its
 * inspection ended, July, not "June and July", unless a line beside names
 * that inspection by its months), and the combined 2018-22
 * judgement named when that is what the earlier grade was of, when it was
 * by the months its inspection was held ("in June and July 2018", "in"
 * kept with them); a grade that stayed the same counts from the first of
 * its unbroken run. */
static void test_since(void)
{
    CsbDiag *d = csb_diag_new();
    CsbFrameworks *fw = csb_frameworks_load("data/frameworks.yaml", d);
    CsbAreaMap *areas = fw ? csb_areas_load("data/areas.csv", fw, d) : NULL;
    CHECK(areas != NULL, "data/areas.csv and data/frameworks.yaml load");
    if (!areas) {
        csb_frameworks_free(fw);
        csb_diag_free(d);
        return;
    }
    CsbFormatInput in = {.areas = areas};
    GPtrArray *reports = g_ptr_array_new_with_free_func((GDestroyNotify)csb_inspection_free);
    static const struct {
        int n, years[3];
        const char *ids[3];
        CsbGrade grades[3];
        const char *want, *what;
    } cases[] = {
        {2, {2019, 2021}, {"in_care_and_care_leavers", "care_leavers"}, {CSB_GRADE_OUTSTANDING,
         CSB_GRADE_GOOD}, "since July" NB "2019 (then one judgement: Children in care and care "
         "leavers)", "a grade carried over from the joint judgement says so"},
        {2, {2019, 2021}, {"care_leavers", "care_leavers"}, {CSB_GRADE_GOOD, CSB_GRADE_GOOD},
         "since July" NB "2019", "a grade of the same area is just dated"},
        {2, {2019, 2021}, {"in_care_and_care_leavers", "in_care_and_care_leavers"},
         {CSB_GRADE_OUTSTANDING, CSB_GRADE_OUTSTANDING},
         "since July" NB "2019 (both times one judgement: Children in care and care leavers)",
         "when the latest grade is of the joint judgement too, it says both were"},
        {3, {2018, 2022, 2026}, {"care_leavers", "care_leavers", "care_leavers"},
         {CSB_GRADE_OUTSTANDING, CSB_GRADE_OUTSTANDING, CSB_GRADE_OUTSTANDING},
         "since July" NB "2018", "a grade that stayed through three inspections: since the first"},
        {3, {2014, 2018, 2022}, {"care_leavers", "care_leavers", "care_leavers"},
         {CSB_GRADE_GOOD, CSB_GRADE_OUTSTANDING, CSB_GRADE_OUTSTANDING}, "since July" NB "2018",
         "... since the first of its unbroken run, not before"},
        {3, {2018, 2022, 2026}, {"care_leavers", "care_leavers", "care_leavers"},
         {CSB_GRADE_GOOD, CSB_GRADE_GOOD, CSB_GRADE_OUTSTANDING}, "since July" NB "2022",
         "a grade that moved counts from the grade before"},
        {3, {2019, 2020, 2021}, {"in_care_and_care_leavers", "in_care_and_care_leavers",
         "in_care_and_care_leavers"}, {CSB_GRADE_GOOD, CSB_GRADE_GOOD, CSB_GRADE_GOOD},
         "since July" NB "2019 (each time one judgement: Children in care and care leavers)",
         "a run of the joint judgement says it was one each time"},
        {3, {2019, 2021, 2023}, {"in_care_and_care_leavers", "in_care_and_care_leavers",
         "care_leavers"}, {CSB_GRADE_GOOD, CSB_GRADE_GOOD, CSB_GRADE_GOOD},
         "since July" NB "2019 (then one judgement: Children in care and care leavers)",
         "a run begun under the joint judgement says it was one then"},
        {3, {2014, 2018, 2022}, {"care_leavers", "in_care_and_care_leavers", "care_leavers"},
         {CSB_GRADE_GOOD, CSB_GRADE_GOOD, CSB_GRADE_GOOD},
         "since July" NB "2014 (in" NB "June" NB "and" NB "July" NB "2018 one judgement: Children in "
         "care and care leavers)",
         "a run through the joint judgement says when it was one"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        CsbAreaHistory *h = care_history(areas, reports, cases[i].n, cases[i].years,
                                         cases[i].ids, cases[i].grades);
        char *got = h->changes->len ? csb_fmt_since(&in, h, NULL) : NULL;
        CHECK_STR(got, cases[i].want, cases[i].what);
        g_free(got);
        csb_history_free(h);
    }
    /* Beside a line naming the earlier inspection by its months ("Not
     * judged at the June and July 2023 inspection; this grade is from June
     * and July 2019", children in care's), it is named so, not as a month
     * that would read as another inspection; one held in a month alone is
     * that month either way. */
    static const int years[] = {2019, 2021, 2023};
    static const char *const ids[] = {"care_leavers", "care_leavers", "care_leavers"};
    static const CsbGrade grades[] = {CSB_GRADE_GOOD, CSB_GRADE_OUTSTANDING,
                                      CSB_GRADE_OUTSTANDING};
    CsbAreaHistory *h = care_history(areas, reports, 2, years, ids, grades);
    CsbInspection *earlier = reports->pdata[reports->len - 2];
    csb_inspection_add_judgement(earlier, "in_care", CSB_GRADE_GOOD, NULL, NULL, 1);
    GPtrArray *one = g_ptr_array_new();
    g_ptr_array_add(one, earlier);
    CsbAreaHistory *in_care = csb_history_build(csb_areas_find(areas, "in_care"), areas, one);
    GPtrArray *beside = g_ptr_array_new();
    g_ptr_array_add(beside, in_care);
    g_ptr_array_add(beside, h);
    char *got = csb_fmt_since(&in, h, beside);
    CHECK_STR(got, "since July" NB "2019", "no line beside names it: the month it ended");
    g_free(got);
    in_care->not_judged_since = reports->pdata[reports->len - 1];
    got = csb_fmt_since(&in, h, beside);
    CHECK_STR(got, "since the June" NB "and" NB "July" NB "2019 inspection",
              "a line beside names it by its months: so does since");
    g_free(got);
    earlier->start = (CsbDate){2019, 7, 1};
    got = csb_fmt_since(&in, h, beside);
    CHECK_STR(got, "since July" NB "2019", "held in July alone, it is July either way");
    g_free(got);
    g_ptr_array_free(beside, TRUE);
    g_ptr_array_free(one, TRUE);
    csb_history_free(in_care);
    csb_history_free(h);
    g_ptr_array_free(reports, TRUE);
    csb_areas_free(areas);
    csb_frameworks_free(fw);
    csb_diag_free(d);
}

/* An area's changes in words: a run of inspections that kept one grade is
 * one sentence with its span in plain words (Devon's care leavers read
 * "Stayed Inadequate over 4.9 years. Stayed Inadequate over 5.0 years."),
 * each move another, dated by its two inspections. */
static void test_movements(void)
{
    static const struct {
        double years;
        const char *want;
    } spans[] = {{0.05, "about a month"}, {0.7, "about 8 months"}, {1.2, "about a year"},
                 {1.6, "about 2 years"}, {3.3, "about 3 years"}, {4.9, "about 5 years"}};
    for (guint i = 0; i < G_N_ELEMENTS(spans); i++) {
        char *got = csb_pack_about_years(spans[i].years);
        CHECK_STR(got, spans[i].want, "a span in a reader's words");
        g_free(got);
    }
    CsbDiag *d = csb_diag_new();
    CsbFrameworks *fw = csb_frameworks_load("data/frameworks.yaml", d);
    CsbAreaMap *areas = fw ? csb_areas_load("data/areas.csv", fw, d) : NULL;
    CHECK(areas != NULL, "data/areas.csv and data/frameworks.yaml load");
    GPtrArray *reports = g_ptr_array_new_with_free_func((GDestroyNotify)csb_inspection_free);
    static const struct {
        int n, years[4];
        CsbGrade grades[4];
        const char *want, *what;
    } cases[] = {
        {3, {2015, 2020, 2025}, {CSB_GRADE_INADEQUATE, CSB_GRADE_INADEQUATE, CSB_GRADE_INADEQUATE},
         " Stayed Inadequate for about 10 years, at 3 inspections (July" NB "2015 to" NB "July" NB
         "2025).",
         "three inspections of one grade read once"},
        {3, {2015, 2020, 2025}, {CSB_GRADE_REQUIRES_IMPROVEMENT, CSB_GRADE_INADEQUATE,
         CSB_GRADE_INADEQUATE},
         " Declined from Requires improvement to Inadequate between July" NB "2015 and" NB "July" NB
         "2020. Stayed Inadequate for about 5 years (July" NB "2020 to" NB "July" NB "2025).",
         "a move, then a grade kept"},
        {4, {2015, 2018, 2022, 2025}, {CSB_GRADE_GOOD, CSB_GRADE_GOOD, CSB_GRADE_OUTSTANDING,
         CSB_GRADE_OUTSTANDING},
         " Stayed Good for about 3 years (July" NB "2015 to" NB "July" NB "2018). Improved from Good "
         "to Outstanding between July" NB "2018 and" NB "July" NB "2022. Stayed Outstanding for about "
         "3 years (July" NB "2022 to" NB "July" NB "2025).",
         "two runs apart are said apart"},
    };
    static const char *const ids[] = {"care_leavers", "care_leavers", "care_leavers",
                                      "care_leavers"};
    for (guint i = 0; areas && i < G_N_ELEMENTS(cases); i++) {
        CsbAreaHistory *h = care_history(areas, reports, cases[i].n, cases[i].years, ids,
                                         cases[i].grades);
        CsbRich *r = csb_rich_new();
        csb_pack_add_movements(r, h);
        char *got = csb_rich_text(r);
        CHECK_STR(got, cases[i].want, cases[i].what);
        g_free(got);
        csb_rich_free(r);
        csb_history_free(h);
    }
    g_ptr_array_free(reports, TRUE);
    csb_areas_free(areas);
    csb_frameworks_free(fw);
    csb_diag_free(d);
}

/* ---- a comparison built here ------------------------------------------- */

typedef struct {
    CsbReference *ref;
    CsbAreaMap *areas;
    CsbThemeLibrary *lib;
    GPtrArray *reports, *themes, *comparators;
    CsbUnreadWords *words; /* data/not-read-reasons.csv */
    CsbComparison *c;
} Group;

/* An ILACS inspection of authority ending on iso, grading every headline
 * area Good, or (partial) only children in care, as after April 2026. */
static void ilacs(Group *g, const char *authority, const char *iso, gboolean partial)
{
    char *file = g_strdup_printf("%s-%s.pdf", authority, iso);
    CsbInspection *in = csb_inspection_new(file);
    g_free(file);
    in->authority = g_strdup(authority);
    in->kind = CSB_KIND_ILACS;
    in->start = in->end = csb_date_from_iso(iso);
    in->sha256 = g_compute_checksum_for_string(G_CHECKSUM_SHA256, in->file, -1);
    static const char *const all[] = {"overall", "leadership", "help_protection", "in_care",
                                      "care_leavers"};
    for (guint i = partial ? 3 : 0; i < (partial ? 4 : G_N_ELEMENTS(all)); i++)
        csb_inspection_add_judgement(in, all[i], CSB_GRADE_GOOD, all[i], "Good", 0);
    g_ptr_array_add(g->reports, in);
}

static gboolean group_load(Group *g, CsbDiag *d)
{
    g->ref = csb_reference_load(".", d);
    g->areas = g->ref ? csb_areas_load("data/areas.csv", g->ref->frameworks, d) : NULL;
    g->lib = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
    g->words = csb_unread_words_load("data/not-read-reasons.csv", d);
    g->reports = g_ptr_array_new_with_free_func((GDestroyNotify)csb_inspection_free);
    g->themes = g_ptr_array_new();
    g->comparators = g_ptr_array_new();
    return g->areas && g->lib;
}

/* Compare focus with the peers, each a canonical name of the authority
 * table, over the reports added so far. */
static const CsbComparison *group_compare(Group *g, const char *focus, const char *const *peers,
                                          guint n)
{
    for (guint i = 0; i < n; i++)
        g_ptr_array_add(g->comparators,
                        (gpointer)csb_authorities_find(g->ref->authorities, peers[i]));
    CsbCompareInput input = {.inspections = g->reports, .authorities = g->ref->authorities,
                             .areas = g->areas, .library = g->lib, .themes = g->themes,
                             .focus = focus, .comparators = g->comparators,
                             .briefing_only = TRUE};
    g->c = csb_compare(&input);
    return g->c;
}

static void group_free(Group *g)
{
    if (g->c)
        csb_comparison_free(g->c);
    g_ptr_array_free(g->comparators, TRUE);
    g_ptr_array_free(g->themes, TRUE);
    g_ptr_array_free(g->reports, TRUE);
    csb_themes_free(g->lib);
    csb_areas_free(g->areas);
    csb_reference_free(g->ref);
    csb_unread_words_free(g->words);
}

/* Load g's reference data, area map and themes, and the pack's template
 * into *tpl: FALSE (a failed check) when any did not load. */
static gboolean pack_load(Group *g, CsbTemplate **tpl, CsbDiag *d)
{
    *tpl = csb_template_load("templates/briefing-pack.yaml", d);
    gboolean loaded = group_load(g, d) && *tpl;
    CHECK(loaded, "the reference data, area map, themes and pack load");
    return loaded;
}

/* A formatter of a new document of tpl for the focus of c, reading in;
 * formatter_clear frees what it made. */
static CsbFormatter focus_formatter(CsbTemplate *tpl, const CsbFormatInput *in,
                                    const CsbComparison *c, const Group *g)
{
    return (CsbFormatter){csb_doc_new(tpl), in, c->focus, g->ref->frameworks,
                          g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), NULL, 0};
}

static void formatter_clear(CsbFormatter *fm)
{
    g_hash_table_destroy(fm->abbreviations);
    if (fm->glossary_index)
        g_hash_table_destroy(fm->glossary_index);
    csb_doc_free(fm->doc);
}

/* The peers' grid's caption explains a dashed cell marked * only when the
 * grid has one (Wiltshire's pack said so of a grid with none). */
static void test_matrix_caption(void)
{
    for (int stale = 0; stale < 2; stale++) {
        CsbDiag *d = csb_diag_new();
        Group g = {0};
        CHECK(group_load(&g, d), "the reference data, area map and themes load");
        if (g.areas && g.lib) {
            ilacs(&g, "Wiltshire", "2023-09-22", FALSE);
            ilacs(&g, "Swindon", "2023-07-14", FALSE);
            if (stale) /* Swindon's overall grade and three areas not judged since */
                ilacs(&g, "Swindon", "2026-06-12", TRUE);
            static const char *const peers[] = {"Swindon"};
            const CsbComparison *c = group_compare(&g, "Wiltshire", peers, 1);
            CsbChart *chart = csb_fmt_matrix_chart(c);
            gboolean said = strstr(chart->caption, "dashed cell marked *") != NULL;
            CHECK(said == stale, "%s: the caption %s dashed cells marked *",
                  stale ? "a grid with cells older than the latest inspection"
                        : "a grid with none",
                  said ? "explains" : "does not mention");
            csb_chart_free(chart);
        }
        group_free(&g);
        csb_diag_free(d);
    }
}

/* Lists of authority names: a name with a comma of its own ("Bristol,
 * City of") makes the list one of semicolons, so that "Bournemouth,
 * Christchurch and Poole, Bristol, City of, Devon" no longer reads as five
 * authorities; the pack's cover and its peers' section write them so. */
static void test_names(void)
{
    static const struct {
        const char *names, *last, *want;
    } cases[] = {
        {"Swindon|Devon|Dorset", "and", "Swindon, Devon and Dorset"},
        {"Swindon|Devon", "or", "Swindon or Devon"},
        {"Swindon|Devon|Dorset", NULL, "Swindon, Devon, Dorset"},
        {"Bournemouth, Christchurch and Poole|Bristol, City of|Devon", "and",
         "Bournemouth, Christchurch and Poole; Bristol, City of; and Devon"},
        {"Devon|Bristol, City of", "or", "Devon; or Bristol, City of"},
        {"Devon|Bristol, City of|Swindon", NULL, "Devon; Bristol, City of; Swindon"},
        {"Bristol, City of", "and", "Bristol, City of"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        char **split = g_strsplit(cases[i].names, "|", -1);
        GPtrArray *names = g_ptr_array_new();
        for (char **n = split; *n; n++)
            g_ptr_array_add(names, *n);
        char *got = csb_fmt_names(names, cases[i].last);
        CHECK_STR(got, cases[i].want, "names in a sentence");
        g_free(got);
        g_ptr_array_free(names, TRUE);
        g_strfreev(split);
    }
    CsbDiag *d = csb_diag_new();
    Group g = {0};
    CsbTemplate *tpl = NULL;
    if (pack_load(&g, &tpl, d)) {
        static const char *const peers[] = {"Bournemouth, Christchurch and Poole",
                                            "Bristol, City of", "Devon"};
        ilacs(&g, "Wiltshire", "2023-09-22", FALSE);
        for (guint i = 0; i < G_N_ELEMENTS(peers); i++)
            ilacs(&g, peers[i], "2024-01-19", FALSE);
        g_ptr_array_add(g.themes, (gpointer)csb_themes_find(g.lib, "sufficiency"));
        const CsbComparison *c = group_compare(&g, "Wiltshire", peers, G_N_ELEMENTS(peers));
        CsbFormatInput in = {.comparison = c, .areas = g.areas};
        CsbFormatter fm = focus_formatter(tpl, &in, c, &g);
        csb_pack_section("cover")(&fm);
        csb_pack_section("peers")(&fm);
        GString *all = g_string_new(NULL);
        const CsbTable *facts = fm.doc->cover.facts;
        for (guint r = 0; facts && r < facts->rows->len; r++) {
            const GPtrArray *row = facts->rows->pdata[r];
            char *t = csb_rich_text(((const CsbTableCell *)row->pdata[row->len - 1])->text);
            g_string_append_printf(all, "[%s]", t);
            g_free(t);
        }
        for (guint i = 0; i < fm.doc->blocks->len; i++) {
            const CsbDocBlock *b = fm.doc->blocks->pdata[i];
            char *t = b->kind == CSB_BLOCK_PARAGRAPH ? csb_rich_text(b->text) : NULL;
            if (t)
                g_string_append_printf(all, "[%s]", t);
            g_free(t);
        }
        CHECK(strstr(all->str, "[Bournemouth, Christchurch and Poole; Bristol; Devon]"),
              "the cover names the comparators apart, Bristol as running text does");
        CHECK(strstr(all->str, "[Wiltshire is compared with Bournemouth, Christchurch and "
                               "Poole; Bristol; and Devon, on each"),
              "the peers' section names them so");
        CHECK(!strstr(all->str, "Bristol, City of"), "no running text names 'Bristol, City of'");
        /* The peers' themes list: the focus's counts in the mentions' words,
         * none as well ("0 concerns, 0 mixed", not "no concern, none
         * mixed"), so adjacent items read alike. */
        gboolean counted = FALSE, worded = FALSE;
        for (guint i = 0; i < fm.doc->blocks->len; i++) {
            const CsbDocBlock *b = fm.doc->blocks->pdata[i];
            for (guint k = 0; b->kind == CSB_BLOCK_LIST && k < b->items->len; k++) {
                char *t = csb_rich_text(b->items->pdata[k]);
                counted |= strstr(t, "Wiltshire\u2019s latest inspection: 0 concerns, 0 mixed.") != NULL;
                worded |= strstr(t, "none mixed") != NULL;
                g_free(t);
            }
        }
        CHECK(counted && !worded, "the peers' themes give the focus's counts as numbers, none too");
        g_string_free(all, TRUE);
        formatter_clear(&fm);
    }
    csb_template_free(tpl);
    group_free(&g);
    csb_diag_free(d);
}

/* Text of the paragraphs of a document, each in brackets. */
static char *doc_paragraphs(const CsbDoc *doc)
{
    GString *all = g_string_new(NULL);
    for (guint i = 0; i < doc->blocks->len; i++) {
        const CsbDocBlock *b = doc->blocks->pdata[i];
        char *t = b->kind == CSB_BLOCK_PARAGRAPH ? csb_rich_text(b->text) : NULL;
        if (t)
            g_string_append_printf(all, "[%s]", t);
        g_free(t);
    }
    return g_string_free(all, FALSE);
}

/* The pack's grades in words: a grade the report writes in capitals
 * ("Requires Improvement", Devon 2015) is shown in the case
 * data/grades.csv gives it, beside a later "Requires improvement to be
 * good"; an area graded as the one before it at the same inspections
 * (Leeds's care leavers beside children in care) says so once, not the
 * same sentences again. */
static void test_pack_grades(void)
{
    CsbDiag *d = csb_diag_new();
    Group g = {0};
    CsbTemplate *tpl = csb_template_load("templates/briefing-pack.yaml", d);
    CsbCsv *grades = csb_csv_load("data/grades.csv", d);
    CHECK(group_load(&g, d) && tpl && grades, "the reference data, pack and grades load");
    if (g.areas && g.lib && tpl && grades) {
        static const char *const iso[] = {"2015-03-20", "2020-01-24", "2025-01-17"};
        static const char *const leaders[] = {"Requires Improvement", "Inadequate",
                                              "Requires improvement to be good"};
        static const CsbGrade lead[] = {CSB_GRADE_REQUIRES_IMPROVEMENT, CSB_GRADE_INADEQUATE,
                                        CSB_GRADE_REQUIRES_IMPROVEMENT};
        for (guint i = 0; i < G_N_ELEMENTS(iso); i++) {
            char *file = g_strdup_printf("devon-%s.pdf", iso[i]);
            CsbInspection *in = csb_inspection_new(file);
            g_free(file);
            in->authority = g_strdup("Devon");
            in->kind = i ? CSB_KIND_ILACS : CSB_KIND_SIF;
            in->start = in->end = csb_date_from_iso(iso[i]);
            in->sha256 = g_compute_checksum_for_string(G_CHECKSUM_SHA256, in->file, -1);
            csb_inspection_add_judgement(in, "leadership", lead[i], "Leadership", leaders[i], 0);
            csb_inspection_add_judgement(in, "in_care", CSB_GRADE_INADEQUATE, "Children in care",
                                         "Inadequate", 0);
            csb_inspection_add_judgement(in, "care_leavers", CSB_GRADE_INADEQUATE, "Care leavers",
                                         "Inadequate", 0);
            g_ptr_array_add(g.reports, in);
        }
        const CsbComparison *c = group_compare(&g, "Devon", NULL, 0);
        CsbFormatInput in = {.comparison = c, .areas = g.areas, .grades = grades};
        CsbFormatter fm = focus_formatter(tpl, &in, c, &g);
        csb_pack_section("grades")(&fm);
        char *all = doc_paragraphs(fm.doc);
        CHECK(strstr(all, "Graded \u2018Requires improvement\u2019 in March" NB "2015, "
                          "\u2018Inadequate\u2019 in January" NB "2020 and \u2018Requires improvement "
                          "to be good\u2019 in January" NB "2025.") &&
                  !strstr(all, "Requires Improvement"),
              "a grade the report writes in capitals is shown in grades.csv's case");
        CHECK(strstr(all, "Stayed Inadequate for about 10 years, at 3 inspections (March" NB "2015 "
                          "to" NB "January" NB "2025).]"),
              "children in care's three Inadequate grades read once");
        CHECK(strstr(all, "The same grades as children in care (above), at the same 3 "
                          "inspections from March" NB "2015 to" NB "January" NB "2025.]"),
              "care leavers, graded the same at the same inspections, point to them");
        const char *stayed = strstr(all, "Stayed Inadequate");
        CHECK(stayed && !strstr(stayed + 1, "Stayed Inadequate"),
              "no 'Stayed Inadequate' sentence is written twice");
        g_free(all);
        formatter_clear(&fm);
    }
    csb_csv_free(grades);
    csb_template_free(tpl);
    group_free(&g);
    csb_diag_free(d);
}

/* An authority's name in running text: the table's inverted ONS form
 * ("Bristol, City of") as the alias the table gives for it; other names
 * (a comma of their own: "Bournemouth, Christchurch and Poole") as they
 * are, and an inverted name without that alias too. */
static void test_prose_names(void)
{
    CsbDiag *d = csb_diag_new();
    CsbReference *ref = csb_reference_load(".", d);
    CHECK(ref != NULL, "the reference data loads");
    if (ref) {
        static const struct {
            const char *name, *want;
        } cases[] = {{"Bristol, City of", "Bristol"},
                     {"Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch and Poole"},
                     {"Herefordshire", "Herefordshire"},
                     {"Kingston upon Hull", "Kingston upon Hull"}};
        for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
            const CsbAuthority *a = csb_authorities_find(ref->authorities, cases[i].name);
            CHECK_STR(a ? csb_fmt_authority_prose(a) : NULL, cases[i].want, "a name in prose");
        }
        guint inverted = 0;
        for (guint i = 0; i < csb_authorities_count(ref->authorities); i++) {
            const CsbAuthority *a = csb_authorities_at(ref->authorities, i);
            inverted += g_str_has_suffix(a->name, " of") &&
                        strcmp(csb_fmt_authority_prose(a), a->name) == 0;
        }
        CHECK(inverted == 0, "every 'X, City of' or 'X, County of' of the table has a prose "
                             "name (%u without)", inverted);
        GPtrArray *aliases = g_ptr_array_new();
        CsbAuthority made = {.name = "Somewhere, City of", .aliases = aliases};
        CHECK_STR(csb_fmt_authority_prose(&made), "Somewhere, City of",
                  "an inverted name the table gives no alias for stays as it is");
        g_ptr_array_free(aliases, TRUE);
    }
    csb_reference_free(ref);
    csb_diag_free(d);
}

/* The cover of an authority whose latest ILACS inspection (June 2026)
 * gives no overall grade, while a peer's of January 2026 did: the
 * framework grades one, so not "not given by this framework", but ILACS
 * inspections stopped giving one in 2026, with the authority's last. The
 * summary says what the dates of its changes count from. */
static void test_pack_no_overall(void)
{
    CsbDiag *d = csb_diag_new();
    Group g = {0};
    CsbTemplate *tpl = NULL;
    if (pack_load(&g, &tpl, d)) {
        ilacs(&g, "Blackpool", "2022-12-09", FALSE);
        ilacs(&g, "Blackpool", "2026-06-19", TRUE);
        ilacs(&g, "Hartlepool", "2026-01-23", FALSE);
        static const char *const peers[] = {"Hartlepool"};
        const CsbComparison *c = group_compare(&g, "Blackpool", peers, 1);
        CsbFormatInput in = {.comparison = c, .areas = g.areas};
        CsbFormatter fm = focus_formatter(tpl, &in, c, &g);
        csb_pack_section("cover")(&fm);
        csb_pack_section("summary")(&fm);
        GString *all = g_string_new(NULL);
        const CsbTable *facts = fm.doc->cover.facts;
        for (guint r = 0; facts && r < facts->rows->len; r++) {
            const GPtrArray *row = facts->rows->pdata[r];
            char *t = csb_rich_text(((const CsbTableCell *)row->pdata[row->len - 1])->text);
            g_string_append_printf(all, "[%s]", t);
            g_free(t);
        }
        char *paras = doc_paragraphs(fm.doc);
        g_string_append(all, paras);
        g_free(paras);
        CHECK(strstr(all->str, "[No overall grade: ILACS inspections stopped giving one in 2026; "
                               "the last, Good, in December" NB "2022]"),
              "the cover says ILACS inspections stopped giving an overall grade, and the last");
        CHECK(!strstr(all->str, "this framework"), "... not that the framework gives none");
        CHECK(strstr(all->str, "it gives no overall grade (ILACS inspections stopped giving one "
                               "in 2026; the last, Good, in December" NB "2022)."),
              "the summary says so too");
        CHECK(strstr(all->str, "[A grade that moved is dated from the inspection before; one that "
                               "stayed the same, from the first inspection in an unbroken run to "
                               "give it.]"),
              "the summary says what a change's date counts from");
        g_string_free(all, TRUE);
        formatter_clear(&fm);
    }
    csb_template_free(tpl);
    group_free(&g);
    csb_diag_free(d);
}

/* ---- the members' summary over a comparison built here ----------------- */

/* The text of the members' summary's sections (ids, "|" apart) for focus,
 * an authority of g's reports, with not_read (CsbNotRead*, or NULL) given
 * to the comparison: each paragraph and list item as "[...]". */
static char *members_text(Group *g, const char *focus, const char *ids, const GPtrArray *not_read,
                          int brevity)
{
    CsbDiag *d = csb_diag_new();
    CsbTemplate *tpl = csb_template_load("templates/members-summary.yaml", d);
    CsbCsv *grades = csb_csv_load("data/grades.csv", d);
    CsbCsv *glossary = csb_csv_load("data/glossary.csv", d);
    CsbCompareInput input = {.inspections = g->reports, .authorities = g->ref->authorities,
                             .areas = g->areas, .library = g->lib, .themes = g->themes,
                             .focus = focus, .comparators = g->comparators,
                             .briefing_only = TRUE, .not_read = not_read};
    g->c = csb_compare(&input);
    GString *all = g_string_new(NULL);
    if (tpl && g->c) {
        CsbFormatInput in = {.comparison = g->c, .areas = g->areas, .grades = grades,
                             .glossary = glossary, .unread_words = g->words,
                             .library = g->lib, .brevity = brevity};
        CsbFormatter fm = focus_formatter(tpl, &in, g->c, g);
        char **split = g_strsplit(ids, "|", -1);
        for (char **id = split; *id; id++)
            csb_members_section(*id)(&fm);
        g_strfreev(split);
        for (guint i = 0; i < fm.doc->blocks->len; i++) {
            const CsbDocBlock *b = fm.doc->blocks->pdata[i];
            if (b->kind == CSB_BLOCK_PARAGRAPH) {
                char *t = csb_rich_text(b->text);
                g_string_append_printf(all, "[%s]", t);
                g_free(t);
            }
            for (guint k = 0; b->kind == CSB_BLOCK_LIST && k < b->items->len; k++) {
                char *t = csb_rich_text(b->items->pdata[k]);
                g_string_append_printf(all, "[%s]", t);
                g_free(t);
            }
        }
        formatter_clear(&fm);
    } else {
        g_string_append(all, "(the template did not load)");
    }
    csb_csv_free(glossary);
    csb_csv_free(grades);
    csb_template_free(tpl);
    csb_diag_free(d);
    return g_string_free(all, FALSE);
}

/* An ILACS inspection of authority from start to end (ISO dates), graded
 * overall and in each area as grades gives (overall, leaders, help and
 * protection, in care, care leavers). */
static CsbInspection *graded(Group *g, const char *authority, const char *start,
                             const char *end, const CsbGrade grades[5])
{
    char *file = g_strdup_printf("%s-%s.pdf", authority, end);
    CsbInspection *in = csb_inspection_new(file);
    g_free(file);
    in->authority = g_strdup(authority);
    in->kind = CSB_KIND_ILACS;
    in->start = csb_date_from_iso(start);
    in->end = csb_date_from_iso(end);
    in->sha256 = g_compute_checksum_for_string(G_CHECKSUM_SHA256, in->file, -1);
    static const char *const all[] = {"overall", "leadership", "help_protection", "in_care",
                                      "care_leavers"};
    for (guint i = 0; i < G_N_ELEMENTS(all); i++)
        csb_inspection_add_judgement(in, all[i], grades[i], all[i], csb_grade_title(grades[i]),
                                     0);
    g_ptr_array_add(g->reports, in);
    return in;
}

/* When an inspection was held, by month: the one way a briefing names a
 * report by date (csb_fmt_months_held, in csb_fmt_report_name); the month
 * it ended alone only for a point in time (csb_fmt_month_ended). A range
 * of months breaks, if it must, only before its "and" or "to", and not at
 * all when its first month is bare ("February / and March 2023" would
 * leave "February" of no year at a line's end: csb_fmt_range). */
static void test_months_held(void)
{
    static const struct {
        const char *start, *paused, *resumed, *end, *want;
        gboolean parts;
        const char *what;
    } cases[] = {
        {"2025-07-07", "", "", "2025-07-18", "July" NB "2025", FALSE, "one month"},
        {"2023-02-20", "", "", "2023-03-03", "February" NB "and" NB "March" NB "2023", FALSE,
         "two months in a year, whole (Birmingham 2023)"},
        {"2023-01-30", "", "", "2023-03-03", "January" NB "to" NB "March" NB "2023", FALSE,
         "three months in a year, whole"},
        {"2024-12-02", "", "", "2025-01-10", "December" NB "2024 and" NB "January" NB "2025", FALSE,
         "two months across years, each with its year, broken only before 'and'"},
        {"2024-11-25", "", "", "2025-01-10", "November" NB "2024 to" NB "January" NB "2025", FALSE,
         "three months across years"},
        {"2024-09-30", "2024-10-11", "2025-01-13", "2025-01-16",
         "October" NB "2024 and" NB "January" NB "2025", TRUE,
         "two parts in two years (Devon 2025): the month each ended"},
        {"2019-05-13", "2019-05-17", "2019-06-03", "2019-06-07", "May" NB "and" NB "June" NB "2019",
         TRUE, "two parts in a year: the year once"},
        {"2019-05-06", "2019-05-08", "2019-05-20", "2019-05-22", "May" NB "2019", FALSE,
         "two parts in one month: that month"},
        {"", "", "", "2025-07-18", "July" NB "2025", FALSE, "start unknown: the month it ended"},
        {"2025-07-07", "", "", "", "July" NB "2025", FALSE, "end unknown: the month it started"},
        {"", "", "", "", "date not stated", FALSE, "no date known"},
    };
    CsbDiag *d = csb_diag_new();
    CsbFrameworks *fw = csb_frameworks_load("data/frameworks.yaml", d);
    CHECK(fw != NULL, "data/frameworks.yaml loads");
    for (guint i = 0; fw && i < G_N_ELEMENTS(cases); i++) {
        CsbInspection *x = csb_inspection_new("x.pdf");
        x->kind = CSB_KIND_ILACS;
        x->start = csb_date_from_iso(cases[i].start);
        x->paused = csb_date_from_iso(cases[i].paused);
        x->resumed = csb_date_from_iso(cases[i].resumed);
        x->end = csb_date_from_iso(cases[i].end);
        gboolean parts = !cases[i].parts;
        char *got = csb_fmt_months_held(x, &parts);
        CHECK_STR(got, cases[i].want, cases[i].what);
        CHECK(parts == cases[i].parts, "... %s in two parts", parts ? "said" : "not said");
        char *name = csb_fmt_report_name(fw, x);
        char *want = g_strdup_printf("ILACS inspection, %s", cases[i].want);
        CHECK_STR(name, want, "... and the report's name says the same");
        g_free(want);
        g_free(name);
        g_free(got);
        csb_inspection_free(x);
    }
    CsbInspection *b = csb_inspection_new("b.pdf");
    b->start = csb_date_from_iso("2023-02-20");
    b->end = csb_date_from_iso("2023-03-03");
    char *ended = csb_fmt_month_ended(b);
    CHECK_STR(ended, "March" NB "2023", "a point in time: the month it ended");
    g_free(ended);
    csb_inspection_free(b);
    csb_frameworks_free(fw);
    csb_diag_free(d);
}

/* Every text of a table's cells, each in brackets. */
static void add_table_text(GString *all, const CsbTable *t)
{
    for (guint r = 0; r < t->rows->len; r++) {
        const GPtrArray *row = t->rows->pdata[r];
        for (guint k = 0; k < row->len; k++) {
            const CsbTableCell *cell = row->pdata[k];
            char *text = cell->text ? csb_rich_text(cell->text) : NULL;
            g_string_append_printf(all, "[%s]", text ? text : "");
            g_free(text);
        }
    }
}

/* A pack names a report one way throughout: the table of what it is based
 * on, the heading of its areas for improvement, the list of those raised
 * before and a quotation's citation all say "ILACS inspection, February
 * and March 2023" of Birmingham's inspection of 20 February to 3 March
 * 2023 (the tables, lists and headings said "March 2023"), and nothing
 * names it by its last month alone. */
static void test_pack_names_alike(void)
{
    CsbDiag *d = csb_diag_new();
    Group g = {0};
    CsbTemplate *tpl = NULL;
    if (pack_load(&g, &tpl, d)) {
        static const CsbGrade grades[5] = {CSB_GRADE_GOOD, CSB_GRADE_GOOD, CSB_GRADE_GOOD,
                                           CSB_GRADE_GOOD, CSB_GRADE_GOOD};
        CsbInspection *before = graded(&g, "Birmingham", "2018-12-03", "2018-12-14", grades);
        CsbInspection *latest = graded(&g, "Birmingham", "2023-02-20", "2023-03-03", grades);
        const char *afi = "The response to domestic abuse referrals at the front door.";
        csb_inspection_add_finding(before, CSB_FINDING_AREA_FOR_IMPROVEMENT, afi, NULL, 3);
        csb_inspection_add_finding(latest, CSB_FINDING_AREA_FOR_IMPROVEMENT, afi, NULL, 3);
        CsbParagraph *p = csb_inspection_add_paragraph(
            latest, 33, "Help and protection",
            "Children wait too long for help at the front door. Thresholds are not applied "
            "consistently in the MASH, and too many referrals are delayed.",
            6);
        g_ptr_array_add(g.themes, (gpointer)csb_themes_find(g.lib, "front-door"));
        const CsbComparison *c = group_compare(&g, "Birmingham", NULL, 0);
        CsbFormatInput in = {.comparison = c, .areas = g.areas, .library = g.lib};
        CsbFormatter fm = focus_formatter(tpl, &in, c, &g);
        static const char *const sections[] = {"summary", "basis", "improvement", "themes"};
        for (guint i = 0; i < G_N_ELEMENTS(sections); i++)
            csb_pack_section(sections[i])(&fm);
        GString *all = g_string_new(NULL), *cited = g_string_new(NULL);
        for (guint i = 0; i < fm.doc->blocks->len; i++) {
            const CsbDocBlock *b = fm.doc->blocks->pdata[i];
            char *t = b->text ? csb_rich_text(b->text) : NULL;
            if (t)
                g_string_append_printf(all, "[%s]", t);
            g_free(t);
            for (guint k = 0; b->kind == CSB_BLOCK_LIST && k < b->items->len; k++) {
                t = csb_rich_text(b->items->pdata[k]);
                g_string_append_printf(all, "[%s]", t);
                g_free(t);
            }
            if (b->kind == CSB_BLOCK_TABLE)
                add_table_text(all, b->table);
            if (b->citation) {
                t = csb_rich_text(b->citation);
                g_string_append_printf(cited, "[%s]", t);
                g_free(t);
            }
        }
        const char *name = "ILACS inspection, February" NB "and" NB "March" NB "2023";
        char *cell = g_strdup_printf("[%s]", name);
        char *heading = g_strdup_printf("[%s: 1 finding]", name);
        char *citation = g_strdup_printf("Birmingham, %s, paragraph 33 (page 6)", name);
        char *quoted = g_strdup_printf("[%s]", citation);
        CsbRich *made = csb_fmt_citation(g.ref->frameworks, latest, p);
        char *made_text = csb_rich_text(made);
        CHECK(strstr(all->str, cell) != NULL, "the table of what the pack is based on names the "
                                              "latest inspection by its months: %s", all->str);
        CHECK(strstr(all->str, heading) != NULL, "... and so does its areas for improvement's "
                                                 "heading");
        CHECK(strstr(cited->str, quoted) != NULL,
              "... as a quotation's citation does: %s", cited->str);
        CHECK_STR(made_text, citation, "a citation made alone says the same");
        CHECK(!strstr(all->str, "inspection, March" NB "2023") &&
                  !strstr(cited->str, "inspection, March" NB "2023"),
              "nothing names it by its last month alone");
        g_free(made_text);
        csb_rich_free(made);
        g_free(quoted);
        g_free(citation);
        g_free(heading);
        g_free(cell);
        g_string_free(cited, TRUE);
        g_string_free(all, TRUE);
        formatter_clear(&fm);
    }
    csb_template_free(tpl);
    group_free(&g);
    csb_diag_free(d);
}

/* The latest inspection's opening sentences: an inspection over two months
 * says both (Birmingham's, 20 February to 3 March 2023, read "in March
 * 2023"; 15 of the 78 national summaries), the year once or each across
 * a year; the grades are told in one tense (Devon's read "one requires
 * improvement (impact of leaders) and three were judged inadequate"). */
static void test_members_latest(void)
{
    static const struct {
        const char *start, *end, *want;
    } cases[] = {
        {"2023-02-20", "2023-03-03", "in February" NB "and" NB "March" NB "2023 (ILACS inspection)"},
        {"2024-12-02", "2025-01-10",
         "in December" NB "2024 and" NB "January" NB "2025 (ILACS inspection)"},
        {"2025-07-07", "2025-07-18", "in July" NB "2025 (ILACS inspection)"},
        {"", "2025-07-18", "in July" NB "2025 (ILACS inspection)"},
    };
    static const CsbGrade grades[5] = {CSB_GRADE_INADEQUATE, CSB_GRADE_REQUIRES_IMPROVEMENT,
                                       CSB_GRADE_INADEQUATE, CSB_GRADE_INADEQUATE,
                                       CSB_GRADE_INADEQUATE};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        CsbDiag *d = csb_diag_new();
        Group g = {0};
        CHECK(group_load(&g, d), "the reference data, area map and themes load");
        if (g.areas && g.lib) {
            graded(&g, "Devon", cases[i].start, cases[i].end, grades);
            char *text = members_text(&g, "Devon", "latest", NULL, 0);
            CHECK(strstr(text, cases[i].want) != NULL, "held %s to %s: '%s' in %s",
                  cases[i].start, cases[i].end, cases[i].want, text);
            if (i == 0)
                CHECK(strstr(text, "Of the four areas judged separately, one was judged to "
                                   "require improvement (impact of leaders) and three were "
                                   "judged inadequate.") != NULL,
                      "the grades in one tense: %s", text);
            g_free(text);
        }
        group_free(&g);
        csb_diag_free(d);
    }
}

/* A file of words for why a report was not read, written under the
 * system's temporary folder: its path (owned), or NULL. */
static char *words_file(const char *text)
{
    char *path = NULL;
    int fd = g_file_open_tmp("csbrief-not-read-XXXXXX.csv", &path, NULL);
    if (fd < 0)
        return NULL;
    close(fd);
    g_file_set_contents(path, text, -1, NULL);
    return path;
}

/* data/not-read-reasons.csv has words for every kind of problem csbrief
 * names; a file with a kind not known, given twice or without words, or
 * without its columns, is an error with its file and line. */
static void test_not_read_words(void)
{
    CsbDiag *d = csb_diag_new();
    CsbUnreadWords *w = csb_unread_words_load("data/not-read-reasons.csv", d);
    CHECK(w && d->items->len == 0, "data/not-read-reasons.csv loads");
    for (int r = CSB_UNREAD_UNKNOWN + 1; w && r < CSB_UNREAD_COUNT; r++) {
        const char *words = csb_unread_words_get(w, (CsbUnreadReason)r);
        CHECK(words && *words, "data/not-read-reasons.csv has a row for '%s'",
              csb_unread_reason_id((CsbUnreadReason)r));
        CHECK((int)csb_unread_reason_from_id(csb_unread_reason_id((CsbUnreadReason)r)) == r,
              "'%s' is the id of one reason", csb_unread_reason_id((CsbUnreadReason)r));
    }
    CHECK(csb_unread_words_get(w, CSB_UNREAD_UNKNOWN) == NULL,
          "a reason not known has no words: the pack's are said instead");
    csb_unread_words_free(w);
    csb_diag_free(d);
    static const struct {
        const char *text, *message;
        int line;
    } bad[] = {
        {"reason,plain_english\nempty,is empty\nhtml-pages,is a web page\n",
         "reason 'html-pages' is not a reason csbrief gives: did you mean 'html-page'?", 3},
        {"reason,plain_english\nempty,is empty\nempty,is blank\n",
         "reason 'empty' has a row already", 3},
        {"reason,plain_english\nempty,  \n", "reason 'empty' has no words", 2},
        {"reason,words\nempty,is empty\n", "expected the columns reason and plain_english", 1},
    };
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        char *path = words_file(bad[i].text);
        d = csb_diag_new();
        w = path ? csb_unread_words_load(path, d) : NULL;
        const CsbError *e = d->items->len ? d->items->pdata[0] : NULL;
        CHECK(!w && d->items->len == 1 && e && g_strcmp0(e->file, path) == 0 &&
                  e->line == bad[i].line && g_strcmp0(e->message, bad[i].message) == 0,
              "a bad file: '%s' at line %d (%s:%d: %s)", bad[i].message, bad[i].line,
              e ? e->file : "", e ? e->line : 0, e ? e->message : "loaded");
        csb_unread_words_free(w);
        csb_diag_free(d);
        if (path)
            g_unlink(path);
        g_free(path);
    }
}

/* Why a report was not read, for councillors: plainly, without brackets
 * inside brackets (Birmingham's and Blackpool's said "(an HTML page
 * (probably a download error) saved as a report, not a report)"). Each
 * problem ingest and parse refuse a report for carries its kind, whose
 * words data/not-read-reasons.csv gives; a kind the file has no words for
 * is said in the pack's words, without their advice and asides. */
static void test_members_not_read(void)
{
    static const struct {
        const char *path, *data;
        CsbUnreadReason reason;
        const char *want;
    } cases[] = {
        {"r.pdf", "<!DOCTYPE html><html><body>Not found</body></html>", CSB_UNREAD_HTML_PAGE,
         "is a saved web page, not the report"},
        {"r.pdf", "", CSB_UNREAD_EMPTY, "is empty"},
        {"r.pdf", "   \n\n  ", CSB_UNREAD_EMPTY, "is empty"},
        {"r.pdf", "%PDF-1.4\n1 0 obj\n", CSB_UNREAD_TRUNCATED, "is incomplete"},
        {"r.pdf", "Inspection of Devon", CSB_UNREAD_NOT_PDF, "is not a PDF"},
        {"r.bin", "\x01\x02\x03\x00\x00\x05binary", CSB_UNREAD_BINARY, "is not a report"},
        {"r.txt", "[^1]: a footnote, and nothing else\n", CSB_UNREAD_NO_TEXT,
         "has no text that can be read"},
        {"r.txt", "Minutes of the corporate parenting board\n\nItem 1: apologies.\n",
         CSB_UNREAD_NOT_INSPECTION, "is not an inspection report of a kind this summary can read"},
    };
    CsbDiag *d = csb_diag_new();
    Group g = {0};
    CHECK(group_load(&g, d), "the reference data, area map and themes load");
    char *html_why = NULL;
    for (guint i = 0; g.ref && i < G_N_ELEMENTS(cases); i++) {
        CsbDiag *di = csb_diag_new();
        gsize len = strlen(cases[i].data) + (cases[i].path[2] == 'b' ? 8 : 0);
        CsbDocument *doc = csb_ingest_data(cases[i].path, cases[i].data, len, di);
        CsbInspection *in = doc ? csb_parse_document(doc, g.ref, di) : NULL;
        const CsbError *e = di->items->len ? di->items->pdata[0] : NULL;
        CHECK(!in && e && csb_unread_reason_of(e) == cases[i].reason,
              "'%s': kind '%s' (%s: %s)", cases[i].want,
              csb_unread_reason_id(cases[i].reason), csb_unread_reason_id(csb_unread_reason_of(e)),
              e ? e->message : "(no error)");
        CHECK_STR(csb_unread_words_get(g.words, csb_unread_reason_of(e)), cases[i].want,
                  e ? e->message : "(no error)");
        if (i == 0 && e)
            html_why = g_strdup(e->message);
        csb_inspection_free(in);
        if (doc)
            csb_document_free(doc);
        csb_diag_free(di);
    }
    if (g.areas && g.lib && html_why) {
        static const CsbGrade good[5] = {CSB_GRADE_GOOD, CSB_GRADE_GOOD, CSB_GRADE_GOOD,
                                         CSB_GRADE_GOOD, CSB_GRADE_GOOD};
        graded(&g, "Birmingham", "2023-02-20", "2023-03-03", good);
        GPtrArray *not_read = g_ptr_array_new_with_free_func((GDestroyNotify)csb_not_read_free);
        g_ptr_array_add(not_read,
                        csb_not_read_new("80429-birmingham__2012-10-19.pdf", html_why,
                                         CSB_UNREAD_HTML_PAGE, "Birmingham",
                                         csb_date_from_iso("2012-10-19"),
                                         "Children's services inspection - 19 October 2012",
                                         NULL, NULL));
        g_ptr_array_add(not_read, csb_not_read_new("b.pdf", "a reason (with an aside) no one "
                                                            "wrote: download it again",
                                                   CSB_UNREAD_UNKNOWN, "Birmingham",
                                                   csb_date_from_iso("2013-01-02"), NULL, NULL,
                                                   NULL));
        char *text = members_text(&g, "Birmingham", "basis", not_read, 0);
        CHECK(strstr(text, "2 reports could not be read: Children's services inspection - 19 "
                           "October 2012, because its file is a saved web page, not the "
                           "report; a report, published 2" NB "January" NB "2013 (a reason no one "
                           "wrote).") != NULL,
              "the reports not read, each with its reason for councillors: %s", text);
        CHECK(!strstr(text, "HTML") && !strstr(text, "download"),
              "no technical wording or advice to whoever keeps the files: %s", text);
        g_free(text);
        /* Words for another kind only: the HTML page is said in the pack's words. */
        char *path = words_file("reason,plain_english\nempty,is empty\n");
        CsbUnreadWords *few = path ? csb_unread_words_load(path, d) : NULL;
        CHECK(few != NULL, "a file without words for every kind loads");
        CsbUnreadWords *all = g.words;
        g.words = few;
        csb_comparison_free(g.c);
        text = members_text(&g, "Birmingham", "basis", not_read, 0);
        CHECK(strstr(text, "2 reports could not be read: Children's services inspection - 19 "
                           "October 2012 (an HTML page saved as a report, not a report); a "
                           "report, published 2" NB "January" NB "2013 (a reason no one wrote).") != NULL,
              "a kind without words: what the pack says, without advice and asides: %s", text);
        g.words = all;
        csb_unread_words_free(few);
        if (path)
            g_unlink(path);
        g_free(path);
        g_free(text);
        g_ptr_array_free(not_read, TRUE);
    }
    g_free(html_why);
    group_free(&g);
    csb_diag_free(d);
}

/* The areas for improvement not made into questions are named briefly,
 * not only counted (13 of the 78 national summaries said only "The report
 * names 2 more areas for improvement"; Devon's left out its management
 * oversight), and one the care section quotes is said to be there. */
static void test_members_more_afis(void)
{
    CsbDiag *d = csb_diag_new();
    Group g = {0};
    CHECK(group_load(&g, d), "the reference data, area map and themes load");
    if (g.areas && g.lib) {
        static const CsbGrade grades[5] = {CSB_GRADE_REQUIRES_IMPROVEMENT,
                                           CSB_GRADE_REQUIRES_IMPROVEMENT,
                                           CSB_GRADE_REQUIRES_IMPROVEMENT,
                                           CSB_GRADE_REQUIRES_IMPROVEMENT,
                                           CSB_GRADE_REQUIRES_IMPROVEMENT};
        CsbInspection *in = graded(&g, "Devon", "2025-01-06", "2025-01-17", grades);
        static const char *const afis[] = {
            "The timeliness of assessments for children in need.",
            "The quality of return home interviews.",
            "The response to domestic abuse.",
            "The timeliness of strategy discussions.",
            "The quality of supervision for social workers.",
            "The quality of early help assessments.",
            "Management oversight and grip across the service and the effectiveness of "
            "supervision.",
            "The consistency of decisions by the local authority designated officer (LADO) "
            "and the extent to which those decisions are evidenced and recorded.",
            "The availability of sufficient suitable local homes for children in care.",
        };
        for (guint i = 0; i < G_N_ELEMENTS(afis); i++)
            csb_inspection_add_finding(in, CSB_FINDING_AREA_FOR_IMPROVEMENT, afis[i], NULL, 3);
        char *text = members_text(&g, "Devon", "questions", NULL, 0);
        CHECK(strstr(text, "[The report names 3 more areas for improvement: management "
                           "oversight and grip across the service and the effectiveness of "
                           "supervision; the consistency of decisions by the local authority "
                           "designated officer (LADO) and the extent \u2026; and one on "
                           "children in care and care leavers, quoted above.]") != NULL,
              "the areas for improvement not asked about are named: %s", text);
        g_free(text);
    }
    group_free(&g);
    csb_diag_free(d);
    char *brief = csb_members_finding_brief(
        "Care leavers' understanding of their rights and entitlements, and the quality of "
        "their pathway plans and the support they get from their personal advisers.");
    CHECK_STR(brief, "care leavers' understanding of their rights and entitlements \u2026",
              "a long one named to the end of a clause");
    g_free(brief);
}

/* A pack whose config names no comparators says so, and how to name
 * them, in its peers' section, not a bare "no comparators". */
static void test_pack_no_peers(void)
{
    CsbDiag *d = csb_diag_new();
    Group g = {0};
    CsbTemplate *tpl = NULL;
    if (pack_load(&g, &tpl, d)) {
        ilacs(&g, "Devon", "2023-03-17", FALSE);
        const CsbComparison *c = group_compare(&g, "Devon", NULL, 0);
        CsbFormatInput in = {.comparison = c, .areas = g.areas};
        CsbFormatter fm = focus_formatter(tpl, &in, c, &g);
        csb_pack_peers(&fm);
        char *all = doc_paragraphs(fm.doc);
        CHECK(strstr(all, "[This briefing compares with no other authority: its config names "
                          "none. To compare, add compare_with: [statistical-neighbours]"),
              "no comparators: the pack says how to name them (%s)", all);
        g_free(all);
        formatter_clear(&fm);
    }
    csb_template_free(tpl);
    group_free(&g);
    csb_diag_free(d);
}

int main(void)
{
    RUN(test_templates);
    RUN(test_template_errors);
    RUN(test_report_links);
    RUN(test_words);
    RUN(test_since);
    RUN(test_movements);
    RUN(test_abbreviations);
    RUN(test_glossary_rows);
    RUN(test_care_weight);
    RUN(test_in_sentence);
    RUN(test_matrix_caption);
    RUN(test_names);
    RUN(test_pack_grades);
    RUN(test_prose_names);
    RUN(test_pack_no_overall);
    RUN(test_months_held);
    RUN(test_pack_names_alike);
    RUN(test_members_latest);
    RUN(test_not_read_words);
    RUN(test_members_not_read);
    RUN(test_members_more_afis);
    RUN(test_pack_no_peers);
    return unit_done();
}
