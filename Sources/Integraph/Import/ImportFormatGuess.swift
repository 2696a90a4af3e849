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
            [#"(?m)^\s*workspace\b[^{\n]*\{"#], nil, "a Structurizr DSL workspace",
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
    /// `Chart.yaml` or else by the first of its files in path order that matches.
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
            let names = ((files.enumerator(atPath: path)?.allObjects as? [String]) ?? []).sorted()
            if let chart = names.first(where: { ($0 as NSString).lastPathComponent == "Chart.yaml" }) {
                guesses.append(helmChart(at: (path as NSString).appendingPathComponent((chart as NSString).deletingLastPathComponent)))
                continue
            }
            let found = names.lazy.map { (path as NSString).appendingPathComponent($0) }.filter { name in
                var isFolder: ObjCBool = false
                return files.fileExists(atPath: name, isDirectory: &isFolder) && !isFolder.boolValue
            }
            // A folder is suggested whole: the kind reads every file of it.
            if let guess = found.prefix(20).lazy.compactMap(guess(file:)).first {
                guesses.append(ImportFormatGuess(path: path, kind: guess.kind, looksLike: guess.looksLike, advice: guess.advice))
            }
        }
        return guesses
    }

    /// A Helm chart: templates that only `helm template` turns into manifests.
    public static func helmChart(at path: String) -> ImportFormatGuess {
        let chart = path.isEmpty ? "." : path
        return ImportFormatGuess(
            path: chart, kind: nil, looksLike: "a Helm chart",
            advice: "render it first: 'helm template NAME \(chart) > manifests.yaml', then 'integraph import kubernetes manifests.yaml'")
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
        return head.range(of: "(?m)^\\s*(- )?" + key, options: .regularExpression) != nil
    }
}
