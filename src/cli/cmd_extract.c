/* cmd_extract.c - `csbrief extract`: parse reports and print what was read,
 * one CSV row per judgement or the whole model as JSON.
 */
#include "cli.h"

#include "../parse/parse.h"

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
                            j ? csb_grade_id(j->grade) : ""};
    for (guint i = 0; i < G_N_ELEMENTS(fields); i++) {
        if (i)
            g_string_append_c(out, ',');
        csb_csv_write_field(out, fields[i] ? fields[i] : "");
    }
    g_string_append_c(out, '\n');
}

int csb_cmd_extract(int argc, char **argv)
{
    char *format = NULL;
    char *cache_dir = NULL;
    GOptionEntry entries[] = {
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: csv (default) or json",
         "FORMAT"},
        {"cache", 0, 0, G_OPTION_ARG_FILENAME, &cache_dir,
         "Keep parsed records in DIR and reuse them for unchanged files", "DIR"},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    if (!csb_cli_parse("extract", "FILE...", "print what was read from reports", entries, &argc,
                       &argv))
        return CSB_EXIT_USAGE;
    gboolean json = format && strcmp(format, "json") == 0;
    if (format && !json && strcmp(format, "csv") != 0) {
        fprintf(stderr, "csbrief extract: unknown format '%s': use csv or json\n", format);
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
    CsbDiag *diag = csb_diag_new();
    char *table_path = csb_cli_data_path("data/authorities.csv");
    CsbAuthorities *authorities = csb_authorities_load(table_path, diag);
    g_free(table_path);
    if (!authorities) {
        csb_diag_print(diag, stderr);
        csb_diag_free(diag);
        g_free(cache_dir);
        return CSB_EXIT_USAGE;
    }
    int failed = 0;
    GString *out = g_string_new(NULL);
    if (json)
        g_string_append(out, "[");
    else
        g_string_append(out, "file,authority,authority_code,kind,inspection_start,"
                             "inspection_end,published,lead_inspector,area,grade\n");
    int written = 0;
    for (int i = 1; i < argc; i++) {
        CsbDiag *one = csb_diag_new();
        CsbInspection *in = csb_parse_cached(argv[i], authorities, cache_dir, one);
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
                csb_inspection_to_json(in, out, 2);
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
    csb_authorities_free(authorities);
    csb_diag_free(diag);
    g_free(cache_dir);
    return failed ? CSB_EXIT_FAILED : CSB_EXIT_OK;
}
