/// Bounds that keep a hostile model file from exhausting time, memory or stack.
///
/// A real landscape nests five levels deep; nothing legitimate comes near these numbers.
///
/// ```swift
/// let limits = DocumentLimits(maximumDepth: 64, maximumNodes: 10_000)
/// let node = try YAMLDocumentParser(limits: limits).parse(text)
/// ```
package struct DocumentLimits: Sendable {
    /// How deeply lists and mappings may nest. libyaml, under Yams, stops at 1,000 as well.
    public var maximumDepth: Int
    /// How many nodes a document may expand to once YAML aliases are followed; `nil` allows
    /// ten times the file's size in bytes plus 100,000, enough for any honest use of anchors
    /// and far too little for an alias bomb.
    public var maximumNodes: Int?

    public init(maximumDepth: Int = 1_000, maximumNodes: Int? = nil) {
        self.maximumDepth = maximumDepth
        self.maximumNodes = maximumNodes
    }

    func nodeBudget(forByteCount byteCount: Int) -> Int {
        maximumNodes ?? (100_000 + byteCount.multipliedReportingOverflow(by: 10).partialValue)
    }
}
