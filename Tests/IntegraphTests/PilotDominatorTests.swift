import Testing

@testable import Integraph

/// Pilot dominators on generated landscapes against the definition, checked by deletion:
/// a lineage system dominates when no lineage path from a system of a source component
/// (found by mutual reachability) to a needed system avoids it.
@Suite struct PilotDominatorTests {
    @Test(arguments: 0..<24)
    func pilotDominatorsEqualDeletion(seed: UInt64) throws {
        // Sparse enough that lineages have chains and cycles; pilots need one or two systems,
        // some through a data filter, some with an explicit flow.
        var landscape = LandscapeGenerator(systems: 20 + Int(seed % 5) * 10, seed: seed, flowsPerSystem: 1.1 + Double(seed % 3) * 0.3)
            .landscape()
        var random = SeededRandom(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let labels = Array(Set(landscape.flows.flatMap(\.data))).sorted()
        landscape.pilots = (0..<8).map { number in
            let needs = (0..<(1 + Int(random.next() % 2))).map { _ in
                let system = Reference(pick(landscape.systems).id, at: .start)
                return random.next() % 2 == 0 || labels.isEmpty ? PilotNeed(system: system) : PilotNeed(system: system, data: [pick(labels)])
            }
            let flows = random.next() % 4 == 0 ? [Reference(pick(landscape.flows).id, at: .start)] : []
            return Pilot(id: "p\(number)", needs: needs, flows: flows, effort: .days(1))
        }
        let index = LandscapeIndex(landscape)
        var options = AnalysisOptions()
        options.samples = 10
        let analysis = LandscapeAnalysis(try ValidatedLandscape(validating: landscape), options: options)
        for pilot in analysis.pilots {
            let lineage = pilot.lineage
            let systems = Array(lineage.systems)
            let edges = lineage.flows.map { (index.flowSource[Int($0)], index.flowTarget[Int($0)]) }
            func reachable(from starts: [UInt32], without removed: UInt32?) -> Set<UInt32> {
                var seen = Set(starts.filter { $0 != removed })
                var queue = Array(seen)
                while let node = queue.popLast() {
                    for (from, to) in edges where from == node && to != removed && seen.insert(to).inserted { queue.append(to) }
                }
                return seen
            }
            let reach = Dictionary(uniqueKeysWithValues: systems.map { ($0, reachable(from: [$0], without: nil)) })
            // A source component: no lineage flow enters it from a system it cannot reach back.
            let sources = systems.filter { system in
                !edges.contains { from, to in
                    reach[system, default: []].contains(to) && reach[to, default: []].contains(system)
                        && !(reach[system, default: []].contains(from) && reach[from, default: []].contains(system))
                }
            }
            let needed = lineage.neededSystems
            let expected = systems.filter { candidate in
                reachable(from: sources, without: candidate).isDisjoint(with: needed.filter { $0 != candidate })
            }.map { landscape.systems[Int($0)].id }.sorted()
            #expect(pilot.dominators == expected, "seed \(seed) \(pilot.pilot.id)")
        }
    }
}
