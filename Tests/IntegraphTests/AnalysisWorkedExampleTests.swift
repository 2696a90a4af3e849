import Foundation
import Testing

@testable import Integraph

/// A landscape small enough to analyse by hand; every expected number below was worked
/// out on paper and is explained in docs/analyses.md.
///
///     src ──f1 (backlog 3, [x])──▶ hub ──f2 (in progress 2, [x])──▶ dw (planned 4)
///      │                            │                                 │
///      │                            └──f5 (live, [x])──────────▶ app ◀─f3 (backlog 5, [x, y], after gate g 6)
///      └──f4 (live, [y])──────────────────────────────────────────▶ app
///
/// Pilot P needs app and has 1 day of its own work.
@Suite struct AnalysisWorkedExampleTests {
    static let model = """
        integraph: 1
        name: Worked example
        teams: [{id: t1}, {id: t2}]
        systems:
          - {id: src, owner: t1, domain: A}
          - {id: hub, owner: t1, domain: A}
          - {id: dw, owner: t1, domain: B, status: planned, effort: 4}
          - {id: app, owner: t1, domain: B}
        flows:
          - {id: f1, from: src, to: hub, data: [x], status: backlog, effort: 3}
          - {id: f2, from: hub, to: dw, data: [x], status: in-progress, effort: 2}
          - {id: f3, from: dw, to: app, data: [x, y], status: backlog, effort: 5, after: [g], classification: confidential}
          - {id: f4, from: src, to: app, data: [y]}
          - {id: f5, from: hub, to: app, data: [x]}
        gates:
          - {id: g, kind: legal, owner: t2, effort: 6}
        pilots:
          - {id: P, champion: Ann, needs: [app], effort: 1, target: 2026-12-18}
        """

    static func analysis(start: String? = "2026-12-04") throws -> LandscapeAnalysis {
        let landscape = try #require(readModel(model).validLandscape)
        var options = AnalysisOptions()
        options.start = start.flatMap(CalendarDate.init(iso:))
        return LandscapeAnalysis(landscape, options: options)
    }

