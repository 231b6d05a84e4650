/* tone_model.c - the learned tone layer: a regularised multinomial
 * logistic model over the named features of tone_features.c, read from
 * the CSV that tests/tone/train.py writes (templates/tone-model.csv, named
 * by `model:` in templates/cues.yaml). Columns: feature, mean, scale and
 * one weight per tone (strength, concern, mixed, neutral); the row
 * "(bias)" holds the intercepts. A feature counts (value - mean) / scale
 * times its weight; the tone with the highest sum wins, and why names it
 * with the present features that weighed most for it over the runner-up.
 * A paragraph holds few of a model's thousands of word features, and an
 * absent feature of mean 0 adds exactly nothing, so only the features
 * present (and any of another mean) are summed, in the file's order, which
 * gives the very sum of them all.
 */
#include "themes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { N_CLASSES = 4 };
static const CsbTone classes[N_CLASSES] = {CSB_TONE_STRENGTH, CSB_TONE_CONCERN, CSB_TONE_MIXED,
                                           CSB_TONE_NEUTRAL};

typedef struct {
    char *name;
    double mean, scale, w[N_CLASSES];
} Feature;

struct CsbToneModel {
    double bias[N_CLASSES];
    GArray *features; /* Feature */
    gboolean words;   /* some feature is a word ("w: ...", "shortfall w: ...") */
    GHashTable *index; /* feature name (borrowed) -> its index + 1 */
    GArray *always;    /* guint: the features whose mean is not 0, which count
                          when absent too */
};

gboolean csb_tone_model_reads_words(const CsbToneModel *m)
{
    return m->words;
}

void csb_tone_model_free(CsbToneModel *m)
{
    if (!m)
        return;
    for (guint i = 0; i < m->features->len; i++)
        g_free(g_array_index(m->features, Feature, i).name);
    g_array_free(m->features, TRUE);
    if (m->index)
        g_hash_table_destroy(m->index);
    if (m->always)
        g_array_free(m->always, TRUE);
    g_free(m);
}

static gboolean number(const CsbCsv *csv, guint row, int col, double *out)
{
    const char *s = col >= 0 ? csb_csv_get(csv, row, col) : NULL;
    char *end = NULL;
    *out = s ? g_ascii_strtod(s, &end) : 0;
    return s && *s && end && !*end && isfinite(*out);
}

static gboolean read_row(const CsbCsv *csv, guint row, const int *cols, Feature *f)
{
    gboolean ok = number(csv, row, cols[0], &f->mean) && number(csv, row, cols[1], &f->scale) &&
                  f->scale > 0;
    for (int k = 0; k < N_CLASSES; k++)
        ok &= number(csv, row, cols[2 + k], &f->w[k]);
    return ok;
}

CsbToneModel *csb_tone_model_load(const char *path, CsbDiag *diag)
{
    CsbCsv *csv = csb_csv_load(path, diag);
    if (!csv)
        return NULL;
    int c_name = csb_csv_column(csv, "feature");
    int cols[2 + N_CLASSES] = {csb_csv_column(csv, "mean"), csb_csv_column(csv, "scale")};
    for (int k = 0; k < N_CLASSES; k++)
        cols[2 + k] = csb_csv_column(csv, csb_tone_id(classes[k]));
    CsbToneModel *m = g_new0(CsbToneModel, 1);
    m->features = g_array_new(FALSE, FALSE, sizeof(Feature));
    gboolean ok = c_name >= 0;
    for (guint r = 0; ok && r < csv->rows->len; r++) {
        Feature f = {0};
        if (!read_row(csv, r, cols, &f)) {
            csb_diag_error(diag, path, csb_csv_line(csv, r), 1,
                           "each row needs a feature, a mean, a positive scale and a number "
                           "for each of strength, concern, mixed and neutral");
            ok = FALSE;
        } else if (g_strcmp0(csb_csv_get(csv, r, c_name), "(bias)") == 0) {
            memcpy(m->bias, f.w, sizeof m->bias);
        } else {
            f.name = g_strdup(csb_csv_get(csv, r, c_name));
            m->words |= g_str_has_prefix(f.name, "w: ") ||
                        g_str_has_prefix(f.name, "shortfall w: ");
            g_array_append_val(m->features, f);
        }
    }
    if (c_name < 0)
        csb_diag_error(diag, path, csv->header_line, 1,
                       "expected the columns feature, mean, scale, strength, concern, mixed "
                       "and neutral");
    csb_csv_free(csv);
    if (!ok) {
        csb_tone_model_free(m);
        return NULL;
    }
    m->index = g_hash_table_new(g_str_hash, g_str_equal);
    m->always = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < m->features->len; i++) {
        const Feature *f = &g_array_index(m->features, Feature, i);
        g_hash_table_insert(m->index, f->name, GUINT_TO_POINTER(i + 1));
        if (f->mean != 0)
            g_array_append_val(m->always, i);
    }
    return m;
}

