// Times loading and each analysis on seeded generated landscapes, in release builds:
//   swift run -c release integraph-benchmarks --systems 1000,10000,100000
// `--maps 100,1000,5000` times map rendering instead (see MapBenchmarks.swift), and
// `--render-memory N --model FILE` reports resident memory over N renders, for a test, and
// `--report 1000,10000` builds leaders' reports and opens them in headless Chromium, and
// `--hostile 20000` times check and analysis on the inputs that were once quadratic, and
// `--import 10000` imports generated Backstage catalogs, and `--dependencies 10000` generated
// Jaeger dependency lists, and `--legibility 60,200 --models
// Graphs/acme-retail.yaml` measures how readable the maps are; `--plan 100000 --suggest 10000`
// times capacity plans over 200 teams.
// Prints a Markdown table for docs/performance.md. `--export DIR` also writes each
// landscape's flow graph as an edge list and its model as JSON, for Benchmarks/peers.
// `--edges FILE` instead times the graph algorithms alone on an edge list (first line: node
// count; then "source target" per line) and prints JSON, for Benchmarks/peers/time_peers.py.
import Foundation
import Integraph

struct Arguments {
    var sizes = [1_000, 10_000, 100_000]
    var seed: UInt64 = 1
    var betweennessUpTo = 20_000
    var loadUpTo = 100_000
    var export: String?
    var edges: String?
    var maps: [Int]?
    var reports: [Int]?
    var renderMemory: Int?
    var hostile: [Int]?
    var imports: [Int]?
    var dependencies: [Int]?
    var legibility: [Int]?
    var plans: [Int]?
    var suggestions: [Int]?
    var models: [String] = []
    var model = "Graphs/acme-retail.yaml"

