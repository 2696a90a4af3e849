/// The figures both report formats show, computed once: the headline counts, the pilot
/// table's rows (latest finish first), the ranked bottleneck tables and the sprawl lists; each
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
        let firstCriticalItem: String?
        /// The finish date as ``PilotAnalysis/finishText`` words it, or "—" without a start date.
        let finish: String
        let p85: String
        /// Its ready day with the teams' capacity, where some team declares one, or "–".
        let withCapacity: String
    }

    let rows: [PilotRow]
    /// How many pilots are in each state, in ``PilotState``'s order, states with none left out.
    let stateCounts: [(state: PilotState, count: Int)]
    /// Why "0 at risk" can stand beside blocked or stalled pilots: each pilot is counted once,
    /// in the first state that holds; `nil` when there are none.
    let stateNote: String?
    let pendingEffort: Double
    let topSystems: [Bottleneck]
    let pendingByTeam: [(team: String, days: Double)]
    let rankedTables: [RankedTable]
    let sprawlLists: [SprawlList]

    /// `topCount`: how many systems, flows and teams the bottleneck tables list.
    init(_ input: ReportInput, topCount: Int) {
        let analysis = input.analysis
        let sections = Dictionary(
            input.maps.compactMap { map in map.pilot.map { ($0, map.sectionID) } },
            uniquingKeysWith: { first, _ in first })
        rows = analysis.pilots.map { pilot in
            PilotRow(
                analysis: pilot, sectionID: sections[pilot.pilot.id],
                firstCriticalItem: pilot.criticalPath.first, finish: pilot.finishText ?? "—",
                p85: pilot.estimate.map { "\(DaysText.days($0.p85)) d" } ?? "–",
                withCapacity: pilot.plannedReady.map { "\(DaysText.days($0)) d" } ?? "–")
        }.sorted { ($0.analysis.finishDays, $1.analysis.pilot.id) > ($1.analysis.finishDays, $0.analysis.pilot.id) }
        stateCounts = PilotState.allCases.map { state in (state, analysis.pilots.filter { $0.state == state }.count) }
            .filter { $0.count > 0 }
        let held = analysis.pilots.filter { $0.state == .blocked || $0.state == .stalled }.count
        stateNote =
            held == 0
            ? nil
            : "Each pilot is counted once, in the first state that holds: blocked and stalled pilots are not also counted as at risk or on track."
        pendingEffort = analysis.summary.pendingEffort
        topSystems = analysis.bottlenecks.systems.top(3)
        let teams = analysis.bottlenecks.teams
        pendingByTeam = teams.indices.map { (input.landscape.teams[$0].name ?? input.landscape.teams[$0].id, teams[$0].pendingEffort) }
            .filter { $0.1 > 0 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        let table = analysis.bottlenecks
        rankedTables = [
            RankedTable(title: "Systems", id: "system-table", entries: table.systems.top(topCount)),
            RankedTable(title: "Flows", id: "flow-table", entries: table.flows.top(topCount)),
            RankedTable(title: "Teams", id: "team-table", entries: table.teams.top(topCount))
        ]
        let sprawl = analysis.sprawl
        sprawlLists = [
            SprawlList(title: "Cycles of integrations", id: "cycles", items: sprawl.cycles.map { $0.joined(separator: " ⇄ ") }),
            SprawlList(title: "Redundant flows", id: "redundant-flows", items: sprawl.redundantFlows),
            SprawlList(title: "Orphan systems", id: "orphan-systems", items: sprawl.orphanSystems),
            SprawlList(title: "Deprecated systems still in use", id: "deprecated-in-use", items: sprawl.deprecatedInUse)
        ]
    }
}
