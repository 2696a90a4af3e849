import Foundation
import Integraph
import IntegraphGraphviz

/// Builds the leaders' report of generated landscapes, writes it to `directory`, and opens
/// it in headless Chromium, which reports (through the page's own script) how long after
/// navigation started the page was ready: `--report 1000,10000`.
func benchmarkReports(sizes: [Int], seed: UInt64, directory: String) throws {
    print("| systems | analysis | maps | page | report size | overview | Chromium: ready after | Chromium run, start to exit |")
    print("|---:|---:|---:|---:|---:|---|---:|---:|")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for size in sizes {
        let landscape = LandscapeGenerator(systems: size, seed: seed).landscape()
        let (subject, analysis) = try time { MapSubject(Pipeline().outlook(try ValidatedLandscape(validating: landscape), for: .schedules)) }
        let (maps, drawing) = try time { try ReportMaps(subject) }
        let input = ReportInput(
            title: "Generated landscape of \(size) systems", landscape: landscape, analysis: subject.analysis,
            findings: [], maps: maps.maps, mapNotice: maps.notice,
            source: ReportSource(modelFile: "generated", modelHash: "-", generatedAt: "-"))
        let (html, writing) = time { HTMLReportWriter().write(input) }
        let path = "\(directory)/report-\(size).html"
        try html.write(toFile: path, atomically: true, encoding: .utf8)
        let start = DispatchTime.now().uptimeNanoseconds
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--dump-dom", URL(fileURLWithPath: path).absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let run = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let ready =
            dom.range(of: #"data-ready-after="(\d+)""#, options: .regularExpression).map {
                String(dom[$0].dropFirst(18).dropLast())
            } ?? "not ready"
        print(
            "| \(size) | \(format(analysis)) | \(format(drawing)) | \(format(writing)) | \(String(format: "%.1f MB", Double(html.utf8.count) / 1e6)) | "
                + "\(maps.notice == nil ? "landscape" : "domains") | \(ready) ms | \(format(run)) |")
    }
}
