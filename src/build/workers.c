/* workers.c - rendering briefings in child processes, up to N at once.
 *
 * Why processes and not threads: Cairo keeps process-wide caches of font
 * faces and glyphs, shared by every font map; when one thread lays out a
 * briefing while another renders one, a glyph's measured width can come
 * out differently and a line breaks one character earlier (seen once in
 * about thirty briefings). A child process starts from the parent, which
 * never lays out or renders anything, so each briefing comes out exactly
 * as a serial run makes it, and a crash in one briefing fails that
 * briefing only. Children share the parsed reports with the parent
 * copy-on-write; each sends its messages back over a pipe and says
 * success by its exit status. A child dies with its parent.
 *
 * The caller must have no other thread alive when it calls this: a child
 * of a fork has only the forking thread, and a lock another thread held
 * (GLib's allocator has some) would stay locked in the child forever.
 *
 * SIGTERM, SIGINT and SIGHUP are blocked in the parent and read from a
 * signalfd: on one, every child is killed and reaped, their temporary
 * files removed, and the run ends in order (manifest saved, locks
 * released) instead of leaving its files for the next run to clean.
 */
#include "build.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    CsbJob *job;
    pid_t pid;
    int fd;          /* read end of the child's pipe */
    GString *said;   /* what it wrote */
    gint64 started;
} Child;

/* ---- in the child ------------------------------------------------------- */

static void write_all(int fd, const char *p, gsize n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        p += w;
        n -= (gsize)w;
    }
}

/* One line per message: severity, line, column, file, message. */
static void send_diag(int fd, const CsbDiag *diag)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < diag->items->len; i++) {
        const CsbError *e = diag->items->pdata[i];
        g_string_append_printf(s, "%c\t%d\t%d", e->severity == CSB_SEV_ERROR ? 'E' : 'W',
                               e->line, e->column);
        csb_field_append(s, e->file ? e->file : "");
        csb_field_append(s, e->message);
        g_string_append_c(s, '\n');
    }
    write_all(fd, s->str, s->len);
    g_string_free(s, TRUE);
}

static G_GNUC_NORETURN void child_main(const CsbJob *job, const CsbResources *res, int fd,
                                       pid_t parent, int stop_fd)
{
    /* Die with the parent: a killed run must not leave briefings being
     * written after the next run has taken the folder's lock. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(2);
    /* The parent handles SIGTERM, SIGINT and SIGHUP through stop_fd; a
     * child meets them the default way (and the parent cleans up). */
    if (stop_fd >= 0)
        close(stop_fd);
    sigset_t stop;
    csb_workers_stop_signals(&stop);
    sigprocmask(SIG_UNBLOCK, &stop, NULL);
    CsbDiag *diag = csb_diag_new();
    gboolean ok = csb_build_briefing(job->spec, job->config, res, job->inspections,
                                     job->analyses, job->not_read, job->spec->authority, diag);
    send_diag(fd, diag);
    csb_diag_free(diag);
    _exit(ok ? 0 : 1);
}

/* ---- in the parent -------------------------------------------------------- */

static void read_diag(const char *text, CsbDiag *diag)
{
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        char **f = g_strsplit(*l, "\t", -1);
        if (g_strv_length(f) == 5 && (f[0][0] == 'E' || f[0][0] == 'W')) {
            char *file = csb_field_unescape(f[3]);
            char *message = csb_field_unescape(f[4]);
            csb_diag_add(diag, csb_error_new(f[0][0] == 'E' ? CSB_SEV_ERROR : CSB_SEV_WARNING,
                                             *file ? file : NULL, atoi(f[1]), atoi(f[2]), "%s",
                                             message));
            g_free(file);
            g_free(message);
        }
        g_strfreev(f);
    }
    g_strfreev(lines);
}

/* A new child making job, or NULL (errno set). Allocated after the fork,
 * so the child process holds nothing it cannot reach. */
static Child *start(CsbJob *job, const CsbResources *res, GPtrArray *running, int stop_fd)
{
    int p[2];
    if (pipe(p) != 0)
        return NULL;
    fflush(NULL); /* nothing buffered may be written twice */
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int saved = errno;
        close(p[0]);
        close(p[1]);
        errno = saved;
        return NULL;
    }
    if (pid == 0) {
        close(p[0]);
        /* The parent's record of its other children is not this one's. */
        for (guint i = 0; i < running->len; i++) {
            Child *sibling = running->pdata[i];
            close(sibling->fd);
            g_string_free(sibling->said, TRUE);
        }
        g_ptr_array_free(running, TRUE);
        child_main(job, res, p[1], parent, stop_fd);
    }
    close(p[1]);
    Child *c = g_new0(Child, 1);
    *c = (Child){job, pid, p[0], g_string_new(NULL), g_get_monotonic_time()};
    return c;
}

