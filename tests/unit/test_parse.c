/* test_parse.c - the parse stage on shipped inputs: dates, the fixtures in
 * tests/fixtures and the sample reports in examples/reports (counts from
 * tests/fixtures/counts.csv), warnings that say where, authority names
 * shared by several authorities, the same report as text and as PDF, and
 * the record's GVariant round trip (with an inspection in two parts).
 */
#include "unit.h"

#include "parse/parse.h"

#include <glib/gstdio.h>

static CsbReference *reference;
static const CsbAuthorities *authorities;

static void test_dates(void)
{
    static const struct {
        const char *text, *start, *end;
    } cases[] = {
        {"1 to 12 December 2025", "2025-12-01", "2025-12-12"},
        {"21 May - 01 June 2012", "2012-05-21", "2012-06-01"},
        {"6 July 2015 \u2013 30 July 2015", "2015-07-06", "2015-07-30"},
        {"8 \u2013 12 July 2013", "2013-07-08", "2013-07-12"},
        {"23 June \u2013 16 July 2015", "2015-06-23", "2015-07-16"},
        {"23 April\u201318 May 2018", "2018-04-23", "2018-05-18"},
        {"4 and 5 July 2023", "2023-07-04", "2023-07-05"},
        {"7th to 9th November 2023", "2023-11-07", "2023-11-09"},
        {"5 to 9 December 2022 and 14 to 15 February 2023", "2022-12-05", "2023-02-15"},
        {"21 December to 9 January 2026", "2025-12-21", "2026-01-09"},
        {"the focused visit to X children's services on 4 and 5 July 2023. His Majesty's "
         "Inspectors were A and B.",
         "2023-07-04", "2023-07-05"},
        {"16 August 2013", "2013-08-16", "2013-08-16"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        CsbDate s = {0}, e = {0};
        char a[11], b[11];
        gboolean ok = csb_parse_date_range(cases[i].text, &s, &e);
        csb_date_iso(s, a);
        csb_date_iso(e, b);
        CHECK(ok && strcmp(a, cases[i].start) == 0 && strcmp(b, cases[i].end) == 0,
              "date '%s': %s to %s", cases[i].text, a, b);
    }
    static const char *const not_dates[] = {"in June 2022", "12 to 20", "32 March 2020",
                                             "9 to 1 May 2020", "", "Grade 3"};
    for (guint i = 0; i < G_N_ELEMENTS(not_dates); i++) {
        CsbDate s = {0}, e = {0};
        CHECK(!csb_parse_date_range(not_dates[i], &s, &e), "not a date: '%s'", not_dates[i]);
    }
}

/* Inspections held in two parts, and wordings that are one span. */
static void test_date_parts(void)
{
    static const struct {
        const char *text, *start, *end, *paused, *resumed; /* "" when in one part */
    } cases[] = {
        /* Devon 2025: paused over the winter. */
        {"30 September to 11 October 2024 and 13 to 16 January 2025", "2024-09-30",
         "2025-01-16", "2024-10-11", "2025-01-13"},
        {"5 to 9 December 2022 and 14 to 15 February 2023", "2022-12-05", "2023-02-15",
         "2022-12-09", "2023-02-14"},
        /* Sheffield 2014: dashes, one with no spaces. */
        {"19 November-11 December 2013 and 28 \u2013 30 January 2014", "2013-11-19",
         "2014-01-30", "2013-12-11", "2014-01-28"},
        /* The year written once, carried back over both parts. */
        {"13 to 17 May and 3 to 7 June 2019", "2019-05-13", "2019-06-07", "2019-05-17",
         "2019-06-03"},
        {"2 to 4 March and 15 March 2021", "2021-03-02", "2021-03-15", "2021-03-04",
         "2021-03-15"},
        {"13 June and 4 July 2022", "2022-06-13", "2022-07-04", "2022-06-13", "2022-07-04"},
        {"5 to 9 December 2022, and 14 to 15 February 2023", "2022-12-05", "2023-02-15",
         "2022-12-09", "2023-02-14"},
        {"Inspection dates: 12/09/2016 to 16/09/2016 and 10/10/2016 to 14/10/2016",
         "2016-09-12", "2016-10-14", "2016-09-16", "2016-10-10"},
        /* One span: lists of days, parts that run on, a "between ... and"
         * range, three parts, the wordings csb_parse_date_range reads. */
        {"8, 9 and 10 July 2019", "2019-07-08", "2019-07-10", "", ""},
        {"8, 9, and 10 July 2019", "2019-07-08", "2019-07-10", "", ""},
        {"4 and 5 July 2023", "2023-07-04", "2023-07-05", "", ""},
        {"4 and 6 July 2023", "2023-07-04", "2023-07-06", "", ""},
        {"28 February and 1 March 2023", "2023-02-28", "2023-03-01", "", ""},
        {"31 January and 1 February 2024", "2024-01-31", "2024-02-01", "", ""},
        {"1 to 5 July and 6 to 8 July 2022", "2022-07-01", "2022-07-08", "", ""},
        {"between 4 and 6 July 2023", "2023-07-04", "2023-07-06", "", ""},
        {"1 to 2 May, 6 to 7 June and 1 to 2 July 2021", "2021-05-01", "2021-07-02", "", ""},
        {"1 to 12 December 2025", "2025-12-01", "2025-12-12", "", ""},
        {"23 June \u2013 16 July 2015", "2015-06-23", "2015-07-16", "", ""},
        {"21 December to 9 January 2026", "2025-12-21", "2026-01-09", "", ""},
        {"16 August 2013", "2013-08-16", "2013-08-16", "", ""},
        {"the focused visit to X children's services on 4 and 5 July 2023. His Majesty's "
         "Inspectors were A and B.",
         "2023-07-04", "2023-07-05", "", ""},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        CsbDate s = {0}, e = {0}, p = {1, 1, 1}, r = {1, 1, 1};
        char a[11], b[11], c[11], d[11];
        gboolean ok = csb_parse_date_parts(cases[i].text, &s, &e, &p, &r);
        csb_date_iso(s, a);
        csb_date_iso(e, b);
        csb_date_iso(p, c);
        csb_date_iso(r, d);
        CHECK(ok && strcmp(a, cases[i].start) == 0 && strcmp(b, cases[i].end) == 0 &&
                  strcmp(c, cases[i].paused) == 0 && strcmp(d, cases[i].resumed) == 0,
              "date parts '%s': %s to %s, paused %s, resumed %s", cases[i].text, a, b, c, d);
        /* The span is always csb_parse_date_range's. */
        CsbDate s2 = {0}, e2 = {0};
        CHECK(csb_parse_date_range(cases[i].text, &s2, &e2) && !csb_date_compare(s, s2) &&
                  !csb_date_compare(e, e2),
              "date parts '%s': the span csb_parse_date_range reads", cases[i].text);
    }
    CsbDate s = {0}, e = {0}, p = {0}, r = {0};
    CHECK(!csb_parse_date_parts("12 to 20 and 30", &s, &e, &p, &r), "date parts: no date");
}

static void test_grades(void)
{
    CHECK(csb_grade_from_text("Requires improvement to be good") ==
              CSB_GRADE_REQUIRES_IMPROVEMENT,
          "grade: requires improvement to be good");
    CHECK(csb_grade_from_text("Grade 3 (Adequate)") == CSB_GRADE_ADEQUATE, "grade: Grade 3");
    CHECK(csb_grade_from_text("Not judged") == CSB_GRADE_NONE, "grade: not judged is none");
}

/* Every fixture and sample: counts, provider, number of warnings. */
static void test_counts(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbCsv *csv = csb_csv_load("tests/fixtures/counts.csv", diag);
    CHECK(csv != NULL, "counts.csv loads");
    if (!csv) {
        csb_diag_free(diag);
        return;
    }
    int c_path = csb_csv_column(csv, "path"), c_par = csb_csv_column(csv, "paragraphs");
    int c_num = csb_csv_column(csv, "numbered_paragraphs");
    int c_find = csb_csv_column(csv, "findings"), c_ref = csb_csv_column(csv, "framework_refs");
    int c_prov = csb_csv_column(csv, "provider"), c_warn = csb_csv_column(csv, "warnings");
    for (guint r = 0; r < csv->rows->len; r++) {
        const char *path = csb_csv_get(csv, r, c_path);
        CsbDiag *one = csb_diag_new();
        CsbInspection *in = csb_parse_file(path, reference, one);
        CHECK(in != NULL, "%s parses", path);
        if (!in) {
            csb_diag_free(one);
            continue;
        }
        guint numbered = 0, refs = 0;
        gboolean in_order = TRUE;
        for (guint i = 0; i < in->paragraphs->len; i++) {
            const CsbParagraph *p = in->paragraphs->pdata[i];
            if (p->number > 0 && (int)++numbered != p->number)
                in_order = FALSE;
        }
        for (guint i = 0; i < in->findings->len; i++)
            refs += ((CsbFinding *)in->findings->pdata[i])->framework_ref != NULL;
        CHECK(in->paragraphs->len == (guint)atoi(csb_csv_get(csv, r, c_par)),
              "%s: %u paragraphs, want %s", path, in->paragraphs->len,
              csb_csv_get(csv, r, c_par));
        CHECK(numbered == (guint)atoi(csb_csv_get(csv, r, c_num)) && in_order,
              "%s: numbered paragraphs 1..%u in order", path, numbered);
        CHECK(in->findings->len == (guint)atoi(csb_csv_get(csv, r, c_find)),
              "%s: %u findings, want %s", path, in->findings->len, csb_csv_get(csv, r, c_find));
        CHECK(refs == (guint)atoi(csb_csv_get(csv, r, c_ref)),
              "%s: %u framework references", path, refs);
        const char *want_provider = csb_csv_get(csv, r, c_prov);
        CHECK_STR(in->provider ? in->provider : "", want_provider, "provider");
        CHECK(csb_diag_count(one, CSB_SEV_WARNING) == atoi(csb_csv_get(csv, r, c_warn)),
              "%s: %d warnings", path, csb_diag_count(one, CSB_SEV_WARNING));
        csb_inspection_free(in);
        csb_diag_free(one);
    }
    csb_csv_free(csv);
    csb_diag_free(diag);
}

/* Numbered paragraph n, or NULL. */
static const CsbParagraph *numbered(const CsbInspection *in, int n)
{
    for (guint i = 0; in && i < in->paragraphs->len; i++) {
        const CsbParagraph *p = in->paragraphs->pdata[i];
        if (p->number == n)
            return p;
    }
    return NULL;
}

static CsbInspection *parse(const char *path, CsbDiag *diag)
{
    return csb_parse_file(path, reference, diag);
}

static const CsbError *warning_with(const CsbDiag *d, const char *part)
{
    for (guint i = 0; i < d->items->len; i++) {
        const CsbError *e = d->items->pdata[i];
        if (strstr(e->message, part))
            return e;
    }
    return NULL;
}

static void test_never_guess(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbInspection *in = parse("tests/fixtures/not-judged.txt", diag);
    CHECK(in && !csb_inspection_judgement(in, "in_care"), "not judged: no in_care judgement");
    CHECK(in && !csb_inspection_judgement(in, "overall"), "unreadable grade: no overall");
    const CsbError *e = warning_with(diag, "'Gd'");
    CHECK(e && e->line == 12 && e->severity == CSB_SEV_WARNING,
          "unreadable grade: warning at line 12 quoting it");
    CHECK(!warning_with(diag, "Not judged") && !warning_with(diag, "children in care"),
          "not judged: no warning");
    csb_inspection_free(in);
    csb_diag_free(diag);
}

static void test_shared_names(void)
{
    const CsbAuthority *out[8];
    CHECK(csb_authorities_find_all(authorities, "Achieving for Children", out, 8) == 3,
          "Achieving for Children names three authorities");
    CHECK(csb_authorities_find_all(authorities, "Northamptonshire Children\u2019s Trust", out,
                                   8) == 2,
          "Northamptonshire Children's Trust names two (curly apostrophe)");
    const CsbAuthority *d = csb_authorities_find(authorities, "Durham County Council");
    CHECK_STR(d ? d->name : NULL, "County Durham", "Durham County Council");
    CsbAuthorityMatch m;
    gboolean hit = csb_authorities_match(
        authorities, "Inspection of North Northamptonshire local authority children's services",
        &m);
    CHECK(hit && m.n == 1 && strcmp(m.authorities[0]->name, "North Northamptonshire") == 0,
          "longest name at the earliest place wins");
    csb_authority_match_clear(&m);

    CsbDiag *diag = csb_diag_new();
    CsbInspection *in = parse("tests/fixtures/ambiguous-alias.txt", diag);
    const CsbError *e = warning_with(diag, "can mean");
    CHECK(in && !in->authority && e && strstr(e->message, "North Northamptonshire") &&
              strstr(e->message, "West Northamptonshire") && e->line == 7,
          "shared name the report cannot settle: empty, warning at the title's line");
    CHECK_STR(in ? in->provider : NULL, "Northamptonshire Children's Trust",
              "the trust is still the provider");
    csb_inspection_free(in);
    csb_diag_free(diag);

    diag = csb_diag_new();
    in = parse("tests/fixtures/resolved-alias.txt", diag);
    CHECK_STR(in ? in->authority : NULL, "Richmond upon Thames",
              "shared name settled by the council the report names");
    CHECK(diag->items->len == 0, "settled shared name: no warning");
    csb_inspection_free(in);
    csb_diag_free(diag);

    diag = csb_diag_new();
    in = parse("tests/fixtures/focused-visit.txt", diag);
    CHECK_STR(in ? in->authority : NULL, "Darlington",
              "letter: authority from the subject line, not Ofsted's Manchester address");
    CHECK_STR(in ? in->title : NULL, "Focused visit to Darlington children's services",
              "letter: title is the subject line");
    csb_inspection_free(in);
    csb_diag_free(diag);
}

static void test_findings_and_sections(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbInspection *in = parse("examples/reports/redcar-and-cleveland-2025-12-ilacs.txt", diag);
    const CsbFinding *f = in && in->findings->len ? in->findings->pdata[1] : NULL;
    CHECK_STR(f ? f->text : NULL, "Consistency in the recording of contingency plans.",
              "finding text without its reference");
    CHECK_STR(f ? f->framework_ref : NULL, "outcome 2, national framework",
              "national framework reference");
    const CsbParagraph *p4 = numbered(in, 4);
    CHECK(p4 && !strstr(p4->text, "cross-referenced"), "text footnote not in paragraph 4");
    const CsbParagraph *p18 = numbered(in, 18);
    const CsbParagraph *opening = in && in->paragraphs->len ? in->paragraphs->pdata[0] : NULL;
    CHECK(opening && opening->number == 0 &&
              g_str_has_prefix(opening->text, "Following the last inspection in 2022"),
          "the headline summary before paragraph 1 is kept, numbered 0");
    CHECK(p18 && g_str_has_suffix(p18->text, "experiencing the risk."),
          "paragraph 18 continues after the page break");
    CHECK_STR(p18 ? p18->section : NULL,
              "The experiences and progress of children who need help and protection: good",
              "paragraph section");
    csb_inspection_free(in);
    csb_diag_free(diag);

    diag = csb_diag_new();
    in = parse("tests/fixtures/sif-lscb.txt", diag);
    const CsbFinding *rec = in && in->findings->len > 1 ? in->findings->pdata[1] : NULL;
    CHECK(rec && strstr(rec->text, "\u2022 review the use of agency staff") &&
              strstr(rec->text, "\u2022 strengthen the corporate parenting panel"),
          "a recommendation keeps its list items");
    CHECK(rec && rec->kind == CSB_FINDING_RECOMMENDATION, "SIF: recommendations");
    csb_inspection_free(in);
    csb_diag_free(diag);

    /* SIF recommendations grouped under the judgements' names, set as
     * prose: each name closes the item before it, none is glued on. */
    diag = csb_diag_new();
    in = parse("tests/fixtures/sif-sub-headings.txt", diag);
    static const char *const ends[] = {"the appraisal cycle.", "children and their families.",
                                       "outcomes for young people."};
    CHECK(in && in->findings->len == 3, "sub-headings: three items");
    for (guint i = 0; in && i < in->findings->len && i < 3; i++) {
        const CsbFinding *item = in->findings->pdata[i];
        CHECK(g_str_has_suffix(item->text, ends[i]), "sub-headings: item %u ends '%s' (got '%s')",
              i + 1, ends[i], item->text);
    }
    csb_inspection_free(in);
    csb_diag_free(diag);

    diag = csb_diag_new();
    in = parse("tests/fixtures/lac-2013.txt", diag);
    CHECK(in && in->findings->len == 3, "LAC: the areas for improvement under time headings");
    const CsbParagraph *p2 = in && in->paragraphs->len > 1 ? in->paragraphs->pdata[1] : NULL;
    CHECK_STR(p2 ? p2->section : NULL,
              "Overall effectiveness of services for looked after children and young people",
              "a grade line is not a section");
    csb_inspection_free(in);
    csb_diag_free(diag);
}

/* The same in PDFs: a sub-heading a paragraph's gap apart (Leeds 2015,
 * read by the findings), and one right under its item's last line, back at
 * the outer edge of the item's hanging indent or in a type size of its own
 * (Blackpool 2014, split by the block builder). */
static void test_sub_headings_pdf(void)
{
    static const struct {
        const char *file;
        guint item;
        const char *end;
    } cases[] = {
        {"80481-leeds__2015-03-27.pdf", 2, "regular, reflective supervision."},
        {"80481-leeds__2015-03-27.pdf", 12, "the language used is easily understood."},
        {"80431-blackpool__2014-09-08.pdf", 5, "are afforded help and protection."},
        {"80431-blackpool__2014-09-08.pdf", 12, "the adoption service is maintained."},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *pdf = g_build_filename(unit_shared(), "corpus", "pdf", cases[i].file, NULL);
        if (!g_file_test(pdf, G_FILE_TEST_EXISTS)) {
            SKIP("../shared/corpus is absent", "sub-headings in %s", cases[i].file);
            g_free(pdf);
            continue;
        }
        CsbDiag *diag = csb_diag_new();
        CsbInspection *in = parse(pdf, diag);
        const CsbFinding *f = in && in->findings->len > cases[i].item
                                  ? in->findings->pdata[cases[i].item]
                                  : NULL;
        CHECK(f && g_str_has_suffix(f->text, cases[i].end),
              "%s item %u ends '%s', no heading after it (got '%s')", cases[i].file,
              cases[i].item + 1, cases[i].end, f ? f->text : "(none)");
        csb_inspection_free(in);
        csb_diag_free(diag);
        g_free(pdf);
    }
}

/* What an index (or a file's name) says of a file that cannot be read:
 * whose report it is (URN) and when it was published. */
static void test_source_facts(void)
{
    char *dir = g_dir_make_tmp("csbrief-facts-XXXXXX", NULL);
    char *index = g_build_filename(dir, "index.csv", NULL);
    g_file_set_contents(index,
                        "file,urn,url,title,kind,published\n"
                        "broken.pdf,80547,https://example.org/1,Children's services inspection - "
                        "15 January 2027,ilacs,2027-01-15\n",
                        -1, NULL);
    CsbDiag *diag = csb_diag_new();
    CsbSources *s = csb_sources_new();
    CHECK(csb_sources_add(s, index, diag), "an index with urn and kind reads");
    CsbSourceFacts f;
    char *path = g_build_filename(dir, "broken.pdf", NULL);
    CHECK(csb_sources_facts(s, path, &f) && g_strcmp0(f.urn, "80547") == 0 &&
              g_strcmp0(f.kind, "ilacs") == 0 && f.published.year == 2027 &&
              f.title && g_str_has_suffix(f.title, "15 January 2027"),
          "the index names a file's URN, kind, title and date");
    csb_source_facts_clear(&f);
    CHECK(csb_sources_facts(s, "/elsewhere/80541-redcar-and-cleveland__2026-01-28.pdf", &f) &&
              g_strcmp0(f.urn, "80541") == 0 && f.published.month == 1 && f.published.day == 28,
          "a file the index does not name: URN and date from its name");
    csb_source_facts_clear(&f);
    CHECK(!csb_sources_facts(s, "/elsewhere/report.pdf", &f) && !f.urn,
          "nothing known of any other file");
    csb_source_facts_clear(&f);
    csb_sources_free(s);
    csb_diag_free(diag);
    g_unlink(index);
    g_rmdir(dir);
    g_free(path);
    g_free(index);
    g_free(dir);
}

/* The same report as text and as PDF gives the same record. */
static void test_text_and_pdf(void)
{
    static const char *const pairs[][2] = {
        {"examples/reports/redcar-and-cleveland-2025-12-ilacs.txt",
         "corpus/pdf/80541-redcar-and-cleveland__2026-01-28.pdf"},
        {"examples/reports/stockton-on-tees-2023-03-ilacs.txt",
         "corpus/pdf/80563-stockton-on-tees__2023-05-09.pdf"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(pairs); i++) {
        char *pdf = g_build_filename(unit_shared(), pairs[i][1], NULL);
        if (!g_file_test(pdf, G_FILE_TEST_EXISTS)) {
            SKIP("../shared/corpus is absent", "text and PDF agree: %s", pairs[i][0]);
            g_free(pdf);
            continue;
        }
        CsbDiag *diag = csb_diag_new();
        CsbInspection *a = parse(pairs[i][0], diag);
        CsbInspection *b = parse(pdf, diag);
        GString *why = g_string_new(NULL);
        CHECK(a && b && csb_inspection_same(a, b, why), "text and PDF agree: %s%s%s",
              pairs[i][0], why->len ? ": " : "", why->str);
        CHECK(b && numbered(b, 1) && numbered(b, 1)->page == 2, "PDF paragraphs carry pages");
        g_string_free(why, TRUE);
        csb_inspection_free(a);
        csb_inspection_free(b);
        csb_diag_free(diag);
        g_free(pdf);
    }
}

static void test_variant_round_trip(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbInspection *in = parse("tests/fixtures/sif-lscb.txt", diag);
    GVariant *v = csb_inspection_to_variant(in);
    CsbInspection *back = csb_inspection_from_variant(v);
    GString *why = g_string_new(NULL);
    CHECK(back && csb_inspection_same(in, back, why), "GVariant round trip: %s", why->str);
    CHECK(back && g_strcmp0(back->file, in->file) == 0 && g_strcmp0(back->sha256, in->sha256) == 0 &&
              g_strcmp0(back->title, in->title) == 0,
          "GVariant round trip: file, hash, title");
    GString *a = g_string_new(NULL), *b = g_string_new(NULL);
    csb_inspection_to_json(in, a, 0);
    if (back)
        csb_inspection_to_json(back, b, 0);
    CHECK(strcmp(a->str, b->str) == 0, "GVariant round trip: same JSON");
    g_string_free(a, TRUE);
    g_string_free(b, TRUE);
    g_variant_unref(v);
    csb_inspection_free(back);

    /* An inspection held in two parts keeps them through the cache, and
     * its JSON has them. */
    in->start = (CsbDate){2024, 9, 30};
    in->paused = (CsbDate){2024, 10, 11};
    in->resumed = (CsbDate){2025, 1, 13};
    in->end = (CsbDate){2025, 1, 16};
    v = csb_inspection_to_variant(in);
    back = csb_inspection_from_variant(v);
    g_string_truncate(why, 0);
    CHECK(back && csb_inspection_same(in, back, why) && csb_inspection_in_parts(back),
          "GVariant round trip: two parts: %s", why->str);
    if (back)
        back->resumed = (CsbDate){0};
    CHECK(back && !csb_inspection_same(in, back, NULL), "records differ by their parts");
    a = g_string_new(NULL);
    csb_inspection_to_json(in, a, 0);
    CHECK(strstr(a->str, "\"inspection_parts\": [[\"2024-09-30\", \"2024-10-11\"], "
                         "[\"2025-01-13\", \"2025-01-16\"]]") != NULL,
          "JSON: inspection_parts");
    g_string_truncate(a, 0);
    if (back)
        csb_inspection_to_json(back, a, 0);
    CHECK(back && !strstr(a->str, "inspection_parts"), "JSON: no inspection_parts in one part");
    g_string_free(a, TRUE);
    g_string_free(why, TRUE);
    g_variant_unref(v);
    csb_inspection_free(back);
    csb_inspection_free(in);
    csb_diag_free(diag);
}

int main(void)
{
    CsbDiag *diag = csb_diag_new();
    reference = csb_reference_load(".", diag);
    authorities = reference ? reference->authorities : NULL;
    CHECK(authorities != NULL, "authority table and frameworks load");
    if (!authorities)
        return unit_done();
    RUN(test_dates);
    RUN(test_date_parts);
    RUN(test_grades);
    RUN(test_counts);
    RUN(test_never_guess);
    RUN(test_shared_names);
    RUN(test_findings_and_sections);
    RUN(test_sub_headings_pdf);
    RUN(test_source_facts);
    RUN(test_text_and_pdf);
    RUN(test_variant_round_trip);
    csb_reference_free(reference);
    csb_diag_free(diag);
    return unit_done();
}
