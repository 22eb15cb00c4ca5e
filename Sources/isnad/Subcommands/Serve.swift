import ArgumentParser
import Dispatch
import Foundation
import Isnad
import Synchronization

extension IsnadCommand {
    /// `isnad serve`: the workbench over a store.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the analyst's workbench over a story store: browse, search and compare, in a browser or from a notebook.",
            discussion: """
                A local web application, read-only: the day's report (/ and /day/YYYY-MM-DD), a \\
                story over its whole life (/story/ID), a speaker across stories (/speaker/NAME), an \\
                outlet's coverage (/outlet/NAME?from&to), search (/search?q=), and a JSON API under \\
                /api (docs/WORKBENCH.md). Bound to 127.0.0.1 unless --host says otherwise. Stops on \\
                Ctrl-C. A daily run may write to the store while it serves.
                """)

        @Option(help: "The story store: a SQLite file or a PostgreSQL URL (as for `isnad daily`).")
        var store: String

        @Option(help: "The address to listen on; 0.0.0.0 serves every network the machine is on.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on; 0 takes a free one (the line on standard error names it).")
        var port = 8080

        @Option(help: "The time zone every time is shown in: a zone name (Asia/Riyadh) or an offset (+03:00).")
        var timezone = "UTC"

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port \(port): expected 0 to 65535") }
            guard parseTimeZone(timezone) != nil else {
                throw ValidationError("--timezone \(timezone): expected a zone name (Asia/Riyadh, UTC) or an offset (+03:00)")
            }
        }

        func run() throws {
            let storyStore = try openStore(store, lockWait: 5, mustExist: true)
            let workbench = try failing { try Workbench(store: storyStore, timeZone: parseTimeZone(timezone) ?? TimeZone(identifier: "UTC")!) }
            // (Search is ready before the line that says where it listens.)
            try failing { try workbench.prepare() }
            let failure = Mutex<String?>(nil)
            let stopped = DispatchSemaphore(value: 0)
            let (host, port, store) = (host, port, store)
            Task {
                do {
                    try await WorkbenchServer.run(workbench, host: host, port: port) { address in
                        printError("serving \(store) at \(address) (Ctrl-C stops)")
                    }
                } catch {
                    failure.withLock { $0 = "cannot serve on \(host):\(port): \(WorkbenchServer.reason(error))" }
                }
                stopped.signal()
            }
            stopped.wait()
            if let message = failure.withLock({ $0 }) {
                printError(message)
                throw ExitCode.failure
            }
        }
    }
}
