/// Did-you-mean suggestions for misspelt keys, values and ids.
///
/// ```swift
/// Suggestion.closest(to: "onwer", among: ["owner", "name"]) // "owner"
/// Suggestion.phrase(for: "zzz", among: ["owner"]) // ""
/// ```
package enum Suggestion {
    /// The candidate nearest to `word` by edit distance, if it is near enough to be a typo:
    /// at most a third of the word's length (at least 1, at most 3 edits), and never a
    /// replacement of every character. Ties go to the candidate that sorts first, so the
    /// answer is deterministic.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let limit = min(3, max(1, word.count / 3))
        var best: (distance: Int, candidate: String)?
        for candidate in candidates where abs(candidate.count - word.count) <= limit {
            let distance = editDistance(word, candidate, limit: limit)
            guard distance <= limit, distance < max(word.count, candidate.count) else { continue }
            if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.candidate
    }

    /// `" (did you mean 'x'?)"`, or nothing when no candidate is close.
    public static func phrase(for word: String, among candidates: some Sequence<String>) -> String {
        phrase(suggesting: closest(to: word, among: candidates))
    }

    /// " (did you mean 'CANDIDATE'?)", or "" without one: the words every suggestion uses,
    /// for callers that find the candidate their own way.
    ///
    /// ```swift
    /// Suggestion.phrase(suggesting: "thu") // " (did you mean 'thu'?)"
    /// ```
    public static func phrase(suggesting candidate: String?) -> String {
        candidate.map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions, so
    /// `onwer` is one edit from `owner`), case-insensitive, in O(|a|·|b|) time and O(|b|)
    /// space; stops early once a whole row exceeds `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.lowercased().unicodeScalars)
        let b = Array(b.lowercased().unicodeScalars)
        guard !a.isEmpty else { return b.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return rowMinimum }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
