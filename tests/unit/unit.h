/*
 * unit.h - how a CUnit suite registers itself with the unit-test runner.
 *
 * Each tests/unit/test_*.c file ends with
 *
 *     UNIT_SUITE("ebcdic", cases);
 *
 * where cases is a CU_TestInfo array ending in CU_TEST_INFO_NULL. The
 * runner (runner.c) collects every suite before main() runs, so adding a
 * test file needs no edit anywhere else: the Makefile picks it up.
 */
#ifndef TESTS_UNIT_H
#define TESTS_UNIT_H

#include <CUnit/CUnit.h>

void unit_register(const char *name, CU_TestInfo *cases);

#define UNIT_SUITE(name, cases)                                                                    \
    static void __attribute__((constructor)) unit_suite_ctor_(void) { unit_register(name, cases); }

/* Number of elements of a fixed array: test tables are arrays of rows. */
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

#endif