static void finish(Child *c)
{
    int status = 0;
    while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
        ;
    CsbJob *j = c->job;
    read_diag(c->said->str, j->diag);
    j->seconds = (double)(g_get_monotonic_time() - c->started) / G_TIME_SPAN_SECOND;
    j->ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    j->killed = WIFSIGNALED(status);
    if (WIFSIGNALED(status)) {
        csb_diag_error(j->diag, j->spec->output, 0, 0,
                       "csbrief stopped while making this briefing (%s); the last good file "
                       "was kept. Please report it with the config and reports",
                       g_strsignal(WTERMSIG(status)));
        /* Its temporary file, if any, is a dead process's now. */
        char *dir = g_path_get_dirname(j->spec->output);
        csb_build_clean_temps(dir, NULL);
        g_free(dir);
    } else if (!j->ok && !csb_diag_count(j->diag, CSB_SEV_ERROR)) {
        csb_diag_error(j->diag, j->spec->output, 0, 0, "the briefing could not be made");
    }
    close(c->fd);
    g_string_free(c->said, TRUE);
}

void csb_workers_stop_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGHUP);
}

int csb_workers_stop_requested(int stop_fd)
{
    struct signalfd_siginfo info;
    if (stop_fd < 0 || read(stop_fd, &info, sizeof info) != (ssize_t)sizeof info)
        return 0;
    return (int)info.ssi_signo;
}

const char *csb_workers_signal_name(int signo)
{
    switch (signo) {
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    case SIGHUP: return "SIGHUP";
    default: return "a signal";
    }
}

/* Stopped by signo: every running child is killed and reaped (its
 * temporary file removed) and fails saying so; jobs not started stay so. */
static void stop_all(GPtrArray *running, int signo,
                     void (*finished)(CsbJob *job, gpointer data), gpointer data)
{
    for (guint i = 0; i < running->len; i++)
        kill(((Child *)running->pdata[i])->pid, SIGKILL);
    while (running->len) {
        Child *c = running->pdata[running->len - 1];
        finish(c);
        CsbJob *j = c->job;
        /* Its own message is about SIGKILL; the reason is the stop. */
        g_ptr_array_set_size(j->diag->items, 0);
        csb_diag_error(j->diag, j->spec->output, 0, 0,
                       "the run was stopped (%s) while this briefing was being made",
                       csb_workers_signal_name(signo));
        g_ptr_array_remove_index(running, running->len - 1);
        finished(j, data);
    }
}

int csb_workers_run(GPtrArray *jobs, int max, const CsbResources *res, int stop_fd,
                    void (*started)(CsbJob *job, gpointer data),
                    void (*finished)(CsbJob *job, gpointer data), gpointer data)
{
    GPtrArray *running = g_ptr_array_new_with_free_func(g_free);
    guint next = 0;
    int stopped = 0;
    while (!stopped && (next < jobs->len || running->len)) {
        while (next < jobs->len && running->len < (guint)MAX(max, 1)) {
            CsbJob *j = jobs->pdata[next++];
            Child *c = start(j, res, running, stop_fd);
            if (!c) {
                csb_diag_error(j->diag, j->spec->output, 0, 0,
                               "cannot start a process to make this briefing: %s",
                               g_strerror(errno));
                j->ok = FALSE;
                finished(j, data);
                continue;
            }
            g_ptr_array_add(running, c);
            j->started = TRUE;
            started(j, data);
        }
        if (!running->len)
            continue;
        guint n_fds = running->len + 1;
        struct pollfd *fds = g_new0(struct pollfd, n_fds);
        for (guint i = 0; i < running->len; i++)
            fds[i] = (struct pollfd){((Child *)running->pdata[i])->fd, POLLIN, 0};
        fds[running->len] = (struct pollfd){stop_fd, POLLIN, 0};
        int n = poll(fds, n_fds, -1);
        if (n > 0 && fds[running->len].revents)
            stopped = csb_workers_stop_requested(stop_fd);
        for (guint i = running->len; !stopped && n > 0 && i-- > 0;) {
            if (!fds[i].revents)
                continue;
            Child *c = running->pdata[i];
            char buf[4096];
            ssize_t got = read(c->fd, buf, sizeof buf);
            if (got > 0) {
                g_string_append_len(c->said, buf, got);
            } else if (got == 0 || errno != EINTR) {
                finish(c);
                CsbJob *j = c->job;
                g_ptr_array_remove_index(running, i);
                finished(j, data);
            }
        }
        g_free(fds);
    }
    if (stopped)
        stop_all(running, stopped, finished, data);
    g_ptr_array_free(running, TRUE);
    return stopped;
}
