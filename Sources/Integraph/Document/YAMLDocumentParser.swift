/// Reads YAML into a ``DocumentNode`` tree with line and column on every node.
///
/// Reads libyaml's parser events straight into the tree (``YAMLEventReader``), counting
/// nodes, so that an alias bomb is refused once it expands past
/// ``DocumentLimits/maximumNodes`` instead of exhausting memory. Merge keys (`<<: *defaults`)
/// are applied; keys written explicitly win over merged ones. Runs in time linear in the
/// file size plus the expanded node count, with no recursion; nesting is bounded by
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
        try parse(utf8: Array(text.utf8))
    }

    /// Parses one YAML document from UTF-8 bytes checked by ``SourceText/validated(_:)``.
    public func parse(utf8 bytes: [UInt8]) throws(DocumentSyntaxError) -> DocumentNode? {
        var reader = YAMLEventReader(limits: limits, budget: limits.nodeBudget(forByteCount: bytes.count))
        return try reader.read(bytes, allDocuments: false).first
    }

    /// Parses every document of a multi-document stream (`---` between them), as catalogs
    /// and manifests are written; empty documents are left out. The node budget counts
    /// all of them together.
    public func parseAll(_ text: String) throws(DocumentSyntaxError) -> [DocumentNode] {
        let bytes = Array(text.utf8)
        var reader = YAMLEventReader(limits: limits, budget: limits.nodeBudget(forByteCount: bytes.count))
        return try reader.read(bytes, allDocuments: true).filter {
            if case .scalar(let scalar) = $0.value { return scalar.style != .null }
            return true
        }
    }
}
