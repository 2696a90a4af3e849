/// Reads a rules file: which rules are on and how severe, their thresholds, and custom
/// rules. Every mistake is a located error (file, line, column), and the file is used only
/// when it has none.
///
/// ```yaml
/// rules:
///   owned: warning                                  # error | warning | off
///   max-sprawl: {severity: error, systems: 20, teams: 5}
///   stale-gate: {days: 21}
/// custom:
///   - id: restricted-flows-live
///     where: {kind: flow, classification: restricted}
///     require: {status: live}
/// ```
///
/// ```swift
/// let (rules, errors) = RuleSetReader().read(text, file: "rules.yaml")
/// ```
package struct RuleSetReader: Sendable {
    public init() {}

    public func read(_ text: String, file: String) -> (rules: RuleSet, errors: [Finding]) {
        var findings = FindingCollector(file: file)
        var rules = RuleSet()
        let root: DocumentNode?
        do {
            root = try YAMLDocumentParser().parse(text)
        } catch {
            return (
                rules,
                [
                    Finding(
                        severity: .error, file: file, position: error.position, id: nil, rule: RuleID.syntax.rawValue,
                        message: error.message)
                ]
            )
        }
        guard let root, case .mapping(let entries) = root.value else {
            findings.error("a rules file is a mapping with 'rules' and 'custom'", at: root?.position ?? .start)
            return (rules, findings.findings)
        }
        for entry in entries {
            switch entry.key {
            case "rules": builtIn(entry.value, into: &rules, &findings)
            case "custom": custom(entry.value, into: &rules, &findings)
            default:
                findings.error("unknown key '\(entry.key)'; a rules file has 'rules' and 'custom'", at: entry.keyPosition)
            }
        }
        return (rules, findings.findings)
    }

    private func builtIn(_ node: DocumentNode, into rules: inout RuleSet, _ findings: inout FindingCollector) {
        guard case .mapping(let entries) = node.value else {
            findings.error("'rules' is a mapping of rule id to severity or settings", at: node.position)
            return
        }
        for entry in entries {
            guard let rule = RuleID(rawValue: entry.key) else {
                findings.error(
                    "unknown rule '\(entry.key)'" + Suggestion.phrase(for: entry.key, among: RuleID.allCases.map(\.rawValue)),
                    at: entry.keyPosition)
                continue
            }
            var severity: RuleSeverity?
            if case .mapping(let settings) = entry.value.value {
                for setting in settings {
                    switch (setting.key, rule) {
                    case ("severity", _): severity = self.severity(setting.value, &findings)
                    case ("systems", .maxSprawl): rules.maximumSystems = count(setting.value, upTo: 1_000_000, &findings) ?? rules.maximumSystems
                    case ("teams", .maxSprawl): rules.maximumTeams = count(setting.value, upTo: 1_000_000, &findings) ?? rules.maximumTeams
                    case ("days", .staleGate): rules.staleGateDays = count(setting.value, upTo: Int(Effort.maximumDays), &findings) ?? rules.staleGateDays
                    default:
                        let allowed = ["severity"] + (rule == .maxSprawl ? ["systems", "teams"] : rule == .staleGate ? ["days"] : [])
                        findings.error(
                            "rule '\(rule.rawValue)' has no setting '\(setting.key)'; it takes "
                                + allowed.map { "'\($0)'" }.joined(separator: ", "), at: setting.keyPosition)
                    }
                }
            } else {
                severity = self.severity(entry.value, &findings)
            }
            guard let severity else { continue }
            if rule.isStructural && severity != .error {
                findings.error("rule '\(rule.rawValue)' keeps a model from being read; it is always an error", at: entry.keyPosition)
            } else {
                rules.severities[rule] = severity
            }
        }
    }

    private func custom(_ node: DocumentNode, into rules: inout RuleSet, _ findings: inout FindingCollector) {
        guard case .sequence(let items) = node.value else {
            findings.error("'custom' is a list of rules, each with 'id', 'where' and 'require'", at: node.position)
            return
        }
        for item in items {
            guard case .mapping(let entries) = item.value else {
                findings.error("a custom rule is a mapping with 'id', 'where' and 'require'", at: item.position)
                continue
            }
            var id: String?, severity = RuleSeverity.warning, description: String?
            var selector: EntitySelector?, requirements: [CustomRule.Requirement]?
            for entry in entries {
                switch entry.key {
                case "id": id = text(entry.value, &findings)
                case "severity": severity = self.severity(entry.value, &findings) ?? severity
                case "description": description = text(entry.value, &findings)
                case "where": selector = self.selector(entry.value, &findings)
                case "require": requirements = require(entry.value, kind: selector?.kind, &findings)
                default:
                    findings.error(
                        "unknown key '\(entry.key)' in a custom rule; it takes 'id', 'severity', 'description', "
                            + "'where' and 'require'", at: entry.keyPosition)
                }
            }
            guard let id, !id.isEmpty else {
                findings.error("a custom rule needs an 'id'", at: item.position)
                continue
            }
            if RuleID(rawValue: id) != nil || rules.custom.contains(where: { $0.id == id }) {
                findings.error("custom rule '\(id)': the id is already taken", at: item.position, id: id)
                continue
            }
            guard let selector, let requirements, !requirements.isEmpty else {
                findings.error("custom rule '\(id)' needs 'where' (with a 'kind') and a non-empty 'require'", at: item.position, id: id)
                continue
            }
            rules.custom.append(
                CustomRule(
                    id: id, severity: severity, description: description ?? id, selector: selector,
                    requirements: requirements, position: item.position))
        }
    }

    private func selector(_ node: DocumentNode, _ findings: inout FindingCollector) -> EntitySelector? {
        guard case .mapping(let entries) = node.value else {
            findings.error("a selector is a mapping with 'kind' and keys to match", at: node.position)
            return nil
        }
        guard let kindEntry = entries.first(where: { $0.key == "kind" }) else {
            findings.error("a selector needs a 'kind': one of " + EntityKind.allCases.map(\.rawValue).joined(separator: ", "), at: node.position)
            return nil
        }
        guard let name = text(kindEntry.value, &findings), let kind = EntityKind(rawValue: name) else {
            findings.error("'kind' is one of " + EntityKind.allCases.map(\.rawValue).joined(separator: ", "), at: kindEntry.value.position)
            return nil
        }
        var selector = EntitySelector(kind: kind)
        for entry in entries where entry.key != "kind" {
            guard key(entry, of: kind, &findings), let values = values(entry.value, &findings) else { continue }
            selector.values.append((entry.key, values))
        }
        return selector
    }

    private func require(_ node: DocumentNode, kind: EntityKind?, _ findings: inout FindingCollector) -> [CustomRule.Requirement]? {
        guard case .mapping(let entries) = node.value else {
            findings.error("'require' is a mapping of keys to required values, or 'after' with a selector", at: node.position)
            return nil
        }
        var requirements: [CustomRule.Requirement] = []
        for entry in entries {
            if entry.key == "after" {
                if let selector = selector(entry.value, &findings) { requirements.append(.after(selector)) }
            } else if let kind, key(entry, of: kind, &findings), let values = values(entry.value, &findings) {
                requirements.append(.value(key: entry.key, equals: values))
            }
        }
        return requirements
    }

    private func key(_ entry: DocumentNode.MappingEntry, of kind: EntityKind, _ findings: inout FindingCollector) -> Bool {
        let keys = EntitySelector.keys[kind] ?? []
        guard keys.contains(entry.key) else {
            findings.error(
                "a \(kind.rawValue) has no key '\(entry.key)' to match; it has " + keys.joined(separator: ", "),
                at: entry.keyPosition)
            return false
        }
        return true
    }

    private func severity(_ node: DocumentNode, _ findings: inout FindingCollector) -> RuleSeverity? {
        guard let name = text(node, &findings), let severity = RuleSeverity(rawValue: name) else {
            findings.error("a severity is error, warning or off", at: node.position)
            return nil
        }
        return severity
    }

    private func count(_ node: DocumentNode, upTo limit: Int, _ findings: inout FindingCollector) -> Int? {
        guard case .scalar(let scalar) = node.value, scalar.style == .plain, let value = Int(scalar.text), (0...limit).contains(value) else {
            findings.error("expected a whole number from 0 to \(limit), found \(node.kindDescription)", at: node.position)
            return nil
        }
        return value
    }

    private func text(_ node: DocumentNode, _ findings: inout FindingCollector) -> String? {
        guard case .scalar(let scalar) = node.value, scalar.style != .null else {
            findings.error("expected text, found \(node.kindDescription)", at: node.position)
            return nil
        }
        return scalar.text
    }

    private func values(_ node: DocumentNode, _ findings: inout FindingCollector) -> [String]? {
        if case .sequence(let items) = node.value {
            let texts = items.compactMap { text($0, &findings) }
            return texts.count == items.count && !texts.isEmpty ? texts : nil
        }
        return text(node, &findings).map { [$0] }
    }
}
