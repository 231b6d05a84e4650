/* declared.c - the sentences of a report that say a weakness was raised
 * before ("This was a recommendation at the last inspection", "remains an
 * area for improvement"), each with the issues it is about, read by the
 * recurrence data (data/recurrence.yaml): those it names itself; with
 * those of the sentences before it when it refers back ("All of these
 * issues ..."), and of the sentence after it when that one refers back to
 * it ("... this is not yet the case for care leavers in custody"). A story
 * then links a finding about one of those issues to the report the
 * sentence names.
 */
#include "analysis.h"

#include <string.h>

/* Sentences of text: a full stop, question or exclamation mark, then
 * space, then a capital, an opening quote or a bracket starts the next. */
static GPtrArray *sentences(const char *text)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    const char *start = text;
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        if (*p != '.' && *p != '!' && *p != '?')
            continue;
        const char *q = p + 1;
        if (*q != ' ')
            continue;
        while (*q == ' ')
            q++;
        gunichar c = g_utf8_get_char(q);
        if (g_unichar_isupper(c) || c == 0x2018 || c == 0x201C || c == '"' || c == '(') {
            g_ptr_array_add(out, g_strndup(start, (gsize)(p + 1 - start)));
            start = q;
            p = q - 1;
        }
    }
    if (*start)
        g_ptr_array_add(out, g_strdup(start));
    return out;
}

/* Each issue named in sentences [from, to) of forms, once, into out. */
static void issues_of(const CsbRecurrence *r, GPtrArray *forms, guint from, guint to,
                      GArray *out)
{
    GString *joined = g_string_new(NULL);
    for (guint i = from; i < to && i < forms->len; i++)
        g_string_append_printf(joined, "%s%s", joined->len ? " " : "",
                               (const char *)forms->pdata[i]);
    GArray *hits = csb_recurrence_find(r, joined->str);
    for (guint i = 0; i < hits->len; i++)
        g_array_append_val(out, g_array_index(hits, CsbIssueHit, i).issue);
    g_array_free(hits, TRUE);
    g_string_free(joined, TRUE);
}

/* Words every sentence that says so uses one of: a quick test before the
 * patterns. */
static gboolean may_declare(const char *form)
{
    static const char *const words[] = {"inspection", "visit", "recommendation", "area",
                                        "weakness"};
    for (guint i = 0; i < G_N_ELEMENTS(words); i++)
        if (strstr(form, words[i]))
            return TRUE;
    return FALSE;
}

void csb_declaration_free(CsbDeclaration *d)
{
    if (!d)
        return;
    g_free(d->sentence);
    if (d->context)
        g_ptr_array_free(d->context, TRUE);
    g_array_free(d->issues, TRUE);
    g_array_free(d->sentence_issues, TRUE);
    if (d->tokens)
        g_ptr_array_free(d->tokens, TRUE);
    g_free(d);
}

GPtrArray *csb_analysis_declarations(const CsbRecurrence *r, const CsbInspection *in)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)csb_declaration_free);
    for (guint p = 0; r && p < in->paragraphs->len; p++) {
        const CsbParagraph *para = in->paragraphs->pdata[p];
        char *whole = csb_themes_match_form(para->text);
        gboolean maybe = may_declare(whole);
        g_free(whole);
        if (!maybe)
            continue;
        GPtrArray *said = sentences(para->text);
        GPtrArray *forms = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; i < said->len; i++)
            g_ptr_array_add(forms, csb_themes_match_form(said->pdata[i]));
        for (guint k = 0; k < said->len; k++) {
            if (!csb_recurrence_declares(r, forms->pdata[k]))
                continue;
            CsbDeclaration *d = g_new0(CsbDeclaration, 1);
            d->paragraph = p;
            d->sentence = g_strdup(said->pdata[k]);
            d->issues = g_array_new(FALSE, FALSE, sizeof(guint));
            d->sentence_issues = g_array_new(FALSE, FALSE, sizeof(guint));
            gboolean back = csb_recurrence_refers_back(r, forms->pdata[k]);
            issues_of(r, forms, k, k + 1, d->sentence_issues);
            /* The sentence after it lends its issues only when it speaks
             * of this one ("While progress has been made, this is not yet
             * the case for care leavers in custody"): a sentence that
             * moves on ("Young carers are well supported") lends none. */
            gboolean next = k + 1 < forms->len && csb_recurrence_refers_back(r, forms->pdata[k + 1]);
            guint from = back ? 0 : k, to = next ? k + 2 : k + 1;
            issues_of(r, forms, from, to, d->issues);
            d->context = g_ptr_array_new_with_free_func(g_free);
            for (guint i = from; i < to; i++)
                g_ptr_array_add(d->context, g_strdup(said->pdata[i]));
            d->said = k - from;
            g_ptr_array_add(out, d);
        }
        g_ptr_array_free(forms, TRUE);
        g_ptr_array_free(said, TRUE);
    }
    return out;
}
