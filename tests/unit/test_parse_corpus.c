/* test_parse_corpus.c - paragraphs and findings of the real reports in
 * ../shared/corpus/pdf against tests/corpus/paragraphs.csv (read by hand:
 * see tests/corpus/README.md): the count of numbered paragraphs, the first
 * and last number, an unbroken run, and the count of areas for improvement
 * / recommendations / priority actions. Skipped when ../shared is absent.
 */
#include "unit.h"

#include "parse/parse.h"

static void check_report(const CsbReference *table, const CsbCsv *csv, guint r,
                         const char *dir)
{
    const char *file = csb_csv_get(csv, r, csb_csv_column(csv, "file"));
    int want_count = atoi(csb_csv_get(csv, r, csb_csv_column(csv, "numbered_paragraphs")));
    const char *want_first = csb_csv_get(csv, r, csb_csv_column(csv, "first_paragraph_number"));
    const char *want_last = csb_csv_get(csv, r, csb_csv_column(csv, "last_paragraph_number"));
    int want_findings = atoi(csb_csv_get(csv, r, csb_csv_column(csv, "areas_for_improvement")));
    char *path = g_build_filename(dir, file, NULL);
    CsbDiag *diag = csb_diag_new();
    CsbInspection *in = csb_parse_file(path, table, diag);
    CHECK(in != NULL, "%s parses", file);
    if (in) {
        int count = 0, first = 0, last = 0;
        gboolean run = TRUE, placed = TRUE;
        for (guint i = 0; i < in->paragraphs->len; i++) {
            const CsbParagraph *p = in->paragraphs->pdata[i];
            if (p->number <= 0)
                continue;
            count++;
            if (!first)
                first = p->number;
            if (last && p->number != last + 1)
                run = FALSE;
            last = p->number;
            if (p->page < 1 || !p->section || !*p->text)
                placed = FALSE;
        }
        char f[16] = "", l[16] = "";
        if (count) {
            g_snprintf(f, sizeof f, "%d", first);
            g_snprintf(l, sizeof l, "%d", last);
        }
        CHECK(count == want_count && strcmp(f, want_first) == 0 && strcmp(l, want_last) == 0 &&
                  run,
              "%s: %d numbered paragraphs %s..%s%s (want %d, %s..%s)", file, count, f, l,
              run ? "" : " with gaps", want_count, want_first, want_last);
        CHECK(placed, "%s: every paragraph has a page, a section and text", file);
        CHECK((int)in->findings->len == want_findings, "%s: %u findings (want %d)", file,
              in->findings->len, want_findings);
    }
    csb_inspection_free(in);
    csb_diag_free(diag);
    g_free(path);
}

/* A finding whose sub-items are set with a gap after their markers
 * ("(ii)   their parents ..."), which reads as a table row: kept whole. */
static void check_sub_items(const CsbReference *table, const char *dir)
{
    char *path = g_build_filename(dir, "80431-blackpool__2014-09-08.pdf", NULL);
    CsbDiag *diag = csb_diag_new();
    CsbInspection *in = csb_parse_file(path, table, diag);
    gboolean whole = FALSE;
    for (guint i = 0; in && i < in->findings->len; i++) {
        const CsbFinding *f = in->findings->pdata[i];
        whole |= strstr(f->text, "where (i) they are privately fostered (ii) their parents") &&
                 g_str_has_suffix(f->text, "(iii) they are known to the Youth Offending Team.");
    }
    CHECK(whole, "Blackpool 2014: the recommendation's sub-items (i) to (iii) are kept whole");
    csb_inspection_free(in);
    csb_diag_free(diag);
    g_free(path);
}

int main(void)
{
    char *dir = g_build_filename(unit_shared(), "corpus", "pdf", NULL);
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        SKIP("../shared/corpus is absent", "corpus paragraphs and findings");
        g_free(dir);
        return unit_done();
    }
    CsbDiag *diag = csb_diag_new();
    CsbReference *table = csb_reference_load(".", diag);
    CsbCsv *csv = csb_csv_load("tests/corpus/paragraphs.csv", diag);
    CHECK(table && csv, "authority table and paragraphs.csv load");
    for (guint r = 0; table && csv && r < csv->rows->len; r += unit_corpus_stride())
        check_report(table, csv, r, dir);
    if (table)
        check_sub_items(table, dir);
    csb_csv_free(csv);
    csb_reference_free(table);
    csb_diag_free(diag);
    g_free(dir);
    return unit_done();
}
