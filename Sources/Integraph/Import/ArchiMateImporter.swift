import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads ArchiMate models in the Open Exchange Format (`.xml`). Application components,
/// nodes, devices, system software and data objects become systems; Flow, Serving,
/// Triggering and Access relationships between them become flows the way data moves (a
/// server to what it serves, an Access by its `accessType`: Read from the data object,
/// Write to it, ReadWrite both ways); a business actor or role assigned to a system becomes
/// its owning team; the innermost labelled folder of `organizations`, or a Grouping that
/// aggregates or composes the element, becomes its domain. Elements of one type and name
/// are one system; a name two types share is qualified with the type. Other elements and
/// relationships are counted as skipped. O(elements + relationships).
///
/// ```swift
/// var builder = ImportBuilder(source: "archimate")
/// ArchiMateImporter().read(files, into: &builder)
/// ```
package struct ArchiMateImporter: Sendable {
    static let systemTypes: Set<String> = ["ApplicationComponent", "Node", "Device", "SystemSoftware", "DataObject"]
    static let dataRelationships: Set<String> = ["Flow", "Serving", "Triggering", "Access"]

    public init() {}

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        for file in files {
            let document = OpenExchangeDocument(Data(file.text.utf8))
            if let error = document.error {
                builder.skipFile(ImportNote(file: file.name, position: error.position, message: "skipped the file: \(error.message)"))
                continue
            }
            if let cut = document.cutOff {
                builder.readPartly(ImportNote(file: file.name, position: cut.position, message: cut.message))
            }
            read(document, file: file.name, into: &builder)
        }
    }

    /// `ApplicationComponent` → `application-component`.
    static func kebabCase(_ type: String) -> String {
        var result = ""
        for character in type {
            if character.isUppercase, !result.isEmpty { result += "-" }
            result += character.lowercased()
        }
        return result
    }

    private func read(_ document: OpenExchangeDocument, file: String, into builder: inout ImportBuilder) {
        let elements = Dictionary(document.elements.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        let systems = document.elements.filter { Self.systemTypes.contains($0.type) }
        var typesOfName: [String: Set<String>] = [:]
        for element in systems { typesOfName[element.name, default: []].insert(element.type) }
        func id(_ element: OpenExchangeDocument.Element) -> String {
            (typesOfName[element.name]?.count ?? 0) > 1 ? "\(element.name) [\(element.type)]" : element.name
        }
        var domain = document.folderOf
        var owner: [String: String] = [:]
        for relationship in document.relationships {
            guard let source = elements[relationship.source], let target = elements[relationship.target] else { continue }
            if source.type == "Grouping", ["Aggregation", "Composition"].contains(relationship.type) { domain[target.identifier] = source.name }
            if relationship.type == "Assignment", ["BusinessActor", "BusinessRole"].contains(source.type) { owner[target.identifier] = source.name }
        }
        for element in systems {
            var system = System(
                id: id(element), name: element.name == id(element) ? nil : element.name,
                kind: Self.kebabCase(element.type), domain: domain[element.identifier])
            system.owner = owner[element.identifier].map { Reference($0, at: .start) }
            system.attributes["archimate/id"] = element.identifier
            builder.addSystem(system)
        }
        var skipped = 0
        for relationship in document.relationships {
            guard Self.dataRelationships.contains(relationship.type), let source = elements[relationship.source],
                let target = elements[relationship.target], Self.systemTypes.contains(source.type),
                Self.systemTypes.contains(target.type)
            else {
                skipped += 1
                continue
            }
            let note = ImportNote(file: file, position: relationship.position, message: relationship.identifier)
            let attributes = ["archimate": relationship.type]
            // A flow's caller is where data lands, its callee where it comes from.
            var moves = [(from: id(source), to: id(target))]
            if relationship.type == "Access" {
                switch relationship.accessType {
                case "Read": moves = [(id(target), id(source))]
                case "ReadWrite": moves.append((id(target), id(source)))
                default: break
                }
            }
            for move in moves { builder.addCall(caller: move.to, callee: move.from, attributes: attributes, at: note) }
        }
        if skipped > 0 {
            builder.skip(
                ImportNote(
                    file: file, position: .start,
                    message: "skipped \(Wording.counted(skipped, "relationship")): "
                        + "only Flow, Serving, Triggering and Access between systems become flows"))
        }
        let others = document.elements.count - systems.count
        if others > 0 {
            builder.skip(
                ImportNote(
                    file: file, position: .start,
                    message: "skipped \(Wording.counted(others, "element")): "
                        + "only application components, nodes, devices, system software and data objects become systems"))
        }
    }
}
