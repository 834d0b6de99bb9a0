// swift-tools-version:6.2
import PackageDescription

/// The project's own targets treat every warning as an error: the build stays at zero warnings.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "pilotsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pilotsim", targets: ["pilotsim"]),
        .library(name: "PilotModel", targets: ["PilotModel"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "PilotReport", targets: ["PilotReport"]),
        .library(name: "PilotWorkflow", targets: ["PilotWorkflow"]),
        .library(name: "PilotServer", targets: ["PilotServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "PilotModel",
            dependencies: [.product(name: "Yams", package: "Yams")],
            exclude: ["README.md"],
            resources: [.embedInCode("Resources/haimen-baseline.yaml")],
            swiftSettings: strict
        ),
        .target(
            name: "Simulator",
            dependencies: ["CGSL", "PilotModel"],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "PilotReport",
            dependencies: [
                "PilotModel", "Simulator", "CXLSXWriter",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"],
            resources: [
                .embedInCode("Templates/report.html.mustache"),
                .embedInCode("Templates/fan-chart.svg.mustache"),
                .embedInCode("Templates/histogram.svg.mustache"),
                .embedInCode("Templates/tornado.svg.mustache"),
                .embedInCode("Templates/ecdf.svg.mustache"),
                .embedInCode("Templates/sobol.svg.mustache"),
                .embedInCode("Templates/sweep.svg.mustache"),
                .embedInCode("Templates/desk-form.html.mustache"),
                .embedInCode("Templates/desk-page.html.mustache"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PilotWorkflow",
            dependencies: ["PilotModel", "Simulator", "PilotReport"],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "PilotServer",
            dependencies: [
                "PilotModel", "Simulator", "PilotReport", "PilotWorkflow",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "pilotsim",
            dependencies: [
                "PilotModel",
                "Simulator",
                "PilotReport",
                "PilotWorkflow",
                "PilotServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .executableTarget(name: "pilotsim-bench", dependencies: ["Simulator", "CGSL"], swiftSettings: strict),
        .target(name: "TestSupport", dependencies: ["PilotModel"], path: "Tests/Support", swiftSettings: strict),
        .testTarget(name: "PilotModelTests", dependencies: ["PilotModel", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "PilotModel", "CGSL", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PilotReportTests", dependencies: ["PilotReport", "PilotModel", "Simulator", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "PilotWorkflowTests", dependencies: ["PilotWorkflow", "PilotModel", "Simulator", "PilotReport", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "PilotServerTests",
            dependencies: [
                "PilotServer", "PilotWorkflow", "PilotModel", "Simulator", "PilotReport", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ], swiftSettings: strict),
        .testTarget(
            name: "pilotsimTests",
            dependencies: [
                "pilotsim", "PilotModel", "Simulator", "PilotReport", "PilotServer", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ], swiftSettings: strict),
    ]
)
