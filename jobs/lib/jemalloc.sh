# Sourced by jobs/test: MOOD_NAS_ALLOCATOR=jemalloc runs on Debian's libjemalloc2.
# ensure_jemalloc WHO: installs libjemalloc2 when libjemalloc.so.2 is missing, saying so.
. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"
. "$(dirname "${BASH_SOURCE[0]}")/library.sh"
ensure_jemalloc() {
  if [ -n "$(shared_library libjemalloc.so.2)" ]; then
    return 0
  fi
  apt_install "$1" "libjemalloc.so.2" libjemalloc2
}
