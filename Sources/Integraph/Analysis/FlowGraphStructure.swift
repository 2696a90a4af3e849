/// What the shape of the flow graph alone says, independent of pending work: single points
/// of failure (articulation points and bridges of the undirected flow graph), betweenness
/// when asked for, and redundant flows. None of the pilots' analyses needs it.
///
/// ```swift
/// let structure = FlowGraphStructure(validated.index, options: AnalysisOptions())
/// structure.articulationPoints.contains(0)
/// ```
package struct FlowGraphStructure: Sendable {
    public let articulationPoints: Bitset
    public let bridges: Bitset
    public let betweenness: Betweenness?
    /// Flow indices, ascending.
    public let redundantFlows: [UInt32]

    public init(_ index: LandscapeIndex, options: AnalysisOptions) {
        let exact = index.systemCount <= options.betweennessExactLimit
        betweenness =
            options.computesBetweenness
            ? Betweenness(index.flowGraph, sampleSize: exact ? nil : options.betweennessSampleSize, seed: options.seed)
            : nil
        // Cut points and redundant flows are independent: side by side, the flows' searches
        // in blocks so both cores stay busy after the cut points are done.
        let search = RedundantFlows.Search(index)
        let flowCount = index.flowCount
        let blocks = flowCount < 10_000 ? 1 : 16
        let (cuts, parts) = concurrently(
            { Biconnectivity(nodeCount: index.systemCount, edges: Array(zip(index.flowSource, index.flowTarget))) },
            alongside: blocks
        ) { block in
            search.redundant(in: UInt32(flowCount * block / blocks)..<UInt32(flowCount * (block + 1) / blocks))
        }
        let redundant = parts.flatMap { $0 }
        var articulation = Bitset(count: index.systemCount)
        for node in cuts.articulationPoints { articulation.insert(node) }
        var bridges = Bitset(count: index.flowCount)
        for edge in cuts.bridges { bridges.insert(edge) }
        articulationPoints = articulation
        self.bridges = bridges
        redundantFlows = redundant
    }
}
