/// Reads Jaeger's service dependency links, `{"parent", "child", "callCount"}`, into the
/// calls they count: the parent service calls the child `callCount` times. Jaeger derives
/// them from its traces and keeps only these totals, so they are the way in for meshes too
/// big to export as spans. The links are read wherever the JSON holds them: a bare list,
/// `/api/dependencies`' `{"data": […]}`, API v3's `{"dependencies": […]}`, the documents
/// the Spark dependencies job stores (`{"timestamp", "dependencies": […]}`), singly, in a
/// list or in an Elasticsearch answer. Links of one pair, from several days say, are one
/// call with their counts added; `callCount` may be a number or, as protobuf's JSON writes
/// 64-bit numbers, a string, and is 0 when left out. Service names are lower-cased, as
/// `traces` writes them. O(size of the file).
///
/// ```swift
/// var builder = ImportBuilder(source: "dependencies")
/// DependenciesImporter().read([ImportSource(name: "deps.json", text: #"{"data": [{"parent": "frontend", "child": "cart", "callCount": 42}]}"#)], into: &builder)
/// ```
package struct DependenciesImporter: Sendable {
    public init() {}

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        for file in files {
            guard let root = file.jsonRoot(readAs: .dependencies, into: &builder) else { continue }
            var links = 0
            // Depth-first in document order, with a stack: a hostile nesting cannot overflow it.
            var pending = [root]
            while let node = pending.popLast() {
                if node["parent"] != nil || node["child"] != nil {
                    links += 1
                    read(link: node, file: file.name, into: &builder)
                } else if case .sequence(let items) = node.value {
                    pending.append(contentsOf: items.reversed())
                } else {
                    pending.append(contentsOf: node.entries.reversed().map(\.value))
                }
            }
            if links == 0 {
                let hint = TraceFormat.sniff(root)?.hint(readAs: .dependencies) ?? "it holds no dependency links (parent, child, callCount)"
                builder.skipFile(ImportNote(file: file.name, position: root.position, message: "skipped the file: \(hint)"))
            }
        }
    }

    private func read(link: DocumentNode, file: String, into builder: inout ImportBuilder) {
        func skip(_ reason: String) {
            builder.skip(ImportNote(file: file, position: link.position, message: "skipped a dependency link: \(reason)"))
        }
        guard let parent = TracesImporter.serviceID(link["parent"]?.text), let child = TracesImporter.serviceID(link["child"]?.text)
        else { return skip("it needs a parent and a child service") }
        var calls = 0
        if let count = link["callCount"] ?? link["call_count"] {
            guard let text = count.text, let value = ImportCount.parse(text) else {
                let shown = count.text.map { "'\($0)'" } ?? count.kindDescription
                return skip("callCount \(shown) is not a count of calls (a whole number from 0 to 10^15)")
            }
            calls = value
        }
        for service in [parent, child] where !builder.hasSystem(service) {
            builder.addSystem(System(id: service, kind: "service"))
        }
        builder.addCall(
            caller: parent, callee: child, attributes: ["calls": String(calls)],
            at: ImportNote(file: file, position: link.position, message: "dependency link"), counted: ["calls"])
    }
}
