/*
 * test_tod.c - TOD clock <-> calendar conversion and VM/370's time formats.
 *
 * Expected values were computed with Python's datetime module (proleptic
 * Gregorian, UTC), independently of lib/tod.c; the sweep compares with the
 * host's gmtime_r. 1900 was not a leap year, 2000 was.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "lib/tod.h"
#include "unit.h"

struct cal {
    uint64_t tod;
    int32_t zone;
    int year, month, day, hour, min, sec, usec, wday, yday;
    const char *vmdate; /* fmt_vmdate with zone id "GMT" */
};

static const struct cal cals[] = {
    /* the epoch, a Monday */
    {0x0, 0, 1900, 1, 1, 0, 0, 0, 0, 1, 0, "00:00:00 GMT MONDAY 01/01/00"},
    /* 1900 is no leap year: the day after Feb 28 is Mar 1 */
    {0x4a2e093ddc0000, 0, 1900, 2, 28, 23, 59, 59, 0, 3, 58, "23:59:59 GMT WEDNESDAY 02/28/00"},
    {0x4a2e093ddc0000 + TOD_SEC(1), 0, 1900, 3, 1, 0, 0, 0, 0, 4, 59,
     "00:00:00 GMT THURSDAY 03/01/00"},
    {0x1ca47d283000000, 0, 1900, 12, 31, 12, 0, 0, 0, 1, 364, "12:00:00 GMT MONDAY 12/31/00"},
    {0x7d91048bca000000, 0, 1970, 1, 1, 0, 0, 0, 0, 4, 0, "00:00:00 GMT THURSDAY 01/01/70"},
    /* Principles of Operation's example: 2000-01-01 is X'B361183F48000000' */
    {0xb361183f48000000, 0, 2000, 1, 1, 0, 0, 0, 0, 6, 0, "00:00:00 GMT SATURDAY 01/01/00"},
    {0xb3abef07dc614000, 0, 2000, 2, 29, 12, 34, 56, 789012, 2, 59,
     "12:34:56 GMT TUESDAY 02/29/00"},
    {0xdeb8a3980e000000, 0, 2024, 2, 29, 0, 0, 0, 0, 4, 59, "00:00:00 GMT THURSDAY 02/29/24"},
    {0xe03aa02b9bdc0000, 0, 2024, 12, 31, 23, 59, 59, 0, 2, 365, "23:59:59 GMT TUESDAY 12/31/24"},
    {0xe325280c43ac0000, 0, 2026, 8, 17, 18, 20, 3, 0, 1, 228, "18:20:03 GMT MONDAY 08/17/26"},
    /* the last value before the clock wraps */
    {0xffffffffffffffff, 0, 2042, 9, 17, 23, 53, 47, 370495, 3, 259,
     "23:53:47 GMT WEDNESDAY 09/17/42"},
    /* zone offsets across midnight, a year end, a leap day, the epoch */
    {0xe205b1297cc00000, -5 * 3600, 2025, 12, 31, 22, 0, 0, 0, 3, 364,
     "22:00:00 GMT WEDNESDAY 12/31/25"},
    {0xe2055348e5000000, 9 * 3600, 2026, 1, 1, 5, 0, 0, 0, 4, 0, "05:00:00 GMT THURSDAY 01/01/26"},
    {0x0, -3600, 1899, 12, 31, 23, 0, 0, 0, 0, 364, "23:00:00 GMT SUNDAY 12/31/99"},
    {0xdeb89ce370e00000, 3600, 2024, 2, 29, 0, 30, 0, 0, 4, 59, "00:30:00 GMT THURSDAY 02/29/24"},
};

static void test_to_datetime(void)
{
    for (size_t k = 0; k < NELEM(cals); k++) {
        const struct cal *c = &cals[k];
        struct datetime dt;
        memset(&dt, 0x55, sizeof dt);
        tod_to_datetime(c->tod, c->zone, &dt);
        int ok = dt.year == c->year && dt.month == c->month && dt.day == c->day &&
                 dt.hour == c->hour && dt.min == c->min && dt.sec == c->sec && dt.usec == c->usec &&
                 dt.wday == c->wday && dt.yday == c->yday;
        if (!ok)
            fprintf(stderr, "\ntod row %zu: got %04d-%02d-%02d %02d:%02d:%02d.%06d w%d y%d\n", k,
                    dt.year, dt.month, dt.day, dt.hour, dt.min, dt.sec, dt.usec, dt.wday, dt.yday);
        CU_ASSERT(ok);

        char buf[64];
        int n = fmt_vmdate(buf, sizeof buf, &dt, "GMT");
        CU_ASSERT_EQUAL(n, (int)strlen(c->vmdate));
        CU_ASSERT_STRING_EQUAL(buf, c->vmdate);
    }
}

/* UTC rows back to TOD: exact to the second. */
static void test_to_tod(void)
{
    for (size_t k = 0; k < NELEM(cals); k++) {
        const struct cal *c = &cals[k];
        if (c->zone != 0)
            continue;
        struct datetime dt = {c->year, c->month, c->day, c->hour, c->min, c->sec, 0, 0, 0};
        uint64_t whole_sec = c->tod - TOD_USEC(c->usec) - (c->tod & 0xFFF);
        CU_ASSERT_EQUAL(datetime_to_tod(&dt), whole_sec);
    }
    /* No TOD value before the epoch or for a month that does not exist. */
    struct datetime bad[] = {
        {1899, 12, 31, 23, 59, 59, 0, 0, 0},
        {2000, 0, 1, 0, 0, 0, 0, 0, 0},
        {2000, 13, 1, 0, 0, 0, 0, 0, 0},
    };
    for (size_t k = 0; k < NELEM(bad); k++)
        CU_ASSERT_EQUAL(datetime_to_tod(&bad[k]), 0);
}

