# Sourced by jobs/bench-reference and jobs/test: the PyTorch reference runs on Debian's python3-torch.
# ensure_python_torch WHO: installs python3-torch when `python3 -c 'import torch'` fails, saying so.
. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"
ensure_python_torch() {
  if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    return 0
  fi
  apt_install "$1" "PyTorch for python3" python3-torch
}
