#ifndef ISP_WIZARD_CNCURSES_SHIM_H
#define ISP_WIZARD_CNCURSES_SHIM_H

// SwiftPM drops the -D flags pkg-config prints, so the wide-character API is enabled here.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <stddef.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <pty.h>
#include <ncurses.h>
#include <term.h>

// Macros and mutable globals that Swift cannot import (or rejects under strict concurrency).
static inline attr_t isp_attr_normal(void) { return A_NORMAL; }
static inline attr_t isp_attr_bold(void) { return A_BOLD; }
static inline attr_t isp_attr_reverse(void) { return A_REVERSE; }
static inline attr_t isp_attr_dim(void) { return A_DIM; }
static inline attr_t isp_attr_underline(void) { return A_UNDERLINE; }
static inline int isp_key_f(int n) { return KEY_F(n); }
static inline WINDOW *isp_stdscr(void) { return stdscr; }

// ioctl is variadic, which Swift does not import.
static inline int isp_set_window_size(int fd, unsigned short row_count, unsigned short column_count) {
    struct winsize size = { .ws_row = row_count, .ws_col = column_count };
    return ioctl(fd, TIOCSWINSZ, &size);
}

// A pseudo-terminal of a given size, for driving the backend in tests (glibc hides posix_openpt from Swift).
static inline int isp_open_pseudo_terminal(int *master, int *slave, unsigned short row_count,
                                           unsigned short column_count) {
    struct winsize size = { .ws_row = row_count, .ws_col = column_count };
    return openpty(master, slave, NULL, NULL, &size);
}

// tigetstr returns (char *)-1 for a name that is not a string capability.
static inline int isp_has_capability(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1;
}

// On a crash the program cannot save or call endwin (neither is async-signal-safe), but it can give the
// terminal back: write the prepared reset text and put back the modes saved before ncurses changed them,
// then die of the same signal. Only write, tcsetattr, sigaction and raise run in the handler.
// (The state lives in a function's static: Swift emits a header's functions, not its global variables.)
static const int isp_crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGTRAP, SIGFPE };
#define ISP_CRASH_SIGNAL_COUNT (sizeof isp_crash_signals / sizeof isp_crash_signals[0])

struct isp_crash_state {
    struct termios terminal_modes;
    int terminal_fd;
    char reset_text[256];
    size_t reset_length;
    struct sigaction previous_actions[ISP_CRASH_SIGNAL_COUNT];
};

static inline struct isp_crash_state *isp_crash_state(void) {
    static struct isp_crash_state state = { .terminal_fd = -1 };
    return &state;
}

static inline void isp_crash_handler(int signal_number) {
    struct isp_crash_state *state = isp_crash_state();
    if (state->terminal_fd >= 0) {
        ssize_t ignored = write(state->terminal_fd, state->reset_text, state->reset_length);
        (void)ignored;
        tcsetattr(state->terminal_fd, TCSANOW, &state->terminal_modes);
    }
    struct sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigaction(signal_number, &default_action, NULL);
    raise(signal_number);
}

// Before newterm: remembers the terminal's modes as the user had them.
static inline int isp_crash_remember_terminal(int fd) {
    struct isp_crash_state *state = isp_crash_state();
    if (tcgetattr(fd, &state->terminal_modes) != 0) return -1;
    state->terminal_fd = fd;
    return 0;
}

// After newterm: the text that leaves the alternate screen, shows the cursor and ends bracketed paste.
static inline void isp_crash_install_handlers(const char *reset_text) {
    struct isp_crash_state *state = isp_crash_state();
    state->reset_length = strlen(reset_text);
    if (state->reset_length >= sizeof state->reset_text) state->reset_length = sizeof state->reset_text - 1;
    memcpy(state->reset_text, reset_text, state->reset_length);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = isp_crash_handler;
    sigemptyset(&action.sa_mask);
    for (size_t index = 0; index < ISP_CRASH_SIGNAL_COUNT; index++) {
        sigaction(isp_crash_signals[index], &action, &state->previous_actions[index]);
    }
}

static inline void isp_crash_remove_handlers(void) {
    struct isp_crash_state *state = isp_crash_state();
    for (size_t index = 0; index < ISP_CRASH_SIGNAL_COUNT; index++) {
        sigaction(isp_crash_signals[index], &state->previous_actions[index], NULL);
    }
    state->terminal_fd = -1;
}

// A terminfo string capability, or "" when the terminal has none.
static inline const char *isp_capability(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1 ? value : "";
}

#endif
