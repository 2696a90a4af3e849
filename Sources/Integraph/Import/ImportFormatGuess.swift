import Foundation

/// What a file given to `integraph import` looks like, judged from its first bytes, so that
/// an import that found nothing can say which kind reads it: Jaeger's JSON given as
/// `compose` gets "looks like Jaeger's trace JSON: 'integraph import traces …' reads it"
/// instead of a bare "found no systems". A folder holding a `Chart.yaml` is a Helm chart,
/// which nothing reads before `helm template` renders it. Reads at most 64 KiB of at most
/// 20 files per path.
///
/// ```swift
/// ImportFormatGuess.guess(paths: ["trace.json"]).first?.kind // "traces"
/// ```
package struct ImportFormatGuess: Sendable, Hashable {
    /// The path that was looked at.
    public let path: String
    /// The `integraph import` kind that reads it, or nil when no kind does.
    public let kind: String?
    /// What it looks like, in words ("Jaeger's trace JSON").
    public let looksLike: String
    /// What to do about it, when it is more than importing it under `kind`.
    public let advice: String?

    /// The first signature whose patterns all occur wins, most specific first. A pattern
    /// ending in ':' is a YAML key and counts only at the start of a line; one starting with
    /// `(?` is a regular expression.
    private static let signatures: [(patterns: [String], kind: String?, looksLike: String, advice: String?)] = [
        (["\"resourceSpans\""], "traces", "OpenTelemetry OTLP/JSON traces", nil),
        (["\"traceID\"", "\"processes\""], "traces", "Jaeger's trace JSON", nil),
        (["\"callCount\"", "\"parent\"", "\"child\""], "dependencies", "Jaeger's dependency links", nil),
        (["traces_service_graph_request"], "servicegraph", "OpenTelemetry service-graph metrics", nil),
        (["\"localEndpoint\""], "traces", "Zipkin v2 trace JSON", nil),
        (["\"traceId\"", "\"annotations\""], "traces", "Zipkin v1 trace JSON", nil),
        (["\"softwareSystems\""], "structurizr", "a Structurizr workspace", nil),
        (
            [#"(?m)^[ \t]*workspace\b[^{\n]*\{"#], nil, "a Structurizr DSL workspace",
            "export it as JSON first ('structurizr-cli export -workspace FILE.dsl -format json'), then 'integraph import structurizr FILE.json'"
        ),
        (["asyncapi:"], "asyncapi", "an AsyncAPI document", nil),
        (["\"asyncapi\""], "asyncapi", "an AsyncAPI document", nil),
        (["apiVersion: backstage.io/"], "backstage", "a Backstage catalog", nil),
        (["opengroup.org/xsd/archimate"], "archimate", "an ArchiMate Open Exchange Format model", nil),
        (
            ["<archimate:model"], nil, "Archi's own .archimate file",
            "export it from Archi as an Open Exchange Format file (File › Export › Model To Open Exchange File…), then 'integraph import archimate FILE.xml'"
        ),
        (["apiVersion:", "kind:"], "kubernetes", "Kubernetes manifests", nil),
        (["services:"], "compose", "a Docker Compose file", nil),
        (["integraph:"], nil, "an Integraph model already", "'integraph check' reads it as it is")
    ]

    /// What each of `paths` looks like, where something matches; a folder by its
    /// `Chart.yaml` or else by the first of its files (breadth first, in name order) that matches.
    public static func guess(paths: [String]) -> [ImportFormatGuess] {
        var guesses: [ImportFormatGuess] = []
        let files = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                if let guess = guess(file: path) { guesses.append(guess) }
                continue
            }
            let (found, chart) = firstFiles(below: path)
            if let chart {
                guesses.append(helmChart(at: chart))
                continue
            }
            // A folder is suggested whole: the kind reads every file of it.
            if let guess = found.lazy.compactMap(guess(file:)).first {
                guesses.append(ImportFormatGuess(path: path, kind: guess.kind, looksLike: guess.looksLike, advice: guess.advice))
            }
        }
        return guesses
    }

    /// The first 20 files below `folder`, breadth first in name order, and the folder of
    /// the first `Chart.yaml` met. At most 2,000 entries are looked at: an import that found
    /// nothing in a home folder must not walk all of it to say so.
    private static func firstFiles(below folder: String) -> (files: [String], chart: String?) {
        let manager = FileManager.default
        var queue = [folder], next = 0, seen = 0, files: [String] = []
        while next < queue.count, seen < 2_000 {
            let current = queue[next]
            next += 1
            let names = ((try? manager.contentsOfDirectory(atPath: current)) ?? []).sorted()
            if names.contains("Chart.yaml") { return (files, current) }
            for name in names where seen < 2_000 {
                seen += 1
                let child = (current as NSString).appendingPathComponent(name)
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: child, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    queue.append(child)
                } else if files.count < 20 {
                    files.append(child)
                }
            }
        }
        return (files, nil)
    }

    /// A Helm chart: templates that only `helm template` turns into manifests.
    public static func helmChart(at path: String) -> ImportFormatGuess {
        let chart = path.isEmpty ? "." : path
        return ImportFormatGuess(path: chart, kind: nil, looksLike: "a Helm chart", advice: renderingAdvice(forChart: chart))
    }

    /// What to run before a Helm chart can be imported, said the same wherever a chart is met.
    public static func renderingAdvice(forChart chart: String) -> String {
        "render it first: 'helm template NAME \(chart.isEmpty ? "." : chart) > manifests.yaml', then 'integraph import kubernetes manifests.yaml'"
    }

    private static func guess(file: String) -> ImportFormatGuess? {
        if (file as NSString).lastPathComponent == "Chart.yaml" { return helmChart(at: (file as NSString).deletingLastPathComponent) }
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 65_536)) ?? Data(), as: UTF8.self)
        let extensionName = (file as NSString).pathExtension.lowercased()
        if ["gv", "dot"].contains(extensionName) || head.range(of: #"^\s*(strict\s+)?(di)?graph\b"#, options: .regularExpression) != nil {
            return ImportFormatGuess(path: file, kind: "dot", looksLike: "a Graphviz graph", advice: nil)
        }
        if extensionName == "csv", let header = head.split(whereSeparator: \.isNewline).first,
            header.lowercased().split(separator: ",").contains(where: { ["id", "from"].contains($0.trimmingCharacters(in: .whitespaces)) })
        {
            return ImportFormatGuess(path: file, kind: "csv", looksLike: "a spreadsheet export", advice: nil)
        }
        return signatures.first { $0.patterns.allSatisfy { matches($0, in: head) } }.map {
            ImportFormatGuess(path: file, kind: $0.kind, looksLike: $0.looksLike, advice: $0.advice)
        }
    }

    private static func matches(_ pattern: String, in head: String) -> Bool {
        if pattern.hasPrefix("(?") { return head.range(of: pattern, options: .regularExpression) != nil }
        guard pattern.hasSuffix(":"), !pattern.hasPrefix("\"") else { return head.contains(pattern) }
        let key = NSRegularExpression.escapedPattern(for: pattern)
        // Spaces and tabs only: `\\s*` would also take line breaks, and rescan every blank line from each one.
        return head.range(of: "(?m)^[ \\t]*(- )?" + key, options: .regularExpression) != nil
    }
}
