/// Reads a Backstage software catalog (multi-document YAML; kinds Domain, System, Component,
/// API, Resource, Group, User, Location, Template). Components and Resources become systems:
/// `domain` from their System's Domain (or the System, if it has none), `owner` from
/// `spec.owner`, `status` from `spec.lifecycle` (production → live, experimental → planned,
/// deprecated → deprecated; any other word is kept in attributes), `kind` from `spec.type`.
/// `dependsOn` becomes a flow from the dependency to the dependent, and an API that one
/// component provides and another consumes a flow from provider to consumer carrying the
/// API's name. Groups become teams; an owner that is a User becomes a team named after them.
///
/// Entity refs follow Backstage's rules: `[kind:][namespace/]name`, the kind defaulting by
/// field (owner → Group, providesApis → API, …), the namespace to the referring entity's.
/// A system's id is its name, or `kind:name` (`kind:namespace/name` outside `default`) where
/// two systems share a name. O(entities + references).
///
/// ```swift
/// var builder = ImportBuilder(source: "backstage")
/// BackstageImporter().read(files, into: &builder)
/// ```
package struct BackstageImporter: Sendable {
    private struct Entity {
        let kind: String
        let namespace: String
        let name: String
        let node: DocumentNode
        let file: String

        var ref: String { "\(kind.lowercased()):\(namespace)/\(name)" }
        var spec: DocumentNode? { node["spec"] }
    }

    public init() {}

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        var entities: [String: Entity] = [:], order: [String] = []
        for file in files {
            switch file.yamlDocuments() {
            case .failure(let note): builder.skipFile(note)
            case .success(let documents):
                for document in documents {
                    guard let kind = document["kind"]?.text, let name = document.at("metadata", "name")?.text else {
                        builder.skip(
                            ImportNote(
                                file: file.name, position: document.position,
                                message: "skipped a document without kind and metadata.name"))
                        continue
                    }
                    let entity = Entity(
                        kind: kind, namespace: document.at("metadata", "namespace")?.text ?? "default",
                        name: name, node: document, file: file.name)
                    if entities[entity.ref] == nil { order.append(entity.ref) }
                    entities[entity.ref] = entities[entity.ref] ?? entity
                }
            }
        }
        let all = order.compactMap { entities[$0] }
        let systems = all.filter { ["component", "resource"].contains($0.kind.lowercased()) }
        var nameCount: [String: Int] = [:]
        for entity in systems { nameCount[entity.name, default: 0] += 1 }
        func id(_ entity: Entity) -> String {
            guard (nameCount[entity.name] ?? 0) > 1 else { return entity.name }
            return entity.namespace == "default" ? "\(entity.kind.lowercased()):\(entity.name)" : entity.ref
        }
        func resolve(_ text: String, defaultKind: String, from entity: Entity) -> String {
            Self.ref(text, defaultKind: defaultKind, namespace: entity.namespace)
        }
        let systemIDs = Dictionary(systems.map { ($0.ref, id($0)) }, uniquingKeysWith: { first, _ in first })
        func systemID(_ ref: String) -> String? { systemIDs[ref] }
        /// A ref to a system that is not in the catalog: its name, for a placeholder.
        func placeholderID(_ ref: String) -> String { String(ref.split(separator: "/").last ?? Substring(ref)) }

        for entity in all {
            switch entity.kind.lowercased() {
            case "group":
                builder.addTeam(Team(id: entity.name, name: entity.spec?.at("profile", "displayName")?.text))
            case "component", "resource", "system", "domain", "api", "user":
                break
            default:
                builder.skip(
                    ImportNote(
                        file: entity.file, position: entity.node.position,
                        message: "skipped \(entity.kind) '\(entity.name)': not a part of the landscape"))
            }
        }
        for entity in systems {
            var system = System(
                id: id(entity), name: entity.node.at("metadata", "title")?.text,
                kind: entity.spec?["type"]?.text, status: .live)
            system.attributes["backstage/ref"] = entity.ref
            if let description = entity.node.at("metadata", "description")?.text { system.attributes["backstage/description"] = description }
            switch entity.spec?["lifecycle"]?.text {
            case "production"?, nil: break
            case "experimental"?: system.status = .planned
            case "deprecated"?: system.status = .deprecated
            case let other?: system.attributes["backstage/lifecycle"] = other
            }
            if let owner = entity.spec?["owner"]?.text {
                system.owner = Reference(Self.name(of: resolve(owner, defaultKind: "group", from: entity)), at: .start)
            }
            if let systemRef = entity.spec?["system"]?.text {
                let ref = resolve(systemRef, defaultKind: "system", from: entity)
                let domain = entities[ref]?.spec?["domain"]?.text
                system.domain =
                    domain.map { Self.name(of: Self.ref($0, defaultKind: "domain", namespace: entity.namespace)) }
                    ?? Self.name(of: ref)
            }
            builder.addSystem(system)
        }
        // Providers of each API, then consumers, in catalog order.
        var providers: [String: [String]] = [:]
        for entity in systems {
            for api in entity.spec?["providesApis"]?.items.compactMap(\.text) ?? [] {
                providers[resolve(api, defaultKind: "api", from: entity), default: []].append(id(entity))
            }
        }
        for entity in systems {
            let note = ImportNote(file: entity.file, position: entity.node.position, message: entity.ref)
            for dependency in entity.spec?["dependsOn"]?.items.compactMap(\.text) ?? [] {
                let ref = resolve(dependency, defaultKind: "component", from: entity)
                builder.addCall(
                    caller: id(entity), callee: systemID(ref) ?? placeholderID(ref),
                    attributes: ["backstage": "dependsOn"], at: note)
            }
            consume(entity.spec?["consumesApis"]?.items.compactMap(\.text) ?? [], by: id(entity), from: entity)
            // Not a standard field, but catalogs write it: the named components consume this one.
            for consumer in entity.spec?["apiConsumedBy"]?.items.compactMap(\.text) ?? [] {
                let ref = resolve(consumer, defaultKind: "component", from: entity)
                builder.addCall(
                    caller: systemID(ref) ?? placeholderID(ref), callee: id(entity),
                    attributes: ["backstage": "apiConsumedBy"], at: note)
            }
        }
        for entity in all where entity.kind.lowercased() == "api" {
            for consumer in entity.spec?["apiConsumedBy"]?.items.compactMap(\.text) ?? [] {
                let ref = resolve(consumer, defaultKind: "component", from: entity)
                for provider in providers[entity.ref] ?? [] {
                    builder.addCall(
                        caller: systemID(ref) ?? placeholderID(ref), callee: provider, data: [entity.name],
                        attributes: ["backstage": "apiConsumedBy"],
                        at: ImportNote(file: entity.file, position: entity.node.position, message: entity.ref))
                }
            }
        }

        func consume(_ refs: [String], by consumer: String, from entity: Entity) {
            let note = ImportNote(file: entity.file, position: entity.node.position, message: entity.ref)
            for text in refs {
                let ref = resolve(text, defaultKind: "api", from: entity)
                if let provided = providers[ref] {
                    for provider in provided {
                        builder.addCall(
                            caller: consumer, callee: provider, data: [Self.name(of: ref)],
                            attributes: ["backstage": "consumesApis"], at: note)
                    }
                } else if let callee = systemID(ref) {
                    // A consumed "API" that is a component: a call to it.
                    builder.addCall(caller: consumer, callee: callee, attributes: ["backstage": "consumesApis"], at: note)
                } else {
                    builder.warn(
                        ImportNote(
                            file: entity.file, position: entity.node.position,
                            message: "'\(entity.name)' consumes \(ref), which nothing in the catalog provides"))
                }
            }
        }
    }

    /// `[kind:][namespace/]name` with the defaults filled in, kind lower-cased:
    /// `kind:namespace/name`.
    static func ref(_ text: String, defaultKind: String, namespace: String) -> String {
        var rest = Substring(text)
        var kind = defaultKind
        if let colon = rest.firstIndex(of: ":") {
            kind = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        var space = namespace
        if let slash = rest.firstIndex(of: "/") {
            space = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }
        return "\(kind):\(space)/\(rest)"
    }

    /// The name part of a full ref.
    static func name(of ref: String) -> String {
        String(ref.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(ref))
    }
}
