import Foundation

/// Writes to standard output and standard error without buffering surprises.
enum Console {
    static func out(_ text: String) {
        out(Array(text.utf8))
    }

    static func out(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func error(_ text: String) {
        Progress.clear()
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
