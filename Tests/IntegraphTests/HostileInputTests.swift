import Foundation
import Testing

@testable import Integraph

/// Input that is not a model at all, or is built to hurt: a clear located error, never a
/// crash, and bounded time and memory.
@Suite struct HostileInputTests {
    func read(_ bytes: [UInt8], name: String = "bad.yaml") -> ModelReport {
        LandscapeReader().read(bytes: bytes, source: .file(name))
    }

    @Test func emptyFile() {
        #expect(read([]).errors.map(\.description) == ["bad.yaml:1:1: error: the file is empty: a model starts with 'integraph: 1'"])
        #expect(read(Array("# only a comment\n".utf8)).hasErrors)
        #expect(read([], name: "empty.json").errors.first?.message.hasPrefix("the file is empty") == true)
    }

    @Test func binaryBytes() {
        var generator = SystemRandomNumberGenerator()
        let bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let report = read(bytes)
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.message.contains("binary") == true)
        #expect(
            read([0x61, 0x3A, 0x20, 0x00, 0x62], name: "nul.json").errors.first?.description
                == "nul.json:1:4: error: the file holds a NUL byte: it is binary, not a YAML or JSON model")
    }

    @Test func invalidUTF8IsLocated() {
        let bytes = Array("integraph: 1\nname: caf".utf8) + [0xE9, 0x0A]
        #expect(
            read(bytes).errors.map(\.description)
                == ["bad.yaml:2:10: error: the file is not UTF-8 text: it is binary or in another encoding"])
    }

    @Test func aFiftyMegabyteLine() {
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 50 * 1024 * 1024)
        let report = read(bytes)
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.message.hasPrefix("the model: expected a mapping of keys") == true)
    }

    @Test func deepNestingIsRefused() {
        let depth = 100_000
        let yaml = "integraph: 1\nname: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let yamlReport = read(Array(yaml.utf8))
        #expect(yamlReport.errors.count == 1)
        #expect(yamlReport.errors.first?.message.contains("nesting") == true || yamlReport.errors.first?.message.contains("nest") == true)

        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let jsonReport = read(Array(json.utf8), name: "deep.json")
        #expect(
            jsonReport.errors.map(\.description)
                == ["deep.json:1:1001: error: lists and mappings nest more than 1000 levels deep; refused"])
    }

    @Test func aliasBombIsRefused() {
        var yaml = "integraph: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        yaml += "name: *a9\n"
        let report = read(Array(yaml.utf8))
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.message.contains("expands to too many values") == true)
    }

    @Test func duplicateKeysAreRefused() {
        #expect(read(Array("integraph: 1\nname: a\nname: b\n".utf8)).errors.first?.message == "duplicate key 'name' in one mapping")
        #expect(
            read(Array("{\"integraph\": 1, \"integraph\": 1}".utf8), name: "d.json").errors.map(\.description)
                == ["d.json:1:18: error: duplicate key 'integraph' in one object"])
    }

    @Test func jsonEdgeCases() throws {
        let parser = JSONDocumentParser()
        let node = try #require(try parser.parse(Array(#"{"s": "a\u00e9\ud83d\ude00\n", "n": -1.5e3, "t": true, "z": null}"#.utf8)))
        guard case .mapping(let entries) = node.value else { Issue.record("not a mapping"); return }
        #expect(entries.map(\.key) == ["s", "n", "t", "z"])
        guard case .scalar(let s) = entries[0].value.value else { Issue.record("not a scalar"); return }
        #expect(s == .init(text: "aé😀\n", style: .quoted))
        #expect(throws: DocumentSyntaxError.self) { try parser.parse(Array("[1,]".utf8)) }
        #expect(throws: DocumentSyntaxError.self) { try parser.parse(Array("01".utf8)) }
        #expect(throws: DocumentSyntaxError.self) { try parser.parse(Array(#""\ud800""#.utf8)) }
        #expect(throws: DocumentSyntaxError.self) { try parser.parse(Array("{} {}".utf8)) }
    }

    /// Real public files in other formats (Backstage catalogs, Kubernetes manifests, compose
    /// files, traces): each must give located errors, never a crash.
    @Test(.enabled(if: sharedDatasets != nil, "needs ../shared/datasets beside the checkout"))
    func realWorldFilesInOtherFormatsFailCleanly() throws {
        let datasets = try #require(sharedDatasets)
        let enumerator = FileManager.default.enumerator(at: datasets, includingPropertiesForKeys: nil)
        var checked = 0
        while let url = enumerator?.nextObject() as? URL {
            guard ["yaml", "yml", "json"].contains(url.pathExtension.lowercased()) else { continue }
            let report = try LandscapeReader().read(.file(url.path))
            checked += 1
            #expect(report.hasErrors, "\(url.path) was taken for a model")
            for finding in report.findings {
                #expect(finding.line >= 1 && finding.column >= 1 && finding.file == url.path)
            }
        }
        #expect(checked > 10)
    }
}

/// Ids and references past ``ModelLimits/maximumIDLength`` are located errors, and messages
/// quote a long id by its first characters and its length.
@Suite struct LongIDTests {
    @Test func anIdOrReferenceTooLongIsALocatedError() {
        let yaml =
            "integraph: 1\nsystems:\n  - {id: \(String(repeating: "x", count: 600))}\n  - {id: b}\nflows:\n  - {from: b, to: \(String(repeating: "y", count: 2_000))}\n"
        let report = LandscapeReader().read(bytes: Array(yaml.utf8), source: .file("m.yaml"))
        let errors = report.errors.map { "\($0.position.line):\($0.position.column): \($0.message)" }
        #expect(
            errors == [
                "3:10: system '\(String(repeating: "x", count: 60))… (600 characters)': 'id' is 600 characters long; an id has at most 512",
                "6:19: flow #1: 'to' is 2,000 characters long; an id has at most 512"
            ])
        let fits = "integraph: 1\nsystems:\n  - {id: \(String(repeating: "x", count: 512))}\n"
        #expect(LandscapeReader().read(bytes: Array(fits.utf8), source: .file("m.yaml")).validLandscape != nil)
    }
}
