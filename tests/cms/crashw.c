/*
 * crashw.c - CRASHW MODULE, the writer of the CMS crash test
 * (tests/system/test_cmscrash.py): rewrites NFILES files, generation after
 * generation, until the machine is stopped under it.
 *
 * Generation g of file CRASHk DATA A1 has 10 + 3g records (at most
 * MAXRECS), F 80, each "CRASHk GEN g REC r" in EBCDIC. A generation
 * rewrites records 1..n in place and appends the rest, then FINIS
 * commits it: the file system must show every file whole at one
 * generation, whatever moment the machine was killed.
 *
 * Each file goes on from the generation it holds (its first record says
 * which), so a file never shrinks and every run after a crash continues
 * the count.
 *
 * CRASHW [n]: stop after n generations (default: never).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cms/lib/cmsapi.h"
#include "console/ebcdic.h"

#define NFILES  4
#define MAXRECS 300

static unsigned records(unsigned g)
{
    unsigned n = 10 + 3 * g;
    return n > MAXRECS ? MAXRECS : n;
}

/* The generation file fn holds now: 0 if there is none. */
static unsigned generation(const char *fn)
{
    char rec[80], text[81];
    size_t len;
    if (fsread(fn, "DATA", "A1", 1, rec, sizeof(rec), &len) != 0)
        return 0;
    fsclose(fn, "DATA", "A1");
    e2a(text, rec, len);
    text[len] = 0;
    const char *p = strstr(text, " GEN ");
    return p ? (unsigned)strtoul(p + 5, NULL, 10) : 0;
}

int main(int argc, char **argv)
{
    unsigned long limit = argc > 1 ? strtoul(argv[1], NULL, 10) : 0;
    char text[81], rec[80], fn[9];
    unsigned gen[NFILES];
    for (unsigned k = 0; k < NFILES; k++) {
        snprintf(fn, sizeof(fn), "CRASH%u", k);
        gen[k] = generation(fn);
    }
    for (unsigned long done = 0; limit == 0 || done < limit; done++) {
        unsigned g = 0;
        for (unsigned k = 0; k < NFILES; k++) {
            snprintf(fn, sizeof(fn), "CRASH%u", k);
            g = ++gen[k];
            unsigned n = records(g);
            for (unsigned r = 1; r <= n; r++) {
                snprintf(text, sizeof(text), "%-80s", "");
                int len = snprintf(text, sizeof(text), "%s GEN %u REC %u", fn, g, r);
                text[len] = ' ';
                a2e(rec, text, 80);
                int rc = fswrite(fn, "DATA", "A1", r, 'F', rec, 80);
                if (rc) {
                    snprintf(text, sizeof(text), "CRASHW: FSWRITE RC %d", rc);
                    wrterm(text, strlen(text));
                    return rc;
                }
            }
            int rc = fsclose(fn, "DATA", "A1");
            if (rc)
                return rc;
        }
        if ((done + 1) % 10 == 0) {
            snprintf(text, sizeof(text), "CRASHW GENERATION %u", g);
            wrterm(text, strlen(text));
        }
    }
    return 0;
}
