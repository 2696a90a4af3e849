import CGraphviz
import Foundation

/// The one owner of libgvc in this process. Every call into Graphviz goes through it.
///
/// Graphviz 2.43 is not thread-safe, not even with one context per thread (concurrent
/// layouts crash), so every call — parsing, layout, rendering and every free — runs under
/// one process-wide lock. One context is kept for the life of the process, because each
/// context leaks a little inside Graphviz. Graphviz's error and warning messages are
/// captured, never printed: errors come back in ``GraphvizError``, warnings in
/// ``Rendering/warnings``.
///
/// ```swift
/// let svg = try Graphviz.shared.render(dot: "digraph { a -> b }", engine: "dot", format: "svg")
/// ```
package final class Graphviz: @unchecked Sendable {
    /// The process-wide instance.
    public static let shared = Graphviz()

    /// The output of one render, with the warnings Graphviz gave on the way.
    package struct Rendering: Sendable {
        public var data: [UInt8]
        public var warnings: [String]
    }

    private let lock = NSLock()
    /// Created on first use, under `lock`; `nil` after a failed start.
    private var context: OpaquePointer?
    private var started = false
    /// How graphs are read; allocated once, because every graph read keeps pointers into it.
    private let readerDiscipline: UnsafeMutablePointer<integraph_reader_discipline> = {
        let discipline = UnsafeMutablePointer<integraph_reader_discipline>.allocate(capacity: 1)
        integraph_prepare_discipline(discipline)
        return discipline
    }()

    private init() {}

    /// Lays out DOT text with `engine` (dot, neato, fdp, sfdp, circo, twopi, ...) and
    /// renders it as `format` (svg, png, pdf, json, ...), in memory.
    public func render(dot text: String, engine: String, format: String) throws(GraphvizError) -> Rendering {
        lock.lock()
        defer { lock.unlock() }
        let context = try startedContext()
        let graph = try readGraph(text)
        defer { agclose(graph) }

        guard gvLayout(context, graph, engine) == 0 else {
            throw .layoutFailed(engine: engine, messages: MessageCapture.take().errors)
        }
        defer { gvFreeLayout(context, graph) }

        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, format, &buffer, &length) == 0, let buffer else {
            throw .renderFailed(format: format, messages: MessageCapture.take().errors)
        }
        let data = buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
        gvFreeRenderData(buffer)
        return Rendering(data: data, warnings: MessageCapture.take().warnings)
    }

    /// Lays out DOT text with `engine` and reads the result back: every node gains `pos`,
    /// `width` and `height`, every edge `pos` (and `lp` when labelled), the graph `bb`.
    ///
    /// ```swift
    /// let placed = try Graphviz.shared.layout(dot: "digraph { a -> b }", engine: "dot")
    /// placed.nodes.first?.attributes["pos"] // "27,90"
    /// ```
    public func layout(dot text: String, engine: String) throws(GraphvizError) -> DOTDocument {
        let placed = try render(dot: text, engine: engine, format: "dot")
        return try read(dot: String(decoding: placed.data, as: UTF8.self))
    }

    /// Reads the first graph of DOT text into a ``DOTDocument``: nodes, edges (chains and
    /// subgraph endpoints expanded by cgraph) and clusters, with their attributes.
    public func read(dot text: String) throws(GraphvizError) -> DOTDocument {
        lock.lock()
        defer { lock.unlock() }
        _ = try startedContext()
        let graph = try readGraph(text)
        defer { agclose(graph) }
        return Self.document(of: graph)
    }

    /// Parses DOT text; the caller closes the graph. Called with `lock` held.
    private func readGraph(_ text: String) throws(GraphvizError) -> UnsafeMutablePointer<Agraph_t> {
        MessageCapture.clear()
        var utf8 = Array(text.utf8)
        let graph = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    integraph_read_graph(readerDiscipline, $0, buffer.count)
                }
            } ?? nil
        }
        // 2.43 keeps scanner state after a call; without a reset the next parse can fail or
        // silently return this graph again.
        integraph_reset_scanner()
        guard let graph else { throw .unreadableGraph(messages: MessageCapture.take().errors) }
        return graph
    }

    /// Walks a graph read by cgraph; called with `lock` held.
    private static func document(of graph: UnsafeMutablePointer<Agraph_t>) -> DOTDocument {
        func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
        func attributes(_ object: UnsafeMutableRawPointer, kind: Int32) -> [String: String] {
            var result: [String: String] = [:]
            var symbol = agnxtattr(graph, kind, nil)
            while let current = symbol {
                let value = text(agxget(object, current))
                if !value.isEmpty { result[text(current.pointee.name)] = value }
                symbol = agnxtattr(graph, kind, current)
            }
            return result
        }
        var nodes: [DOTDocument.Node] = [], edges: [DOTDocument.Edge] = []
        var node = agfstnode(graph)
        while let current = node {
            nodes.append(DOTDocument.Node(name: text(agnameof(current)), attributes: attributes(UnsafeMutableRawPointer(current), kind: AGNODE)))
            var edge = agfstout(graph, current)
            while let out = edge {
                edges.append(
                    DOTDocument.Edge(
                        tail: text(agnameof(integraph_edge_tail(out))), head: text(agnameof(integraph_edge_head(out))),
                        attributes: attributes(UnsafeMutableRawPointer(out), kind: AGEDGE)))
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        // Clusters, outer before inner, by an explicit stack: nesting depth is the file's.
        var clusters: [DOTDocument.Cluster] = []
        var stack: [UnsafeMutablePointer<Agraph_t>] = []
        var child = agfstsubg(graph)
        while let current = child { stack.append(current); child = agnxtsubg(current) }
        stack.reverse()
        while let subgraph = stack.popLast() {
            let name = text(agnameof(subgraph))
            if name.hasPrefix("cluster") {
                var members: [String] = []
                var member = agfstnode(subgraph)
                while let current = member { members.append(text(agnameof(current))); member = agnxtnode(subgraph, current) }
                let label = text(integraph_get(UnsafeMutableRawPointer(subgraph), "label"))
                clusters.append(DOTDocument.Cluster(name: name, label: label.isEmpty ? nil : label, members: members))
            }
            var inner: [UnsafeMutablePointer<Agraph_t>] = []
            var next = agfstsubg(subgraph)
            while let current = next { inner.append(current); next = agnxtsubg(current) }
            stack += inner.reversed()
        }
        return DOTDocument(
            name: text(agnameof(graph)), isDirected: agisdirected(graph) != 0,
            attributes: attributes(UnsafeMutableRawPointer(graph), kind: AGRAPH), nodes: nodes, edges: edges,
            clusters: clusters)
    }

    /// Whether the 2.43 scanner reset is available in the loaded libcgraph.
    public var canResetScanner: Bool { integraph_scanner_reset_available() != 0 }

    /// Must be called with `lock` held.
    private func startedContext() throws(GraphvizError) -> OpaquePointer {
        if !started {
            started = true
            agseterr(AGWARN)
            _ = agseterrf(MessageCapture.sink)
            if let created = gvContext() {
                if integraph_plugin_count(created, "layout") > 0, integraph_plugin_count(created, "render") > 0 {
                    context = created
                } else {
                    gvFreeContext(created)
                }
            }
            MessageCapture.clear()
        }
        guard let context else { throw .noPlugins }
        return context
    }
}

/// Collects what cgraph and gvc report through `agseterrf`. Messages arrive in pieces
/// (`"Error"`, `": "`, `"syntax error in line 1 ...\n"`), so they are joined and split on
/// newlines when taken. Only touched under ``Graphviz``'s lock.
private enum MessageCapture {
    nonisolated(unsafe) static var text = ""

    static let sink: agusererrf = { message in
        if let message { MessageCapture.text += String(cString: message) }
        return 0
    }

    static func clear() { text = "" }

    static func take() -> (errors: [String], warnings: [String]) {
        defer { text = "" }
        var errors: [String] = []
        var warnings: [String] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if let rest = trimmed.dropPrefix("Warning:") {
                warnings.append(rest)
            } else {
                errors.append(trimmed.dropPrefix("Error:") ?? trimmed)
            }
        }
        return (errors, warnings)
    }
}

private extension String {
    func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? dropFirst(prefix.count).trimmingCharacters(in: .whitespaces) : nil
    }
}
