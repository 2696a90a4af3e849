/// An ordered list of Graphviz attributes. Order is kept so the DOT text is the same
/// bytes on every run.
///
/// ```swift
/// var attributes = DOTAttributes()
/// attributes["shape"] = "box"
/// attributes["label"] = "Salesforce \"CRM\""
/// ```
package struct DOTAttributes: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public private(set) var entries: [(key: String, value: String)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// Setting a key that is present replaces its value in place; `nil` removes it.
    public subscript(key: String) -> String? {
        get { entries.first(where: { $0.key == key })?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public static func == (lhs: DOTAttributes, rhs: DOTAttributes) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}
