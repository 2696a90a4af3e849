/// The formats `integraph import` reads, each with the files it looks for in a folder.
///
/// ```swift
/// let result = ImportKind.kubernetes.read(paths: ["k8s/"], direction: .data)
/// print(result.landscape.systems.count, result.skipped.count)
/// ```
package enum ImportKind: String, Sendable, CaseIterable {
    case backstage, kubernetes, compose, traces, csv, archimate

    /// The extensions of the files it reads from a folder.
    public var extensions: [String] {
        switch self {
        case .traces: ["json"]
        case .csv: ["csv"]
        case .archimate: ["xml"]
        default: ["yaml", "yml"]
        }
    }

    /// Whether its source records calls, which `--direction` may turn either way. A catalog, a
    /// spreadsheet or an architecture model says itself which way data moves, so a direction
    /// given for one is refused rather than ignored.
    public var readsCalls: Bool {
        switch self {
        case .kubernetes, .compose, .traces: true
        case .backstage, .csv, .archimate: false
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
            case .csv: SpreadsheetImporter().read(sources, into: &builder)
            case .archimate: ArchiMateImporter().read(sources, into: &builder)
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
