/* framework.c - the inspection frameworks (data/frameworks.yaml): for each
 * kind of report, its names, whether it is graded, a letter or a full
 * inspection, the title phrases that recognise it, how its judgements are
 * labelled and which area each counts towards, the sentences some
 * judgements are written in, and the strands of the 2009-13 frameworks;
 * and the words a report names an earlier inspection or visit by (mentions:
 * the phrases that make one a service's, not the authority's; qualifiers
 * and kinds, "the last full inspection"; the inspectorate; and the words
 * that say a visit was carried out). The parser and the comparison both
 * read it; nothing about a framework is written in C but how each kind's
 * judgements are laid out, and the grammar a mention's words sit in
 * (src/compare/mentioned.c).
 */
#include "model.h"

#include <stddef.h>
#include <string.h>

struct CsbFrameworks {
    GPtrArray *list;                   /* CsbFramework*, in file order */
    CsbFramework *by_kind[CSB_KIND_COUNT]; /* borrowed from list */
    CsbMentionWords mentions;          /* mentions:, folded */
    char *checksum;                    /* sha256 of the file's bytes */
};

static void judgement_free(gpointer p)
{
    CsbFrameworkJudgement *j = p;
    g_free(j->area);
    g_free(j->strand);
    g_ptr_array_free(j->labels, TRUE);
    g_ptr_array_free(j->names, TRUE);
    g_free(j);
}

static void sentence_free(gpointer p)
{
    CsbFrameworkSentence *s = p;
    g_free(s->area);
    g_free(s->label);
    g_ptr_array_free(s->leads, TRUE);
    g_free(s);
}

static void strand_free(gpointer p)
{
    CsbFrameworkStrand *s = p;
    g_free(s->id);
    g_ptr_array_free(s->starts, TRUE);
    g_free(s);
}

static void framework_free(gpointer p)
{
    CsbFramework *f = p;
    g_free(f->id);
    g_free(f->short_name);
    g_free(f->title);
    g_free(f->name);
    g_free(f->period);
    g_free(f->about);
    g_free(f->record_table);
    g_ptr_array_free(f->expect, TRUE);
    g_ptr_array_free(f->titles, TRUE);
    g_ptr_array_free(f->cover_phrases, TRUE);
    if (f->title_pattern)
        g_regex_unref(f->title_pattern);
    g_ptr_array_free(f->judgements, TRUE);
    g_ptr_array_free(f->sentences, TRUE);
    g_ptr_array_free(f->strands, TRUE);
    g_free(f);
}

/* The lists of mentions:, each with where it goes in CsbMentionWords and
 * what it is for (for messages). */
typedef struct {
    const char *key;
    size_t field; /* offset of its GPtrArray* in CsbMentionWords */
    const char *what;
} MentionList;

#define FIELD(name) #name, offsetof(CsbMentionWords, name)

static const MentionList mention_lists[] = {
    {FIELD(services), "the phrases that make an inspection a report names a service's, "
                      "not the authority's (\"fostering service\")"},
    {FIELD(qualifiers), "the words before an inspection named by its date (\"last\" in "
                        "\"the last inspection in 2022\")"},
    {FIELD(kinds), "the words an inspection named by its date may carry before 'inspection' "
                   "(\"full\" in \"the previous full inspection in March 2019\")"},
    {FIELD(inspectorate), "the inspectorate's names, which may stand before a title or after "
                          "'by' (\"ofsted\" in \"a focused visit by Ofsted in July 2018\")"},
    {FIELD(held), "the words that may stand between a visit's title and its date (\"carried "
                  "out\" in \"the focused visit carried out in May 2019\")"},
    {FIELD(who), "who carries out a visit in a sentence that opens with its date "
                 "(\"inspectors\" in \"In 2020, inspectors conducted a focused visit\")"},
    {FIELD(did), "what they did in that sentence (\"conducted\" in \"In 2020, Ofsted "
                 "conducted a focused visit\")"},
};

#undef FIELD

static GPtrArray **mention_field(CsbMentionWords *w, const MentionList *l)
{
    return (GPtrArray **)(void *)((char *)w + l->field);
}

