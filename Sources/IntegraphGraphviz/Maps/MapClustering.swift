/// How the `landscape` view groups systems into boxes.
///
/// ```swift
/// let renderer = MapRenderer(view: .landscape, clustering: .team)
/// ```
public enum MapClustering: String, Sendable, CaseIterable {
    case domain, team, none
}
