/*
 * test_idcard.c - the real reader's ID card (cp/spool/idcard.c).
 */
#include <stdio.h>
#include <string.h>
#include "console/ebcdic.h"
#include "spool/idcard.h"
#include "unit.h"

static int parse(const char *text, struct idcard *id, char *why)
{
    uint8_t card[80];
    memset(card, 0x40, sizeof(card));
    a2e(card, text, strlen(text) < 80 ? strlen(text) : 80);
    return idcard_parse(card, id, why, 64);
}

static void test_good(void)
{
    struct idcard id;
    char why[64];
    CU_ASSERT_EQUAL(parse("ID USER01", &id, why), 0);
    CU_ASSERT_STRING_EQUAL(id.userid, "USER01");
    CU_ASSERT_EQUAL(id.cls, 'A');
    CU_ASSERT_STRING_EQUAL(id.fn, "");
    CU_ASSERT_EQUAL(parse("  id cmsuser class b name notes text", &id, why), 0);
    CU_ASSERT_STRING_EQUAL(id.userid, "CMSUSER");
    CU_ASSERT_EQUAL(id.cls, 'B');
    CU_ASSERT_STRING_EQUAL(id.fn, "NOTES");
    CU_ASSERT_STRING_EQUAL(id.ft, "TEXT");
    CU_ASSERT_EQUAL(parse("ID MAINT NAME ONLY CL 7", &id, why), 0);
    CU_ASSERT_STRING_EQUAL(id.fn, "ONLY");
    CU_ASSERT_STRING_EQUAL(id.ft, "");
    CU_ASSERT_EQUAL(id.cls, '7');
    CU_ASSERT_EQUAL(parse("ID MAINT NAME A$#@ B-C:_", &id, why), 0);
    CU_ASSERT_STRING_EQUAL(id.ft, "B-C:_");
}

static void test_bad(void)
{
    static const struct {
        const char *text, *why;
    } t[] = {
        {"", "NO ID CARD"},
        {"HELLO THERE", "NO ID CARD"},
        {"IDENT USER01", "NO ID CARD"},
        {"ID", "NO USERID ON ID CARD"},
        {"ID TOOLONGUSER", "NO USERID ON ID CARD"},
        {"ID USER01 CLASS", "INVALID CLASS ON ID CARD"},
        {"ID USER01 CLASS AB", "INVALID CLASS ON ID CARD"},
        {"ID USER01 CLASS *", "INVALID CLASS ON ID CARD"},
        {"ID USER01 NAME", "INVALID NAME ON ID CARD"},
        {"ID USER01 NAME NINECHARS", "INVALID NAME ON ID CARD"},
        {"ID USER01 NAME A B.C", "INVALID NAME ON ID CARD"},
        {"ID USER01 COPY 2", "INVALID OPERAND COPY ON ID CARD"},
    };
    for (size_t i = 0; i < NELEM(t); i++) {
        struct idcard id;
        char why[64] = "";
        int rc = parse(t[i].text, &id, why);
        CU_ASSERT_EQUAL(rc, -1);
        if (strcmp(why, t[i].why) != 0)
            printf("\n  %s: %s, not %s\n", t[i].text, why, t[i].why);
        CU_ASSERT_STRING_EQUAL(why, t[i].why);
    }
    /* bytes that are no characters do not upset it */
    uint8_t card[80];
    memset(card, 0x00, sizeof(card));
    struct idcard id;
    char why[64];
    CU_ASSERT_EQUAL(idcard_parse(card, &id, why, sizeof(why)), -1);
    memset(card, 0xFF, sizeof(card));
    CU_ASSERT_EQUAL(idcard_parse(card, &id, why, sizeof(why)), -1);
}

static CU_TestInfo cases[] = {
    {"good ID cards", test_good},
    {"bad ID cards", test_bad},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("idcard", cases);
