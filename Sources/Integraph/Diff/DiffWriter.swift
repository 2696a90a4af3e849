/// Writes a ``LandscapeDiff`` for people (text, Markdown) or tools (JSON). With `observed`,
/// the new snapshot is what runs (a traces import) and the words are those of drift: flows
/// that run but were never declared, declared live flows never seen.
///
/// ```swift
/// print(DiffWriter(oldName: "main", newName: "landscape.yaml").text(diff))
/// ```
package struct DiffWriter: Sendable {
    public var oldName: String
    public var newName: String
    public var observed: Bool
    /// The old model's flows that were live, so that drift can tell "never seen" from "not built yet".
    public var oldLiveFlows: Set<String>

    public init(oldName: String, newName: String, observed: Bool = false, oldLiveFlows: Set<String> = []) {
        self.oldName = oldName
        self.newName = newName
        self.observed = observed
        self.oldLiveFlows = oldLiveFlows
    }

    static let plural: [EntityKind: String] = [.system: "systems", .flow: "flows", .gate: "gates", .pilot: "pilots", .team: "teams"]
    static let order: [EntityKind] = [.system, .flow, .gate, .pilot, .team]

    /// `{"added": {KIND: [ids]}, "removed": {…}, "changed": {KIND: [{"id", "fields": {KEY: [old, new]}}]},
    /// "calendar": {"workdays"|"holidays": [old, new]},
    /// "pilots": [{"id", "before", "after", "why"}]}`, plus the pending effort per team.
    public func json(_ diff: LandscapeDiff) -> String {
        func ids(_ table: [EntityKind: [String]]) -> String {
            "{" + Self.order.map { "\"\(Self.plural[$0] ?? "")\": \(JSONText.strings(table[$0] ?? []))" }.joined(separator: ", ") + "}"
        }
        func fields(_ changes: [LandscapeDiff.FieldChange]) -> String {
            "{"
                + changes.map { "\(JSONText.string($0.key)): [\(JSONText.optionalString($0.old)), \(JSONText.optionalString($0.new))]" }
                .joined(separator: ", ") + "}"
        }
        let changed =
            "{"
            + Self.order.map { kind in
                "\"\(Self.plural[kind] ?? "")\": ["
                    + (diff.changed[kind] ?? []).map { change in "{\"id\": \(JSONText.string(change.id)), \"fields\": \(fields(change.fields))}" }
                    .joined(separator: ", ") + "]"
            }.joined(separator: ", ") + "}"
        func outcome(_ outcome: LandscapeDiff.Outcome) -> String {
            "{\"duration\": \(JSONText.number(outcome.duration)), \"p85\": \(outcome.p85.map(JSONText.number) ?? "null"), "
                + "\"finishDays\": \(JSONText.number(outcome.finishDays)), \"state\": \(JSONText.string(outcome.state.rawValue)), \"finish\": \(JSONText.optionalString(outcome.finish?.description))}"
        }
        let pilots = diff.pilots.map {
            "    {\"id\": \(JSONText.string($0.id)), \"before\": \(outcome($0.before)), \"after\": \(outcome($0.after)), \"why\": \(JSONText.strings($0.why))}"
        }
        let teams = diff.teams.map {
            "{\"id\": \(JSONText.string($0.id)), \"before\": \(JSONText.number($0.before)), \"after\": \(JSONText.number($0.after))}"
        }
        return
            "{\n  \"asOf\": \(JSONText.optionalString(diff.asOf?.description)),\n  \"added\": \(ids(diff.added)),\n  \"removed\": \(ids(diff.removed)),\n  \"changed\": \(changed),\n"
            + "  \"calendar\": \(fields(diff.calendar)),\n"
            + "  \"pilots\": [\(pilots.isEmpty ? "" : "\n" + pilots.joined(separator: ",\n") + "\n  ")],\n"
            + "  \"pendingEffort\": {\"before\": \(JSONText.number(diff.pendingBefore)), \"after\": \(JSONText.number(diff.pendingAfter)), "
            + "\"teams\": [\(teams.joined(separator: ", "))]}\n}\n"
    }

    public func text(_ diff: LandscapeDiff) -> String { lines(diff, markdown: false).joined(separator: "\n") + "\n" }

    public func markdown(_ diff: LandscapeDiff) -> String { lines(diff, markdown: true).joined(separator: "\n") + "\n" }

    private func lines(_ diff: LandscapeDiff, markdown: Bool) -> [String] {
        let heading = markdown ? "## " : ""
        let item = markdown ? "- " : "  "
        // Model text in Markdown is escaped wherever it lands (ids, names, values).
        func code(_ text: String) -> String { markdown ? AnalysisMarkdownWriter.cell(text) : text }
        var out = [
            (markdown ? "# " : "")
                + code(
                    observed
                        ? "Drift: \(newName) (what runs) against \(oldName) (what is declared)"
                        : "Changes from \(oldName) to \(newName)")
                + (diff.asOf.map { ", as of \($0)" } ?? "")
        ]
        if diff.isEmpty {
            out.append(observed ? "No drift: everything declared live runs, and nothing else does." : "No changes.")
            return out
        }
        if observed {
            out += section(heading + "Run but never declared", (diff.added[.flow] ?? []) + (diff.added[.system] ?? []).map { "system \($0)" }, item, code)
            let unseen = (diff.removed[.flow] ?? []).filter { oldLiveFlows.contains($0) }
            out += section(heading + "Declared live but never seen", unseen, item, code)
            let early = (diff.changed[.flow] ?? []).filter { change in change.fields.contains { $0.key == "status" && $0.new == "live" } }.map(\.id)
            out += section(heading + "Running though declared as pending", early, item, code)
            return out
        }
        for kind in Self.order {
            out += section(heading + "Added \(Self.plural[kind] ?? "")", diff.added[kind] ?? [], item, code)
            out += section(heading + "Removed \(Self.plural[kind] ?? "")", diff.removed[kind] ?? [], item, code)
            let changes = (diff.changed[kind] ?? []).map { change in
                code(change.id) + ": " + change.fields.map { field($0, code) }.joined(separator: "; ")
            }
            if !changes.isEmpty { out += ["", heading + "Changed \(Self.plural[kind] ?? "")"] + changes.map { item + $0 } }
        }
        if !diff.calendar.isEmpty { out += ["", heading + "Changed calendar"] + diff.calendar.map { item + field($0, code) } }
        out += ["", heading + "Pending effort", item + "all teams: \(DaysText.days(diff.pendingBefore)) d → \(DaysText.days(diff.pendingAfter)) d"]
        out += diff.teams.filter { abs($0.before - $0.after) > 1e-9 }.map {
            item + "\(code($0.id)): \(DaysText.days($0.before)) d → \(DaysText.days($0.after)) d"
        }
        if !diff.pilots.isEmpty {
            out += ["", heading + "Pilots"]
            for pilot in diff.pilots {
                var moved: [String] = []
                if abs(pilot.before.duration - pilot.after.duration) > 1e-9 {
                    moved.append("duration \(DaysText.days(pilot.before.duration)) d → \(DaysText.days(pilot.after.duration)) d")
                }
                if let old = pilot.before.p85, let new = pilot.after.p85, abs(old - new) > 1e-6 {
                    moved.append("P85 \(DaysText.days(old)) d → \(DaysText.days(new)) d")
                }
                if pilot.before.finish != pilot.after.finish || abs(pilot.before.finishDays - pilot.after.finishDays) > 1e-6 {
                    let was = pilot.before.finish?.description ?? "day \(DaysText.days(pilot.before.finishDays))"
                    let now = pilot.after.finish?.description ?? "day \(DaysText.days(pilot.after.finishDays))"
                    moved.append("finish \(was) → \(now)")
                }
                if pilot.before.state != pilot.after.state { moved.append("\(pilot.before.state.words) → \(pilot.after.state.words)") }
                out.append(
                    item + code(pilot.id) + ": " + moved.joined(separator: ", ")
                        + (pilot.why.isEmpty ? "" : " (" + code(pilot.why.joined(separator: "; ")) + ")"))
            }
            for state in [PilotState.ready, .blocked] {
                let became = diff.pilots.filter { $0.after.state == state && $0.before.state != state }.map(\.id)
                if !became.isEmpty { out.append("Became \(state.words): " + became.map(code).joined(separator: ", ")) }
            }
        }
        return out
    }

    /// `key old → new`; for the calendar's holidays, the days only the old snapshot has →
    /// those only the new one has.
    private func field(_ change: LandscapeDiff.FieldChange, _ code: (String) -> String) -> String {
        "\(change.key) \(code(change.old ?? "(none)")) → \(code(change.new ?? "(none)"))"
    }

    private func section(_ title: String, _ ids: [String], _ item: String, _ code: (String) -> String) -> [String] {
        ids.isEmpty ? [] : ["", "\(title) (\(ids.count))"] + ids.map { item + code($0) }
    }
}
