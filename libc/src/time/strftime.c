/* strftime.c: strftime in the C locale, asctime and ctime, with glibc's
 * formats (so output matches native programs run with TZ=UTC). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static const char *const wday_name[] = {"Sunday",    "Monday",   "Tuesday",
                                        "Wednesday", "Thursday", "Friday",
                                        "Saturday"};
static const char *const mon_name[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

static int leap(long long y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* ISO 8601 week number and week-based year. */
static int iso_week(const struct tm *tm, long long *iso_year) {
  long long y = (long long)tm->tm_year + 1900;
  int wday = (tm->tm_wday + 6) % 7; /* Monday = 0 */
  int week = (tm->tm_yday - wday + 10) / 7;
  if (week < 1) {
    y--;
    int pyday = tm->tm_yday + 365 + leap(y);
    week = (pyday - wday + 10) / 7;
  } else {
    int days = 365 + leap(y);
    if (tm->tm_yday - wday + 3 >= days) { /* belongs to week 1 of next */
      week = 1;
      y++;
    }
  }
  *iso_year = y;
  return week;
}

static const char *safe(const char *const *names, int i, int n) {
  return i >= 0 && i < n ? names[i] : "?";
}

#define TMBUF 64

/* The conversions of the date (and %c, %s, %x); -1 if c is none of them. */
static long date_conv(int c, const struct tm *tm, char *b, const char **add) {
  long long year = (long long)tm->tm_year + 1900;
  size_t len;
  switch (c) {
  case 'a':
    len = (size_t)snprintf(b, TMBUF, "%.3s", safe(wday_name, tm->tm_wday, 7));
    break;
  case 'A':
    *add = safe(wday_name, tm->tm_wday, 7);
    len = strlen(*add);
    break;
  case 'b':
  case 'h':
    len = (size_t)snprintf(b, TMBUF, "%.3s", safe(mon_name, tm->tm_mon, 12));
    break;
  case 'B':
    *add = safe(mon_name, tm->tm_mon, 12);
    len = strlen(*add);
    break;
  case 'c':
    len = strftime(b, TMBUF, "%a %b %e %H:%M:%S %Y", tm);
    break;
  case 'C':
    /* glibc does not pad the century ("0" for year 1). */
    len = (size_t)snprintf(b, TMBUF, "%lld",
                           year >= 0 ? year / 100 : -((99 - year) / 100));
    break;
  case 'd':
    len = (size_t)snprintf(b, TMBUF, "%02d", tm->tm_mday);
    break;
  case 'D':
    len = strftime(b, TMBUF, "%m/%d/%y", tm);
    break;
  case 'e':
    len = (size_t)snprintf(b, TMBUF, "%2d", tm->tm_mday);
    break;
  case 'F':
    len = (size_t)snprintf(b, TMBUF, "%lld-%02d-%02d", year, tm->tm_mon + 1,
                           tm->tm_mday);
    break;
  case 'g':
  case 'G': {
    long long iy;
    iso_week(tm, &iy);
    if (c == 'g')
      len = (size_t)snprintf(b, TMBUF, "%02lld", (iy % 100 + 100) % 100);
    else
      len = (size_t)snprintf(b, TMBUF, "%lld", iy);
    break;
  }
  case 'j':
    len = (size_t)snprintf(b, TMBUF, "%03d", tm->tm_yday + 1);
    break;
  case 'm':
    len = (size_t)snprintf(b, TMBUF, "%02d", tm->tm_mon + 1);
    break;
  case 's':
    len = (size_t)snprintf(b, TMBUF, "%lld", __sfi_tm_to_secs(tm));
    break;
  case 'u':
    len = (size_t)snprintf(b, TMBUF, "%d", tm->tm_wday ? tm->tm_wday : 7);
    break;
  case 'U':
    len =
        (size_t)snprintf(b, TMBUF, "%02d", (tm->tm_yday + 7 - tm->tm_wday) / 7);
    break;
  case 'V': {
    long long iy;
    len = (size_t)snprintf(b, TMBUF, "%02d", iso_week(tm, &iy));
    break;
  }
  case 'w':
    len = (size_t)snprintf(b, TMBUF, "%d", tm->tm_wday);
    break;
  case 'W':
    len = (size_t)snprintf(b, TMBUF, "%02d",
                           (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7);
    break;
  case 'x':
    len = strftime(b, TMBUF, "%m/%d/%y", tm);
    break;
  case 'y':
    len = (size_t)snprintf(b, TMBUF, "%02lld", (year % 100 + 100) % 100);
    break;
  case 'Y':
    len = (size_t)snprintf(b, TMBUF, "%lld", year);
    break;
  default:
    return -1;
  }
  return (long)len;
}

/* The conversions of the time of day, zone and characters; -1 if c is none of
 * them. */
static long time_conv(int c, const struct tm *tm, char *b, const char **add) {
  int hour12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;
  size_t len;
  switch (c) {
  case 'H':
    len = (size_t)snprintf(b, TMBUF, "%02d", tm->tm_hour);
    break;
  case 'I':
    len = (size_t)snprintf(b, TMBUF, "%02d", hour12);
    break;
  case 'k':
    len = (size_t)snprintf(b, TMBUF, "%2d", tm->tm_hour);
    break;
  case 'l':
    len = (size_t)snprintf(b, TMBUF, "%2d", hour12);
    break;
  case 'M':
    len = (size_t)snprintf(b, TMBUF, "%02d", tm->tm_min);
    break;
  case 'n':
    *add = "\n";
    len = 1;
    break;
  case 'p':
    *add = tm->tm_hour < 12 ? "AM" : "PM";
    len = 2;
    break;
  case 'P':
    *add = tm->tm_hour < 12 ? "am" : "pm";
    len = 2;
    break;
  case 'r':
    len = strftime(b, TMBUF, "%I:%M:%S %p", tm);
    break;
  case 'R':
    len = strftime(b, TMBUF, "%H:%M", tm);
    break;
  case 'S':
    len = (size_t)snprintf(b, TMBUF, "%02d", tm->tm_sec);
    break;
  case 't':
    *add = "\t";
    len = 1;
    break;
  case 'T':
    len = strftime(b, TMBUF, "%H:%M:%S", tm);
    break;
  case 'X':
    len = strftime(b, TMBUF, "%H:%M:%S", tm);
    break;
  case 'z': {
    long off = tm->__tm_gmtoff;
    long a = off < 0 ? -off : off;
    len = (size_t)snprintf(b, TMBUF, "%c%02ld%02ld", off < 0 ? '-' : '+',
                           a / 3600, a % 3600 / 60);
    break;
  }
  case 'Z':
    *add = tm->__tm_zone ? tm->__tm_zone : "GMT";
    len = strlen(*add);
    break;
  default:
    return -1;
  }
  return (long)len;
}

size_t strftime(char *restrict s, size_t max, const char *restrict f,
                const struct tm *restrict tm) {
  size_t n = 0;
  char b[TMBUF];
  for (; *f; f++) {
    const char *add = b;
    size_t len;
    if (*f != '%') {
      b[0] = *f;
      len = 1;
      goto emit;
    }
    f++;
    while (*f == 'E' || *f == 'O' || *f == '_' || *f == '-' || *f == '0' ||
           *f == '^' || *f == '#')
      f++;
    long r;
    if (*f == '%') {
      add = "%";
      len = 1;
    } else if (*f == 0) {
      f--;
      add = "%";
      len = 1;
    } else if ((r = date_conv(*f, tm, b, &add)) >= 0 ||
               (r = time_conv(*f, tm, b, &add)) >= 0) {
      len = (size_t)r;
    } else {
      b[0] = '%';
      b[1] = *f;
      len = 2;
    }
  emit:
    if (n + len >= max)
      return 0;
    memcpy(s + n, add, len);
    n += len;
  }
  if (n >= max)
    return 0;
  s[n] = 0;
  return n;
}

char *asctime_r(const struct tm *restrict tm, char *restrict buf) {
  snprintf(buf, 26, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n",
           safe(wday_name, tm->tm_wday, 7), safe(mon_name, tm->tm_mon, 12),
           tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
           tm->tm_year + 1900);
  return buf;
}
char *asctime(const struct tm *tm) {
  static char buf[64];
  return asctime_r(tm, buf);
}
char *ctime_r(const time_t *t, char *buf) {
  struct tm tm;
  return localtime_r(t, &tm) ? asctime_r(&tm, buf) : 0;
}
char *ctime(const time_t *t) {
  struct tm *tm = localtime(t);
  return tm ? asctime(tm) : 0;
}
