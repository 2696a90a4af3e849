import Foundation
import Testing

@testable import Integraph

/// Jaeger's JSON, Jaeger's dependency links and the service-graph metrics: inline inputs
/// worked through by hand, and the real files under Fixtures/import, whose counts each
/// folder's PROVENANCE.md derives.
@Suite struct TraceImportTests {
    static let fixtures = packageRoot.appendingPathComponent("Tests/IntegraphTests/Fixtures/import")

    static func read(_ kind: ImportKind, _ name: String, _ text: String, direction: ImportDirection = .calls) -> ImportResult {
        var builder = ImportBuilder(source: kind.rawValue)
        let files = [ImportSource(name: name, text: text)]
        switch kind {
        case .traces: TracesImporter().read(files, into: &builder)
        case .dependencies: DependenciesImporter().read(files, into: &builder)
        default: ServiceGraphImporter().read(files, into: &builder)
        }
        return builder.finish(direction: direction)
    }

    static func fixture(_ kind: ImportKind, _ path: String, direction: ImportDirection = .calls) -> ImportResult {
        kind.read(paths: [fixtures.appendingPathComponent(path).path], direction: direction)
    }

    /// Each flow as `from->to calls/errors`.
    static func counted(_ result: ImportResult) -> [String] {
        result.landscape.flows.map { "\($0.from.id)->\($0.to.id) \($0.attributes["calls"] ?? "-")/\($0.attributes["errors"] ?? "-")" }
    }

    /// A UI download of two traces that reuse span ids, as Jaeger allows across traces. In
    /// the first, the frontend's client span (peer.service cart, failed) is the parent of
    /// cart's server span: one call seen from both sides, counted once and failed. Its
    /// second client span names redis, which has no span of its own: a call too. A span of
    /// the frontend under the frontend is work inside it. In the second trace, span 2 is
    /// cart's and its child, in payments, follows from it; span 3 names a parent in another
    /// trace only, and its own trace's span 2 wins.
    @Test func jaegerTracesCountEachCallOnce() {
        let first = """
            {"traceID": "t1", "processes": {"p1": {"serviceName": "Frontend"}, "p2": {"serviceName": "cart"}},
             "spans": [
              {"traceID": "t1", "spanID": "1", "references": [], "processID": "p1",
               "tags": [{"key": "span.kind", "type": "string", "value": "server"}]},
              {"traceID": "t1", "spanID": "2", "references": [{"refType": "CHILD_OF", "traceID": "t1", "spanID": "1"}],
               "processID": "p1", "tags": [{"key": "span.kind", "value": "client"}, {"key": "peer.service", "value": "cart"},
                                            {"key": "error", "type": "bool", "value": true}]},
              {"traceID": "t1", "spanID": "3", "references": [{"refType": "CHILD_OF", "traceID": "t1", "spanID": "2"}],
               "processID": "p2", "tags": [{"key": "span.kind", "value": "server"}]},
              {"traceID": "t1", "spanID": "4", "references": [{"refType": "CHILD_OF", "traceID": "t1", "spanID": "1"}],
               "processID": "p1", "tags": [{"key": "span.kind", "value": "client"}, {"key": "peer.service", "value": "redis"}]},
              {"traceID": "t1", "spanID": "5", "references": [{"refType": "CHILD_OF", "traceID": "t1", "spanID": "1"}],
               "processID": "p1", "tags": []}]}
            """
        let second = """
            {"traceID": "t2", "processes": {"p1": {"serviceName": "cart"}, "p2": {"serviceName": "payments"}},
             "spans": [
              {"traceID": "t2", "spanID": "2", "processID": "p1", "tags": []},
              {"traceID": "t2", "spanID": "3", "processID": "p2", "tags": [],
               "references": [{"refType": "CHILD_OF", "traceID": "t1", "spanID": "1"}, {"refType": "FOLLOWS_FROM", "spanID": "2"}]}]}
            """
        let download = #"{"data": ["# + first + ",\n" + second + "]}"
        let result = Self.read(.traces, "traces-1700000000000.json", download)
        #expect(result.landscape.systems.map(\.id) == ["frontend", "cart", "redis", "payments"])
        #expect(Self.counted(result) == ["frontend->cart 1/1", "frontend->redis 1/0", "cart->payments 1/0"])
        #expect(result.skipped.isEmpty && result.unreadable.isEmpty)
        // By default a flow runs the way data moves: from the service called to its caller.
        #expect(Self.counted(Self.read(.traces, "t.json", download, direction: .data)).first == "cart->frontend 1/1")
        // The same trace bare, and in a list, as the UI also takes it.
        for text in [first, "[" + first + "]"] {
            #expect(Self.counted(Self.read(.traces, "t.json", text)) == ["frontend->cart 1/1", "frontend->redis 1/0"])
        }
    }

