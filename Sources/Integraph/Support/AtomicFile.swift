#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Writes output files so that readers see either the old file or the complete new one:
/// the bytes go to a temporary file beside the target, are flushed to disk, and the
/// temporary file is renamed over the target. A failed run leaves no half-written file.
/// A target that exists and is not a regular file (`/dev/null`, a pipe, a terminal) is
/// written straight into: renaming over it would replace the device with a file.
///
/// ```swift
/// try AtomicFile.write(Array("<svg/>".utf8), to: "out/map.svg")
/// ```
package enum AtomicFile {
    package struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw WriteError(path: path, reason: "the path names a directory, not a file") }
        var status = stat()
        if stat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG {
            guard status.st_mode & S_IFMT != S_IFDIR else {
                throw WriteError(path: path, reason: "the path names a directory, not a file")
            }
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { throw WriteError(path: path, reason: systemError()) }
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: path)
            return
        }
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw WriteError(path: path, reason: systemError()) }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(WriteError) {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: path)
            // mkstemp creates the file readable by its owner only; give it the usual mode.
            let mask = umask(0)
            umask(mask)
            guard fchmod(descriptor, 0o666 & ~mask) == 0, fsync(descriptor) == 0 else {
                throw WriteError(path: path, reason: systemError())
            }
        } catch {
            unlink(temporaryPath)
            throw error
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = systemError()
            unlink(temporaryPath)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Writes a directory of files as one: into a new directory beside `path`, which then
    /// takes the old one's place (the old one is removed), so readers never see a mix of two
    /// runs' files and a failed run leaves the old directory as it was.
    ///
    /// ```swift
    /// try AtomicFile.writeDirectory(["overview.svg": svg], to: "out/report-maps")
    /// ```
    public static func writeDirectory(_ files: [String: [UInt8]], to path: String) throws(WriteError) {
        let staging = "\(path).new-\(getpid())", retired = "\(path).old-\(getpid())"
        removeTree(staging)
        guard mkdir(staging, 0o777) == 0 else { throw WriteError(path: path, reason: systemError()) }
        do throws(WriteError) {
            for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
                guard !name.contains("/"), !name.isEmpty, name != ".", name != ".." else {
                    throw WriteError(path: "\(path)/\(name)", reason: "not a plain file name")
                }
                try write(bytes, to: "\(staging)/\(name)")
            }
            var status = stat()
            let existed = stat(path, &status) == 0
            if existed {
                guard rename(path, retired) == 0 else { throw WriteError(path: path, reason: systemError()) }
            }
            guard rename(staging, path) == 0 else {
                let reason = systemError()
                if existed { rename(retired, path) }
                throw WriteError(path: path, reason: reason)
            }
            if existed { removeTree(retired) }
        } catch {
            removeTree(staging)
            throw error
        }
    }

    /// Removes a directory written by ``writeDirectory(_:to:)`` and the files in it.
    private static func removeTree(_ path: String) {
        guard let directory = opendir(path) else { return }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { unlink("\(path)/\(name)") }
        }
        closedir(directory)
        rmdir(path)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(WriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, reason: systemError())
            }
            offset += written
        }
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
