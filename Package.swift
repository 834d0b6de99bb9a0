// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pilotsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pilotsim", targets: ["pilotsim"]),
        .library(name: "PilotModel", targets: ["PilotModel"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "PilotReport", targets: ["PilotReport"]),
        .library(name: "PilotWorkflow", targets: ["PilotWorkflow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
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
            resources: [.embedInCode("Resources/haimen-baseline.yaml")]
        ),
        .target(
            name: "Simulator",
            dependencies: ["CGSL", "PilotModel"]
        ),
        .target(
            name: "PilotReport",
            dependencies: [
                "PilotModel", "Simulator", "CXLSXWriter",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [
                .embedInCode("Templates/report.html.mustache"),
                .embedInCode("Templates/fan-chart.svg.mustache"),
                .embedInCode("Templates/histogram.svg.mustache"),
                .embedInCode("Templates/tornado.svg.mustache"),
                .embedInCode("Templates/ecdf.svg.mustache"),
                .embedInCode("Templates/sobol.svg.mustache"),
                .embedInCode("Templates/sweep.svg.mustache"),
            ]
        ),
        .target(
            name: "PilotWorkflow",
            dependencies: ["PilotModel", "Simulator", "PilotReport"]
        ),
        .executableTarget(
            name: "pilotsim",
            dependencies: [
                "PilotModel",
                "Simulator",
                "PilotReport",
                "PilotWorkflow",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(name: "pilotsim-bench", dependencies: ["Simulator", "CGSL"]),
        .target(name: "TestSupport", dependencies: ["PilotModel"], path: "Tests/Support"),
        .testTarget(name: "PilotModelTests", dependencies: ["PilotModel", "TestSupport"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "PilotModel", "CGSL", "TestSupport"]),
        .testTarget(name: "PilotReportTests", dependencies: ["PilotReport", "PilotModel", "Simulator", "TestSupport"]),
        .testTarget(name: "PilotWorkflowTests", dependencies: ["PilotWorkflow", "PilotModel", "Simulator", "PilotReport", "TestSupport"]),
        .testTarget(name: "pilotsimTests", dependencies: ["pilotsim", "PilotModel", "Simulator", "PilotReport", "TestSupport"]),
    ]
)
