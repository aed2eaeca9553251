#!/usr/bin/env bash
# Installs whatever is missing, builds the release app and serves it.
#   scripts/serve.sh            # http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/install-tools.sh
cargo fetch --quiet
trunk build --release
PORT="${PORT:-8080}"
echo
echo "Article Explorer is running at http://127.0.0.1:${PORT}/   (Ctrl+C stops it)"
echo
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
