import Foundation

/// One line on standard error that says what a long command is doing ("reading g.yaml…",
/// "drawing map 3 of 25…"), rewritten in place, and cleared before anything else is printed.
/// Only when standard error is a terminal: piped or redirected, a command prints no progress,
/// so logs and tests see the same bytes every run.
///
/// ```swift
/// Progress.say("reading model.yaml…")
/// Progress.clear()
/// ```
enum Progress {
    static let isShown = isatty(STDERR_FILENO) == 1

    /// Shows `text` in place of the line shown before.
    static func say(_ text: String) {
        guard isShown else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    /// Removes the line, so that a message after it starts on a clean line.
    static func clear() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
