/* test_build_atomic.c - atomic writes: the new file replaces the old only
 * when complete, a failed render leaves the old one and no temporary file,
 * the umask is honoured, only dead processes' temporary files are
 * cleaned up, symbolic links inside the output folder are never written
 * through, and a full disk is an error, not a crash.
 */
#include "unit.h"

#include "build/build.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *scratch;

/* Writes the text it is given into the new file. */
static gboolean write_new(int fd, const char *name, gpointer data, CsbDiag *diag)
{
    return csb_build_write_all(fd, data, strlen(data), name, diag);
}

static gboolean write_half_then_fail(int fd, const char *name, gpointer data, CsbDiag *diag)
{
    write_new(fd, name, "half", diag);
    csb_diag_error(diag, name, 0, 0, "disk full");
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
    CHECK(csb_build_atomic(NULL, path, write_new, "first", diag), "first write succeeds (and makes "
                                                            "the folder)");
    char *text = NULL;
    g_file_get_contents(path, &text, NULL, NULL);
    CHECK_STR(text, "first", "first content in place");
    g_free(text);
    CHECK(!csb_build_atomic(NULL, path, write_half_then_fail, NULL, diag), "a failing render fails");
    g_file_get_contents(path, &text, NULL, NULL);
    CHECK_STR(text, "first", "the old file is kept when the render fails");
    g_free(text);
    char *dir = g_path_get_dirname(path);
    CHECK(count_entries(dir) == 1, "no temporary file is left behind (%u entries)",
          count_entries(dir));
    CHECK(csb_diag_count(diag, CSB_SEV_ERROR) == 1, "the failure is one error");
    g_chmod(path, 0640);
    CHECK(csb_build_atomic(NULL, path, write_new, "second", diag), "a second write succeeds");
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
    csb_build_atomic(NULL, path, write_new, "x", diag);
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

static gboolean is_real_dir(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A link at the destination is replaced, not written through; a link
 * someone planted for a sub-folder of the output folder is refused; the
 * target of either is untouched. */
static void test_links(void)
{
    char *root = g_build_filename(scratch, "links", NULL);
    char *victim = g_build_filename(scratch, "victim.txt", NULL);
    char *elsewhere = g_build_filename(scratch, "elsewhere", NULL);
    g_mkdir_with_parents(root, 0777);
    g_mkdir_with_parents(elsewhere, 0777);
    g_file_set_contents(victim, "precious", -1, NULL);
    char *dest = g_build_filename(root, "a.pdf", NULL);
    CHECK(symlink(victim, dest) == 0, "a link planted where the output goes");
    CsbDiag *diag = csb_diag_new();
    CHECK(csb_build_atomic(root, dest, write_new, "new", diag), "the write succeeds");
    char *text = NULL;
    g_file_get_contents(victim, &text, NULL, NULL);
    CHECK_STR(text, "precious", "the link's target is untouched");
    g_free(text);
    struct stat st;
    CHECK(lstat(dest, &st) == 0 && S_ISREG(st.st_mode), "the link was replaced by the file");
    char *sub = g_build_filename(root, "north-east", NULL);
    CHECK(symlink(elsewhere, sub) == 0, "a link planted for a sub-folder ({region})");
    char *inside = g_build_filename(sub, "b.pdf", NULL);
    CHECK(!csb_build_atomic(root, inside, write_new, "new", diag),
          "writing through it is refused");
    const CsbError *e = diag->items->len ? diag->items->pdata[diag->items->len - 1] : NULL;
    CHECK(e && strstr(e->message, "symbolic link"), "and the error says why (%s)",
          e ? e->message : "none");
    char *landed = g_build_filename(elsewhere, "b.pdf", NULL);
    CHECK(count_entries(elsewhere) == 0, "nothing was written where it points");
    CHECK(csb_build_atomic(NULL, landed, write_new, "mine", diag),
          "a folder the user names (root NULL) may be reached through links");
    g_unlink(landed);
    g_free(landed);
    g_free(inside);
    g_free(sub);
    g_free(dest);
    g_free(elsewhere);
    g_free(victim);
    g_free(root);
    csb_diag_free(diag);
}

/* A full disk (a file size limit, the same error to the writer) is an
 * error naming the cause, and the old file stays. */
static void test_full_disk(void)
{
    char *path = g_build_filename(scratch, "full.pdf", NULL);
    g_file_set_contents(path, "old", -1, NULL);
    pid_t child = fork();
    if (child == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit lim = {1024, 1024};
        setrlimit(RLIMIT_FSIZE, &lim);
        char *big = g_malloc(8192);
        memset(big, 'x', 8191);
        big[8191] = '\0';
        CsbDiag *diag = csb_diag_new();
        gboolean ok = csb_build_atomic(NULL, path, write_new, big, diag);
        const CsbError *e = diag->items->len ? diag->items->pdata[0] : NULL;
        int status = !ok && e && strstr(e->message, "full") ? 0 : 1;
        /* Freed: under valgrind the child's own leak check sets its status. */
        csb_diag_free(diag);
        g_free(big);
        g_free(path);
        g_free(scratch);
        _exit(status);
    }
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "a write past the limit fails with an error saying the disk is full");
    char *text = NULL;
    g_file_get_contents(path, &text, NULL, NULL);
    CHECK_STR(text, "old", "the old file stays");
    g_free(text);
    g_free(path);
}

static void remove_tree(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *child = g_build_filename(path, name, NULL);
        if (is_real_dir(child))
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
    RUN(test_links);
    RUN(test_full_disk);
    remove_tree(scratch);
    g_free(scratch);
    return unit_done();
}
