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
/// (`linkedRelationshipId`) are skipped and counted. O(elements + relationships).
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

    /// Why a relationship is left out, in the order the notes say it.
    private enum Skip: CaseIterable {
        case person, inside, summary, implied

        var reason: String {
            switch self {
            case .person: "with a person"
            case .inside: "between components of one container"
            case .summary: "of a software system that its containers' relationships say in more detail"
            case .implied: "that Structurizr implied from others (linkedRelationshipId)"
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
            guard let id = node["id"]?.text, let name = node["name"]?.text else {
                builder.skip(ImportNote(file: file, position: node.position, message: "skipped an element without id and name"))
                continue
            }
            if elements[id] == nil { order.append(id) }
            elements[id] = elements[id] ?? Element(level: level, node: node, name: name, parent: parent)
            if level == .softwareSystem { pending += (node["containers"]?.items ?? []).map { ($0, .container, id) } }
            if level == .container { pending += (node["components"]?.items ?? []).map { ($0, .component, id) } }
        }
        let withContainers = Set(elements.values.compactMap { $0.level == .container ? $0.parent : nil })
        var skipped: [Skip: Int] = [:]
        var uses: [Use] = []
        for relationship in relationships {
            guard relationship["linkedRelationshipId"] == nil else {
                skipped[.implied, default: 0] += 1
                continue
            }
            let ends = [relationship["sourceId"]?.text, relationship["destinationId"]?.text].map { id in id.flatMap { elements[$0] != nil ? $0 : nil } }
            guard let source = ends[0], let destination = ends[1] else {
                builder.warn(
                    ImportNote(
                        file: file, position: relationship.position,
                        message: "skipped relationship '\(relationship["id"]?.text ?? "?")': it names an element the workspace does not declare"))
                continue
            }
            let rolled = [source, destination].map { id in elements[id]?.level == .component ? elements[id]?.parent ?? id : id }
            if elements[source]?.level == .person || elements[destination]?.level == .person {
                skipped[.person, default: 0] += 1
            } else if rolled[0] == rolled[1] {
                skipped[.inside, default: 0] += 1
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
                skipped[.summary, default: 0] += 1
                continue
            }
            kept.append(use)
            named.formUnion([use.source, use.destination])
        }
        let systems = order.filter { id in
            guard let element = elements[id] else { return false }
            return element.level == .container || (element.level == .softwareSystem && (!withContainers.contains(id) || named.contains(id)))
        }
        var nameCount: [String: Int] = [:]
        for id in systems { nameCount[elements[id]?.name ?? id, default: 0] += 1 }
        func systemID(_ id: String) -> String {
            guard let element = elements[id] else { return id }
            guard (nameCount[element.name] ?? 0) > 1, let parent = element.parent.flatMap({ elements[$0] }) else { return element.name }
            return "\(element.name) (\(parent.name))"
        }
        for id in systems { if let element = elements[id] { builder.addSystem(system(element, id: systemID(id), elements: elements)) } }
        for use in kept {
            var attributes = ["structurizr/relationships": "1"]
            attributes["structurizr/description"] = use.node["description"]?.text
            attributes["structurizr/technology"] = use.node["technology"]?.text
            builder.addCall(
                caller: systemID(use.source), callee: systemID(use.destination), attributes: attributes,
                at: ImportNote(file: file, position: use.node.position, message: use.node["id"]?.text ?? "relationship"),
                counted: ["structurizr/relationships"])
        }
        Self.noteSkipped(skipped, elements: elements, model: model, file: file, into: &builder)
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

    private static func noteSkipped(
        _ skipped: [Skip: Int], elements: [String: Element], model: DocumentNode, file: String, into builder: inout ImportBuilder
    ) {
        let people = elements.values.filter { $0.level == .person }.count
        if people > 0 {
            builder.skip(
                ImportNote(file: file, position: .start, message: "skipped \(Wording.counted(people, "person", plural: "people")): people are not systems"))
        }
        for skip in Skip.allCases {
            guard let count = skipped[skip], count > 0 else { continue }
            builder.skip(ImportNote(file: file, position: .start, message: "skipped \(Wording.counted(count, "relationship")) \(skip.reason)"))
        }
        if let nodes = model["deploymentNodes"], !nodes.items.isEmpty {
            builder.skip(
                ImportNote(
                    file: file, position: nodes.position,
                    message: "skipped the deployment model: it places the containers, whose relationships are read"))
        }
    }
}
