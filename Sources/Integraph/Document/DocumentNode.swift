/// A parsed YAML or JSON value that remembers where it stood in its file.
///
/// Both parsers produce this one tree, so the model decoder and its error messages are the
/// same whichever syntax a landscape is written in.
///
/// ```swift
/// let node = try YAMLDocumentParser().parse("name: Acme\n")
/// if case .mapping(let entries) = node.value {
///     print(entries[0].key, entries[0].value.position) // "name 1:7"
/// }
/// ```
package struct DocumentNode: Sendable {
    package enum Value: Sendable {
        case scalar(Scalar)
        case sequence([DocumentNode])
        case mapping([MappingEntry])
    }

    /// A leaf value with its text as written. Whether it is a number or a string is decided
    /// by the decoder, which knows what type the key expects.
    package struct Scalar: Sendable, Equatable {
        package enum Style: Sendable, Equatable {
            /// Unquoted YAML, or a JSON number or boolean: may be read as a number.
            case plain
            /// A quoted YAML scalar or a JSON string: always text.
            case quoted
            /// YAML `null`, `~` or nothing; JSON `null`.
            case null
        }

        public var text: String
        public var style: Style

        public init(text: String, style: Style) {
            self.text = text
            self.style = style
        }
    }

    /// One `key: value` pair of a mapping; keys are always text.
    package struct MappingEntry: Sendable {
        public var key: String
        public var keyPosition: SourcePosition
        public var value: DocumentNode

        public init(key: String, keyPosition: SourcePosition, value: DocumentNode) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    public var value: Value
    public var position: SourcePosition

    public init(_ value: Value, at position: SourcePosition) {
        self.value = value
        self.position = position
    }

    /// What the node is, as a user would say it in an error message.
    public var kindDescription: String {
        switch value {
        case .scalar(let scalar):
            switch scalar.style {
            case .null: "null"
            case .quoted: "a string"
            case .plain: "'\(scalar.text.count > 40 ? scalar.text.prefix(40) + "…" : Substring(scalar.text))'"
            }
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
