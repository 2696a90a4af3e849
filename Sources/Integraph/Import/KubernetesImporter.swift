/// Reads Kubernetes manifests: Deployments, StatefulSets, DaemonSets and CronJobs become
/// systems (their namespace the domain), and an environment variable whose value names a
/// Service (`host`, `host:port`, a URL) becomes a call from the workload to the workloads the
/// Service selects. A host resolves as cluster DNS does: a bare `name` in the workload's own
/// namespace, `name.namespace[.svc[.cluster.local]]` in that namespace. An address that
/// names no Service (or one that selects nothing) becomes a placeholder system.
///
/// Ids are workload names, with `.namespace` added where two namespaces use one name.
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
        let note: ImportNote
    }

    private struct Service {
        let name: String
        let namespace: String
        let selector: [String: String]
    }

    public init() {}

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        var workloads: [Workload] = [], services: [Service] = []
        for file in files {
            switch file.yamlDocuments() {
            case .failure(let note): builder.skipFile(note)
            case .success(let documents):
                for document in documents.flatMap(Self.expandLists) {
                    collect(document, in: file.name, workloads: &workloads, services: &services, builder: &builder)
                }
            }
        }
        var namespacesOfName: [String: Set<String>] = [:]
        for workload in workloads { namespacesOfName[workload.name, default: []].insert(workload.namespace) }
        func id(_ workload: Workload) -> String {
            (namespacesOfName[workload.name]?.count ?? 0) > 1 ? "\(workload.name).\(workload.namespace)" : workload.name
        }
        for workload in workloads {
            var system = System(id: id(workload), kind: workload.kind.lowercased(), domain: workload.namespace)
            system.attributes["k8s/namespace"] = workload.namespace
            if let image = workload.image { system.attributes["k8s/image"] = image }
            for (key, value) in workload.labels { system.attributes["k8s/label/\(key)"] = value }
            builder.addSystem(system)
        }
        let servicesByKey = Dictionary(services.map { ("\($0.namespace)/\($0.name)", $0) }, uniquingKeysWith: { first, _ in first })
        let namespaces = Set(workloads.map(\.namespace) + services.map(\.namespace))
        for workload in workloads {
            for variable in workload.variables {
                guard let reference = HostReference(variable.value) else { continue }
                let note = ImportNote(file: workload.note.file, position: variable.position, message: variable.name)
                let attributes = ["env": variable.name]
                if let (name, namespace) = Self.resolve(reference.host, from: workload.namespace, namespaces: namespaces),
                    let service = servicesByKey["\(namespace)/\(name)"]
                {
                    let selected = workloads.filter { candidate in
                        candidate.namespace == service.namespace && !service.selector.isEmpty
                            && service.selector.allSatisfy { candidate.labels[$0.key] == $0.value }
                    }
                    if selected.isEmpty {
                        builder.addCall(caller: id(workload), callee: service.name, attributes: attributes, at: note)
                    }
                    for callee in selected { builder.addCall(caller: id(workload), callee: id(callee), attributes: attributes, at: note) }
                } else if reference.isAddress || HostReference.namesAnAddress(variable.name), reference.host.contains(".") || reference.isAddress {
                    // An address naming no Service: a dependency outside these manifests.
                    let callee = Self.resolve(reference.host, from: workload.namespace, namespaces: namespaces)?.name ?? reference.host
                    builder.addCall(caller: id(workload), callee: callee, attributes: attributes, at: note)
                }
            }
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
                image: podSpec?["containers"]?.items.first?["image"]?.text, note: note))
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
