/// Reads distributed traces — Zipkin JSON, v2 (`localEndpoint`, `kind`) and v1
/// (`annotations` cs/sr, `binaryAnnotations` sa/ca), Jaeger's JSON (see `jaegerSpans`) and
/// OpenTelemetry OTLP/JSON (`resourceSpans`) — into the calls that ran: a parent span's
/// service calls its child span's service, a client or producer span's service calls its
/// remote endpoint (Jaeger and OTLP: its `peer.service`), and a server or consumer span's
/// remote endpoint calls its service. Each pair of services is one call with `calls` and
/// `errors` counted in its attributes; a call seen from both sides (a client span naming
/// its peer, and a child span in that peer) counts once, failed if either failed. Service
/// names are lower-cased; a span's parent is looked up by id, preferring the server half
/// where client and server share one. Self-calls are skipped. A file of no spans is noted,
/// with the kind that reads it if it holds dependency links or service-graph metrics. Such
/// a model is what runs, not what was declared. O(spans).
///
/// ```swift
/// var builder = ImportBuilder(source: "traces")
/// TracesImporter().read(files, into: &builder)
/// ```
package struct TracesImporter: Sendable {
    /// A span as every format's reader gives it to the one that turns spans into calls.
    struct Span {
        let id: String?
        let parent: String?
        /// The service that ran it (for a v1 span seen from both sides, the server's).
        let service: String?
        /// Calls it records directly, caller first.
        let calls: [(String, String)]
        let isServer: Bool
        let failed: Bool
        let position: SourcePosition
    }

    public init() {}

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        for file in files {
            guard let root = file.jsonRoot(readAs: .traces, into: &builder) else { continue }
            let format = TraceFormat.sniff(root)
            let spans = Self.spans(in: root, format: format)
            guard spans.isEmpty else {
                read(spans, file: file.name, into: &builder)
                continue
            }
            // An empty list, bare or under Jaeger's `data`, is a search that found nothing.
            let records = root["data"] ?? root
            if format?.kind == .traces || (records.items.isEmpty && records.entries.isEmpty && records.text == nil) {
                builder.skip(ImportNote(file: file.name, position: root.position, message: "skipped the file: it holds no spans"))
            } else {
                let hint = format?.hint(readAs: .traces) ?? "not spans of Zipkin, Jaeger or OpenTelemetry (OTLP/JSON)"
                builder.skipFile(ImportNote(file: file.name, position: root.position, message: "skipped the file: \(hint)"))
            }
        }
    }

    private func read(_ spans: [Span], file: String, into builder: inout ImportBuilder) {
        var serviceOfID: [String: String] = [:]
        for span in spans {
            guard let id = span.id, let service = span.service else { continue }
            if span.isServer || serviceOfID[id] == nil { serviceOfID[id] = service }
        }
        func key(_ id: String, _ caller: String, _ callee: String) -> String { id + "\u{0}" + caller + "\u{0}" + callee }
        // A client span's call that its child span, in the service called, also records is
        // one call seen from both sides: the child counts it, the client's failure included.
        var calledByChild: Set<String> = [], failedDirectly: Set<String> = []
        for span in spans {
            if let parent = span.parent, let callee = span.service, let caller = serviceOfID[parent], caller != callee {
                calledByChild.insert(key(parent, caller, callee))
            }
            if span.failed, let id = span.id { failedDirectly.formUnion(span.calls.map { key(id, $0.0, $0.1) }) }
        }
        // The client and server halves of one call share a span id: count the call once.
        var countedCalls: Set<String> = []
        for span in spans {
            guard span.service != nil || !span.calls.isEmpty else {
                builder.skip(ImportNote(file: file, position: span.position, message: "skipped a span without a service name"))
                continue
            }
            let childCounts = { (call: (String, String)) in span.id.map { calledByChild.contains(key($0, call.0, call.1)) } ?? false }
            var calls = span.calls.filter { !childCounts($0) }.map { ($0.0, $0.1, span.failed) }
            // A parent span in the same service is work inside it, not a call.
            if let parentID = span.parent, let parent = serviceOfID[parentID], let service = span.service, parent != service {
                calls.append((parent, service, span.failed || failedDirectly.contains(key(parentID, parent, service))))
            }
            var counted: Set<String> = []
            for (caller, callee, failed) in calls where counted.insert(caller + "\u{0}" + callee).inserted {
                let isNew = countedCalls.insert(key(span.id ?? "\(span.position)", caller, callee)).inserted
                for service in [caller, callee] where !builder.hasSystem(service) {
                    builder.addSystem(System(id: service, kind: "service"))
                }
                builder.addCall(
                    caller: caller, callee: callee,
                    attributes: ["calls": isNew ? "1" : "0", "errors": isNew && failed ? "1" : "0"],
                    at: ImportNote(file: file, position: span.position, message: "span"),
                    counted: ["calls", "errors"])
            }
            if let service = span.service, !builder.hasSystem(service) { builder.addSystem(System(id: service, kind: "service")) }
        }
    }

    /// The spans of a Zipkin list (or a list of traces, each a list), of Jaeger's JSON or of
    /// an OTLP export.
    private static func spans(in root: DocumentNode, format: TraceFormat?) -> [Span] {
        switch format {
        case .otlp: otlpSpans(root["resourceSpans"] ?? root.at("result", "resourceSpans"))
        case .jaeger: jaegerSpans(root)
        case .zipkin: root.items.flatMap { item in item.items.isEmpty ? [zipkinSpan(item)] : item.items.map(zipkinSpan) }
        case .dependencies, .serviceGraph, nil: []
        }
    }

    /// A service's id: its name lower-cased, `nil` when it has none.
    static func serviceID(_ name: String?) -> String? {
        name.map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The service an endpoint or a Jaeger process names by its `serviceName`.
    static func name(_ endpoint: DocumentNode?) -> String? {
        serviceID(endpoint?["serviceName"]?.text)
    }

    private static func zipkinSpan(_ span: DocumentNode) -> Span {
        let failed =
            span.at("tags", "error") != nil
            || span["binaryAnnotations"]?.items.contains { $0["key"]?.text == "error" } == true
        if let annotations = span["annotations"], span["localEndpoint"] == nil, span["kind"] == nil {
            // v1: one span may carry both the client's and the server's side.
            func side(_ values: [String]) -> String? {
                annotations.items.first { values.contains($0["value"]?.text ?? "") }.flatMap { name($0["endpoint"]) }
            }
            func address(_ key: String) -> String? {
                span["binaryAnnotations"]?.items.first { $0["key"]?.text == key }.flatMap { name($0["endpoint"]) }
            }
            let client = side(["cs", "cr"]) ?? address("ca"), server = side(["sr", "ss"]) ?? address("sa")
            var calls: [(String, String)] = []
            if let client, let server { calls.append((client, server)) }
            return Span(
                id: span["id"]?.text, parent: span["parentId"]?.text, service: server ?? client, calls: calls,
                isServer: server != nil, failed: failed, position: span.position)
        }
        let local = name(span["localEndpoint"]), remote = name(span["remoteEndpoint"])
        let kind = span["kind"]?.text ?? ""
        var calls: [(String, String)] = []
        if let local, let remote {
            if kind == "CLIENT" || kind == "PRODUCER" { calls.append((local, remote)) }
            if kind == "SERVER" || kind == "CONSUMER" { calls.append((remote, local)) }
        }
        return Span(
            id: span["id"]?.text, parent: span["parentId"]?.text, service: local, calls: calls,
            isServer: kind == "SERVER" || kind == "CONSUMER", failed: failed, position: span.position)
    }

    /// OTLP/JSON: `resourceSpans[].resource.attributes` names the service (`service.name`);
    /// a client span's `peer.service` attribute names what it called.
    private static func otlpSpans(_ resources: DocumentNode?) -> [Span] {
        func attribute(_ key: String, in node: DocumentNode?) -> String? {
            node?.items.first { $0["key"]?.text == key }?.at("value", "stringValue")?.text
        }
        var spans: [Span] = []
        for resource in resources?.items ?? [] {
            let service = serviceID(attribute("service.name", in: resource.at("resource", "attributes")))
            for scope in (resource["scopeSpans"] ?? resource["instrumentationLibrarySpans"])?.items ?? [] {
                for span in scope["spans"]?.items ?? [] {
                    let kind = span["kind"]?.text ?? ""
                    let isClient = kind == "3" || kind == "5" || kind.hasSuffix("CLIENT") || kind.hasSuffix("PRODUCER")
                    let isServer = kind == "2" || kind == "4" || kind.hasSuffix("SERVER") || kind.hasSuffix("CONSUMER")
                    var calls: [(String, String)] = []
                    if isClient, let service, let peer = serviceID(attribute("peer.service", in: span["attributes"])) {
                        calls.append((service, peer))
                    }
                    let failed = span.at("status", "code")?.text == "2" || span.at("status", "code")?.text == "STATUS_CODE_ERROR"
                    spans.append(
                        Span(
                            id: span["spanId"]?.text, parent: span["parentSpanId"]?.text.flatMap { $0.isEmpty ? nil : $0 },
                            service: service, calls: calls, isServer: isServer, failed: failed, position: span.position))
                }
            }
        }
        return spans
    }
}
