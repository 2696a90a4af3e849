import ArgumentParser

/// The exit codes documented in `integraph --help`.
enum ExitStatus {
    static let modelHasErrors = ExitCode(1)
    static let unreadableInput = ExitCode(2)
    static let outputFailed = ExitCode(3)
}
