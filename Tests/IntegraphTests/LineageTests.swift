import Testing
@testable import Integraph

@Suite struct LineageTests {
    /// Shared closures are a shortcut: every pilot's lineage must be what its own walks give.
    @Test(arguments: 0..<6)
    func sharedClosuresChangeNoLineage(seed: UInt64) {
        var landscape = LandscapeGenerator(systems: 300, seed: seed, flowsPerSystem: 1.5 + Double(seed % 3)).landscape()
        // Several pilots needing the same systems in full, some also through a data filter.
        let popular = landscape.pilots.flatMap(\.needs).map(\.system)
        for (number, pilot) in landscape.pilots.enumerated() {
            landscape.pilots[number].needs = pilot.needs + [PilotNeed(system: popular[number % popular.count])]
        }
        let index = LandscapeIndex(landscape)
        let shared = Lineage.SharedClosures(for: landscape.pilots, in: index)
        #expect(shared.count > 0)
        for pilot in landscape.pilots {
            let own = Lineage(of: pilot, in: index), quick = Lineage(of: pilot, in: index, shared: shared)
            #expect(own.systems == quick.systems && own.flows == quick.flows && own.neededSystems == quick.neededSystems)
        }
        // With no budget nothing is shared.
        #expect(Lineage.SharedClosures(for: landscape.pilots, in: index, memoryBudget: 0).count == 0)
    }
}
