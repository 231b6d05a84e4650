/* test_ingest_damaged.c - a report read from a damaged PDF gives exactly
 * the grades a clean reading gives, or is refused (one error, which says
 * what kind of problem it is): never fewer grades in silence. Damaged copies are made here, from a fixed seed
 * (tests/fuzz/damage.h: bytes flipped, a block zeroed, a chunk cut out or
 * repeated, the file cut short with a new end marker). Of the Cairo-drawn
 * report in
 * tests/fuzz/seeds-pdf (always), and of a sample of the real reports in
 * ../shared/corpus/pdf (skipped, saying so, when it is absent).
 */
#include "unit.h"

#include "parse/parse.h"
#include "../fuzz/damage.h"

static CsbReference *reference;

typedef struct {
    guint cases, refused, same, partial;
    guint kinds[CSB_UNREAD_COUNT]; /* the refusals, by kind of problem */
} Tally;

/* "kind authority area=grade;..." : what a reading gives, or NULL, and
 * the kind of problem of its first error in *why. */
static char *reading(const char *name, const char *data, gsize len, guint *errors,
                     CsbUnreadReason *why)
{
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_data(name, data, len, diag);
    CsbInspection *in = doc ? csb_parse_document(doc, reference, diag) : NULL;
    *errors = (guint)csb_diag_count(diag, CSB_SEV_ERROR);
    *why = csb_unread_reason_of(diag->items->len ? diag->items->pdata[0] : NULL);
    char *out = NULL;
    if (in) {
        GString *s = g_string_new(NULL);
        g_string_append_printf(s, "%s %s", csb_kind_id(in->kind),
                               in->authority ? in->authority : "?");
        for (guint i = 0; i < in->judgements->len; i++) {
            const CsbJudgement *j = in->judgements->pdata[i];
            g_string_append_printf(s, " %s=%s", j->area, csb_grade_id(j->grade));
        }
        out = g_string_free(s, FALSE);
    }
    csb_inspection_free(in);
    csb_document_free(doc);
    csb_diag_free(diag);
    return out;
}

static void probe(const char *name, const char *data, gsize len, guint cases, guint32 seed,
                  Tally *t)
{
    guint errors = 0;
    CsbUnreadReason why;
    char *clean = reading(name, data, len, &errors, &why);
    CHECK(clean != NULL, "%s: the clean file is read", name);
    GRand *r = g_rand_new_with_seed(seed);
    for (guint i = 0; clean && i < cases; i++) {
        GByteArray *copy = csb_damaged_copy(data, len, (int)(i % CSB_DAMAGE_KINDS), r);
        char *got = reading(name, (const char *)copy->data, copy->len, &errors, &why);
        t->cases++;
        if (!got) {
            t->refused++;
            t->kinds[why]++;
            if (errors != 1)
                printf("# %s, damage %u: refused with %u errors, not one\n", name, i, errors);
            t->partial += errors != 1;
        } else if (strcmp(got, clean) == 0) {
            t->same++;
        } else {
            t->partial++;
            printf("# %s, damage %u (kind %u): read differently, with no error\n#   clean %s\n"
                   "#   got   %s\n",
                   name, i, i % 5, clean, got);
        }
        g_free(got);
        g_byte_array_unref(copy);
    }
    g_rand_free(r);
    g_free(clean);
}

/* "# refused as: damaged 20, truncated 3" */
static void print_kinds(const Tally *t)
{
    printf("# refused as:");
    for (guint k = 0; k < CSB_UNREAD_COUNT; k++)
        if (t->kinds[k])
            printf(" %s %u", csb_unread_reason_id((CsbUnreadReason)k), t->kinds[k]);
    printf("\n");
}

