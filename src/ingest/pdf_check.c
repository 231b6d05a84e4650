/* pdf_check.c - whether a PDF is sound, as libqpdf reads it strictly.
 *
 * Poppler repairs a damaged file without saying so: a cross-reference
 * table that points at the wrong places is rebuilt, a stream whose data
 * is corrupt ends where zlib gives up, and the text of a page can come out
 * short with no error at all. So before poppler reads a report, libqpdf
 * reads it too: the header, the cross-reference table and trailer, every
 * object reachable from the trailer (each must be where the table says
 * and parse), the page tree, and the data of every stream, decoded
 * through its general-purpose filters (FlateDecode's checksum catches a
 * changed byte), counted against the decompression limit. Any complaint
 * libqpdf has is damage. Output PDFs are checked the same way before they
 * replace the last good one.
 */
#include "ingest.h"

#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

qpdf_data csb_qpdf_new(void)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    /* Nothing of libqpdf's goes to stdout or stderr: errors are values. */
    qpdflogger_handle l = qpdflogger_create();
    qpdflogger_set_info(l, qpdf_log_dest_discard, NULL, NULL);
    qpdflogger_set_warn(l, qpdf_log_dest_discard, NULL, NULL);
    qpdflogger_set_error(l, qpdf_log_dest_discard, NULL, NULL);
    qpdf_set_logger(q, l);
    qpdflogger_cleanup(&l);
    return q;
}

char *csb_qpdf_problem(qpdf_data q)
{
    qpdf_error e = NULL;
    if (qpdf_has_error(q))
        e = qpdf_get_error(q);
    else if (qpdf_more_warnings(q))
        e = qpdf_next_warning(q);
    if (!e)
        return NULL;
    const char *detail = qpdf_get_error_message_detail(q, e);
    unsigned long long at = qpdf_get_error_file_position(q, e);
    char *msg = at ? g_strdup_printf("%s, at byte %llu", detail && *detail ? detail : "?", at)
                   : g_strdup(detail && *detail ? detail : "?");
    /* Drain the rest: the first complaint is the one worth reading. */
    while (qpdf_more_warnings(q))
        qpdf_next_warning(q);
    return msg;
}

/* Keys of a dictionary, copied (libqpdf lets one iteration run at a time). */
static GPtrArray *dict_keys(qpdf_data q, qpdf_oh dict)
{
    GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
    qpdf_oh_begin_dict_key_iter(q, dict);
    while (qpdf_oh_dict_more_keys(q))
        g_ptr_array_add(keys, g_strdup(qpdf_oh_dict_next_key(q)));
    return keys;
}

typedef struct {
    qpdf_data q;
    guint64 budget;      /* decompressed bytes still allowed */
    gboolean too_large;  /* the budget was spent */
} Walk;

/* How many times its raw size a general-purpose filter can make data, at
 * most (FlateDecode: zlib's limit; LZW: a 9-bit code can stand for 4096
 * bytes), or 0 for a filter libqpdf does not decode at that level
 * (images). *flate tells whether it is FlateDecode. */
static double filter_growth(qpdf_data q, qpdf_oh name, gboolean *flate)
{
    static const struct {
        const char *names[2];
        double growth;
    } filters[] = {
        {{"/FlateDecode", "/Fl"}, 1032},  {{"/LZWDecode", "/LZW"}, 4096.0 * 8 / 9},
        {{"/RunLengthDecode", "/RL"}, 128}, {{"/ASCIIHexDecode", "/AHx"}, 0.5},
        {{"/ASCII85Decode", "/A85"}, 0.8},
    };
    *flate = FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(filters); i++)
        for (guint k = 0; k < 2; k++)
            if (qpdf_oh_is_name_and_equals(q, name, filters[i].names[k])) {
                *flate = i == 0;
                return filters[i].growth;
            }
    return 0;
}

/* The stream's filters: whether all are FlateDecode (a chain this file
 * can count itself), and the most the general-purpose ones before any
 * other can make of its raw bytes, as a factor. */
static double filters_of(qpdf_data q, qpdf_oh dict, gboolean *flate_only)
{
    qpdf_oh f = qpdf_oh_get_key(q, dict, "/Filter");
    gboolean array = qpdf_oh_is_array(q, f);
    int n = array ? qpdf_oh_get_array_n_items(q, f) : 1;
    double growth = 1;
    *flate_only = n > 0;
    for (int i = 0; i < n; i++) {
        qpdf_oh name = array ? qpdf_oh_get_array_item(q, f, i) : qpdf_oh_new_object(q, f);
        gboolean flate = FALSE;
        double g = filter_growth(q, name, &flate);
        *flate_only = *flate_only && flate;
        qpdf_oh_release(q, name);
        if (g == 0)
            break;
        growth *= g;
    }
    qpdf_oh_release(q, f);
    return growth;
}

/* NULL when a stream's data decodes, else what is wrong (owned).
 * FlateDecode chains are inflated here, layer by layer, to the end of the
 * zlib stream (its checksum, which libqpdf does not check) and counted
 * against the budget; other general-purpose filters are decoded by
 * libqpdf (its complaints are read by the walk), once the most they could
 * make fits the budget. */
