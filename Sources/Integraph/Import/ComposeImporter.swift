import Foundation

/// Reads Docker Compose files as `docker compose` reads them: each service becomes a system
/// (the file's folder its domain), and `depends_on` (a list or a mapping), `links`
/// (`service` or `service:alias`) and the container's environment values naming another
/// service (`host`, `host:port`, a URL) become calls from the service to the one it names.
/// `depends_on` only orders start-up, so each flow says what it came from in
/// `attributes["compose"]`.
///
/// Values are substituted first (``ComposeInterpolation``) from the `.env` beside the file,
/// never from the process environment; the container's environment is its `env_file`s
/// overridden by `environment`, where a bare `NAME` takes its value from `.env`. Services of
/// all the files read are one project, as `docker compose -f a -f b` merges them. A URL to a
/// health or metrics endpoint is no call; a service naming itself is none either; both are
/// counted. An address naming no service becomes a placeholder system. Telemetry sinks
/// (``TelemetrySink``) are marked, so flows run into them. O(size of the files).
///
/// ```swift
/// var builder = ImportBuilder(source: "compose")
/// ComposeImporter().read([ImportSource(name: "docker-compose.yml", text: text)], into: &builder)
/// ```
package struct ComposeImporter: Sendable {
    /// Reads a file a Compose file refers to (`.env`, an `env_file`): `nil` when there is
    /// none, a note when it cannot be read.
    private let readFile: @Sendable (String) -> Result<String, ImportNote>?

    /// `readFile` reads the files a Compose file refers to; by default from disk.
    public init(readFile: (@Sendable (String) -> Result<String, ImportNote>?)? = nil) {
        self.readFile = readFile ?? Self.readFromDisk
    }

    /// A service as declared in one file, its values substituted.
    private struct Service {
        let name: String
        let node: DocumentNode
        let file: String
        let position: SourcePosition
    }

    /// Variables nothing sets, one note per file and name, with how often each is used.
    private struct UnsetVariables {
        var notes: [ImportNote] = []
        var uses: [String: (index: Int, count: Int)] = [:]

        mutating func add(_ note: ImportNote, name: String) {
            let key = note.file + "\u{0}" + name
            if let seen = uses[key] {
                uses[key] = (seen.index, seen.count + 1)
            } else {
                uses[key] = (notes.count, 1)
                notes.append(note)
            }
        }

        var counted: [ImportNote] {
            var result = notes
            for (_, use) in uses where use.count > 1 {
                let note = result[use.index]
                result[use.index] = ImportNote(
                    file: note.file, position: note.position, message: note.message + " (\(use.count) uses in this file)",
                    category: note.category)
            }
            return result
        }
    }

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        var services: [Service] = []
        var unset = UnsetVariables()
        var dotEnvs: [String: [String: String]] = [:]
        for file in files {
            let folder = (file.name as NSString).deletingLastPathComponent
            if dotEnvs[folder] == nil {
                dotEnvs[folder] = environmentFile(Self.path(".env", besides: file.name), unset: &unset, builder: &builder, outer: { _ in nil })?.values ?? [:]
            }
            let project = dotEnvs[folder] ?? [:]
            switch file.yamlDocuments() {
            case .failure(let note): builder.skipFile(note)
            case .success(let documents):
                for document in documents {
                    let document = Self.substituted(document, in: file.name, project: project, unset: &unset)
                    services += self.services(of: document, in: file.name, builder: &builder)
                }
            }
        }
        let names = Set(services.map(\.name))
        for service in services {
            let domain = ((service.file as NSString).deletingLastPathComponent as NSString).lastPathComponent
            var system = System(id: service.name, kind: "service", domain: domain.isEmpty ? nil : domain)
            let image = service.node["image"]?.text
            if let image { system.attributes["compose/image"] = image }
            builder.addSystem(system)
            if TelemetrySink.recognises(name: service.name, image: image, ports: Self.ports(of: service.node)) {
                builder.markTelemetrySink(service.name)
            }
        }
        var envFiles: [String: EnvironmentFile?] = [:]
        for service in services {
            let folder = (service.file as NSString).deletingLastPathComponent
            let project = dotEnvs[folder] ?? [:]
            func call(_ callee: String, _ how: String, _ note: ImportNote) {
                builder.addCall(
                    caller: service.name, callee: callee, attributes: ["compose": how],
                    at: ImportNote(file: note.file, position: note.position, message: how))
            }
            if let dependsOn = service.node["depends_on"] {
                for item in dependsOn.items {
                    if let name = item.text { call(name, "depends_on", ImportNote(file: service.file, position: item.position, message: "")) }
                }
                for dependency in dependsOn.entries {
                    call(dependency.key, "depends_on", ImportNote(file: service.file, position: dependency.keyPosition, message: ""))
                }
            }
            for link in service.node["links"]?.items ?? [] {
                if let text = link.text, let name = text.split(separator: ":").first {
                    call(String(name), "links", ImportNote(file: service.file, position: link.position, message: ""))
                }
            }
            let environment = containerEnvironment(of: service, project: project, envFiles: &envFiles, unset: &unset, builder: &builder)
            for variable in environment {
                guard let reference = HostReference(variable.value) else { continue }
                if reference.isHealthCheck {
                    builder.skip(
                        ImportNote(
                            file: variable.note.file, position: variable.note.position,
                            message: "skipped a call from '\(service.name)' to '\(reference.host)' (\(variable.name)): "
                                + "a health or metrics endpoint moves no business data",
                            category: .healthCall))
                    continue
                }
                let declared = names.contains(reference.host)
                guard declared || Self.isExternalAddress(reference, in: variable.name) else { continue }
                // A service called on a sink's port is one, however it is named.
                if TelemetrySink.recognises(name: declared ? "" : reference.host, image: nil, ports: reference.port.map { [$0] } ?? []) {
                    builder.markTelemetrySink(reference.host)
                }
                call(reference.host, "environment \(variable.name)", variable.note)
            }
        }
        for note in unset.counted { builder.skip(note) }
    }

    /// The container's environment as Compose builds it: its `env_file`s in order, then
    /// `environment` over them, where a bare `NAME` takes the value `.env` gives (or keeps an
    /// `env_file`'s); variables in the order first set.
    private func containerEnvironment(
        of service: Service, project: [String: String], envFiles: inout [String: EnvironmentFile?],
        unset: inout UnsetVariables, builder: inout ImportBuilder
    ) -> [(name: String, value: String, note: ImportNote)] {
        var environment: [(name: String, value: String, note: ImportNote)] = []
        var slot: [String: Int] = [:]
        func set(_ name: String, _ value: String, _ note: ImportNote) {
            if let index = slot[name] {
                environment[index] = (name, value, note)
            } else {
                slot[name] = environment.count
                environment.append((name, value, note))
            }
        }
        for path in Self.envFiles(of: service.node, besides: service.file, builder: &builder) {
            if envFiles[path.path] == nil {
                envFiles[path.path] = .some(environmentFile(path.path, required: path.required, unset: &unset, builder: &builder) { project[$0] })
            }
            for variable in (envFiles[path.path] ?? nil)?.variables ?? [] {
                let note = ImportNote(file: path.path, position: variable.position, message: variable.name)
                guard let value = variable.value ?? project[variable.name] else {
                    unset.add(Self.shellNote(variable.name, note), name: variable.name)
                    continue
                }
                set(variable.name, value, note)
            }
        }
        for (name, value, position) in Self.environment(of: service.node) {
            let note = ImportNote(file: service.file, position: position, message: name)
            guard let value = value ?? project[name] else {
                // Compose keeps an env_file's value when the shell has none.
                if slot[name] == nil { unset.add(Self.shellNote(name, note), name: name) }
                continue
            }
            set(name, value, note)
        }
        return environment
    }

    private func services(of document: DocumentNode, in file: String, builder: inout ImportBuilder) -> [Service] {
        guard let services = document["services"], !services.entries.isEmpty else {
            builder.skip(ImportNote(file: file, position: document.position, message: "skipped a document without 'services'"))
            return []
        }
        return services.entries.compactMap { entry in
            if case .mapping = entry.value.value { return Service(name: entry.key, node: entry.value, file: file, position: entry.keyPosition) }
            builder.skip(
                ImportNote(
                    file: file, position: entry.keyPosition,
                    message: "skipped service '\(entry.key)': its definition is \(entry.value.kindDescription), not a mapping"))
            return nil
        }
    }

    /// The document with `${…}` substituted in every value, as Compose does before reading it.
    private static func substituted(_ document: DocumentNode, in file: String, project: [String: String], unset: inout UnsetVariables) -> DocumentNode {
        document.mappingScalars { scalar, position in
            guard scalar.style != .null, scalar.text.contains("$") else { return scalar }
            let result = ComposeInterpolation.interpolate(scalar.text) { project[$0] }
            for missing in result.unresolved {
                // Columns are exact on one line; a value over several lines is located at its start.
                let column = scalar.text.contains("\n") ? position.column : position.column + missing.offset + (scalar.style == .quoted ? 1 : 0)
                unset.add(
                    ComposeInterpolation.note(missing, file: file, at: SourcePosition(line: position.line, column: column)),
                    name: missing.name)
            }
            return DocumentNode.Scalar(text: result.text, style: scalar.style)
        }
    }

    /// Reads and parses an environment file; its unset variables and bad lines are noted.
    private func environmentFile(
        _ path: String, required: Bool = false, unset: inout UnsetVariables, builder: inout ImportBuilder,
        outer: (String) -> String?
    ) -> EnvironmentFile? {
        switch readFile(path) {
        case nil:
            if required { builder.skip(ImportNote(file: path, position: .start, message: "skipped env_file: no such file")) }
            return nil
        case .failure(let note)?:
            builder.skipFile(note)
            return nil
        case .success(let text)?:
            let file = EnvironmentFile(name: path, text: text, outer: outer)
            for note in file.notes { builder.skip(note) }
            for (name, note) in file.unset { unset.add(note, name: name) }
            return file
        }
    }

    /// `env_file`: a path, a list of paths, or a list of `{path, required}`.
    private static func envFiles(of service: DocumentNode, besides file: String, builder: inout ImportBuilder) -> [(path: String, required: Bool)] {
        guard let envFile = service["env_file"] else { return [] }
        let items = envFile.text != nil ? [envFile] : envFile.items
        return items.compactMap { item in
            if let text = item.text { return (path(text, besides: file), true) }
            guard let text = item["path"]?.text else {
                builder.skip(ImportNote(file: file, position: item.position, message: "skipped an env_file entry without a path"))
                return nil
            }
            return (path(text, besides: file), item["required"]?.text?.lowercased() != "false")
        }
    }

    /// A path as Compose resolves it: relative to the Compose file's folder.
    private static func path(_ path: String, besides file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }

    /// `environment` as a list of `NAME=value` or `NAME`, or a mapping; a value of `nil`
    /// comes from `.env`.
    private static func environment(of service: DocumentNode) -> [(String, String?, SourcePosition)] {
        guard let environment = service["environment"] else { return [] }
        var result: [(String, String?, SourcePosition)] = []
        for item in environment.items {
            guard let text = item.text else { continue }
            guard let equals = text.firstIndex(of: "=") else {
                result.append((text.trimmingCharacters(in: .whitespaces), nil, item.position))
                continue
            }
            result.append((String(text[..<equals]), String(text[text.index(after: equals)...]), item.position))
        }
        for entry in environment.entries { result.append((entry.key, entry.value.text, entry.value.position)) }
        return result
    }

    /// The container ports of `ports` (`"4317"`, `"8080:80"`, `"127.0.0.1:80:80/tcp"`,
    /// `{target: 4317}`) and `expose`.
    private static func ports(of service: DocumentNode) -> [Int] {
        let items = (service["ports"]?.items ?? []) + (service["expose"]?.items ?? [])
        return items.compactMap { item in
            let text = item.text ?? item["target"]?.text ?? ""
            let port = text.split(separator: "/").first?.split(separator: ":").last ?? ""
            return port.count <= 5 ? Int(port) : nil
        }
    }

    /// An address to something the files do not declare: written with a port or a scheme,
    /// or in a variable whose name ends as an address's does (`JAEGER_HOST=jaeger`); never
    /// the machine itself.
    private static func isExternalAddress(_ reference: HostReference, in variable: String) -> Bool {
        !reference.isThisMachine && (reference.isAddress || HostReference.namesAnAddress(variable))
    }

    private static func shellNote(_ name: String, _ note: ImportNote) -> ImportNote {
        ImportNote(
            file: note.file, position: note.position,
            message: "variable '\(name)' takes its value from the shell, which is not read: left out",
            category: .unresolvedVariable)
    }

    private static func readFromDisk(_ path: String) -> Result<String, ImportNote>? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return ImportSource.read(file: path).map(\.text)
    }
}
