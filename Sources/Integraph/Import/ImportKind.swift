/// The formats `integraph import` reads, each with the files it looks for in a folder.
///
/// ```swift
/// let result = ImportKind.kubernetes.read(paths: ["k8s/"], direction: .data)
/// print(result.landscape.systems.count, result.skipped.count)
/// ```
package enum ImportKind: String, Sendable, CaseIterable {
    case backstage, kubernetes, compose, traces, dependencies, servicegraph, csv, archimate, structurizr, asyncapi

    /// The extensions of the files it reads from a folder.
    public var extensions: [String] {
        switch self {
        case .traces, .dependencies, .structurizr: ["json"]
        case .asyncapi: ["yaml", "yml", "json"]
        // Prometheus text has no extension of its own: what people save a scrape as.
        case .servicegraph: ["prom", "txt"]
        case .csv: ["csv"]
        case .archimate: ["xml"]
        default: ["yaml", "yml"]
        }
    }

    /// What it reads, in the words of an error that found nothing there.
    public var reads: String {
        switch self {
        case .backstage: "Backstage catalog descriptors (.yaml, .yml) with 'apiVersion: backstage.io/…'"
        case .kubernetes: "Kubernetes manifests (.yaml, .yml) of workloads and Services"
        case .compose: "Docker Compose files (.yaml, .yml) with a 'services' mapping"
        case .traces: "Zipkin v1 and v2, Jaeger and OpenTelemetry OTLP/JSON traces (.json)"
        case .dependencies: "Jaeger's dependency links (.json): {parent, child, callCount}"
        case .servicegraph: "OpenTelemetry service-graph metrics in Prometheus text (.prom, .txt)"
        case .csv: "spreadsheet exports named systems.csv, flows.csv, teams.csv, gates.csv, pilots.csv"
        case .archimate: "ArchiMate Open Exchange Format models (.xml)"
        case .structurizr: "Structurizr workspaces (.json) with a 'model' of software systems and containers"
        case .asyncapi: "AsyncAPI 2.x and 3.0 documents (.yaml, .yml, .json), one per service"
        }
    }

    /// Whether its source records calls, which `--direction` may turn either way (a Structurizr
    /// relationship is "source uses destination", a call). A catalog, a spreadsheet, an
    /// ArchiMate model or an AsyncAPI document says itself which way data moves, so a direction
    /// given for one is refused rather than ignored.
    public var readsCalls: Bool {
        switch self {
        case .kubernetes, .compose, .traces, .dependencies, .servicegraph, .structurizr: true
        case .backstage, .csv, .archimate, .asyncapi: false
        }
    }

    /// Reads the files and folders at `paths` into a landscape: every file it can, the rest
    /// noted as skipped. `direction` turns recorded calls into flows; kinds that do not
    /// record calls (`readsCalls` false) keep the direction their source declares. `options`
    /// holds what only some kinds heed.
    public func read(
        paths: [String], direction: ImportDirection, name: String? = nil, options: ImportOptions = ImportOptions()
    ) -> ImportResult {
        let direction = readsCalls ? direction : .data
        return ImportSource.importing(paths, extensions: extensions, source: rawValue, direction: direction, name: name) { sources, builder in
            switch self {
            case .backstage: BackstageImporter().read(sources, into: &builder)
            case .kubernetes: KubernetesImporter(keepVersions: options.keepVersions).read(sources, into: &builder)
            case .compose: ComposeImporter().read(sources, into: &builder)
            case .traces: TracesImporter().read(sources, into: &builder)
            case .dependencies: DependenciesImporter().read(sources, into: &builder)
            case .servicegraph: ServiceGraphImporter().read(sources, into: &builder)
            case .csv: SpreadsheetImporter().read(sources, into: &builder)
            case .archimate: ArchiMateImporter().read(sources, into: &builder)
            case .structurizr: StructurizrImporter().read(sources, into: &builder)
            case .asyncapi: AsyncAPIImporter().read(sources, into: &builder)
            }
        }
    }
}

extension ImportSource {
    /// The one way an import runs: the files at `paths` (a folder's by `extensions`) read by
    /// `read` into a builder, unreadable ones noted, the result finished with `direction`.
    public static func importing(
        _ paths: [String], extensions: [String], source: String, direction: ImportDirection,
        name: String?, _ read: ([ImportSource], inout ImportBuilder) -> Void
    ) -> ImportResult {
        let (sources, unreadable) = collect(paths, extensions: extensions)
        var builder = ImportBuilder(source: source)
        for note in unreadable { builder.skipFile(note) }
        read(sources, &builder)
        return builder.finish(direction: direction, name: name)
    }
}

/// What only some kinds of import heed.
///
/// ```swift
/// ImportKind.kubernetes.read(paths: ["bookinfo.yaml"], direction: .data, options: ImportOptions(keepVersions: true))
/// ```
package struct ImportOptions: Sendable {
    /// Kubernetes: keep each version of an application (`reviews-v1`, `reviews-v2`) a system
    /// of its own instead of one system per application.
    public var keepVersions: Bool

    public init(keepVersions: Bool = false) {
        self.keepVersions = keepVersions
    }
}
