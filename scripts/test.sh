#!/usr/bin/env bash
# The one test command: sets up the virtual environment, the services the tests need
# (PostgreSQL, Chromium) where it can, then runs the whole test suite with its quality floors.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e '.[test]'
if [ -f scripts/test-services.sh ]; then
  # shellcheck source=/dev/null
  source scripts/test-services.sh
fi
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
