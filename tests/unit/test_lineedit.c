/*
 * test_lineedit.c - CP's logical line editing (cp/cons/lineedit.c).
 *
 * Each row is a physical input line and the logical lines VM/370's rules
 * make of it (CP Command Reference, "Logical Line Editing"): '#' ends a
 * logical line, the cent sign (X'A2' in ISO 8859-1) deletes the logical
 * line so far, '@' deletes one character, '"' takes the next character
 * literally. A character set to 0 is switched off.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "cons/lineedit.h"
#include "unit.h"

#define CENT "\xA2"
#define MAXL 8

static const struct edit_chars vm_default = {'#', '\xA2', '@', '"'};

static struct {
    int n;
    char line[MAXL][300];
    size_t len[MAXL];
} got;

static void collect(void *ctx, const char *line, size_t len)
{
    CU_ASSERT_PTR_EQUAL(ctx, &got);
    if (got.n < MAXL && len < sizeof(got.line[0])) {
        memcpy(got.line[got.n], line, len);
        got.line[got.n][len] = '\0';
        got.len[got.n] = len;
    }
    got.n++;
}

static int edit(const char *in, size_t len, const struct edit_chars *ec)
{
    memset(&got, 0, sizeof(got));
    return line_edit(in, len, ec, collect, &got);
}

static const struct {
    const char *in;
    const char *out[MAXL]; /* the logical lines; NULL ends the list */
} rows[] = {
    {"", {""}},
    {"query names", {"query names"}},
    {"  leading and trailing  ", {"  leading and trailing  "}},
    {"q rdr#q prt#q pun", {"q rdr", "q prt", "q pun"}},
    {"ab@c", {"ac"}},
    {"abc@@@d", {"d"}},
    {"a@@@@@@b", {"b"}},
    {"@", {""}},
    {"@@x", {"x"}},
    {"abc@", {"ab"}},
    {"abc" CENT "def", {"def"}},
    {"abc" CENT, {""}},
    {CENT "x", {"x"}},
    {"ab" CENT "cd" CENT "ef", {"ef"}},
    {"ab#cd" CENT "ef", {"ab", "ef"}}, /* line delete stops at the line end */
    {"ab#@@c", {"ab", "c"}},           /* so does character delete */
    {"ab" CENT "@c", {"c"}},
    {"a\"#b", {"a#b"}},
    {"a\"@b", {"a@b"}},
    {"a\"" CENT "b", {"a" CENT "b"}},
    {"a\"\"b", {"a\"b"}},
    {"\"##", {"#", ""}},
    {"a\"#b@c", {"a#c"}}, /* an escaped character is data: @ deletes it */
    {"ab\"#@c", {"abc"}},
    {"x\"" CENT CENT "y", {"y"}},
    {"abc#", {"abc", ""}},
    {"#", {"", ""}},
    {"##", {"", "", ""}},
    {"#abc", {"", "abc"}},
    {"cp q t#@#x", {"cp q t", "", "x"}},
    {"a\"b", {"ab"}}, /* escaping an ordinary character is harmless */
};

static void check_rows(const struct edit_chars *ec, const char *what)
{
    for (size_t i = 0; i < NELEM(rows); i++) {
        int want = 0;
        while (want < MAXL && rows[i].out[want])
            want++;
        int rc = edit(rows[i].in, strlen(rows[i].in), ec);
        bool ok = rc == want && got.n == want;
        for (int k = 0; ok && k < want; k++)
            ok = got.len[k] == strlen(rows[i].out[k]) && strcmp(got.line[k], rows[i].out[k]) == 0;
        if (!ok) {
            printf("\n    %s row %zu \"%s\": %d lines", what, i, rows[i].in, got.n);
            for (int k = 0; k < got.n && k < MAXL; k++)
                printf(" \"%s\"", got.line[k]);
        }
        CU_ASSERT_TRUE(ok);
    }
}

static void test_default_chars(void) { check_rows(&vm_default, "default"); }

/* ---------------------------------------------------------------- other settings */