static gint by_index(gconstpointer a, gconstpointer b)
{
    guint x = *(const guint *)a, y = *(const guint *)b;
    return x < y ? -1 : x > y;
}

/* The indices of the features that count for features, in the file's
 * order, each once: those present, and those whose mean is not 0. */
static GArray *counting(const CsbToneModel *m, GHashTable *features)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(guint));
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, features);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        guint i = GPOINTER_TO_UINT(g_hash_table_lookup(m->index, key));
        if (i && g_array_index(m->features, Feature, i - 1).mean == 0)
            g_array_append_vals(out, &(guint){i - 1}, 1);
    }
    g_array_append_vals(out, m->always->data, m->always->len);
    g_array_sort(out, by_index);
    return out;
}

static double value_of(GHashTable *features, const char *name)
{
    const double *v = g_hash_table_lookup(features, name);
    return v ? *v : 0;
}

/* "'however' (+0.42)", a word feature read as the words themselves. */
static void describe(GString *s, const char *name, double value, double by)
{
    if (g_str_has_prefix(name, "shortfall w: "))
        g_string_append_printf(s, "'%s' in a sentence of concern", name + 13);
    else if (g_str_has_prefix(name, "w: "))
        g_string_append_printf(s, "'%s'", name + 3);
    else if (value == 1)
        g_string_append(s, name);
    else
        g_string_append_printf(s, "%s %.3g", name, value);
    g_string_append_printf(s, " (%+.2f)", by);
}

typedef struct {
    const char *name;
    double value, by;
} Reason;

static gint by_weight(gconstpointer a, gconstpointer b)
{
    double x = ((const Reason *)a)->by, y = ((const Reason *)b)->by;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* "model: concern 0.71, mixed 0.22; most for it over mixed: ..." */
static char *explain(const CsbToneModel *m, GHashTable *features, const GArray *count,
                     const double *score, int win, int second)
{
    double sum = 0;
    for (int k = 0; k < N_CLASSES; k++)
        sum += exp(score[k] - score[win]);
    GString *s = g_string_new("model: ");
    g_string_append_printf(s, "%s %.2f, %s %.2f; most for %s over %s: ",
                           csb_tone_id(classes[win]), 1 / sum, csb_tone_id(classes[second]),
                           exp(score[second] - score[win]) / sum, csb_tone_id(classes[win]),
                           csb_tone_id(classes[second]));
    GArray *reasons = g_array_new(FALSE, FALSE, sizeof(Reason));
    for (guint c = 0; c < count->len; c++) {
        const Feature *f = &g_array_index(m->features, Feature, g_array_index(count, guint, c));
        double v = value_of(features, f->name);
        double by = (f->w[win] - f->w[second]) * (v - f->mean) / f->scale;
        if (v != 0 && by > 0) {
            Reason r = {f->name, v, by};
            g_array_append_val(reasons, r);
        }
    }
    g_array_sort(reasons, by_weight);
    for (guint i = 0; i < reasons->len && i < 4; i++) {
        const Reason *r = &g_array_index(reasons, Reason, i);
        if (i)
            g_string_append(s, ", ");
        describe(s, r->name, r->value, r->by);
    }
    if (!reasons->len)
        g_string_append(s, "the balance of the whole");
    g_array_free(reasons, TRUE);
    return g_string_free(s, FALSE);
}

CsbTone csb_tone_model_decide(const CsbToneModel *m, GHashTable *features, GPtrArray *why)
{
    double score[N_CLASSES];
    memcpy(score, m->bias, sizeof score);
    GArray *count = counting(m, features);
    for (guint c = 0; c < count->len; c++) {
        const Feature *f = &g_array_index(m->features, Feature, g_array_index(count, guint, c));
        double z = (value_of(features, f->name) - f->mean) / f->scale;
        for (int k = 0; k < N_CLASSES; k++)
            score[k] += f->w[k] * z;
    }
    int win = 0, second = 1;
    for (int k = 1; k < N_CLASSES; k++)
        if (score[k] > score[win])
            win = k;
    second = win == 0 ? 1 : 0;
    for (int k = 0; k < N_CLASSES; k++)
        if (k != win && score[k] > score[second])
            second = k;
    if (why)
        g_ptr_array_add(why, explain(m, features, count, score, win, second));
    g_array_free(count, TRUE);
    return classes[win];
}
