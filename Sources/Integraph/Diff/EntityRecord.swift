/// An entity as the values of its keys, written the same way whatever the file's order or
/// spelling: lists that are sets (data labels, `after`, `needs`, a pilot's `flows`) sorted,
/// efforts as days, defaults filled in. Two records differ exactly where a reader would say
/// the entity changed.
struct EntityRecord: Equatable {
    let kind: EntityKind
    let id: String
    let fields: [String: String]

    static func all(in landscape: Landscape) -> [EntityRecord] {
        var records: [EntityRecord] = []
        func add(_ kind: EntityKind, _ id: String, _ fields: [String: String?]) {
            records.append(EntityRecord(kind: kind, id: id, fields: fields.compactMapValues { $0 }))
        }
        func set(_ ids: [String]) -> String? { ids.isEmpty ? nil : ids.sorted().joined(separator: ", ") }
        func effort(_ effort: Effort?) -> String? { effort.map { DaysText.effort($0, decimals: 6) } }
        func attributes(_ values: [String: String]) -> String? {
            values.isEmpty ? nil : values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        }
        for team in landscape.teams {
            add(.team, team.id, ["name": team.name, "capacity": team.capacity.map(String.init), "day_rate": team.dayRate.map(JSONText.number)])
        }
        for system in landscape.systems {
            let derives = system.derives.sorted { $0.key < $1.key }.map { "\($0.key): [\($0.value.sorted().joined(separator: ", "))]" }
            add(
                .system, system.id,
                [
                    "name": system.name, "kind": system.kind, "domain": system.domain, "owner": system.owner?.id,
                    "status": system.status.rawValue, "effort": effort(system.effort), "after": set(system.after.map(\.id)),
                    "derives": derives.isEmpty ? nil : derives.joined(separator: "; "), "attributes": attributes(system.attributes)
                ])
        }
        for flow in landscape.flows {
            add(
                .flow, flow.id,
                [
                    "from": flow.from.id, "to": flow.to.id, "data": set(flow.data), "classification": flow.classification.rawValue,
                    "status": flow.status.rawValue, "effort": effort(flow.effort), "owner": flow.owner?.id,
                    "after": set(flow.after.map(\.id)), "blocked_by": flow.blockedBy, "blocked_owner": flow.blockedOwner,
                    "blocked_until": flow.blockedUntil?.description, "attributes": attributes(flow.attributes)
                ])
        }
        for gate in landscape.gates {
            add(
                .gate, gate.id,
                [
                    "name": gate.name, "kind": gate.kind.rawValue, "owner": gate.owner?.id, "status": gate.status.rawValue,
                    "effort": effort(gate.effort), "after": set(gate.after.map(\.id)), "requested": gate.requested?.description
                ])
        }
        for pilot in landscape.pilots {
            let needs = pilot.needs.map { need in need.data.map { "\(need.system.id) (\($0.sorted().joined(separator: ", ")))" } ?? need.system.id }
            add(
                .pilot, pilot.id,
                [
                    "name": pilot.name, "champion": pilot.champion, "stage": pilot.stage.rawValue, "needs": set(needs),
                    "flows": set(pilot.flows.map(\.id)), "after": set(pilot.after.map(\.id)),
                    "effort": effort(pilot.effort), "target": pilot.target?.description,
                    "value": pilot.value.map(JSONText.number), "budget": pilot.budget.map(JSONText.number)
                ])
        }
        return records
    }

    /// A calendar's keys as the diff compares them: the workdays, and the holidays only one
    /// side has (a list of thousands of days would bury the change), old ones under `old`.
    static func calendarChanges(old: WorkingCalendar, new: WorkingCalendar) -> [LandscapeDiff.FieldChange] {
        var changes: [LandscapeDiff.FieldChange] = []
        if old.workdays != new.workdays {
            func days(_ calendar: WorkingCalendar) -> String { calendar.workdays.map(\.shortName).joined(separator: ", ") }
            changes.append(LandscapeDiff.FieldChange(key: "workdays", old: days(old), new: days(new)))
        }
        let before = Set(old.holidays), after = Set(new.holidays)
        if before != after {
            func dates(_ days: [CalendarDate]) -> String? { days.isEmpty ? nil : days.map(\.description).joined(separator: ", ") }
            changes.append(
                LandscapeDiff.FieldChange(
                    key: "holidays", old: dates(old.holidays.filter { !after.contains($0) }),
                    new: dates(new.holidays.filter { !before.contains($0) })))
        }
        return changes
    }
}
