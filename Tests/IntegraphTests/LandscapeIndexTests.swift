import Foundation
import Testing

@testable import Integraph

/// The index reads flows in blocks on several cores; whatever the blocks, it must number
/// and list everything exactly as one pass in model order would.
@Suite struct LandscapeIndexTests {
    @Test func blocksGiveTheSameIndexAsOnePass() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount > 1, "needs two cores to read flows in blocks")
        var random = SeededRandom(seed: 77)
        let labels = (0..<9).map { "label\($0)" }
        var landscape = Landscape(
            teams: [Team(id: "t0"), Team(id: "t1")],
            systems: (0..<30).map { System(id: "s\($0)", owner: $0 % 3 == 0 ? nil : Reference("t\($0 % 2)", at: .start)) })
        landscape.flows = (0..<400).map { number in
            let from = Int(random.next() % 30)
            // Labels in random order, some repeated, so renumbering must re-sort them.
            let data = (0..<Int(random.next() % 4)).map { _ in labels[Int(random.next() % 9)] }
            return Flow(
                id: "f\(number)", from: Reference("s\(from)", at: .start), to: Reference("s\((from + 1 + number % 29) % 30)", at: .start),
                data: data, owner: number % 5 == 0 ? Reference("t1", at: .start) : nil,
                after: number % 7 == 0 ? [Reference("f\(number / 2)", at: .start)] : [])
        }
        let single = LandscapeIndex(landscape, flowsPerBlock: 1_000)
        let blocked = LandscapeIndex(landscape, flowsPerBlock: 3)
        #expect(single.labelIndex == blocked.labelIndex)
        #expect(single.flowSource == blocked.flowSource && single.flowTarget == blocked.flowTarget)
        #expect(single.flowOwner == blocked.flowOwner)
        for flow in 0..<UInt32(landscape.flows.count) {
            let labels = Array(blocked.flowLabels(flow))
            #expect(Array(single.flowLabels(flow)) == labels)
            #expect(labels == labels.sorted() && Set(labels).count == labels.count)
            #expect(blocked.flowIndex(of: "f\(flow)") == single.flowIndex(of: "f\(flow)"))
        }
        // One pass numbers labels by first appearance.
        var expected: [String: UInt32] = [:]
        for label in landscape.flows.flatMap(\.data) where expected[label] == nil { expected[label] = UInt32(expected.count) }
        #expect(blocked.labelIndex == expected)
        // Landscape.flowOwners() states the same owner rule by id.
        let owners = landscape.flowOwners()
        for (number, flow) in landscape.flows.enumerated() {
            let owner = blocked.flowOwner[number]
            let expectedOwner: String? = owner == LandscapeIndex.none ? nil : landscape.teams[Int(owner)].id
            #expect(owners[flow.id] == expectedOwner)
        }
    }
}
