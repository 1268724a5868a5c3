# Sourced by jobs/test: tests make their CMYK and greyscale JPEG fixtures with Debian's python3-pil
# (PIL writes them as cameras and ImageNet's files do, and its conversion is the reference).
# ensure_python_pil WHO: installs python3-pil when `python3 -c 'import PIL'` fails, saying so.
ensure_python_pil() {
  if /usr/bin/python3 -c 'import PIL' 2>/dev/null; then
    return 0
  fi
  echo "$1: PIL for python3 is missing; installing Debian's python3-pil" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q python3-pil >/dev/null
}
