/* test_ingest.c - reading files into documents: text input (cells, BOM,
 * CRLF, Windows-1252, footnotes) and what is refused (empty, blank, HTML
 * saved as .pdf, text named .pdf, binary junk, a directory).
 */
#include "unit.h"

#include "ingest/ingest.h"

#include <glib/gstdio.h>

static char *dir;

static char *write_file(const char *name, const char *data, gssize len)
{
    char *path = g_build_filename(dir, name, NULL);
    g_file_set_contents(path, data, len, NULL);
    return path;
}

static void test_text_lines(void)
{
    const char data[] = "\xEF\xBB\xBFTitle line\r\n\r\nJudgement\tGrade\r\n\tRequires\n"
                        "\xC2\xB9 A footnote\nlast";
    CsbDocument *doc = csb_ingest_text("t.txt", data, sizeof data - 1);
    CHECK(doc->type == CSB_SOURCE_TEXT && doc->lines->len == 6, "text: six lines (%u)",
          doc->lines->len);
    const CsbLine *first = doc->lines->pdata[0];
    CHECK_STR(first->text, "Title line", "text: BOM and CR removed");
    const CsbLine *blank = doc->lines->pdata[1];
    CHECK(blank->cells->len == 1 && !*blank->text, "text: blank line kept as one empty cell");
    const CsbLine *row = doc->lines->pdata[2];
    CHECK(row->cells->len == 2, "text: tab splits cells");
    const CsbCell *grade = row->cells->pdata[1];
    CHECK_STR(grade->text, "Grade", "text: second cell");
    CHECK(grade->x0 == 1, "text: cell x is its column");
    const CsbLine *indented = doc->lines->pdata[3];
    CHECK(indented->cells->len == 1 && ((CsbCell *)indented->cells->pdata[0])->x0 == 1,
          "text: a leading tab puts the cell in the second column");
    const CsbLine *note = doc->lines->pdata[4];
    CHECK(note->footnote, "text: line starting with a superscript number is a footnote");
    CHECK(doc->page_height == 0 && doc->n_pages == 0, "text: no pages");
    csb_document_free(doc);
}

static void test_windows_1252(void)
{
    const char data[] = "Children\x92s services \x96 good";
    CsbDocument *doc = csb_ingest_text("w.txt", data, sizeof data - 1);
    const CsbLine *l = doc->lines->pdata[0];
    CHECK_STR(l->text, "Children\u2019s services \u2013 good", "text: Windows-1252 decoded");
    csb_document_free(doc);
}

static void expect_refused(const char *name, const char *data, gssize len, const char *reason,
                           CsbUnreadReason kind, const char *what)
{
    char *path = write_file(name, data, len);
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_file(path, diag);
    CHECK(doc == NULL, "%s: refused", what);
    CHECK(diag->items->len == 1, "%s: one error (%u)", what, diag->items->len);
    const CsbError *e = diag->items->len ? diag->items->pdata[0] : NULL;
    CHECK(e && e->severity == CSB_SEV_ERROR && strstr(e->message, reason),
          "%s: reason has '%s' (%s)", what, reason, e ? e->message : "none");
    CHECK(csb_unread_reason_of(e) == kind, "%s: the kind of problem is '%s' (%s)", what,
          csb_unread_reason_id(kind), csb_unread_reason_id(csb_unread_reason_of(e)));
    csb_document_free(doc);
    csb_diag_free(diag);
    g_remove(path);
    g_free(path);
}

static void test_refused(void)
{
    expect_refused("empty.pdf", "", 0, "empty", CSB_UNREAD_EMPTY, "empty file");
    expect_refused("blank.txt", "  \n\n\t \n", -1, "blank", CSB_UNREAD_EMPTY, "blank text file");
    expect_refused("page.pdf",
                   "\n<!DOCTYPE html>\n<html><head><title>Report not found</title></head></html>",
                   -1, "HTML", CSB_UNREAD_HTML_PAGE, "HTML page saved as .pdf");
    expect_refused("notes.pdf", "Inspection of somewhere\n", -1, "not a PDF", CSB_UNREAD_NOT_PDF,
                   "text named .pdf");
    const char junk[] = "\x01\x02\x03\x00\xff\xfe garbage \x00\x10";
    expect_refused("junk.txt", junk, sizeof junk - 1, "binary", CSB_UNREAD_BINARY,
                   "binary junk named .txt");
    expect_refused("cut.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", -1,
                   "truncated", CSB_UNREAD_TRUNCATED, "PDF without its end");
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_file(dir, diag);
    CHECK(doc == NULL && csb_diag_count(diag, CSB_SEV_ERROR) == 1 &&
              csb_unread_reason_of(diag->items->pdata[0]) == CSB_UNREAD_CANNOT_OPEN,
          "directory refused: it cannot be opened as a report");
    csb_diag_free(diag);
    diag = csb_diag_new();
    char *missing = g_build_filename(dir, "missing.pdf", NULL);
    doc = csb_ingest_file(missing, diag);
    CHECK(doc == NULL && csb_diag_count(diag, CSB_SEV_ERROR) == 1 &&
              csb_unread_reason_of(diag->items->pdata[0]) == CSB_UNREAD_CANNOT_OPEN,
          "missing file refused: it cannot be opened");
    g_free(missing);
    csb_diag_free(diag);
}

static void test_hash_and_names(void)
{
    char *path = write_file("h.txt", "abc", 3);
    char *err = NULL;
    char *sum = csb_ingest_hash_file(path, &err);
    CHECK_STR(sum, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
              "sha256 of the file's bytes");
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_file(path, diag);
    CHECK_STR(doc ? doc->sha256 : NULL, sum, "document carries the hash");
    csb_document_free(doc);
    csb_diag_free(diag);
    g_free(sum);
    g_remove(path);
    g_free(path);
    CHECK(csb_ingest_is_report_name("A.PDF") && csb_ingest_is_report_name("b.md") &&
              !csb_ingest_is_report_name("c.docx"),
          "report file names");
}

int main(void)
{
    dir = g_dir_make_tmp("csbrief-ingest-XXXXXX", NULL);
    RUN(test_text_lines);
    RUN(test_windows_1252);
    RUN(test_refused);
    RUN(test_hash_and_names);
    g_rmdir(dir);
    g_free(dir);
    return unit_done();
}
