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
        // Cut points and redundant flows are independent: side by side.
        let (cuts, redundant) = concurrently(
            { Biconnectivity(nodeCount: index.systemCount, edges: Array(zip(index.flowSource, index.flowTarget))) },
            { RedundantFlows(index).flows })
        var articulation = Bitset(count: index.systemCount)
        for node in cuts.articulationPoints { articulation.insert(node) }
        var bridges = Bitset(count: index.flowCount)
        for edge in cuts.bridges { bridges.insert(edge) }
        articulationPoints = articulation
        self.bridges = bridges
        redundantFlows = redundant
    }
}
