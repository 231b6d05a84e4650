/* tone_rules.c - the weighing rules of templates/cues.yaml beyond the
 * strength, concern and negator lists: read once with the cues, checked,
 * and shared read-only (by reference) between a library and its copies.
 * The reading that applies them is tone.c; the format is documented at the
 * top of templates/cues.yaml.
 */
#include "themes.h"

#include <stdlib.h>
#include <string.h>

static void construction_free(gpointer p)
{
    CsbConstruction *c = p;
    g_free(c->text);
    g_ptr_array_free(c->parts, TRUE);
    g_free(c);
}

static void rules_clear(gpointer p)
{
    CsbToneRules *r = p;
    csb_phrase_set_free(r->cues);
    csb_phrase_set_free(r->mitigators);
    csb_phrase_set_free(r->mitigators_after);
    csb_phrase_set_free(r->remedies);
    csb_phrase_set_free(r->responses);
    csb_phrase_set_free(r->concessions);
    csb_phrase_set_free(r->past_markers);
    csb_phrase_set_free(r->incidental);
    csb_phrase_set_free(r->contrasts);
    csb_phrase_set_free(r->purposes);
    csb_phrase_set_free(r->conditionals);
    csb_phrase_set_free(r->quantifiers);
    if (r->quantity)
        g_array_free(r->quantity, TRUE);
    if (r->constructions)
        g_ptr_array_free(r->constructions, TRUE);
    if (r->bare_negators)
        g_ptr_array_free(r->bare_negators, TRUE);
    csb_phrase_set_free(r->imperatives);
    if (r->recommendation_sections)
        g_ptr_array_free(r->recommendation_sections, TRUE);
    if (r->recommendation_tags)
        g_ptr_array_free(r->recommendation_tags, TRUE);
    if (r->context_sections)
        g_ptr_array_free(r->context_sections, TRUE);
    csb_tone_model_free(r->model);
    g_free(r->model_path);
}

CsbToneRules *csb_tone_rules_ref(CsbToneRules *r)
{
    return r ? g_atomic_rc_box_acquire(r) : NULL;
}

void csb_tone_rules_unref(CsbToneRules *r)
{
    if (r)
        g_atomic_rc_box_release_full(r, rules_clear);
}

static gboolean phrases(CsbYaml *y, yaml_node_t *map, const char *key, GPtrArray *out,
                        CsbDiag *diag)
{
    return csb_themes_phrases(y, map, key, FALSE, out, diag);
}

/* Add every phrase of list to set with tag, complaining of phrases with no
 * word. */
static gboolean add_all(CsbYaml *y, yaml_node_t *at, CsbPhraseSet *set, const GPtrArray *list,
                        int tag, CsbDiag *diag)
{
    gboolean ok = TRUE;
    for (guint i = 0; list && i < list->len; i++)
        if (!csb_phrase_set_add(set, list->pdata[i], tag)) {
            csb_diag_error(diag, y->path, csb_yaml_line(at), csb_yaml_column(at),
                           "'%s' has no word to match", (const char *)list->pdata[i]);
            ok = FALSE;
        }
    return ok;
}

/* A phrase set of the optional list under key. */
static CsbPhraseSet *phrase_set(CsbYaml *y, yaml_node_t *map, const char *key, gboolean *ok,
                                CsbDiag *diag)
{
    GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
    CsbPhraseSet *set = csb_phrase_set_new();
    *ok &= phrases(y, map, key, list, diag);
    *ok &= add_all(y, map, set, list, 1, diag);
    g_ptr_array_free(list, TRUE);
    return set;
}

