/// Recognises the systems that collect telemetry (traces, metrics, logs) rather than
/// business data: an OpenTelemetry collector, Jaeger, Zipkin, Tempo, Prometheus, Fluentd or
/// Fluent Bit, Loki, Logstash. Every service sends to them, so a call either way between a
/// service and one of them is a flow from the service to the sink: read as data, they would
/// otherwise become the source of every service's data.
///
/// Recognised by the image (`otel/opentelemetry-collector-contrib`, `jaegertracing/*`,
/// `prom/prometheus`), by the name (`otel-collector`, `jaeger`, `fluent-bit`), or by a port
/// only these use (OTLP's 4317 and 4318, Jaeger's 14250, 14268, 6831 and 6832, Zipkin's
/// 9411, Fluentd's 24224, Loki's 3100, Logstash's 5044). Prometheus's 9090 is not among
/// them: many services serve gRPC or their own metrics on it.
///
/// ```swift
/// TelemetrySink.recognises(name: "otel-collector", image: nil, ports: []) // true
/// TelemetrySink.recognises(name: "cart", image: "redis:7", ports: [6379]) // false
/// ```
enum TelemetrySink {
    static let ports: Set<Int> = [4317, 4318, 14250, 14268, 6831, 6832, 9411, 24224, 3100, 5044]

    /// The products, as one part of a name split at `-`, `_` and `.` (`jaeger-query`,
    /// `loki`), or as a run of parts (`otel-collector`, `fluent-bit`).
    static let products: Set<String> = ["otelcol", "jaeger", "zipkin", "tempo", "prometheus", "fluentd", "fluentbit", "loki", "logstash"]
    static let compoundProducts = ["opentelemetry-collector", "otel-collector", "fluent-bit"]

    /// Image owners that publish only telemetry back ends (`jaegertracing/all-in-one`).
    static let owners: Set<String> = ["jaegertracing", "openzipkin"]

    static func recognises(name: String, image: String?, ports: [Int]) -> Bool {
        recognises(name: name) || image.map(recognises(image:)) == true || ports.contains(where: self.ports.contains)
    }

    /// `otel-collector`, `jaeger-query`, `fluent-bit`; not `prometheus-node-exporter`,
    /// which is scraped, nor `temporal`.
    static func recognises(name: String) -> Bool {
        let name = name.lowercased()
        let parts = name.split(whereSeparator: { "-_.".contains($0) }).map(String.init)
        guard !parts.contains("exporter") else { return false }
        let dashed = parts.joined(separator: "-")
        return parts.contains(where: products.contains) || compoundProducts.contains { dashed.contains($0) }
    }

    /// The image's repository without registry, tag or digest: its last part names the
    /// product, its owner may say it is a telemetry publisher.
    static func recognises(image: String) -> Bool {
        let repository = image.lowercased().split(separator: "@").first.map(String.init) ?? ""
        var parts = repository.split(separator: "/").map(String.init)
        if let last = parts.last, let colon = last.firstIndex(of: ":") { parts[parts.count - 1] = String(last[..<colon]) }
        guard let last = parts.last else { return false }
        return recognises(name: last) || (parts.count >= 2 && owners.contains(parts[parts.count - 2]) && !last.contains("exporter"))
    }
}
