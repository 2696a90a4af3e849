// Integraph as a Swift library: the pipeline a tool of your own would run — read a model,
// take its outlook (analysis and findings, once), draw a pilot's map and write the leaders'
// report — through the public API only (this target is built without access to the
// package's internals). Given the same date and report time, its report is byte for byte
// the one `integraph report` writes.
//
//     swift run integraph-library-example Graphs/acme-retail.yaml /tmp/acme-out
import Foundation
import Integraph
import IntegraphGraphviz

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: integraph-library-example MODEL OUTPUT-DIRECTORY\n".utf8))
    exit(2)
}
let (modelPath, outputDirectory) = (arguments[1], URL(fileURLWithPath: arguments[2]))

// 1. Read the model. Problems in the file are findings with file, line and column.
let pipeline = Pipeline(options: AnalysisOptions(start: CalendarDate(iso: "2026-12-01")))
let source = ModelSource.file(modelPath)
let bytes: [UInt8]
do {
    bytes = try LandscapeReader.bytes(of: source)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}

// 2. The outlook: each pilot's state, when it can be ready and the work that gates it, and
//    every finding `integraph check` would print. The bottleneck tables and sprawl are in
//    the JSON writer's output, the contract for tools.
let outlook: Outlook
do {
    outlook = try pipeline.outlook(pipeline.read(bytes: bytes, source: source), for: .report)
} catch {
    for finding in error.findings { FileHandle.standardError.write(Data("\(finding)\n".utf8)) }
    exit(1)
}
print("as of \(outlook.asOf?.description ?? "no date"); \(outlook.findingsSummary)")
for pilot in outlook.analysis.pilots {
    print("\(pilot.pilot.id): \(pilot.state.rawValue), ready \(pilot.finishText ?? "now")")
    if !pilot.criticalPath.isEmpty { print("  gated by: \(pilot.criticalPath.joined(separator: " → "))") }
}
let json = AnalysisJSONWriter(top: 3).write(outlook.analysis)
print("analysis JSON: \(json.utf8.count) bytes")

// 3. Draw the first pilot's map and write the leaders' report.
do {
    try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
    if let first = outlook.landscape.pilots.first {
        let map = try MapRenderer(view: .pilot(first.id)).render(MapSubject(outlook), as: .svg)
        try Data(map.data).write(to: outputDirectory.appendingPathComponent("pilot-\(first.id).svg"))
    }
    let input = try pipeline.report(
        outlook, source: ReportSource(modelFile: source.displayName, modelBytes: bytes, generatedAt: "2026-12-01T09:00:00Z"))
    try Data(HTMLReportWriter().write(input).utf8).write(to: outputDirectory.appendingPathComponent("report.html"))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(3)
}
