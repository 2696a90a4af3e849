import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

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
    /// Why nothing of the file can be used.
    private(set) var error: (message: String, position: SourcePosition)?
    /// Where the file stops before its XML is complete, when it does: what came before is read.
    private(set) var cutOff: (message: String, position: SourcePosition)?

    init(_ data: Data) {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        let parsed = parser.parse()
        let end = SourcePosition(line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
        let code = (parser.parserError as NSError?)?.code
        elements = reader.elements
        relationships = reader.relationships
        folderOf = reader.folderOf
        // libxml2 accepts a document that stops inside an open element; an element still
        // open at the end is a file cut short, wherever the parser says it stopped.
        if let open = reader.openElements.last, parsed || code == 5 {
            cutOff = (
                "the file ends before its XML does (cut off?): <\(open.name)> opened at line \(open.line) is never closed; "
                    + "read \(Wording.counted(elements.count, "element")) and \(Wording.counted(relationships.count, "relationship")) before the end",
                end
            )
        } else if !parsed {
            error = ("malformed XML: \(XMLProblem.words(for: code))", end)
        }
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
        /// The elements opened and not yet closed, outermost first.
        private(set) var openElements: [(name: String, line: Int)] = []
        private var text = ""
        private var inName = false, inLabel = false
        private weak var parser: XMLParser?

        func parserDidStartDocument(_ parser: XMLParser) { self.parser = parser }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            openElements.append((name, max(1, parser.lineNumber)))
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
            _ = openElements.popLast()
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch name {
            case "name" where inName:
                inName = false
                // An element's own name is its first child `name` (relationships, views and
                // property definitions have names too, and an element may have none).
                if openElements.last?.name == "element", let last = elements.indices.last,
                    elements[last].name == elements[last].identifier, !value.isEmpty
                {
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
