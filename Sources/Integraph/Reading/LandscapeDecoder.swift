/// Turns a parsed model document into a ``Landscape``, reporting every type error, missing
/// key, unknown key and bad value it meets rather than stopping at the first.
///
/// An entity that lacks what identifies it (an `id`, or a flow's `from`/`to`) is left out;
/// its id, if it had one, goes into `incompleteIDs` so that references to it are not also
/// reported as unknown.
struct LandscapeDecoder {
    static let topLevelKeys = ["integraph", "name", "teams", "systems", "flows", "gates", "pilots", "estimates", "calendar"]
    static let teamKeys = ["id", "name", "capacity", "day_rate"]
    static let systemKeys = ["id", "name", "kind", "domain", "owner", "status", "effort", "after", "derives", "attributes"]
    static let flowKeys = ["id", "from", "to", "data", "classification", "status", "effort", "owner", "after", "blocked_by", "attributes"]
    static let gateKeys = ["id", "name", "kind", "owner", "status", "effort", "after", "requested"]
    static let blockerKeys = ["reason", "owner", "until"]
    static let pilotKeys = ["id", "name", "champion", "stage", "needs", "flows", "after", "effort", "target", "value", "budget"]
    static let needKeys = ["system", "data"]
    static let estimateKeys = ["match", "effort"]
    static let matchKeys = ["kind", "status", "classification", "owner"]

    /// The keys an entity of a top-level list (`systems`, `flows`, ...) may have.
    static func keys(of list: String) -> [String] {
        switch list {
        case "teams": teamKeys
        case "systems": systemKeys
        case "flows": flowKeys
        case "gates": gateKeys
        case "pilots": pilotKeys
        default: []
        }
    }

    var findings: FindingCollector
    private(set) var incompleteIDs: Set<String> = []

    init(file: String) {
        findings = FindingCollector(file: file)
    }

    mutating func decode(_ root: DocumentNode?) -> Landscape? {
        guard let root else {
            findings.error("the file is empty: a model starts with 'integraph: \(Landscape.formatVersion)'", at: .start)
            return nil
        }
        guard let top = EntityFields(root, subject: "the model", allowed: Self.topLevelKeys, findings: &findings) else {
            return nil
        }
        top.reportUnknownKeys(&findings)
        checkVersion(top)
        var landscape = Landscape(name: top.string("name", findings: &findings))
        landscape.teams = entities(top, "teams", singular: "team") { decoder, node, subject in decoder.team(node, subject) }
        landscape.systems = entities(top, "systems", singular: "system") { decoder, node, subject in decoder.system(node, subject) }
        landscape.flows = entities(top, "flows", singular: "flow") { decoder, node, subject in decoder.flow(node, subject) }
        landscape.gates = entities(top, "gates", singular: "gate") { decoder, node, subject in decoder.gate(node, subject) }
        landscape.pilots = entities(top, "pilots", singular: "pilot") { decoder, node, subject in decoder.pilot(node, subject) }
        landscape.estimates = entities(top, "estimates", singular: "estimate") { decoder, node, subject in
            decoder.estimate(node, subject)
        }
        if let calendar = top.node("calendar") { landscape.calendar = CalendarDecoder.decode(calendar, findings: &findings) }
        return landscape
    }

    private mutating func checkVersion(_ top: EntityFields) {
        guard let node = top.node("integraph") else {
            findings.error(
                "missing required key 'integraph' (the format version: write 'integraph: \(Landscape.formatVersion)' first)",
                at: top.position)
            return
        }
        guard case .scalar(let scalar) = node.value, scalar.style == .plain, Int(scalar.text) == Landscape.formatVersion else {
            findings.error(
                "unsupported format version \(node.kindDescription): this Integraph reads 'integraph: \(Landscape.formatVersion)'",
                at: node.position)
            return
        }
    }

