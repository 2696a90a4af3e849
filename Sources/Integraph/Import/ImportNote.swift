/// Something an importer says about what it read: an entity it left out and why, or a gap
/// it filled (a placeholder for a dangling reference), located in the source file.
///
/// ```swift
/// for note in result.skipped { print(note) } // "k8s/redis.yaml:3:1: skipped ConfigMap 'redis-conf': not a workload"
/// ```
package struct ImportNote: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let position: SourcePosition
    public let message: String

    public init(file: String, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    public var description: String { "\(file):\(position.line):\(position.column): \(message)" }
}
