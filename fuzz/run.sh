#!/usr/bin/env bash
# Builds the fuzz targets and runs each for SECONDS (default 30) from its
# seed corpus in fuzz/corpus/<target>/; fails when a target finds a crash
# (the input is left in fuzz/artifacts/<target>/).
#   bash fuzz/run.sh [SECONDS] [TARGET…]
#
# Needs no `cargo install cargo-fuzz`: cargo is called with the flags
# cargo-fuzz passes (libFuzzer's coverage instrumentation and
# AddressSanitizer). Those flags are unstable: an installed nightly
# toolchain is used when there is one, else the stable toolchain with
# RUSTC_BOOTSTRAP=1 (FUZZ_STABLE=1 chooses that route).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-30}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(plan overview_quick_pass followup keymap import overview_cache)
fi

toolchain=()
# FUZZ_STABLE=1 takes the stable route even where a nightly is installed
# (what a fresh CI machine does).
if [ "${FUZZ_STABLE:-0}" != 1 ] && command -v rustup >/dev/null 2>&1 \
  && rustup run nightly rustc --version >/dev/null 2>&1; then
  toolchain=(+nightly)
  echo "fuzz: the installed nightly toolchain ($(rustup run nightly rustc --version))"
else
  export RUSTC_BOOTSTRAP=1
  echo "fuzz: the stable toolchain with RUSTC_BOOTSTRAP=1 ($(rustc --version))"
fi
triple=$(rustc "${toolchain[@]}" -vV | sed -n 's/^host: //p')
target_dir=${CARGO_TARGET_DIR:-$PWD/../target}/fuzz

# What cargo-fuzz passes (its `BuildOptions` defaults, release mode),
# except one codegen unit: the build stays within CI's minutes.
export RUSTFLAGS="-Cpasses=sancov-module \
  -Cllvm-args=-sanitizer-coverage-level=4 \
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
  -Cllvm-args=-sanitizer-coverage-pc-table \
  -Cllvm-args=-sanitizer-coverage-trace-compares \
  -Cllvm-args=-simplifycfg-branch-fold-threshold=0 \
  -Cllvm-args=-sanitizer-coverage-stack-depth \
  --cfg fuzzing -Clink-dead-code -Zsanitizer=address \
  -Cdebug-assertions -Coverflow-checks"
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_odr_violation=0
# --target keeps these flags away from build scripts and proc macros.
cargo "${toolchain[@]}" build --locked --release --target "$triple" \
  --target-dir "$target_dir" --bins
unset RUSTFLAGS

failed=()
for t in "${targets[@]}"; do
  bin=$target_dir/$triple/release/$t
  work=$(mktemp -d)
  mkdir -p "artifacts/$t" "corpus/$t"
  echo "fuzz: $t for ${seconds} s"
  # New inputs go to the first (temporary) corpus folder; the seeds stay.
  if ! "$bin" "$work" "corpus/$t" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 \
    -artifact_prefix="artifacts/$t/" 2>"$work.log"; then
    tail -n 60 "$work.log"
    failed+=("$t")
  else
    grep -E '^(Done|stat::number_of_executed_units)' "$work.log" || true
  fi
  rm -rf "$work" "$work.log"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashes found by: ${failed[*]} (inputs in fuzz/artifacts/)"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets ran ${seconds} s each, no crash"
