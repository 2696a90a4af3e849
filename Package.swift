// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Integraph",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Integraph", targets: ["Integraph"]),
        .library(name: "IntegraphGraphviz", targets: ["IntegraphGraphviz"]),
        .executable(name: "integraph", targets: ["integraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", "1.8.0"..<"1.9.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // CSV for `integraph import csv` (spreadsheet exports): quoting, embedded commas and newlines.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // A min-max heap for the capacity plan's event queue and per-team ready queues.
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // SHA-256 for the report's model fingerprint and its script's Content-Security-Policy hash.
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        // Property checks with shrinking for the graph algorithms' tests (tests only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // libgvc/libcgraph from Debian's libgraphviz-dev; the shim hides the C API's
        // non-const `char *` parameters and mutable globals from Swift 6.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // The core: model, reading, validation, graph algorithms. Knows nothing of Graphviz.
        .target(
            name: "Integraph",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "SwiftCSV", package: "SwiftCSV"),
                           .product(name: "HeapModule", package: "swift-collections"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Styling, layout and rendering through libgvc: the only target that imports CGraphviz.
        .target(
            name: "IntegraphGraphviz",
            dependencies: ["Integraph", "CGraphviz"]
        ),
        .executableTarget(
            name: "integraph",
            dependencies: [
                "Integraph",
                "IntegraphGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-mode timings of loading and of each analysis on generated landscapes;
        // kept apart from the tests, which never time anything.
        .executableTarget(
            name: "integraph-benchmarks",
            dependencies: ["Integraph", "IntegraphGraphviz"],
            path: "Benchmarks/IntegraphBenchmarks"
        ),
        // A tool of one's own on the public API: built without package access, so it stops
        // compiling if anything a library user needs is not public. Tests run it.
        .executableTarget(
            name: "integraph-library-example",
            dependencies: ["Integraph", "IntegraphGraphviz"],
            path: "Examples/swift-library",
            exclude: ["README.md"],
            packageAccess: false
        ),
        .testTarget(
            name: "IntegraphTests",
            dependencies: ["Integraph", .product(name: "PropertyBased", package: "swift-property-based")],
            // Real Compose files and manifests the import tests read from disk, by path.
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "IntegraphGraphvizTests", dependencies: ["IntegraphGraphviz", "Integraph"]),
        // Runs the built `integraph` binary and the walkthroughs under Examples/, and the
        // benchmark binary for measurements that need a process of their own (memory).
        .testTarget(name: "IntegraphCLITests", dependencies: ["integraph", "integraph-benchmarks", "integraph-library-example"], exclude: ["Fixtures", "Golden"]),
    ]
)
