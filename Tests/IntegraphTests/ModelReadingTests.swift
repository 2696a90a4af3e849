import Foundation
import Testing

@testable import Integraph

@Suite struct ModelReadingTests {
    static let small = """
        integraph: 1
        name: Small
        teams:
          - {id: data, name: Data, capacity: 2}
        systems:
          - {id: crm, name: CRM, kind: saas, domain: Sales, owner: data}
          - id: dwh
            owner: data
            status: planned
            effort: {optimistic: 1, likely: 2.5, pessimistic: 4}
        flows:
          - {from: crm, to: dwh, data: [accounts], classification: restricted, status: blocked, effort: 3, blocked_by: quota}
        gates:
          - {id: review, kind: security-review, owner: data, effort: 5}
        pilots:
          - id: bot
            champion: Ann
            stage: scaling
            needs: [crm, {system: dwh, data: [accounts]}]
            flows: [crm->dwh]
            after: [review]
            target: 2027-03-31
        """

    @Test func decodesEveryKeyOfTheFormat() throws {
        let report = readModel(Self.small)
        #expect(report.findings.isEmpty, "\(located(report))")
        let landscape = try #require(report.validLandscape)
        #expect(landscape.name == "Small")
        #expect(landscape.teams == [Team(id: "data", name: "Data", capacity: 2, position: landscape.teams[0].position)])
        let dwh = landscape.systems[1]
        #expect(dwh.status == .planned && dwh.isPending)
        #expect(dwh.effort == .estimate(optimistic: 1, likely: 2.5, pessimistic: 4))
        #expect(dwh.position == SourcePosition(line: 7, column: 5))
        let flow = landscape.flows[0]
        #expect(flow.id == "crm->dwh" && !flow.hasExplicitID)
        #expect(flow.classification == .restricted && flow.status == .blocked && flow.blockedBy == "quota")
        #expect(flow.to.position == SourcePosition(line: 12, column: 21))
        #expect(landscape.landscape.flowOwners() == ["crm->dwh": "data"])
        #expect(landscape.gates[0].kind == .securityReview && landscape.gates[0].status == .pending)
        let pilot = landscape.pilots[0]
        #expect(pilot.stage == .scaling && pilot.target == CalendarDate(year: 2027, month: 3, day: 31))
        #expect(pilot.needs.map(\.data) == [nil, ["accounts"]])
        #expect(pilot.flows.map(\.id) == ["crm->dwh"] && pilot.after.map(\.id) == ["review"])
    }

    @Test func yamlAndJSONGiveTheSameModel() throws {
        let url = packageRoot.appendingPathComponent("Graphs/acme-retail.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let fromYAML = try #require(LandscapeReader().read(.file(url.path)).validLandscape)
        let document = try #require(try YAMLDocumentParser().parse(text))
        let json = document.jsonText
        let fromJSON = LandscapeReader().read(bytes: Array(json.utf8), source: .file("acme.json"))
        #expect(!fromJSON.hasErrors, "\(located(fromJSON))")
        #expect(fromJSON.landscape?.withoutPositions == fromYAML.withoutPositions)
        #expect(fromYAML.systems.count >= 40 && fromYAML.flows.count >= 60 && fromYAML.pilots.count == 8)
    }

    @Test func jsonPositionsPointAtTheValue() throws {
        let json = "{\n  \"integraph\": 1,\n  \"systems\": [\n    {\"id\": \"crm\", \"owner\": \"nobody\"}\n  ]\n}\n"
        let report = LandscapeReader().read(bytes: Array(json.utf8), source: .file("m.json"))
        #expect(report.errors.map(\.description) == ["m.json:4:28: error: system 'crm': 'owner' names unknown team 'nobody'"])
    }

    @Test func standardInputAndExtensionsPickTheParser() {
        #expect(ModelSource(argument: "-") == .standardInput)
        #expect(ModelSource(argument: "-").syntax == .yaml)
        #expect(ModelSource(argument: "a/b.JSON").syntax == .json)
        #expect(ModelSource(argument: "a.yml").syntax == .yaml)
        #expect(ModelSource.standardInput.displayName == "<stdin>")
    }

    @Test func yamlAnchorsAndMergeKeysWork() throws {
        let report = readModel(
            """
            integraph: 1
            teams: [{id: t}]
            systems:
              - &base {id: a, owner: t, domain: Core, kind: api}
              - <<: *base
                id: b
            """)
        #expect(report.findings.isEmpty, "\(located(report))")
        let systems = try #require(report.landscape?.systems)
        #expect(systems.map(\.id) == ["a", "b"])
        #expect(systems[1].domain == "Core" && systems[1].kind == "api")
    }

    @Test func calendarDatesAreChecked() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2100-02-29") == nil)
        #expect(CalendarDate(iso: "2027-13-01") == nil)
        #expect(CalendarDate(iso: "27-03-01") == nil)
        #expect(CalendarDate(iso: "2027-3-1") == nil)
        #expect(CalendarDate(year: 2027, month: 1, day: 5)?.description == "2027-01-05")
    }

    @Test func suggestionsCatchTyposButNotStrangers() {
        #expect(Suggestion.closest(to: "onwer", among: ["owner", "name"]) == "owner")
        #expect(Suggestion.closest(to: "plannd", among: SystemStatus.allowedValues) == "planned")
        #expect(Suggestion.closest(to: "blockedby", among: ["blocked_by", "effort"]) == "blocked_by")
        #expect(Suggestion.closest(to: "zzz", among: ["owner"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting", limit: 10) == 3)
        #expect(Suggestion.editDistance("ab", "ba", limit: 10) == 1)
    }
}
