/* compare_csv.c - the changes table as CSV (`csbrief compare --format
 * csv`): one row per authority, area and change between consecutive
 * graded inspections, focus first, then peers. Columns are documented in
 * docs/compare.md.
 */
#include "compare.h"

static const char *const columns[] = {
    "authority", "authority_code", "role", "area", "area_title", "from_date", "from_kind",
    "from_area", "from_grade", "from_wording", "from_file", "to_date", "to_kind", "to_area",
    "to_grade", "to_wording", "to_file", "steps", "direction", "years"};

static void row(GString *o, const char *const *fields, guint n)
{
    for (guint f = 0; f < n; f++) {
        if (f)
            g_string_append_c(o, ',');
        csb_csv_write_field(o, fields[f] ? fields[f] : "");
    }
    g_string_append_c(o, '\n');
}

static void story_rows(const CsbStory *s, const char *role, GString *o)
{
    for (guint i = 0; i < s->histories->len; i++) {
        const CsbAreaHistory *h = s->histories->pdata[i];
        for (guint k = 0; k < h->changes->len; k++) {
            const CsbChange *c = h->changes->pdata[k];
            const CsbGradePoint *a = c->from, *b = c->to;
            char d1[11], d2[11], years[16] = "", steps[16];
            if (c->dated)
                g_snprintf(years, sizeof years, "%.1f", c->years);
            g_snprintf(steps, sizeof steps, "%d", c->steps);
            const char *fields[] = {s->authority->name,
                                    s->authority->dfe_code,
                                    role,
                                    h->area->id,
                                    h->area->title,
                                    csb_date_iso(csb_inspection_date(a->inspection), d1),
                                    csb_kind_id(a->inspection->kind),
                                    a->judgement->area,
                                    csb_grade_id(a->judgement->grade),
                                    a->judgement->wording,
                                    a->inspection->file,
                                    csb_date_iso(csb_inspection_date(b->inspection), d2),
                                    csb_kind_id(b->inspection->kind),
                                    b->judgement->area,
                                    csb_grade_id(b->judgement->grade),
                                    b->judgement->wording,
                                    b->inspection->file,
                                    steps,
                                    c->steps < 0 ? "improved" : c->steps > 0 ? "declined"
                                                                             : "unchanged",
                                    years};
            G_STATIC_ASSERT(G_N_ELEMENTS(fields) == G_N_ELEMENTS(columns));
            row(o, fields, G_N_ELEMENTS(fields));
        }
    }
}

void csb_comparison_changes_csv(const CsbComparison *c, GString *o)
{
    row(o, columns, G_N_ELEMENTS(columns));
    if (c->focus)
        story_rows(c->focus, "focus", o);
    for (guint i = 0; i < c->peers->len; i++)
        story_rows(c->peers->pdata[i], "peer", o);
}
