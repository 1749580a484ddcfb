# tests/realworld/fetch.sh: fetching Debian 12 source packages, shared by
# run.sh and examples/zlib (source it; bash).
#
#   fetch_source PKG DLDIR   sets DSC to PKG's .dsc in DLDIR, downloading it
#                            with `apt-get source --download-only` the first
#                            time (DLDIR is a cache); returns 1 with a
#                            message (prefixed $FETCH_WHO) when it cannot
#                            be fetched
#   unpack_source DSC DIR    a fresh dpkg-source -x of DSC into DIR (the
#                            package as Debian ships it, patches applied)
#
# Sources need a deb-src entry for bookworm (scripts/install-deps.sh adds
# it) and network access the first time. Several fetchers may share DLDIR
# at once (ctest -j): a lock file in DLDIR serialises them.

fetch_source() {
  local pkg=$1 dl=$2 fd
  mkdir -p "$dl" || return 1
  exec {fd}>"$dl/.fetch.lock"
  flock "$fd"
  DSC=$(ls "$dl/${pkg}"_*.dsc 2>/dev/null | head -n1)
  if [ -z "$DSC" ]; then
    (cd "$dl" && apt-get source --download-only "$pkg") \
      >"$dl/$pkg.fetch.log" 2>&1
    DSC=$(ls "$dl/${pkg}"_*.dsc 2>/dev/null | head -n1)
  fi
  flock -u "$fd"
  exec {fd}>&-
  if [ -z "$DSC" ]; then
    echo "${FETCH_WHO:-fetch.sh}: FAILED to fetch the source of '$pkg' with apt-get source." >&2
    echo "  Needs network access and a deb-src entry for bookworm (run" >&2
    echo "  scripts/install-deps.sh, then apt-get update). Log:" >&2
    sed 's/^/  | /' "$dl/$pkg.fetch.log" | tail -n 8 >&2
    return 1
  fi
}

unpack_source() {
  rm -rf "$2"
  dpkg-source --no-check -x "$1" "$2" >/dev/null 2>&1
}