/* A number under key of map (absent: fallback) within [lo, hi]. */
static double number(CsbYaml *y, yaml_node_t *map, const char *key, double fallback, double lo,
                     double hi, gboolean *ok, CsbDiag *diag)
{
    yaml_node_t *n = map ? csb_yaml_get(y, map, key) : NULL;
    const char *s = csb_yaml_scalar(n);
    if (!n)
        return fallback;
    char *end = NULL;
    double v = s ? g_ascii_strtod(s, &end) : 0;
    if (!s || end == s || *end || v < lo || v > hi) {
        csb_diag_error(diag, y->path, csb_yaml_line(n), csb_yaml_column(n),
                       "'%s' should be a number from %g to %g", key, lo, hi);
        *ok = FALSE;
        return fallback;
    }
    return v;
}

/* "a b ... c" as its parts ("a b", "c"): at least one word each. */
static gboolean construction_add(CsbToneRules *r, const char *text, CsbTone tone)
{
    CsbConstruction *c = g_new0(CsbConstruction, 1);
    c->text = g_strdup(text);
    c->tone = tone;
    c->parts = g_ptr_array_new_with_free_func((GDestroyNotify)csb_words_free);
    char **parts = g_strsplit(text, "...", -1);
    gboolean ok = TRUE;
    for (char **p = parts; *p; p++) {
        CsbWords *w = csb_words_new(*p);
        /* A trailing "..." takes the rest of the sentence. */
        if (!csb_words_count(w) && p != parts && !p[1]) {
            c->to_end = TRUE;
            csb_words_free(w);
            continue;
        }
        ok &= csb_words_count(w) > 0;
        g_ptr_array_add(c->parts, w);
    }
    g_strfreev(parts);
    g_ptr_array_add(r->constructions, c);
    return ok;
}

static gboolean constructions(CsbYaml *y, yaml_node_t *root, CsbToneRules *r, CsbDiag *diag)
{
    yaml_node_t *map = csb_yaml_get(y, root, "constructions");
    if (!map)
        return TRUE;
    if (map->type != YAML_MAPPING_NODE) {
        csb_diag_error(diag, y->path, csb_yaml_line(map), csb_yaml_column(map),
                       "'constructions' should have the lists 'strength', 'concern' and 'neutral'");
        return FALSE;
    }
    gboolean ok = TRUE;
    static const char *const keys[] = {"strength", "concern", "neutral"};
    static const CsbTone tones[] = {CSB_TONE_STRENGTH, CSB_TONE_CONCERN, CSB_TONE_NEUTRAL};
    for (int k = 0; k < 3; k++) {
        GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
        ok &= phrases(y, map, keys[k], list, diag);
        for (guint i = 0; i < list->len; i++)
            if (!construction_add(r, list->pdata[i], tones[k])) {
                csb_diag_error(diag, y->path, csb_yaml_line(map), csb_yaml_column(map),
                               "construction '%s' has a part with no word (write 'a ... b')",
                               (const char *)list->pdata[i]);
                ok = FALSE;
            }
        g_ptr_array_free(list, TRUE);
    }
    return ok;
}

static gboolean quantifiers(CsbYaml *y, yaml_node_t *root, CsbToneRules *r, CsbDiag *diag)
{
    yaml_node_t *seq = csb_yaml_get(y, root, "quantifiers");
    if (!seq)
        return TRUE;
    if (seq->type != YAML_SEQUENCE_NODE) {
        csb_diag_error(diag, y->path, csb_yaml_line(seq), csb_yaml_column(seq),
                       "'quantifiers' should be a list of groups with 'phrases', 'strength' "
                       "and 'concern'");
        return FALSE;
    }
    gboolean ok = TRUE;
    for (yaml_node_item_t *i = seq->data.sequence.items.start; i < seq->data.sequence.items.top;
         i++) {
        yaml_node_t *g = csb_yaml_node(y, *i);
        CsbQuantity q = {number(y, g, "strength", 1, 0, 3, &ok, diag),
                         number(y, g, "concern", 1, 0, 3, &ok, diag)};
        GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
        if (g->type != YAML_MAPPING_NODE || !csb_yaml_get(y, g, "phrases")) {
            csb_diag_error(diag, y->path, csb_yaml_line(g), csb_yaml_column(g),
                           "each quantifier group needs 'phrases'");
            ok = FALSE;
        } else {
            ok &= phrases(y, g, "phrases", list, diag);
        }
        ok &= add_all(y, g, r->quantifiers, list, (int)r->quantity->len, diag);
        g_array_append_val(r->quantity, q);
        g_ptr_array_free(list, TRUE);
    }
    return ok;
}

