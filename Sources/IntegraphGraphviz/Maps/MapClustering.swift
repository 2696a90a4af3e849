/// How the `landscape` view groups systems into boxes.
public enum MapClustering: String, Sendable, CaseIterable {
    case domain, team, none
}
