import Foundation
import Integraph

/// Reads Graphviz files with libcgraph (``Graphviz/read(dot:)``): nodes become systems,
/// edges flows from tail to head (as stored: `dir=back` changes only the drawing), and
/// clusters domains, named by their `label`, else their name without `cluster_`. Attributes
/// named like model keys map onto them (`name`, `kind`, `domain`, `owner`, `status`,
/// `effort` of a node; `data` as a `,`/`;` list, `status`, `effort`, `owner`,
/// `classification` of an edge; a node's `label` is its name when it has none); a value the
/// model cannot take, and every other attribute, goes to `attributes` as `dot/NAME`. Edge
/// chains and subgraph endpoints are expanded by cgraph; ports are not part of a node's
/// name. Only a file's first graph is read. Self-loops are skipped, and further edges between
/// the same two nodes merged into the first.
///
/// ```swift
/// var builder = ImportBuilder(source: "dot")
/// DOTImporter().read(files, into: &builder)
/// ```
package struct DOTImporter: Sendable {
    public init() {}

    /// Reads DOT files and folders (`.gv` and `.dot` below a folder) into a landscape.
    public static func read(paths: [String], name: String? = nil) -> ImportResult {
        ImportSource.importing(paths, extensions: ["gv", "dot"], source: "dot", direction: .data, name: name) { sources, builder in
            DOTImporter().read(sources, into: &builder)
        }
    }

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        for file in files {
            if let longest = DOTTokenLength.longest(in: file.text), longest.length > DOTTokenLength.maximum {
                builder.skipFile(
                    ImportNote(
                        file: file.name, position: longest.position,
                        message: "skipped the file: a name or label of \(Wording.grouped(longest.length)) bytes starts here; "
                            + "Graphviz reads at most \(Wording.grouped(DOTTokenLength.maximum))"))
                continue
            }
            let document: DOTDocument
            do {
                document = try Graphviz.shared.read(dot: file.text)
            } catch {
                builder.skipFile(ImportNote(file: file.name, position: .start, message: "skipped the file: \(error)"))
                continue
            }
            var domainOf: [String: String] = [:]
            for cluster in document.clusters {
                let domain = cluster.label ?? Self.clusterName(cluster.name)
                for member in cluster.members { domainOf[member] = domain }
            }
            let note = ImportNote(file: file.name, position: .start, message: document.name)
            var tooLong: Set<String> = []
            for node in document.nodes {
                guard node.name.count <= ModelLimits.maximumIDLength else {
                    tooLong.insert(node.name)
                    builder.skip(
                        ImportNote(
                            file: file.name, position: .start,
                            message: "skipped node '\(node.name.prefix(60))…' and its edges: its name has "
                                + "\(Wording.grouped(node.name.count)) characters, and an id at most \(ModelLimits.maximumIDLength)"))
                    continue
                }
                builder.addSystem(system(node, domain: domainOf[node.name]))
            }
            var pairs: Set<String> = []
            for edge in document.edges where !tooLong.contains(edge.tail) && !tooLong.contains(edge.head) {
                guard edge.tail != edge.head else {
                    builder.skip(
                        ImportNote(
                            file: file.name, position: .start,
                            message: "skipped the edge from '\(edge.tail)' to itself: a flow joins two different systems"))
                    continue
                }
                guard pairs.insert(edge.tail + "\u{0}" + edge.head).inserted else {
                    builder.skip(
                        ImportNote(
                            file: file.name, position: .start,
                            message: "merged a second edge from '\(edge.tail)' to '\(edge.head)' into the first"))
                    continue
                }
                builder.addFlow(flow(edge), at: note)
            }
        }
    }

    private func system(_ node: DOTDocument.Node, domain: String?) -> System {
        var attributes = node.attributes
        // `\N`, Graphviz's default label, says only "the node's name".
        if attributes["label"] == "\\N" { attributes["label"] = nil }
        var system = System(
            id: node.name, name: attributes.removeValue(forKey: "name") ?? attributes["label"].flatMap(Self.plainLabel),
            kind: attributes.removeValue(forKey: "kind"), domain: attributes.removeValue(forKey: "domain") ?? domain)
        system.owner = attributes.removeValue(forKey: "owner").map { Reference($0, at: .start) }
        if let status = Self.take("status", from: &attributes, SystemStatus.init(rawValue:)) { system.status = status }
        system.effort = Self.take("effort", from: &attributes, Self.days).map(Effort.days)
        system.attributes = Self.prefixed(attributes)
        return system
    }

    private func flow(_ edge: DOTDocument.Edge) -> Flow {
        var attributes = edge.attributes
        var flow = Flow(
            id: Flow.defaultID(from: edge.tail, to: edge.head), hasExplicitID: false,
            from: Reference(edge.tail, at: .start), to: Reference(edge.head, at: .start))
        if let data = attributes.removeValue(forKey: "data") {
            flow.data = data.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        if let status = Self.take("status", from: &attributes, FlowStatus.init(rawValue:)) { flow.status = status }
        if let level = Self.take("classification", from: &attributes, Classification.init(rawValue:)) { flow.classification = level }
        flow.effort = Self.take("effort", from: &attributes, Self.days).map(Effort.days)
        flow.owner = attributes.removeValue(forKey: "owner").map { Reference($0, at: .start) }
        flow.attributes = Self.prefixed(attributes)
        return flow
    }

    /// The value of `key` read as the model key it names, and removed from `attributes` when
    /// it reads; a value the model cannot take stays there.
    private static func take<Value>(
        _ key: String, from attributes: inout [String: String],
        _ read: (String) -> Value?
    ) -> Value? {
        guard let value = attributes[key].flatMap(read) else { return nil }
        attributes[key] = nil
        return value
    }

    /// A number of days the model takes: 0 to ``Effort/maximumDays``.
    private static func days(_ text: String) -> Double? {
        Double(text).flatMap { $0.isFinite && $0 >= 0 && $0 <= Effort.maximumDays ? $0 : nil }
    }

    /// A label usable as a name: not a record, HTML or escape-laden one.
    private static func plainLabel(_ label: String) -> String? {
        label.isEmpty || label.hasPrefix("<") || label.contains("|") || label.contains("\\") ? nil : label
    }

    private static func clusterName(_ name: String) -> String {
        var rest = Substring(name.dropFirst("cluster".count))
        while rest.first == "_" { rest = rest.dropFirst() }
        return rest.isEmpty ? name : String(rest)
    }

    private static func prefixed(_ attributes: [String: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: attributes.map { ("dot/\($0.key)", $0.value) })
    }
}