    init() {
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            let value = arguments.next() ?? ""
            switch argument {
            case "--systems": sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--seed": seed = UInt64(value) ?? 1
            case "--betweenness-up-to": betweennessUpTo = Int(value) ?? betweennessUpTo
            case "--load-up-to": loadUpTo = Int(value) ?? loadUpTo
            case "--export": export = value
            case "--edges": edges = value
            case "--maps": maps = value.split(separator: ",").compactMap { Int($0) }
            case "--report": reports = value.split(separator: ",").compactMap { Int($0) }
            case "--render-memory": renderMemory = Int(value)
            case "--hostile": hostile = value.split(separator: ",").compactMap { Int($0) }
            case "--import": imports = value.split(separator: ",").compactMap { Int($0) }
            case "--dependencies": dependencies = value.split(separator: ",").compactMap { Int($0) }
            case "--legibility": legibility = value.split(separator: ",").compactMap { Int($0) }
            case "--plan": plans = value.split(separator: ",").compactMap { Int($0) }
            case "--suggest": suggestions = value.split(separator: ",").compactMap { Int($0) }
            case "--models": models = value.split(separator: ",").map(String.init)
            case "--model": model = value
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// Wall-clock seconds of `body`, printed as a table row cell.
func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func format(_ seconds: Double) -> String {
    seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
}

let arguments = Arguments()

/// Times each graph algorithm on one edge list and prints {"algorithm": seconds, ...}.
func timeAlgorithms(onEdgeList path: String) throws {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    let nodeCount = lines.first.flatMap { Int($0) } ?? 0
    let edges: [(UInt32, UInt32)] = lines.dropFirst().compactMap { line in
        let parts = line.split(separator: " ")
        guard parts.count == 2, let a = UInt32(parts[0]), let b = UInt32(parts[1]) else { return nil }
        return (a, b)
    }
    let graph = DirectedGraph(nodeCount: nodeCount, edges: edges)
    let (_, scc) = time { StronglyConnectedComponents(graph) }
    let (_, cuts) = time { Biconnectivity(nodeCount: nodeCount, edges: edges) }
    let (_, dominators) = time { Dominators(graph, root: 0) }
    let (_, betweenness) = time { Betweenness(graph) }
    print("{\"scc\": \(scc), \"articulation_and_bridges\": \(cuts), \"dominators\": \(dominators), \"betweenness\": \(betweenness)}")
}

if let count = arguments.renderMemory {
    try measureRenderMemory(count: count, model: arguments.model)
    exit(0)
}
if let sizes = arguments.reports {
    try benchmarkReports(sizes: sizes, seed: arguments.seed, directory: arguments.export ?? "/tmp/integraph-reports")
    exit(0)
}
if arguments.plans != nil || arguments.suggestions != nil {
    try benchmarkPlans(items: arguments.plans ?? [], suggest: arguments.suggestions ?? [], seed: arguments.seed)
    exit(0)
}
if let sizes = arguments.legibility {
    try benchmarkLegibility(sizes: sizes, models: arguments.models, seed: arguments.seed)
    exit(0)
}
if let sizes = arguments.imports {
    benchmarkImports(sizes: sizes, seed: arguments.seed)
    exit(0)
}
if let sizes = arguments.dependencies {
    benchmarkDependencies(sizes: sizes, seed: arguments.seed)
    exit(0)
}
if let sizes = arguments.hostile {
    benchmarkHostileInputs(sizes: sizes, seed: arguments.seed)
    exit(0)
}
if let sizes = arguments.maps {
    try benchmarkMaps(sizes: sizes, seed: arguments.seed)
    exit(0)
}
if let edges = arguments.edges {
    try timeAlgorithms(onEdgeList: edges)
    exit(0)
}
print(
    "| systems | flows | generate | load YAML (MB) | load JSON (MB) | index | work plan | validation (checks, index, plan) | pilots (lineage, work) | cut points | redundant flows | whole analysis without betweenness | betweenness | peak RSS |"
)
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for size in arguments.sizes {
    let (landscape, generation) = time { LandscapeGenerator(systems: size, seed: arguments.seed).landscape() }
    var yamlCell = "–", jsonCell = "–"
    if size <= arguments.loadUpTo {
        for syntax in [ModelSyntax.yaml, .json] {
            let text = LandscapeWriter(syntax: syntax).write(landscape)
            let (report, seconds) = time { LandscapeReader().read(bytes: Array(text.utf8), source: .file("generated.\(syntax.rawValue)")) }
            guard !report.hasErrors else { fatalError("generated model has errors: \(report.errors.prefix(3))") }
            let cell = "\(format(seconds)) (\(text.utf8.count / 1_000_000))"
            if syntax == .yaml { yamlCell = cell } else { jsonCell = cell }
        }
    }
    let (index, indexing) = time { LandscapeIndex(landscape) }
    guard let (plan, planning) = try? time({ try WorkPlan(index) }) else { fatalError("generated work has a cycle") }
    let (_, pilotSeconds) = time {
        landscape.pilots.map { pilot in plan.work(for: pilot, lineage: Lineage(of: pilot, in: index)).count }
    }
    let (_, cutSeconds) = time { Biconnectivity(nodeCount: index.systemCount, edges: Array(zip(index.flowSource, index.flowTarget))) }
    let (_, redundantSeconds) = time { RedundantFlows(index) }
    var options = AnalysisOptions()
    options.computesBetweenness = false
    options.seed = arguments.seed
    guard let (validated, validation) = try? time({ try ValidatedLandscape(validating: landscape) }) else {
        fatalError("generated landscape is not valid")
    }
    let (_, wholeSeconds) = time { LandscapeAnalysis(validated, options: options) }
    var betweennessCell = "–"
    if size <= arguments.betweennessUpTo {
        let (_, seconds) = time { Betweenness(index.flowGraph) }
        betweennessCell = format(seconds)
    }
    print(
        "| \(size) | \(landscape.flows.count) | \(format(generation)) | \(yamlCell) | \(jsonCell) | \(format(indexing)) | "
            + "\(format(planning)) | \(format(validation)) | \(format(pilotSeconds)) | \(format(cutSeconds)) | \(format(redundantSeconds)) | "
            + "\(format(wholeSeconds)) | \(betweennessCell) | \(String(format: "%.0f MB", peakMemoryMB())) |")
    if let directory = arguments.export {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var edges = "\(index.systemCount)\n"
        for flow in 0..<index.flowCount { edges += "\(index.flowSource[flow]) \(index.flowTarget[flow])\n" }
        try edges.write(toFile: "\(directory)/edges-\(size).txt", atomically: true, encoding: .utf8)
        try LandscapeWriter(syntax: .json).write(landscape)
            .write(toFile: "\(directory)/landscape-\(size).json", atomically: true, encoding: .utf8)
    }
}