    /// Zipkin too, where the server span has an id of its own (not `shared`): the client's
    /// call and its child's are one, and the server's failure fails it.
    @Test func zipkinClientAndServerSpansOfOneCallCountOnce() {
        let result = Self.read(
            .traces, "zipkin.json",
            """
            [{"traceId": "t", "id": "1", "kind": "CLIENT", "localEndpoint": {"serviceName": "gateway"}, "remoteEndpoint": {"serviceName": "orders"}},
             {"traceId": "t", "id": "2", "parentId": "1", "kind": "SERVER", "localEndpoint": {"serviceName": "orders"},
              "remoteEndpoint": {"serviceName": "gateway"}, "tags": {"error": "500"}}]
            """)
        #expect(Self.counted(result) == ["gateway->orders 1/1"])
    }

    /// Jaeger's own fixtures: the UI model trace (two spans of service-x, three of service-y
    /// under them), the query service's `/api/traces` answer (a server span whose
    /// `peer.service` is its caller, written twice), and the anonymizer's list of spans that
    /// carry their process (a server and its failing client child in another service).
    @Test(arguments: [
        ("jaeger/ui_01.json", ["service-x", "service-y"], ["service-x->service-y 2/0"]),
        ("jaeger/otlp2jaeger-out.json", ["telemetrygen-client", "telemetrygen"], ["telemetrygen-client->telemetrygen 1/0"]),
        ("jaeger/anonymizer-trace_success.json", ["16af988c443cff37", "3c220036602f839e"], ["16af988c443cff37->3c220036602f839e 1/1"])
    ])
    func jaegersOwnTraces(path: String, systems: [String], flows: [String]) {
        let result = Self.fixture(.traces, path)
        #expect(result.landscape.systems.map(\.id) == systems)
        #expect(Self.counted(result) == flows)
        #expect(result.skipped.isEmpty)
    }

    /// The anonymizer's broken inputs: a trailing comma, a span with no process, nothing.
    @Test(arguments: [
        ("anonymizer-trace_scan_error.json", "2:1: skipped the file: invalid JSON: expected a value, found ']'"),
        ("anonymizer-trace_invalid_json.json", "1:2: skipped a span without a service name"),
        ("anonymizer-trace_empty.json", "1:1: skipped the file: it is empty")
    ])
    func brokenJaegerFilesAreLocatedNotes(file: String, note: String) {
        let path = Self.fixtures.appendingPathComponent("jaeger/\(file)").path
        let result = ImportKind.traces.read(paths: [path], direction: .data)
        #expect(result.landscape.systems.isEmpty)
        #expect(result.skipped.map(\.description) == ["\(path):\(note)"])
    }