/* Section names folded for comparison (csb_text_fold). */
static gboolean sections(CsbYaml *y, yaml_node_t *map, const char *key, GPtrArray *out,
                         CsbDiag *diag)
{
    GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = phrases(y, map, key, list, diag);
    for (guint i = 0; i < list->len; i++)
        g_ptr_array_add(out, csb_text_fold(list->pdata[i]));
    g_ptr_array_free(list, TRUE);
    return ok;
}

static gboolean cue_lists(CsbYaml *y, yaml_node_t *root, CsbToneRules *r,
                          const GPtrArray *strength, const GPtrArray *concern, CsbDiag *diag)
{
    /* The order decides between equal phrases in two lists: the first wins. */
    static const char *const keys[] = {"weak_concern", "weak_strength", "not_cues"};
    static const int tags[] = {CSB_CUE_WEAK_CONCERN, CSB_CUE_WEAK_STRENGTH, CSB_CUE_NONE};
    gboolean ok = add_all(y, root, r->cues, concern, CSB_CUE_CONCERN, diag);
    ok &= add_all(y, root, r->cues, strength, CSB_CUE_STRENGTH, diag);
    for (int k = 0; k < 3; k++) {
        GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
        ok &= phrases(y, root, keys[k], list, diag);
        ok &= add_all(y, root, r->cues, list, tags[k], diag);
        g_ptr_array_free(list, TRUE);
    }
    return ok;
}

static gboolean weights(CsbYaml *y, yaml_node_t *root, CsbToneRules *r, CsbDiag *diag)
{
    gboolean ok = TRUE;
    yaml_node_t *w = csb_yaml_get(y, root, "weights");
    r->weight.weak = number(y, w, "weak", 1, 0, 1, &ok, diag);
    r->weight.concession = number(y, w, "concession", 1, 0, 1, &ok, diag);
    r->weight.conditional = number(y, w, "conditional", 1, 0, 1, &ok, diag);
    r->weight.past = number(y, w, "past", 1, 0, 1, &ok, diag);
    r->weight.incidental = number(y, w, "incidental", 1, 0, 1, &ok, diag);
    r->weight.contrast = number(y, w, "contrast", 1, 0, 3, &ok, diag);
    r->weight.purpose = number(y, w, "purpose", 1, 0, 1, &ok, diag);
    r->weight.response = number(y, w, "response", 1, 0, 1, &ok, diag);
    r->weight.negated_clause = number(y, w, "negated_clause", 1, 0, 1, &ok, diag);
    r->weight.negated_after = number(y, w, "negated_after", 1, 0, 1, &ok, diag);
    r->weight.negated_pair = number(y, w, "negated_pair", 1, 0, 1, &ok, diag);
    r->weight.bare_negation = number(y, w, "bare_negation", 0, 0, 2, &ok, diag);
    r->weight.sentence_cap = number(y, w, "sentence_cap", 1000, 0.5, 1000, &ok, diag);
    r->weight.quantifier_window = (int)number(y, w, "quantifier_window", 8, 0, 40, &ok, diag);
    r->weight.construction_gap = (int)number(y, w, "construction_gap", 8, 0, 40, &ok, diag);
    yaml_node_t *v = csb_yaml_get(y, root, "verdict");
    r->verdict.strength_share = number(y, v, "strength_share", 0, 0, 1, &ok, diag);
    r->verdict.concern_share = number(y, v, "concern_share", 1, 0, 1, &ok, diag);
    r->verdict.opening_share = number(y, v, "opening_share", 1, 0, 1, &ok, diag);
    r->verdict.strength_minimum = number(y, v, "strength_minimum", 0, 0, 10, &ok, diag);
    r->verdict.concern_minimum = number(y, v, "concern_minimum", 0, 0, 10, &ok, diag);
    r->verdict.side_cap = number(y, v, "side_cap", 1000, 0.5, 1000, &ok, diag);
    r->verdict.statistics = (int)number(y, v, "statistics", 0, 0, 100, &ok, diag);
    yaml_node_t *nc = v ? csb_yaml_get(y, v, "no_cue") : NULL;
    const char *s = csb_yaml_scalar(nc);
    r->verdict.no_cue = CSB_TONE_NEUTRAL;
    if (s && strcmp(s, "strength") == 0) {
        r->verdict.no_cue = CSB_TONE_STRENGTH;
    } else if (s && strcmp(s, "neutral") != 0) {
        csb_diag_error(diag, y->path, csb_yaml_line(nc), csb_yaml_column(nc),
                       "no_cue should be 'strength' or 'neutral', not '%s'", s);
        ok = FALSE;
    }
    if (r->verdict.strength_share > r->verdict.concern_share) {
        csb_diag_error(diag, y->path, csb_yaml_line(v), csb_yaml_column(v),
                       "strength_share should not be above concern_share");
        ok = FALSE;
    }
    return ok;
}

