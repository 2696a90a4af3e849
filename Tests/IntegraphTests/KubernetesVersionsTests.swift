import Foundation
import Testing

@testable import Integraph

/// Which workloads are versions of one application, and which files of a Helm chart are
/// templates.
@Suite struct KubernetesVersionsTests {
    static func workload(_ name: String, app: String, version: String, env: String = "[]") -> String {
        """
        kind: Deployment
        metadata: {name: \(name)}
        spec: {template: {metadata: {labels: {app.kubernetes.io/name: \(app), app.kubernetes.io/version: "\(version)"}}, spec: {containers: [{name: c, env: \(env)}]}}}
        """
    }

    /// Two deployments labelled redis 7.2 (a cache and a session store) are two systems;
    /// reviews v1 and v2 are one.
    @Test func oneApplicationAndOneVersionAreTwoDeployments() {
        let text = [
            Self.workload("cache-redis", app: "redis", version: "7.2"), Self.workload("session-redis", app: "redis", version: "7.2"),
            Self.workload("reviews-v1", app: "reviews", version: "v1"), Self.workload("reviews-v2", app: "reviews", version: "v2")
        ].joined(separator: "\n---\n")
        var builder = ImportBuilder(source: "kubernetes")
        KubernetesImporter().read([ImportSource(name: "m.yaml", text: text)], into: &builder)
        let systems = builder.finish(direction: .data).landscape.systems
        #expect(systems.map(\.id) == ["cache-redis", "session-redis", "reviews"])
        #expect(systems[2].attributes["versions"] == "v1, v2" && systems[0].attributes["versions"] == nil)
    }

    /// `helm template NAME . > manifests.yaml` run inside the chart writes a manifest beside
    /// `Chart.yaml`: it is read, and only the chart's own files are templates.
    @Test func aManifestRenderedIntoTheChartIsNoTemplate() throws {
        let chart = FileManager.default.temporaryDirectory.appendingPathComponent("integraph-chart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: chart) }
        try FileManager.default.createDirectory(at: chart.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "apiVersion: v2\nname: shop\n".write(to: chart.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        try "kind: Deployment\nmetadata: {name: {{ .Release.Name }}}\n".write(
            to: chart.appendingPathComponent("templates/web.yaml"), atomically: true, encoding: .utf8)
        try "kind: Deployment\nmetadata: {name: web}\n".write(to: chart.appendingPathComponent("manifests.yaml"), atomically: true, encoding: .utf8)
        #expect(KubernetesImporter.helmChart(enclosing: chart.appendingPathComponent("manifests.yaml").path) == nil)
        #expect(KubernetesImporter.helmChart(enclosing: chart.appendingPathComponent("templates").path) != nil)
        #expect(KubernetesImporter.helmChart(enclosing: chart.appendingPathComponent("templates/web.yaml").path) != nil)
        let result = ImportKind.kubernetes.read(paths: [chart.path], direction: .data)
        #expect(result.landscape.systems.map(\.id) == ["web"])
        #expect(result.skipped.first?.message.hasPrefix("skipped the Helm chart (2 files)") == true, "\(result.skipped)")
    }
}
