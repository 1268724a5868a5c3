# Sourced by the launcher and the allocator helpers: where the dynamic linker finds a library.
# shared_library NAME: prints the path of NAME (e.g. libjemalloc.so.2) from ldconfig's cache, or
# nothing. awk reads the listing to the end: exiting at the first match could kill ldconfig with
# SIGPIPE, and under pipefail the caller would end with status 141.
shared_library() {
  ldconfig -p 2>/dev/null | awk -v lib="$1" '$1 == lib && !found {print $NF; found = 1}'
}
