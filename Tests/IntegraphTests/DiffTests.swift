import Foundation
import Testing

@testable import Integraph

/// `LandscapeDiff` on edited copies of the example: reordering is no change, a rename is a
/// removal and an addition, an empty old snapshot adds everything, and pilots say why they moved.
@Suite struct DiffTests {
    static let acmeText: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Graphs/acme-retail.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("Graphs/acme-retail.yaml must be readable") }
        return text
    }()

    static func model(_ text: String) throws -> ValidatedLandscape {
        let report = readModel(text)
        return try #require(report.validLandscape, "\(located(report).prefix(3))")
    }

    static var options: AnalysisOptions {
        var options = AnalysisOptions()
        options.start = CalendarDate(iso: "2026-12-01")
        options.samples = 2_000
        return options
    }

    @Test func reorderedListsAndEntitiesAreNoChange() throws {
        var edited = Self.acmeText
            .replacingOccurrences(of: "data: [sales, transactions]", with: "data: [transactions, sales]")
            .replacingOccurrences(of: "data: [accounts, opportunities]", with: "data: [opportunities, accounts]")
        // Swap two whole system entries and two pilot needs.
        edited = edited.replacingOccurrences(
            of: "      - {system: feature-store, data: [accounts, sales, features]}\n      - {system: snowflake, data: [accounts]}",
            with: "      - {system: snowflake, data: [accounts]}\n      - {system: feature-store, data: [features, sales, accounts]}")
        #expect(edited != Self.acmeText)
        let diff = LandscapeDiff(
            old: Pipeline(options: Self.options).analyze(try Self.model(Self.acmeText)), new: Pipeline(options: Self.options).analyze(try Self.model(edited)))
        #expect(diff.isEmpty)
        #expect(diff.pendingBefore == diff.pendingAfter)
    }

    /// Renaming Snowflake's id (and every reference to it) removes one system, adds another,
    /// and changes the flows and pilots that name it — field by field.
    @Test func aRenamedIdIsARemovalAndAnAddition() throws {
        let renamed = Self.acmeText.replacingOccurrences(of: "snowflake", with: "snowflake-eu")
        let diff = LandscapeDiff(
            old: Pipeline(options: Self.options).analyze(try Self.model(Self.acmeText)), new: Pipeline(options: Self.options).analyze(try Self.model(renamed)))
        #expect(diff.removed[.system] == ["snowflake"])
        #expect(diff.added[.system] == ["snowflake-eu"])
        let flow = try #require(diff.changed[.flow]?.first { $0.id == "dwh-to-features" })
        #expect(flow.fields == [LandscapeDiff.FieldChange(key: "from", old: "snowflake", new: "snowflake-eu")])
        // Flows with default ids are renamed too: they are removals and additions.
        #expect(diff.removed[.flow]?.contains("kafka->snowflake") == true)
        #expect(diff.added[.flow]?.contains("kafka->snowflake-eu") == true)
        #expect(diff.pilots.isEmpty)
    }

    @Test func anEmptyOldSnapshotAddsEverything() throws {
        let acme = try Self.model(Self.acmeText)
        let diff = LandscapeDiff(
            old: Pipeline(options: Self.options).analyze(try ValidatedLandscape(validating: Landscape())), new: Pipeline(options: Self.options).analyze(acme))
        #expect(diff.added[.system]?.count == acme.landscape.systems.count)
        #expect(diff.added[.flow]?.count == acme.landscape.flows.count)
        #expect(diff.added[.team]?.count == acme.landscape.teams.count)
        #expect(diff.removed.values.allSatisfy(\.isEmpty) && diff.changed.values.allSatisfy(\.isEmpty))
        #expect(diff.pendingBefore == 0 && diff.pendingAfter > 0)
        // New pilots are additions, not moved schedules.
        #expect(diff.pilots.isEmpty)
    }

    /// The blocked CRM feed goes live and the privacy review is re-estimated from 15 to 20
    /// days: the churn copilot loses that item (6 d on its critical path: 36.83 → 30.83 d)
    /// and is no longer blocked; next-best-offer's critical path runs through the review
    /// (30 → 35 d).
    @Test func pilotsSayWhyTheyMoved() throws {
        let edited = Self.acmeText
            .replacingOccurrences(
                of: "    status: blocked\n    effort: 6\n    blocked_by: \"Salesforce API quota: vendor upgrade pending\"",
                with: "    status: live"
            )
            .replacingOccurrences(
                of: "privacy-dpia-customer-360, kind: privacy, owner: legal-privacy, effort: 15",
                with: "privacy-dpia-customer-360, kind: privacy, owner: legal-privacy, effort: 20")
        let diff = LandscapeDiff(
            old: Pipeline(options: Self.options).analyze(try Self.model(Self.acmeText)), new: Pipeline(options: Self.options).analyze(try Self.model(edited)))
        let flow = try #require(diff.changed[.flow]?.first { $0.id == "crm-to-features" })
        #expect(flow.fields.map(\.key) == ["blocked_by", "effort", "status"])
        #expect(diff.changed[.gate]?.first?.fields == [LandscapeDiff.FieldChange(key: "effort", old: "15 d", new: "20 d")])
        let churn = try #require(diff.pilots.first { $0.id == "churn-copilot" })
        #expect(abs(churn.before.duration - churn.after.duration - 6) < 1e-9)
        #expect(churn.before.state == .blocked && churn.after.state != .blocked)
        #expect(churn.why == ["finished: crm-to-features"])
        let offer = try #require(diff.pilots.first { $0.id == "next-best-offer" })
        #expect(offer.before.duration == 30 && offer.after.duration == 35)
        #expect(offer.why == ["re-estimated: privacy-dpia-customer-360 (15 d → 20 d)"])
        #expect(diff.pendingAfter - diff.pendingBefore == -6 + 5)
        let legal = try #require(diff.teams.first { $0.id == "legal-privacy" })
        #expect(abs(legal.after - legal.before - 5) < 1e-9)

        let json = try #require(try JSONSerialization.jsonObject(with: Data(DiffWriter(oldName: "a", newName: "b").json(diff).utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["asOf", "added", "removed", "changed", "calendar", "pilots", "pendingEffort"])
        #expect((json["calendar"] as? [String: Any])?.isEmpty == true)
        let changed = try #require(json["changed"] as? [String: Any])
        #expect(Set(changed.keys) == ["systems", "flows", "gates", "pilots", "teams"])
        let flows = try #require(changed["flows"] as? [[String: Any]])
        #expect((flows.first?["fields"] as? [String: [Any]])?["status"]?.compactMap { $0 as? String } == ["blocked", "live"])
    }

    /// Acme takes 2026-12-25, 2026-12-26 and 2027-01-01 off; the new snapshot works Sunday to
    /// Thursday and keeps only Christmas 2026, adding Christmas 2027. Holidays reordered are no change.
    @Test func aCalendarChangeIsListed() throws {
        let line = "calendar: {workdays: [mon, tue, wed, thu, fri], holidays: [2026-12-25, 2026-12-26, 2027-01-01]}"
        #expect(Self.acmeText.contains(line))
        let acme = try Self.model(Self.acmeText)
        let reordered = try Self.model(
            Self.acmeText.replacingOccurrences(
                of: line, with: "calendar: {workdays: [fri, thu, wed, tue, mon], holidays: [2027-01-01, 2026-12-26, 2026-12-25]}"))
        #expect(LandscapeDiff(old: Pipeline(options: Self.options).analyze(acme), new: Pipeline(options: Self.options).analyze(reordered)).isEmpty)
        let changed = try Self.model(
            Self.acmeText.replacingOccurrences(of: line, with: "calendar: {workdays: [sun, mon, tue, wed, thu], holidays: [2027-12-25, 2026-12-25]}"))
        let diff = LandscapeDiff(old: Pipeline(options: Self.options).analyze(acme), new: Pipeline(options: Self.options).analyze(changed))
        #expect(
            diff.calendar == [
                LandscapeDiff.FieldChange(key: "workdays", old: "mon, tue, wed, thu, fri", new: "mon, tue, wed, thu, sun"),
                LandscapeDiff.FieldChange(key: "holidays", old: "2026-12-26, 2027-01-01", new: "2027-12-25")
            ])
        let text = DiffWriter(oldName: "a", newName: "b").text(diff)
        #expect(
            text.contains(
                "\nChanged calendar\n  workdays mon, tue, wed, thu, fri → mon, tue, wed, thu, sun\n"
                    + "  holidays 2026-12-26, 2027-01-01 → 2027-12-25\n"))
        let json = DiffWriter(oldName: "a", newName: "b").json(diff)
        #expect(
            json.contains(
                #""calendar": {"workdays": ["mon, tue, wed, thu, fri", "mon, tue, wed, thu, sun"], "#
                    + #""holidays": ["2026-12-26, 2027-01-01", "2027-12-25"]}"#))
    }

    /// Two holidays inside a pilot's ten working days from Tuesday 2026-12-01 move its finish
    /// from Monday the 14th to Wednesday the 16th with the same days of work: a pilot whose
    /// schedule moved, because the calendar changed.
    @Test func aCalendarThatMovesOnlyTheDatesStillMovesThePilot() throws {
        let text = """
            integraph: 1
            teams: [{id: t}]
            systems: [{id: a, owner: t, status: planned, effort: 10}]
            pilots: [{id: p, champion: c, stage: idea, needs: [a], target: 2027-06-15}]
            """
        let before = Pipeline(options: Self.options).analyze(try Self.model(text))
        let after = Pipeline(options: Self.options).analyze(
            try Self.model(text + "\ncalendar: {holidays: [2026-12-02, 2026-12-03]}\n"))
        let diff = LandscapeDiff(old: before, new: after)
        let pilot = try #require(diff.pilots.first)
        #expect(pilot.before.finish?.description == "2026-12-14" && pilot.after.finish?.description == "2026-12-16")
        #expect(pilot.before.finishDays == pilot.after.finishDays && pilot.why == ["calendar changed"])
        #expect(DiffWriter(oldName: "a", newName: "b").text(diff).contains("  p: finish 2026-12-14 → 2026-12-16 (calendar changed)"))
    }
}
