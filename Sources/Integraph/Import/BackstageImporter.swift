/// Reads a Backstage software catalog (multi-document YAML; kinds Domain, System, Component,
/// API, Resource, AiResource, Group, User, Location, Template). Components, Resources,
/// AiResources and APIs that serve AI (`spec.type` mcp-server or ai-model-server) become systems:
/// `domain` from their System's Domain (or the System, if it has none), `owner` from
/// `spec.owner`, `status` from `spec.lifecycle` (production → live, experimental → planned,
/// deprecated → deprecated; any other word is kept in attributes), `kind` from `spec.type`.
/// `dependsOn` becomes a flow from the dependency to the dependent, and an API that one
/// component provides and another consumes a flow from provider to consumer carrying the
/// API's name; an AI API, a system itself, stands between them: provider → API → consumer.
/// Groups become teams; an owner that is a User becomes a team named after them.
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

    /// The catalog's entities, first definition of each ref winning, in catalog order, with
    /// the ids their systems get and the providers of each API.
    private struct Catalog {
        var entities: [String: Entity] = [:]
        var all: [Entity] = []
        var systems: [Entity] = []
        var nameCount: [String: Int] = [:]
        var systemIDs: [String: String] = [:]
        var providers: [String: [String]] = [:]

        init(_ files: [ImportSource], into builder: inout ImportBuilder) {
            var order: [String] = []
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
            all = order.compactMap { entities[$0] }
            systems = all.filter(BackstageImporter.isSystem)
            for entity in systems { nameCount[entity.name, default: 0] += 1 }
            for entity in systems where systemIDs[entity.ref] == nil { systemIDs[entity.ref] = id(entity) }
            // Providers of each API, in catalog order.
            for entity in systems {
                for api in entity.spec?["providesApis"]?.items.compactMap(\.text) ?? [] {
                    providers[resolve(api, defaultKind: "api", from: entity), default: []].append(id(entity))
                }
            }
        }

        /// A system's id: its name, qualified where two systems share it.
        func id(_ entity: Entity) -> String {
            guard (nameCount[entity.name] ?? 0) > 1 else { return entity.name }
            return entity.namespace == "default" ? "\(entity.kind.lowercased()):\(entity.name)" : entity.ref
        }

        func resolve(_ text: String, defaultKind: String, from entity: Entity) -> String {
            BackstageImporter.ref(text, defaultKind: defaultKind, namespace: entity.namespace)
        }

        /// The id of the system a ref names; for one not in the catalog, its name, for a placeholder.
        func systemID(_ ref: String) -> String {
            systemIDs[ref] ?? String(ref.split(separator: "/").last ?? Substring(ref))
        }
    }

    public init() {}

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        let catalog = Catalog(files, into: &builder)
        Self.addTeams(catalog, into: &builder)
        Self.addSystems(catalog, into: &builder)
        Self.addCalls(catalog, into: &builder)
    }

    /// Groups become teams; kinds that are not part of a landscape are noted as skipped.
    private static func addTeams(_ catalog: Catalog, into builder: inout ImportBuilder) {
        for entity in catalog.all {
            switch entity.kind.lowercased() {
            case "group":
                builder.addTeam(Team(id: entity.name, name: entity.spec?.at("profile", "displayName")?.text))
            case "component", "resource", "airesource", "system", "domain", "api", "user":
                break
            default:
                builder.skip(
                    ImportNote(
                        file: entity.file, position: entity.node.position,
                        message: "skipped \(entity.kind) '\(entity.name)': not a part of the landscape"))
            }
        }
    }

    /// Components and resources, with status from lifecycle, owner, and domain from their System.
    private static func addSystems(_ catalog: Catalog, into builder: inout ImportBuilder) {
        for entity in catalog.systems {
            var system = System(
                id: catalog.id(entity), name: entity.node.at("metadata", "title")?.text,
                kind: entity.spec?["type"]?.text, status: .live)
            system.attributes["backstage/ref"] = entity.ref
            if let remotes = entity.spec?["remotes"]?.items.compactMap({ $0["url"]?.text }), !remotes.isEmpty {
                system.attributes["backstage/remotes"] = remotes.joined(separator: " ")
            }
            system.attributes["backstage/server-url"] = entity.spec?["serverUrl"]?.text
            if let models = entity.spec?.at("models", "available")?.items.compactMap(\.text), !models.isEmpty {
                system.attributes["backstage/models"] = models.joined(separator: ",")
            }
            if let description = entity.node.at("metadata", "description")?.text { system.attributes["backstage/description"] = description }
            switch entity.spec?["lifecycle"]?.text {
            case "production"?, nil: break
            case "experimental"?: system.status = .planned
            case "deprecated"?: system.status = .deprecated
            case let other?: system.attributes["backstage/lifecycle"] = other
            }
            if let owner = entity.spec?["owner"]?.text {
                system.owner = Reference(name(of: catalog.resolve(owner, defaultKind: "group", from: entity)), at: .start)
            }
            if let systemRef = entity.spec?["system"]?.text {
                let ref = catalog.resolve(systemRef, defaultKind: "system", from: entity)
                let domain = catalog.entities[ref]?.spec?["domain"]?.text
                system.domain =
                    domain.map { name(of: Self.ref($0, defaultKind: "domain", namespace: entity.namespace)) }
                    ?? name(of: ref)
            }
            builder.addSystem(system)
        }
    }

    /// `dependsOn`, `consumesApis` and `apiConsumedBy` as calls, system by system in catalog
    /// order, then the consumers APIs name.
    private static func addCalls(_ catalog: Catalog, into builder: inout ImportBuilder) {
        for entity in catalog.systems {
            let note = ImportNote(file: entity.file, position: entity.node.position, message: entity.ref)
            for dependency in entity.spec?["dependsOn"]?.items.compactMap(\.text) ?? [] {
                let ref = catalog.resolve(dependency, defaultKind: "component", from: entity)
                builder.addCall(
                    caller: catalog.id(entity), callee: catalog.systemID(ref), attributes: ["backstage": "dependsOn"], at: note)
            }
            consume(entity, in: catalog, into: &builder)
            // An AI API is a system between its providers and its consumers.
            for text in entity.spec?["providesApis"]?.items.compactMap(\.text) ?? [] {
                let ref = catalog.resolve(text, defaultKind: "api", from: entity)
                guard let api = catalog.systemIDs[ref] else { continue }
                builder.addCall(
                    caller: api, callee: catalog.id(entity), data: [name(of: ref)], attributes: ["backstage": "providesApis"], at: note)
            }
            // Not a standard field, but catalogs write it: the named components consume this one.
            for consumer in entity.spec?["apiConsumedBy"]?.items.compactMap(\.text) ?? [] {
                let ref = catalog.resolve(consumer, defaultKind: "component", from: entity)
                builder.addCall(
                    caller: catalog.systemID(ref), callee: catalog.id(entity), data: entity.kind.lowercased() == "api" ? [entity.name] : [],
                    attributes: ["backstage": "apiConsumedBy"], at: note)
            }
        }
        for entity in catalog.all where entity.kind.lowercased() == "api" && catalog.systemIDs[entity.ref] == nil {
            for consumer in entity.spec?["apiConsumedBy"]?.items.compactMap(\.text) ?? [] {
                let ref = catalog.resolve(consumer, defaultKind: "component", from: entity)
                for provider in catalog.providers[entity.ref] ?? [] {
                    builder.addCall(
                        caller: catalog.systemID(ref), callee: provider, data: [entity.name],
                        attributes: ["backstage": "apiConsumedBy"],
                        at: ImportNote(file: entity.file, position: entity.node.position, message: entity.ref))
                }
            }
        }
    }

    /// A system's `consumesApis`: a call to each provider of the API, carrying its name.
    private static func consume(_ entity: Entity, in catalog: Catalog, into builder: inout ImportBuilder) {
        let note = ImportNote(file: entity.file, position: entity.node.position, message: entity.ref)
        let consumer = catalog.id(entity)
        for text in entity.spec?["consumesApis"]?.items.compactMap(\.text) ?? [] {
            let ref = catalog.resolve(text, defaultKind: "api", from: entity)
            if let callee = catalog.systemIDs[ref] {
                // An AI API, a system, carries its name; a consumed "API" that is a component is a call to it.
                let data = ref.hasPrefix("api:") ? [name(of: ref)] : []
                builder.addCall(caller: consumer, callee: callee, data: data, attributes: ["backstage": "consumesApis"], at: note)
            } else if let provided = catalog.providers[ref] {
                for provider in provided {
                    builder.addCall(
                        caller: consumer, callee: provider, data: [name(of: ref)],
                        attributes: ["backstage": "consumesApis"], at: note)
                }
            } else {
                builder.warn(
                    ImportNote(
                        file: entity.file, position: entity.node.position,
                        message: "'\(entity.name)' consumes \(ref), which nothing in the catalog provides"))
            }
        }
    }

    /// The API types that are systems pilots can need, not just labels.
    static let systemAPITypes: Set<String> = ["mcp-server", "ai-model-server"]

    /// Components, Resources, AiResources and APIs of an AI type become systems.
    private static func isSystem(_ entity: Entity) -> Bool {
        switch entity.kind.lowercased() {
        case "component", "resource", "airesource": true
        case "api": systemAPITypes.contains(entity.spec?["type"]?.text ?? "")
        default: false
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
