# Sourced by jobs/test: the launcher trains evaluation networks on Debian's libtcmalloc-minimal4
# when it is installed (MOOD_NAS_ALLOCATOR=auto; see jobs/mood-nas), and tests check it does.
# ensure_tcmalloc WHO: installs libtcmalloc-minimal4 when libtcmalloc_minimal.so.4 is missing.
. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"
. "$(dirname "${BASH_SOURCE[0]}")/library.sh"
ensure_tcmalloc() {
  if [ -n "$(shared_library libtcmalloc_minimal.so.4)" ]; then
    return 0
  fi
  apt_install "$1" "libtcmalloc_minimal.so.4" libtcmalloc-minimal4
}
