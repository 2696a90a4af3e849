/// Reads the service-graph metrics that the OpenTelemetry Collector's `servicegraph`
/// connector (and Grafana Tempo's and Agent's service-graph processors) derive from traces,
/// as Prometheus text: each `traces_service_graph_request_total{client="a",server="b",…} N`
/// is N calls from client to server, each `traces_service_graph_request_failed_total` the
/// failed ones, summed per pair over the other labels (`connection_type`, `failed`, extra
/// dimensions). The names older versions wrote without `_total`, and any prefix an
/// exporter's namespace adds (`otelcol_traces_service_graph_request_total`), are read too.
/// A flow keeps a `connection_type` (`database`, `messaging_system`, `virtual_node`) as
/// `attributes["servicegraph/connection_type"]`. Other metrics (the latency histograms,
/// unpaired spans) are counted and left out; a line that is not Prometheus text is a note
/// with its line and column, and after 100 of them the rest of the file is skipped. Service
/// names are lower-cased, as `traces` writes them. O(lines).
///
/// ```swift
/// var builder = ImportBuilder(source: "servicegraph")
/// ServiceGraphImporter().read([ImportSource(name: "metrics.prom", text: scrape)], into: &builder)
/// ```
package struct ServiceGraphImporter: Sendable {
    /// What a service-graph counter counts.
    enum Role { case requests, failures }

    /// How many lines that are not Prometheus text make a file not worth reading on.
    static let malformedLimit = 100

    public init() {}

    /// The role of the metric `name`, `nil` for a metric that is not a service-graph counter.
    static func role(of name: some StringProtocol) -> Role? {
        for (base, role) in [
            ("traces_service_graph_request_total", Role.requests), ("traces_service_graph_request", .requests),
            ("traces_service_graph_request_failed_total", .failures), ("traces_service_graph_request_failed", .failures)
        ]
        where name == base || name.hasSuffix("_" + base) {
            return role
        }
        return nil
    }

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        for file in files { read(file, into: &builder) }
    }

    private func read(_ file: ImportSource, into builder: inout ImportBuilder) {
        // Prometheus text never begins with a bracket: JSON gets one note, not one a line.
        if let first = file.text.first(where: { !$0.isWhitespace }), first == "{" || first == "[" {
            let hint = TraceFormat.sniff(text: file.text)?.hint(readAs: .servicegraph) ?? "it is JSON, not Prometheus text"
            return builder.skipFile(ImportNote(file: file.name, position: .start, message: "skipped the file: \(hint)"))
        }
        var samples = 0, malformed = 0
        var others: [String: Int] = [:]
        var lines = PrometheusSample.lines(of: file.text)
        // Every line of the format ends with a line feed: a last one without is cut off, and
        // its value may have lost digits ("4" of "42"), so it is left out.
        if let last = lines.last, !last.isEmpty {
            lines.removeLast()
            builder.readPartly(
                ImportNote(
                    file: file.name, position: SourcePosition(line: lines.count + 1, column: 1),
                    message: "the last line has no line end (cut off?): left out"))
        }
        lines: for (number, line) in lines.enumerated() {
            func note(_ column: Int, _ message: String) -> ImportNote {
                ImportNote(file: file.name, position: SourcePosition(line: number + 1, column: column), message: message)
            }
            let sample: PrometheusSample
            switch PrometheusSample.parse(line) {
            case .success(nil): continue
            case .success(let read?): sample = read
            case .failure(let error):
                malformed += 1
                if malformed == Self.malformedLimit {
                    builder.skip(note(error.column, "skipped the rest of the file: \(malformed) lines are not Prometheus text"))
                    break lines
                }
                builder.skip(note(error.column, "skipped a line that is not Prometheus text: \(error.message)"))
                continue
            }
            guard let role = Self.role(of: sample.name) else {
                others[sample.name, default: 0] += 1
                continue
            }
            samples += 1
            guard let client = TracesImporter.serviceID(sample.labels["client"]), let server = TracesImporter.serviceID(sample.labels["server"])
            else {
                builder.skip(note(1, "skipped a sample of \(sample.name) without both a client and a server label"))
                continue
            }
            guard let count = ImportCount.parse(sample.value) else {
                builder.skip(note(1, "skipped a sample of \(sample.name): '\(sample.value)' is not a count (a whole number from 0 to 10^15)"))
                continue
            }
            for service in [client, server] where !builder.hasSystem(service) {
                builder.addSystem(System(id: service, kind: "service"))
            }
            var attributes = ["calls": role == .requests ? String(count) : "0", "errors": role == .failures ? String(count) : "0"]
            if let type = sample.labels["connection_type"], !type.isEmpty { attributes["servicegraph/connection_type"] = type }
            builder.addCall(caller: client, callee: server, attributes: attributes, at: note(1, "sample"), counted: ["calls", "errors"])
        }
        if samples == 0 {
            let hint = TraceFormat.sniff(text: file.text)?.hint(readAs: .servicegraph) ?? "it holds no traces_service_graph_request_total samples"
            builder.skipFile(ImportNote(file: file.name, position: .start, message: "skipped the file: \(hint)"))
        } else if !others.isEmpty {
            let names = others.keys.sorted()
            builder.skip(
                ImportNote(
                    file: file.name, position: .start,
                    message: "skipped \(Wording.counted(others.values.reduce(0, +), "sample")) of other metrics: \(Wording.quoted(names, limit: 3))"))
        }
    }
}
