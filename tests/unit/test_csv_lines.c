/* test_csv_lines.c - an error about a CSV row names the physical line the
 * row starts on, whatever blank lines and quoted fields holding line breaks
 * come before it: the reader's lines (csb_csv_line, the header's), and the
 * row errors of every loader that reports one (data/authorities.csv,
 * data/not-read-reasons.csv, a reports index.csv as sources, fetch's
 * index.csv) and the header errors of those and of data/areas.csv.
 */
#include "unit.h"

#include "compare/compare.h"
#include "fetch/fetch.h"
#include "parse/parse.h"

#include <glib/gstdio.h>

static char *dir;

/* Write text as dir/name; the path (owned). */
static char *write_file(const char *name, const char *text)
{
    char *path = g_build_filename(dir, name, NULL);
    CHECK(g_file_set_contents(path, text, -1, NULL), "wrote %s", name);
    return path;
}

/* The line of diag's only item, which must contain part; -1 when it is not so. */
static int only_line(const CsbDiag *d, const char *part)
{
    if (d->items->len != 1)
        return -1;
    const CsbError *e = d->items->pdata[0];
    return strstr(e->message, part) ? e->line : -1;
}

static void test_reader(void)
{
    char *path = write_file("lines.csv", "\xEF\xBB\xBF"
                                         "\n"                  /* 1 blank */
                                         "a,b\n"               /* 2 header */
                                         "1,2\n"               /* 3 row 0 */
                                         "\n"                  /* 4 blank */
                                         "\"multi\nline\",x\n" /* 5-6 row 1 */
                                         "3,4\r\n"             /* 7 row 2 */
                                         "\r\n"                /* 8 blank */
                                         "5,\"q\"\"\"\n");     /* 9 row 3 */
    CsbDiag *d = csb_diag_new();
    CsbCsv *csv = csb_csv_load(path, d);
    CHECK(csv && d->items->len == 0 && csv->rows->len == 4, "read: four rows, no error");
    if (csv) {
        CHECK(csv->header_line == 2, "the header after a blank line: line 2 (got %d)",
              csv->header_line);
        int want[] = {3, 5, 7, 9};
        for (guint r = 0; r < G_N_ELEMENTS(want); r++)
            CHECK(csb_csv_line(csv, r) == want[r], "row %u starts on line %d (got %d)", r,
                  want[r], csb_csv_line(csv, r));
        CHECK(strcmp(csb_csv_get(csv, 1, 0), "multi\nline") == 0,
              "the quoted field keeps its line break");
        CHECK(csb_csv_line(csv, 4) == 0, "no row 4: line 0");
    }
    csb_csv_free(csv);
    csb_diag_free(d);
    g_free(path);

    /* An unterminated quote names the line its record starts on. */
    path = write_file("open.csv", "a,b\n\n\"two\nlines\",x\n3,\"never closed\n4,5\n");
    d = csb_diag_new();
    csv = csb_csv_load(path, d);
    CHECK(!csv && only_line(d, "unterminated quoted field") == 5,
          "unterminated quote after a blank line and a two-line field: line 5 (got %d)",
          only_line(d, "unterminated"));
    csb_diag_free(d);
    g_free(path);
}

/* ---- the loaders -------------------------------------------------------- */

static CsbReference *reference; /* for the area map */

/* A loader: load path, free what it made; TRUE when it loaded. */
typedef gboolean (*Load)(const char *path, CsbDiag *d);

static gboolean load_authorities(const char *path, CsbDiag *d)
{
    CsbAuthorities *t = csb_authorities_load(path, d);
    csb_authorities_free(t);
    return t != NULL;
}

static gboolean load_not_read_reasons(const char *path, CsbDiag *d)
{
    CsbUnreadWords *w = csb_unread_words_load(path, d);
    csb_unread_words_free(w);
    return w != NULL;
}

static gboolean load_sources(const char *path, CsbDiag *d)
{
    CsbSources *s = csb_sources_new();
    gboolean ok = csb_sources_add(s, path, d);
    csb_sources_free(s);
    return ok;
}

static gboolean load_areas(const char *path, CsbDiag *d)
{
    CsbAreaMap *m = csb_areas_load(path, reference->frameworks, d);
    csb_areas_free(m);
    return m != NULL;
}

/* fetch's index.csv, in the folder of path */
static gboolean load_fetch_index(const char *path, CsbDiag *d)
{
    char *folder = g_path_get_dirname(path);
    CsbIndex *x = csb_index_load(folder, d);
    csb_index_free(x);
    g_free(folder);
    return x != NULL;
}

