#!/usr/bin/env bash
# The project's CI job: build (a compiler warning fails the job), run the test suite (the README's test
# command), then run the main job end to end with the debug binary (timings are skipped: debug timings
# mean nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== swift build --build-tests"
if ! swift build --build-tests >"$log" 2>&1; then
    cat "$log"
    exit 1
fi
tail -n 1 "$log"
if grep -q "warning:" "$log"; then
    grep -A 3 "warning:" "$log" >&2
    echo "error: the build has compiler warnings (see above)" >&2
    exit 1
fi

echo "== swift test"
swift test

# The example packages that use GradCheckTesting by path, as projects of their own would: a logistic
# loss, and an MLP with hand-written backpropagation checked through a parameter layout (its failure text
# for an off-by-one is pinned by one of its tests).
for example in LossCheck MLPCheck; do
    echo "== swift test --package-path Examples/$example"
    swift test --package-path "Examples/$example"
done

# GradCheckTesting and swift-numerics imported together: no ambiguous name (skipped, with a notice, when
# swift-numerics cannot be fetched).
echo "== CI/check-numerics-names.sh"
bash CI/check-numerics-names.sh

echo "== gradcheck run"
swift run gradcheck run --no-timing --report-dir reports

echo "== gradcheck report (the saved JSON re-rendered)"
swift run gradcheck report reports/gradcheck.json --format markdown >/dev/null
