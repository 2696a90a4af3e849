extension TracesImporter {
    /// Jaeger's JSON, as its UI downloads search results and `/api/traces` answers
    /// (`{"data": [trace, …]}`), and as the UI also takes a trace bare, a list of traces, or
    /// a list of spans that carry their own `process` (Elasticsearch documents, the
    /// anonymizer's output). A trace is `spans` and `processes`; a span names its process by
    /// `processID`, whose `serviceName` is its service, its parent by a `references` entry
    /// (`CHILD_OF` in its own trace first, then `FOLLOWS_FROM`, then `parentSpanID`), its
    /// kind, failure and remote service by the tags `span.kind`, `error` (or
    /// `otel.status_code` `ERROR`) and `peer.service`: a client or producer calls its peer, a
    /// server or consumer is called by it. Span ids are taken within their trace, as Jaeger
    /// keeps them.
    ///
    /// ```swift
    /// let spans = TracesImporter.jaegerSpans(root) // root: {"data": [{"traceID": …, "spans": […], "processes": {…}}]}
    /// ```
    static func jaegerSpans(_ root: DocumentNode) -> [Span] {
        let data = root["data"] ?? root
        var spans: [Span] = []
        for record in data.items.isEmpty ? [data] : data.items {
            if let list = record["spans"] {
                // Indexed once: a mapping's subscript scans its entries, and every span names one.
                let processes = Dictionary((record["processes"]?.entries ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
                for span in list.items { spans.append(jaegerSpan(span, processes: processes)) }
            } else if record["spanID"] != nil {
                spans.append(jaegerSpan(record, processes: [:]))
            }
        }
        return spans
    }

    private static func jaegerSpan(_ span: DocumentNode, processes: [String: DocumentNode]) -> Span {
        let trace = span["traceID"]?.text ?? ""
        func tag(_ key: String) -> String? {
            span["tags"]?.items.first { $0["key"]?.text == key }?["value"]?.text
        }
        // The id of a span of this trace, or of the trace a reference names.
        func id(_ spanID: String?, in trace: String) -> String? { spanID.map { trace + ":" + $0 } }
        let references = span["references"]?.items ?? []
        let parent = references.min { rank($0, trace) < rank($1, trace) }
        let process = span["processID"]?.text.flatMap { processes[$0] } ?? span["process"]
        let service = name(process)
        let kind = tag("span.kind")?.lowercased() ?? ""
        // As Zipkin's remote endpoint, which Jaeger keeps as `peer.service`: the service a
        // client called, or the one that called a server.
        var calls: [(String, String)] = []
        if let service, let peer = serviceID(tag("peer.service")) {
            if kind == "client" || kind == "producer" { calls.append((service, peer)) }
            if kind == "server" || kind == "consumer" { calls.append((peer, service)) }
        }
        return Span(
            id: id(span["spanID"]?.text, in: trace),
            parent: parent.flatMap { id($0["spanID"]?.text, in: $0["traceID"]?.text ?? trace) } ?? id(span["parentSpanID"]?.text, in: trace),
            service: service, calls: calls, isServer: kind == "server" || kind == "consumer",
            failed: tag("error")?.lowercased() == "true" || tag("otel.status_code") == "ERROR", position: span.position)
    }

    /// How well a reference names a span's parent: lower is better.
    private static func rank(_ reference: DocumentNode, _ trace: String) -> Int {
        (reference["refType"]?.text == "FOLLOWS_FROM" ? 1 : 0) + ((reference["traceID"]?.text ?? trace) == trace ? 0 : 2)
    }
}
