/// What the shape of the flow graph alone says, independent of pending work: single points
/// of failure (articulation points and bridges of the undirected flow graph), betweenness
/// when asked for, and redundant flows. Computed beside the work plan and the pilots, as
/// none of them needs it.
///
/// ```swift
/// let structure = FlowGraphStructure(LandscapeIndex(landscape), options: AnalysisOptions())
/// structure.articulationPoints.contains(0)
/// ```
public struct FlowGraphStructure: Sendable {
    public let articulationPoints: Bitset
    public let bridges: Bitset
    public let betweenness: Betweenness?
    /// Flow indices, ascending.
    public let redundantFlows: [UInt32]

    public init(_ index: LandscapeIndex, options: AnalysisOptions) {
        let exact = index.systemCount <= options.betweennessExactLimit
        betweenness = options.computesBetweenness
            ? Betweenness(index.flowGraph, sampleSize: exact ? nil : options.betweennessSampleSize, seed: options.seed)
            : nil
        let cuts = Biconnectivity(nodeCount: index.systemCount, edges: Array(zip(index.flowSource, index.flowTarget)))
        var articulation = Bitset(count: index.systemCount)
        for node in cuts.articulationPoints { articulation.insert(node) }
        var bridges = Bitset(count: index.flowCount)
        for edge in cuts.bridges { bridges.insert(edge) }
        articulationPoints = articulation
        self.bridges = bridges
        redundantFlows = RedundantFlows(index).flows
    }
}
