/// A closed set of words that a model key accepts, such as a flow's `status`.
///
/// The decoder uses `allowedValues` to refuse anything else with a did-you-mean suggestion.
///
/// ```swift
/// FlowStatus.allowedValues // ["live", "in-progress", "backlog", "blocked"]
/// ```
package protocol ModelEnumeration: RawRepresentable<String>, CaseIterable, Sendable, Hashable {}

extension ModelEnumeration {
    public static var allowedValues: [String] { allCases.map(\.rawValue) }
}
