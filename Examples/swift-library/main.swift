// Integraph as a Swift library: the pipeline a tool of your own would run — read a model,
// validate it, analyse it, draw a pilot's map and write the leaders' report — through the
// public API only (this target is built without access to the package's internals).
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

// 1. Read and validate. Problems in the file are findings with file, line and column.
var options = AnalysisOptions(start: CalendarDate(iso: "2026-12-01"))
options.samples = 2_000
let pipeline = Pipeline(options: options)
let report: ModelReport
do {
    report = try pipeline.read(.file(modelPath))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
let validated: ValidatedLandscape
do {
    validated = try pipeline.validated(report)
} catch {
    for finding in error.findings { FileHandle.standardError.write(Data("\(finding)\n".utf8)) }
    exit(1)
}

// 2. Analyse: each pilot's state, when it can be ready and the work that gates it. The
//    bottleneck tables and sprawl are in the JSON writer's output, the contract for tools.
let analysis = pipeline.analyze(validated)
for pilot in analysis.pilots {
    print("\(pilot.pilot.id): \(pilot.state.rawValue), ready \(pilot.finishText ?? "now")")
    if !pilot.criticalPath.isEmpty { print("  gated by: \(pilot.criticalPath.joined(separator: " → "))") }
}
let json = AnalysisJSONWriter(top: 3).write(analysis)
print("analysis JSON: \(json.utf8.count) bytes")

// 3. Draw the first pilot's map and write the leaders' report.
do {
    try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
    if let first = validated.pilots.first {
        let subject = MapSubject(validated.landscape, analysis: analysis, modelDate: nil)
        let map = try MapRenderer(view: .pilot(first.id)).render(subject, as: .svg)
        try Data(map.data).write(to: outputDirectory.appendingPathComponent("pilot-\(first.id).svg"))
    }
    let source = ReportSource(modelFile: modelPath, modelHash: "not computed", generatedAt: "2026-12-01T09:00:00Z")
    let input = try pipeline.report(validated, findings: report.warnings, source: source)
    try Data(HTMLReportWriter().write(input).utf8).write(to: outputDirectory.appendingPathComponent("report.html"))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(3)
}
