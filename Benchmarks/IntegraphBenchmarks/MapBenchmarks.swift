import Foundation
import Integraph
import IntegraphGraphviz

/// Renders every system of generated landscapes (`landscape:all`) in-process and, from the same DOT
/// text, with Graphviz's command-line tool (`dot -K` the engine the planner chose), and prints a
/// Markdown table of the medians of three runs each: `--maps 100,1000,5000`.
func benchmarkMaps(sizes: [Int], seed: UInt64) throws {
    print(
        "| systems | nodes / edges (back edges) | engine | in-process, same DOT | command-line tool -Tsvg | in-process / CLI | analysis | map (view + layout + SVG) |"
    )
    print("|---:|---|---|---:|---:|---:|---:|---:|")
    for size in sizes {
        let landscape = LandscapeGenerator(systems: size, seed: seed).landscape()
        let (subject, analysis) = try time { MapSubject(Pipeline().outlook(try ValidatedLandscape(validating: landscape), for: .schedules)) }
        let renderer = MapRenderer(view: .landscapeAll)
        let dot = try renderer.render(subject, as: .dot)
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let plan = dot.plan
        let text = String(decoding: dot.data, as: UTF8.self)
        let inProcess = median(
            try (0..<3).map { _ in
                try time { try Graphviz.shared.render(dot: text, engine: plan.engine, format: "svg") }.1
            })
        let whole = median(try (0..<3).map { _ in try time { try renderer.render(subject, as: .svg) }.1 })
        let cli = median(try (0..<3).map { _ in try timeCommand("/usr/bin/dot", ["-K\(plan.engine)", "-Tsvg"], input: dot.data) })
        print(
            "| \(size) | \(plan.nodeCount) / \(plan.edgeCount) (\(plan.backEdgeCount)) | \(plan.engine) | \(format(inProcess)) | "
                + "\(format(cli)) | \(String(format: "%.2f", inProcess / cli)) | \(format(analysis)) | \(format(whole)) |")
    }
}

/// Wall-clock seconds of a command fed `input` on stdin, its output discarded.
func timeCommand(_ path: String, _ arguments: [String], input: [UInt8]) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let stdin = Pipe()
    process.standardInput = stdin
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    stdin.fileHandleForWriting.write(Data(input))
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Renders a model's landscape view `count` times with sfdp, then lays out the same DOT
/// text `count` times straight through libgvc, and prints the growth of resident memory
/// (KB) over each, after a warm-up of 20, as JSON, for the memory test:
/// `--render-memory 200 --model Graphs/acme-retail.yaml`. Graphviz 2.43 itself keeps a few
/// KB per HTML-like label (the legend), so "flat" means: no more than Graphviz alone.
func measureRenderMemory(count: Int, model: String) throws {
    guard let landscape = try LandscapeReader().read(.file(model)).validLandscape else {
        FileHandle.standardError.write(Data("\(model) is not a valid model\n".utf8))
        exit(1)
    }
    let subject = MapSubject(Pipeline().outlook(landscape, for: .schedules))
    let renderer = MapRenderer(engine: "sfdp")
    let text = String(decoding: try renderer.render(subject, as: .dot).data, as: UTF8.self)
    func growth(_ render: () throws -> Void) rethrows -> Int {
        for _ in 0..<20 { try render() }
        let before = residentKB()
        for _ in 0..<count { try render() }
        return residentKB() - before
    }
    let ours = try growth { _ = try renderer.render(subject, as: .svg) }
    let graphviz = try growth { _ = try Graphviz.shared.render(dot: text, engine: "sfdp", format: "svg") }
    print("{\"integraph\": \(ours), \"graphviz\": \(graphviz)}")
}

func residentKB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}
