import Yams

/// Reads YAML into a ``DocumentNode`` tree with line and column on every node.
///
/// Uses Yams (libyaml) to compose the document, then copies it into a `DocumentNode` tree
/// while counting nodes, so that an alias bomb is refused once it expands past
/// ``DocumentLimits/maximumNodes`` instead of exhausting memory. Merge keys (`<<: *defaults`)
/// are applied; keys written explicitly win over merged ones. Runs in time linear in the
/// file size plus the expanded node count; recursion is bounded by
/// ``DocumentLimits/maximumDepth``.
///
/// ```swift
/// let root = try YAMLDocumentParser().parse("integraph: 1\nsystems: []\n")
/// ```
package struct YAMLDocumentParser: Sendable {
    public var limits: DocumentLimits

    public init(limits: DocumentLimits = DocumentLimits()) {
        self.limits = limits
    }

    /// Parses one YAML document. An empty file, or one holding only comments, yields `nil`.
    public func parse(_ text: String) throws(DocumentSyntaxError) -> DocumentNode? {
        let root: Node?
        do {
            // The basic resolver skips Yams' regex-based tag resolution: the decoder reads
            // scalars by the type each key expects, and that regex work was a sixth of the time.
            root = try Parser(yaml: text, resolver: .basic).singleRoot()
        } catch let error as YamlError {
            throw Self.syntaxError(from: error, in: text)
        } catch {
            throw DocumentSyntaxError("cannot read YAML: \(error)", at: .start)
        }
        guard let root else { return nil }
        var converter = Converter(limits: limits, budget: limits.nodeBudget(forByteCount: text.utf8.count))
        return try converter.convert(root, depth: 0)
    }

    /// Parses every document of a multi-document stream (`---` between them), as catalogs
    /// and manifests are written; empty documents are left out. The node budget counts
    /// all of them together.
    public func parseAll(_ text: String) throws(DocumentSyntaxError) -> [DocumentNode] {
        var converter = Converter(limits: limits, budget: limits.nodeBudget(forByteCount: text.utf8.count))
        var documents: [DocumentNode] = []
        do {
            let parser = try Parser(yaml: text, resolver: .basic)
            while let root = try parser.nextRoot() {
                documents.append(try converter.convert(root, depth: 0))
            }
        } catch let error as DocumentSyntaxError {
            throw error
        } catch let error as YamlError {
            throw Self.syntaxError(from: error, in: text)
        } catch {
            throw DocumentSyntaxError("cannot read YAML: \(error)", at: .start)
        }
        return documents.filter {
            if case .scalar(let scalar) = $0.value { return scalar.style != .null }
            return true
        }
    }

    private static func syntaxError(from error: YamlError, in text: String) -> DocumentSyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let position = SourcePosition(line: mark.line, column: mark.column)
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at \(context.mark.line):\(context.mark.column))"
            }
            return DocumentSyntaxError(message, at: position)
        case .reader(let problem, let offset, _, _):
            return DocumentSyntaxError("invalid YAML: \(problem)", at: position(ofCharacterOffset: offset, in: text))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return DocumentSyntaxError(
                "duplicate key \(keys) in one mapping",
                at: SourcePosition(line: context.mark.line, column: context.mark.column))
        default:
            return DocumentSyntaxError("cannot read YAML: \(error)", at: .start)
        }
    }

    private static func position(ofCharacterOffset offset: Int?, in text: String) -> SourcePosition {
        guard let offset else { return .start }
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourcePosition(line: line, column: column)
    }

    private struct Converter {
        let limits: DocumentLimits
        var budget: Int

        mutating func convert(_ node: Node, depth: Int) throws(DocumentSyntaxError) -> DocumentNode {
            let position = node.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? .start
            budget -= 1
            guard budget >= 0 else {
                throw DocumentSyntaxError(
                    "the document expands to too many values (aliases that repeat aliases?); refused",
                    at: position)
            }
            guard depth < limits.maximumDepth else {
                throw DocumentSyntaxError(
                    "lists and mappings nest more than \(limits.maximumDepth) levels deep; refused",
                    at: position)
            }
            switch node {
            case .scalar(let scalar):
                return DocumentNode(.scalar(Self.scalar(scalar)), at: position)
            case .sequence(let sequence):
                var items: [DocumentNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence {
                    items.append(try convert(item, depth: depth + 1))
                }
                return DocumentNode(.sequence(items), at: position)
            case .mapping(let mapping):
                return DocumentNode(.mapping(try entries(of: mapping, depth: depth)), at: position)
            case .alias:
                // Yams resolves aliases while composing; an unresolved one is malformed YAML.
                throw DocumentSyntaxError("invalid YAML: unresolved alias", at: position)
            }
        }

        private mutating func entries(of mapping: Node.Mapping, depth: Int) throws(DocumentSyntaxError) -> [DocumentNode.MappingEntry] {
            var explicit: [DocumentNode.MappingEntry] = []
            var merged: [DocumentNode.MappingEntry] = []
            for (key, value) in mapping {
                let keyPosition = key.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? .start
                guard case .scalar(let keyScalar) = key else {
                    throw DocumentSyntaxError("mapping keys must be plain text, not a list or mapping", at: keyPosition)
                }
                if keyScalar.string == "<<", keyScalar.style == .plain {
                    merged.append(contentsOf: try mergeSources(of: value, at: keyPosition, depth: depth))
                } else {
                    explicit.append(
                        .init(
                            key: keyScalar.string, keyPosition: keyPosition,
                            value: try convert(value, depth: depth + 1)))
                }
            }
            var seen = Set(explicit.map(\.key))
            for entry in merged where seen.insert(entry.key).inserted {
                explicit.append(entry)
            }
            return explicit
        }

        private mutating func mergeSources(of value: Node, at position: SourcePosition, depth: Int) throws(DocumentSyntaxError) -> [DocumentNode.MappingEntry] {
            switch value {
            case .mapping(let mapping):
                return try entries(of: mapping, depth: depth)
            case .sequence(let sequence):
                var result: [DocumentNode.MappingEntry] = []
                for item in sequence {
                    guard case .mapping(let mapping) = item else { throw Self.badMerge(at: position) }
                    result.append(contentsOf: try entries(of: mapping, depth: depth))
                }
                return result
            default:
                throw Self.badMerge(at: position)
            }
        }

        private static func badMerge(at position: SourcePosition) -> DocumentSyntaxError {
            DocumentSyntaxError("a merge key '<<' takes a mapping or a list of mappings", at: position)
        }

        private static func scalar(_ scalar: Node.Scalar) -> DocumentNode.Scalar {
            switch scalar.style {
            case .plain, .any:
                ["", "~", "null", "Null", "NULL"].contains(scalar.string)
                    ? .init(text: "", style: .null)
                    : .init(text: scalar.string, style: .plain)
            default:
                .init(text: scalar.string, style: .quoted)
            }
        }
    }
}
