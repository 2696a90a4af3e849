import Foundation

@testable import Integraph

/// Reads model text given inline, as the file `name`.
func readModel(_ text: String, name: String = "model.yaml") -> ModelReport {
    LandscapeReader().read(bytes: Array(text.utf8), source: .file(name))
}

/// The findings as `line:column: severity: message`, without the file name.
func located(_ report: ModelReport) -> [String] {
    report.findings.map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
}

/// The root of this package, found from this source file.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shared real-world datasets beside the checkout, when present.
let sharedDatasets: URL? = {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}()

extension Landscape {
    /// The same landscape with every source position erased, to compare models read from
    /// different files or syntaxes.
    var withoutPositions: Landscape {
        func erase(_ reference: Reference) -> Reference { Reference(reference.id, at: .start) }
        var copy = self
        copy.teams = teams.map {
            var team = $0; team.position = .start; return team
        }
        copy.systems = systems.map {
            var system = $0
            system.position = .start
            system.owner = system.owner.map(erase)
            system.after = system.after.map(erase)
            return system
        }
        copy.flows = flows.map {
            var flow = $0
            flow.position = .start
            flow.from = erase(flow.from)
            flow.to = erase(flow.to)
            flow.owner = flow.owner.map(erase)
            flow.after = flow.after.map(erase)
            return flow
        }
        copy.gates = gates.map {
            var gate = $0
            gate.position = .start
            gate.owner = gate.owner.map(erase)
            gate.after = gate.after.map(erase)
            return gate
        }
        copy.pilots = pilots.map {
            var pilot = $0
            pilot.position = .start
            pilot.needs = pilot.needs.map { PilotNeed(system: erase($0.system), data: $0.data) }
            pilot.flows = pilot.flows.map(erase)
            pilot.after = pilot.after.map(erase)
            return pilot
        }
        copy.estimates = estimates.map {
            var rule = $0
            rule.position = .start
            rule.owner = rule.owner.map(erase)
            return rule
        }
        return copy
    }
}

extension DocumentNode {
    /// This document written as JSON: a second path to the same model, for round trips.
    var jsonText: String {
        switch value {
        case .scalar(let scalar):
            switch scalar.style {
            case .null: return "null"
            case .quoted: return JSONText.string(scalar.text)
            case .plain:
                return Double(scalar.text) != nil || ["true", "false"].contains(scalar.text)
                    ? scalar.text : JSONText.string(scalar.text)
            }
        case .sequence(let items):
            return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .mapping(let entries):
            return "{" + entries.map { JSONText.string($0.key) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }
}
