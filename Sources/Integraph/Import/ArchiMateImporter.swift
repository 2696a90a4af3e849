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

/// What an Open Exchange Format file holds that an import needs, read with Foundation's
/// streaming XMLParser: elements, relationships and the folders of `organizations`.
struct OpenExchangeDocument {
    struct Element {
        let identifier: String
        let type: String
        var name: String
    }

    struct Relationship {
        let identifier: String
        let type: String
        let source: String
        let target: String
        let accessType: String?
        let position: SourcePosition
    }

    private(set) var elements: [Element] = []
    private(set) var relationships: [Relationship] = []
    /// Each element's innermost labelled folder.
    private(set) var folderOf: [String: String] = [:]
    private(set) var error: (message: String, position: SourcePosition)?

    init(_ data: Data) {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        if !parser.parse() {
            let code = (parser.parserError as NSError?)?.code ?? 0
            let message = "invalid XML (" + (XMLParser.ErrorCode(rawValue: code).map { "\($0)" } ?? "error \(code)") + ")"
            error = (message, SourcePosition(line: max(1, parser.lineNumber), column: max(1, parser.columnNumber)))
        }
        elements = reader.elements
        relationships = reader.relationships
        folderOf = reader.folderOf
        if error == nil && elements.isEmpty && relationships.isEmpty {
            error = ("not an ArchiMate Open Exchange Format model: no elements or relationships", .start)
        }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var relationships: [Relationship] = []
        var folderOf: [String: String] = [:]
        /// Open `item` folders, each with its label once read.
        private var folders: [String?] = []
        private var text = ""
        private var inName = false, inLabel = false
        private weak var parser: XMLParser?

        func parserDidStartDocument(_ parser: XMLParser) { self.parser = parser }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            let type = attributes["xsi:type"] ?? attributes["type"] ?? ""
            switch name {
            case "element":
                if let identifier = attributes["identifier"] { elements.append(Element(identifier: identifier, type: type, name: identifier)) }
            case "relationship":
                if let identifier = attributes["identifier"], let source = attributes["source"], let target = attributes["target"] {
                    relationships.append(
                        Relationship(
                            identifier: identifier, type: type, source: source, target: target,
                            accessType: attributes["accessType"],
                            position: SourcePosition(line: max(1, parser.lineNumber), column: 1)))
                }
            case "name":
                inName = true
                text = ""
            case "label":
                inLabel = true
                text = ""
            case "item":
                if let reference = attributes["identifierRef"], let folder = folders.last(where: { $0 != nil }) ?? nil {
                    folderOf[reference] = folder
                }
                folders.append(nil)
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inName || inLabel { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch name {
            case "name" where inName:
                inName = false
                // The first name of an element is its own (relationships and views have names too).
                if let last = elements.indices.last, elements[last].name == elements[last].identifier, !value.isEmpty {
                    elements[last].name = value
                }
            case "label" where inLabel:
                inLabel = false
                if !folders.isEmpty, !value.isEmpty { folders[folders.count - 1] = value }
            case "item":
                _ = folders.popLast()
            default: break
            }
        }
    }
}
