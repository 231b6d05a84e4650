/* test_config_output.c - placeholders in 'output' and configs with
 * 'authority: all' or 'regions': what is accepted, what is refused with
 * which line, column and fix, and how patterns expand.
 */
#include "unit.h"

#include "config/config.h"

#include <glib/gstdio.h>

static CsbAuthorities *authorities;
static CsbThemeLibrary *themes;
static char *scratch;

/* Load a config written from text; the first error's message, or NULL. */
static CsbConfig *load(const char *yaml, char **first_error, int *line, int *column)
{
    char *path = g_build_filename(scratch, "c.yaml", NULL);
    char *cwd = g_get_current_dir();
    char *text = g_strdup_printf("reports: [%s/examples/reports]\n%s", cwd, yaml);
    g_file_set_contents(path, text, -1, NULL);
    CsbDiag *diag = csb_diag_new();
    CsbConfigRefs refs = {authorities, themes, "templates"};
    CsbConfig *cfg = csb_config_load(path, &refs, diag);
    *first_error = NULL;
    for (guint i = 0; i < diag->items->len && !*first_error; i++) {
        const CsbError *e = diag->items->pdata[i];
        if (e->severity == CSB_SEV_ERROR) {
            *first_error = g_strdup(e->message);
            *line = e->line;
            *column = e->column;
        }
    }
    csb_diag_free(diag);
    g_free(text);
    g_free(cwd);
    g_free(path);
    return cfg;
}

static void test_all_needs_a_placeholder(void)
{
    char *err;
    int line = 0, column = 0;
    CsbConfig *cfg = load("authority: all\n"
                          "briefings:\n"
                          "  - template: members-summary\n"
                          "    output: out/summary.pdf\n",
                          &err, &line, &column);
    CHECK(cfg == NULL, "authority: all with one output file is refused");
    CHECK(err && strstr(err, "{authority}") && strstr(err, "out/{authority}-briefing.pdf"),
          "the message names the fix: %s", err ? err : "(none)");
    CHECK(line == 5 && column == 13, "the error points at the output value (5:13, got %d:%d)",
          line, column);
    g_free(err);
    csb_config_free(cfg);

    cfg = load("regions: [North East]\n"
               "briefings:\n"
               "  - template: members-summary\n"
               "    output: out/{region}.pdf\n",
               &err, &line, &column);
    CHECK(cfg == NULL && err && strstr(err, "every authority needs a file of its own"),
          "regions with only {region} is refused: %s", err ? err : "(none)");
    g_free(err);
    csb_config_free(cfg);
}

static void test_all_with_placeholders(void)
{
    char *err;
    int line, column;
    CsbConfig *cfg = load("regions: [north east]\n"
                          "briefings:\n"
                          "  - template: members-summary\n"
                          "    output: out/{code}/{authority}-{template}.pdf\n",
                          &err, &line, &column);
    CHECK(cfg != NULL, "regions with {code} and {authority} is accepted (%s)",
          err ? err : "no error");
    if (!cfg)
        return;
    CHECK(cfg->all_authorities && cfg->regions->len == 1, "regions means one per authority");
    CHECK_STR(cfg->regions->pdata[0], "North East", "region name is canonical");
    const CsbBriefingSpec *spec = cfg->briefings->pdata[0];
    CHECK(g_str_has_suffix(spec->output, "/out/{code}/{authority}-{template}.pdf"),
          "the pattern stays a pattern: %s", spec->output);
    const CsbAuthority *a = csb_authorities_find(authorities, "Redcar and Cleveland");
    CsbBriefingSpec *one = csb_briefing_spec_for(spec, a);
    CHECK(g_str_has_suffix(one->output, "/out/807/redcar-and-cleveland-members-summary.pdf"),
          "expanded for Redcar and Cleveland: %s", one->output);
    CHECK_STR(one->authority, "Redcar and Cleveland", "the copy names its authority");
    char *root = csb_output_fixed_dir(spec->output);
    CHECK(g_str_has_suffix(root, "/out"), "fixed folder stops before the placeholder: %s",
          root);
    g_free(root);
    csb_briefing_spec_free(one);
    csb_config_free(cfg);
}

static void test_single_authority_expands_at_load(void)
{
    char *err;
    int line, column;
    CsbConfig *cfg = load("authority: stockton on tees\n"
                          "briefings:\n"
                          "  - template: briefing-pack\n"
                          "    output: out/{authority}-{region}.pdf\n",
                          &err, &line, &column);
    CHECK(cfg != NULL, "one authority may use placeholders too (%s)", err ? err : "no error");
    if (cfg) {
        const CsbBriefingSpec *spec = cfg->briefings->pdata[0];
        CHECK(g_str_has_suffix(spec->output, "/out/stockton-on-tees-north-east.pdf"),
              "expanded when the config is read: %s", spec->output);
    }
    csb_config_free(cfg);
}

static void test_bad_placeholders(void)
{
    char *err;
    int line, column;
    CsbConfig *cfg = load("authority: all\n"
                          "briefings:\n"
                          "  - template: briefing-pack\n"
                          "    output: out/{authorty}.pdf\n",
                          &err, &line, &column);
    CHECK(cfg == NULL && err && strstr(err, "did you mean {authority}"),
          "a misspelt placeholder gets a suggestion: %s", err ? err : "(none)");
    g_free(err);
    csb_config_free(cfg);
    cfg = load("authority: all\n"
               "briefings:\n"
               "  - template: briefing-pack\n"
               "    output: out/{authority.pdf\n",
               &err, &line, &column);
    CHECK(cfg == NULL && err && strstr(err, "not closed"), "an unclosed brace is refused: %s",
          err ? err : "(none)");
    g_free(err);
    csb_config_free(cfg);
    cfg = load("authority: Redcar and Cleveland\n"
               "regions: [North East]\n"
               "briefings:\n"
               "  - template: briefing-pack\n"
               "    output: out/x.pdf\n",
               &err, &line, &column);
    CHECK(cfg == NULL && err && strstr(err, "authority: all"),
          "regions with a named authority is refused: %s", err ? err : "(none)");
    CHECK(line == 3, "... at the regions line (3, got %d)", line);
    g_free(err);
    csb_config_free(cfg);
}

static void test_slugs(void)
{
    const char *cases[][2] = {{"Redcar and Cleveland", "redcar-and-cleveland"},
                              {"St. Helens", "st-helens"},
                              {"Bristol, City of", "bristol-city-of"},
                              {"Newcastle upon Tyne", "newcastle-upon-tyne"}};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *s = csb_output_slug(cases[i][0]);
        CHECK_STR(s, cases[i][1], cases[i][0]);
        g_free(s);
    }
}

int main(void)
{
    CsbDiag *diag = csb_diag_new();
    authorities = csb_authorities_load("data/authorities.csv", diag);
    themes = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", diag);
    csb_diag_free(diag);
    scratch = g_dir_make_tmp("csbrief-config-XXXXXX", NULL);
    RUN(test_all_needs_a_placeholder);
    RUN(test_all_with_placeholders);
    RUN(test_single_authority_expands_at_load);
    RUN(test_bad_placeholders);
    RUN(test_slugs);
    char *file = g_build_filename(scratch, "c.yaml", NULL);
    g_unlink(file);
    g_rmdir(scratch);
    g_free(file);
    g_free(scratch);
    csb_themes_free(themes);
    csb_authorities_free(authorities);
    return unit_done();
}
