/// Reads Structurizr workspaces as `structurizr export -format json` writes them. Software
/// systems without containers and containers become systems (`kind` software-system or
/// container; a container's software system is its domain, a software system's `group` its
/// own); elements' descriptions, technology, location and tags are kept in attributes.
/// Relationships become calls from source to destination ("source uses destination"), a
/// component's rolled up to its container. A software system with containers is not a system
/// itself: its containers are. A relationship to or from it that a relationship between its
/// containers already says in more detail is left out; one no container's relationship
/// explains (someone uses the whole system) keeps it, as a system. People, relationships
/// with them, relationships inside one container and the ones Structurizr implies
/// (`linkedRelationshipId`) are skipped, each noted where it stands. Elements are named by
/// `name`; where names clash, see `systemIDs`. O(elements + relationships).
///
/// ```swift
/// var builder = ImportBuilder(source: "structurizr")
/// StructurizrImporter().read([ImportSource(name: "workspace.json", text: json)], into: &builder)
/// ```
package struct StructurizrImporter: Sendable {
    private enum Level { case person, softwareSystem, container, component }

    private struct Element {
        let level: Level
        let node: DocumentNode
        let name: String
        /// A container's software system, a component's container.
        let parent: String?
    }

    /// What a relationship says once its ends are resolved and components rolled up.
    private struct Use {
        let source: String
        let destination: String
        let node: DocumentNode
    }

    /// Why a relationship is left out.
    private enum Skip {
        case person, inside, summary, implied

        var reason: String {
            switch self {
            case .person: "it is with a person"
            case .inside: "it stays inside one container"
            case .summary: "it is of a software system whose containers' relationships say it in more detail"
            case .implied: "Structurizr implied it from others (linkedRelationshipId)"
            }
        }
    }

    private static let builtInTags: Set<String> = ["Element", "Software System", "Container", "Component", "Relationship"]

    public init() {}

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        for file in files {
            switch file.jsonDocument() {
            case .failure(let note): builder.skipFile(note)
            case .success(nil): builder.skipFile(ImportNote(file: file.name, position: .start, message: "skipped the file: it is empty"))
            case .success(let root?):
                guard let model = root["model"], case .mapping = model.value else {
                    builder.skipFile(
                        ImportNote(
                            file: file.name, position: root.position,
                            message: "skipped the file: not a Structurizr workspace, it has no 'model'"))
                    continue
                }
                read(model, file: file.name, into: &builder)
            }
        }
    }

    private func read(_ model: DocumentNode, file: String, into builder: inout ImportBuilder) {
        var elements: [String: Element] = [:]
        var order: [String] = []
        var relationships: [DocumentNode] = []
        // People, software systems, their containers, their components: three levels, walked
        // level by level.
        var pending: [(node: DocumentNode, level: Level, parent: String?)] =
            (model["people"]?.items ?? []).map { ($0, .person, nil) }
            + (model["softwareSystems"]?.items ?? []).map { ($0, .softwareSystem, nil) }
        var next = 0
        while next < pending.count {
            let (node, level, parent) = pending[next]
            next += 1
            relationships += node["relationships"]?.items ?? []
            guard let id = node["id"]?.text else {
                builder.skip(ImportNote(file: file, position: node.position, message: "skipped an element without an id"))
                continue
            }
            guard let name = node["name"]?.text, !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                builder.skip(ImportNote(file: file, position: node.position, message: "skipped element '\(id)': it has no name"))
                continue
            }
            if let first = elements[id] {
                builder.warn(
                    ImportNote(
                        file: file, position: node.position,
                        message:
                            "skipped element '\(name)' and what it contains: '\(first.name)' has the same id '\(id)', and relationships naming it are read as \(first.name)'s"
                    ))
                continue
            }
            order.append(id)
            elements[id] = Element(level: level, node: node, name: name, parent: parent)
            if level == .person {
                builder.skip(ImportNote(file: file, position: node.position, message: "skipped person '\(name)': people are not systems"))
            }
            if level == .softwareSystem { pending += (node["containers"]?.items ?? []).map { ($0, .container, id) } }
            if level == .container { pending += (node["components"]?.items ?? []).map { ($0, .component, id) } }
        }
        let withContainers = Set(elements.values.compactMap { $0.level == .container ? $0.parent : nil })
        func skip(_ relationship: DocumentNode, _ why: Skip) {
            builder.skip(ImportNote(file: file, position: relationship.position, message: "skipped \(Self.named(relationship)): \(why.reason)"))
        }
        var uses: [Use] = []
        for relationship in relationships {
            guard relationship["linkedRelationshipId"] == nil else {
                skip(relationship, .implied)
                continue
            }
            let ends = [relationship["sourceId"]?.text, relationship["destinationId"]?.text].map { id in id.flatMap { elements[$0] != nil ? $0 : nil } }
            guard let source = ends[0], let destination = ends[1] else {
                builder.warn(
                    ImportNote(
                        file: file, position: relationship.position,
                        message: "skipped \(Self.named(relationship)): it names an element the workspace does not declare"))
                continue
            }
            let rolled = [source, destination].map { id in elements[id]?.level == .component ? elements[id]?.parent ?? id : id }
            if elements[source]?.level == .person || elements[destination]?.level == .person {
                skip(relationship, .person)
            } else if rolled[0] == rolled[1] {
                skip(relationship, .inside)
            } else {
                uses.append(Use(source: rolled[0], destination: rolled[1], node: relationship))
            }
        }
        // What relationships between containers say, at every level they can be read.
        func up(_ id: String) -> String { elements[id]?.level == .container ? elements[id]?.parent ?? id : id }
        var covered: Set<String> = []
        for use in uses where !withContainers.contains(use.source) && !withContainers.contains(use.destination) {
            for source in [use.source, up(use.source)] {
                for destination in [use.destination, up(use.destination)] { covered.insert(source + "\u{0}" + destination) }
            }
        }
        var kept: [Use] = []
        var named: Set<String> = []
        for use in uses {
            let summary = withContainers.contains(use.source) || withContainers.contains(use.destination)
            if summary && covered.contains(use.source + "\u{0}" + use.destination) {
                skip(use.node, .summary)
                continue
            }
            kept.append(use)
            named.formUnion([use.source, use.destination])
        }
        let systems = order.filter { id in
            guard let element = elements[id] else { return false }
            return element.level == .container || (element.level == .softwareSystem && (!withContainers.contains(id) || named.contains(id)))
        }
        let systemIDs = Self.systemIDs(systems, elements: elements)
        for id in systems {
            if let element = elements[id], let systemID = systemIDs[id] { builder.addSystem(system(element, id: systemID, elements: elements)) }
        }
        for use in kept {
            guard let caller = systemIDs[use.source], let callee = systemIDs[use.destination] else { continue }
            var attributes = ["structurizr/relationships": "1"]
            attributes["structurizr/description"] = use.node["description"]?.text
            attributes["structurizr/technology"] = use.node["technology"]?.text
            builder.addCall(
                caller: caller, callee: callee, attributes: attributes,
                at: ImportNote(file: file, position: use.node.position, message: use.node["id"]?.text ?? "relationship"),
                counted: ["structurizr/relationships"])
        }
        if let nodes = model["deploymentNodes"], !nodes.items.isEmpty {
            builder.skip(
                ImportNote(
                    file: file, position: nodes.position,
                    message: "skipped the deployment model: it places the containers, whose relationships are read"))
        }
    }

    /// Each system's id, one per element: its name; `Database (Shop)` where containers of
    /// different software systems share a name; `Billing (structurizr id 3)` where that is
    /// still not unique, so no two elements merge into one system.
    private static func systemIDs(_ systems: [String], elements: [String: Element]) -> [String: String] {
        var readable: [String: String] = [:]
        var count: [String: Int] = [:]
        var nameCount: [String: Int] = [:]
        for id in systems { nameCount[elements[id]?.name ?? id, default: 0] += 1 }
        for id in systems {
            guard let element = elements[id] else { continue }
            let parent = element.parent.flatMap { elements[$0] }
            let name = (nameCount[element.name] ?? 0) > 1 ? parent.map { "\(element.name) (\($0.name))" } ?? element.name : element.name
            readable[id] = name
            count[name, default: 0] += 1
        }
        var taken = Set(readable.values.filter { count[$0] == 1 })
        var ids: [String: String] = [:]
        for id in systems {
            guard let name = readable[id] else { continue }
            guard count[name] != 1 else {
                ids[id] = name
                continue
            }
            // A name written to look like a fallback could still clash: numbered on, in order.
            let fallback = "\(elements[id]?.name ?? id) (structurizr id \(id))"
            var unique = fallback
            var number = 1
            while taken.contains(unique) {
                number += 1
                unique = "\(fallback) \(number)"
            }
            taken.insert(unique)
            ids[id] = unique
        }
        return ids
    }

    /// How a note names a relationship.
    private static func named(_ relationship: DocumentNode) -> String {
        relationship["id"]?.text.map { "relationship '\($0)'" } ?? "a relationship without an id"
    }

    private func system(_ element: Element, id: String, elements: [String: Element]) -> System {
        let isContainer = element.level == .container
        var system = System(
            id: id, name: id == element.name ? nil : element.name, kind: isContainer ? "container" : "software-system",
            domain: isContainer ? element.parent.flatMap { elements[$0]?.name } : element.node["group"]?.text)
        system.attributes["structurizr/id"] = element.node["id"]?.text
        for key in ["description", "technology", "location"] {
            if let value = element.node[key]?.text, !value.isEmpty, value != "Unspecified" { system.attributes["structurizr/\(key)"] = value }
        }
        let tags = (element.node["tags"]?.text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !Self.builtInTags.contains($0) }
        if !tags.isEmpty { system.attributes["structurizr/tags"] = tags.joined(separator: ",") }
        return system
    }
}
