/* make_damaged.c - damaged copies of PDFs, as fuzz seeds:
 * make_damaged SEED COPIES OUTDIR FILE... writes COPIES damaged copies of
 * each FILE (tests/fuzz/damage.h) to OUTDIR, the same for the same SEED.
 */
#include "damage.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: make_damaged SEED COPIES OUTDIR FILE...\n");
        return 2;
    }
    GRand *r = g_rand_new_with_seed((guint32)strtoul(argv[1], NULL, 10));
    int copies = atoi(argv[2]);
    g_mkdir_with_parents(argv[3], 0777);
    for (int f = 4; f < argc; f++) {
        gchar *data = NULL;
        gsize len = 0;
        if (!g_file_get_contents(argv[f], &data, &len, NULL))
            continue;
        char *base = g_path_get_basename(argv[f]);
        for (int i = 0; i < copies; i++) {
            GByteArray *c = csb_damaged_copy(data, len, i % CSB_DAMAGE_KINDS, r);
            char *name = g_strdup_printf("%s/damaged-%d-%s", argv[3], i, base);
            g_file_set_contents(name, (const char *)c->data, c->len, NULL);
            g_free(name);
            g_byte_array_unref(c);
        }
        g_free(base);
        g_free(data);
    }
    g_rand_free(r);
    return 0;
}