CsbToneRules *csb_tone_rules_load(CsbYaml *y, yaml_node_t *root, const GPtrArray *strength,
                                  const GPtrArray *concern, CsbDiag *diag)
{
    CsbToneRules *r = g_atomic_rc_box_new0(CsbToneRules);
    r->cues = csb_phrase_set_new();
    r->quantifiers = csb_phrase_set_new();
    r->quantity = g_array_new(FALSE, FALSE, sizeof(CsbQuantity));
    r->constructions = g_ptr_array_new_with_free_func(construction_free);
    r->bare_negators = g_ptr_array_new_with_free_func(g_free);
    r->recommendation_sections = g_ptr_array_new_with_free_func(g_free);
    r->recommendation_tags = g_ptr_array_new_with_free_func(g_free);
    r->context_sections = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = cue_lists(y, root, r, strength, concern, diag);
    r->mitigators = phrase_set(y, root, "mitigators", &ok, diag);
    r->mitigators_after = phrase_set(y, root, "mitigators_after", &ok, diag);
    r->remedies = phrase_set(y, root, "remedies", &ok, diag);
    r->responses = phrase_set(y, root, "responses", &ok, diag);
    r->concessions = phrase_set(y, root, "concessions", &ok, diag);
    r->past_markers = phrase_set(y, root, "past_markers", &ok, diag);
    r->incidental = phrase_set(y, root, "incidental", &ok, diag);
    r->contrasts = phrase_set(y, root, "contrasts", &ok, diag);
    r->purposes = phrase_set(y, root, "purposes", &ok, diag);
    r->conditionals = phrase_set(y, root, "conditionals", &ok, diag);
    ok &= phrases(y, root, "bare_negators", r->bare_negators, diag);
    ok &= constructions(y, root, r, diag);
    ok &= quantifiers(y, root, r, diag);
    yaml_node_t *rec = csb_yaml_get(y, root, "recommendations");
    r->imperatives = phrase_set(y, rec, "imperatives", &ok, diag);
    ok &= sections(y, rec, "sections", r->recommendation_sections, diag);
    ok &= phrases(y, rec, "tags", r->recommendation_tags, diag);
    for (guint i = 0; i < r->recommendation_tags->len; i++) {
        char *form = csb_themes_match_form(r->recommendation_tags->pdata[i]);
        g_free(r->recommendation_tags->pdata[i]);
        r->recommendation_tags->pdata[i] = form;
    }
    ok &= sections(y, root, "context_sections", r->context_sections, diag);
    ok &= weights(y, root, r, diag);
    if (!ok) {
        csb_tone_rules_unref(r);
        return NULL;
    }
    return r;
}
