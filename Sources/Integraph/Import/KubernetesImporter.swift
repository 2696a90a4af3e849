import Foundation

/// Reads Kubernetes manifests: Deployments, StatefulSets, DaemonSets and CronJobs become
/// systems (their namespace the domain), and an environment variable whose value names a
/// Service (`host`, `host:port`, a URL) becomes a call from the workload to the workloads the
/// Service selects. A host resolves as cluster DNS does: a bare `name` in the workload's own
/// namespace, `name.namespace[.svc[.cluster.local]]` in that namespace. An address that
/// names no Service (or one that selects nothing) becomes a placeholder system.
///
/// Ids are workload names, with `.namespace` added where two namespaces use one name.
/// Workloads labelled with an application (`app.kubernetes.io/name` or `app`) and a version
/// (`app.kubernetes.io/version` or `version`) are one system named after the application,
/// its versions and workloads in `attributes` (Bookinfo's reviews-v1, -v2 and -v3 are
/// `reviews`), unless `keepVersions`; workloads of one application and one version are two
/// deployments, kept apart. A URL to a health or metrics endpoint is no call, and
/// telemetry sinks (``TelemetrySink``) are fed by the workloads that name them. The files of
/// a Helm chart (a folder with `Chart.yaml`) are templates, not manifests: they are skipped
/// with one note saying to render them first.
/// O(documents + workloads × variables + services × workloads).
///
/// ```swift
/// var builder = ImportBuilder(source: "kubernetes")
/// KubernetesImporter().read(files, into: &builder)
/// let model = builder.finish(direction: .data).landscape
/// ```
package struct KubernetesImporter: Sendable {
    static let workloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job", "ReplicaSet"]

    private struct Workload {
        let kind: String
        let name: String
        let namespace: String
        let labels: [String: String]
        let variables: [(name: String, value: String, position: SourcePosition)]
        let image: String?
        let ports: [Int]
        let note: ImportNote

        /// The application and version its labels name, when they name both.
        var application: (name: String, version: String)? {
            guard let name = labels["app.kubernetes.io/name"] ?? labels["app"],
                let version = labels["app.kubernetes.io/version"] ?? labels["version"]
            else { return nil }
            return (name, version)
        }
    }

    private struct Service {
        let name: String
        let namespace: String
        let selector: [String: String]
    }

    /// Whether the versions of one application stay systems of their own.
    public let keepVersions: Bool

    public init(keepVersions: Bool = false) {
        self.keepVersions = keepVersions
    }

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        var workloads: [Workload] = [], services: [Service] = []
        let charts = Set(files.filter { ($0.name as NSString).lastPathComponent == "Chart.yaml" }.map { ($0.name as NSString).deletingLastPathComponent })
        // Each file's chart found by its own parent folders: O(files × depth), not files × charts.
        var templatesOf: [String: Int] = [:]
        let manifests = files.filter { file in
            guard let chart = Self.chartTemplate(file.name, charts: charts) else { return true }
            templatesOf[chart, default: 0] += 1
            return false
        }
        for chart in charts.sorted() {
            builder.skipFile(
                ImportNote(
                    file: chart, position: .start,
                    message: "skipped the Helm chart (\(Wording.counted(templatesOf[chart] ?? 0, "file"))): its templates become manifests once rendered; "
                        + ImportFormatGuess.renderingAdvice(forChart: chart)))
        }
        for file in manifests {
            switch file.yamlDocuments() {
            case .failure(let note): builder.skipFile(note)
            case .success(let documents):
                for document in documents.flatMap(Self.expandLists) {
                    collect(document, in: file.name, workloads: &workloads, services: &services, builder: &builder)
                }
            }
        }
        // Workloads of one application are its versions only when their versions tell them
        // apart: two of one application and version are two deployments (two releases of a
        // chart, a cache and a session store both labelled redis), kept apart.
        var membersOf: [String: [Int]] = [:]
        for (index, workload) in workloads.enumerated() {
            if let application = workload.application { membersOf[workload.namespace + "/" + application.name, default: []].append(index) }
        }
        var versionOf = Set<Int>()
        for members in membersOf.values where Set(members.compactMap { workloads[$0].application?.version }).count == members.count {
            versionOf.formUnion(members)
        }
        let mergedNames = Set(versionOf.map { workloads[$0].namespace + "/" + workloads[$0].name })
        func name(_ workload: Workload) -> String {
            guard !keepVersions, mergedNames.contains(workload.namespace + "/" + workload.name), let application = workload.application else {
                return workload.name
            }
            return application.name
        }
        var namespacesOfName: [String: Set<String>] = [:]
        for workload in workloads { namespacesOfName[name(workload), default: []].insert(workload.namespace) }
        func id(_ workload: Workload) -> String {
            (namespacesOfName[name(workload)]?.count ?? 0) > 1 ? "\(name(workload)).\(workload.namespace)" : name(workload)
        }
        var versions: [String: [Workload]] = [:], order: [String] = []
        for workload in workloads {
            if versions[id(workload)] == nil { order.append(id(workload)) }
            versions[id(workload), default: []].append(workload)
        }
        for systemID in order {
            let group = versions[systemID] ?? []
            guard let first = group.first else { continue }
            var system = System(id: systemID, kind: first.kind.lowercased(), domain: first.namespace)
            system.attributes["k8s/namespace"] = first.namespace
            let images = group.compactMap(\.image).uniqued
            if !images.isEmpty { system.attributes["k8s/image"] = images.joined(separator: ", ") }
            let applications = group.compactMap(\.application)
            let isMerged = !keepVersions && group.allSatisfy { mergedNames.contains($0.namespace + "/" + $0.name) }
            if isMerged {
                system.attributes["versions"] = applications.map(\.version).uniqued.joined(separator: ", ")
                system.attributes["k8s/workloads"] = group.map(\.name).joined(separator: ", ")
            }
            // Labels all versions share; the version labels are in `versions`.
            for (key, value) in first.labels where group.allSatisfy({ $0.labels[key] == value }) {
                if isMerged, key == "version" || key == "app.kubernetes.io/version" { continue }
                system.attributes["k8s/label/\(key)"] = value
            }
            builder.addSystem(system)
            if group.contains(where: { TelemetrySink.recognises(name: $0.name, image: $0.image, ports: $0.ports) }) {
                builder.markTelemetrySink(systemID)
            }
        }
        let servicesByKey = Dictionary(services.map { ("\($0.namespace)/\($0.name)", $0) }, uniquingKeysWith: { first, _ in first })
        // What each Service selects, found once: a Service named by many variables would
        // otherwise scan every workload each time.
        var selectedBy: [String: [Workload]] = [:]
        func selected(by service: Service) -> [Workload] {
            let key = "\(service.namespace)/\(service.name)"
            if let known = selectedBy[key] { return known }
            let found = workloads.filter { candidate in
                candidate.namespace == service.namespace && !service.selector.isEmpty
                    && service.selector.allSatisfy { candidate.labels[$0.key] == $0.value }
            }
            selectedBy[key] = found
            return found
        }
        let namespaces = Set(workloads.map(\.namespace) + services.map(\.namespace))
        for workload in workloads {
            for variable in workload.variables {
                guard let reference = HostReference(variable.value) else { continue }
                let note = ImportNote(file: workload.note.file, position: variable.position, message: variable.name)
                if reference.isHealthCheck {
                    builder.skip(
                        ImportNote(
                            file: note.file, position: note.position,
                            message: "skipped a call from '\(id(workload))' to '\(reference.host)' (\(variable.name)): "
                                + "a health or metrics endpoint moves no business data",
                            category: .healthCall))
                    continue
                }
                let attributes = ["env": variable.name]
                if let (name, namespace) = Self.resolve(reference.host, from: workload.namespace, namespaces: namespaces),
                    let service = servicesByKey["\(namespace)/\(name)"]
                {
                    let selected = selected(by: service)
                    if selected.isEmpty {
                        builder.addCall(caller: id(workload), callee: service.name, attributes: attributes, at: note)
                    }
                    for callee in selected {
                        // A workload called on a sink's port is one, however it is named.
                        if let port = reference.port, TelemetrySink.ports.contains(port) { builder.markTelemetrySink(id(callee)) }
                        builder.addCall(caller: id(workload), callee: id(callee), attributes: attributes, at: note)
                    }
                } else if !reference.isThisMachine, reference.isAddress || HostReference.namesAnAddress(variable.name),
                    reference.host.contains(".") || reference.isAddress
                {
                    // An address naming no Service: a dependency outside these manifests.
                    let callee = Self.resolve(reference.host, from: workload.namespace, namespaces: namespaces)?.name ?? reference.host
                    if TelemetrySink.recognises(name: callee, image: nil, ports: reference.port.map { [$0] } ?? []) {
                        builder.markTelemetrySink(callee)
                    }
                    builder.addCall(caller: id(workload), callee: callee, attributes: attributes, at: note)
                }
            }
        }
    }

    /// The chart among `charts` whose template (or chart file) `file` is: a file under a
    /// chart's `templates/` or `charts/` (its subcharts), or its `Chart.yaml`, `Chart.lock`
    /// or `values*.yaml`. A manifest rendered into the chart's folder is not one.
    private static func chartTemplate(_ file: String, charts: Set<String>) -> String? {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let base = parts.popLast() else { return nil }
        var below: [String] = []
        while true {
            let folder = parts.joined(separator: "/")
            if charts.contains(folder) {
                if let first = below.last { return ["templates", "charts"].contains(first) ? folder : nil }
                return base == "Chart.yaml" || base == "Chart.lock" || base.hasPrefix("values") ? folder : nil
            }
            guard let last = parts.popLast() else { return nil }
            below.append(last)
        }
    }

    /// `List` documents hold their objects in `items`.
    private static func expandLists(_ document: DocumentNode) -> [DocumentNode] {
        document["kind"]?.text == "List" ? document["items"]?.items ?? [] : [document]
    }

    private func collect(
        _ document: DocumentNode, in file: String, workloads: inout [Workload], services: inout [Service],
        builder: inout ImportBuilder
    ) {
        let kind = document["kind"]?.text ?? "(no kind)"
        let name = document.at("metadata", "name")?.text
        let namespace = document.at("metadata", "namespace")?.text ?? "default"
        let note = ImportNote(file: file, position: document.position, message: "\(kind) '\(name ?? "?")'")
        guard let name else {
            builder.skip(ImportNote(file: file, position: document.position, message: "skipped a \(kind) without metadata.name"))
            return
        }
        if kind == "Service" {
            services.append(Service(name: name, namespace: namespace, selector: document.at("spec", "selector")?.textMapping ?? [:]))
            return
        }
        guard Self.workloadKinds.contains(kind) else {
            builder.skip(
                ImportNote(
                    file: file, position: document.position,
                    message: "skipped \(kind) '\(name)': not a workload or a Service"))
            return
        }
        let template = kind == "CronJob" ? document.at("spec", "jobTemplate", "spec", "template") : document.at("spec", "template")
        let podSpec = template?["spec"]
        let containers = (podSpec?["containers"]?.items ?? []) + (podSpec?["initContainers"]?.items ?? [])
        var variables: [(String, String, SourcePosition)] = []
        for container in containers {
            for variable in container["env"]?.items ?? [] {
                guard let variableName = variable["name"]?.text, let value = variable["value"] else { continue }
                if let text = value.text { variables.append((variableName, text, value.position)) }
            }
        }
        workloads.append(
            Workload(
                kind: kind, name: name, namespace: namespace,
                labels: template?.at("metadata", "labels")?.textMapping ?? [:], variables: variables,
                image: podSpec?["containers"]?.items.first?["image"]?.text,
                ports: containers.flatMap { $0["ports"]?.items ?? [] }.compactMap { port in
                    port["containerPort"]?.text.flatMap { $0.count <= 5 ? Int($0) : nil }
                }, note: note))
    }

    /// Cluster DNS: `name` in the caller's namespace; `name.namespace`, `name.namespace.svc`
    /// and `name.namespace.svc.cluster.local` in that namespace (when it is one of these
    /// manifests'). Other names are outside the cluster: `nil`.
    static func resolve(_ host: String, from namespace: String, namespaces: Set<String>) -> (name: String, namespace: String)? {
        let parts = host.split(separator: ".").map(String.init)
        switch parts.count {
        case 1: return (parts[0], namespace)
        case 2 where namespaces.contains(parts[1]): return (parts[0], parts[1])
        case 3 where parts[2] == "svc": return (parts[0], parts[1])
        case 5 where parts[2...] == ["svc", "cluster", "local"]: return (parts[0], parts[1])
        default: return nil
        }
    }
}

