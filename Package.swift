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
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // MARK: - C shims (system libraries)
        .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CPrefetch"),

        // MARK: - What the stages share and users do not see (`package` access)
        .target(name: "Support", dependencies: ["CPrefetch"]),

        // MARK: - Pipeline stages
        .target(name: "LinearAlgebra", dependencies: ["COpenBLAS"]),
        .target(name: "ArabicText", dependencies: ["CPrefetch", "Support"], resources: [.copy("Lexicons")]),
        .target(name: "Ingest", dependencies: ["ArabicText", "CZlib", "Support"]),
        .target(name: "Vectors", dependencies: ["ArabicText", "LinearAlgebra", "Support"]),
        .target(name: "Stories", dependencies: ["ArabicText", "Ingest", "Support", "Vectors"], resources: [.copy("Frequencies")]),
        .target(name: "Statements", dependencies: ["ArabicText", "Ingest", "Support"], resources: [.copy("Lexicons")]),
        .target(name: "Timeline", dependencies: ["ArabicText", "Ingest", "Statements", "Support"]),
        .target(
            name: "Reporting",
            dependencies: [
                "ArabicText", "Ingest", "Statements", "Stories", "Support", "Timeline", "Vectors", .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates"), .copy("Lexicons")]
        ),
        .target(
            name: "Store",
            dependencies: [
                "ArabicText", "Ingest", "Statements", "Stories", "Support", "Vectors", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(name: "Pipeline", dependencies: ["Ingest", "Reporting", "Statements", "Store", "Stories", "Support", "Timeline", "Vectors"]),

        // MARK: - The workbench (`isnad serve`)
        .target(
            name: "Workbench",
            dependencies: [
                "ArabicText", "Ingest", "Pipeline", "Reporting", "Statements", "Store", "Stories", "Support", "Timeline",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Templates")]
        ),

        // MARK: - Umbrella
        .target(
            name: "Isnad",
            dependencies: [
                "ArabicText", "CMalloc", "Ingest", "LinearAlgebra", "Pipeline", "Reporting", "Statements", "Store", "Stories", "Timeline", "Vectors",
                "Workbench",
            ]
        ),

        // MARK: - Command-line tool and benchmark
        .executableTarget(
            name: "isnad",
            dependencies: ["Isnad", "Support", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "isnad-bench", dependencies: ["Isnad", "Support"], exclude: ["text_baseline.py"]),

        // MARK: - Fuzzing (`make fuzz` links it with libFuzzer; docs/FUZZING.md)
        .target(name: "Fuzzing", dependencies: ["ArabicText", "Ingest", "Statements"], exclude: ["seed_corpora.py"]),

        // MARK: - Tests
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["TestSupport", "LinearAlgebra"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Support", "TestSupport"]),
        .testTarget(name: "ArabicTextTests", dependencies: ["TestSupport", "ArabicText", "Ingest"]),
        .testTarget(name: "VectorsTests", dependencies: ["ArabicText", "TestSupport", "Vectors"]),
        .testTarget(name: "StoriesTests", dependencies: ["ArabicText", "Ingest", "Stories", "TestSupport", "Vectors"]),
        .testTarget(name: "StatementsTests", dependencies: ["TestSupport", "Statements", "Ingest", "ArabicText"]),
        .testTarget(name: "TimelineTests", dependencies: ["TestSupport", "Timeline", "Statements", "Ingest"]),
        .testTarget(
            name: "ReportingTests", dependencies: ["Ingest", "Pipeline", "Reporting", "Statements", "Stories", "TestSupport", "Timeline"],
            exclude: ["browser_check.py"]),
        .testTarget(
            name: "StoreTests", dependencies: ["Ingest", "Pipeline", "Store", "Stories", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SupportTests", dependencies: ["Support", "TestSupport"]),
        .testTarget(name: "IsnadTests", dependencies: ["Isnad", "TestSupport"]),
        .testTarget(name: "PipelineTests", dependencies: ["Ingest", "Pipeline", "Reporting", "Statements", "Stories", "Support", "TestSupport", "Timeline"]),
        .testTarget(
            name: "WorkbenchTests",
            dependencies: ["Ingest", "Pipeline", "Store", "TestSupport", "Workbench", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "isnad", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
