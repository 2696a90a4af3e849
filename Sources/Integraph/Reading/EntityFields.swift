/// The keys of one mapping in a model file, read with the types the format expects.
///
/// Every reader reports a wrong type, a negative number or an unknown word to the collector,
/// naming the entity, and returns `nil` so that decoding goes on and every problem in the
/// file is reported in one run.
struct EntityFields {
    /// Who the messages are about: `flow 'crm-to-dwh'`, or `flow #3` before its id is known.
    var subject: String
    var id: String?
    let position: SourcePosition
    /// A handful of keys per mapping: a linear search beats hashing them.
    private let entries: [DocumentNode.MappingEntry]
    private let unknownEntries: [DocumentNode.MappingEntry]
    private let allowed: [String]

    /// Reads a mapping; keys outside `allowed` are kept for ``reportUnknownKeys(_:)``.
    /// An entity passes its `kind`, so that messages name it by its `id` once that is read;
    /// a nested mapping passes the `entityID` of the entity it belongs to.
    init?(
        _ node: DocumentNode, subject: String, kind: String? = nil, allowed: [String],
        entityID: String? = nil, findings: inout FindingCollector
    ) {
        guard case .mapping(let list) = node.value else {
            findings.error(
                "\(subject): expected a mapping of keys (\(allowed.joined(separator: ", "))), found \(node.kindDescription)",
                at: node.position)
            return nil
        }
        self.subject = subject
        self.position = node.position
        self.entries = list
        self.id = entityID
        if let kind, let idNode = list.last(where: { $0.key == "id" })?.value, case .scalar(let scalar) = idNode.value,
            scalar.style != .null, !scalar.text.isEmpty
        {
            self.id = scalar.text
            self.subject = "\(kind) '\(Self.shown(scalar.text))'"
        }
        self.unknownEntries = list.filter { !allowed.contains($0.key) }
        self.allowed = allowed
    }

    /// Reports the keys outside `allowed`, naming the entity by ``subject`` as it is now:
    /// entities call this once their id (or a flow's default id) is known.
    func reportUnknownKeys(_ findings: inout FindingCollector) {
        for entry in unknownEntries {
            findings.error(
                "\(subject): unknown key '\(entry.key)'\(Suggestion.phrase(for: entry.key, among: allowed))",
                at: entry.keyPosition, id: id)
        }
    }

    /// The node under `key`; a written `null` counts as absent.
    func node(_ key: String) -> DocumentNode? {
        guard let node = entries.last(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = node.value, scalar.style == .null { return nil }
        return node
    }

    func missing(_ key: String, findings: inout FindingCollector) {
        findings.error("\(subject): missing required key '\(key)'", at: position, id: id)
    }

    func wrongType(_ key: String, expected: String, found node: DocumentNode, findings: inout FindingCollector) {
        findings.error("\(subject): '\(key)' must be \(expected), found \(node.kindDescription)", at: node.position, id: id)
    }

    func string(_ key: String, required: Bool = false, findings: inout FindingCollector) -> String? {
        guard let node = node(key) else {
            if required { missing(key, findings: &findings) }
            return nil
        }
        guard case .scalar(let scalar) = node.value else {
            wrongType(key, expected: "text", found: node, findings: &findings)
            return nil
        }
        return scalar.text
    }

    func reference(_ key: String, required: Bool = false, findings: inout FindingCollector) -> Reference? {
        guard let text = string(key, required: required, findings: &findings), let node = node(key) else { return nil }
        guard checkIDLength(text, describedAs: "'\(key)'", at: node.position, findings: &findings) else { return nil }
        return Reference(text, at: node.position)
    }

    /// Whether `text` is short enough for an id; an error naming its length when it is not.
    func checkIDLength(_ text: String, describedAs name: String, at position: SourcePosition, findings: inout FindingCollector) -> Bool {
        let length = text.count
        guard length > ModelLimits.maximumIDLength else { return true }
        findings.error(
            "\(subject): \(name) is \(Wording.grouped(length)) characters long; an id has at most \(ModelLimits.maximumIDLength)",
            at: position, id: id)
        return false
    }

    /// An id as messages quote it: the first 60 characters of a long one and its length,
    /// so that a megabyte id does not make a megabyte message.
    static func shown(_ text: String) -> String {
        let limit = 60
        guard text.utf8.count > limit, text.count > limit else { return text }
        return "\(text.prefix(limit))… (\(Wording.grouped(text.count)) characters)"
    }

    func number(_ key: String, findings: inout FindingCollector) -> Double? {
        guard let node = node(key) else { return nil }
        return Self.number(node, describedAs: "'\(key)'", subject: subject, id: id, findings: &findings)
    }

    /// Money: a day rate, a pilot's yearly value or budget.
    static let maximumAmount = 1e12

    func amount(_ key: String, findings: inout FindingCollector) -> Double? {
        guard let node = node(key) else { return nil }
        return Self.number(
            node, describedAs: "'\(key)'", subject: subject, id: id, maximum: Self.maximumAmount,
            unit: "(a currency amount)", findings: &findings)
    }

    /// The most work items a team can carry at once.
    static let maximumCapacity = 100_000

    static func number(
        _ node: DocumentNode, describedAs name: String, subject: String, id: String?,
        maximum: Double = Effort.maximumDays, unit: String = "days",
        findings: inout FindingCollector
    ) -> Double? {
        guard case .scalar(let scalar) = node.value, scalar.style == .plain,
            let value = Double(scalar.text), value.isFinite,
            scalar.text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true
        else {
            findings.error("\(subject): \(name) must be a number, found \(node.kindDescription)", at: node.position, id: id)
            return nil
        }
        guard value >= 0 else {
            findings.error("\(subject): \(name) must not be negative, found \(scalar.text)", at: node.position, id: id)
            return nil
        }
        guard value <= maximum else {
            findings.error(
                "\(subject): \(name) must be at most \(format(maximum)) \(unit), found \(scalar.text)",
                at: node.position, id: id)
            return nil
        }
        return value
    }

    func positiveInteger(_ key: String, maximum: Int, findings: inout FindingCollector) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node.value, scalar.style == .plain, let value = Int(scalar.text) else {
            if case .scalar(let scalar) = node.value, scalar.style == .plain, scalar.text.allSatisfy(\.isNumber) {
                findings.error(
                    "\(subject): '\(key)' must be at most \(Self.format(Double(maximum))), found \(scalar.text)",
                    at: node.position, id: id)
                return nil
            }
            wrongType(key, expected: "a whole number", found: node, findings: &findings)
            return nil
        }
        guard value >= 1 else {
            findings.error("\(subject): '\(key)' must be at least 1, found \(value)", at: node.position, id: id)
            return nil
        }
        guard value <= maximum else {
            findings.error(
                "\(subject): '\(key)' must be at most \(Self.format(Double(maximum))), found \(value)",
                at: node.position, id: id)
            return nil
        }
        return value
    }

