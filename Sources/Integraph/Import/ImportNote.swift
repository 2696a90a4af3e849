/// Something an importer says about what it read: an entity it left out and why, or a gap
/// it filled (a placeholder for a dangling reference), located in the source file. Its
/// `category` says what kind of thing was left out, so that the command line can count
/// each kind in one summary line and list them only with `--verbose`.
///
/// ```swift
/// for note in result.skipped { print(note) } // "k8s/redis.yaml:3:1: skipped ConfigMap 'redis-conf': not a workload"
/// ```
package struct ImportNote: Error, Sendable, Hashable, CustomStringConvertible {
    /// What a skipped note is about, in the order the summary line names them.
    public enum Category: Sendable, Hashable, CaseIterable {
        /// A call to a health, readiness or metrics endpoint: no business data moves.
        case healthCall
        /// A service naming itself (`OTEL_SERVICE_NAME=ad` in `ad`).
        case selfReference
        /// Anything else left out: objects that are not systems, files that are not read.
        case entry
        /// A variable a value refers to that nothing sets (`${INSTRUMENTATION_KEY}`).
        case unresolvedVariable
    }

    public let file: String
    public let position: SourcePosition
    public let message: String
    public let category: Category

    public init(file: String, position: SourcePosition, message: String, category: Category = .entry) {
        self.file = file
        self.position = position
        self.message = message
        self.category = category
    }

    public var description: String { "\(file):\(position.line):\(position.column): \(message)" }

    /// One line counting `notes` by category, the way the command line reports them without
    /// `--verbose`; `nil` when there are none.
    ///
    /// ```swift
    /// ImportNote.summary(of: result.skipped)
    /// // "skipped 15 health and metrics calls, 17 self-references and 3 other entries; 4 variables unresolved"
    /// ```
    public static func summary(of notes: [ImportNote]) -> String? {
        var counts: [Category: Int] = [:]
        for note in notes { counts[note.category, default: 0] += 1 }
        var skipped: [String] = []
        if let health = counts[.healthCall] {
            skipped.append(Wording.counted(health, "health and metrics call"))
        }
        if let selves = counts[.selfReference] { skipped.append(Wording.counted(selves, "self-reference")) }
        if let entries = counts[.entry] {
            let noun = skipped.isEmpty ? "entry" : "other entry"
            skipped.append(Wording.counted(entries, noun, plural: skipped.isEmpty ? "entries" : "other entries"))
        }
        var parts: [String] = []
        if !skipped.isEmpty {
            let list = skipped.count == 1 ? skipped[0] : skipped.dropLast().joined(separator: ", ") + " and " + skipped[skipped.count - 1]
            parts.append("skipped " + list)
        }
        if let variables = counts[.unresolvedVariable] {
            parts.append("\(Wording.counted(variables, "variable")) unresolved")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
