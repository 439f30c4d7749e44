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
        .library(name: "GradCheckTesting", targets: ["GradCheckTesting"]),
        .library(name: "GradCheckSymbolic", targets: ["GradCheckSymbolic"]),
        .executable(name: "gradcheck", targets: ["gradcheck"]),
    ],
    targets: [
        .target(name: "GradCheckCore", swiftSettings: strictSettings),
        .target(name: "GradCheckForward", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .target(name: "GradCheckReverse", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .target(name: "GradCheckNumeric", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .target(name: "GradCheckSymbolic", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .target(name: "GradCheckSuites", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .target(name: "GradCheckAutoDiff", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .target(name: "GradCheckEngine", dependencies: ["GradCheckCore", "GradCheckNumeric"], swiftSettings: strictSettings),
        .target(
            name: "GradCheck",
            dependencies: [
                "GradCheckCore", "GradCheckEngine", "GradCheckForward", "GradCheckReverse", "GradCheckNumeric",
                "GradCheckSymbolic", "GradCheckAutoDiff", "GradCheckSuites",
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GradCheckReports",
            dependencies: ["GradCheckCore", "GradCheckEngine"],
            swiftSettings: strictSettings),
        .target(name: "GradCheckAllocationCounter"),
        .target(
            name: "GradCheckBench", dependencies: ["GradCheck", "GradCheckReports", "GradCheckAllocationCounter"],
            swiftSettings: strictSettings),
        .target(
            name: "GradCheckCLI", dependencies: ["GradCheck", "GradCheckReports", "GradCheckBench"],
            swiftSettings: strictSettings),
        .target(name: "GradCheckTesting", dependencies: ["GradCheck"], swiftSettings: strictSettings),
        .executableTarget(name: "gradcheck", dependencies: ["GradCheckCLI"], swiftSettings: strictSettings),
        .executableTarget(name: "gradcheck-faults", dependencies: ["GradCheck", "GradCheckCLI"], swiftSettings: strictSettings),

        .testTarget(name: "GradCheckCoreTests", dependencies: ["GradCheckCore"], swiftSettings: strictSettings),
        .testTarget(name: "GradCheckEngineTests", dependencies: ["GradCheckEngine"], swiftSettings: strictSettings),
        .target(
            name: "GradCheckTestFixtures", dependencies: ["GradCheckCore"], path: "Tests/GradCheckTestFixtures",
            swiftSettings: strictSettings),
        .testTarget(
            name: "GradCheckForwardTests",
            dependencies: ["GradCheckCore", "GradCheckEngine", "GradCheckForward", "GradCheckTestFixtures"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "GradCheckReverseTests",
            dependencies: [
                "GradCheckCore", "GradCheckEngine", "GradCheckReverse", "GradCheckAllocationCounter", "GradCheckTestFixtures",
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "GradCheckNumericTests", dependencies: ["GradCheck"], swiftSettings: strictSettings),
        .testTarget(
            name: "GradCheckSymbolicTests", dependencies: ["GradCheckEngine", "GradCheckSymbolic"], swiftSettings: strictSettings),
        .testTarget(name: "GradCheckTests", dependencies: ["GradCheck", "GradCheckReports"], swiftSettings: strictSettings),
        .testTarget(name: "GradCheckSuitesTests", dependencies: ["GradCheckSuites"], swiftSettings: strictSettings),
        .testTarget(
            name: "GradCheckCLITests", dependencies: ["GradCheckCLI", "gradcheck", "gradcheck-faults"],
            exclude: ["HostileSuites"], swiftSettings: strictSettings),
        .testTarget(
            name: "GradCheckReportsTests", dependencies: ["GradCheckReports", "GradCheck"], exclude: ["Golden"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "GradCheckTestingTests", dependencies: ["GradCheckTesting"], exclude: ["Golden"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "GradCheckBenchTests", dependencies: ["GradCheckBench", "GradCheckCLI"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
