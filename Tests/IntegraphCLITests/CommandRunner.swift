import Foundation

/// Runs the built `integraph` binary, as a user would.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary SwiftPM built beside this test bundle.
    static let binary = built("integraph")

    /// A product SwiftPM built beside this test bundle.
    static func built(_ name: String) -> URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent(name),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name),
            packageRoot.appendingPathComponent(".build/debug/\(name)")
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// Runs the benchmark binary, for measurements that need a process to themselves.
    static func benchmarks(_ arguments: [String]) throws -> Result {
        try run(built("integraph-benchmarks"), arguments, in: packageRoot, input: nil, environment: [:])
    }

    /// Runs `integraph` with `arguments` in `directory`, feeding `input` to standard input.
    static func integraph(
        _ arguments: [String], in directory: URL = packageRoot, input: Data? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        try run(binary, arguments, in: directory, input: input, environment: environment)
    }

    /// Runs a shell command line with stderr folded into stdout, in order.
    /// 2026-12-01T09:00:00Z, the day every test's "today" is.
    static let pinnedEpoch = "1796115600"

    static func shell(_ commandLine: String, in directory: URL, environment: [String: String] = [:]) throws -> Result {
        try run(URL(fileURLWithPath: "/bin/sh"), ["-c", commandLine + " 2>&1"], in: directory, input: nil, environment: environment)
    }

    /// Runs any program, as the helpers above do.
    static func run(
        _ executable: URL, _ arguments: [String], in directory: URL = packageRoot, input: Data? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        // Commands date from "today": pinned to 2026-12-01 (SOURCE_DATE_EPOCH) unless a test says otherwise.
        process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": Self.pinnedEpoch].merging(environment) { $1 }) { $1 }
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes concurrently so a full stderr pipe cannot stall the child.
        let errorData = LockedData()
        let errorReader = Thread { errorData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1_000) }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self))
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("integraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ data: Data) { lock.withLock { self.data = data } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
