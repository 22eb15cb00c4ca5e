import ArgumentParser
import Isnad

/// `isnad`: Arabic news into stories and who-said-what timelines.
@main
struct IsnadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isnad",
        abstract: "Group Arabic news into stories and tell who said what, and when.",
        discussion: """
            Exit status: 0 success; 1 failure (a file could not be written, an internal error); \
            3 finished, but some input records were rejected (see the rejects file); 64 usage error.
            """,
        version: versionText(),
        subcommands: [Ingest.self, Text.self, Run.self, Daily.self, StoreReport.self, Export.self, StoreCommand.self, Serve.self, Eval.self, Schema.self]
    )

    /// Sets up the allocator, then parses the arguments and runs the subcommand.
    static func main() {
        ProcessMemory.returnLargeBlocksWhenFreed()
        main(nil)
    }
}

/// The version line plus the BLAS library this binary runs on, for bug reports and benchmarks.
func versionText() -> String {
    """
    isnad \(isnadVersion)
    BLAS: \(BLAS.configuration)
    BLAS core: \(BLAS.coreName), threads: \(BLAS.threadCount)
    """
}

/// The release of this build.
let isnadVersion = "0.1.0"
