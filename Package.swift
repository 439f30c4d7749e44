// swift-tools-version: 6.0
import PackageDescription

/// GradCheck: a registry of differentiation strategies checked against a corpus of test functions.
///
/// Zero third-party dependencies: only Foundation, Swift Testing, XCTest and (where the toolchain has it)
/// `_Differentiation`.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "GradCheck",
    products: [
        .library(name: "GradCheck", targets: ["GradCheck"]),
        .executable(name: "gradcheck", targets: ["gradcheck"]),
    ],
    targets: [
        .target(name: "GradCheckCore", swiftSettings: strictSettings),
        .target(name: "GradCheckForward", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .target(name: "GradCheckReverse", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .target(name: "GradCheckNumeric", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .target(name: "GradCheckSuites", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .target(
            name: "GradCheck",
            dependencies: ["GradCheckCore", "GradCheckForward", "GradCheckReverse", "GradCheckNumeric"],
            swiftSettings: strictSettings
        ),
        .target(name: "GradCheckCLI", dependencies: ["GradCheck"], swiftSettings: strictSettings),
        .executableTarget(name: "gradcheck", dependencies: ["GradCheckCLI"], swiftSettings: strictSettings),

        .testTarget(name: "GradCheckCoreTests", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .testTarget(name: "GradCheckForwardTests", dependencies: ["GradCheck"], swiftSettings: strictSettings),
        .testTarget(name: "GradCheckReverseTests", dependencies: ["GradCheck"], swiftSettings: strictSettings),
        .testTarget(name: "GradCheckNumericTests", dependencies: ["GradCheck"], swiftSettings: strictSettings),
        .testTarget(
            name: "GradCheckSuitesTests", dependencies: ["GradCheckSuites"], swiftSettings: strictSettings),
        .testTarget(name: "GradCheckTests", dependencies: ["GradCheck"], swiftSettings: strictSettings),
        .testTarget(name: "GradCheckCLITests", dependencies: ["GradCheckCLI"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
