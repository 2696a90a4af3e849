import ArgumentParser
import Foundation
import Integraph

/// The pipeline's read and validate stages for a command that needs a valid model: errors
/// go to stderr with the exit status the tool documents, warnings are counted.
enum ModelLoading {
    static func validLandscape(_ argument: String, _ pipeline: Pipeline = Pipeline()) throws -> ValidatedLandscape {
        try validModel(argument, pipeline).landscape
    }

    /// A valid model with its findings (warnings) and the bytes it was read from.
    static func validModel(
        _ argument: String, _ pipeline: Pipeline = Pipeline()
    ) throws -> (landscape: ValidatedLandscape, findings: [Finding], bytes: [UInt8]) {
        let source = ModelSource(argument: argument)
        return try validModel(try bytes(of: source), source: source, argument: argument, pipeline)
    }

    /// A model file's bytes; an unreadable one is reported and exits 2.
    static func bytes(of source: ModelSource) throws -> [UInt8] {
        do {
            return try LandscapeReader.bytes(of: source)
        } catch {
            Console.error("error: \(error)")
            throw ExitStatus.unreadableInput
        }
    }

    /// One snapshot for `diff`: a file, `-`, or `git:REV:PATH` read through `git show`; an
    /// empty file is an empty landscape (the state before the first commit of a model).
    static func snapshot(_ argument: String) throws -> ValidatedLandscape {
        guard argument.hasPrefix("git:") else {
            let source = ModelSource(argument: argument)
            return try snapshot(try bytes(of: source), source: source, argument: argument)
        }
        let parts = argument.dropFirst(4).split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        // A revision starting with '-' would reach git as an option (`--output=…`).
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[0].hasPrefix("-") else {
            Console.error("error: \(argument): a git snapshot is written git:REVISION:PATH, such as git:main:landscape.yaml")
            throw ExitStatus.unreadableInput
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "show", "\(parts[0]):\(parts[1])"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            Console.error("error: \(argument): cannot run git: \(error.localizedDescription)")
            throw ExitStatus.unreadableInput
        }
        let bytes = Array(output.fileHandleForReading.readDataToEndOfFile())
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Console.error("error: \(argument): git could not read it: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
            throw ExitStatus.unreadableInput
        }
        return try snapshot(bytes, source: .file(argument), argument: argument)
    }

    private static func snapshot(_ bytes: [UInt8], source: ModelSource, argument: String) throws -> ValidatedLandscape {
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            do {
                return try ValidatedLandscape(validating: Landscape())
            } catch {
                Console.error("error: \(error)")
                throw ExitStatus.modelHasErrors
            }
        }
        return try validModel(bytes, source: source, argument: argument, Pipeline()).landscape
    }

    private static func validModel(
        _ bytes: [UInt8], source: ModelSource,
        argument: String, _ pipeline: Pipeline
    ) throws -> (landscape: ValidatedLandscape, findings: [Finding], bytes: [UInt8]) {
        let report = pipeline.read(bytes: bytes, source: source)
        let landscape: ValidatedLandscape
        do {
            landscape = try pipeline.validated(report)
        } catch {
            Console.error(FindingFormatter.text(report.errors))
            Console.error("\(source.displayName): the model has \(Wording.counted(report.errors.count, "error")); 'integraph check \(argument)' lists them")
            throw ExitStatus.modelHasErrors
        }
        // What check shows with its standard rules (some, like 'owned', are off unless asked
        // for); the rules that need the analysis (lineages, schedules, dates) only check runs.
        let findings = RuleSet.standard.apply(report.findings)
        if !findings.isEmpty {
            Console.error(
                "note: \(source.displayName) has \(Wording.counted(findings.count, "warning")); "
                    + "'integraph check \(argument)' lists \(findings.count == 1 ? "it" : "them") and checks the governance rules")
        }
        return (landscape, findings, bytes)
    }

    /// The day the model file was last changed (UTC, YYYY-MM-DD), for map titles; `nil` for
    /// standard input or when the file system does not say.
    static func fileDate(_ argument: String) -> String? {
        guard argument != "-",
            let date = try? FileManager.default.attributesOfItem(atPath: argument)[.modificationDate] as? Date
        else { return nil }
        return DateOption.day(of: date)?.description
    }
}