    @Test func criticalPathMethod() throws {
        let pilot = try #require(try Self.analysis().pilots.first)
        #expect(pilot.duration == 12)
        #expect(pilot.criticalPath == ["g", "f3"])
        #expect(!pilot.ready)
        // f2 is under way: it started at 0 and finishes once dw (its planned target) and
        // f1 are done, on day 4 (finish-to-finish); so f3 waits on g alone, done on day 6.
        let rows = pilot.work.map { [$0.item.id, "\($0.earliestStart)", "\($0.earliestFinish)", "\($0.latestStart)", "\($0.latestFinish)", "\($0.slack)"] }
        #expect(
            rows == [
                ["dw", "0.0", "4.0", "2.0", "6.0", "2.0"],
                ["f1", "0.0", "3.0", "3.0", "6.0", "3.0"],
                ["f2", "0.0", "4.0", "4.0", "6.0", "2.0"],
                ["f3", "6.0", "11.0", "6.0", "11.0", "0.0"],
                ["g", "0.0", "6.0", "0.0", "6.0", "0.0"]
            ])
        #expect(pilot.work.map(\.criticality) == [0, 0, 0, 1, 1])
        #expect(pilot.estimate == nil)
    }

    @Test func workingDaysAndRisk() throws {
        let pilot = try #require(try Self.analysis().pilots.first)
        // 12 working days from Friday 2026-12-04: the 4th, then 7th–11th, 14th–18th, 21st.
        #expect(pilot.finishDate == CalendarDate(iso: "2026-12-21"))
        #expect(pilot.state == .atRisk)
        #expect(pilot.finishText == "2026-12-21")
        let undated = try #require(try Self.analysis(start: nil).pilots.first)
        #expect(undated.finishDate == nil && undated.state == .unscheduled && undated.finishText == nil)
    }

    @Test func lineageSprawlAndDominators() throws {
        let pilot = try #require(try Self.analysis().pilots.first)
        let sprawl = pilot.sprawl
        let counts: [Int] = [sprawl.systems, sprawl.flows, sprawl.pendingFlows, sprawl.teams, sprawl.domains, sprawl.gates]
        #expect(counts == [4, 5, 3, 2, 2, 1])
        #expect(sprawl.classification == .confidential)
        // Every path from the source src to the needed app passes through both.
        #expect(pilot.dominators == ["app", "src"])
    }

    @Test func bottlenecks() throws {
        let bottlenecks = try Self.analysis().bottlenecks
        let systems = bottlenecks.systems.ranked().map { "\($0.id) \($0.pendingEffort) \($0.pressure) \($0.criticalFor)" }
        #expect(systems == ["dw 11.0 11.0 [\"P\"]", "app 5.0 5.0 [\"P\"]", "hub 5.0 5.0 []", "src 3.0 3.0 []"])
        #expect(bottlenecks.teams.ranked().map { "\($0.id) \($0.pendingEffort)" } == ["t1 14.0", "t2 6.0"])
        #expect(bottlenecks.flows.top(1).first.map { "\($0.id) \($0.pressure)" } == "f3 5.0")
        // src→dw runs only through hub; every other pair has a direct flow.
        let betweenness = Dictionary(uniqueKeysWithValues: bottlenecks.systems.map { ($0.id, $0.betweenness ?? -1) })
        #expect(betweenness == ["src": 0, "hub": 1, "dw": 0, "app": 0])
        #expect(bottlenecks.systems.allSatisfy { $0.articulationPoint == false })
        #expect(bottlenecks.flows.allSatisfy { $0.bridge == false })
    }

    @Test func landscapeSprawl() throws {
        let analysis = try Self.analysis()
        #expect(analysis.sprawl.redundantFlows == ["f5"])
        #expect(analysis.sprawl.cycles.isEmpty && analysis.sprawl.orphanSystems.isEmpty)
        #expect(analysis.sprawl.flowsPerSystem == 1.25)
        #expect(analysis.summary.pendingItems == 5 && analysis.summary.pendingEffort == 20)
    }

    @Test func jsonIsTheContract() throws {
        let analysis = try Self.analysis()
        let text = AnalysisJSONWriter().write(analysis)
        #expect(text == AnalysisJSONWriter().write(try Self.analysis()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["landscape", "pilots", "bottlenecks", "sprawl"])
        let landscape = try #require(object["landscape"] as? [String: Any])
        #expect(Set(["systems", "flows", "teams", "domains", "pilots", "pendingItems", "pendingEffort"]).isSubset(of: landscape.keys))
        let pilot = try #require((object["pilots"] as? [[String: Any]])?.first)
        #expect(
            Set([
                "id", "state", "blockedBy", "duration", "finish", "finishIsP85", "criticalPath", "estimate", "work", "sprawl",
                "dominators"
            ]).isSubset(of: pilot.keys))
        #expect(pilot["state"] as? String == "at-risk")
        #expect(pilot["criticalPath"] as? [String] == ["g", "f3"])
        #expect(pilot["estimate"] is NSNull)
        let work = try #require((pilot["work"] as? [[String: Any]])?.first)
        #expect(
            Set(work.keys) == [
                "id", "kind", "effort", "earliestStart", "earliestFinish", "latestStart", "latestFinish",
                "slack", "criticality", "estimated"
            ])
        let bottlenecks = try #require(object["bottlenecks"] as? [String: [[String: Any]]])
        #expect(
            Set(bottlenecks["systems"]?.first?.keys ?? [:].keys)
                == ["id", "pilots", "waiting", "pendingEffort", "pressure", "criticalFor", "betweenness", "articulationPoint"])
        #expect(
            Set(bottlenecks["flows"]?.first?.keys ?? [:].keys)
                == ["id", "pilots", "waiting", "pendingEffort", "pressure", "criticalFor", "bridge"])
        #expect(Set(bottlenecks["teams"]?.first?.keys ?? [:].keys) == ["id", "pilots", "waiting", "pendingEffort", "pressure", "criticalFor"])
        let sprawl = try #require(object["sprawl"] as? [String: Any])
        #expect(Set(sprawl.keys) == ["cycles", "redundantFlows", "orphanSystems", "deprecatedInUse", "flowsPerSystem"])
    }

    @Test func aCycleThroughAnImplicitRuleIsALocatedError() throws {
        let model = """
            integraph: 1
            teams: [{id: t}]
            systems: [{id: a, owner: t}, {id: b, owner: t}, {id: c, owner: t}]
            flows:
              - {id: f1, from: a, to: b, status: backlog, effort: 1, after: [f2]}
              - {id: f2, from: b, to: c, status: backlog, effort: 1}
            """
        let report = readModel(model)
        #expect(report.validLandscape == nil)
        #expect(
            located(report) == [
                "6:5: error: the order of work has a cycle: f2 -> f1 [implicit: lineage, 'f1' feeds the source of 'f2'] "
                    + "-> f2 [after] (each waits for the next, so none can start)"
            ])
        // A landscape built in code is held to the same checks.
        let landscape = try #require(report.landscape)
        #expect(throws: InvalidLandscape.self) { try ValidatedLandscape(validating: landscape) }
        // Labels that say f1 does not feed f2 remove the implicit link, and the cycle with it.
        let labelled = readModel(
            model.replacingOccurrences(of: "effort: 1, after", with: "effort: 1, data: [x], after")
                .replacingOccurrences(of: "to: c, status", with: "to: c, data: [y], status"))
        #expect(labelled.validLandscape != nil, "\(located(labelled))")
    }

    @Test func twoWaySyncsCreateNoPrecedence() throws {
        let landscape = try #require(
            readModel(
                """
                integraph: 1
                teams: [{id: t}]
                systems: [{id: a, owner: t}, {id: b, owner: t}]
                flows:
                  - {id: ab, from: a, to: b, status: backlog, effort: 2}
                  - {id: ba, from: b, to: a, status: backlog, effort: 3}
                pilots: [{id: p, champion: X, needs: [a, b]}]
                """
            ).validLandscape)
        let pilot = try #require(try LandscapeAnalysis(landscape).pilots.first)
        #expect(pilot.duration == 3 && pilot.criticalPath == ["ba"])
    }

    @Test func estimatesRulesAndMedians() throws {
        let landscape = try #require(
            readModel(
                """
                integraph: 1
                teams: [{id: t}]
                systems: [{id: a, owner: t}, {id: b, owner: t}, {id: c, owner: t}]
                flows:
                  - {id: known1, from: a, to: b, status: backlog, effort: 2}
                  - {id: known2, from: b, to: a, status: backlog, effort: {optimistic: 3, likely: 4, pessimistic: 9}}
                  - {id: secret, from: a, to: c, status: backlog, classification: restricted}
                  - {id: plain, from: b, to: c, status: backlog}
                gates: [{id: review, kind: security-review, owner: t}]
                estimates:
                  - {match: {kind: flow, classification: restricted}, effort: {optimistic: 5, likely: 10, pessimistic: 20}}
                  - {match: {kind: security-review}, effort: 7}
                pilots: [{id: p, champion: X, needs: [c], after: [review]}]
                """
            ).validLandscape)
        let plan = try WorkPlan(LandscapeIndex(landscape.landscape))
        let items = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.id, $0) })
        #expect(items["known1"]?.estimated == false)
        #expect(items["secret"]?.effort == .estimate(optimistic: 5, likely: 10, pessimistic: 20))
        #expect(items["secret"]?.estimateSource == "estimates rule at line 11")
        #expect(items["review"]?.effort == .days(7) && items["review"]?.estimated == true)
        // Median of (2,2,2) and (3,4,9), point by point: (2.5, 3, 5.5).
        #expect(items["plain"]?.effort == .estimate(optimistic: 2.5, likely: 3, pessimistic: 5.5))
        #expect(items["plain"]?.estimateSource == "median of 2 estimated flows")
        let pilot = try #require(try LandscapeAnalysis(landscape).pilots.first)
        // known2 (b→a) feeds secret (a→c) across components: 28/6 + 65/6 = 15.5 days, of
        // which secret's 65/6 rest on the rule.
        #expect(pilot.criticalPath == ["known2", "secret"])
        #expect(abs(pilot.duration - 15.5) < 1e-9)
        #expect(abs(pilot.estimatedShare - (65.0 / 6) / 15.5) < 1e-9)
        #expect(pilot.estimate != nil)
    }

    /// A pilot's sprawl counts what its work touches, and a bottleneck holds back only the
    /// pilots whose work includes its pending items: never a ready one.
    @Test func sprawlCountsTheWorkAndBottlenecksHoldBackOnlyWaitingPilots() throws {
        let landscape = try #require(
            readModel(
                """
                integraph: 1
                teams: [{id: t}]
                systems: [{id: a, owner: t}, {id: x, owner: t}, {id: y, owner: t}, {id: z, owner: t}]
                flows:
                  - {id: xy, from: x, to: y, status: backlog, effort: 2}
                  - {id: za, from: z, to: a}
                pilots:
                  - {id: waits, champion: W, needs: [a], after: [xy]}
                  - {id: done, champion: D, needs: [a]}
                """
            ).validLandscape)
        let analysis = LandscapeAnalysis(landscape)
        let waits = try #require(analysis.pilots.first { $0.pilot.id == "waits" })
        // Its lineage is a and z; its work, xy, touches x and y.
        #expect(waits.sprawl.systems == 4 && waits.sprawl.flows == 2 && waits.sprawl.pendingFlows == 1)
        let done = try #require(analysis.pilots.first { $0.pilot.id == "done" })
        #expect(done.state == .ready && done.sprawl.systems == 2)
        let systems = Dictionary(uniqueKeysWithValues: analysis.bottlenecks.systems.map { ($0.id, $0) })
        #expect(systems["x"]?.waiting == ["waits"] && systems["y"]?.waiting == ["waits"])
        // a is in both lineages but has no pending work: it holds back no one.
        #expect(systems["a"]?.pilots == ["done", "waits"] && systems["a"]?.waiting == [])
        #expect(analysis.bottlenecks.teams.first?.waiting == ["waits"])
    }

    @Test func aPilotWithNothingPendingIsReady() throws {
        let landscape = try #require(
            readModel(
                """
                integraph: 1
                teams: [{id: t}]
                systems: [{id: a, owner: t}, {id: b, owner: t}]
                flows: [{from: a, to: b}]
                pilots: [{id: p, champion: X, needs: [b], effort: 3}]
                """
            ).validLandscape)
        let pilot = try #require(try LandscapeAnalysis(landscape).pilots.first)
        #expect(pilot.ready && pilot.duration == 3 && pilot.criticalPath.isEmpty && pilot.work.isEmpty)
    }

    @Test func aLandscapeWithoutPilotsStillGetsSprawlAndBottlenecks() throws {
        let landscape = try #require(
            readModel(
                """
                integraph: 1
                teams: [{id: t}]
                systems: [{id: a, owner: t}, {id: b, owner: t}, {id: lonely, owner: t}]
                flows: [{from: a, to: b, status: backlog, effort: 2}, {from: b, to: a}]
                """
            ).validLandscape)
        let analysis = try LandscapeAnalysis(landscape)
        #expect(analysis.pilots.isEmpty)
        #expect(analysis.sprawl.cycles == [["a", "b"]] && analysis.sprawl.orphanSystems == ["lonely"])
        #expect(analysis.bottlenecks.systems.ranked().first.map { "\($0.id) \($0.pendingEffort) \($0.pressure)" } == "a 2.0 0.0")
        #expect(AnalysisTextWriter().write(analysis).contains("Pilots by finish\n  none: the model names no pilots\n"))
    }
}