/* The line of the one error or warning, saying part, that load gives for
 * text as dir/name and loading as loads says; -1 when it gives other. */
static int line_of(const char *name, const char *text, Load load, gboolean loads,
                   const char *part)
{
    char *path = write_file(name, text);
    CsbDiag *d = csb_diag_new();
    int line = load(path, d) == loads ? only_line(d, part) : -1;
    csb_diag_free(d);
    g_free(path);
    return line;
}

/* What each loader is given, and where its error must be. */
typedef struct {
    const char *what, *name, *text;
    Load load;
    gboolean loads;   /* the file loads despite the error (a warning) */
    const char *says; /* words of the error */
    int line;         /* the line it must name */
} Case;

/* Each loader's file: header (line 1), a row (2), a blank line (3), a row
 * with a quoted field over two lines (4-5), the bad row (6); under the old
 * row + 2 the bad row (row 2) was said to be on line 4. Then a header after
 * blank lines: a missing column is said at the header's line. */
static const Case cases[] = {
    {"authorities: the row without a name", "authorities.csv",
     "name,dfe_code,ons_code,urn,region_code,region,stat_neighbours,aliases,trusts\n"
     "Barnsley,370,E08000016,80000,E,Yorkshire,,,\n"
     "\n"
     "Bolton,350,E08000001,80001,B,North West,,\"Bolton Council;\nBolton MBC\",\n"
     ",,E0,80002,B,North West,,,\n",
     load_authorities, TRUE, "row without a name or DfE code skipped", 6},
    {"not-read reasons: the misspelt reason", "not-read-reasons.csv",
     "reason,plain_english\n"
     "empty,because its file is empty\n"
     "\n"
     "damaged,\"because its file is damaged,\nso it cannot be read\"\n"
     "html-pag,because its file is a saved web page\n",
     load_not_read_reasons, FALSE, "did you mean 'html-page'", 6},
    {"sources: the row whose date is not one", "index.csv",
     "file,published,title\n"
     "a.pdf,2024-01-02,Inspection of A\n"
     "\n"
     "b.pdf,2024-02-03,\"Inspection of B\n(second line)\"\n"
     "c.pdf,3 March 2024,Inspection of C\n",
     load_sources, TRUE, "'3 March 2024' is not a date", 6},
    {"fetch index: the row without an address", "index.csv",
     "file,url,title\n"
     "a.pdf,https://files.example/a,Inspection of A\n"
     "\n"
     "b.pdf,https://files.example/b,\"Inspection of B\n(second line)\"\n"
     "c.pdf,,Inspection of C\n",
     load_fetch_index, TRUE, "a row without a file name (alone) or an address", 6},
    {"authorities: the header after two blank lines", "authorities.csv",
     "\n\nname,dfe_code\nBarnsley,370\n", load_authorities, FALSE, "has no column 'ons_code'", 3},
    {"not-read reasons: the header after a blank line", "not-read-reasons.csv",
     "\nreason,words\nempty,x\n", load_not_read_reasons, FALSE, "expected the columns", 2},
    {"sources: the header after a blank line", "index.csv", "\nfile,date\na.pdf,2024-01-02\n",
     load_sources, FALSE, "needs the columns", 2},
    {"areas: the header after two blank lines", "areas.csv",
     "\n\nid,title\noverall,Overall effectiveness\n", load_areas, FALSE,
     "the area map has no column 'short_title'", 3},
};

static void test_loaders(void)
{
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        const Case *c = &cases[i];
        int got = line_of(c->name, c->text, c->load, c->loads, c->says);
        CHECK(got == c->line, "%s is on line %d (got %d)", c->what, c->line, got);
    }
}

int main(void)
{
    dir = g_dir_make_tmp("csb-csv-lines-XXXXXX", NULL);
    CsbDiag *load = csb_diag_new();
    reference = csb_reference_load(".", load);
    CHECK(reference != NULL, "the reference data loads");
    RUN(test_reader);
    if (reference)
        RUN(test_loaders);
    csb_reference_free(reference);
    csb_diag_free(load);
    GDir *folder = g_dir_open(dir, 0, NULL);
    for (const char *name; folder && (name = g_dir_read_name(folder));) {
        char *p = g_build_filename(dir, name, NULL);
        g_remove(p);
        g_free(p);
    }
    if (folder)
        g_dir_close(folder);
    g_rmdir(dir);
    g_free(dir);
    return unit_done();
}
