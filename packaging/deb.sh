#!/usr/bin/env bash
# Builds a Debian package: release binary, man page, completions, the systemd unit (with
# /usr/bin paths) and the example config. Needs cargo-deb (`cargo install cargo-deb --locked`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release
mkdir -p target/assets
bin=target/release/claimwatch
"$bin" man | gzip -9n > target/assets/claimwatch.1.gz
"$bin" completions bash > target/assets/claimwatch.bash
"$bin" completions zsh > target/assets/_claimwatch
"$bin" completions fish > target/assets/claimwatch.fish
# The packaged binary lives in /usr/bin; cargo-deb picks the unit up from packaging/debian/.
sed 's#/usr/local/bin/claimwatch#/usr/bin/claimwatch#g' systemd/claimwatch.service > packaging/debian/claimwatch.service
cargo deb --no-build "$@"
