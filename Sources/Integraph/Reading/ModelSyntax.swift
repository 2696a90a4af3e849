/// The two syntaxes a model can be written in; both share one schema.
public enum ModelSyntax: String, Sendable, Hashable {
    case yaml, json
}