    private mutating func entities<Entity>(
        _ top: EntityFields, _ key: String, singular: String,
        _ decode: (inout LandscapeDecoder, DocumentNode, String) -> Entity?
    ) -> [Entity] {
        guard let node = top.node(key) else { return [] }
        guard case .sequence(let items) = node.value else {
            top.wrongType(key, expected: "a list of \(key)", found: node, findings: &findings)
            return []
        }
        var result: [Entity] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            if let entity = decode(&self, item, "\(singular) #\(index + 1)") {
                result.append(entity)
            }
        }
        return result
    }

    /// Reads the common part of every entity: the mapping, and its id (named in messages).
    /// Callers report unknown keys once the entity's name is final.
    private mutating func fields(
        _ node: DocumentNode, _ subject: String, kind: String, allowed: [String],
        idRequired: Bool = true
    ) -> EntityFields? {
        guard let fields = EntityFields(node, subject: subject, kind: kind, allowed: allowed, findings: &findings) else {
            return nil
        }
        if let id = fields.string("id", required: idRequired, findings: &findings) {
            let position = fields.node("id")?.position ?? fields.position
            if id.isEmpty { findings.error("\(subject): 'id' must not be empty", at: position) }
            _ = fields.checkIDLength(id, describedAs: "'id'", at: position, findings: &findings)
        }
        return fields
    }

    private mutating func team(_ node: DocumentNode, _ subject: String) -> Team? {
        guard let fields = fields(node, subject, kind: "team", allowed: Self.teamKeys) else { return nil }
        fields.reportUnknownKeys(&findings)
        let name = fields.string("name", findings: &findings)
        let capacity = fields.positiveInteger("capacity", maximum: EntityFields.maximumCapacity, findings: &findings)
        let dayRate = fields.amount("day_rate", findings: &findings)
        guard let id = fields.id else { return nil }
        return Team(id: id, name: name, capacity: capacity, dayRate: dayRate, position: fields.position)
    }

    private mutating func system(_ node: DocumentNode, _ subject: String) -> System? {
        guard let fields = fields(node, subject, kind: "system", allowed: Self.systemKeys) else { return nil }
        fields.reportUnknownKeys(&findings)
        var system = System(
            id: fields.id ?? "",
            name: fields.string("name", findings: &findings),
            kind: fields.string("kind", findings: &findings),
            domain: fields.string("domain", findings: &findings),
            owner: fields.reference("owner", findings: &findings),
            status: fields.enumeration("status", default: .live, findings: &findings),
            effort: workEffort(fields),
            after: fields.references("after", findings: &findings) ?? [],
            derives: derives(fields),
            position: fields.position)
        system.attributes = attributes(fields)
        return fields.id == nil ? nil : system
    }

    private mutating func flow(_ node: DocumentNode, _ subject: String) -> Flow? {
        guard var fields = fields(node, subject, kind: "flow", allowed: Self.flowKeys, idRequired: false) else { return nil }
        let from = fields.reference("from", required: true, findings: &findings)
        let to = fields.reference("to", required: true, findings: &findings)
        if fields.id == nil, let from, let to {
            fields.id = Flow.defaultID(from: from.id, to: to.id)
            fields.subject = "flow '\(Flow.defaultID(from: from.id, to: to.id))'"
        }
        fields.reportUnknownKeys(&findings)
        let data = fields.strings("data", findings: &findings) ?? []
        let classification = fields.enumeration("classification", default: Classification.internal, findings: &findings)
        let status = fields.enumeration("status", default: FlowStatus.live, findings: &findings)
        let effort = workEffort(fields)
        let owner = fields.reference("owner", findings: &findings)
        let after = fields.references("after", findings: &findings) ?? []
        let blocker = blocker(fields)
        let attributes = attributes(fields)
        guard let id = fields.id, let from, let to else {
            if let id = fields.id { incompleteIDs.insert(id) }
            return nil
        }
        var flow = Flow(
            id: id, hasExplicitID: fields.node("id") != nil, from: from, to: to, data: data,
            classification: classification, status: status, effort: effort, owner: owner,
            after: after, blockedBy: blocker.reason, blockedOwner: blocker.owner, blockedUntil: blocker.until,
            position: fields.position)
        flow.attributes = attributes
        return flow
    }

    private mutating func gate(_ node: DocumentNode, _ subject: String) -> Gate? {
        guard let fields = fields(node, subject, kind: "gate", allowed: Self.gateKeys) else { return nil }
        fields.reportUnknownKeys(&findings)
        let gate = Gate(
            id: fields.id ?? "",
            name: fields.string("name", findings: &findings),
            kind: fields.enumeration("kind", default: .other, findings: &findings),
            owner: fields.reference("owner", findings: &findings),
            status: fields.enumeration("status", default: .pending, findings: &findings),
            effort: workEffort(fields),
            after: fields.references("after", findings: &findings) ?? [],
            requested: fields.date("requested", findings: &findings),
            position: fields.position)
        return fields.id == nil ? nil : gate
    }

    private mutating func pilot(_ node: DocumentNode, _ subject: String) -> Pilot? {
        guard let fields = fields(node, subject, kind: "pilot", allowed: Self.pilotKeys) else { return nil }
        fields.reportUnknownKeys(&findings)
        let pilot = Pilot(
            id: fields.id ?? "",
            name: fields.string("name", findings: &findings),
            champion: fields.string("champion", findings: &findings),
            stage: fields.enumeration("stage", default: .pilot, findings: &findings),
            needs: needs(fields),
            flows: fields.references("flows", findings: &findings) ?? [],
            after: fields.references("after", findings: &findings) ?? [],
            effort: fields.effort(findings: &findings) ?? .zero,
            target: fields.date("target", findings: &findings),
            value: fields.amount("value", findings: &findings),
            budget: fields.amount("budget", findings: &findings),
            position: fields.position)
        return fields.id == nil ? nil : pilot
    }

    /// `needs` entries are a system id, or `{system: id, data: [labels]}`.
    private mutating func needs(_ fields: EntityFields) -> [PilotNeed] {
        guard let node = fields.node("needs") else { return [] }
        guard case .sequence(let items) = node.value else {
            fields.wrongType("needs", expected: "a list of system ids or {system, data} mappings", found: node, findings: &findings)
            return []
        }
        var result: [PilotNeed] = []
        for item in items {
            if case .scalar(let scalar) = item.value, scalar.style != .null {
                result.append(PilotNeed(system: Reference(scalar.text, at: item.position)))
                continue
            }
            guard
                let need = EntityFields(
                    item, subject: "\(fields.subject): an entry of 'needs'",
                    allowed: Self.needKeys, entityID: fields.id, findings: &findings)
            else { continue }
            need.reportUnknownKeys(&findings)
            let data = need.strings("data", findings: &findings)
            if let system = need.reference("system", required: true, findings: &findings) {
                result.append(PilotNeed(system: system, data: data))
            }
        }
        return result
    }

    /// `blocked_by: text`, or `blocked_by: {reason, owner, until}` saying who clears the
    /// block and by when.
    private mutating func blocker(_ fields: EntityFields) -> (reason: String?, owner: String?, until: CalendarDate?) {
        guard let node = fields.node("blocked_by") else { return (nil, nil, nil) }
        if case .scalar = node.value { return (fields.string("blocked_by", findings: &findings), nil, nil) }
        guard
            let blocker = EntityFields(
                node, subject: "\(fields.subject): 'blocked_by'", allowed: Self.blockerKeys,
                entityID: fields.id, findings: &findings)
        else { return (nil, nil, nil) }
        blocker.reportUnknownKeys(&findings)
        return (
            blocker.string("reason", findings: &findings), blocker.string("owner", findings: &findings),
            blocker.date("until", findings: &findings)
        )
    }

    /// `attributes: {team-slack: "#crm", calls: 1200}`: text values, whatever their look.
    private mutating func attributes(_ fields: EntityFields) -> [String: String] {
        guard let node = fields.node("attributes") else { return [:] }
        guard case .mapping(let entries) = node.value else {
            fields.wrongType("attributes", expected: "a mapping of names to text", found: node, findings: &findings)
            return [:]
        }
        var result: [String: String] = [:]
        for entry in entries {
            guard case .scalar(let scalar) = entry.value.value else {
                findings.error(
                    "\(fields.subject): 'attributes.\(entry.key)' must be text, found \(entry.value.kindDescription)",
                    at: entry.value.position, id: fields.id)
                continue
            }
            result[entry.key] = scalar.style == .null ? "" : scalar.text
        }
        return result
    }

    /// `derives: {features: [clicks, orders], clicks: []}`: each outgoing label and the
    /// incoming labels it is built from; an empty list means the system originates it.
    private mutating func derives(_ fields: EntityFields) -> [String: [String]] {
        guard let node = fields.node("derives") else { return [:] }
        guard case .mapping(let entries) = node.value else {
            fields.wrongType(
                "derives", expected: "a mapping from each data label to the labels it is built from",
                found: node, findings: &findings)
            return [:]
        }
        var result: [String: [String]] = [:]
        for entry in entries {
            if case .scalar(let scalar) = entry.value.value, scalar.style == .null {
                result[entry.key] = []
                continue
            }
            guard case .sequence(let items) = entry.value.value else {
                findings.error(
                    "\(fields.subject): 'derives.\(entry.key)' must be a list of data labels, found "
                        + entry.value.kindDescription, at: entry.value.position, id: fields.id)
                continue
            }
            var labels: [String] = []
            for item in items {
                guard case .scalar(let scalar) = item.value, scalar.style != .null else {
                    findings.error(
                        "\(fields.subject): each entry of 'derives.\(entry.key)' must be a data label, found "
                            + item.kindDescription, at: item.position, id: fields.id)
                    continue
                }
                labels.append(scalar.text)
            }
            if result[entry.key] != nil {
                findings.error("\(fields.subject): 'derives' names '\(entry.key)' twice", at: entry.keyPosition, id: fields.id)
            }
            result[entry.key] = labels
        }
        return result
    }

    /// The effort of a work item: `nil` when none is written (estimate rules fill it in
    /// later), 0 when what is written is invalid (already reported as an error).
    private mutating func workEffort(_ fields: EntityFields) -> Effort? {
        guard fields.node("effort") != nil else { return nil }
        return fields.effort(findings: &findings) ?? .zero
    }

    /// `{match: {kind, status, classification, owner}, effort}`.
    private mutating func estimate(_ node: DocumentNode, _ subject: String) -> EstimateRule? {
        guard let fields = EntityFields(node, subject: subject, allowed: Self.estimateKeys, findings: &findings) else {
            return nil
        }
        fields.reportUnknownKeys(&findings)
        var rule = EstimateRule(effort: .zero, position: fields.position)
        if let matchNode = fields.node("match"),
            let match = EntityFields(matchNode, subject: "\(subject): 'match'", allowed: Self.matchKeys, findings: &findings)
        {
            match.reportUnknownKeys(&findings)
            if let kind = match.string("kind", findings: &findings) {
                if let entityKind = EntityKind.workKinds.first(where: { $0.rawValue == kind }) {
                    rule.entityKind = entityKind
                } else {
                    rule.ownKind = kind
                }
            }
            if let status = match.string("status", findings: &findings) {
                let allowed = Self.statuses(for: rule.entityKind)
                if allowed.contains(status) {
                    rule.status = status
                } else {
                    findings.error(
                        "\(subject): 'status' must be one of \(allowed.joined(separator: ", ")), found '\(status)'"
                            + Suggestion.phrase(for: status, among: allowed),
                        at: match.node("status")?.position ?? match.position)
                }
            }
            if match.node("classification") != nil {
                rule.classification = match.enumeration("classification", default: Classification.internal, findings: &findings)
            }
            rule.owner = match.reference("owner", findings: &findings)
        } else if fields.node("match") == nil {
            fields.missing("match", findings: &findings)
        }
        guard let effort = fields.effort(findings: &findings) else {
            if fields.node("effort") == nil { fields.missing("effort", findings: &findings) }
            return nil
        }
        rule.effort = effort
        return rule
    }

    /// The statuses a rule may match: those of one entity kind, or of all work kinds.
    private static func statuses(for kind: EntityKind?) -> [String] {
        switch kind {
        case .flow: FlowStatus.allowedValues
        case .gate: GateStatus.allowedValues
        case .system: SystemStatus.allowedValues
        default: Array(Set(FlowStatus.allowedValues + GateStatus.allowedValues + SystemStatus.allowedValues)).sorted()
        }
    }
}