    /// Links as `/api/dependencies` answers them, one pair twice (numbers and protobuf's
    /// string), one without a count, and the ways a link can be wrong.
    @Test func dependencyLinksAddUpTheirCounts() {
        let result = Self.read(
            .dependencies, "deps.json",
            """
            {"data": [
              {"parent": "Frontend", "child": "cart", "callCount": 3},
              {"parent": "frontend", "child": "cart", "callCount": "4", "source": "jaeger"},
              {"parent": "cart", "child": "redis"},
              {"parent": "cart", "child": "db", "callCount": "lots"},
              {"parent": "cart", "child": "db", "callCount": 1e300},
              {"parent": "cart", "child": "db", "callCount": -2},
              {"parent": "redis", "child": "redis", "callCount": 1},
              {"parent": "orphan"}
            ], "total": 8, "limit": 0, "offset": 0, "errors": null}
            """)
        #expect(result.landscape.systems.map(\.id) == ["frontend", "cart", "redis"])
        #expect(Self.counted(result) == ["frontend->cart 7/-", "cart->redis 0/-"])
        #expect(
            result.skipped.map(\.description) == [
                "deps.json:5:3: skipped a dependency link: callCount 'lots' is not a count of calls (a whole number from 0 to 10^15)",
                "deps.json:6:3: skipped a dependency link: callCount '1e300' is not a count of calls (a whole number from 0 to 10^15)",
                "deps.json:7:3: skipped a dependency link: callCount '-2' is not a count of calls (a whole number from 0 to 10^15)",
                "deps.json:8:3: skipped a call from 'redis' to itself: a flow joins two different systems",
                "deps.json:9:3: skipped a dependency link: it needs a parent and a child service"
            ])
        #expect(Self.counted(Self.read(.dependencies, "d.json", #"[{"parent": "a", "child": "b", "callCount": 2}]"#, direction: .data)) == ["b->a 2/-"])
    }

    /// Where else Jaeger keeps links: the Spark job's daily documents (the pair on two days
    /// adds up), an Elasticsearch answer holding them, API v3's `dependencies`; and the
    /// request Jaeger's Elasticsearch store writes them with (its own test data).
    @Test func dependencyLinksAreFoundWhereverTheyAre() {
        let spark = """
            [{"timestamp": "2026-12-01T00:00:00Z", "dependencies": [{"parent": "a", "child": "b", "callCount": 5}]},
             {"timestamp": "2026-12-02T00:00:00Z", "dependencies": [{"parent": "a", "child": "b", "callCount": 6}, {"parent": "b", "child": "c", "callCount": 1}]}]
            """
        #expect(Self.counted(Self.read(.dependencies, "spark.json", spark)) == ["a->b 11/-", "b->c 1/-"])
        let search =
            #"{"hits": {"total": 1, "hits": [{"_index": "jaeger-dependencies-2026-12-01", "_source": {"dependencies": [{"parent": "a", "child": "b", "callCount": 2}]}}]}}"#
        #expect(Self.counted(Self.read(.dependencies, "es.json", search)) == ["a->b 2/-"])
        #expect(Self.counted(Self.read(.dependencies, "v3.json", #"{"dependencies": [{"parent": "a", "child": "b", "callCount": "9"}]}"#)) == ["a->b 9/-"])
        let stored = Self.fixture(.dependencies, "jaeger/es-write_dependencies.json")
        #expect(stored.landscape.systems.map(\.id) == ["svca", "svcb"] && Self.counted(stored) == ["svca->svcb 1/-"])
    }

    /// Prometheus text as the connector's exporter writes it, and as older versions did:
    /// `_total`-less names, a namespace prefix, timestamps, escaped label values, an
    /// exemplar, CRLF line ends; the failed counter adds to the same pair's errors. Other
    /// metrics are counted in one note; each malformed line is a note at its column.
    @Test func serviceGraphMetricsAreCalls() {
        let scrape =
            [
                "# HELP traces_service_graph_request_total Total count of requests between two nodes",
                "# TYPE traces_service_graph_request_total counter",
                #"traces_service_graph_request_total{client="web",server="cart",connection_type=""} 40 1700000000000"#,
                #"traces_service_graph_request_total{client="web",server="cart",failed="true"} 2"#,
                #"traces_service_graph_request_failed_total{client="web",server="cart"} 2 # {trace_id="abc"} 1"#,
                #"traces_service_graph_request{ client = "cart" , server="postgres",connection_type="database", } 4.2e+01"#,
                #"traces_service_graph_request_failed{client="cart",server="postgres"} 1"#,
                #"otelcol_traces_service_graph_request_total{client="say \"hi\"",server="back\\slash\nline"} 1"#,
                #"traces_service_graph_request_server_seconds_count{client="web",server="cart"} 42"#,
                #"traces_service_graph_unpaired_spans_total{client="",server="db"} 3"#,
                "",
                #"traces_service_graph_request_total{client="web",server="cart" 1"#,
                #"traces_service_graph_request_total{client="web",server="cart} 1"#,
                #"traces_service_graph_request_total{client="web"} 1"#,
                #"traces_service_graph_request_total{client="web",server="cart"} NaN"#,
                #"traces_service_graph_request_total{client="web",server="cart"} 1 soon"#,
                "{not a metric} 1"
            ].joined(separator: "\r\n") + "\r\n"
        let result = Self.read(.servicegraph, "metrics", scrape)
        #expect(result.landscape.systems.map(\.id) == ["web", "cart", "postgres", "say \"hi\"", "back\\slash\nline"])
        #expect(Self.counted(result) == ["web->cart 42/2", "cart->postgres 42/1", "say \"hi\"->back\\slash\nline 1/0"])
        #expect(result.landscape.flows[1].attributes["servicegraph/connection_type"] == "database")
        #expect(
            result.skipped.map(\.description) == [
                "metrics:12:63: skipped a line that is not Prometheus text: expected a label name or '}'",
                "metrics:13:56: skipped a line that is not Prometheus text: the value of 'server' is not closed with '\"'",
                "metrics:14:1: skipped a sample of traces_service_graph_request_total without both a client and a server label",
                "metrics:15:1: skipped a sample of traces_service_graph_request_total: 'NaN' is not a count (a whole number from 0 to 10^15)",
                "metrics:16:66: skipped a line that is not Prometheus text: expected a timestamp after the value, or the end of the line",
                "metrics:17:1: skipped a line that is not Prometheus text: not a sample: a metric name begins with a letter, '_' or ':'",
                "metrics:1:1: skipped 2 samples of other metrics: 'traces_service_graph_request_server_seconds_count', 'traces_service_graph_unpaired_spans_total'"
            ])
        #expect(Self.counted(Self.read(.servicegraph, "m.prom", scrape, direction: .data)).first == "cart->web 42/2")
    }

    /// Lines end at `\n` alone (with its `\r`), as Prometheus reads them: a U+2028 inside
    /// a label value is part of the value, and the next line keeps its number.
    @Test func prometheusLinesBreakAtLineFeedsOnly() {
        let scrape = "traces_service_graph_request_total{client=\"web\u{2028}app\",server=\"cart\"} 1\r\n{bad\n"
        let result = Self.read(.servicegraph, "m.prom", scrape)
        #expect(result.landscape.systems.map(\.id) == ["web\u{2028}app", "cart"])
        #expect(result.skipped.map(\.position.line) == [2])
    }

    /// Grafana Agent's expected scrape (the processor the connector came from), and two
    /// scrapes written from the connector's own expected metrics; the folder read whole.
    @Test(arguments: [
        ("servicegraph/grafana-agent-happy-case.prom", ["app", "db", "lb"], ["app->db 3/0", "lb->app 3/2"]),
        ("servicegraph/otelcol-failed-label.prom", ["foo", "bar"], ["foo->bar 3/1"]),
        ("servicegraph/otelcol-virtual-node.prom", ["foo-server", "unknown", "user", "bar-requester"], ["foo-server->unknown 1/0", "user->bar-requester 1/0"])
    ])
    func serviceGraphScrapes(path: String, systems: [String], flows: [String]) {
        let result = Self.fixture(.servicegraph, path)
        #expect(Set(result.landscape.systems.map(\.id)) == Set(systems))
        #expect(Set(Self.counted(result)) == Set(flows))
        #expect(result.skipped.count == 1 && result.skipped.first?.message.hasPrefix("skipped ") == true)
    }

    @Test func serviceGraphFolderAndItsOtherMetrics() {
        let result = Self.fixture(.servicegraph, "servicegraph")
        #expect(result.landscape.systems.count == 9 && result.landscape.flows.count == 5)
        // 13 buckets, a sum and a count for each of two pairs, seen from each side.
        #expect(
            result.skipped.first?.message
                == "skipped 60 samples of other metrics: 'traces_service_graph_request_client_seconds_bucket', "
                + "'traces_service_graph_request_client_seconds_count', 'traces_service_graph_request_client_seconds_sum' and 3 more")
        #expect(result.landscape.flows.filter { $0.attributes["servicegraph/connection_type"] == "virtual_node" }.count == 2)
    }

    /// What each reader says of a file that another kind reads, from the fixtures.
    @Test(arguments: [
        (ImportKind.traces, "jaeger/es-write_dependencies.json", "it holds Jaeger dependency links: read it with 'integraph import dependencies'"),
        (.traces, "servicegraph/otelcol-failed-label.prom", "it holds service-graph metrics: read it with 'integraph import servicegraph'"),
        (.dependencies, "servicegraph/grafana-agent-happy-case.prom", "it holds service-graph metrics: read it with 'integraph import servicegraph'"),
        (.dependencies, "jaeger/ui_01.json", "it holds Jaeger traces: read it with 'integraph import traces'"),
        (.dependencies, "jaeger/otlp2jaeger-out.json", "it holds Jaeger traces: read it with 'integraph import traces'"),
        (.servicegraph, "jaeger/es-write_dependencies.json", "it holds Jaeger dependency links: read it with 'integraph import dependencies'"),
        (.servicegraph, "jaeger/anonymizer-trace_success.json", "it holds Jaeger traces: read it with 'integraph import traces'")
    ])
    func aFileOfAnotherKindSaysWhichReadsIt(kind: ImportKind, path: String, hint: String) {
        let result = Self.fixture(kind, path)
        #expect(result.landscape.systems.isEmpty)
        #expect(result.unreadable.count == 1 && result.unreadable.first?.message.hasSuffix(hint) == true, "\(result.unreadable)")
    }

    @Test func formatsAreToldByTheirShape() throws {
        func sniff(_ text: String) -> TraceFormat? { TraceFormat.sniff(text: text) }
        #expect(sniff(#"[{"traceId": "a", "id": "b"}]"#) == .zipkin)
        #expect(sniff(#"[[{"traceId": "a", "id": "b"}]]"#) == .zipkin)
        #expect(sniff(#"{"resourceSpans": []}"#) == .otlp)
        #expect(sniff(#"{"result": {"resourceSpans": []}}"#) == .otlp)
        #expect(sniff(#"{"data": {"traceID": "a", "spans": []}}"#) == .jaeger)
        #expect(sniff(#"{"traceID": "a", "spans": []}"#) == .jaeger)
        #expect(sniff(#"{"data": [{"parent": "a", "child": "b", "callCount": 1}]}"#) == .dependencies)
        #expect(sniff("# TYPE x counter\ntraces_service_graph_request_total{client=\"a\",server=\"b\"} 1\n") == .serviceGraph)
        #expect(sniff(#"{"data": ["frontend", "cart"]}"#) == nil)
        #expect(sniff("not json, not metrics") == nil)
        #expect(sniff(#"{"data": []}"#) == nil)
        // An empty search is no spans, not another format.
        let empty = Self.read(.traces, "empty.json", #"{"data": [], "total": 0}"#)
        #expect(empty.skipped.map(\.message) == ["skipped the file: it holds no spans"] && empty.unreadable.isEmpty)
        // Jaeger's API v3 answers a trace in OTLP/JSON under `result`.
        let v3 = Self.read(
            .traces, "v3.json",
            #"{"result": {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "web"}}]}, "#
                + #""scopeSpans": [{"spans": [{"spanId": "a", "kind": 3, "attributes": [{"key": "peer.service", "value": {"stringValue": "cart"}}]}]}]}]}}"#)
        #expect(Self.counted(v3) == ["web->cart 1/0"])
        let other = Self.read(.traces, "services.json", #"{"data": ["frontend"]}"#)
        #expect(other.unreadable.map(\.message) == ["skipped the file: not spans of Zipkin, Jaeger or OpenTelemetry (OTLP/JSON)"])
    }

    /// Each format cut short, as a copy or a download interrupted: a note at the place, no crash.
    @Test func truncatedFilesAreLocatedNotes() throws {
        let trace = try String(contentsOf: Self.fixtures.appendingPathComponent("jaeger/ui_01.json"), encoding: .utf8)
        let cut = Self.read(.traces, "ui.json", String(trace.prefix(1000)))
        #expect(cut.unreadable.count == 1 && cut.unreadable.first?.message.hasPrefix("skipped the file: invalid JSON") == true)
        #expect(cut.unreadable.first.map { $0.position.line > 1 } == true)
        let links = Self.read(.dependencies, "deps.json", #"{"data": [{"parent": "a", "child": "b", "callCo"#)
        #expect(
            links.unreadable.map(\.description) == [
                "deps.json:1:48: skipped the file: invalid JSON: expected '\"' to close the string, found the end of the file"
            ])
        let scrape = try String(contentsOf: Self.fixtures.appendingPathComponent("servicegraph/otelcol-failed-label.prom"), encoding: .utf8)
        let metrics = Self.read(.servicegraph, "m.prom", String(scrape.prefix(343)))
        #expect(Self.counted(metrics) == ["foo->bar 2/0"])
        // Cut mid-line: the line has no line feed, so it is a cut, which --strict refuses.
        #expect(metrics.skipped.isEmpty)
        #expect(metrics.unreadable.map(\.description) == ["m.prom:4:1: the last line has no line end (cut off?): left out"])
        // Cut inside a count: "1" of "12" would pass for a sample.
        let digits = Self.read(
            .servicegraph, "d.prom",
            "traces_service_graph_request_total{client=\"a\",server=\"b\"} 7\ntraces_service_graph_request_total{client=\"a\",server=\"b\"} 1")
        #expect(Self.counted(digits) == ["a->b 7/0"] && digits.unreadable.map(\.position.line) == [2])
    }

    /// A line that is not Prometheus text stops being read at its hundredth.
    @Test func aTextFileOfNoMetricsIsSkippedEarly() {
        let result = Self.read(.servicegraph, "notes.txt", String(repeating: "- a line of prose\n", count: 1_000))
        #expect(result.skipped.count == 101)
        #expect(result.skipped[99].description == "notes.txt:100:1: skipped the rest of the file: 100 lines are not Prometheus text")
        #expect(result.unreadable.map(\.message) == ["skipped the file: it holds no traces_service_graph_request_total samples"])
    }

    @Test(arguments: [("42", 42), ("42.0", 42), ("4.2e+01", 42), ("0", 0), ("1000000000000000", 1_000_000_000_000_000)])
    func countsAreRead(text: String, count: Int) {
        #expect(ImportCount.parse(text) == count)
    }

    @Test(arguments: ["-1", "1.5", "1e16", "1e300", "NaN", "+Inf", "0x10", "", "9223372036854775808", "lots"])
    func valuesThatAreNoCount(text: String) {
        #expect(ImportCount.parse(text) == nil)
    }

    /// Many counts of one pair add up to the largest Int, not past it.
    @Test func countedAttributesSaturate() {
        var builder = ImportBuilder(source: "dependencies")
        let note = ImportNote(file: "d.json", position: .start, message: "link")
        for _ in 0..<10_000 { builder.addCall(caller: "a", callee: "b", attributes: ["calls": String(ImportCount.limit)], at: note, counted: ["calls"]) }
        #expect(builder.finish(direction: .calls).landscape.flows.first?.attributes["calls"] == String(Int.max))
    }
}
