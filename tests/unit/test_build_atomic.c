/* test_build_atomic.c - atomic writes: the new file replaces the old only
 * when complete, a failed render leaves the old one and no temporary file,
 * the umask is honoured, and only dead processes' temporary files are
 * cleaned up.
 */
#include "unit.h"

#include "build/build.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *scratch;

/* Writes into the file it is given, as Cairo does (fopen "wb"). */
static gboolean write_new(const char *tmp, gpointer data, CsbDiag *diag)
{
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return FALSE;
    gboolean ok = fputs(data, f) >= 0;
    return fclose(f) == 0 && ok;
}

static gboolean write_half_then_fail(const char *tmp, gpointer data, CsbDiag *diag)
{
    write_new(tmp, "half", diag);
    csb_diag_error(diag, tmp, 0, 0, "disk full");
    return FALSE;
}

static guint count_entries(const char *dir)
{
    guint n = 0;
    GDir *d = g_dir_open(dir, 0, NULL);
    while (d && g_dir_read_name(d))
        n++;
    if (d)
        g_dir_close(d);
    return n;
}

static void test_replace_and_fail(void)
{
    char *path = g_build_filename(scratch, "out", "a.pdf", NULL);
    CsbDiag *diag = csb_diag_new();
    CHECK(csb_build_atomic(path, write_new, "first", diag), "first write succeeds (and makes "
                                                            "the folder)");
    char *text = NULL;
    g_file_get_contents(path, &text, NULL, NULL);
    CHECK_STR(text, "first", "first content in place");
    g_free(text);
    CHECK(!csb_build_atomic(path, write_half_then_fail, NULL, diag), "a failing render fails");
    g_file_get_contents(path, &text, NULL, NULL);
    CHECK_STR(text, "first", "the old file is kept when the render fails");
    g_free(text);
    char *dir = g_path_get_dirname(path);
    CHECK(count_entries(dir) == 1, "no temporary file is left behind (%u entries)",
          count_entries(dir));
    CHECK(csb_diag_count(diag, CSB_SEV_ERROR) == 1, "the failure is one error");
    g_chmod(path, 0640);
    CHECK(csb_build_atomic(path, write_new, "second", diag), "a second write succeeds");
    struct stat st;
    stat(path, &st);
    CHECK((st.st_mode & 0777) == 0640, "the file keeps the permissions it was given (%o)",
          st.st_mode & 0777);
    g_free(dir);
    g_free(path);
    csb_diag_free(diag);
}

static void test_umask(void)
{
    char *path = g_build_filename(scratch, "umask.pdf", NULL);
    mode_t old = umask(027);
    CsbDiag *diag = csb_diag_new();
    csb_build_atomic(path, write_new, "x", diag);
    umask(old);
    struct stat st;
    stat(path, &st);
    CHECK((st.st_mode & 0777) == 0640, "a new file gets 0666 less the umask (got %o)",
          st.st_mode & 0777);
    csb_diag_free(diag);
    g_free(path);
}

static void test_clean_temps(void)
{
    char *dir = g_build_filename(scratch, "temps", NULL);
    g_mkdir_with_parents(dir, 0777);
    /* A pid that surely ended: a child we waited for. */
    pid_t child = fork();
    if (child == 0)
        _exit(0);
    waitpid(child, NULL, 0);
    /* One that ended but was not reaped: a zombie, as the render processes
     * of a killed run are until someone reaps them. */
    pid_t zombie = fork();
    if (zombie == 0)
        _exit(0);
    /* One of the same program still at work. */
    pid_t busy = fork();
    if (busy == 0) {
        pause();
        _exit(0);
    }
    /* One of another program (the shell that started the tests). */
    char *dead = g_strdup_printf("%s/.a.pdf.tmp-%ld-abcdef", dir, (long)child);
    char *alive = g_strdup_printf("%s/.b.pdf.tmp-%ld-abcdef", dir, (long)busy);
    char *undead = g_strdup_printf("%s/.f.pdf.tmp-%ld-abcdef", dir, (long)zombie);
    char *reused = g_strdup_printf("%s/.g.pdf.tmp-%ld-abcdef", dir, (long)getppid());
    char *mine = g_strdup_printf("%s/.c.pdf.tmp-%ld-abcdef", dir, (long)getpid());
    char *other = g_strdup_printf("%s/.d.pdf.tmp-notapid", dir);
    char *plain = g_strdup_printf("%s/e.pdf", dir);
    const char *all[] = {dead, alive, mine, other, plain, undead, reused};
    for (guint i = 0; i < G_N_ELEMENTS(all); i++)
        g_file_set_contents(all[i], "x", -1, NULL);
    usleep(100000); /* let the zombie exit */
    GPtrArray *removed = g_ptr_array_new_with_free_func(g_free);
    guint n = csb_build_clean_temps(dir, removed);
    kill(busy, SIGKILL);
    waitpid(busy, NULL, 0);
    waitpid(zombie, NULL, 0);
    CHECK(n == 3 && removed->len == 3, "three temporary files removed (got %u)", n);
    CHECK(!g_file_test(dead, G_FILE_TEST_EXISTS), "the dead process's temporary file is gone");
    CHECK(!g_file_test(undead, G_FILE_TEST_EXISTS), "so is an unreaped (zombie) process's");
    CHECK(!g_file_test(reused, G_FILE_TEST_EXISTS),
          "and one whose pid now belongs to another program");
    CHECK(g_file_test(alive, G_FILE_TEST_EXISTS) && g_file_test(mine, G_FILE_TEST_EXISTS),
          "temporary files of live csbrief processes (this one, another) stay");
    CHECK(g_file_test(other, G_FILE_TEST_EXISTS) && g_file_test(plain, G_FILE_TEST_EXISTS),
          "files that are not csbrief's temporary files stay");
    for (guint i = 0; i < G_N_ELEMENTS(all); i++) {
        g_unlink(all[i]);
        g_free((char *)all[i]);
    }
    g_ptr_array_free(removed, TRUE);
    g_rmdir(dir);
    g_free(dir);
}

static void remove_tree(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *child = g_build_filename(path, name, NULL);
        if (g_file_test(child, G_FILE_TEST_IS_DIR))
            remove_tree(child);
        else
            g_unlink(child);
        g_free(child);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(path);
}

int main(void)
{
    scratch = g_dir_make_tmp("csbrief-atomic-XXXXXX", NULL);
    RUN(test_replace_and_fail);
    RUN(test_umask);
    RUN(test_clean_temps);
    remove_tree(scratch);
    g_free(scratch);
    return unit_done();
}
