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

    func validate() throws {
        guard systems >= 2 else { throw ValidationError("--systems must be at least 2.") }
        guard flowsPerSystem >= 0, flowsPerSystem <= 50 else { throw ValidationError("--flows-per-system must be between 0 and 50.") }
    }

    func run() throws {
        let landscape = LandscapeGenerator(systems: systems, seed: seed, flowsPerSystem: flowsPerSystem).landscape()
        let text = LandscapeWriter(syntax: ModelSource(argument: output).syntax).write(landscape)
        try OutputDestination.write(Array(text.utf8), to: output)
    }
}
