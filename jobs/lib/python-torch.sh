# Sourced by jobs/bench-reference and jobs/test: the PyTorch reference runs on Debian's python3-torch.
# ensure_python_torch WHO: installs python3-torch when `python3 -c 'import torch'` fails, saying so.
ensure_python_torch() {
  if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    return 0
  fi
  echo "$1: PyTorch for python3 is missing; installing Debian's python3-torch" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q python3-torch >/dev/null
}