static char *stream_problem(Walk *w, qpdf_oh stream, qpdf_oh dict)
{
    qpdf_data q = w->q;
    unsigned char *buf = NULL;
    size_t len = 0;
    char *problem = NULL;
    gboolean flate_only = FALSE;
    double growth = filters_of(q, dict, &flate_only);
    if (qpdf_oh_get_stream_data(q, stream, qpdf_dl_none, NULL, &buf, &len) != QPDF_SUCCESS) {
        free(buf);
        return NULL; /* libqpdf's own complaint says why */
    }
    if (flate_only) {
        gboolean whole = FALSE;
        w->too_large = !csb_zlib_count(buf, len, &w->budget, &whole);
        if (!w->too_large && !whole)
            problem = g_strdup_printf("object %d: its compressed data is corrupt (zlib cannot "
                                      "inflate it whole, or its checksum does not match)",
                                      qpdf_oh_get_object_id(q, stream));
    } else if (growth > 1) {
        double most = growth * (double)len;
        w->too_large = most > (double)w->budget;
        if (!w->too_large) {
            w->budget -= (guint64)most;
            unsigned char *decoded = NULL;
            QPDF_BOOL filtered = QPDF_FALSE;
            qpdf_oh_get_stream_data(q, stream, qpdf_dl_generalized, &filtered, &decoded, &len);
            free(decoded);
        }
    }
    free(buf);
    if (w->too_large)
        problem = g_strdup("its compressed streams decompress to more than the limit");
    return problem;
}

/* The values of a dictionary, onto the stack. The logical structure
 * (/StructTreeRoot: thousands of elements in a tagged report, half the
 * time of the check) is left out: text is read from the pages, never
 * from it. */
static void push_values(qpdf_data q, qpdf_oh dict, GArray *stack)
{
    GPtrArray *keys = dict_keys(q, dict);
    for (guint i = keys->len; i-- > 0;) {
        if (strcmp(keys->pdata[i], "/StructTreeRoot") == 0)
            continue;
        qpdf_oh v = qpdf_oh_get_key(q, dict, keys->pdata[i]);
        g_array_append_val(stack, v);
    }
    g_ptr_array_free(keys, TRUE);
}

/* Visit every object reachable from the trailer once, with a stack of
 * handles rather than recursion (a chain of objects may be long). NULL
 * when all is sound, else the first problem (owned). */
static char *walk(Walk *w)
{
    qpdf_data q = w->q;
    GHashTable *seen = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    GArray *stack = g_array_new(FALSE, FALSE, sizeof(qpdf_oh));
    qpdf_oh trailer = qpdf_get_trailer(q);
    g_array_append_val(stack, trailer);
    char *problem = NULL;
    while (!problem && stack->len) {
        qpdf_oh oh = g_array_index(stack, qpdf_oh, stack->len - 1);
        g_array_set_size(stack, stack->len - 1);
        if (qpdf_oh_is_indirect(q, oh)) {
            gint64 id = ((gint64)qpdf_oh_get_object_id(q, oh) << 20) |
                        qpdf_oh_get_generation(q, oh);
            if (g_hash_table_contains(seen, &id)) {
                qpdf_oh_release(q, oh);
                continue;
            }
            g_hash_table_add(seen, g_memdup2(&id, sizeof id));
        }
        switch (qpdf_oh_get_type_code(q, oh)) {
        case ot_array:
            for (int i = qpdf_oh_get_array_n_items(q, oh); i-- > 0;) {
                qpdf_oh item = qpdf_oh_get_array_item(q, oh, i);
                g_array_append_val(stack, item);
            }
            break;
        case ot_stream: {
            qpdf_oh dict = qpdf_oh_get_dict(q, oh);
            problem = stream_problem(w, oh, dict);
            push_values(q, dict, stack);
            qpdf_oh_release(q, dict);
            break;
        }
        case ot_dictionary:
            push_values(q, oh, stack);
            break;
        default:
            break;
        }
        qpdf_oh_release(q, oh);
        if (!problem)
            problem = csb_qpdf_problem(q);
    }
    g_array_free(stack, TRUE);
    g_hash_table_destroy(seen);
    return problem;
}

CsbPdfSoundness csb_pdf_check(const char *data, gsize len, guint64 budget, int *pages,
                              char **problem)
{
    qpdf_data q = csb_qpdf_new();
    Walk w = {q, budget, FALSE};
    /* Recovery stays on so that the complaint says what was wrong. */
    CsbPdfSoundness verdict = CSB_PDF_SOUND;
    char *why = NULL;
    int n = -1;
    if (qpdf_read_memory(q, "report", data, (unsigned long long)len, NULL) & QPDF_ERRORS) {
        gboolean password = qpdf_has_error(q) &&
                            qpdf_get_error_code(q, qpdf_get_error(q)) == qpdf_e_password;
        verdict = password ? CSB_PDF_ENCRYPTED : CSB_PDF_UNREADABLE;
        why = csb_qpdf_problem(q);
    }
    if (!why)
        why = walk(&w);
    if (!why) {
        n = qpdf_get_num_pages(q);
        why = csb_qpdf_problem(q);
    }
    if (!why && n < 0)
        why = g_strdup("its pages cannot be counted");
    if (why && verdict == CSB_PDF_SOUND)
        verdict = w.too_large ? CSB_PDF_TOO_LARGE : CSB_PDF_DAMAGED;
    if (pages)
        *pages = why ? -1 : n;
    if (problem)
        *problem = why;
    else
        g_free(why);
    qpdf_cleanup(&q);
    return verdict;
}
