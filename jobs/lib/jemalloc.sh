# Sourced by jobs/test: MOOD_NAS_ALLOCATOR=jemalloc runs on Debian's libjemalloc2.
# ensure_jemalloc WHO: installs libjemalloc2 when libjemalloc.so.2 is missing, saying so.
. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"
ensure_jemalloc() {
  if ldconfig -p 2>/dev/null | grep 'libjemalloc\.so\.2 ' >/dev/null; then  # no -q: an early exit would SIGPIPE ldconfig under pipefail
    return 0
  fi
  apt_install "$1" "libjemalloc.so.2" libjemalloc2
}
