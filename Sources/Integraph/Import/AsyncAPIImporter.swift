import Foundation

/// Reads AsyncAPI 2.x and 3.x documents (YAML or JSON), one a service, many at once. Each
/// document's `info.title` names its service, a system. A channel address one service sends
/// on and another receives from is a flow from sender to receiver, labelled with the names of
/// the messages the sender sends there (the address where it names none). In 3.x an
/// operation's `action` says it: `send` or `receive`, and its `reply` goes the other way. In
/// 2.x the operations describe what *others* do with the application: `subscribe` means
/// others subscribe to what it sends, `publish` that others publish what it receives. A
/// receiver on an address no document sends on, and a sender no document receives, are
/// warnings. O(operations + flows × channels).
///
/// ```swift
/// var builder = ImportBuilder(source: "asyncapi")
/// AsyncAPIImporter().read([ImportSource(name: "orders.yaml", text: text)], into: &builder)
/// ```
package struct AsyncAPIImporter: Sendable {
    /// One service sending on, or receiving from, one channel address.
    private struct Operation {
        let service: String
        let sends: Bool
        let address: String
        let messages: [String]
        let note: ImportNote
    }

    public init() {}

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        var operations: [Operation] = []
        var titles: [String: ImportNote] = [:]
        for file in files {
            let documents: Result<[DocumentNode], ImportNote> =
                file.name.lowercased().hasSuffix(".json") ? file.jsonDocument().map { $0.map { [$0] } ?? [] } : file.yamlDocuments()
            switch documents {
            case .failure(let note): builder.skipFile(note)
            case .success(let documents) where documents.isEmpty:
                builder.skipFile(ImportNote(file: file.name, position: .start, message: "skipped the file: it is empty"))
            case .success(let documents):
                for document in documents { operations += Self.operations(in: document, file: file.name, titles: &titles, into: &builder) }
            }
        }
        Self.connect(operations, into: &builder)
    }

    /// The document's service added as a system, and what it sends and receives. A title met
    /// before is the same service described twice: read as one, with a warning.
    private static func operations(
        in document: DocumentNode, file: String, titles: inout [String: ImportNote], into builder: inout ImportBuilder
    ) -> [Operation] {
        guard let version = document["asyncapi"]?.text else {
            builder.skip(ImportNote(file: file, position: document.position, message: "skipped a document without 'asyncapi': not an AsyncAPI document"))
            return []
        }
        guard version.hasPrefix("2.") || version.hasPrefix("3.") else {
            builder.skip(
                ImportNote(
                    file: file, position: document["asyncapi"]?.position ?? document.position,
                    message: "skipped an AsyncAPI \(version) document: only versions 2 and 3 are read"))
            return []
        }
        guard let titleNode = document.at("info", "title"), let title = titleNode.text, !title.isEmpty else {
            builder.skip(
                ImportNote(
                    file: file, position: document["info"]?.position ?? document.position,
                    message: "skipped an AsyncAPI document without info.title: it names the service"))
            return []
        }
        let here = ImportNote(file: file, position: titleNode.position, message: title)
        if let first = titles[title] {
            builder.warn(
                ImportNote(
                    file: file, position: here.position,
                    message: "the title '\(title)' is also that of the document at \(first.file):\(first.position.line): both are read as one service"))
        } else {
            titles[title] = here
        }
        var system = System(id: title, kind: "service")
        system.attributes["asyncapi"] = version
        system.attributes["asyncapi/version"] = document.at("info", "version")?.text
        system.attributes["asyncapi/id"] = document["id"]?.text
        system.attributes["asyncapi/description"] = document.at("info", "description")?.text
        builder.addSystem(system)
        return version.hasPrefix("2.")
            ? version2(document, service: title, file: file, into: &builder) : version3(document, service: title, file: file, into: &builder)
    }

    /// 2.x: channels keyed by address; `subscribe` is what the application sends, `publish`
    /// what it receives.
    private static func version2(_ document: DocumentNode, service: String, file: String, into builder: inout ImportBuilder) -> [Operation] {
        var operations: [Operation] = []
        for channel in document["channels"]?.entries ?? [] {
            for (verb, sends) in [("subscribe", true), ("publish", false)] {
                guard let operation = channel.value[verb] else { continue }
                guard case .mapping = operation.value else {
                    builder.skip(
                        ImportNote(
                            file: file, position: operation.position,
                            message: "skipped \(verb) on '\(channel.key)': it is \(operation.kindDescription), not a mapping"))
                    continue
                }
                let message = operation["message"]
                let messages = (message?["oneOf"]?.items ?? message.map { [$0] } ?? []).compactMap { item in
                    item["name"]?.text ?? item["messageId"]?.text ?? item["$ref"]?.text.flatMap(lastSegment)
                }
                operations.append(
                    Operation(
                        service: service, sends: sends, address: channel.key, messages: messages,
                        note: ImportNote(file: file, position: operation.position, message: verb)))
            }
        }
        return operations
    }

    /// 3.x: operations with `action` and a `channel` reference; a channel's `address` (its id
    /// where it has none) is where senders and receivers meet.
    private static func version3(_ document: DocumentNode, service: String, file: String, into builder: inout ImportBuilder) -> [Operation] {
        let channels = document["channels"]?.index ?? [:]
        func channel(_ reference: DocumentNode?) -> (address: String, node: DocumentNode)? {
            guard let ref = reference?["$ref"]?.text, ref.hasPrefix("#") else { return nil }
            let pointer = segments(ref)
            guard pointer.count == 3, pointer[0].isEmpty, pointer[1] == "channels", let node = channels[pointer[2]] else { return nil }
            return (node["address"]?.text ?? pointer[2], node)
        }
        func messages(_ operation: DocumentNode, on channel: DocumentNode) -> [String] {
            let named = operation["messages"]?.items.compactMap { $0["$ref"]?.text.flatMap(lastSegment) } ?? []
            return named.isEmpty ? (channel["messages"]?.entries.map(\.key) ?? []) : named
        }
        var operations: [Operation] = []
        for entry in document["operations"]?.entries ?? [] {
            let operation = entry.value
            let action = operation["action"]?.text
            guard action == "send" || action == "receive", let (address, node) = channel(operation["channel"]) else {
                builder.skip(
                    ImportNote(
                        file: file, position: operation.position,
                        message: "skipped operation '\(entry.key)': it needs action send or receive and a channel of this document"))
                continue
            }
            let note = ImportNote(file: file, position: operation.position, message: entry.key)
            operations.append(
                Operation(service: service, sends: action == "send", address: address, messages: messages(operation, on: node), note: note))
            if let reply = operation["reply"], let (address, node) = channel(reply["channel"]) {
                operations.append(
                    Operation(service: service, sends: action == "receive", address: address, messages: messages(reply, on: node), note: note))
            }
        }
        return operations
    }

    /// The last segment of a reference: `#/components/messages/user~1signup` → `user/signup`.
    private static func lastSegment(_ reference: String) -> String? {
        segments(reference).last { !$0.isEmpty }
    }

    /// A reference's JSON pointer (its fragment; a file path where it has none) in segments,
    /// read as RFC 6901 reads one in a URI: percent-decoded first, then `~1` → `/`, then
    /// `~0` → `~`, so `a%7E1b` and `a~1b` are both `a/b` and `a~01b` is `a~1b`.
    private static func segments(_ reference: String) -> [String] {
        let fragment = String(reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).last ?? "")
        let decoded = fragment.contains("%") ? fragment.removingPercentEncoding ?? fragment : fragment
        // Most references escape nothing: Foundation's replacing is then skipped, as it is slow.
        return decoded.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.contains("~") ? $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") : String($0)
        }
    }

    /// Every service sending on an address to every other service receiving there, one call
    /// per pair with its channels and messages; the lonely ends warned about. Operations are
    /// grouped by service first, so one service's many operations on an address cost no more
    /// than one: O(operations + flows × channels).
    private static func connect(_ operations: [Operation], into builder: inout ImportBuilder) {
        var addresses: [String] = []
        var senders: [String: [Operation]] = [:], receivers: [String: [Operation]] = [:]
        // Per address, each side's services in the order met; per address and sender, its
        // first operation and its labels.
        var sending: [String: [String]] = [:], receiving: [String: [String]] = [:]
        var first: [String: Operation] = [:]
        var labels: [String: [String]] = [:]
        var labelled: Set<String> = []
        for operation in operations {
            let address = operation.address, service = operation.service
            if senders[address] == nil && receivers[address] == nil { addresses.append(address) }
            let key = address + "\u{0}" + service + (operation.sends ? "\u{0}sends" : "\u{0}receives")
            if first[key] == nil {
                first[key] = operation
                if operation.sends { sending[address, default: []].append(service) } else { receiving[address, default: []].append(service) }
            }
            guard operation.sends else {
                receivers[address, default: []].append(operation)
                continue
            }
            senders[address, default: []].append(operation)
            for label in operation.messages.isEmpty ? [address] : operation.messages where labelled.insert(key + "\u{0}" + label).inserted {
                labels[key, default: []].append(label)
            }
        }
        /// Whether someone other than `service` is among `services`.
        func other(than service: String, in services: [String]) -> Bool { services.count > 1 || services.first.map { $0 != service } == true }
        var pairs: [String] = []
        var carried: [String: (sender: String, receiver: String, labels: [String], seen: Set<String>, channels: [String], note: ImportNote)] = [:]
        for address in addresses {
            let sending = sending[address] ?? [], receiving = receiving[address] ?? []
            for operation in senders[address] ?? [] where !other(than: operation.service, in: receiving) {
                builder.warn(message(operation, "sends on '\(address)', which no other service receives"))
            }
            for operation in receivers[address] ?? [] where !other(than: operation.service, in: sending) {
                builder.warn(message(operation, "receives on '\(address)', which no other service sends on"))
            }
            for sender in sending {
                let key = address + "\u{0}" + sender + "\u{0}sends"
                guard let note = first[key]?.note else { continue }
                for receiver in receiving where receiver != sender {
                    let pair = sender + "\u{0}" + receiver
                    if carried[pair] == nil {
                        pairs.append(pair)
                        carried[pair] = (sender, receiver, [], [], [], note)
                    }
                    // Each pair meets once per address, so its channels need no check.
                    carried[pair]?.channels.append(address)
                    for label in labels[key] ?? [] where carried[pair]?.seen.insert(label).inserted == true { carried[pair]?.labels.append(label) }
                }
            }
        }
        for key in pairs {
            guard let pair = carried[key] else { continue }
            // The receiver takes the caller's place: where data lands, as a call's result does.
            builder.addCall(
                caller: pair.receiver, callee: pair.sender, data: pair.labels,
                attributes: ["asyncapi/channels": pair.channels.joined(separator: ", ")], at: pair.note)
        }
    }

    private static func message(_ operation: Operation, _ text: String) -> ImportNote {
        ImportNote(file: operation.note.file, position: operation.note.position, message: "'\(operation.service)' \(text)")
    }
}
