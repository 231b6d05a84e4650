/* test_build_lock.c - the output-folder lock: a second taker is refused
 * and told who holds it; a lock left by a killed process is free again and
 * recognised as left behind; a cleanly released lock is not.
 */
#include "unit.h"

#include "build/build.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static char *dir;

static void test_held_then_released(void)
{
    CsbLock *first = NULL, *second = NULL;
    char *detail = NULL;
    CHECK(csb_lock_take(dir, &first, &detail) == CSB_LOCK_TAKEN, "the first run takes the lock");
    CHECK(detail == NULL, "a fresh lock was not left behind by anyone");
    g_free(detail);
    csb_lock_describe(first, "csbrief build test.yaml");
    CHECK(csb_lock_take(dir, &second, &detail) == CSB_LOCK_HELD && !second,
          "a second run is refused");
    char *pid = g_strdup_printf("pid %ld on ", (long)getpid());
    CHECK(detail && strstr(detail, pid) && strstr(detail, "csbrief build test.yaml") &&
              strstr(detail, "started "),
          "and told who holds it: %s", detail ? detail : "(null)");
    g_free(pid);
    g_free(detail);
    csb_lock_release(first);
    CHECK(csb_lock_take(dir, &second, &detail) == CSB_LOCK_TAKEN && !detail,
          "after a clean release the lock is free and not stale");
    csb_lock_release(second);
}

static void test_killed_holder(void)
{
    int ready[2];
    if (pipe(ready) != 0)
        return;
    pid_t child = fork();
    if (child == 0) {
        CsbLock *lock = NULL;
        char *detail = NULL;
        csb_lock_take(dir, &lock, &detail);
        csb_lock_describe(lock, "csbrief build killed.yaml");
        if (write(ready[1], "x", 1) != 1)
            _exit(1);
        pause();
        _exit(0);
    }
    char c;
    if (read(ready[0], &c, 1) != 1)
        c = 0;
    CsbLock *lock = NULL;
    char *detail = NULL;
    CHECK(csb_lock_take(dir, &lock, &detail) == CSB_LOCK_HELD, "a live holder in another "
                                                               "process holds the lock");
    g_free(detail);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    CHECK(csb_lock_take(dir, &lock, &detail) == CSB_LOCK_TAKEN, "once it is killed, the lock "
                                                                "is taken over");
    char *pid = g_strdup_printf("pid %ld", (long)child);
    CHECK(detail && strstr(detail, pid) && strstr(detail, "killed.yaml"),
          "and recognised as left by the dead run: %s", detail ? detail : "(null)");
    g_free(pid);
    g_free(detail);
    csb_lock_release(lock);
    close(ready[0]);
    close(ready[1]);
}

int main(void)
{
    char *scratch = g_dir_make_tmp("csbrief-lock-XXXXXX", NULL);
    dir = g_build_filename(scratch, "out", NULL);
    RUN(test_held_then_released);
    RUN(test_killed_holder);
    char *lock = g_build_filename(dir, CSB_LOCK_NAME, NULL);
    g_unlink(lock);
    g_rmdir(dir);
    g_rmdir(scratch);
    g_free(lock);
    g_free(dir);
    g_free(scratch);
    return unit_done();
}
