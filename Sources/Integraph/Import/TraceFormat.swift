/// What a file of runtime calls holds, told from its shape alone: spans in one of the
/// formats `traces` reads, Jaeger's dependency links (`dependencies`) or the OpenTelemetry
/// service-graph metrics (`servicegraph`). `traces` reads spans by it; each of the three
/// kinds, given a file it cannot read, says which kind can.
///
/// ```swift
/// TraceFormat.sniff(text: #"{"data": [{"parent": "a", "child": "b", "callCount": 3}]}"#) // .dependencies
/// TraceFormat.dependencies.hint(readAs: .traces)
/// // "it holds Jaeger dependency links: read it with 'integraph import dependencies'"
/// ```
package enum TraceFormat: Sendable, Equatable, CustomStringConvertible {
    case zipkin, jaeger, otlp, dependencies, serviceGraph

    /// The kind that reads it.
    public var kind: ImportKind {
        switch self {
        case .zipkin, .jaeger, .otlp: .traces
        case .dependencies: .dependencies
        case .serviceGraph: .servicegraph
        }
    }

    public var description: String {
        switch self {
        case .zipkin: "Zipkin spans"
        case .jaeger: "Jaeger traces"
        case .otlp: "OpenTelemetry spans (OTLP/JSON)"
        case .dependencies: "Jaeger dependency links"
        case .serviceGraph: "service-graph metrics"
        }
    }

    /// What to tell someone who read it as `kind`: `nil` when that is the right kind.
    public func hint(readAs kind: ImportKind) -> String? {
        self.kind == kind ? nil : "it holds \(self): read it with 'integraph import \(self.kind.rawValue)'"
    }

    /// The format of a JSON document: OTLP by `resourceSpans` (also under Jaeger's API v3
    /// `result`); Jaeger by a trace's `spans` or a span's `spanID`, bare, in a list or under
    /// `data`; Zipkin by a list of spans (`traceId`, `id`) or of such lists; dependency links
    /// by `parent` and `child`, at any depth.
    public static func sniff(_ root: DocumentNode) -> TraceFormat? {
        if root["resourceSpans"] != nil || root.at("result", "resourceSpans") != nil { return .otlp }
        let data = root["data"] ?? root
        if let first = data.items.first ?? (data.entries.isEmpty ? nil : data) {
            if first["spans"] != nil || first["spanID"] != nil { return .jaeger }
            if case .sequence = root.value, !first.items.isEmpty || first["traceId"] != nil || first["id"] != nil { return .zipkin }
        }
        return holdsLinks(root) ? .dependencies : nil
    }

    /// Whether a dependency link is among the first 10,000 nodes of a document, however
    /// deep: Jaeger's stores wrap them in documents of their own.
    private static func holdsLinks(_ root: DocumentNode) -> Bool {
        var pending = [root], visited = 0
        while let node = pending.popLast(), visited < 10_000 {
            if node["parent"] != nil && node["child"] != nil { return true }
            visited += 1
            pending += node.items + node.entries.map(\.value)
        }
        return false
    }

    /// The format of a file's text: service-graph metrics if a line names one, else what
    /// its JSON holds.
    public static func sniff(text: String) -> TraceFormat? {
        for line in PrometheusSample.lines(of: text).prefix(10_000)
        where ServiceGraphImporter.role(of: line.drop { $0 == " " || $0 == "\t" }.prefix { $0 != "{" && $0 != " " && $0 != "\t" }) != nil {
            return .serviceGraph
        }
        guard case .success(let root?) = ImportSource(name: "", text: text).jsonDocument() else { return nil }
        return sniff(root)
    }
}

extension ImportSource {
    /// Its JSON document for the importer of `kind`, or `nil` with the file noted as skipped:
    /// malformed or empty, and, when it holds another kind's calls, which kind reads it.
    func jsonRoot(readAs kind: ImportKind, into builder: inout ImportBuilder) -> DocumentNode? {
        switch jsonDocument() {
        case .success(let root?):
            return root
        case .success(nil):
            builder.skipFile(ImportNote(file: name, position: .start, message: "skipped the file: it is empty"))
        case .failure(let note):
            let hint = TraceFormat.sniff(text: text)?.hint(readAs: kind).map { "; \($0)" } ?? ""
            builder.skipFile(ImportNote(file: note.file, position: note.position, message: note.message + hint))
        }
        return nil
    }
}
