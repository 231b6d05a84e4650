/* cmd_build.c - placeholder replaced below. */
#include "cli.h"
int csb_cmd_build(int argc, char **argv) { (void)argc; (void)argv; return CSB_EXIT_USAGE; }