extension KubernetesImporter {
    /// The Helm chart whose templates `path` is: the chart's folder itself, or a path under
    /// its `templates/` or `charts/`; `nil` for plain manifests, a manifest rendered into
    /// the chart's folder (`helm template NAME . > manifests.yaml`) included.
    ///
    /// ```swift
    /// KubernetesImporter.helmChart(enclosing: "charts/shop/templates") // "charts/shop"
    /// ```
    public static func helmChart(enclosing path: String) -> String? {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        var folder = URL(fileURLWithPath: path).standardizedFileURL
        var below: [String] = []
        if !isDirectory.boolValue {
            below.append(folder.lastPathComponent)
            folder.deleteLastPathComponent()
        }
        // One step per folder up to the root: the path's depth bounds the walk.
        for _ in 0..<folder.pathComponents.count {
            if files.fileExists(atPath: folder.appendingPathComponent("Chart.yaml").path) {
                // The chart itself, its templates or subcharts; a file beside Chart.yaml is not a template.
                guard below.last.map({ ["templates", "charts"].contains($0) }) ?? true else { return nil }
                // Said relative to the working folder when it lies below it, as users type paths.
                let here = URL(fileURLWithPath: files.currentDirectoryPath).standardizedFileURL.path
                if folder.path == here { return "." }
                return folder.path.hasPrefix(here + "/") ? String(folder.path.dropFirst(here.count + 1)) : folder.path
            }
            below.append(folder.lastPathComponent)
            folder.deleteLastPathComponent()
        }
        return nil
    }
}

private extension Array where Element == String {
    /// The strings in their first order, each once.
    var uniqued: [String] {
        var seen: Set<String> = []
        return filter { seen.insert($0).inserted }
    }
}
