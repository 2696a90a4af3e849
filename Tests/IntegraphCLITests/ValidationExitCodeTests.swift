import Foundation
import Testing

/// Each validation rule through the command line: the exact located line, with its rule id,
/// and exit status 1.
/// (The core's tests cover the rules' messages in depth; these hold the CLI to them.)
@Suite struct ValidationExitCodeTests {
    static let header = "integraph: 1\nteams: [{id: t}]\nsystems: [{id: a, owner: t}, {id: b, owner: t}]\n"

    static let cases: [(body: String, expected: String)] = [
        ("flows: [{from: a, to: b", "m.yaml:5:1: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at 4:9) [syntax]"),
        ("flows: [{from: a, to: b, data: x}]", "m.yaml:4:32: error: flow 'a->b': 'data' must be a list, found 'x' [schema]"),
        ("flows: [{from: a}]", "m.yaml:4:9: error: flow #1: missing required key 'to' [schema]"),
        ("gates: [{id: a, owner: t, effort: 1}]", "m.yaml:4:9: error: gate 'a': duplicate id, already used by the system at line 3 [duplicate-id]"),
        ("flows: [{from: a, to: c}]", "m.yaml:4:23: error: flow 'a->c': 'to' names unknown system 'c' [unknown-reference]"),
        ("flows: [{from: a, to: b, owner: x}]", "m.yaml:4:33: error: flow 'a->b': 'owner' names unknown team 'x' [unknown-reference]"),
        ("flows: [{from: a, to: b, after: [x]}]", "m.yaml:4:34: error: flow 'a->b': 'after' names unknown system, flow or gate 'x' [unknown-reference]"),
        ("pilots: [{id: p, champion: C, needs: [x]}]", "m.yaml:4:39: error: pilot 'p': 'needs' names unknown system 'x' [unknown-reference]"),
        ("pilots: [{id: p, champion: C, flows: [x]}]", "m.yaml:4:39: error: pilot 'p': 'flows' names unknown flow 'x' [unknown-reference]"),
        ("flows: [{from: a, to: a}]", "m.yaml:4:23: error: flow 'a->a': flows from 'a' to itself; a flow joins two different systems [self-flow]"),
        (
            "gates: [{id: g, owner: t, effort: {optimistic: 2, likely: 1, pessimistic: 3}}]",
            "m.yaml:4:35: error: gate 'g': 'effort' must have optimistic <= likely <= pessimistic, found 2 / 1 / 3 [schema]"
        ),
        (
            "pilots: [{id: p, champion: C, target: 2027-13-01}]",
            "m.yaml:4:39: error: pilot 'p': 'target' '2027-13-01' is not a calendar date [schema]"
        ),
        (
            "gates: [{id: g, owner: t, after: [h], effort: 1}, {id: h, owner: t, after: [g], effort: 1}]",
            "m.yaml:4:35: error: cycle in 'after' links: g -> h -> g (each waits for the next, so none can start) [after-cycle]"
        ),
        ("flows: [{from: a, to: b, colour: red}]", "m.yaml:4:26: error: flow 'a->b': unknown key 'colour' [schema]"),
        (
            "calendar: {workdays: [mon, tues]}",
            "m.yaml:4:28: error: calendar: 'workdays' names 'tues', which is no weekday (mon … sun or monday … sunday) (did you mean 'tue'?) [schema]"
        )
    ]

    @Test(arguments: cases)
    func ruleFailsTheCheck(body: String, expected: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try (Self.header + body + "\n").write(to: directory.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.integraph(["check", "m.yaml"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout == expected + "\n")
    }

    @Test func warningsAloneExitZero() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try (Self.header + "pilots: [{id: p}]\n").write(to: directory.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.integraph(["check", "m.yaml"], in: directory)
        #expect(result.status == 0)
        #expect(result.stdout == "m.yaml:4:10: warning: pilot 'p' has no champion: name the person accountable for it [pilot-has-champion]\n")
    }
}