    func strings(_ key: String, findings: inout FindingCollector) -> [String]? {
        references(key, findings: &findings)?.map(\.id)
    }

    func references(_ key: String, findings: inout FindingCollector) -> [Reference]? {
        guard let node = node(key) else { return nil }
        guard case .sequence(let items) = node.value else {
            wrongType(key, expected: "a list", found: node, findings: &findings)
            return nil
        }
        var result: [Reference] = []
        for item in items {
            guard case .scalar(let scalar) = item.value, scalar.style != .null else {
                findings.error(
                    "\(subject): each entry of '\(key)' must be text, found \(item.kindDescription)",
                    at: item.position, id: id)
                continue
            }
            guard checkIDLength(scalar.text, describedAs: "an entry of '\(key)'", at: item.position, findings: &findings) else { continue }
            result.append(Reference(scalar.text, at: item.position))
        }
        return result
    }

    func enumeration<Value: ModelEnumeration>(
        _ key: String, default fallback: Value,
        findings: inout FindingCollector
    ) -> Value {
        guard let node = node(key) else { return fallback }
        let allowed = Value.allowedValues
        guard case .scalar(let scalar) = node.value else {
            wrongType(key, expected: "one of \(allowed.joined(separator: ", "))", found: node, findings: &findings)
            return fallback
        }
        guard let value = Value(rawValue: scalar.text) else {
            findings.error(
                "\(subject): '\(key)' must be one of \(allowed.joined(separator: ", ")), found '\(scalar.text)'"
                    + Suggestion.phrase(for: scalar.text, among: allowed), at: node.position, id: id)
            return fallback
        }
        return value
    }

    func date(_ key: String, findings: inout FindingCollector) -> CalendarDate? {
        guard let node = node(key) else { return nil }
        return Self.date(node, describedAs: "'\(key)'", subject: subject, id: id, findings: &findings)
    }

    /// A `YYYY-MM-DD` date; a well-formed one that no calendar has (`2027-02-30`) is named so.
    static func date(
        _ node: DocumentNode, describedAs name: String, subject: String, id: String?,
        findings: inout FindingCollector
    ) -> CalendarDate? {
        guard case .scalar(let scalar) = node.value, let date = CalendarDate(iso: scalar.text) else {
            if case .scalar(let scalar) = node.value, CalendarDate.isWrittenAsISODate(scalar.text) {
                findings.error("\(subject): \(name) '\(scalar.text)' is not a calendar date", at: node.position, id: id)
            } else {
                findings.error(
                    "\(subject): \(name) must be a date written YYYY-MM-DD, found \(node.kindDescription)",
                    at: node.position, id: id)
            }
            return nil
        }
        return date
    }

    /// `effort: 5` or `effort: {optimistic: 3, likely: 5, pessimistic: 12}`.
    func effort(findings: inout FindingCollector) -> Effort? {
        guard let node = node("effort") else { return nil }
        if case .scalar = node.value {
            return number("effort", findings: &findings).map(Effort.days)
        }
        let keys = ["optimistic", "likely", "pessimistic"]
        guard
            let estimate = EntityFields(
                node, subject: "\(subject): 'effort'", allowed: keys, entityID: id,
                findings: &findings)
        else {
            return nil
        }
        estimate.reportUnknownKeys(&findings)
        var points: [Double] = []
        for key in keys {
            guard let pointNode = estimate.node(key) else {
                estimate.missing(key, findings: &findings)
                continue
            }
            if let value = Self.number(pointNode, describedAs: "'effort.\(key)'", subject: subject, id: id, findings: &findings) {
                points.append(value)
            }
        }
        guard points.count == 3 else { return nil }
        guard points[0] <= points[1], points[1] <= points[2] else {
            findings.error(
                "\(subject): 'effort' must have optimistic <= likely <= pessimistic, found "
                    + "\(Self.format(points[0])) / \(Self.format(points[1])) / \(Self.format(points[2]))",
                at: node.position, id: id)
            return nil
        }
        return .estimate(optimistic: points[0], likely: points[1], pessimistic: points[2])
    }

    private static func format(_ value: Double) -> String {
        DaysText.days(value)
    }
}
