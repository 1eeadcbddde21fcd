/*
 * tod.h - the S/370 TOD clock as calendar time, and VM/370's date formats.
 *
 * The TOD clock counts from 1900-01-01 00:00:00 UTC; bit 51 is one
 * microsecond, so the value shifted right 12 is microseconds. Leap seconds
 * are ignored, as Hercules' clock does. Portable: no host time functions.
 */
#ifndef LIB_TOD_H
#define LIB_TOD_H

#include <stddef.h>
#include <stdint.h>

#define TOD_USEC(n) ((uint64_t)(n) << 12) /* n microseconds in TOD units */
#define TOD_SEC(n)  TOD_USEC((uint64_t)(n)*1000000)

struct datetime {
    int year;  /* e.g. 2026 */
    int month; /* 1-12 */
    int day;   /* 1-31 */
    int hour, min, sec;
    int usec;
    int wday; /* 0 = Sunday */
    int yday; /* 0-365 */
};

/* Calendar time of tod shifted by zone_sec seconds (local = UTC + zone). */
void tod_to_datetime(uint64_t tod, int32_t zone_sec, struct datetime *dt);
/* The TOD value of a UTC calendar time (usec and wday/yday ignored). */
uint64_t datetime_to_tod(const struct datetime *dt);

/* "MONDAY" ... (upper case, as VM/370 prints them) */
const char *weekday_name(int wday);

/* "hh:mm:ss zone weekday mm/dd/yy", e.g. "18:20:03 GMT MONDAY 08/17/26":
 * the LOGON AT / LOGOFF AT / TIME IS format. Returns snprintf's value. */
int fmt_vmdate(char *buf, size_t size, const struct datetime *dt, const char *zone_id);
/* "hh:mm:ss" and "mm/dd/yy" on their own. */
int fmt_hms(char *buf, size_t size, const struct datetime *dt);
int fmt_mdy(char *buf, size_t size, const struct datetime *dt);
/* An elapsed time as "hh:mm:ss" (CONNECT=) and as "mmm:ss.hs"
 * (VIRTCPU=, TOTCPU=: minutes, seconds and hundredths). */
int fmt_elapsed_hms(char *buf, size_t size, uint64_t tod_units);
int fmt_elapsed_mshs(char *buf, size_t size, uint64_t tod_units);

#endif
