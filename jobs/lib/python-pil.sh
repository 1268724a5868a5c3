# Sourced by jobs/test: tests make their CMYK and greyscale JPEG fixtures with Debian's python3-pil
# (PIL writes them as cameras and ImageNet's files do, and its conversion is the reference).
# ensure_python_pil WHO: installs python3-pil when `python3 -c 'import PIL'` fails, saying so.
. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"
ensure_python_pil() {
  if /usr/bin/python3 -c 'import PIL' 2>/dev/null; then
    return 0
  fi
  apt_install "$1" "PIL for python3" python3-pil
}
