import Foundation
import Testing

/// A long command says what it is doing on a terminal, and nothing of it when its standard
/// error is a pipe or a file.
@Suite struct ProgressLineTests {
    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// `script` gives the command a terminal: every stage shows, each map counted, and the
    /// line is cleared (ESC [K) before the note that follows it.
    @Test(.enabled(if: hasScript, "needs script(1) for a terminal"))
    func aTerminalSeesEachStage() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = CommandRunner.packageRoot.appendingPathComponent("Graphs/acme-retail.yaml").path
        let command = "'\(CommandRunner.binary.path)' report '\(model)' -o report.html --start 2026-12-01"
        let result = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/script"), ["-q", "-c", command, "/dev/null"], in: directory)
        #expect(result.status == 0, "\(result.stdout)")
        for stage in ["reading ", "analysing 46 systems…", "drawing map 1 of 14: ", "drawing map 14 of 14: "] {
            #expect(result.stdout.contains(stage), "\(stage)")
        }
        #expect(result.stdout.contains("\r\u{1B}[K\r\u{1B}[Knote: "))
    }

    @Test func aPipeSeesNoProgress() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = CommandRunner.packageRoot.appendingPathComponent("Graphs/acme-retail.yaml").path
        let result = try CommandRunner.integraph(["report", model, "-o", "report.html", "--start", "2026-12-01"], in: directory)
        #expect(result.status == 0)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("drawing map"))
    }
}
