/* compare_csv.c - the changes table as CSV (`csbrief compare --format
 * csv`): one row per authority, area and change between consecutive graded
 * inspections.
 */
#include "compare.h"

static void story_rows(const CsbStory *s, GString *o)
{
    for (guint i = 0; i < s->histories->len; i++) {
        const CsbAreaHistory *h = s->histories->pdata[i];
        for (guint k = 0; k < h->changes->len; k++) {
            const CsbChange *c = h->changes->pdata[k];
            char d1[11], d2[11], years[16], steps[16];
            g_snprintf(years, sizeof years, "%.1f", c->years);
            g_snprintf(steps, sizeof steps, "%d", c->steps);
            const char *fields[] = {s->authority->name,
                                    s->authority->dfe_code,
                                    h->area->id,
                                    csb_date_iso(csb_inspection_date(c->from->inspection), d1),
                                    csb_kind_id(c->from->inspection->kind),
                                    csb_grade_id(c->from->judgement->grade),
                                    csb_date_iso(csb_inspection_date(c->to->inspection), d2),
                                    csb_kind_id(c->to->inspection->kind),
                                    csb_grade_id(c->to->judgement->grade),
                                    steps,
                                    years,
                                    c->steps < 0 ? "improved" : c->steps > 0 ? "declined"
                                                                             : "unchanged"};
            for (guint f = 0; f < G_N_ELEMENTS(fields); f++) {
                if (f)
                    g_string_append_c(o, ',');
                csb_csv_write_field(o, fields[f]);
            }
            g_string_append_c(o, '\n');
        }
    }
}

void csb_comparison_changes_csv(const CsbComparison *c, GString *o)
{
    g_string_append(o, "authority,authority_code,area,from_date,from_kind,from_grade,to_date,"
                       "to_kind,to_grade,steps,years,direction\n");
    story_rows(c->focus, o);
    for (guint i = 0; i < c->peers->len; i++)
        story_rows(c->peers->pdata[i], o);
}
