/// What the human-readable reports lead with, computed once for text and Markdown: pilots
/// ranked by duration, the work items on the most critical paths, and number formatting.
struct AnalysisDigest {
    let analysis: LandscapeAnalysis
    let pilots: [PilotAnalysis]

    init(_ analysis: LandscapeAnalysis, pilots selected: [PilotAnalysis]?) {
        self.analysis = analysis
        self.pilots = selected ?? analysis.pilots
    }

    /// Latest finish first (the finish every output shows), then by id.
    var pilotsByFinish: [PilotAnalysis] {
        pilots.sorted { ($0.finishDays, $1.pilot.id) > ($1.finishDays, $0.pilot.id) }
    }

    /// `ready in 33.5 d with the teams' capacity`, beside the unconstrained duration, where
    /// some team declares a capacity and the pilot has work left.
    static func withCapacity(_ pilot: PilotAnalysis) -> String? {
        guard let planned = pilot.plannedReady, !pilot.ready else { return nil }
        return "ready in \(DaysText.days(planned)) d with the teams' capacity"
    }

    /// Work items on two or more pilots' critical paths, most shared first.
    var sharedCriticalWork: [(id: String, pilots: [String])] {
        var byItem: [String: [String]] = [:]
        for pilot in analysis.pilots {
            for id in pilot.criticalPath { byItem[id, default: []].append(pilot.pilot.id) }
        }
        return byItem.filter { $0.value.count > 1 }
            .map { (id: $0.key, pilots: $0.value.sorted()) }
            .sorted { ($0.pilots.count, $1.id) > ($1.pilots.count, $0.id) }
    }

    /// A pilot's sprawl in words.
    static func sprawl(_ sprawl: PilotAnalysis.Sprawl) -> String {
        "\(Wording.counted(sprawl.systems, "system")), \(Wording.counted(sprawl.flows, "flow")) (\(sprawl.pendingFlows) pending), "
            + "\(Wording.counted(sprawl.teams, "team")), \(Wording.counted(sprawl.domains, "domain")), \(Wording.counted(sprawl.gates, "gate"))"
            + (sprawl.classification.map { ", up to \($0.rawValue) data" } ?? "")
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// `P50 40, P85 44, P95 46`, or nothing without an estimate.
    static func odds(_ pilot: PilotAnalysis) -> String? {
        pilot.estimate.map { "P50 \(DaysText.days($0.p50)) d, P85 \(DaysText.days($0.p85)) d, P95 \(DaysText.days($0.p95)) d" }
    }

    /// Each critical item with its effort, then the pilot's own work; with team capacity,
    /// which items waited for a team's hand, and which are another pilot's work holding one.
    func chain(_ pilot: PilotAnalysis) -> [String] {
        let until = Dictionary(
            pilot.blockers.compactMap { blocker in blocker.until.map { (blocker.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        var steps = pilot.criticalPath.compactMap { id -> String? in
            let own = pilot.work.entry(for: id)?.item
            return (own ?? analysis.workItem(named: id)).map { item in
                "\(item.id) (\(item.kind.rawValue), \(DaysText.days(item.effort.expectedDays)) d"
                    + (item.estimated ? ", estimated" : "")
                    + (until[id].map { ", blocked until \($0)" } ?? "")
                    + (pilot.waitedForHand.contains(id) ? ", waits for a hand" : "")
                    + (own == nil ? ", another pilot's work" : "") + ")"
            }
        }
        if pilot.pilot.effort.expectedDays > 0 {
            steps.append("own hardening (\(DaysText.days(pilot.pilot.effort.expectedDays)) d)")
        }
        return steps
    }

    /// `blocked by f1 (vendor contract; owner Legal; until 2027-01-15), g2 (rejected)`.
    static func blockers(_ pilot: PilotAnalysis) -> String? {
        guard !pilot.blockers.isEmpty else { return nil }
        return "blocked by "
            + pilot.blockers.map { blocker in
                var details = [blocker.reason]
                if let owner = blocker.owner { details.append("owner \(owner)") }
                if let until = blocker.until { details.append("until \(until)") }
                return "\(blocker.id) (\(details.joined(separator: "; ")))"
            }.joined(separator: ", ")
    }
}
