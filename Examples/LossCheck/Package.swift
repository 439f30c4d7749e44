// swift-tools-version: 6.0
import PackageDescription

/// An example of a project that tests its hand-written gradient with GradCheck.
///
/// The dependency is by path to this repository's root. `name: "GradCheck"` gives the dependency the
/// identity the product reference below uses; without it the identity would be the name of the
/// directory the repository happens to be checked out in.
let package = Package(
    name: "LossCheck",
    dependencies: [
        .package(name: "GradCheck", path: "../.."),
    ],
    targets: [
        .target(name: "LossCheck"),
        .testTarget(
            name: "LossCheckTests",
            dependencies: ["LossCheck", .product(name: "GradCheckTesting", package: "GradCheck")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