void csb_frameworks_free(CsbFrameworks *fw)
{
    if (!fw)
        return;
    g_ptr_array_free(fw->list, TRUE);
    for (guint i = 0; i < G_N_ELEMENTS(mention_lists); i++) {
        GPtrArray **list = mention_field(&fw->mentions, &mention_lists[i]);
        if (*list)
            g_ptr_array_free(*list, TRUE);
    }
    g_free(fw->checksum);
    g_free(fw);
}

/* ---- reading the file ---------------------------------------------------- */

typedef struct {
    CsbYaml *y;
    CsbDiag *diag;
    gboolean ok;
} Reader;

static void bad(Reader *r, yaml_node_t *n, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
static void bad(Reader *r, yaml_node_t *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    csb_yaml_error_atv(r->diag, r->y, n, fmt, ap);
    va_end(ap);
    r->ok = FALSE;
}

/* A required (or optional) single value, copied. */
static char *text_field(Reader *r, yaml_node_t *map, const char *key, gboolean required)
{
    yaml_node_t *n = csb_yaml_get(r->y, map, key);
    const char *s = csb_yaml_scalar(n);
    if (!n && !required)
        return NULL;
    if (!s || !*s) {
        bad(r, n ? n : map, "'%s' should be a single value, not %s", key, csb_yaml_type_name(n));
        return NULL;
    }
    return g_strdup(s);
}

static gboolean yes_no(Reader *r, yaml_node_t *map, const char *key)
{
    yaml_node_t *n = csb_yaml_get(r->y, map, key);
    const char *s = csb_yaml_scalar(n);
    if (s && (strcmp(s, "yes") == 0 || strcmp(s, "true") == 0))
        return TRUE;
    if (s && (strcmp(s, "no") == 0 || strcmp(s, "false") == 0))
        return FALSE;
    bad(r, n ? n : map, "'%s' should be yes or no", key);
    return FALSE;
}

/* A list of phrases, folded so they compare with folded report text; the
 * phrases as written go to raw when it is not NULL. */
static GPtrArray *phrases(Reader *r, yaml_node_t *n, const char *what, GPtrArray **raw)
{
    GPtrArray *written = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    if (!csb_yaml_string_list(r->y, n, what, written, r->diag))
        r->ok = FALSE;
    for (guint i = 0; i < written->len; i++)
        g_ptr_array_add(out, csb_text_fold(written->pdata[i]));
    if (raw)
        *raw = written;
    else
        g_ptr_array_free(written, TRUE);
    return out;
}

static GRegex *pattern(Reader *r, yaml_node_t *n, gboolean anchored)
{
    const char *s = csb_yaml_scalar(n);
    GError *err = NULL;
    /* Not G_REGEX_OPTIMIZE: PCRE2's JIT code is no faster on these short
     * texts (extract over 60 reports: the same time) and makes valgrind
     * report reads of uninitialised memory inside the generated code. */
    GRegex *re = s ? g_regex_new(s, anchored ? G_REGEX_ANCHORED : 0, 0, &err)
                   : NULL;
    if (!re)
        bad(r, n, "not a regular expression%s%s", err ? ": " : "", err ? err->message : "");
    g_clear_error(&err);
    return re;
}

/* The number of items of a sequence node (0 for anything else), and one. */
static guint n_items(const yaml_node_t *seq)
{
    if (!seq || seq->type != YAML_SEQUENCE_NODE)
        return 0;
    return (guint)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

static yaml_node_t *item_at(Reader *r, yaml_node_t *seq, guint i)
{
    return csb_yaml_node(r->y, seq->data.sequence.items.start[i]);
}

static gboolean is_list(Reader *r, yaml_node_t *n, const char *what)
{
    if (!n)
        return FALSE;
    if (n->type != YAML_SEQUENCE_NODE) {
        bad(r, n, "'%s' should be a list, not %s", what, csb_yaml_type_name(n));
        return FALSE;
    }
    return TRUE;
}

static void read_judgements(Reader *r, CsbFramework *f, yaml_node_t *list)
{
    if (!is_list(r, list, "judgements"))
        return;
    for (guint i = 0; i < n_items(list); i++) {
        yaml_node_t *item = item_at(r, list, i);
        CsbFrameworkJudgement *j = g_new0(CsbFrameworkJudgement, 1);
        j->area = text_field(r, item, "area", TRUE);
        j->strand = text_field(r, item, "strand", FALSE);
        j->labels = phrases(r, csb_yaml_get(r->y, item, "labels"), "labels", &j->names);
        j->line = csb_yaml_line(item);
        g_ptr_array_add(f->judgements, j);
        gboolean known = !j->strand;
        for (guint s = 0; s < f->strands->len && !known; s++)
            known = strcmp(((CsbFrameworkStrand *)f->strands->pdata[s])->id, j->strand) == 0;
        if (!known && f->strands->len)
            continue; /* a shared list: judgements of strands this framework lacks */
        if (!known)
            bad(r, item, "strand '%s' but %s has no strands", j->strand, f->id);
    }
}

static void read_sentences(Reader *r, CsbFramework *f, yaml_node_t *list)
{
    if (!is_list(r, list, "sentences"))
        return;
    for (guint i = 0; i < n_items(list); i++) {
        yaml_node_t *item = item_at(r, list, i);
        CsbFrameworkSentence *s = g_new0(CsbFrameworkSentence, 1);
        s->area = text_field(r, item, "area", TRUE);
        s->label = text_field(r, item, "label", TRUE);
        char *where = text_field(r, item, "where", TRUE);
        s->cover_only = where && strcmp(where, "cover") == 0;
        if (where && !s->cover_only && strcmp(where, "body") != 0)
            bad(r, item, "'where' should be cover or body, not '%s'", where);
        g_free(where);
        s->leads = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
        yaml_node_t *leads = csb_yaml_get(r->y, item, "leads");
        if (!leads || leads->type != YAML_SEQUENCE_NODE)
            bad(r, leads ? leads : item, "'leads' should be a list of regular expressions");
        for (guint k = 0; k < n_items(leads); k++) {
            GRegex *re = pattern(r, item_at(r, leads, k), TRUE);
            if (re)
                g_ptr_array_add(s->leads, re);
        }
        g_ptr_array_add(f->sentences, s);
    }
}

static void read_strands(Reader *r, CsbFramework *f, yaml_node_t *list)
{
    if (!is_list(r, list, "strands"))
        return;
    for (guint i = 0; i < n_items(list); i++) {
        yaml_node_t *item = item_at(r, list, i);
        CsbFrameworkStrand *s = g_new0(CsbFrameworkStrand, 1);
        s->id = text_field(r, item, "id", TRUE);
        s->starts = phrases(r, csb_yaml_get(r->y, item, "starts"), "starts", NULL);
        g_ptr_array_add(f->strands, s);
    }
}

static CsbFramework *read_framework(Reader *r, yaml_node_t *map)
{
    CsbFramework *f = g_new0(CsbFramework, 1);
    f->titles = g_ptr_array_new_with_free_func(g_free);
    f->cover_phrases = g_ptr_array_new_with_free_func(g_free);
    f->expect = g_ptr_array_new_with_free_func(g_free);
    f->judgements = g_ptr_array_new_with_free_func(judgement_free);
    f->sentences = g_ptr_array_new_with_free_func(sentence_free);
    f->strands = g_ptr_array_new_with_free_func(strand_free);
    if (!map || map->type != YAML_MAPPING_NODE) {
        bad(r, map, "each framework should be a mapping, not %s", csb_yaml_type_name(map));
        return f;
    }
    f->id = text_field(r, map, "id", TRUE);
    f->kind = f->id ? csb_kind_from_id(f->id) : CSB_KIND_UNKNOWN;
    if (f->id && f->kind == CSB_KIND_UNKNOWN)
        bad(r, csb_yaml_get(r->y, map, "id"),
            "'%s' is not a kind csbrief can read (ilacs, sif, slac, lac, child-protection, "
            "focused-visit, monitoring-visit, jtai, lscb-review, peer-challenge)",
            f->id);
    f->short_name = text_field(r, map, "short_name", TRUE);
    f->title = text_field(r, map, "title", TRUE);
    f->name = text_field(r, map, "name", TRUE);
    f->period = text_field(r, map, "period", TRUE);
    f->about = text_field(r, map, "about", TRUE);
    f->graded = yes_no(r, map, "graded");
    f->letter = yes_no(r, map, "letter");
    f->full = yes_no(r, map, "full");
    g_ptr_array_free(f->titles, TRUE);
    f->titles = phrases(r, csb_yaml_get(r->y, map, "titles"), "titles", NULL);
    yaml_node_t *cp = csb_yaml_get(r->y, map, "cover_phrases");
    if (cp) {
        g_ptr_array_free(f->cover_phrases, TRUE);
        f->cover_phrases = phrases(r, cp, "cover_phrases", NULL);
    }
    yaml_node_t *tp = csb_yaml_get(r->y, map, "title_pattern");
    if (tp)
        f->title_pattern = pattern(r, tp, FALSE);
    f->record_table = text_field(r, map, "record_table", FALSE);
    if (f->record_table) {
        char *folded = csb_text_fold(f->record_table);
        g_free(f->record_table);
        f->record_table = folded;
    }
    yaml_node_t *expect = csb_yaml_get(r->y, map, "expect");
    if (expect && !csb_yaml_string_list(r->y, expect, "expect", f->expect, r->diag))
        r->ok = FALSE;
    read_strands(r, f, csb_yaml_get(r->y, map, "strands"));
    read_judgements(r, f, csb_yaml_get(r->y, map, "judgements"));
    read_sentences(r, f, csb_yaml_get(r->y, map, "sentences"));
    if (f->graded && !f->judgements->len && !f->sentences->len)
        bad(r, map, "%s is graded but names no judgements or sentences", f->id ? f->id : "?");
    return f;
}

/* One list of mentions:, folded, as titles are. A service's phrase written
 * ending with a space keeps one at its end, so it ends only where a word
 * does ("at its " is not "at itself"); the other lists' words sit in a
 * pattern that puts the spaces around them. */
static GPtrArray *mention_list(Reader *r, yaml_node_t *m, const MentionList *l)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    yaml_node_t *list = csb_yaml_get(r->y, m, l->key);
    if (!list || list->type != YAML_SEQUENCE_NODE) {
        bad(r, list ? list : m,
            "expected 'mentions:' with '%s:', a list of %s (see the top of this file)", l->key,
            l->what);
        return out;
    }
    gboolean services = strcmp(l->key, "services") == 0;
    for (guint i = 0; i < n_items(list); i++) {
        yaml_node_t *item = item_at(r, list, i);
        const char *s = csb_yaml_scalar(item);
        char *folded = s ? csb_text_fold(s) : NULL;
        if (!folded || !*folded) {
            if (services)
                bad(r, item, "each phrase of 'services' should be words (one with no letter or "
                             "digit would make every inspection named a service's)");
            else
                bad(r, item, "each phrase of '%s' should be words (one with no letter or digit "
                             "would match where nothing is written)", l->key);
            g_free(folded);
            continue;
        }
        size_t n = strlen(s);
        if (services && n && s[n - 1] == ' ') {
            char *spaced = g_strconcat(folded, " ", NULL);
            g_free(folded);
            folded = spaced;
        }
        g_ptr_array_add(out, folded);
    }
    return out;
}

static void read_mentions(Reader *r, CsbFrameworks *fw, yaml_node_t *root)
{
    yaml_node_t *m = csb_yaml_get(r->y, root, "mentions");
    if (!m || m->type != YAML_MAPPING_NODE) {
        bad(r, m ? m : root,
            "expected 'mentions:' with 'services:', 'qualifiers:', 'kinds:', 'inspectorate:', "
            "'held:', 'who:' and 'did:', the words a report names an earlier inspection or "
            "visit by (see the top of this file)");
        m = NULL;
    }
    const char *keys[G_N_ELEMENTS(mention_lists)];
    for (guint i = 0; i < G_N_ELEMENTS(mention_lists); i++) {
        keys[i] = mention_lists[i].key;
        *mention_field(&fw->mentions, &mention_lists[i]) =
            m ? mention_list(r, m, &mention_lists[i]) : g_ptr_array_new_with_free_func(g_free);
    }
    int before = csb_diag_count(r->diag, CSB_SEV_ERROR);
    csb_yaml_check_keys(r->y, m, "'mentions'", keys, G_N_ELEMENTS(keys), r->diag);
    if (csb_diag_count(r->diag, CSB_SEV_ERROR) != before)
        r->ok = FALSE;
}

CsbFrameworks *csb_frameworks_load(const char *path, CsbDiag *diag)
{
    CsbYaml *y = csb_yaml_load(path, diag);
    if (!y)
        return NULL;
    Reader r = {y, diag, TRUE};
    CsbFrameworks *fw = g_new0(CsbFrameworks, 1);
    fw->list = g_ptr_array_new_with_free_func(framework_free);
    yaml_node_t *list = csb_yaml_get(y, csb_yaml_root(y), "frameworks");
    if (!list || list->type != YAML_SEQUENCE_NODE)
        bad(&r, list ? list : csb_yaml_root(y), "expected 'frameworks:' with a list of frameworks");
    else {
        for (guint i = 0; i < n_items(list); i++) {
            yaml_node_t *item = item_at(&r, list, i);
            CsbFramework *f = read_framework(&r, item);
            g_ptr_array_add(fw->list, f);
            if (f->kind == CSB_KIND_UNKNOWN)
                continue;
            if (fw->by_kind[f->kind])
                bad(&r, item, "framework '%s' is described twice", f->id);
            else
                fw->by_kind[f->kind] = f;
        }
    }
    read_mentions(&r, fw, csb_yaml_root(y));
    for (int k = 1; k < CSB_KIND_COUNT && r.ok; k++)
        if (!fw->by_kind[k])
            bad(&r, csb_yaml_root(y), "no framework describes kind '%s'",
                csb_kind_id((CsbKind)k));
    if (r.ok) {
        char *err = NULL;
        gsize len = 0;
        char *bytes = csb_file_read(path, &len, &err);
        if (bytes)
            fw->checksum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
        else
            bad(&r, NULL, "cannot read: %s", err);
        g_free(bytes);
        g_free(err);
    }
    csb_yaml_free(y);
    if (!r.ok) {
        csb_frameworks_free(fw);
        return NULL;
    }
    return fw;
}

/* ---- looking things up --------------------------------------------------- */

guint csb_frameworks_count(const CsbFrameworks *fw)
{
    return fw->list->len;
}

const CsbFramework *csb_frameworks_at(const CsbFrameworks *fw, guint i)
{
    return i < fw->list->len ? fw->list->pdata[i] : NULL;
}

const CsbFramework *csb_frameworks_get(const CsbFrameworks *fw, CsbKind kind)
{
    return kind > CSB_KIND_UNKNOWN && kind < CSB_KIND_COUNT ? fw->by_kind[kind] : NULL;
}

const CsbMentionWords *csb_frameworks_mention_words(const CsbFrameworks *fw)
{
    return &fw->mentions;
}

const char *csb_frameworks_checksum(const CsbFrameworks *fw)
{
    return fw->checksum;
}

const char *csb_frameworks_short_name(const CsbFrameworks *fw, CsbKind kind)
{
    const CsbFramework *f = fw ? csb_frameworks_get(fw, kind) : NULL;
    return f ? f->short_name : csb_kind_id(kind);
}

const char *csb_frameworks_title(const CsbFrameworks *fw, CsbKind kind)
{
    const CsbFramework *f = fw ? csb_frameworks_get(fw, kind) : NULL;
    return f ? f->title : csb_kind_id(kind);
}

gboolean csb_frameworks_graded(const CsbFrameworks *fw, CsbKind kind)
{
    const CsbFramework *f = fw ? csb_frameworks_get(fw, kind) : NULL;
    return f && f->graded;
}

const char *csb_framework_area_for(const CsbFramework *f, const char *strand,
                                   const char *folded_label, gboolean prefix_only)
{
    for (guint i = 0; f && i < f->judgements->len; i++) {
        const CsbFrameworkJudgement *j = f->judgements->pdata[i];
        if (strand ? (!j->strand || strcmp(j->strand, strand) != 0) : j->strand != NULL)
            continue;
        for (guint k = 0; k < j->labels->len; k++) {
            const char *phrase = j->labels->pdata[k];
            size_t n = strlen(phrase);
            gboolean hit = prefix_only ? strncmp(folded_label, phrase, n) == 0 &&
                                             (folded_label[n] == '\0' || folded_label[n] == ' ')
                                       : csb_text_has_word(folded_label, phrase);
            if (hit)
                return j->area;
        }
    }
    return NULL;
}
