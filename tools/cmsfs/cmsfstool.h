/*
 * cmsfstool.h - the cmsfs command as a function, so that the unit tests
 * run it as the shell would (tools/README.md has the syntax).
 */
#ifndef TOOLS_CMSFS_CMSFSTOOL_H
#define TOOLS_CMSFS_CMSFSTOOL_H

#include <stdio.h>

/* argv[0] is the program, argv[1] the subcommand. Output goes to out,
 * messages to err. Returns the exit status: 0 done, 1 failed (nothing
 * written unless the message says so), 2 usage. */
int cmsfstool_main(int argc, char **argv, FILE *out, FILE *err);

#endif
