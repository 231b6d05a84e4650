/* cmd_extract.c - `csbrief extract`: parse reports and print what was read,
 * one CSV row per judgement or the whole model as JSON, each paragraph
 * with its tone, why (the cues of templates/cues.yaml, from the data
 * directory) and the reading of each of its sentences. Publication dates the reports do not state come from an
 * index of where the files came from (--sources, or an index.csv beside
 * the reports).
 */
#include "cli.h"

#include "../parse/parse.h"
#include "../themes/themes.h"

#include <string.h>

static void csv_row(GString *out, const CsbInspection *in, const CsbJudgement *j)
{
    char a[11], b[11], c[11];
    const char *fields[] = {in->file,
                            in->authority,
                            in->authority_code,
                            csb_kind_id(in->kind),
                            csb_date_iso(in->start, a),
                            csb_date_iso(in->end, b),
                            csb_date_iso(in->published, c),
                            in->lead_inspector,
                            j ? j->area : "",
                            j ? csb_grade_id(j->grade) : "",
                            csb_published_from_id(in->published_from)};
    for (guint i = 0; i < G_N_ELEMENTS(fields); i++) {
        if (i)
            g_string_append_c(out, ',');
        csb_csv_write_field(out, fields[i] ? fields[i] : "");
    }
    g_string_append_c(out, '\n');
}

/* `--format lines`: what the parser is given, one physical line per row:
 * page, top, font size, bold, furniture or footnote marks, then the cells
 * separated by " | ". For finding out why a report reads as it does. */
static void print_lines(GString *out, const CsbDocument *doc)
{
    for (guint i = 0; i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        g_string_append_printf(out, "%s\tp%d\t%6.1f\t%4.1f%s%s%s\t", doc->path, l->page, l->y0,
                               l->size, l->bold ? " bold" : "", l->furniture ? " furniture" : "",
                               l->footnote ? " footnote" : "");
        for (guint c = 0; c < l->cells->len; c++) {
            const CsbCell *cell = l->cells->pdata[c];
            g_string_append_printf(out, "%s[%.0f]%s", c ? " | " : "", cell->x0, cell->text);
        }
        g_string_append_c(out, '\n');
    }
}

/* A weight as a JSON number. */
static void json_number(GString *out, double x)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(out, g_ascii_formatd(buf, sizeof buf, "%.6g", x));
}

/* The reading of each sentence: its byte offsets in the paragraph's text,
 * its weight on each side, its own tone from them ("none" for no weight)
 * and whether it decided the paragraph's tone. */
static void sentences_json(GString *out, const CsbToneResult *rd)
{
    g_string_append_c(out, '[');
    for (guint i = 0; i < rd->sentences->len; i++) {
        const CsbToneSentence *s = &g_array_index(rd->sentences, CsbToneSentence, i);
        CsbTone t = csb_tone_sentence_tone(s);
        g_string_append_printf(out, "%s{\"start\": %" G_GSIZE_FORMAT ", \"end\": %" G_GSIZE_FORMAT
                                    ", \"strength\": ",
                               i ? ", " : "", s->start, s->end);
        json_number(out, s->strength);
        g_string_append(out, ", \"concern\": ");
        json_number(out, s->concern);
        g_string_append(out, ", \"tone\": ");
        csb_json_string(out, t == CSB_TONE_NEUTRAL ? "none" : csb_tone_id(t));
        g_string_append_printf(out, ", \"decided\": %s}", s->decided ? "true" : "false");
    }
    g_string_append_c(out, ']');
}

/* A paragraph's "tone", "why" (the reasons, in order) and "sentences" (the
 * reading of each) for the JSON. */
static void paragraph_tone(const CsbParagraph *p, GString *out, int indent, gpointer data)
{
    const CsbThemeLibrary *lib = data;
    GPtrArray *why = g_ptr_array_new_with_free_func(g_free);
    CsbToneResult *rd = csb_themes_classify_result(lib, p->text, p->section, why);
    csb_json_key(out, indent, "tone", FALSE);
    csb_json_string(out, csb_tone_id(rd->tone));
    csb_json_key(out, indent, "why", FALSE);
    g_string_append_c(out, '[');
    for (guint i = 0; i < why->len; i++) {
        if (i)
            g_string_append(out, ", ");
        csb_json_string(out, why->pdata[i]);
    }
    g_string_append_c(out, ']');
    csb_json_key(out, indent, "sentences", FALSE);
    sentences_json(out, rd);
    csb_tone_result_free(rd);
    g_ptr_array_free(why, TRUE);
}

/* The theme library, for its cue phrases: templates/themes.yaml and
 * templates/cues.yaml of the data directory. NULL with errors in diag. */
static CsbThemeLibrary *load_cues(CsbDiag *diag)
{
    char *themes = csb_cli_data_path("templates/themes.yaml");
    char *cues = csb_cli_data_path("templates/cues.yaml");
    CsbThemeLibrary *lib = csb_themes_load(themes, cues, diag);
    g_free(themes);
    g_free(cues);
    return lib;
}