static void test_drawn(void)
{
    const char *path = "tests/fuzz/seeds-pdf/drawn-ilacs.pdf";
    gchar *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &data, &len, NULL)) {
        CHECK(FALSE, "%s can be read", path);
        return;
    }
    Tally t = {0};
    probe("drawn-ilacs.pdf", data, len, 60, 20260101, &t);
    printf("# drawn report: %u damaged copies, %u refused, %u read as clean, %u partial\n",
           t.cases, t.refused, t.same, t.partial);
    CHECK(t.partial == 0, "drawn report: no damaged copy is read differently without an error "
                          "(%u of %u)",
          t.partial, t.cases);
    CHECK(t.refused > t.cases / 2, "drawn report: damage is found (%u of %u refused)",
          t.refused, t.cases);
    print_kinds(&t);
    CHECK(t.kinds[CSB_UNREAD_UNKNOWN] == 0,
          "drawn report: every refusal says what kind of problem it is (%u do not)",
          t.kinds[CSB_UNREAD_UNKNOWN]);
    /* One byte changed inside a compressed stream: libqpdf and poppler
     * both read on without a word; its checksum says it is damaged. */
    const char *stream = g_strstr_len(data, (gssize)len, "stream\n");
    char *copy = g_memdup2(data, len);
    copy[(stream - data) + 7 + 200] ^= 0x20;
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_data("one-byte.pdf", copy, len, diag);
    const CsbError *e = diag->items->len ? diag->items->pdata[0] : NULL;
    CHECK(!doc && e && strstr(e->message, "damaged: download it again") &&
              csb_unread_reason_of(e) == CSB_UNREAD_DAMAGED,
          "one byte changed in a compressed stream: 'damaged: download it again' (%s)",
          e ? e->message : "read");
    csb_document_free(doc);
    csb_diag_free(diag);
    g_free(copy);
    g_free(data);
}

/* A page tree whose /Kids holds the tree itself: poppler reads on (as if
 * nothing were wrong), libqpdf finds the loop. */
static void test_page_tree_loop(void)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    qpdf_read(q, "tests/fuzz/seeds-pdf/drawn-ilacs.pdf", NULL);
    qpdf_oh root = qpdf_get_root(q);
    qpdf_oh pages = qpdf_oh_get_key(q, root, "/Pages");
    qpdf_oh kids = qpdf_oh_get_key(q, pages, "/Kids");
    qpdf_oh_append_item(q, kids, pages);
    qpdf_init_write_memory(q);
    gboolean written = !(qpdf_write(q) & QPDF_ERRORS);
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = written ? csb_ingest_data("loop.pdf", (const char *)qpdf_get_buffer(q),
                                                 qpdf_get_buffer_length(q), diag)
                               : NULL;
    const CsbError *e = diag->items->len ? diag->items->pdata[0] : NULL;
    CHECK(written && !doc && e && strstr(e->message, "damaged: download it again") &&
              strstr(e->message, "Loop") && csb_unread_reason_of(e) == CSB_UNREAD_DAMAGED,
          "a page tree with a loop: 'damaged', naming the loop (%s)", e ? e->message : "read");
    csb_document_free(doc);
    csb_diag_free(diag);
    qpdf_cleanup(&q);
}

static int by_name(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_corpus(void)
{
    char *dir = g_build_filename(unit_shared(), "corpus", "pdf", NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d) {
        SKIP("../shared/corpus/pdf is absent", "damaged real reports");
        g_free(dir);
        return;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)))
        if (g_str_has_suffix(name, ".pdf"))
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, by_name);
    /* Five reports spread over the corpus (of every era and layout), 25
     * damaged copies each; fewer under valgrind (CSB_CORPUS_STRIDE). */
    guint step = MAX(names->len / 5, 1) * unit_corpus_stride(), used = 0;
    Tally t = {0};
    for (guint i = step / 2; i < names->len; i += step) {
        char *path = g_build_filename(dir, names->pdata[i], NULL);
        gchar *data = NULL;
        gsize len = 0;
        if (g_file_get_contents(path, &data, &len, NULL) && g_str_has_prefix(data, "%PDF")) {
            probe(names->pdata[i], data, len, 25, 1000 + i, &t);
            used++;
        }
        g_free(data);
        g_free(path);
    }
    printf("# real reports: %u damaged copies of %u reports, %u refused, %u read as clean, %u "
           "partial\n",
           t.cases, used, t.refused, t.same, t.partial);
    CHECK(used > 0 && t.partial == 0,
          "real reports: no damaged copy is read differently without an error (%u of %u)",
          t.partial, t.cases);
    print_kinds(&t);
    CHECK(t.kinds[CSB_UNREAD_UNKNOWN] == 0,
          "real reports: every refusal says what kind of problem it is (%u do not)",
          t.kinds[CSB_UNREAD_UNKNOWN]);
    g_ptr_array_free(names, TRUE);
    g_free(dir);
}

int main(void)
{
    CsbDiag *diag = csb_diag_new();
    reference = csb_reference_load(".", diag);
    csb_diag_free(diag);
    if (!reference) {
        CHECK(FALSE, "data/authorities.csv and data/frameworks.yaml load (run from the project root)");
        return unit_done();
    }
    RUN(test_drawn);
    RUN(test_page_tree_loop);
    RUN(test_corpus);
    csb_reference_free(reference);
    return unit_done();
}
