import ArgumentParser
import Integraph

/// `integraph generate --systems N --seed S`: writes a synthetic landscape model.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded synthetic landscape, for benchmarks and scale tests.",
        discussion: """
            A heavy-tailed flow graph (about four flows per system, targets by preferential \
            attachment), with domains, teams, data labels, a realistic mix of statuses and \
            efforts, gates and pilots. The same options write the same bytes. The syntax \
            follows the output's extension (.json is JSON, anything else YAML).
            """)

    @Option(help: "How many systems.")
    var systems: Int

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "Average flows per system.")
    var flowsPerSystem = 4.0

    @Option(name: .shortAndLong, help: "Where to write the model; - for standard output (YAML).")
    var output = "-"

    /// Big enough for any benchmark here, small enough to fit in memory.
    static let systemLimit = 5_000_000
    static let flowLimit = 20_000_000

    func validate() throws {
        guard (2...Self.systemLimit).contains(systems) else {
            throw ValidationError("--systems must be between 2 and 5,000,000, not \(systems).")
        }
        guard flowsPerSystem.isFinite, flowsPerSystem >= 0, flowsPerSystem <= 50 else {
            throw ValidationError("--flows-per-system must be between 0 and 50.")
        }
        guard Double(systems) * flowsPerSystem <= Double(Self.flowLimit) else {
            throw ValidationError("--systems × --flows-per-system must be at most 20,000,000 flows.")
        }
    }

    func run() throws {
        let landscape = LandscapeGenerator(systems: systems, seed: seed, flowsPerSystem: flowsPerSystem).landscape()
        let text = LandscapeWriter(syntax: ModelSource(argument: output).syntax).write(landscape)
        try OutputDestination.write(Array(text.utf8), to: output)
    }
}
