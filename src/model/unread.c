/* unread.c - why a report could not be read: the reasons' stable ids, the
 * reason an error's code gives, and the words data/not-read-reasons.csv
 * gives each reason for a reader who is not an analyst.
 */
#include "model.h"

#include <string.h>

/* The reasons' stable ids, in CsbUnreadReason order. */
static const char *const ids[CSB_UNREAD_COUNT] = {
    [CSB_UNREAD_UNKNOWN] = "unknown",
    [CSB_UNREAD_HTML_PAGE] = "html-page",
    [CSB_UNREAD_EMPTY] = "empty",
    [CSB_UNREAD_NO_TEXT] = "no-text",
    [CSB_UNREAD_NO_TEXT_LAYER] = "no-text-layer",
    [CSB_UNREAD_DAMAGED] = "damaged",
    [CSB_UNREAD_TRUNCATED] = "truncated",
    [CSB_UNREAD_NOT_PDF] = "not-pdf",
    [CSB_UNREAD_BINARY] = "binary",
    [CSB_UNREAD_ENCRYPTED] = "encrypted",
    [CSB_UNREAD_NOT_INSPECTION] = "not-inspection",
    [CSB_UNREAD_TOO_LARGE] = "too-large",
    [CSB_UNREAD_TOO_SLOW] = "too-slow",
    [CSB_UNREAD_CANNOT_OPEN] = "cannot-open",
};

const char *csb_unread_reason_id(CsbUnreadReason r)
{
    return (guint)r < CSB_UNREAD_COUNT ? ids[r] : ids[CSB_UNREAD_UNKNOWN];
}

CsbUnreadReason csb_unread_reason_from_id(const char *id)
{
    for (guint i = 0; id && i < CSB_UNREAD_COUNT; i++)
        if (strcmp(id, ids[i]) == 0)
            return (CsbUnreadReason)i;
    return CSB_UNREAD_UNKNOWN;
}

CsbUnreadReason csb_unread_reason_of(const CsbError *e)
{
    return e && e->severity == CSB_SEV_ERROR && e->code > 0 && e->code < CSB_UNREAD_COUNT
               ? (CsbUnreadReason)e->code
               : CSB_UNREAD_UNKNOWN;
}

/* ---- the words for a reader ------------------------------------------------ */

struct CsbUnreadWords {
    char *words[CSB_UNREAD_COUNT]; /* owned; NULL: the file has none */
};

void csb_unread_words_free(CsbUnreadWords *w)
{
    if (!w)
        return;
    for (guint i = 0; i < CSB_UNREAD_COUNT; i++)
        g_free(w->words[i]);
    g_free(w);
}

/* Row r into w; FALSE with an error at its line when it is wrong. */
static gboolean read_row(CsbUnreadWords *w, const CsbCsv *csv, guint r, int c_reason,
                         int c_words, const char *path, CsbDiag *diag)
{
    const char *id = csb_csv_get(csv, r, c_reason);
    char *words = g_strstrip(g_strdup(csb_csv_get(csv, r, c_words)));
    CsbUnreadReason reason = csb_unread_reason_from_id(id);
    const char *problem = NULL;
    if (reason == CSB_UNREAD_UNKNOWN)
        problem = "is not a reason csbrief gives";
    else if (w->words[reason])
        problem = "has a row already";
    else if (!*words)
        problem = "has no words";
    if (problem) {
        const char *near = csb_text_nearest(id, ids + 1, CSB_UNREAD_COUNT - 1);
        char *valid = csb_join_words(ids + 1, CSB_UNREAD_COUNT - 1);
        int line = csb_csv_line(csv, r);
        if (reason == CSB_UNREAD_UNKNOWN && near)
            csb_diag_error(diag, path, line, 0, "reason '%s' %s: did you mean '%s'?", id,
                           problem, near);
        else if (reason == CSB_UNREAD_UNKNOWN)
            csb_diag_error(diag, path, line, 0, "reason '%s' %s; the reasons are: %s", id,
                           problem, valid);
        else
            csb_diag_error(diag, path, line, 0, "reason '%s' %s", id, problem);
        g_free(valid);
        g_free(words);
        return FALSE;
    }
    w->words[reason] = words;
    return TRUE;
}

CsbUnreadWords *csb_unread_words_load(const char *path, CsbDiag *diag)
{
    CsbCsv *csv = csb_csv_load(path, diag);
    if (!csv)
        return NULL;
    int c_reason = csb_csv_column(csv, "reason"), c_words = csb_csv_column(csv, "plain_english");
    if (c_reason < 0 || c_words < 0) {
        csb_diag_error(diag, path, csv->header_line, 0,
                       "expected the columns reason and plain_english");
        csb_csv_free(csv);
        return NULL;
    }
    CsbUnreadWords *w = g_new0(CsbUnreadWords, 1);
    gboolean ok = TRUE;
    for (guint r = 0; r < csv->rows->len; r++)
        if (!read_row(w, csv, r, c_reason, c_words, path, diag))
            ok = FALSE;
    csb_csv_free(csv);
    if (!ok) {
        csb_unread_words_free(w);
        return NULL;
    }
    return w;
}

const char *csb_unread_words_get(const CsbUnreadWords *w, CsbUnreadReason r)
{
    return w && (guint)r < CSB_UNREAD_COUNT ? w->words[r] : NULL;
}
