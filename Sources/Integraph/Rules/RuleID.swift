/// Every kind of finding `check` can make, each with a default severity and the reason it
/// exists (docs/rules.md says the same at length). Structural rules are errors that make a
/// model unusable and cannot be turned off; the others are policies a rules file can turn
/// off, make errors, or tune (``RuleSet``).
///
/// ```swift
/// RuleID.owned.defaultSeverity // .off: an imported catalog has no owners yet
/// RuleID(rawValue: "max-sprawl")?.summary
/// ```
package enum RuleID: String, CaseIterable, Sendable, Hashable {
    case syntax
    case schema
    case duplicateID = "duplicate-id"
    case unknownReference = "unknown-reference"
    case selfFlow = "self-flow"
    case afterCycle = "after-cycle"
    case precedenceCycle = "precedence-cycle"
    case pendingWithoutEffort = "pending-without-effort"
    case unlabelledFlowFromHub = "unlabelled-flow-from-hub"
    case owned
    case blockedHasReason = "blocked-has-reason"
    case pilotHasChampion = "pilot-has-champion"
    case noDeprecatedInLineage = "no-deprecated-in-lineage"
    case restrictedDataNeedsApprovedReview = "restricted-data-needs-approved-review"
    case targetIsReachable = "target-is-reachable"
    case maxSprawl = "max-sprawl"
    case staleGate = "stale-gate"
    case lineageGap = "lineage-gap"
    case labelHubFlows = "label-hub-flows"

    /// Errors without which the model cannot be read or analysed.
    public var isStructural: Bool {
        switch self {
        case .syntax, .schema, .duplicateID, .unknownReference, .selfFlow, .afterCycle, .precedenceCycle: true
        default: false
        }
    }

    /// Whether the rule needs the analysis (lineages, schedules, sprawl) to be checked.
    public var needsAnalysis: Bool {
        switch self {
        case .noDeprecatedInLineage, .restrictedDataNeedsApprovedReview, .targetIsReachable, .maxSprawl, .lineageGap, .labelHubFlows: true
        default: false
        }
    }

    public var defaultSeverity: RuleSeverity {
        if isStructural { return .error }
        // Off until asked: imported catalogs start without owners.
        return self == .owned ? .off : .warning
    }

    /// One line: what the rule asks for.
    public var summary: String {
        switch self {
        case .syntax: "The file is well-formed YAML or JSON."
        case .schema: "Every key is known and every value has the type and range its key allows."
        case .duplicateID: "Every id names one entity."
        case .unknownReference: "Every reference names an entity of the right kind."
        case .selfFlow: "A flow joins two different systems."
        case .afterCycle: "No cycle among 'after' links."
        case .precedenceCycle: "The work can be ordered: no cycle through flows, systems and gates."
        case .pendingWithoutEffort: "Pending work has an 'effort' or an estimates rule that covers it."
        case .unlabelledFlowFromHub: "A pending flow out of a system with many pending flows in says which data it carries."
        case .owned: "Every system, flow and gate has an owner team."
        case .blockedHasReason: "A blocked flow says in 'blocked_by' what blocks it."
        case .pilotHasChampion: "Every pilot names its champion."
        case .noDeprecatedInLineage: "No pilot's data comes from a deprecated system."
        case .restrictedDataNeedsApprovedReview:
            "A confidential or restricted flow in a pilot's lineage waits for an approved security-review or privacy gate."
        case .targetIsReachable: "Every pilot's finish as of the as-of date (with the teams' capacity where declared, else P85) falls on or before its target."
        case .maxSprawl: "No pilot touches more than the allowed number of systems or teams."
        case .staleGate: "No gate stays pending longer than the allowed days after its 'requested' date."
        case .lineageGap:
            "No pending flow into a system in a pilot's lineage stays out of it because the pilot's data labels arrive from nowhere there."
        case .labelHubFlows: "No system is pulled into most pilots' lineages by flows that name no data."
        }
    }

    /// Why the rule exists: what goes wrong without it.
    public var rationale: String {
        if isStructural { return "Without it the model cannot be read or its work cannot be scheduled, so no analysis runs." }
        return switch self {
        case .pendingWithoutEffort:
            "Work without an estimate takes the median of its kind; critical paths built on guesses look surer than they are."
        case .unlabelledFlowFromHub:
            "Without data labels a flow out of a hub waits for every pending flow into it, which inflates critical paths."
        case .owned:
            "Work nobody owns is work nobody schedules; the plan charges it to no team. Off by default: imported catalogs start without owners."
        case .blockedHasReason:
            "A block nobody can name cannot be escalated; leaders need the reason and who clears it."
        case .pilotHasChampion:
            "Pilots without an accountable person stall when integration gets hard."
        case .noDeprecatedInLineage:
            "Data from a system being retired will stop; a pilot built on it needs a migration first."
        case .restrictedDataNeedsApprovedReview:
            "Sensitive data moved before its review is approved is the governance surprise that stops pilots late."
        case .targetIsReachable:
            "A target the plan cannot meet should surface while it can still be moved or resourced."
        case .maxSprawl:
            "Every extra system and team is another integration and another queue; sprawling pilots rarely reach production."
        case .staleGate:
            "Governance that arrives late stalls pilots; a gate pending for weeks should be escalated while it still can be."
        case .lineageGap:
            "A missing 'derives' or a wrong label silently drops pending work from a pilot's lineage: the pilot reads on track while a blocked feed it needs waits."
        case .labelHubFlows:
            "Unlabelled flows pass every demand on, so each pilot takes the system and all that feeds it into its work and critical path. "
                + "On imported meshes every shared upstream system is one: label the flows, or turn the rule off until the team does."
        default: ""
        }
    }
}

/// How a rule's findings count: `off` drops them.
package enum RuleSeverity: String, Sendable, Hashable, CaseIterable {
    case error, warning, off
}