static int extract_lines(int argc, char **argv)
{
    int failed = 0;
    GString *out = g_string_new(NULL);
    for (int i = 1; i < argc; i++) {
        CsbDiag *one = csb_diag_new();
        CsbDocument *doc = csb_ingest_file(argv[i], one);
        csb_diag_print(one, stderr);
        if (doc) {
            print_lines(out, doc);
            fwrite(out->str, 1, out->len, stdout);
            g_string_truncate(out, 0);
            csb_document_free(doc);
        } else {
            failed++;
        }
        csb_diag_free(one);
    }
    g_string_free(out, TRUE);
    return failed ? CSB_EXIT_FAILED : CSB_EXIT_OK;
}

int csb_cmd_extract(int argc, char **argv)
{
    char *format = NULL;
    char *cache_dir = NULL;
    char **sources = NULL;
    GOptionEntry entries[] = {
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: csv (default), json, or lines (what the parser is given)",
         "FORMAT"},
        {"cache", 0, 0, G_OPTION_ARG_FILENAME, &cache_dir,
         "Keep parsed records in DIR and reuse them for unchanged files", "DIR"},
        {"sources", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &sources,
         "Publication dates and addresses of the files from INDEX (CSV: file, published, url, "
         "title); repeatable. An index.csv beside the reports is read too",
         "INDEX"},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    if (!csb_cli_parse("extract", "FILE...", "print what was read from reports", entries, &argc,
                       &argv))
        return CSB_EXIT_USAGE;
    gboolean json = format && strcmp(format, "json") == 0;
    gboolean lines = format && strcmp(format, "lines") == 0;
    if (format && !json && !lines && strcmp(format, "csv") != 0) {
        fprintf(stderr, "csbrief extract: unknown format '%s': use csv, json or lines\n", format);
        g_free(format);
        g_free(cache_dir);
        return CSB_EXIT_USAGE;
    }
    g_free(format);
    if (argc < 2) {
        fprintf(stderr, "csbrief extract: no report files given\n"
                        "Try 'csbrief extract --help'.\n");
        g_free(cache_dir);
        return CSB_EXIT_USAGE;
    }
    if (lines) {
        g_free(cache_dir);
        g_strfreev(sources);
        return extract_lines(argc, argv);
    }
    CsbDiag *diag = csb_diag_new();
    char *table_path = csb_cli_data_path("data/authorities.csv");
    char *frameworks_path = csb_cli_data_path("data/frameworks.yaml");
    CsbReference *ref = csb_reference_load_files(table_path, frameworks_path, diag);
    g_free(table_path);
    g_free(frameworks_path);
    CsbThemeLibrary *lib = json ? load_cues(diag) : NULL;
    CsbSources *known = csb_sources_new();
    for (char **s = sources; s && *s; s++)
        csb_sources_add(known, *s, diag);
    for (int i = 1; i < argc; i++)
        csb_sources_add_beside(known, argv[i], diag);
    g_strfreev(sources);
    if (!ref || (json && !lib) || csb_diag_count(diag, CSB_SEV_ERROR)) {
        csb_diag_print(diag, stderr);
        csb_diag_free(diag);
        csb_sources_free(known);
        csb_reference_free(ref);
        csb_themes_free(lib);
        g_free(cache_dir);
        return CSB_EXIT_USAGE;
    }
    csb_diag_print(diag, stderr); /* warnings about the indexes */
    int failed = 0;
    GString *out = g_string_new(NULL);
    if (json)
        g_string_append(out, "[");
    else
        g_string_append(out, "file,authority,authority_code,kind,inspection_start,"
                             "inspection_end,published,lead_inspector,area,grade,"
                             "published_from\n");
    int written = 0;
    for (int i = 1; i < argc; i++) {
        CsbDiag *one = csb_diag_new();
        CsbInspection *in = csb_parse_cached(argv[i], ref, cache_dir, one);
        csb_sources_apply(known, in);
        if (!in) {
            /* One line: "csbrief: FILE: reason". */
            for (guint k = 0; k < one->items->len; k++) {
                CsbError *e = one->items->pdata[k];
                if (e->severity == CSB_SEV_ERROR) {
                    fprintf(stderr, "csbrief: %s: %s\n", argv[i], e->message);
                    break;
                }
            }
            failed++;
        } else {
            csb_diag_print(one, stderr);
            if (json) {
                g_string_append(out, written ? ",\n  " : "\n  ");
                csb_inspection_to_json_with(in, out, 2, paragraph_tone, lib);
            } else if (in->judgements->len == 0) {
                csv_row(out, in, NULL);
            } else {
                for (guint k = 0; k < in->judgements->len; k++)
                    csv_row(out, in, in->judgements->pdata[k]);
            }
            written++;
            csb_inspection_free(in);
        }
        csb_diag_free(one);
        fwrite(out->str, 1, out->len, stdout);
        g_string_truncate(out, 0);
    }
    if (json)
        printf("%s]\n", written ? "\n" : "");
    g_string_free(out, TRUE);
    csb_reference_free(ref);
    csb_themes_free(lib);
    csb_sources_free(known);
    csb_diag_free(diag);
    g_free(cache_dir);
    return failed ? CSB_EXIT_FAILED : CSB_EXIT_OK;
}
