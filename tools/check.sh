#!/bin/sh
# Installs whatever building and testing need and is missing, then runs every test under the
# sanitizers. The last line is "N passed, N failed". This is the project's one test command.
set -eu
cd "$(dirname "$0")/.."
sh tools/setup.sh test
exec make check