/* Every ~28 hours from 1900 to 2042 against the host's gmtime_r, with a
 * round trip back to TOD. */
static void test_sweep(void)
{
    const int64_t unix_epoch = 2208988800; /* seconds from 1900 to 1970 */
    int fails = 0;
    for (int64_t s = 17; s < 4398000000; s += 100003) {
        uint64_t tod = TOD_SEC((uint64_t)s) + TOD_USEC(123456);
        struct datetime dt;
        tod_to_datetime(tod, 0, &dt);
        time_t t = (time_t)(s - unix_epoch);
        struct tm tm;
        gmtime_r(&t, &tm);
        if (dt.year != tm.tm_year + 1900 || dt.month != tm.tm_mon + 1 || dt.day != tm.tm_mday ||
            dt.hour != tm.tm_hour || dt.min != tm.tm_min || dt.sec != tm.tm_sec ||
            dt.wday != tm.tm_wday || dt.yday != tm.tm_yday || dt.usec != 123456 ||
            datetime_to_tod(&dt) != TOD_SEC((uint64_t)s)) {
            if (fails++ < 5)
                fprintf(stderr, "\ntod sweep: second %lld differs\n", (long long)s);
        }
    }
    CU_ASSERT_EQUAL(fails, 0);
}

static void test_formats(void)
{
    struct datetime dt = {2026, 8, 7, 9, 5, 3, 0, 5, 218};
    char buf[40];
    CU_ASSERT_EQUAL(fmt_hms(buf, sizeof buf, &dt), 8);
    CU_ASSERT_STRING_EQUAL(buf, "09:05:03");
    CU_ASSERT_EQUAL(fmt_mdy(buf, sizeof buf, &dt), 8);
    CU_ASSERT_STRING_EQUAL(buf, "08/07/26");
    fmt_vmdate(buf, sizeof buf, &dt, "EST");
    CU_ASSERT_STRING_EQUAL(buf, "09:05:03 EST FRIDAY 08/07/26");
    /* without a zone name the word is left out */
    fmt_vmdate(buf, sizeof buf, &dt, "");
    CU_ASSERT_STRING_EQUAL(buf, "09:05:03 FRIDAY 08/07/26");
    fmt_vmdate(buf, sizeof buf, &dt, NULL);
    CU_ASSERT_STRING_EQUAL(buf, "09:05:03 FRIDAY 08/07/26");
    /* truncated like snprintf */
    CU_ASSERT_EQUAL(fmt_vmdate(buf, 9, &dt, "EST"), 28);
    CU_ASSERT_STRING_EQUAL(buf, "09:05:03");
}

static void test_weekday_names(void)
{
    static const struct {
        int wday;
        const char *name;
    } names[] = {
        {0, "SUNDAY"}, {1, "MONDAY"},   {2, "TUESDAY"}, {3, "WEDNESDAY"}, {4, "THURSDAY"},
        {5, "FRIDAY"}, {6, "SATURDAY"}, {-1, "?"},      {7, "?"},
    };
    for (size_t k = 0; k < NELEM(names); k++)
        CU_ASSERT_STRING_EQUAL(weekday_name(names[k].wday), names[k].name);
}

static void test_elapsed(void)
{
    static const struct {
        uint64_t tod;
        const char *hms;  /* CONNECT= */
        const char *mshs; /* VIRTCPU= */
    } el[] = {
        {0, "00:00:00", "000:00.00"},
        {TOD_USEC(9999), "00:00:00", "000:00.00"},
        {TOD_USEC(10000), "00:00:00", "000:00.01"},
        {TOD_USEC(1250000), "00:00:01", "000:01.25"},
        {TOD_USEC(1259999), "00:00:01", "000:01.25"}, /* truncated, not rounded */
        {TOD_SEC(3599), "00:59:59", "059:59.00"},
        {TOD_SEC(3600), "01:00:00", "060:00.00"},
        {TOD_SEC(999 * 60 + 59) + TOD_USEC(990000), "16:39:59", "999:59.99"},
        {TOD_SEC(100 * 3600 + 61), "100:01:01", "6001:01.00"},
        {TOD_USEC(1) - 1, "00:00:00", "000:00.00"}, /* below one microsecond */
    };
    for (size_t k = 0; k < NELEM(el); k++) {
        char buf[32];
        CU_ASSERT_EQUAL(fmt_elapsed_hms(buf, sizeof buf, el[k].tod), (int)strlen(el[k].hms));
        CU_ASSERT_STRING_EQUAL(buf, el[k].hms);
        CU_ASSERT_EQUAL(fmt_elapsed_mshs(buf, sizeof buf, el[k].tod), (int)strlen(el[k].mshs));
        CU_ASSERT_STRING_EQUAL(buf, el[k].mshs);
    }
}

static CU_TestInfo cases[] = {
    {"to_datetime", test_to_datetime},
    {"to_tod", test_to_tod},
    {"sweep", test_sweep},
    {"formats", test_formats},
    {"weekday_names", test_weekday_names},
    {"elapsed", test_elapsed},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("tod", cases);
