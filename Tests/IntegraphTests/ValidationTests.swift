import Testing

@testable import Integraph

/// One test per validation rule: a small bad model, the exact message at the exact place.
@Suite struct ValidationTests {
    /// Wraps entity lines in a valid model with a team `t` and systems `a` and `b`.
    static func model(_ body: String, header: String = "integraph: 1\n") -> String {
        header + """
            teams: [{id: t}]
            systems:
              - {id: a, owner: t}
              - {id: b, owner: t}

            """ + body
    }

    @Test func aCleanModelHasNoFindings() {
        #expect(readModel(Self.model("flows: [{from: a, to: b}]\n")).findings.isEmpty)
    }

    @Test func syntaxErrorsAreLocated() {
        let report = readModel("integraph: 1\nsystems:\n  - {id: a\n  - {id: b}\n")
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.description.hasPrefix("model.yaml:4:") == true)
        #expect(report.errors.first?.message.hasPrefix("invalid YAML:") == true)
        let json = LandscapeReader().read(bytes: Array("{\"integraph\": 1,\n \"name\": }".utf8), source: .file("m.json"))
        #expect(json.errors.map(\.description) == ["m.json:2:10: error: invalid JSON: expected a value, found '}'"])
    }

    @Test func formatVersionIsRequiredAndChecked() {
        #expect(
            located(readModel("name: x\n")) == [
                "1:1: error: missing required key 'integraph' (the format version: write 'integraph: 1' first)"
            ])
        #expect(
            located(readModel("integraph: 2\n")) == [
                "1:12: error: unsupported format version '2': this Integraph reads 'integraph: 1'"
            ])
    }

    @Test func wrongTypesAreReported() {
        let report = readModel(
            Self.model(
                """
                flows:
                  - {from: a, to: b, data: accounts, effort: lots}
                pilots:
                  - {id: p, champion: X, needs: {system: a}}
                """))
        #expect(
            located(report) == [
                "7:28: error: flow 'a->b': 'data' must be a list, found 'accounts'",
                "7:46: error: flow 'a->b': 'effort' must be a number, found 'lots'",
                "9:33: error: pilot 'p': 'needs' must be a list of system ids or {system, data} mappings, found a mapping"
            ])
    }

    @Test func missingRequiredKeys() {
        let report = readModel(Self.model("flows:\n  - {from: a}\ngates:\n  - {kind: legal}\n"))
        #expect(
            located(report) == [
                "7:5: error: flow #1: missing required key 'to'",
                "9:5: error: gate #1: missing required key 'id'"
            ])
    }

    @Test func unknownKeysSuggestTheRightOne() {
        let report = readModel(Self.model("flows:\n  - {from: a, to: b, blockedby: quota}\n"))
        #expect(
            located(report) == [
                "7:22: error: flow 'a->b': unknown key 'blockedby' (did you mean 'blocked_by'?)"
            ])
    }

    @Test func unknownValuesSuggestTheRightOne() {
        let report = readModel(Self.model("flows:\n  - {from: a, to: b, status: in_progress}\n"))
        #expect(
            located(report) == [
                "7:30: error: flow 'a->b': 'status' must be one of live, in-progress, backlog, blocked, found 'in_progress' (did you mean 'in-progress'?)"
            ])
    }

    @Test func negativeNumbersAreRefused() {
        let report = readModel(Self.model("gates:\n  - {id: g, owner: t, effort: -3}\n"))
        #expect(located(report) == ["7:31: error: gate 'g': 'effort' must not be negative, found -3"])
    }

    @Test func duplicateIDsAcrossKinds() {
        let report = readModel(Self.model("gates:\n  - {id: a, owner: t, effort: 1}\n"))
        #expect(located(report) == ["7:5: error: gate 'a': duplicate id, already used by the system at line 4"])
    }

    @Test func twoFlowsWithTheSameDefaultID() {
        let report = readModel(Self.model("flows:\n  - {from: a, to: b}\n  - {from: a, to: b, data: [x]}\n"))
        #expect(
            located(report) == [
                "8:5: error: flow 'a->b': another entity already has the default id 'a->b' (the flow at line 7); give this flow an explicit 'id'"
            ])
    }

    @Test func unknownReferencesInEveryKey() {
        let report = readModel(
            Self.model(
                """
                flows:
                  - {id: f, from: aa, to: c, owner: tt, after: [nope]}
                pilots:
                  - {id: p, champion: X, needs: [bb], flows: [ff], after: [g]}
                """))
        #expect(
            located(report) == [
                "7:19: error: flow 'f': 'from' names unknown system 'aa' (did you mean 'a'?)",
                "7:27: error: flow 'f': 'to' names unknown system 'c'",
                "7:37: error: flow 'f': 'owner' names unknown team 'tt' (did you mean 't'?)",
                "7:49: error: flow 'f': 'after' names unknown system, flow or gate 'nope'",
                "9:34: error: pilot 'p': 'needs' names unknown system 'bb' (did you mean 'b'?)",
                "9:47: error: pilot 'p': 'flows' names unknown flow 'ff' (did you mean 'f'?)",
                "9:60: error: pilot 'p': 'after' names unknown system, flow or gate 'g'"
            ])
    }

    @Test func referencesToTheWrongKind() {
        let report = readModel(
            Self.model(
                """
                pilots:
                  - {id: p, champion: X, needs: [t]}
                  - {id: q, champion: Y, after: [p]}
                """))
        #expect(
            located(report) == [
                "7:34: error: pilot 'p': 'needs' names the team 't', but 'needs' takes system ids",
                "8:34: error: pilot 'q': 'after' names the pilot 'p', but 'after' takes system, flow or gate ids"
            ])
    }

    @Test func selfFlows() {
        let report = readModel(Self.model("flows:\n  - {id: loop, from: a, to: a}\n"))
        #expect(located(report) == ["7:29: error: flow 'loop': flows from 'a' to itself; a flow joins two different systems"])
    }

    @Test func threePointEstimatesMustBeOrdered() {
        let report = readModel(Self.model("gates:\n  - {id: g, owner: t, effort: {optimistic: 5, likely: 3, pessimistic: 12}}\n"))
        #expect(
            located(report) == [
                "7:31: error: gate 'g': 'effort' must have optimistic <= likely <= pessimistic, found 5 / 3 / 12"
            ])
    }

    @Test func badDates() {
        let report = readModel(Self.model("pilots:\n  - {id: p, champion: X, target: 2027-02-30}\n"))
        #expect(located(report) == ["7:34: error: pilot 'p': 'target' '2027-02-30' is not a calendar date"])
    }

    @Test func cyclesAmongAfterLinksAreNamed() {
        let report = readModel(
            Self.model(
                """
                flows:
                  - {id: f, from: a, to: b, after: [g1]}
                gates:
                  - {id: g1, owner: t, after: [g2], effort: 1}
                  - {id: g2, owner: t, after: [f], effort: 1}
                  - {id: solo, owner: t, after: [solo], effort: 1}
                """))
        #expect(
            located(report) == [
                "7:37: error: cycle in 'after' links: f -> g1 -> g2 -> f (each waits for the next, so none can start)",
                "11:34: error: cycle in 'after' links: solo -> solo (each waits for the next, so none can start)"
            ])
    }

    @Test func warningsForGaps() {
        let report = readModel(
            """
            integraph: 1
            teams: [{id: t}]
            systems:
              - {id: a}
              - {id: old, owner: t, status: deprecated}
            flows:
              - {from: old, to: a, status: blocked}
            pilots:
              - {id: p, needs: [old]}
            """)
        #expect(!report.hasErrors)
        #expect(
            located(report) == [
                "4:5: warning: system 'a' has no owner: name the team that runs it",
                "7:5: warning: flow 'old->a' has no owner, and neither has its target system 'a'",
                "7:5: warning: flow 'old->a' is blocked but says nothing in 'blocked_by' about what blocks it",
                "7:5: warning: flow 'old->a' is pending work with no 'effort', and no estimates rule covers it: it will take the median effort of its kind",
                "9:5: warning: pilot 'p' has no champion: name the person accountable for it"
            ])
    }

    @Test func everyProblemIsReportedInOneRun() {
        let report = readModel(
            Self.model(
                """
                flows:
                  - {from: a, to: zz, status: done}
                pilots:
                  - {id: a, champion: X}
                """))
        #expect(report.errors.count == 3)
        #expect(report.validLandscape == nil)
    }

    @Test func anUnlabelledFlowOutOfABusyHubIsNamed() {
        let incoming = (1...6).map { "  - {id: in\($0), from: s\($0), to: hub, data: [d\($0)], status: backlog, effort: 1}" }
        let report = readModel(
            """
            integraph: 1
            teams: [{id: t}]
            systems: [{id: hub, owner: t}, {id: out, owner: t}, \((1...6).map { "{id: s\($0), owner: t}" }.joined(separator: ", "))]
            flows:
            \(incoming.joined(separator: "\n"))
              - {id: unlabelled, from: hub, to: out, status: backlog, effort: 1}
              - {id: labelled, from: hub, to: out, data: [d1], status: backlog, effort: 1}
            """)
        #expect(
            located(report) == [
                "11:5: warning: flow 'unlabelled' carries no data labels and leaves 'hub', which has 6 pending flows coming in "
                    + "('in1', 'in2', 'in3', …): it must wait for all of them; label its 'data' (and theirs) so that it waits "
                    + "only for the flows that feed it"
            ])
    }

    @Test func blockersDerivesAndGateNamesAreRead() throws {
        let report = readModel(
            """
            integraph: 1
            systems:
              - {id: a, derives: {features: [clicks, orders], audit: [], plain: ~}}
              - {id: b}
            flows:
              - {id: f1, from: a, to: b, status: blocked, blocked_by: vendor quota}
              - {id: f2, from: b, to: a, status: blocked, blocked_by: {reason: licence, owner: Legal, until: 2027-01-15}}
            gates: [{id: g, name: Security review}]
            """)
        #expect(report.errors.isEmpty, "\(located(report))")
        let landscape = try #require(report.landscape)
        #expect(landscape.systems[0].derives == ["features": ["clicks", "orders"], "audit": [], "plain": []])
        #expect(landscape.flows[0].blockedBy == "vendor quota" && landscape.flows[0].blockedUntil == nil)
        #expect(landscape.flows[1].blockedBy == "licence" && landscape.flows[1].blockedOwner == "Legal")
        #expect(landscape.flows[1].blockedUntil == CalendarDate(iso: "2027-01-15"))
        #expect(landscape.gates[0].name == "Security review")
    }

    @Test func badBlockersAndDerivesAreLocated() {
        let report = readModel(
            """
            integraph: 1
            systems:
              - {id: a, derives: [features]}
              - {id: b, derives: {features: clicks, x: [1, [y]]}}
            flows:
              - {id: f, from: a, to: b, status: blocked, blocked_by: {reason: r, until: 2027-02-30, who: me}}
            """)
        #expect(
            located(report).filter { $0.contains("error") } == [
                "3:22: error: system 'a': 'derives' must be a mapping from each data label to the labels it is built from, found a list",
                "4:33: error: system 'b': 'derives.features' must be a list of data labels, found 'clicks'",
                "4:48: error: system 'b': each entry of 'derives.x' must be a data label, found a list",
                "6:77: error: flow 'f': 'blocked_by': 'until' '2027-02-30' is not a calendar date",
                "6:89: error: flow 'f': 'blocked_by': unknown key 'who'"
            ])
    }
}
