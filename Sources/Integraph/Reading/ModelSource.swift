import Foundation

/// Where a model comes from: a file, whose extension picks the syntax, or standard input,
/// read as YAML. The path `-` means standard input.
///
/// ```swift
/// let source = ModelSource(argument: "Graphs/acme-retail.yaml") // .file("Graphs/acme-retail.yaml")
/// source.syntax // .yaml
/// ```
public enum ModelSource: Sendable, Hashable {
    case file(String)
    case standardInput

    public init(argument: String) {
        self = argument == "-" ? .standardInput : .file(argument)
    }

    /// The name used in messages: the path as given, or `<stdin>`.
    public var displayName: String {
        switch self {
        case .file(let path): path
        case .standardInput: "<stdin>"
        }
    }

    /// `.json` files are JSON; everything else, standard input included, is YAML.
    package var syntax: ModelSyntax {
        switch self {
        case .file(let path): (path as NSString).pathExtension.lowercased() == "json" ? .json : .yaml
        case .standardInput: .yaml
        }
    }
}
