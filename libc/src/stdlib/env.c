/* env.c: environ, getenv/setenv/unsetenv/putenv/clearenv. sfi_start fills
 * environ from the system interface; setenv copies strings it owns. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

char **environ;
extern char **__environ __attribute__((alias("environ")));

char *getenv(const char *name) {
  size_t l = strchrnul(name, '=') - name;
  if (!l || name[l] || !environ)
    return 0;
  for (char **e = environ; *e; e++)
    if (!strncmp(name, *e, l) && (*e)[l] == '=')
      return *e + l + 1;
  return 0;
}

char *secure_getenv(const char *name) { return getenv(name); }

static char **owned; /* the array we allocated, if environ is ours */

static int put(char *entry, size_t namelen) {
  size_t n = 0;
  if (environ)
    for (; environ[n]; n++)
      if (!strncmp(environ[n], entry, namelen) && environ[n][namelen] == '=') {
        environ[n] = entry;
        return 0;
      }
  char **ne = malloc((n + 2) * sizeof *ne);
  if (!ne)
    return -1;
  if (n)
    memcpy(ne, environ, n * sizeof *ne);
  ne[n] = entry;
  ne[n + 1] = 0;
  free(owned);
  environ = owned = ne;
  return 0;
}

int putenv(char *s) {
  const char *eq = strchr(s, '=');
  if (!eq || eq == s) {
    errno = EINVAL;
    return -1;
  }
  return put(s, (size_t)(eq - s));
}

int setenv(const char *name, const char *val, int overwrite) {
  size_t l = strchrnul(name, '=') - name;
  if (!l || name[l]) {
    errno = EINVAL;
    return -1;
  }
  if (!overwrite && getenv(name))
    return 0;
  size_t vl = strlen(val);
  char *s = malloc(l + vl + 2);
  if (!s)
    return -1;
  memcpy(s, name, l);
  s[l] = '=';
  memcpy(s + l + 1, val, vl + 1);
  return put(s, l);
}

int unsetenv(const char *name) {
  size_t l = strchrnul(name, '=') - name;
  if (!l || name[l]) {
    errno = EINVAL;
    return -1;
  }
  if (!environ)
    return 0;
  char **w = environ;
  for (char **e = environ; *e; e++)
    if (!(!strncmp(name, *e, l) && (*e)[l] == '='))
      *w++ = *e;
  *w = 0;
  return 0;
}

int clearenv(void) {
  if (environ)
    environ[0] = 0;
  return 0;
}
