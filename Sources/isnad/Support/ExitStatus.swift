import ArgumentParser

extension ExitCode {
    /// The run finished, but some input records were rejected and written to the rejects file.
    static let rejectedRecords = ExitCode(3)
}
