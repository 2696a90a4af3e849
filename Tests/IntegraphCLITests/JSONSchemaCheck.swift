import Foundation

/// A JSON value decoded without Foundation's number/boolean ambiguity.
indirect enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), integer(Int), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

/// Checks a JSON value against a JSON Schema (draft 4) using the keywords the SARIF schema
/// fixture uses: `$ref` (local), `type`, `enum`, `required`, `properties`,
/// `additionalProperties`, `items`, `minimum`. Returns every violation with its path.
struct JSONSchemaCheck {
    let root: JSONValue

    func violations(of value: JSONValue, against schema: JSONValue? = nil, at path: String = "$") -> [String] {
        guard let schema = schema ?? Optional(root) else { return [] }
        if case .string(let reference)? = schema["$ref"] {
            var target: JSONValue? = root
            for part in reference.dropFirst(2).split(separator: "/") { target = target?[String(part)] }
            guard let target else { return ["\(path): unresolved \(reference)"] }
            return violations(of: value, against: target, at: path)
        }
        var found: [String] = []
        if let types = schema["type"] {
            let allowed: [String] =
                switch types {
                case .string(let one): [one]
                case .array(let many): many.compactMap { if case .string(let name) = $0 { name } else { nil } }
                default: []
                }
            if !allowed.contains(where: { Self.value(value, is: $0) }) { found.append("\(path): not \(allowed.joined(separator: " or "))") }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) { found.append("\(path): not one of the allowed values") }
        if case .object(let members) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where members[key] == nil { found.append("\(path): missing '\(key)'") }
            }
            let properties: [String: JSONValue] = if case .object(let known)? = schema["properties"] { known } else { [:] }
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] {
                    found += violations(of: member, against: property, at: "\(path).\(key)")
                } else if schema["additionalProperties"] == .bool(false) {
                    found.append("\(path): '\(key)' is not allowed")
                } else if let extra = schema["additionalProperties"], case .object = extra {
                    found += violations(of: member, against: extra, at: "\(path).\(key)")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() { found += violations(of: item, against: itemSchema, at: "\(path)[\(index)]") }
        }
        if let minimum = schema["minimum"] {
            let limit: Double? =
                switch minimum {
                case .integer(let n): Double(n);
                case .number(let n): n;
                default: nil
                }
            let number: Double? =
                switch value {
                case .integer(let n): Double(n);
                case .number(let n): n;
                default: nil
                }
            if let limit, let number, number < limit { found.append("\(path): below \(limit)") }
        }
        return found
    }

    static func value(_ value: JSONValue, is type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
            ("string", .string), ("array", .array), ("object", .object):
            true
        default: false
        }
    }
}
