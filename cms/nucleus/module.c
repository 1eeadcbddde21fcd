/*
 * module.c - MODULE files (R6's DMSMOD/LOADMOD).
 */
#include "cms/nucleus/cms.h"

int cms_run_module(const char *name, char (*tok)[8], int ntok, const char *line) { return -3; }

void cms_abend_cleanup(void) {}
