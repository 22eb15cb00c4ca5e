// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Isnad",
    products: [
        .library(name: "Isnad", targets: ["Isnad"]),
        .executable(name: "isnad", targets: ["isnad"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // MARK: - C shims (system libraries)
        .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CPrefetch"),

        // MARK: - Pipeline stages
        .target(name: "LinearAlgebra", dependencies: ["COpenBLAS"]),
        .target(name: "ArabicText", dependencies: ["CPrefetch"]),
        .target(name: "Ingest", dependencies: ["CZlib", "ArabicText"]),
        .target(name: "Vectors", dependencies: ["ArabicText", "LinearAlgebra"]),
        .target(name: "Stories", dependencies: ["Vectors", "Ingest"]),
        .target(name: "Statements", dependencies: ["ArabicText", "Ingest"]),
        .target(name: "Timeline", dependencies: ["Statements", "Ingest", "ArabicText"]),
        .target(
            name: "Reporting",
            dependencies: ["ArabicText", "Ingest", "Stories", "Statements", "Timeline", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "Store",
            dependencies: ["Ingest", "Vectors", "Stories", "Statements", .product(name: "GRDB", package: "GRDB.swift")]
        ),

        // MARK: - Umbrella
        .target(name: "Isnad", dependencies: ["CMalloc", "LinearAlgebra", "Ingest", "ArabicText", "Vectors", "Stories", "Statements", "Timeline", "Reporting", "Store"]),

        // MARK: - Command-line tool and benchmark
        .executableTarget(
            name: "isnad",
            dependencies: ["Isnad", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "isnad-bench", dependencies: ["Isnad"], exclude: ["text_baseline.py"]),

        // MARK: - Tests
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"]),
        .testTarget(name: "ArabicTextTests", dependencies: ["ArabicText", "Ingest"]),
        .testTarget(name: "VectorsTests", dependencies: ["Vectors"]),
        .testTarget(name: "StoriesTests", dependencies: ["Stories", "Ingest", "ArabicText"]),
        .testTarget(name: "StatementsTests", dependencies: ["Statements", "Ingest", "ArabicText"]),
        .testTarget(name: "TimelineTests", dependencies: ["Timeline", "Statements", "Ingest"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Stories", "Statements", "Timeline", "Ingest"], exclude: ["browser_check.py"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Stories", "Ingest", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "IsnadTests", dependencies: ["Isnad"]),
        .testTarget(name: "CLITests", dependencies: ["isnad", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
