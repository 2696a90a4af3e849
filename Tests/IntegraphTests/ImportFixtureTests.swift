import Foundation
import Testing

@testable import Integraph

/// Real Compose files and manifests kept under Fixtures/import (their PROVENANCE.md says
/// where from, under which licence, and derives each count below by reading the files).
@Suite struct ImportFixtureTests {
    static func fixture(_ path: String) -> String {
        packageRoot.appendingPathComponent("Tests/IntegraphTests/Fixtures/import/\(path)").path
    }

    static func read(_ kind: ImportKind, _ paths: [String], _ direction: ImportDirection, options: ImportOptions = ImportOptions())
        -> ImportResult
    {
        kind.read(paths: paths.map(fixture), direction: direction, options: options)
    }

    static func counts(_ notes: [ImportNote]) -> [ImportNote.Category: Int] {
        notes.reduce(into: [:]) { $0[$1.category, default: 0] += 1 }
    }

    /// The OpenTelemetry demo's compose.yaml with its .env: 20 services and 5 hosts that
    /// frontend-proxy names and other files declare; 46 depends_on pairs and 14 more calls
    /// read from addresses .env supplies (QUOTE_ADDR among them); 17 OTEL_SERVICE_NAMEs,
    /// FRONTEND_ADDR and OTEL_COLLECTOR_HOST name their own service; _JAVA_OPTIONS is the
    /// shell's.
    @Test func openTelemetryDemo() throws {
        let result = Self.read(.compose, ["opentelemetry-demo/compose.yaml"], .data)
        let landscape = result.landscape
        #expect(landscape.systems.count == 25 && landscape.flows.count == 60)
        #expect(landscape.systems.filter { $0.status == .planned }.map(\.id) == ["grafana", "jaeger", "opamp-server", "firepit", "chatbot"])
        #expect(Self.counts(result.skipped) == [.selfReference: 19, .unresolvedVariable: 1])
        #expect(Self.flows(landscape).contains("quote->shipping"))
        // The collector is fed by 18 services and feeds none; jaeger, named, is a sink too.
        #expect(landscape.systems.filter { $0.kind == "telemetry" }.map(\.id) == ["otel-collector", "jaeger"])
        #expect(landscape.flows.filter { $0.to.id == "otel-collector" }.count == 18)
        #expect(landscape.flows.filter { $0.from.id == "otel-collector" }.isEmpty)
        #expect(landscape.flows.filter { $0.attributes["telemetry"] == "true" }.count == 19)
        // Calls the other way: only the service flows turn.
        let calls = Self.read(.compose, ["opentelemetry-demo/compose.yaml"], .calls).landscape
        #expect(calls.flows.filter { $0.to.id == "otel-collector" }.count == 18)
        #expect(Self.flows(calls).contains("shipping->quote"))
    }

    /// eShopOnContainers' docker-compose.yml and its override, with .env: 21 services; 38
    /// depends_on pairs and 3 calls only the environment declares (webhooks-api to
    /// rabbitmq through `${ESHOP_AZURE_SERVICE_BUS:-rabbitmq}`, to identity-api, and
    /// ordering-api to identity-api); 23 health-check URLs, SelfUrl, 6 unset variables.
    @Test func eShopOnContainers() throws {
        let result = Self.read(
            .compose, ["eshoponcontainers/src/docker-compose.yml", "eshoponcontainers/src/docker-compose.override.yml"], .calls)
        #expect(result.landscape.systems.count == 21 && result.landscape.flows.count == 41)
        #expect(Self.flows(result.landscape).contains("webhooks-api->rabbitmq"))
        #expect(!Self.flows(result.landscape).contains { $0.hasPrefix("webstatus->") })
        #expect(Self.counts(result.skipped) == [.healthCall: 23, .selfReference: 1, .unresolvedVariable: 6])
        #expect(result.warnings.isEmpty)
        #expect(
            ImportNote.summary(of: result.skipped)
                == "skipped 23 health and metrics calls and 1 self-reference; 6 variables unresolved")
    }

    /// Bookinfo with the MySQL variant of ratings: 8 Deployments of 5 applications (reviews
    /// in v1, v2 and v3; ratings in v1 and v2-mysql); ratings-v2-mysql calls mysqldb through
    /// its Service; 4 ServiceAccounts and a Secret skipped.
    @Test func bookinfoVersionsAreOneSystem() throws {
        let paths = ["bookinfo/bookinfo.yaml", "bookinfo/bookinfo-ratings-v2-mysql.yaml", "bookinfo/bookinfo-mysql.yaml"]
        let merged = Self.read(.kubernetes, paths, .calls)
        #expect(merged.landscape.systems.map(\.id) == ["details", "ratings", "reviews", "productpage", "mysqldb"])
        #expect(Self.flows(merged.landscape) == ["ratings->mysqldb"])
        let reviews = try #require(merged.landscape.systems.first { $0.id == "reviews" })
        #expect(reviews.attributes["versions"] == "v1, v2, v3")
        #expect(reviews.attributes["k8s/workloads"] == "reviews-v1, reviews-v2, reviews-v3")
        #expect(reviews.attributes["k8s/label/app"] == "reviews" && reviews.attributes["k8s/label/version"] == nil)
        #expect(merged.landscape.systems.first { $0.id == "ratings" }?.attributes["versions"] == "v1, v2-mysql")
        #expect(merged.skipped.count == 5)
        let kept = Self.read(.kubernetes, paths, .calls, options: ImportOptions(keepVersions: true))
        #expect(kept.landscape.systems.count == 8)
        #expect(Self.flows(kept.landscape) == ["ratings-v2-mysql->mysqldb-v1"])
    }

    /// A chart's templates are skipped with one note (its three files), the manifest beside
    /// it read; a path inside the chart is found to be one.
    @Test func aHelmChartIsSkippedWithOneNote() throws {
        let result = Self.read(.kubernetes, ["helm-chart"], .data)
        #expect(result.landscape.systems.map(\.id) == ["cache"])
        #expect(result.skipped.count == 1 && result.unreadable.count == 1)
        #expect(result.skipped.first?.message.contains("helm template NAME") == true)
        // Said relative to the working folder when below it: compared as absolute paths.
        func chart(_ path: String) -> String? {
            KubernetesImporter.helmChart(enclosing: Self.fixture(path)).map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        }
        let shop = URL(fileURLWithPath: Self.fixture("helm-chart/shop")).standardizedFileURL.path
        #expect(chart("helm-chart/shop/templates/deployment.yaml") == shop && chart("helm-chart/shop") == shop)
        #expect(chart("helm-chart/cache.yaml") == nil)
    }

    static func flows(_ landscape: Landscape) -> [String] {
        landscape.flows.map { "\($0.from.id)->\($0.to.id)" }.sorted()
    }
}
