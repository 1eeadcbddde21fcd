/*
 * tod.c - the S/370 TOD clock as calendar time, and VM/370's date formats.
 *
 * Entry points: tod_to_datetime and datetime_to_tod convert between a TOD
 * clock value and a Gregorian calendar date and time; weekday_name and the
 * fmt_* functions produce the text VM/370 shows (LOGON AT, TIME, the
 * CONNECT= and VIRTCPU= accounting figures).
 *
 * Facts (z/Architecture Principles of Operation, "Time-of-Day Clock"): the
 * clock counts from 1900-01-01 00:00:00 UTC, bit 51 ticks once a
 * microsecond, so tod >> 12 is microseconds; a 64-bit clock wraps in
 * September 2042. Leap seconds are not counted, as on Hercules. 1900-01-01
 * was a Monday. The calendar is computed here by counting years and
 * months: there is no host time library in CP, and the range is only 143
 * years, so a plain loop is clear and fast enough for a clock read by a
 * TIME command.
 *
 * The formatters call lib_snprintf directly (not the host's snprintf) so
 * host tests exercise exactly the code that runs in CP.
 */
#include <stdbool.h>
#include "fmt.h"
#include "tod.h"

#define USEC_PER_SEC 1000000u
#define SEC_PER_DAY  86400

static const char *const weekdays[7] = {
    "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
};

static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

/* Gregorian rule: every 4th year, but not centuries unless divisible by
 * 400 (so 1900 was not a leap year and 2000 was). */
static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_year(int y) { return is_leap(y) ? 366 : 365; }

static int days_in_month(int y, int m) /* m 0-11 */
{
    return month_days[m] + (m == 1 && is_leap(y));
}

/* Quotient rounded toward minus infinity, so a negative zone offset
 * before midnight lands on the previous day with a positive remainder. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void tod_to_datetime(uint64_t tod, int32_t zone_sec, struct datetime *dt)
{
    uint64_t usec = tod >> 12;
    /* At most 2^52 microseconds, about 4.5e9 seconds: fits in int64. */
    int64_t secs = (int64_t)(usec / USEC_PER_SEC) + zone_sec;
    int64_t days = floor_div(secs, SEC_PER_DAY);
    int rem = (int)(secs - days * SEC_PER_DAY);

    dt->usec = (int)(usec % USEC_PER_SEC);
    dt->hour = rem / 3600;
    dt->min = rem / 60 % 60;
    dt->sec = rem % 60;
    /* Day 0 was a Monday (1). */
    dt->wday = (int)(days + 1 - 7 * floor_div(days + 1, 7));

    int y = 1900;
    while (days < 0) /* only a negative zone offset on the first day */
        days += days_in_year(--y);
    while (days >= days_in_year(y))
        days -= days_in_year(y++);
    dt->year = y;
    dt->yday = (int)days;

    int m = 0;
    while (days >= days_in_month(y, m))
        days -= days_in_month(y, m++);
    dt->month = m + 1;
    dt->day = (int)days + 1;
}

uint64_t datetime_to_tod(const struct datetime *dt)
{
    /* Before the epoch, or no such month: no TOD value to give. */
    if (dt->year < 1900 || dt->month < 1 || dt->month > 12)
        return 0;

    int64_t days = 0;
    for (int y = 1900; y < dt->year; y++)
        days += days_in_year(y);
    for (int m = 0; m < dt->month - 1; m++)
        days += days_in_month(dt->year, m);
    days += dt->day - 1;

    int64_t secs = days * SEC_PER_DAY + (int64_t)dt->hour * 3600 + dt->min * 60 + dt->sec;
    if (secs < 0)
        return 0;
    /* Past September 2042 this wraps, as the clock itself does. */
    return TOD_SEC((uint64_t)secs);
}

const char *weekday_name(int wday) { return wday >= 0 && wday < 7 ? weekdays[wday] : "?"; }

int fmt_vmdate(char *buf, size_t size, const struct datetime *dt, const char *zone_id)
{
    /* No zone name (NULL or ""): leave out the word, not just its text. */
    const char *zone = zone_id ? zone_id : "";
    return lib_snprintf(buf, size, "%02d:%02d:%02d %s%s%s %02d/%02d/%02d", dt->hour, dt->min,
                        dt->sec, zone, *zone ? " " : "", weekday_name(dt->wday), dt->month, dt->day,
                        dt->year % 100);
}

int fmt_hms(char *buf, size_t size, const struct datetime *dt)
{
    return lib_snprintf(buf, size, "%02d:%02d:%02d", dt->hour, dt->min, dt->sec);
}

int fmt_mdy(char *buf, size_t size, const struct datetime *dt)
{
    return lib_snprintf(buf, size, "%02d/%02d/%02d", dt->month, dt->day, dt->year % 100);
}

int fmt_elapsed_hms(char *buf, size_t size, uint64_t tod_units)
{
    uint64_t secs = (tod_units >> 12) / USEC_PER_SEC;
    /* Hours are not wrapped: 100 hours or more just print more digits. */
    return lib_snprintf(buf, size, "%02llu:%02u:%02u", (unsigned long long)(secs / 3600),
                        (unsigned)(secs / 60 % 60), (unsigned)(secs % 60));
}

int fmt_elapsed_mshs(char *buf, size_t size, uint64_t tod_units)
{
    /* Hundredths are truncated, not rounded, so a figure never runs ahead
     * of the time actually used. */
    uint64_t hs = (tod_units >> 12) / 10000;
    return lib_snprintf(buf, size, "%03llu:%02u.%02u", (unsigned long long)(hs / 6000),
                        (unsigned)(hs / 100 % 60), (unsigned)(hs % 100));
}
