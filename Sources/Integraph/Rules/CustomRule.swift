/// A rule written in a rules file, in the spirit of dependency-cruiser's forbidden and
/// required rules: every entity the selector picks must meet every requirement.
///
/// ```yaml
/// custom:
///   - id: restricted-flows-reviewed
///     severity: error
///     description: Restricted data waits for an approved gate
///     where: {kind: flow, classification: restricted}
///     require: {after: {kind: gate, status: approved}}
/// ```
package struct CustomRule: Sendable {
    public var id: String
    public var severity: RuleSeverity
    public var description: String
    public var selector: EntitySelector
    public var requirements: [Requirement]
    /// Where the rule is written, for its own errors.
    public var position: SourcePosition

    package enum Requirement: Sendable {
        /// The key holds this value (a list key: holds it among its items).
        case value(key: String, equals: [String])
        /// Some entity reached through `after` links, directly or through others, matches.
        case after(EntitySelector)
    }

    public init(
        id: String, severity: RuleSeverity, description: String, selector: EntitySelector,
        requirements: [Requirement], position: SourcePosition
    ) {
        self.id = id
        self.severity = severity
        self.description = description
        self.selector = selector
        self.requirements = requirements
        self.position = position
    }
}

/// Picks entities of one kind whose keys hold the given values (any of a list).
package struct EntitySelector: Sendable {
    public var kind: EntityKind
    public var values: [(key: String, anyOf: [String])]

    public init(kind: EntityKind, values: [(key: String, anyOf: [String])] = []) {
        self.kind = kind
        self.values = values
    }

    /// The keys a selector or requirement may name, by kind.
    public static let keys: [EntityKind: [String]] = [
        .team: ["id", "name", "capacity"],
        .system: ["id", "name", "kind", "domain", "owner", "status"],
        .flow: ["id", "from", "to", "data", "classification", "status", "owner", "blocked_by"],
        .gate: ["id", "name", "kind", "owner", "status", "requested"],
        .pilot: ["id", "name", "champion", "stage", "needs", "target"]
    ]

    func matches(_ entity: EntityValues) -> Bool {
        entity.kind == kind
            && values.allSatisfy { wanted in
                let held = entity.values(of: wanted.key)
                return wanted.anyOf.contains { held.contains($0) }
            }
    }
}

/// One entity of a landscape seen as key → written values, for selectors.
struct EntityValues {
    let kind: EntityKind
    let id: String
    let position: SourcePosition
    let after: [String]
    private let fields: [String: [String]]

    func values(of key: String) -> [String] { fields[key] ?? [] }

    static func all(in landscape: Landscape) -> [EntityValues] {
        var result: [EntityValues] = []
        func add(
            _ kind: EntityKind, _ id: String, _ position: SourcePosition, after: [Reference] = [], _ fields: [String: String?],
            lists: [String: [String]] = [:]
        ) {
            var all = lists
            for (key, value) in fields { if let value { all[key] = [value] } }
            all["id"] = [id]
            result.append(EntityValues(kind: kind, id: id, position: position, after: after.map(\.id), fields: all))
        }
        for team in landscape.teams {
            add(.team, team.id, team.position, ["name": team.name, "capacity": team.capacity.map(String.init)])
        }
        for system in landscape.systems {
            add(
                .system, system.id, system.position, after: system.after,
                [
                    "name": system.name, "kind": system.kind, "domain": system.domain, "owner": system.owner?.id,
                    "status": system.status.rawValue
                ])
        }
        for flow in landscape.flows {
            add(
                .flow, flow.id, flow.position, after: flow.after,
                [
                    "from": flow.from.id, "to": flow.to.id, "classification": flow.classification.rawValue, "status": flow.status.rawValue,
                    "owner": flow.owner?.id, "blocked_by": flow.blockedBy
                ], lists: ["data": flow.data])
        }
        for gate in landscape.gates {
            add(
                .gate, gate.id, gate.position, after: gate.after,
                [
                    "name": gate.name, "kind": gate.kind.rawValue, "owner": gate.owner?.id, "status": gate.status.rawValue,
                    "requested": gate.requested?.description
                ])
        }
        for pilot in landscape.pilots {
            add(
                .pilot, pilot.id, pilot.position, after: pilot.after,
                ["name": pilot.name, "champion": pilot.champion, "stage": pilot.stage.rawValue, "target": pilot.target?.description],
                lists: ["needs": pilot.needs.map(\.system.id)])
        }
        return result
    }
}
