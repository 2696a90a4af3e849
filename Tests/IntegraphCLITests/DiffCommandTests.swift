import Foundation
import Testing

let gitCommand = ["/usr/bin/git", "/usr/local/bin/git"].first(where: FileManager.default.isExecutableFile)

@Suite struct DiffCommandTests {
    static let model =
        "integraph: 1\nteams: [{id: t}]\nsystems: [{id: a, owner: t}, {id: b, owner: t}]\n"
        + "flows: [{from: a, to: b, data: [x], effort: 3, status: backlog}]\npilots: [{id: p, champion: C, needs: [b]}]\n"

    static func write(_ text: String, _ name: String, in directory: URL) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func diffExitsZeroWithOrWithoutChanges() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write(Self.model, "old.yaml", in: directory)
        try Self.write(Self.model.replacingOccurrences(of: "effort: 3", with: "effort: 5"), "new.yaml", in: directory)
        let same = try CommandRunner.integraph(["diff", "old.yaml", "old.yaml", "--start", "2026-12-01"], in: directory)
        #expect(same.status == 0)
        #expect(same.stdout == "Changes from old.yaml to old.yaml, as of 2026-12-01\nNo changes.\n")
        let changed = try CommandRunner.integraph(["diff", "old.yaml", "new.yaml", "--start", "2026-12-01"], in: directory)
        #expect(changed.status == 0)
        #expect(changed.stdout.contains("  a->b: effort 3 d → 5 d"))
        #expect(changed.stdout.contains("  p: duration 3 d → 5 d"))
        #expect(changed.stdout.contains("(re-estimated: a->b (3 d → 5 d))"))
        let broken = try CommandRunner.integraph(["diff", "old.yaml", "missing.yaml"], in: directory)
        #expect(broken.status == 2)
        // A revision that git would take as an option is refused before git runs.
        let option = try CommandRunner.integraph(["diff", "git:--output=written:old.yaml", "old.yaml"], in: directory)
        #expect(option.status == 2)
        #expect(option.stderr.contains("git:--output=written:old.yaml: a git snapshot is written git:REVISION:PATH"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("written").path))
    }

    @Test func anEmptyOldFileIsAnEmptyLandscape() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write("", "empty.yaml", in: directory)
        try Self.write(Self.model, "new.yaml", in: directory)
        let result = try CommandRunner.integraph(["diff", "empty.yaml", "new.yaml", "--format", "json"], in: directory)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let added = try #require(json["added"] as? [String: [String]])
        #expect(added == ["systems": ["a", "b"], "flows": ["a->b"], "gates": [], "pilots": ["p"], "teams": ["t"]])
    }

    @Test func observedWordsItAsDrift() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let declared =
            "integraph: 1\nsystems: [{id: a}, {id: b}, {id: c}]\n"
            + "flows: [{from: a, to: b}, {from: b, to: c, status: backlog, effort: 2}, {from: c, to: a}]\n"
        let observed = "integraph: 1\nsystems: [{id: a}, {id: b}, {id: c}, {id: d}]\nflows: [{from: a, to: b}, {from: b, to: c}, {from: d, to: a}]\n"
        try Self.write(declared, "declared.yaml", in: directory)
        try Self.write(observed, "observed.yaml", in: directory)
        let result = try CommandRunner.integraph(["diff", "declared.yaml", "observed.yaml", "--observed"], in: directory)
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                Drift: observed.yaml (what runs) against declared.yaml (what is declared), as of 2026-12-01

                Run but never declared (2)
                  d->a
                  system d

                Declared live but never seen (1)
                  c->a

                Running though declared as pending (1)
                  b->c

                """)
    }

    @Test(.enabled(if: gitCommand != nil, "needs git"))
    func aGitRevisionIsASnapshot() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func git(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(gitCommand))
            process.arguments = ["-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments
            process.currentDirectoryURL = directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try git(["init", "-q"])
        try Self.write(Self.model, "m.yaml", in: directory)
        try git(["add", "m.yaml"])
        try git(["commit", "-q", "-m", "first"])
        try Self.write(Self.model.replacingOccurrences(of: "{id: b, owner: t}", with: "{id: b, owner: t}, {id: c, owner: t}"), "m.yaml", in: directory)
        let result = try CommandRunner.integraph(["diff", "git:HEAD:m.yaml", "m.yaml", "--format", "json"], in: directory)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"added\": {\"systems\": [\"c\"]"))
        let missing = try CommandRunner.integraph(["diff", "git:HEAD:nope.yaml", "m.yaml"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("git:HEAD:nope.yaml: git could not read it"))
    }

    @Test func theDiffViewColoursWhatChanged() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write(Self.model, "old.yaml", in: directory)
        try Self.write(Self.model.replacingOccurrences(of: "flows: [", with: "flows: [{from: b, to: a}, "), "new.yaml", in: directory)
        let result = try CommandRunner.integraph(["render", "new.yaml", "--view", "diff", "--against", "old.yaml", "-o", "d.svg"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: directory.appendingPathComponent("d.svg"), encoding: .utf8)
        let added = try #require(svg.range(of: "<g id=\"b&#45;&gt;a\" class=\"edge\">"))
        #expect(svg[added.upperBound...].prefix(400).contains("stroke=\"#009e73\""))
        let alone = try CommandRunner.integraph(["render", "new.yaml", "--view", "diff", "-o", "d.svg"], in: directory)
        #expect(alone.status == 2)
    }
}
