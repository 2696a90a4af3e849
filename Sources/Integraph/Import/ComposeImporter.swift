import Foundation

/// Reads Docker Compose files: each service becomes a system (the file's folder its
/// domain), and `depends_on` (a list or a mapping), `links` (`service` or `service:alias`)
/// and environment values naming another service of the same file (`host`, `host:port`, a
/// URL) become calls from the service to the one it names. `depends_on` only orders
/// start-up, so each flow says what it came from in `attributes["compose"]`.
/// O(services × (dependencies + variables)).
///
/// ```swift
/// var builder = ImportBuilder(source: "compose")
/// ComposeImporter().read([ImportSource(name: "docker-compose.yml", text: text)], into: &builder)
/// ```
package struct ComposeImporter: Sendable {
    public init() {}

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        for file in files {
            switch file.yamlDocuments() {
            case .failure(let note): builder.skipFile(note)
            case .success(let documents):
                for document in documents { read(document, in: file.name, into: &builder) }
            }
        }
    }

    private func read(_ document: DocumentNode, in file: String, into builder: inout ImportBuilder) {
        guard let services = document["services"], !services.entries.isEmpty else {
            builder.skip(ImportNote(file: file, position: document.position, message: "skipped a document without 'services'"))
            return
        }
        let domain = ((file as NSString).deletingLastPathComponent as NSString).lastPathComponent
        let entries = services.entries.filter { entry in
            if case .mapping = entry.value.value { return true }
            builder.skip(
                ImportNote(
                    file: file, position: entry.keyPosition,
                    message: "skipped service '\(entry.key)': its definition is \(entry.value.kindDescription), not a mapping"))
            return false
        }
        let names = Set(entries.map(\.key))
        for entry in entries {
            var system = System(id: entry.key, kind: "service", domain: domain.isEmpty ? nil : domain)
            if let image = entry.value["image"]?.text { system.attributes["compose/image"] = image }
            builder.addSystem(system)
        }
        for entry in entries {
            let service = entry.value
            func call(_ callee: String, _ how: String, _ position: SourcePosition) {
                builder.addCall(
                    caller: entry.key, callee: callee, attributes: ["compose": how],
                    at: ImportNote(file: file, position: position, message: how))
            }
            if let dependsOn = service["depends_on"] {
                for item in dependsOn.items { if let name = item.text { call(name, "depends_on", item.position) } }
                for dependency in dependsOn.entries { call(dependency.key, "depends_on", dependency.keyPosition) }
            }
            for link in service["links"]?.items ?? [] {
                if let text = link.text, let name = text.split(separator: ":").first { call(String(name), "links", link.position) }
            }
            for (variable, value, position) in Self.environment(of: service) {
                guard let reference = HostReference(value), names.contains(reference.host) else { continue }
                call(reference.host, "environment \(variable)", position)
            }
        }
    }

    /// `environment` as a list of `NAME=value` or a mapping.
    private static func environment(of service: DocumentNode) -> [(String, String, SourcePosition)] {
        guard let environment = service["environment"] else { return [] }
        var result: [(String, String, SourcePosition)] = []
        for item in environment.items {
            guard let text = item.text, let equals = text.firstIndex(of: "=") else { continue }
            result.append((String(text[..<equals]), String(text[text.index(after: equals)...]), item.position))
        }
        for entry in environment.entries { if let value = entry.value.text { result.append((entry.key, value, entry.value.position)) } }
        return result
    }
}
