/// Writes a landscape in the model format, as YAML (one entity per line, in flow style) or
/// JSON; reading the output back gives the same landscape. Used by `integraph generate`.
///
/// ```swift
/// let yaml = LandscapeWriter(syntax: .yaml).write(landscape)
/// ```
package struct LandscapeWriter: Sendable {
    public var syntax: ModelSyntax

    public init(syntax: ModelSyntax) {
        self.syntax = syntax
    }

    public func write(_ landscape: Landscape) -> String {
        var out = syntax == .json ? "{\n" : ""
        out += field("integraph", "1") + separator
        if let name = landscape.name { out += field("name", text(name)) + separator }
        if landscape.calendar != .standard { out += field("calendar", calendar(landscape.calendar)) + separator }
        var sections: [(String, [String])] = [
            ("teams", landscape.teams.map(team)),
            ("systems", landscape.systems.map(system)),
            ("flows", landscape.flows.map(flow)),
            ("gates", landscape.gates.map(gate)),
            ("pilots", landscape.pilots.map(pilot))
        ]
        if !landscape.estimates.isEmpty { sections.append(("estimates", landscape.estimates.map(estimate))) }
        for (position, (key, items)) in sections.enumerated() {
            let last = position == sections.count - 1
            switch syntax {
            case .yaml:
                out += items.isEmpty ? "\(key): []\n" : "\(key):\n" + items.map { "  - \($0)\n" }.joined()
            case .json:
                out +=
                    "  \(JSONText.string(key)): [" + (items.isEmpty ? "" : "\n    " + items.joined(separator: ",\n    ") + "\n  ")
                    + "]" + (last ? "\n" : ",\n")
            }
        }
        return out + (syntax == .json ? "}\n" : "")
    }

    private func field(_ key: String, _ value: String) -> String {
        syntax == .json ? "  \(JSONText.string(key)): \(value)" : "\(key): \(value)"
    }

    private var separator: String { syntax == .json ? ",\n" : "\n" }

    private func mapping(_ pairs: [(String, String?)]) -> String {
        let present = pairs.compactMap { key, value in value.map { (key, $0) } }
        switch syntax {
        case .yaml: return "{" + present.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
        case .json: return "{" + present.map { "\(JSONText.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
    }

    /// Plain YAML where that cannot be misread, a JSON string (valid YAML too) otherwise.
    private func text(_ value: String) -> String {
        if syntax == .yaml, Self.isPlainSafe(value) { return value }
        return JSONText.string(value)
    }

    private func list(_ values: [String]) -> String? {
        values.isEmpty ? nil : "[" + values.map(text).joined(separator: ", ") + "]"
    }

    private func number(_ value: Double) -> String { JSONText.number(value) }

    private func effort(_ effort: Effort?) -> String? {
        switch effort {
        case nil: nil
        case .days(let days): number(days)
        case .estimate(let optimistic, let likely, let pessimistic):
            mapping([("optimistic", number(optimistic)), ("likely", number(likely)), ("pessimistic", number(pessimistic))])
        }
    }

    /// Only what differs from the default: workdays other than Monday to Friday, holidays.
    private func calendar(_ calendar: WorkingCalendar) -> String {
        let workdays = calendar.workdays == WorkingCalendar.standard.workdays ? [] : calendar.workdays.map(\.shortName)
        return mapping([("workdays", list(workdays)), ("holidays", list(calendar.holidays.map(\.description)))])
    }

    private func team(_ team: Team) -> String {
        mapping([
            ("id", text(team.id)), ("name", team.name.map(text)), ("capacity", team.capacity.map(String.init)),
            ("day_rate", team.dayRate.map(JSONText.number))
        ])
    }

    private func system(_ system: System) -> String {
        mapping([
            ("id", text(system.id)), ("name", system.name.map(text)), ("kind", system.kind.map(text)),
            ("domain", system.domain.map(text)), ("owner", system.owner.map { text($0.id) }),
            ("status", system.status == .live ? nil : text(system.status.rawValue)), ("effort", effort(system.effort)),
            ("after", list(system.after.map(\.id))), ("derives", derives(system.derives)),
            ("attributes", attributes(system.attributes))
        ])
    }

    /// Names sorted, values always quoted text.
    private func attributes(_ attributes: [String: String]) -> String? {
        attributes.isEmpty
            ? nil
            : mapping(
                attributes.keys.sorted().map { key in
                    (syntax == .yaml ? text(key) : key, JSONText.string(attributes[key] ?? ""))
                })
    }

    /// Keys sorted, so the same landscape writes the same bytes.
    private func derives(_ derives: [String: [String]]) -> String? {
        derives.isEmpty
            ? nil
            : mapping(
                derives.keys.sorted().map { key in
                    (syntax == .yaml ? text(key) : key, "[" + (derives[key] ?? []).map(text).joined(separator: ", ") + "]")
                })
    }

    private func flow(_ flow: Flow) -> String {
        mapping([
            ("id", flow.hasExplicitID ? text(flow.id) : nil), ("from", text(flow.from.id)), ("to", text(flow.to.id)),
            ("data", list(flow.data)),
            ("classification", flow.classification == .internal ? nil : text(flow.classification.rawValue)),
            ("status", flow.status == .live ? nil : text(flow.status.rawValue)), ("effort", effort(flow.effort)),
            ("owner", flow.owner.map { text($0.id) }), ("after", list(flow.after.map(\.id))),
            ("blocked_by", blocker(flow)), ("attributes", attributes(flow.attributes))
        ])
    }

    /// The reason alone, or `{reason, owner, until}` when the block says who or when.
    private func blocker(_ flow: Flow) -> String? {
        guard flow.blockedOwner != nil || flow.blockedUntil != nil else { return flow.blockedBy.map(text) }
        return mapping([
            ("reason", flow.blockedBy.map(text)), ("owner", flow.blockedOwner.map(text)),
            ("until", flow.blockedUntil.map { text($0.description) })
        ])
    }

    private func gate(_ gate: Gate) -> String {
        mapping([
            ("id", text(gate.id)), ("name", gate.name.map(text)), ("kind", text(gate.kind.rawValue)), ("owner", gate.owner.map { text($0.id) }),
            ("status", gate.status == .pending ? nil : text(gate.status.rawValue)), ("effort", effort(gate.effort)),
            ("after", list(gate.after.map(\.id))), ("requested", gate.requested.map { text($0.description) })
        ])
    }

    private func pilot(_ pilot: Pilot) -> String {
        let needs = pilot.needs.map { need in
            need.data.map { mapping([("system", text(need.system.id)), ("data", "[" + $0.map(text).joined(separator: ", ") + "]")]) }
                ?? text(need.system.id)
        }
        return mapping([
            ("id", text(pilot.id)), ("name", pilot.name.map(text)), ("champion", pilot.champion.map(text)),
            ("stage", text(pilot.stage.rawValue)), ("needs", needs.isEmpty ? nil : "[" + needs.joined(separator: ", ") + "]"),
            ("flows", list(pilot.flows.map(\.id))), ("after", list(pilot.after.map(\.id))),
            ("effort", pilot.effort == .zero ? nil : effort(pilot.effort)),
            ("target", pilot.target.map { text($0.description) }),
            ("value", pilot.value.map(JSONText.number)), ("budget", pilot.budget.map(JSONText.number))
        ])
    }

    private func estimate(_ rule: EstimateRule) -> String {
        let match = mapping([
            ("kind", (rule.entityKind?.rawValue ?? rule.ownKind).map(text)), ("status", rule.status.map(text)),
            ("classification", rule.classification.map { text($0.rawValue) }),
            ("owner", rule.owner.map { text($0.id) })
        ])
        return mapping([("match", match), ("effort", effort(rule.effort))])
    }

    /// Letters, digits and `_ . -`, starting with a letter, and not a YAML keyword.
    static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        guard value.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)) })
        else { return false }
        return !["null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf"].contains(value.lowercased())
    }
}
