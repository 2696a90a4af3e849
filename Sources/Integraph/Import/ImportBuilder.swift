/// Gathers what an importer reads into a landscape: systems and flows merged by id in the
/// order first met, owners turned into teams, and every reference kept whole. A flow whose
/// end names no system gets a placeholder system (`status: planned`, `kind: unknown`) and a
/// warning, so the graph stays connected and the gap shows. A call to or from a telemetry
/// sink (``markTelemetrySink(_:)``) becomes a flow from the other end to the sink, whatever
/// the direction, marked `attributes["telemetry"]`. The same input, in the same order,
/// gives the same landscape.
///
/// ```swift
/// var builder = ImportBuilder(source: "kubernetes")
/// builder.addSystem(System(id: "frontend"), at: note)
/// builder.addCall(caller: "frontend", callee: "cart", attributes: ["env": "CART_ADDR"], at: note)
/// let result = builder.finish(direction: .data)
/// ```
package struct ImportBuilder: Sendable {
    /// Set on every imported system and flow as `attributes["source"]`.
    public let source: String
    private var systems: [System] = []
    private var systemPosition: [String: Int] = [:]
    private var calls: [(caller: String, callee: String, data: [String], attributes: [String: String], note: ImportNote)] = []
    private var teams: [Team] = []
    private var teamIDs: Set<String> = []
    /// Flows, gates and pilots read whole (from a spreadsheet), kept as they are.
    private var flows: [(flow: Flow, note: ImportNote)] = []
    private var gates: [Gate] = []
    private var pilots: [Pilot] = []
    private var callPosition: [String: Int] = [:]
    private var sinks: Set<String> = []
    public private(set) var skipped: [ImportNote] = []
    /// The files (or paths) that could not be read whole: missing, malformed, or cut off
    /// (what came before the cut is imported). `--strict` writes nothing when there are any.
    public private(set) var unreadable: [ImportNote] = []
    public private(set) var warnings: [ImportNote] = []

    public init(source: String) {
        self.source = source
    }

    /// Adds a system, or merges it into the one with its id: keys the first left empty are
    /// filled, attributes the first lacks are added.
    public mutating func addSystem(_ system: System) {
        var system = system
        system.attributes["source"] = source
        guard let position = systemPosition[system.id] else {
            systemPosition[system.id] = systems.count
            systems.append(system)
            return
        }
        var merged = systems[position]
        merged.name = merged.name ?? system.name
        merged.kind = merged.kind ?? system.kind
        merged.domain = merged.domain ?? system.domain
        merged.owner = merged.owner ?? system.owner
        merged.attributes.merge(system.attributes) { first, _ in first }
        systems[position] = merged
    }

    /// Whether a system with this id was added.
    public func hasSystem(_ id: String) -> Bool { systemPosition[id] != nil }

    /// Adds a team; one with an id already added is left as it was.
    public mutating func addTeam(_ team: Team) {
        if teamIDs.insert(team.id).inserted { teams.append(team) }
    }

    /// Adds a call from `caller` to `callee` carrying `data`; calls between the same two
    /// systems are one flow, its labels joined and its attributes merged (numbers in
    /// `counted` keys are added up).
    public mutating func addCall(
        caller: String, callee: String, data: [String] = [], attributes: [String: String] = [:],
        at note: ImportNote, counted: Set<String> = []
    ) {
        guard caller != callee else {
            skipped.append(
                ImportNote(
                    file: note.file, position: note.position,
                    message: "skipped a call from '\(caller)' to itself: a flow joins two different systems",
                    category: .selfReference))
            return
        }
        let key = caller + "\u{0}" + callee
        guard let position = callPosition[key] else {
            callPosition[key] = calls.count
            calls.append((caller, callee, data, attributes, note))
            return
        }
        for label in data where !calls[position].data.contains(label) { calls[position].data.append(label) }
        for (name, value) in attributes {
            if counted.contains(name), let old = Int(calls[position].attributes[name] ?? ""), let new = Int(value) {
                // Counts are bounded as they are read, but many of them may still add up past Int.
                let (sum, overflow) = old.addingReportingOverflow(new)
                calls[position].attributes[name] = String(overflow ? Int.max : sum)
            } else if calls[position].attributes[name] == nil {
                calls[position].attributes[name] = value
            }
        }
    }

    /// Marks a system (declared, or a placeholder a call names) as a telemetry sink: it gets
    /// kind `telemetry` (the kind it had kept in `attributes["kind"]`), and every call to or
    /// from it becomes a flow into it, so that lineage never runs out of it into a service.
    public mutating func markTelemetrySink(_ id: String) { sinks.insert(id) }

    /// Adds a flow read whole; a flow whose end names no system gets a placeholder there.
    public mutating func addFlow(_ flow: Flow, at note: ImportNote) {
        var flow = flow
        flow.attributes["source"] = source
        flows.append((flow, note))
    }

    /// Adds a gate read whole.
    public mutating func addGate(_ gate: Gate) { gates.append(gate) }

    /// Adds a pilot read whole.
    public mutating func addPilot(_ pilot: Pilot) { pilots.append(pilot) }

    /// Records a file that could not be read at all (malformed, not UTF-8, missing).
    public mutating func skipFile(_ note: ImportNote) {
        skipped.append(note)
        unreadable.append(note)
    }

    /// Records a file read only in part, because it ends early (a cut-off download or
    /// copy): what came before the cut is imported, with this warning.
    public mutating func readPartly(_ note: ImportNote) {
        warnings.append(note)
        unreadable.append(note)
    }

    /// Records what was left out and why.
    public mutating func skip(_ note: ImportNote) { skipped.append(note) }

    /// Records a warning about what was read.
    public mutating func warn(_ note: ImportNote) { warnings.append(note) }

    /// The landscape: systems in the order first met, placeholders for systems that calls
    /// name but nothing declares, flows pointing as `direction` says, and a team for every
    /// owner named.
    public func finish(direction: ImportDirection, name: String? = nil) -> ImportResult {
        var skipped = skipped
        // An id longer than a model takes is left out with every call naming it, where the
        // first such call was read (or the source, for a system nothing calls).
        let tooLong = Set((systems.map(\.id) + calls.flatMap { [$0.caller, $0.callee] }).filter { $0.count > ModelLimits.maximumIDLength })
        var firstCall: [String: ImportNote] = [:]
        if !tooLong.isEmpty {
            for call in calls {
                for end in [call.caller, call.callee] where tooLong.contains(end) && firstCall[end] == nil { firstCall[end] = call.note }
            }
        }
        for id in tooLong.sorted() {
            let note = firstCall[id]
            skipped.append(
                ImportNote(
                    file: note?.file ?? source, position: note?.position ?? .start,
                    message: "skipped '\(id.prefix(60))…' (\(Wording.grouped(id.count)) characters) and its calls: "
                        + "an id has at most \(ModelLimits.maximumIDLength) characters"))
        }
        var systems = tooLong.isEmpty ? systems : systems.filter { !tooLong.contains($0.id) }
        var known = tooLong.isEmpty ? systemPosition : Dictionary(uniqueKeysWithValues: systems.enumerated().map { ($1.id, $0) })
        let calls = tooLong.isEmpty ? calls : calls.filter { !tooLong.contains($0.caller) && !tooLong.contains($0.callee) }
        var warnings = warnings
        func placeholder(_ end: String, _ note: ImportNote) {
            guard known[end] == nil else { return }
            known[end] = systems.count
            var placeholder = System(id: end, kind: sinks.contains(end) ? "telemetry" : "unknown", status: .planned)
            placeholder.attributes = ["source": source, "placeholder": "named by \(note.file) but declared nowhere"]
            systems.append(placeholder)
            warnings.append(
                ImportNote(
                    file: note.file, position: note.position,
                    message: "'\(end)' is named but declared nowhere: added as a planned placeholder system"))
        }
        for id in sinks.sorted() {
            guard let position = known[id] else { continue }
            if let kind = systems[position].kind, kind != "unknown", kind != "telemetry" { systems[position].attributes["kind"] = kind }
            systems[position].kind = "telemetry"
        }
        var flows: [Flow] = []
        for (flow, note) in self.flows {
            placeholder(flow.from.id, note)
            placeholder(flow.to.id, note)
            flows.append(flow)
        }
        var flowPosition: [String: Int] = [:]
        for call in calls {
            for end in [call.caller, call.callee] { placeholder(end, call.note) }
            let telemetry = sinks.contains(call.callee) || sinks.contains(call.caller)
            let ends =
                sinks.contains(call.callee)
                ? (from: call.caller, to: call.callee)
                : sinks.contains(call.caller) ? (from: call.callee, to: call.caller) : direction.flow(caller: call.caller, callee: call.callee)
            var attributes = call.attributes.merging(["source": source, "call": "\(call.caller) → \(call.callee)"]) { first, _ in first }
            if telemetry { attributes["telemetry"] = "true" }
            let id = Flow.defaultID(from: ends.from, to: ends.to)
            // A sink scraping a service and the service sending to it are one flow.
            if let position = flowPosition[id] {
                flows[position].data = Array(Set(flows[position].data + call.data)).sorted()
                flows[position].attributes.merge(attributes) { first, _ in first }
                continue
            }
            flowPosition[id] = flows.count
            var flow = Flow(
                id: id, hasExplicitID: false, from: Reference(ends.from, at: .start), to: Reference(ends.to, at: .start))
            flow.data = call.data.sorted()
            flow.attributes = attributes
            flows.append(flow)
        }
        // One flow per (caller, callee) pair, so flow ids (from->to) are unique.
        // An owner that names no team becomes a team with that id.
        var teams = teams
        let owners = systems.compactMap { $0.owner?.id } + flows.compactMap { $0.owner?.id } + gates.compactMap { $0.owner?.id }
        teams += Set(owners).subtracting(teamIDs).sorted().map { Team(id: $0) }
        let landscape = Landscape(name: name, teams: teams, systems: systems, flows: flows, gates: gates, pilots: pilots)
        return ImportResult(landscape: landscape, skipped: skipped, warnings: warnings, unreadable: unreadable)
    }
}

/// A landscape read from another format, and what reading it left out or filled in.
package struct ImportResult: Sendable {
    public let landscape: Landscape
    /// What the source had that the model cannot hold, and why.
    public let skipped: [ImportNote]
    /// Gaps filled (placeholders) and doubts.
    public let warnings: [ImportNote]
    /// The files that could not be read whole: skipped (also among `skipped`) or cut off
    /// (also among `warnings`).
    public let unreadable: [ImportNote]
}
