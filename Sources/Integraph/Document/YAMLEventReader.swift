import CYaml

/// Builds ``DocumentNode`` trees straight from libyaml's parser events (through the CYaml
/// module Yams ships), without composing Yams' own node tree first: one pass, an explicit
/// stack instead of recursion, a position on every node. Anchors are kept with the size of
/// their subtree, so that every alias is charged to the node budget as it is copied (an
/// alias bomb is refused, not expanded); merge keys (`<<: *defaults`) are applied, keys
/// written explicitly winning over merged ones; a key written twice in one mapping is an
/// error, as Yams' composer made it.
///
/// ```swift
/// var reader = YAMLEventReader(limits: DocumentLimits(), budget: 1_000)
/// let documents = try reader.read(Array("a: 1\n".utf8), allDocuments: false)
/// ```
struct YAMLEventReader {
    let limits: DocumentLimits
    var budget: Int

    private struct Frame {
        enum Kind { case sequence, mapping }
        let kind: Kind
        let position: SourcePosition
        let anchor: String?
        var items: [DocumentNode] = []
        var entries: [DocumentNode.MappingEntry] = []
        var merged: [DocumentNode.MappingEntry] = []
        var key: (text: String, position: SourcePosition, isMerge: Bool)?
        /// Nodes in this subtree, itself included: what an alias to it costs.
        var size = 1
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: DocumentNode, size: Int)] = [:]
    private var documents: [DocumentNode] = []
    private var root: (node: DocumentNode, size: Int)?

    init(limits: DocumentLimits, budget: Int) {
        self.limits = limits
        self.budget = budget
    }

    /// Every document of the text (`allDocuments`), or the only one; an empty document or
    /// one of comments alone gives none.
    mutating func read(_ bytes: [UInt8], allDocuments: Bool) throws(DocumentSyntaxError) -> [DocumentNode] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw DocumentSyntaxError("cannot read YAML: out of memory", at: .start) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var failure: DocumentSyntaxError?
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var documentCount = 0
            while failure == nil {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    failure = Self.parserError(parser, bytes: buffer)
                    break
                }
                defer { yaml_event_delete(&event) }
                let position = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                do throws(DocumentSyntaxError) {
                    switch event.type {
                    case YAML_STREAM_END_EVENT:
                        return
                    case YAML_DOCUMENT_START_EVENT:
                        documentCount += 1
                        if documentCount > 1 && !allDocuments {
                            throw DocumentSyntaxError("invalid YAML: expected a single document in the stream", at: position)
                        }
                        anchors.removeAll()
                    case YAML_DOCUMENT_END_EVENT:
                        if let root { documents.append(root.node) }
                        root = nil
                    case YAML_SCALAR_EVENT:
                        let scalar = event.data.scalar
                        let value = Self.string(scalar.value, length: scalar.length)
                        let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
                        let content: DocumentNode.Scalar =
                            plain && Self.isNull(value)
                            ? .init(text: "", style: .null) : .init(text: value, style: plain ? .plain : .quoted)
                        try charge(1, at: position)
                        try add(
                            DocumentNode(.scalar(content), at: position), size: 1, anchor: Self.optionalString(scalar.anchor),
                            mergeKey: plain && value == "<<")
                    case YAML_SEQUENCE_START_EVENT:
                        try open(.sequence, at: position, anchor: Self.optionalString(event.data.sequence_start.anchor))
                    case YAML_MAPPING_START_EVENT:
                        try open(.mapping, at: position, anchor: Self.optionalString(event.data.mapping_start.anchor))
                    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                        try close()
                    case YAML_ALIAS_EVENT:
                        let name = Self.optionalString(event.data.alias.anchor) ?? ""
                        guard let target = anchors[name] else { throw DocumentSyntaxError("invalid YAML: unresolved alias", at: position) }
                        try charge(target.size, at: position)
                        try add(target.node, size: target.size, anchor: nil, mergeKey: false)
                    default:
                        break
                    }
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
        return documents
    }

    private mutating func charge(_ nodes: Int, at position: SourcePosition) throws(DocumentSyntaxError) {
        budget -= nodes
        guard budget >= 0 else {
            throw DocumentSyntaxError("the document expands to too many values (aliases that repeat aliases?); refused", at: position)
        }
    }

    private mutating func open(_ kind: Frame.Kind, at position: SourcePosition, anchor: String?) throws(DocumentSyntaxError) {
        guard stack.count < limits.maximumDepth else {
            throw DocumentSyntaxError("lists and mappings nest more than \(limits.maximumDepth) levels deep; refused", at: position)
        }
        try charge(1, at: position)
        stack.append(Frame(kind: kind, position: position, anchor: anchor))
    }

    private mutating func close() throws(DocumentSyntaxError) {
        guard let frame = stack.popLast() else { return }
        let node: DocumentNode
        switch frame.kind {
        case .sequence:
            node = DocumentNode(.sequence(frame.items), at: frame.position)
        case .mapping:
            let duplicates = Self.duplicateKeys(frame.entries)
            if !duplicates.isEmpty {
                let keys = Set(duplicates).sorted().map { "'\($0)'" }.joined(separator: ", ")
                throw DocumentSyntaxError("duplicate key \(keys) in one mapping", at: frame.position)
            }
            var entries = frame.entries
            if !frame.merged.isEmpty {
                var seen = Set(entries.map(\.key))
                for entry in frame.merged where seen.insert(entry.key).inserted { entries.append(entry) }
            }
            node = DocumentNode(.mapping(entries), at: frame.position)
        }
        try add(node, size: frame.size, anchor: frame.anchor, mergeKey: false)
    }

    /// Keys written more than once in one mapping. A model's mappings have a handful of
    /// keys, which compare faster pairwise than they hash into a set; big ones use a set.
    private static func duplicateKeys(_ entries: [DocumentNode.MappingEntry]) -> [String] {
        var duplicates: [String] = []
        if entries.count <= 16 {
            for later in entries.indices {
                for earlier in entries.indices[..<later] where entries[earlier].key == entries[later].key {
                    duplicates.append(entries[later].key)
                    break
                }
            }
        } else {
            var seen = Set<String>()
            for entry in entries where !seen.insert(entry.key).inserted { duplicates.append(entry.key) }
        }
        return duplicates
    }

    /// Puts a finished node where it belongs: the document's root, a list's next item, a
    /// mapping's key or the value of its pending key.
    private mutating func add(_ node: DocumentNode, size: Int, anchor: String?, mergeKey: Bool) throws(DocumentSyntaxError) {
        if let anchor { anchors[anchor] = (node, size) }
        guard !stack.isEmpty else {
            root = (node, size)
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        switch stack[top].kind {
        case .sequence:
            stack[top].items.append(node)
        case .mapping:
            guard let key = stack[top].key else {
                guard case .scalar(let scalar) = node.value else {
                    throw DocumentSyntaxError("mapping keys must be plain text, not a list or mapping", at: node.position)
                }
                stack[top].key = (scalar.text, node.position, mergeKey)
                return
            }
            stack[top].key = nil
            if key.isMerge {
                stack[top].merged += try Self.mergeSources(node, at: key.position)
            } else {
                stack[top].entries.append(DocumentNode.MappingEntry(key: key.text, keyPosition: key.position, value: node))
            }
        }
    }

    private static func mergeSources(_ node: DocumentNode, at position: SourcePosition) throws(DocumentSyntaxError) -> [DocumentNode.MappingEntry] {
        let badMerge = DocumentSyntaxError("a merge key '<<' takes a mapping or a list of mappings", at: position)
        switch node.value {
        case .mapping(let entries):
            return entries
        case .sequence(let items):
            var entries: [DocumentNode.MappingEntry] = []
            for item in items {
                guard case .mapping(let more) = item.value else { throw badMerge }
                entries += more
            }
            return entries
        case .scalar:
            throw badMerge
        }
    }

    /// YAML 1.2's core-schema spellings of null, for plain scalars.
    private static func isNull(_ value: String) -> Bool {
        switch value {
        case "", "~", "null", "Null", "NULL": true
        default: false
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// libyaml's message, at its place, in the words Yams used: `invalid YAML: PROBLEM
    /// (CONTEXT at LINE:COLUMN)`.
    private static func parserError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) -> DocumentSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            return DocumentSyntaxError("invalid YAML: \(problem)", at: position(ofByte: parser.problem_offset, in: bytes))
        }
        var message = "invalid YAML: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at \(parser.context_mark.line + 1):\(parser.context_mark.column + 1))"
        }
        return DocumentSyntaxError(message, at: SourcePosition(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1))
    }

    private static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }
}
