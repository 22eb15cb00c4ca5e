import ArgumentParser
import Isnad

extension IsnadCommand {
    /// `isnad store`: commands on a story store as a whole.
    struct StoreCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "store", abstract: "Work on a story store as a whole.", subcommands: [Copy.self])

        /// `isnad store copy`: a store into a new one, SQLite to PostgreSQL or back.
        struct Copy: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Copy a story store into a new one: a SQLite file into a PostgreSQL database, or back.",
                discussion: """
                    Copies every table exactly (article positions, run numbers, story ids, merges, \\
                    statements, vocabulary) in one transaction, so an export of either store gives the \\
                    same tables. The target must hold no article and no run: a new SQLite file, or a \\
                    PostgreSQL database that exists and is empty; a target that holds articles is \\
                    refused (exit status 1) and left as it is.
                    """)

            @Option(help: "The store to copy: a SQLite file or a PostgreSQL URL.")
            var from: String

            @Option(help: "The store to copy into: a new SQLite file, or an empty PostgreSQL database (URL).")
            var to: String

            @Option(help: "Seconds to wait while another run holds either store's lock before giving up.")
            var lockWait: Double = 60

            func validate() throws {
                guard lockWait >= 0 else { throw ValidationError("--lock-wait cannot be negative") }
            }

            func run() throws {
                let source = try openStore(from, lockWait: lockWait, mustExist: true)
                let target = try openStore(to, lockWait: lockWait, mustExist: false)
                let copied = try failing { try target.copy(from: source) }
                let counts = copied.map { "\($0.rows) \($0.table)" }.joined(separator: ", ")
                printError("copied \(source.path) into \(target.path): \(counts)")
            }
        }
    }
}
