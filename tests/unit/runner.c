/*
 * runner.c - runs every registered CUnit suite (see unit.h).
 *
 * Usage: unittests [suite ...]   (no arguments: all suites)
 * Prints CUnit's verbose report, then one line
 *     UNIT RESULT: <passed> passed, <failed> failed
 * counting tests (not assertions), which tests/run reads. Exit status is 0
 * only if every test passed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>
#include "unit.h"

#define MAX_SUITES 128

static struct {
    const char *name;
    CU_TestInfo *cases;
} suites[MAX_SUITES];
static int nsuites;

void unit_register(const char *name, CU_TestInfo *cases)
{
    if (nsuites == MAX_SUITES) {
        fprintf(stderr, "unittests: too many suites\n");
        exit(2);
    }
    suites[nsuites].name = name;
    suites[nsuites].cases = cases;
    nsuites++;
}

static int wanted(const char *name, int argc, char **argv)
{
    if (argc < 2)
        return 1;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    for (int i = 0; i < nsuites; i++) {
        if (!wanted(suites[i].name, argc, argv))
            continue;
        CU_pSuite s = CU_add_suite(suites[i].name, NULL, NULL);
        for (CU_TestInfo *t = suites[i].cases; t->pName; t++)
            CU_add_test(s, t->pName, t->pTestFunc);
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned run = CU_get_number_of_tests_run();
    unsigned failed = CU_get_number_of_tests_failed();
    printf("UNIT RESULT: %u passed, %u failed\n", run - failed, failed);
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
