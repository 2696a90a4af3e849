/// Reading foreign documents (manifests, catalogs) without a schema: keys that may be
/// absent, of any type.
extension DocumentNode {
    /// The value under `key` in a mapping; `nil` for anything else or a written `null`.
    subscript(key: String) -> DocumentNode? {
        guard case .mapping(let entries) = value, let node = entries.last(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = node.value, scalar.style == .null { return nil }
        return node
    }

    /// The value at a path of keys.
    func at(_ keys: String...) -> DocumentNode? {
        keys.reduce(Optional(self)) { node, key in node?[key] }
    }

    /// A scalar's text; `nil` for null, lists and mappings.
    var text: String? {
        guard case .scalar(let scalar) = value, scalar.style != .null else { return nil }
        return scalar.text
    }

    /// A sequence's items; empty for anything else.
    var items: [DocumentNode] {
        guard case .sequence(let items) = value else { return [] }
        return items
    }

    /// A mapping's entries; empty for anything else.
    var entries: [MappingEntry] {
        guard case .mapping(let entries) = value else { return [] }
        return entries
    }

    /// A mapping's values by key, read as the subscript reads them (the last of a repeated key,
    /// no written `null`), for looking many keys up in one long mapping.
    var index: [String: DocumentNode] {
        var result: [String: DocumentNode] = [:]
        for entry in entries {
            if case .scalar(let scalar) = entry.value.value, scalar.style == .null {
                result[entry.key] = nil
            } else {
                result[entry.key] = entry.value
            }
        }
        return result
    }

    /// A mapping of scalars as text, as labels and selectors are written.
    var textMapping: [String: String] {
        var result: [String: String] = [:]
        for entry in entries { if let text = entry.value.text { result[entry.key] = text } }
        return result
    }
}
