import ArgumentParser
import Foundation
import Integraph
import IntegraphGraphviz

/// `integraph import KIND PATH... -o model.yaml`: a model from manifests organisations keep.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Write a model from Backstage, Kubernetes, Compose, traces, Jaeger dependencies, service-graph metrics, CSV, ArchiMate, Structurizr, AsyncAPI or DOT files.",
        discussion: """
            Reads files and folders (every .yaml and .yml file below a folder; .json for \
            traces: Zipkin v1 and v2, Jaeger's JSON, OpenTelemetry OTLP/JSON; .json for \
            dependencies: Jaeger's dependency links; .prom and .txt for servicegraph: the \
            OpenTelemetry service-graph metrics as Prometheus text; .json for a Structurizr \
            workspace; .yaml, .yml and .json for AsyncAPI 2 and 3, a document a service), keeps what \
            the model cannot hold in 'attributes', and lists what it skipped (--verbose: each \
            one). A name that nothing declares becomes a planned placeholder system, with a \
            warning. Compose files are read with the .env beside them and their env_files, never \
            the process environment; health and metrics calls and self-references are counted, \
            not called; flows between a service and a telemetry sink run into the sink. A Helm \
            chart is refused: render it first with helm template. Flows point the way data moves, from the service called to its caller; \
            --direction calls keeps the call's direction. The model is checked before it is \
            written, atomically, and never over an existing file without --force. See \
            docs/import.md.

            Exit codes: 0 written; 1 the imported model does not pass 'check'; 2 nothing \
            could be read or the command line is wrong; 3 the output could not be written.
            """)

    /// The importers of the core, and DOT, which reads through libcgraph: the list of kinds
    /// is `ImportKind`'s, so a kind added there is offered here, in the help and in errors.
    enum Format: ExpressibleByArgument, CustomStringConvertible, Equatable {
        case core(ImportKind)
        case dot

        init?(argument: String) {
            if argument == "dot" {
                self = .dot
            } else if let kind = ImportKind(rawValue: argument) {
                self = .core(kind)
            } else {
                return nil
            }
        }

        static var allValueStrings: [String] { ImportKind.allCases.map(\.rawValue) + ["dot"] }

        var description: String {
            switch self {
            case .core(let kind): kind.rawValue
            case .dot: "dot"
            }
        }

        /// Whether `--direction` applies: a DOT edge is stored tail to head, as drawn.
        var readsCalls: Bool {
            switch self {
            case .core(let kind): kind.readsCalls
            case .dot: false
            }
        }

        /// What it reads, for an error that found nothing.
        var reads: String {
            switch self {
            case .core(let kind): kind.reads
            case .dot: "Graphviz graphs (.gv, .dot)"
            }
        }

        func read(paths: [String], direction: ImportDirection, name: String?, options: ImportOptions) -> ImportResult {
            switch self {
            case .core(let kind): kind.read(paths: paths, direction: direction, name: name, options: options)
            case .dot: DOTImporter.read(paths: paths, name: name)
            }
        }
    }

    @Argument(help: ArgumentHelp("What to read.", valueName: "kind"))
    var kind: Format

    @Argument(help: "Files or folders to read.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Where to write the model (.yaml or .json); - for standard output.")
    var output: String?

    @Option(help: "Merge into this model instead: hand-written keys, pilots, gates and estimates are kept.")
    var into: String?

    @Flag(help: "With --into: remove what the source no longer has, instead of marking it deprecated.")
    var prune = false

    @Option(
        help: """
            data (default): flows run from the service called to its caller; calls: from caller to \
            callee. Only for kinds that record calls: \(ImportKind.allCases.filter(\.readsCalls).map(\.rawValue).joined(separator: ", ")).
            """)
    var direction: ImportDirection?

    @Flag(help: "kubernetes: keep each version of an application (reviews-v1, reviews-v2) a system of its own.")
    var keepVersions = false

    @Option(help: "The landscape's name.")
    var name: String?

    @Flag(help: "List every skipped entity, not just how many.")
    var verbose = false

    @Flag(help: "Write nothing if any file could not be read whole (malformed, cut off, not UTF-8, missing).")
    var strict = false

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        guard (output == nil) != (into == nil) else { throw ValidationError("Give either -o FILE or --into MODEL.") }
        if let output, output != "-", !force, FileManager.default.fileExists(atPath: output) {
            throw ValidationError("'\(output)' exists: pass --force to replace it, or --into to merge into it.")
        }
        if prune && into == nil { throw ValidationError("--prune goes with --into.") }
        if keepVersions, kind != .core(.kubernetes) {
            throw ValidationError("--keep-versions applies to kubernetes only: other sources have no versions of one workload.")
        }
        if direction == .calls, !kind.readsCalls {
            throw ValidationError(
                "--direction calls does not apply to '\(kind)': its source says which way data moves, and flows follow it.")
        }
    }

    func run() throws {
        let direction = direction ?? .data
        if kind == .core(.kubernetes) {
            for path in paths {
                guard let chart = KubernetesImporter.helmChart(enclosing: path) else { continue }
                Console.error(
                    "error: \(path): a Helm chart (\(chart)/Chart.yaml), whose templates are not manifests until rendered: "
                        + ImportFormatGuess.renderingAdvice(forChart: chart))
                throw ExitStatus.unreadableInput
            }
        }
        let result = kind.read(paths: paths, direction: direction, name: name, options: ImportOptions(keepVersions: keepVersions))
        let landscape = result.landscape
        if strict, !result.unreadable.isEmpty {
            for note in result.unreadable { Console.error("error: \(note)") }
            Console.error("error: --strict: \(Wording.counted(result.unreadable.count, "file")) could not be read whole; nothing written")
            throw ExitStatus.unreadableInput
        }
        guard !landscape.systems.isEmpty else {
            for note in result.skipped { Console.error("note: \(note)") }
            Console.error("error: found no systems in \(paths.joined(separator: " ")) (read as \(kind), which reads \(kind.reads))")
            for guess in ImportFormatGuess.guess(paths: paths) where guess.kind != kind.description {
                let advice = guess.advice ?? guess.kind.map { "'integraph import \($0) \(guess.path)' reads it" } ?? "no import kind reads it"
                Console.error("hint: \(guess.path) looks like \(guess.looksLike): \(advice)")
            }
            throw ExitStatus.unreadableInput
        }
        for warning in result.warnings { Console.error("warning: \(warning)") }
        if verbose {
            for note in result.skipped { Console.error("note: \(note)") }
        } else if let summary = ImportNote.summary(of: result.skipped) {
            Console.error("note: \(summary); --verbose lists each")
        }
        let destination = into ?? output ?? "-"
        var written = landscape
        if let into {
            let model = try ModelLoading.validModel(into)
            let merged = ImportMerge.merge(landscape, into: model.landscape, source: kind.description, prune: prune, file: into)
            for note in merged.notes { Console.error("note: \(note)") }
            written = merged.landscape
        }
        let source = ModelSource(argument: destination == "-" ? "import.yaml" : destination)
        let text = LandscapeWriter(syntax: source.syntax).write(written)
        // What import writes must pass check; a failure here is a bug worth its own exit code.
        let report = Pipeline().read(bytes: Array(text.utf8), source: source)
        guard !report.hasErrors else {
            Console.error(FindingFormatter.text(report.errors))
            throw ExitStatus.modelHasErrors
        }
        try OutputDestination.write(Array(text.utf8), to: destination)
        Console.error(
            "Imported \(Wording.counted(landscape.systems.count, "system")) and "
                + "\(Wording.counted(landscape.flows.count, "flow")) \(kind.readsCalls ? "(\(direction == .data ? "data" : "call") direction) " : "")"
                + "\(into == nil ? "into" : "merged into") \(destination == "-" ? "standard output" : destination)")
    }
}

extension ImportDirection: ExpressibleByArgument {}
