#!/usr/bin/env bash
# Builds and runs CI/numerics-names/main.swift in a scratch package that depends on this repository (by
# path) and on apple/swift-numerics: the one-file check that GradCheck's vocabulary and swift-numerics'
# can be imported together without an ambiguous name. GradCheck itself never depends on swift-numerics.
#
# Exit status: 0 when the file builds and runs; 1 when it does not; 0 with a notice when swift-numerics
# cannot be fetched (no network and no local copy), since then nothing can be checked.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Sources/NumericsNames"
cp "$root/CI/numerics-names/main.swift" "$work/Sources/NumericsNames/main.swift"
cat >"$work/Package.swift" <<MANIFEST
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "NumericsNames",
    dependencies: [
        .package(name: "GradCheck", path: "$root"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
    ],
    targets: [
        .executableTarget(name: "NumericsNames", dependencies: [
            .product(name: "GradCheckTesting", package: "GradCheck"),
            .product(name: "Numerics", package: "swift-numerics"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
MANIFEST
if ! (cd "$work" && swift package resolve >"$work/resolve.log" 2>&1); then
    echo "notice: swift-numerics could not be fetched; the names check was skipped:"
    tail -n 3 "$work/resolve.log"
    exit 0
fi
cd "$work"
if ! swift build >"$work/build.log" 2>&1; then
    grep -E "error" "$work/build.log" | sort -u >&2
    echo "error: CI/numerics-names/main.swift does not build: GradCheckTesting and Numerics collide (above)" >&2
    exit 1
fi
swift run --skip-build NumericsNames
