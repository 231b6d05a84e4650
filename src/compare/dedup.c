/* dedup.c - one inspection read from two files appears once.
 *
 * Two reports of one authority are the same inspection when their files
 * are byte for byte the same, or when they are of the same kind and were
 * inspected on the same dates (start and end when both have them, else
 * the date that places each in time). The PDF is kept: its paragraphs and
 * judgements carry page numbers, so citations can be checked. Between two
 * PDFs or two texts, the one with more paragraphs is kept, then the first
 * by file name. Each drop is recorded with its reason.
 */
#include "compare.h"

#include <string.h>

void csb_duplicate_free(CsbDuplicate *d)
{
    if (!d)
        return;
    g_free(d->reason);
    g_free(d);
}

static gboolean is_pdf(const CsbInspection *in)
{
    size_t n = in->file ? strlen(in->file) : 0;
    return n > 4 && g_ascii_strcasecmp(in->file + n - 4, ".pdf") == 0;
}

static gboolean has_pages(const CsbInspection *in)
{
    for (guint i = 0; i < in->paragraphs->len; i++)
        if (((const CsbParagraph *)in->paragraphs->pdata[i])->page > 0)
            return TRUE;
    for (guint i = 0; i < in->judgements->len; i++)
        if (((const CsbJudgement *)in->judgements->pdata[i])->page > 0)
            return TRUE;
    return FALSE;
}

/* Why a and b are one inspection, or NULL when they are not. Static text. */
static const char *same_inspection(const CsbInspection *a, const CsbInspection *b)
{
    if (a->sha256 && b->sha256 && strcmp(a->sha256, b->sha256) == 0)
        return "the same file";
    if (a->kind != b->kind)
        return NULL;
    if (csb_date_valid(a->start) && csb_date_valid(a->end) && csb_date_valid(b->start) &&
        csb_date_valid(b->end))
        return csb_date_compare(a->start, b->start) == 0 &&
                       csb_date_compare(a->end, b->end) == 0
                   ? "the same kind of report and the same inspection dates"
                   : NULL;
    CsbDate da = csb_inspection_date(a), db = csb_inspection_date(b);
    return csb_date_valid(da) && csb_date_compare(da, db) == 0
               ? "the same kind of report and the same inspection date"
               : NULL;
}

/* Which of two duplicates to keep, and why. */
static gboolean prefer_first(const CsbInspection *a, const CsbInspection *b, const char **why)
{
    if (is_pdf(a) != is_pdf(b)) {
        *why = "the PDF is kept: its paragraphs carry page numbers";
        return is_pdf(a);
    }
    if (has_pages(a) != has_pages(b)) {
        *why = "the copy with page numbers is kept";
        return has_pages(a);
    }
    if (a->paragraphs->len != b->paragraphs->len) {
        *why = "the copy with more paragraphs read is kept";
        return a->paragraphs->len > b->paragraphs->len;
    }
    *why = "the first by file name is kept";
    return g_strcmp0(a->file, b->file) <= 0;
}

void csb_compare_dedup(GPtrArray *inspections, GPtrArray *duplicates)
{
    for (guint i = 0; i < inspections->len; i++) {
        for (guint k = i + 1; k < inspections->len; k++) {
            const CsbInspection *a = inspections->pdata[i], *b = inspections->pdata[k];
            const char *same = same_inspection(a, b);
            if (!same)
                continue;
            const char *which = NULL;
            gboolean keep_a = prefer_first(a, b, &which);
            CsbDuplicate *d = g_new0(CsbDuplicate, 1);
            d->kept = keep_a ? a : b;
            d->dropped = keep_a ? b : a;
            char iso[11];
            d->reason = g_strdup_printf("%s and %s are one %s inspection (%s, %s); %s",
                                        d->kept->file, d->dropped->file,
                                        csb_kind_id(d->kept->kind), same,
                                        csb_date_iso(csb_inspection_date(d->kept), iso), which);
            g_ptr_array_add(duplicates, d);
            if (keep_a) {
                g_ptr_array_remove_index(inspections, k);
                k--;
            } else {
                g_ptr_array_remove_index(inspections, i);
                k = i; /* restart the inner loop for the report now at i */
            }
        }
    }
}
