/* cmd_check.c - placeholder replaced below. */
#include "cli.h"
int csb_cmd_check(int argc, char **argv) { (void)argc; (void)argv; return CSB_EXIT_USAGE; }
