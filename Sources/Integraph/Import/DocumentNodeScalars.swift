extension DocumentNode {
    /// The same tree with every scalar replaced by `transform` of it (keys are left as they
    /// are). Walks with an explicit stack, so a deep document cannot exhaust the call stack:
    /// O(nodes).
    ///
    /// ```swift
    /// let upper = node.mappingScalars { scalar, _ in .init(text: scalar.text.uppercased(), style: scalar.style) }
    /// ```
    func mappingScalars(_ transform: (Scalar, SourcePosition) -> Scalar) -> DocumentNode {
        /// A list or mapping being rebuilt: its children done so far.
        struct Frame {
            let node: DocumentNode
            var done: [DocumentNode] = []
        }
        var stack: [Frame] = []
        var finished: DocumentNode?
        var pending: DocumentNode? = self
        while true {
            if let node = pending {
                pending = nil
                switch node.value {
                case .scalar(let scalar): finished = DocumentNode(.scalar(transform(scalar, node.position)), at: node.position)
                case .sequence, .mapping: stack.append(Frame(node: node))
                }
            }
            guard var frame = stack.popLast() else { break }
            if let child = finished {
                frame.done.append(child)
                finished = nil
            }
            switch frame.node.value {
            case .sequence(let items) where frame.done.count < items.count:
                pending = items[frame.done.count]
                stack.append(frame)
            case .mapping(let entries) where frame.done.count < entries.count:
                pending = entries[frame.done.count].value
                stack.append(frame)
            case .mapping(var entries):
                for index in entries.indices { entries[index].value = frame.done[index] }
                finished = DocumentNode(.mapping(entries), at: frame.node.position)
            case .sequence, .scalar:
                finished = DocumentNode(.sequence(frame.done), at: frame.node.position)
            }
        }
        return finished ?? self
    }
}
