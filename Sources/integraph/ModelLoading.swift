import ArgumentParser
import Foundation
import Integraph

/// Reads a model for a command that needs a valid one: errors go to stderr with the exit
/// status the tool documents, warnings are counted.
enum ModelLoading {
    static func validLandscape(_ argument: String) throws -> ValidatedLandscape {
        try validModel(argument).landscape
    }

    /// A valid model with its findings (warnings) and the bytes it was read from.
    static func validModel(_ argument: String) throws -> (landscape: ValidatedLandscape, findings: [Finding], bytes: [UInt8]) {
        let source = ModelSource(argument: argument)
        let bytes: [UInt8]
        do {
            bytes = try LandscapeReader.bytes(of: source)
        } catch {
            Console.error("error: \(error)")
            throw ExitStatus.unreadableInput
        }
        let report = LandscapeReader().read(bytes: bytes, source: source)
        guard let landscape = report.validLandscape else {
            Console.error(FindingFormatter.text(report.errors))
            Console.error("\(source.displayName): the model has \(report.errors.count) error(s); 'integraph check \(argument)' lists them")
            throw ExitStatus.modelHasErrors
        }
        // What check shows with its standard rules (some, like 'owned', are off unless asked for).
        let findings = RuleSet.standard.apply(report.findings)
        if !findings.isEmpty {
            Console.error("note: \(source.displayName) has \(Wording.counted(findings.count, "warning")); "
                          + "'integraph check \(argument)' lists them")
        }
        return (landscape, findings, bytes)
    }

    /// The day the model file was last changed (UTC, YYYY-MM-DD), for map titles; `nil` for
    /// standard input or when the file system does not say.
    static func fileDate(_ argument: String) -> String? {
        guard argument != "-",
              let date = try? FileManager.default.attributesOfItem(atPath: argument)[.modificationDate] as? Date else { return nil }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