static const struct {
    struct edit_chars ec;
    const char *in;
    const char *out[MAXL];
} settings[] = {
    /* each character switched off in turn: it becomes data */
    {{0, '\xA2', '@', '"'}, "a#b", {"a#b"}},
    {{0, '\xA2', '@', '"'}, "a#b@c", {"a#c"}},
    {{'#', 0, '@', '"'}, "ab" CENT "c", {"ab" CENT "c"}},
    {{'#', '\xA2', 0, '"'}, "ab@c", {"ab@c"}},
    {{'#', '\xA2', '@', 0}, "a\"#b", {"a\"", "b"}},
    {{'#', '\xA2', '@', 0}, "a\"@b", {"ab"}},
    {{0, 0, 0, 0}, "a#b" CENT "c@d\"e", {"a#b" CENT "c@d\"e"}},
    /* other characters chosen (TERMINAL LINEND ; and so on) */
    {{';', '%', '<', '!'}, "a;b#c", {"a", "b#c"}},
    {{';', '%', '<', '!'}, "ab<c@d", {"ac@d"}},
    {{';', '%', '<', '!'}, "xyz%w", {"w"}},
    {{';', '%', '<', '!'}, "a!;b", {"a;b"}},
    {{';', '%', '<', '!'}, "a\"b", {"a\"b"}},
};

static void test_settings(void)
{
    for (size_t i = 0; i < NELEM(settings); i++) {
        int want = 0;
        while (want < MAXL && settings[i].out[want])
            want++;
        int rc = edit(settings[i].in, strlen(settings[i].in), &settings[i].ec);
        bool ok = rc == want && got.n == want;
        for (int k = 0; ok && k < want; k++)
            ok = strcmp(got.line[k], settings[i].out[k]) == 0;
        if (!ok) {
            printf("\n    setting row %zu \"%s\": %d lines", i, settings[i].in, got.n);
            for (int k = 0; k < got.n && k < MAXL; k++)
                printf(" \"%s\"", got.line[k]);
        }
        CU_ASSERT_TRUE(ok);
    }
}

/* The length given is what is edited: bytes after it, and NULs inside it. */
static void test_lengths(void)
{
    CU_ASSERT_EQUAL(edit("abc#def", 3, &vm_default), 1);
    CU_ASSERT_STRING_EQUAL(got.line[0], "abc");
    CU_ASSERT_EQUAL(edit("abc#def", 4, &vm_default), 2);
    CU_ASSERT_STRING_EQUAL(got.line[1], "");
    CU_ASSERT_EQUAL(edit("a\0b", 3, &vm_default), 1);
    CU_ASSERT_EQUAL(got.len[0], 3);
    CU_ASSERT_EQUAL(memcmp(got.line[0], "a\0b", 3), 0);
    CU_ASSERT_EQUAL(edit(NULL, 0, &vm_default), 1);
    CU_ASSERT_EQUAL(got.len[0], 0);
}

/* A long input line: a logical line of a full 3270 input area is kept whole. */
static void test_long_lines(void)
{
    char in[1000];
    memset(in, 'x', 240);
    CU_ASSERT_EQUAL(edit(in, 240, &vm_default), 1);
    CU_ASSERT_EQUAL(got.len[0], 240);
    /* many short logical lines from one physical line */
    for (int i = 0; i < 500; i++)
        in[i] = i % 2 ? '#' : 'a';
    CU_ASSERT_EQUAL(edit(in, 500, &vm_default), 251);
    CU_ASSERT_EQUAL(got.n, 251);
    CU_ASSERT_STRING_EQUAL(got.line[0], "a");
    /* longer than any logical line may be: never overruns (ASan watches) */
    memset(in, 'y', sizeof(in));
    CU_ASSERT_EQUAL(edit(in, sizeof(in), &vm_default), 1);
    CU_ASSERT(got.n == 1);
}

static CU_TestInfo cases[] = {
    {"VM/370 default characters", test_default_chars},
    {"characters off and changed", test_settings},
    {"lengths and NULs", test_lengths},
    {"long lines", test_long_lines},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("lineedit", cases);
