/* replay.c - a main() for a fuzz target without libFuzzer: runs it once on
 * every file named (a folder: every file in it), so `make check` can put
 * the seeds, damaged reports and crashes found so far through the target's
 * contract with the ordinary compiler and, under `make asan`, the
 * sanitizers. Prints "# replayed N inputs"; a broken contract aborts.
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static guint replay(const char *path)
{
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        GDir *d = g_dir_open(path, 0, NULL);
        GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
        const char *name;
        while (d && (name = g_dir_read_name(d)))
            g_ptr_array_add(names, g_build_filename(path, name, NULL));
        if (d)
            g_dir_close(d);
        guint n = 0;
        for (guint i = 0; i < names->len; i++)
            n += replay(names->pdata[i]);
        g_ptr_array_free(names, TRUE);
        return n;
    }
    gchar *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &data, &len, NULL))
        return 0;
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    g_free(data);
    return 1;
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    guint n = 0;
    for (int i = 1; i < argc; i++)
        n += replay(argv[i]);
    printf("# replayed %u inputs\n", n);
    return 0;
}
