import Foundation
import Testing

@testable import Integraph

@Suite struct AtomicFileTests {
    @Test func replacesTheFileWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("integraph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("map.svg").path
        try AtomicFile.write(Array("old".utf8), to: path)
        try AtomicFile.write(Array("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["map.svg"])
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions.map { $0 & 0o044 } == 0o044)
    }

    @Test func aFailedWriteLeavesNothing() {
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write([1, 2, 3], to: "/nonexistent-directory/map.svg")
        }
    }

    /// Writing to a pipe (as to `/dev/null` or a terminal) writes into it: renaming a file
    /// over it would replace the device with a file.
    @Test func aPipeIsWrittenIntoNotReplaced() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("integraph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let received = ReceivedBytes()
        let reader = Thread { received.set(FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()) }
        reader.start()
        try AtomicFile.write(Array("through the pipe".utf8), to: path)
        let deadline = Date().addingTimeInterval(10)
        while received.value == nil && Date() < deadline { usleep(1_000) }
        #expect(received.value == Data("through the pipe".utf8))
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pipe"])
    }

    @Test func aDirectoryOfFilesIsReplacedWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("integraph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let maps = root.appendingPathComponent("report-maps").path
        try AtomicFile.writeDirectory(["a.svg": Array("1".utf8), "b.svg": Array("2".utf8)], to: maps)
        try AtomicFile.writeDirectory(["b.svg": Array("3".utf8), "c.svg": Array("4".utf8)], to: maps)
        #expect(try FileManager.default.contentsOfDirectory(atPath: maps).sorted() == ["b.svg", "c.svg"])
        #expect(try String(contentsOfFile: maps + "/b.svg", encoding: .utf8) == "3")
        // A run that fails leaves the previous directory as it was, and nothing beside it.
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.writeDirectory(["d.svg": [1], "../escape.svg": [2]], to: maps)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: maps).sorted() == ["b.svg", "c.svg"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["report-maps"])
    }

    @Test func aDirectoryIsRefused() throws {
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write([1], to: FileManager.default.temporaryDirectory.path) }
    }
}

/// Bytes handed over from a reader thread.
private final class ReceivedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var value: Data? { lock.withLock { data } }
}
