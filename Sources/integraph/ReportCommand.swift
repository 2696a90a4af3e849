import ArgumentParser
import Foundation
import Integraph
import IntegraphGraphviz

/// `integraph report MODEL -o report.html`: the leaders' report, one self-contained page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the leaders' report: one self-contained HTML page (or Markdown with map files).",
        discussion: """
            The page holds everything inline (style, script, SVG maps): which pilots are ready, \
            at risk or blocked, each pilot's duration, odds and first critical item (sortable), \
            the landscape map with backlog heat and each pilot's map, the bottlenecks with \
            pending effort by team, sprawl, and the model's check findings. A search box \
            highlights systems on the maps. Landscapes of more than 300 systems get the \
            domains map as overview. --format markdown writes the same sections for wikis, with \
            the maps as SVG files in a directory beside the report (NAME-maps/). The footer's \
            time honours SOURCE_DATE_EPOCH, so reports can be reproduced byte for byte.

            Exit codes: 0 written; 1 the model has errors; 2 the model could not be read or the \
            command line is wrong; 3 Graphviz or the file system failed.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, markdown }

    @Argument(help: "The model file (.yaml, .yml or .json), or - for standard input.")
    var model: String

    @Option(name: .shortAndLong, help: "Where to write the report; - for standard output (HTML only).")
    var output: String

    @Option(help: "html (default) or markdown.")
    var format: Format = .html

    @Option(help: ArgumentHelp(DateOption.help), transform: DateOption.parse)
    var start: CalendarDate?

    @Option(help: "A rules file (YAML), as for 'check': the report lists the same findings.")
    var rules: String?

    @Option(help: "The report's title (default: the landscape's name and \"AI pilots: integration outlook\").")
    var title: String?

    func validate() throws {
        if format == .markdown && output == "-" {
            throw ValidationError("A Markdown report writes its maps beside it: give -o a file name.")
        }
    }

    func run() throws {
        var pipeline = Pipeline(options: AnalysisOptions(start: try DateOption.asOf(start)))
        pipeline.rules = try ModelLoading.rules(rules)
        let (outlook, bytes) = try ModelLoading.outlook(model, pipeline, for: .report)
        let input: ReportInput
        do {
            input = try pipeline.report(
                outlook,
                source: ReportSource(
                    modelFile: ModelSource(argument: model).displayName, modelBytes: bytes, generatedAt: try Self.generationTime()),
                title: title, progress: { Progress.say("drawing \($0)…") })
            Progress.clear()
        } catch let status as ExitCode {
            throw status
        } catch {
            Console.error("error: \(self.model): \(error)")
            throw ExitStatus.outputFailed
        }
        switch format {
        case .html:
            try OutputDestination.write(Array(HTMLReportWriter().write(input).utf8), to: output)
        case .markdown:
            let url = URL(fileURLWithPath: output)
            let writer = MarkdownReportWriter(mapDirectory: url.deletingPathExtension().lastPathComponent + "-maps")
            let files = Dictionary(input.maps.map { (writer.fileName(of: $0), Array($0.svg.utf8)) }, uniquingKeysWith: { first, _ in first })
            do {
                try AtomicFile.writeDirectory(files, to: url.deletingLastPathComponent().appendingPathComponent(writer.mapDirectory).path)
            } catch {
                Console.error("error: \(error)")
                throw ExitStatus.outputFailed
            }
            try OutputDestination.write(Array(writer.write(input).utf8), to: output)
        }
    }

    /// Now, or SOURCE_DATE_EPOCH when set (reproducible builds' convention), in ISO 8601 UTC.
    static func generationTime() throws -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: try DateOption.now())
    }
}
