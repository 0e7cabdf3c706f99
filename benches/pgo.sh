#!/usr/bin/env bash
# Builds newsgraph with profile-guided optimisation, for big archives:
#   1. an instrumented build (profile release-lto, -Cprofile-generate) in target/pgo-gen;
#   2. a training run of every stage and every export over the project's own sample articles
#      (corpus/, recombined to a few megabytes with ../shared/bench/make_corpus.py when it is
#      there): not the benchmark's corpus, which is made from ../shared/corpus/seeds;
#   3. the optimised build (release-lto, -Cprofile-use) in target/pgo.
# Prints the path of the binary: target/pgo/release-lto/newsgraph.
#
# Needs llvm-profdata of the LLVM version rustc is built on (rustc -vV). On Debian:
#   apt-get update && apt-get install llvm-22   (for rustc's LLVM 22; it installs
#   /usr/lib/llvm-22/bin/llvm-profdata; a fresh machine's package lists lack it until the update)
#
# usage: benches/pgo.sh [--train-mb MB]   (default 8)
set -euo pipefail
cd "$(dirname "$0")/.."
train_mb=8
if [ "${1:-}" = "--train-mb" ] && [ -n "${2:-}" ]; then
  train_mb=$2
fi

llvm_major=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
profdata=""
for p in "llvm-profdata-$llvm_major" "/usr/lib/llvm-$llvm_major/bin/llvm-profdata" \
  "$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/llvm-profdata"; do
  if command -v "$p" >/dev/null 2>&1; then
    profdata=$p
    break
  fi
done
if [ -z "$profdata" ]; then
  echo "pgo.sh: no llvm-profdata for LLVM $llvm_major (rustc's); on Debian: apt-get update && apt-get install llvm-$llvm_major" >&2
  exit 1
fi

work=target/pgo-work
rm -rf "$work"
mkdir -p "$work/profiles"
profiles=$(pwd)/$work/profiles

echo "pgo.sh: instrumented build (target/pgo-gen)" >&2
RUSTFLAGS="-Cprofile-generate=$profiles" cargo build --profile release-lto --locked --target-dir target/pgo-gen >&2
# Build scripts are instrumented too: only the training run's profiles count.
rm -f "$profiles"/*.profraw

train=corpus
if [ -f ../shared/bench/make_corpus.py ]; then
  python3 ../shared/bench/make_corpus.py corpus "$work/train" "$train_mb" >/dev/null
  train="$work/train"
fi
echo "pgo.sh: training on $train and corpus/" >&2
target/pgo-gen/release-lto/newsgraph build "$train" --out "$work/out" --quiet
target/pgo-gen/release-lto/newsgraph build corpus --out "$work/out" --quiet -j 1
"$profdata" merge -o "$work/merged.profdata" "$profiles"

echo "pgo.sh: optimised build (target/pgo)" >&2
RUSTFLAGS="-Cprofile-use=$(pwd)/$work/merged.profdata -Cllvm-args=-pgo-warn-missing-function=false" \
  cargo build --profile release-lto --locked --target-dir target/pgo >&2
rm -rf "$work/train" "$work/out"
echo target/pgo/release-lto/newsgraph
