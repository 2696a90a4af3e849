/// The figures both report formats show, computed once: the headline counts, the pilot
/// table's rows, and the ranked bottlenecks.
struct ReportSummary {
    struct PilotRow {
        let analysis: PilotAnalysis
        let sectionID: String?
        /// Its work includes a blocked flow.
        let blocked: Bool
        let firstCriticalItem: String?
        /// "37.2 d" or, with a start date, the finish date.
        let finish: String
        let p85: String
    }

    let rows: [PilotRow]
    let ready: Int
    let atRisk: Int
    let blocked: Int
    let pendingEffort: Double
    let topSystems: [Bottleneck]
    let pendingByTeam: [(team: String, days: Double)]

    init(_ input: ReportInput) {
        let analysis = input.analysis
        let blockedFlows = Set(input.landscape.flows.filter { $0.status == .blocked }.map(\.id))
        let sections = Dictionary(input.maps.compactMap { map in map.pilot.map { ($0, map.sectionID) } },
                                  uniquingKeysWith: { first, _ in first })
        rows = analysis.pilots.map { pilot in
            let blocked = pilot.work.contains { $0.item.kind == .flow && blockedFlows.contains($0.item.id) }
            let finish = pilot.finishDate.map { "\($0)" } ?? "\(AnalysisDigest.days(pilot.duration)) d"
            return PilotRow(analysis: pilot, sectionID: sections[pilot.pilot.id], blocked: blocked,
                            firstCriticalItem: pilot.criticalPath.first, finish: finish,
                            p85: pilot.estimate.map { "\(AnalysisDigest.days($0.p85)) d" } ?? "–")
        }
        ready = analysis.pilots.filter(\.ready).count
        atRisk = analysis.pilots.filter(\.atRisk).count
        blocked = rows.filter(\.blocked).count
        pendingEffort = analysis.summary.pendingEffort
        topSystems = analysis.bottlenecks.systems.top(3)
        let teams = analysis.bottlenecks.teams
        pendingByTeam = teams.indices.map { (input.landscape.teams[$0].name ?? input.landscape.teams[$0].id, teams[$0].pendingEffort) }
            .filter { $0.1 > 0 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    }
}
