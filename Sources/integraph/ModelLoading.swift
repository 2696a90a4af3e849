import ArgumentParser
import Foundation
import Integraph

/// The pipeline's read, validate and outlook stages for a command that needs a valid
/// model: errors go to stderr with the exit status the tool documents; findings are
/// counted, the rules that need the analysis included, as `check` counts them.
enum ModelLoading {
    /// A valid model's outlook and the bytes it was read from.
    static func outlook(
        _ argument: String, _ pipeline: Pipeline, for purpose: Pipeline.Purpose
    ) throws -> (outlook: Outlook, bytes: [UInt8]) {
        let source = ModelSource(argument: argument)
        Progress.say("reading \(source.displayName)…")
        let bytes = try bytes(of: source)
        let outlook = try outlook(bytes, source: source, argument: argument, pipeline, for: purpose)
        Progress.clear()
        if !outlook.findings.isEmpty {
            Console.error("note: \(source.displayName) has \(outlook.findingsSummary); \(checkHint(argument, outlook))")
        }
        return (outlook, bytes)
    }

    /// "'integraph check MODEL --start DATE' lists them": the command that prints an
    /// outlook's findings, dated as the outlook is, so it lists exactly those.
    static func checkHint(_ argument: String, _ outlook: Outlook) -> String {
        "'integraph check \(argument)" + (outlook.asOf.map { " --start \($0)" } ?? "") + "' lists "
            + (outlook.findings.count == 1 ? "it" : "them")
    }

    /// A rules file for `check` and `report`; `.standard` without one. A wrong file is
    /// reported with located errors and exits 2.
    static func rules(_ path: String?) throws -> RuleSet {
        guard let path else { return .standard }
        let text: String
        do {
            text = try SourceText.decode(try LandscapeReader.bytes(of: ModelSource(argument: path)))
        } catch {
            Console.error("error: \(error)")
            throw ExitStatus.unreadableInput
        }
        let (ruleSet, errors) = RuleSetReader().read(text, file: path)
        guard errors.isEmpty else {
            Console.error(FindingFormatter.text(errors))
            Console.error("\(path): the rules file has \(Wording.counted(errors.count, "error"))")
            throw ExitStatus.unreadableInput
        }
        return ruleSet
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
    static func snapshot(_ argument: String, _ pipeline: Pipeline) throws -> Outlook {
        pipeline.outlook(try snapshotModel(argument), file: argument, for: .schedules)
    }

    /// The validated model of a snapshot (see ``snapshot(_:_:)``).
    static func snapshotModel(_ argument: String) throws -> ValidatedLandscape {
        guard argument.hasPrefix("git:") else {
            let source = ModelSource(argument: argument)
            return try snapshotModel(try bytes(of: source), source: source, argument: argument)
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
        return try snapshotModel(bytes, source: .file(argument), argument: argument)
    }

    private static func snapshotModel(_ bytes: [UInt8], source: ModelSource, argument: String) throws -> ValidatedLandscape {
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            do {
                return try ValidatedLandscape(validating: Landscape())
            } catch {
                Console.error("error: \(error)")
                throw ExitStatus.modelHasErrors
            }
        }
        return try validModel(bytes, source: source, argument: argument)
    }

    /// A model read without errors (its warnings are counted by the command's outlook).
    static func validModel(_ argument: String) throws -> ValidatedLandscape {
        let source = ModelSource(argument: argument)
        return try validModel(try bytes(of: source), source: source, argument: argument)
    }

    private static func validModel(_ bytes: [UInt8], source: ModelSource, argument: String) throws -> ValidatedLandscape {
        let report = Pipeline().read(bytes: bytes, source: source)
        guard let validated = report.validLandscape else {
            reportErrors(report, argument: argument)
            throw ExitStatus.modelHasErrors
        }
        return validated
    }

    private static func reportErrors(_ report: ModelReport, argument: String) {
        Console.error(FindingFormatter.text(report.errors))
        Console.error(
            "\(report.source.displayName): the model has \(Wording.counted(report.errors.count, "error")); 'integraph check \(argument)' lists them")
    }

    private static func outlook(
        _ bytes: [UInt8], source: ModelSource, argument: String, _ pipeline: Pipeline, for purpose: Pipeline.Purpose
    ) throws -> Outlook {
        let report = pipeline.read(bytes: bytes, source: source)
        if let model = report.validLandscape { Progress.say("analysing \(Wording.grouped(model.landscape.systems.count)) systems…") }
        do {
            return try pipeline.outlook(report, for: purpose)
        } catch {
            reportErrors(report, argument: argument)
            throw ExitStatus.modelHasErrors
        }
    }
}
