/*
 * main.c - the cmsfs command (build/host/cmsfs), and what the CMS file
 * system links with on the host: storage from malloc, the local clock.
 * Everything else is cmsfstool.c, which the unit tests call directly.
 */
#include <stdlib.h>
#include <time.h>
#include "cms/fs/cmsfs.h"
#include "tools/cmsfs/cmsfstool.h"

void *cmsfs_alloc(size_t size) { return malloc(size); }

void cmsfs_free(void *p) { free(p); }

void cmsfs_now(struct cmsfs_date *d)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    d->year = (uint8_t)(tm.tm_year % 100);
    d->month = (uint8_t)(tm.tm_mon + 1);
    d->day = (uint8_t)tm.tm_mday;
    d->hour = (uint8_t)tm.tm_hour;
    d->min = (uint8_t)tm.tm_min;
}

int main(int argc, char **argv) { return cmsfstool_main(argc, argv, stdout, stderr); }
