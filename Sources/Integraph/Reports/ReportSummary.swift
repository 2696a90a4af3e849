/// The figures both report formats show, computed once: the headline counts, the pilot
/// table's rows (longest first), the ranked bottleneck tables and the sprawl lists; each
/// writer only lays them out and escapes them its own way.
struct ReportSummary {
    /// A ranked table of systems, flows or teams, and the element id the HTML gives it.
    struct RankedTable {
        let title: String
        let id: String
        let entries: [Bottleneck]
    }

    /// A list of sprawl findings (model ids, unescaped), and the element id the HTML gives it.
    struct SprawlList {
        let title: String
        let id: String
        let items: [String]
    }

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
    let rankedTables: [RankedTable]
    let sprawlLists: [SprawlList]

    /// `topCount`: how many systems, flows and teams the bottleneck tables list.
    init(_ input: ReportInput, topCount: Int) {
        let analysis = input.analysis
        let blockedFlows = Set(input.landscape.flows.filter { $0.status == .blocked }.map(\.id))
        let sections = Dictionary(input.maps.compactMap { map in map.pilot.map { ($0, map.sectionID) } },
                                  uniquingKeysWith: { first, _ in first })
        rows = analysis.pilots.map { pilot in
            let blocked = pilot.work.contains { $0.item.kind == .flow && blockedFlows.contains($0.item.id) }
            let finish = pilot.finishDate.map { "\($0)" } ?? "\(DaysText.days(pilot.duration)) d"
            return PilotRow(analysis: pilot, sectionID: sections[pilot.pilot.id], blocked: blocked,
                            firstCriticalItem: pilot.criticalPath.first, finish: finish,
                            p85: pilot.estimate.map { "\(DaysText.days($0.p85)) d" } ?? "–")
        }.sorted { ($0.analysis.duration, $1.analysis.pilot.id) > ($1.analysis.duration, $0.analysis.pilot.id) }
        ready = analysis.pilots.filter(\.ready).count
        atRisk = analysis.pilots.filter(\.atRisk).count
        blocked = rows.filter(\.blocked).count
        pendingEffort = analysis.summary.pendingEffort
        topSystems = analysis.bottlenecks.systems.top(3)
        let teams = analysis.bottlenecks.teams
        pendingByTeam = teams.indices.map { (input.landscape.teams[$0].name ?? input.landscape.teams[$0].id, teams[$0].pendingEffort) }
            .filter { $0.1 > 0 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        let table = analysis.bottlenecks
        rankedTables = [RankedTable(title: "Systems", id: "system-table", entries: table.systems.top(topCount)),
                        RankedTable(title: "Flows", id: "flow-table", entries: table.flows.top(topCount)),
                        RankedTable(title: "Teams", id: "team-table", entries: table.teams.top(topCount))]
        let sprawl = analysis.sprawl
        sprawlLists = [SprawlList(title: "Cycles of integrations", id: "cycles", items: sprawl.cycles.map { $0.joined(separator: " ⇄ ") }),
                       SprawlList(title: "Redundant flows", id: "redundant-flows", items: sprawl.redundantFlows),
                       SprawlList(title: "Orphan systems", id: "orphan-systems", items: sprawl.orphanSystems),
                       SprawlList(title: "Deprecated systems still in use", id: "deprecated-in-use", items: sprawl.deprecatedInUse)]
    }
}
