import Integraph

/// Writes a command's output to standard output (`-`) or, atomically, to a file.
enum OutputDestination {
    static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            Console.out(bytes)
            return
        }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            Console.error("error: \(error)")
            throw ExitStatus.outputFailed
        }
    }
}
