/// What a map shows. Parsed from `--view`: `landscape`, `pilot:ID`, `backlog`, `backlog:TEAM`, `domains`,
/// `focus:SYSTEM[:DEPTH]`, `diff`.
///
/// ```swift
/// try MapView(argument: "pilot:churn-copilot") // .pilot("churn-copilot")
/// ```
public enum MapView: Sendable, Hashable {
    /// Every system, clustered, with backlog heat; pilots linked to what they need. Above
    /// ``LandscapeMap/systemLimit`` systems it is drawn as ``domains``, and says so.
    case landscape
    /// `landscape:all`: every system, however many.
    case landscapeAll
    /// One pilot's lineage, sources to pilot, its critical path highlighted.
    case pilot(String)
    /// Only pending work and what it touches, grouped by owner team.
    case backlog
    /// `backlog:TEAM`: one team's box of the backlog view.
    case backlogOf(String)
    /// One node per domain: the view for big landscapes.
    case domains
    /// One system and its neighbours a few flows away: `SYSTEM` or `SYSTEM:DEPTH`, resolved
    /// against the landscape when drawn (ids may hold colons).
    case focus(String)
    /// The union of two snapshots (``MapSubject/baseline`` and the model): added green,
    /// removed red and dashed, changed amber.
    case diff

    public static let names = ["landscape", "landscape:all", "pilot:ID", "backlog", "backlog:TEAM", "domains", "focus:SYSTEM[:DEPTH]", "diff"]

    public init(argument: String) throws(MapViewError) {
        switch argument {
        case "landscape": self = .landscape
        case "landscape:all": self = .landscapeAll
        case "backlog": self = .backlog
        case "domains": self = .domains
        case "diff": self = .diff
        case let text where text.hasPrefix("pilot:") && text.count > 6: self = .pilot(String(text.dropFirst(6)))
        case let text where text.hasPrefix("backlog:") && text.count > 8: self = .backlogOf(String(text.dropFirst(8)))
        case let text where text.hasPrefix("focus:") && text.count > 6: self = .focus(String(text.dropFirst(6)))
        default:
            throw MapViewError("unknown view '\(argument)'; views are \(Self.names.joined(separator: ", "))")
        }
    }

    /// Words for a title: "landscape", "pilot churn-copilot", …
    public var title: String {
        switch self {
        case .landscape, .landscapeAll: "integration landscape"
        case .pilot(let id): "pilot \(id)"
        case .backlog: "integration backlog by team"
        case .backlogOf(let team): "integration backlog of \(team)"
        case .domains: "domains"
        case .focus(let text): "focus on \(text)"
        case .diff: "changes"
        }
    }
}

/// A view that cannot be drawn as asked.
///
/// ```swift
/// do { _ = try MapView(argument: "pilots") } catch { print(error) } // unknown view 'pilots'; views are …
/// ```
public struct MapViewError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
