import Integraph

/// The boxes of the `backlog` map: which owner's box each system and pending gate goes
/// into, and what each box says about whose work waits in it.
///
/// A pending item's owner is the one the analysis charges it to (``WorkItem/owner``: a
/// flow's own `owner`, else the owner of the system it feeds), so a box's figure is the
/// team's `pendingEffort` in `integraph analyze`.
///
/// - **Boxes:** one per team that owns pending work, and one for *no owner* when some
///   pending item has no owner team. Each says the days its owner owns, wherever that work
///   sits (the analysis' figure), the days of other owners' work on the systems in it
///   ("also here"), and the days of its own work that sit only on systems in other boxes,
///   and which ("elsewhere").
/// - **Placement:** pending work is *at* a system when it is that planned system or a
///   pending flow with an end there. A system goes into the box of the owner with the most
///   pending days at it; on a tie, its own owner's box if that owner is among the tied,
///   else the first team by id, teams before *no owner*. A system touched only by waiting
///   for a gate has no work at it: it goes into its owner's box when that box exists, and
///   outside every box otherwise. A pending gate goes into its owner's box.
/// - Where a pending item is: a planned system in its system's box, a pending flow in the
///   boxes of both its ends, a gate in its owner's box.
///
/// O(touched systems + pending items × owners at a system), in model order throughout.
///
/// ```swift
/// let boxes = BacklogBoxes(subject, touched: touched)
/// boxes.boxes.map(\.label) // ["Platform — owns 12 d pending", ...]
/// ```
package struct BacklogBoxes {
    /// One box: its owner, what it holds, and its figures.
    package struct Box {
        /// The owning team's id; `nil` for the box of work no team owns.
        public let team: String?
        /// The team's name (its id when it has none), or "no owner".
        public let name: String
        /// Positions in the landscape's systems, then its gates, in model order.
        public internal(set) var systems: [Int] = []
        public internal(set) var gates: [Int] = []
        /// Days of pending work the owner owns: the team's `pendingEffort`.
        public let owned: Double
        /// Other owners' days of pending work on systems in this box (`team` `nil` for work
        /// no team owns), most days first, then by name.
        public internal(set) var alsoHere: [(team: String?, name: String, days: Double)] = []
        /// Days of the owner's work that sit only on systems in other boxes, and the names
        /// of those boxes, sorted.
        public internal(set) var elsewhere: Double = 0
        public internal(set) var elsewhereIn: [String] = []

        /// The box's label: `Platform — owns 12 d pending`, then `also here: 6 d of Shop`
        /// and `elsewhere: 5 d, in the box of Shop` when they apply.
        public var label: String {
            var lines = [
                team == nil
                    ? "\(name) — \(Self.days(owned)) pending"
                    : "\(name) — owns \(Self.days(owned)) pending"
            ]
            let others = alsoHere.filter { $0.days > 0 }
            if !others.isEmpty {
                // The owners with most days here, then a count: a box of a big landscape holds
                // the work of hundreds, and a label of them all is wider than the map.
                var named = others.prefix(Self.alsoHereLimit).map {
                    $0.team == nil ? "\(Self.days($0.days)) with no owner" : "\(Self.days($0.days)) of \($0.name)"
                }
                let rest = others.dropFirst(Self.alsoHereLimit)
                if !rest.isEmpty {
                    named.append("\(Self.days(rest.reduce(0) { $0 + $1.days })) of \(Wording.grouped(rest.count)) other owners")
                }
                lines.append("also here: " + named.joined(separator: ", "))
            }
            if elsewhere > 0 { lines.append("elsewhere: \(Self.days(elsewhere)), \(whereElse)") }
            return lines.joined(separator: "\n")
        }

        /// Where the owner's work outside its box sits: `in the box of Shop`, `in the boxes
        /// of Data, Shop`.
        public var whereElse: String {
            "in the \(elsewhereIn.count == 1 ? "box" : "boxes") of \(elsewhereIn.joined(separator: ", "))"
        }

        private static func days(_ value: Double) -> String { "\(DaysText.days(value, decimals: 1)) d" }

        /// The most other owners a box's label names.
        static let alsoHereLimit = 4
    }

    /// The name of the box for work no team owns.
    public static let noOwner = "no owner"

    /// Sorted by owner name, then team id; the *no owner* box last.
    public let boxes: [Box]
    /// Touched systems in no box (no work at them, and no box of their owner), model order.
    public let unboxed: [Int]

    /// `touched`: the positions of the systems the map draws.
    public init(_ subject: MapSubject, touched: [Int]) {
        let landscape = subject.landscape, analysis = subject.analysis
        let plan = analysis.workPlan, index = plan.index
        let none = -1
        // Owners are team positions, `none` for no team, as the analysis sums them
        // (`WorkPlan.itemOwner`); items in the plan's order: systems, flows, gates.
        func owner(_ team: UInt32) -> Int { team == LandscapeIndex.none ? none : Int(team) }
        var items: [(owner: Int, days: Double, systems: [Int], gate: Int?)] = []
        for node in plan.items.indices {
            let entity = Int(plan.itemEntity[node]), days = plan.items[node].effort.expectedDays
            let places: (systems: [Int], gate: Int?) =
                switch plan.itemKind[node] {
                case .system: ([entity], nil)
                case .flow: ([Int(index.flowSource[entity]), Int(index.flowTarget[entity])], nil)
                default: ([], entity)
                }
            items.append((owner(plan.itemOwner[node]), days, places.systems, places.gate))
        }

        // Days per owner at each system, in the order owners first appear there.
        var atSystem: [Int: [(owner: Int, days: Double)]] = [:]
        var unownedDays = 0.0
        var owners = Set<Int>()
        for item in items {
            owners.insert(item.owner)
            if item.owner == none { unownedDays += item.days }
            for system in item.systems {
                if let slot = atSystem[system]?.firstIndex(where: { $0.owner == item.owner }) {
                    atSystem[system]?[slot].days += item.days
                } else {
                    atSystem[system, default: []].append((item.owner, item.days))
                }
            }
        }

        func id(_ owner: Int) -> String? { owner == none ? nil : landscape.teams[owner].id }
        func name(_ owner: Int) -> String { owner == none ? Self.noOwner : subject.teamName(landscape.teams[owner].id) }
        /// Whether `owner` wins a tie against `other`: teams by id, before no owner.
        func precedes(_ owner: Int, _ other: Int) -> Bool {
            guard let first = id(owner) else { return false }
            guard let second = id(other) else { return true }
            return first < second
        }

        var boxOf: [Int: Int] = [:]
        var unboxed: [Int] = []
        for system in touched {
            let ownOwner = owner(index.systemOwner[system])
            guard let candidates = atSystem[system], let most = candidates.map(\.days).max() else {
                if owners.contains(ownOwner) { boxOf[system] = ownOwner } else { unboxed.append(system) }
                continue
            }
            // Sums of three-point means drift in their last bits: a tie is a tie to 1e-9 days.
            let tied = candidates.filter { most - $0.days <= Schedule.tolerance }.map(\.owner)
            boxOf[system] = tied.contains(ownOwner) ? ownOwner : tied.min(by: precedes) ?? ownOwner
        }

        var built: [Int: Box] = [:]
        for owner in owners {
            built[owner] = Box(
                team: id(owner), name: name(owner),
                owned: owner == none ? unownedDays : analysis.bottlenecks.teams[owner].pendingEffort)
        }
        for system in touched { if let owner = boxOf[system] { built[owner]?.systems.append(system) } }
        var alsoHere: [Int: [Int: Double]] = [:]
        var elsewhereIn: [Int: Set<Int>] = [:]
        for item in items {
            if let gate = item.gate {
                built[item.owner]?.gates.append(gate)
                continue
            }
            let places = Set(item.systems.compactMap { boxOf[$0] })
            for place in places where place != item.owner { alsoHere[place, default: [:]][item.owner, default: 0] += item.days }
            if !places.contains(item.owner) {
                built[item.owner]?.elsewhere += item.days
                elsewhereIn[item.owner, default: []].formUnion(places)
            }
        }
        for (place, others) in alsoHere {
            built[place]?.alsoHere = others.map { (team: id($0.key), name: name($0.key), days: $0.value) }
                .sorted { $0.days != $1.days ? $0.days > $1.days : $0.name < $1.name }
        }
        for (owner, places) in elsewhereIn { built[owner]?.elsewhereIn = places.map(name).sorted() }
        boxes = built.values.sorted { first, second in
            guard let firstTeam = first.team else { return false }
            guard let secondTeam = second.team else { return true }
            return first.name != second.name ? first.name < second.name : firstTeam < secondTeam
        }
        self.unboxed = unboxed
    }
}
