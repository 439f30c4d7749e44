// swift-tools-version: 6.0
import PackageDescription

/// An example of a project that tests the hand-written backpropagation of a small neural network with
/// GradCheck, naming each parameter by its layer (`W2[0,3]`) through a parameter layout.
///
/// The dependency is by path to this repository's root, as in `Examples/LossCheck`; `name: "GradCheck"`
/// gives the dependency the identity the product reference below uses.
let package = Package(
    name: "MLPCheck",
    dependencies: [
        .package(name: "GradCheck", path: "../.."),
    ],
    targets: [
        .target(name: "MLPCheck"),
        .testTarget(
            name: "MLPCheckTests",
            dependencies: ["MLPCheck", .product(name: "GradCheckTesting", package: "GradCheck")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
