/* time.c: clocks over the system interface and calendar conversion in
 * UTC (the sandbox has no time zone database: localtime is gmtime). */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "internal.h"

struct sfi_ts {
  int64_t sec, nsec;
};

int clock_gettime(clockid_t clk, struct timespec *ts) {
  struct sfi_ts t;
  int r = __sfi_sys_clock_gettime((int)clk, &t);
  if (r < 0)
    return (int)__sfi_fail(r);
  ts->tv_sec = t.sec;
  ts->tv_nsec = t.nsec;
  return 0;
}

int clock_getres(clockid_t clk, struct timespec *ts) {
  (void)clk;
  if (ts) {
    ts->tv_sec = 0;
    ts->tv_nsec = 1;
  }
  return 0;
}

time_t time(time_t *out) {
  struct timespec ts;
  if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
    return (time_t)-1;
  if (out)
    *out = ts.tv_sec;
  return ts.tv_sec;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz) {
  (void)tz;
  struct timespec ts;
  if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
    return -1;
  if (tv) {
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
  }
  return 0;
}

clock_t clock(void) {
  struct timespec ts;
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
    return (clock_t)-1;
  return (clock_t)(ts.tv_sec * 1000000 + ts.tv_nsec / 1000);
}

int timespec_get(struct timespec *ts, int base) {
  if (base != TIME_UTC)
    return 0;
  return clock_gettime(CLOCK_REALTIME, ts) < 0 ? 0 : base;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), for any year. */
static long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = (unsigned)(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (long long)doe - 719468;
}

HIDDEN struct tm *__sfi_secs_to_tm(long long t, struct tm *tm) {
  long long days = t / 86400, rem = t % 86400;
  if (rem < 0) {
    rem += 86400;
    days--;
  }
  tm->tm_hour = (int)(rem / 3600);
  tm->tm_min = (int)(rem % 3600 / 60);
  tm->tm_sec = (int)(rem % 60);
  tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);
  /* Civil from days (Howard Hinnant's algorithm). */
  long long z = days + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned)(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = (long long)yoe + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  if (y - 1900 > INT32_MAX || y - 1900 < INT32_MIN) {
    errno = EOVERFLOW;
    return 0;
  }
  tm->tm_year = (int)(y - 1900);
  tm->tm_mon = (int)m - 1;
  tm->tm_mday = (int)d;
  tm->tm_yday = (int)(days - days_from_civil(y, 1, 1));
  tm->tm_isdst = 0;
  tm->__tm_gmtoff = 0;
  tm->__tm_zone = "GMT";
  return tm;
}

HIDDEN long long __sfi_tm_to_secs(const struct tm *tm) {
  long long y = (long long)tm->tm_year + 1900;
  long long mon = tm->tm_mon;
  y += mon / 12;
  mon %= 12;
  if (mon < 0) {
    mon += 12;
    y--;
  }
  long long days = days_from_civil(y, (unsigned)mon + 1, 1) + tm->tm_mday - 1;
  return days * 86400 + (long long)tm->tm_hour * 3600 +
         (long long)tm->tm_min * 60 + tm->tm_sec;
}

struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm) {
  return __sfi_secs_to_tm(*t, tm);
}
struct tm *gmtime(const time_t *t) {
  static struct tm tm;
  return gmtime_r(t, &tm);
}
struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm) {
  return gmtime_r(t, tm);
}
struct tm *localtime(const time_t *t) {
  return gmtime(t);
}

time_t timegm(struct tm *tm) {
  long long t = __sfi_tm_to_secs(tm);
  struct tm n;
  if (!__sfi_secs_to_tm(t, &n)) {
    errno = EOVERFLOW;
    return (time_t)-1;
  }
  *tm = n;
  return (time_t)t;
}
time_t mktime(struct tm *tm) { return timegm(tm); }

double difftime(time_t a, time_t b) { return (double)a - (double)b; }

void tzset(void) {}
char *tzname[2] = {"GMT", "GMT"};
long timezone;
int daylight;
