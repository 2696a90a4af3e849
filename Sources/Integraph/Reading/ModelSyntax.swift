/// The two syntaxes a model can be written in; both share one schema.
package enum ModelSyntax: String, Sendable, Hashable {
    case yaml, json
}
