/// Everything the analyses say about one pilot: its work and schedule, its critical path
/// and the odds on its duration, its sprawl and its single points of failure.
public struct PilotAnalysis: Sendable {
    /// One work item in the pilot's schedule.
    public struct ScheduledWork: Sendable {
        public let item: WorkItem
        public let earliestStart: Double
        public let earliestFinish: Double
        public let latestStart: Double
        public let latestFinish: Double
        public let slack: Double
        /// The share of Monte Carlo samples in which the item was on the critical path
        /// (0 or 1 when no effort is uncertain).
        public let criticality: Double
    }

    /// The pilot's work items with their schedule, sorted by id, kept as columns so a
    /// pilot waiting on a million items costs 28 bytes an item; a ``ScheduledWork`` is made
    /// when one is read.
    public struct WorkSchedule: Sendable, RandomAccessCollection {
        let items: [WorkItem]
        let itemIndices: [UInt32]
        let earliestStarts: [Double]
        let latestStarts: [Double]
        let criticalities: [Double]

        public var startIndex: Int { 0 }
        public var endIndex: Int { itemIndices.count }

        public subscript(position: Int) -> ScheduledWork {
            let item = items[Int(itemIndices[position])]
            let days = item.effort.expectedDays
            let earliest = earliestStarts[position], latest = latestStarts[position]
            return ScheduledWork(item: item, earliestStart: earliest, earliestFinish: earliest + days, latestStart: latest,
                                 latestFinish: latest + days, slack: Swift.max(0, latest - earliest),
                                 criticality: criticalities[position])
        }

        /// The entry for an item id, by binary search (the entries are sorted by id).
        public func entry(for id: String) -> ScheduledWork? {
            var low = 0, high = count
            while low < high {
                let middle = (low + high) / 2
                let middleID = items[Int(itemIndices[middle])].id
                if middleID == id { return self[middle] }
                if middleID < id { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// PERT statistics along the critical path and Monte Carlo percentiles of the duration.
    public struct DurationEstimate: Sendable {
        public let mean: Double
        public let standardDeviation: Double
        public let p50: Double
        public let p85: Double
        public let p95: Double
    }

    /// How much of the landscape the pilot touches.
    public struct Sprawl: Sendable {
        public let systems: Int
        public let flows: Int
        public let pendingFlows: Int
        public let teams: Int
        public let domains: Int
        public let gates: Int
        /// The most sensitive classification among its lineage's flows.
        public let classification: Classification?
    }

    public let pilot: Pilot
    public let lineage: Lineage
    /// No pending work stands between the pilot and its own hardening.
    public let ready: Bool
    /// Its target falls before its P85 finish date (needs a start date).
    public let atRisk: Bool
    public let duration: Double
    /// Item ids of one zero-slack chain, first to last, ties broken by id.
    public let criticalPath: [String]
    public let estimate: DurationEstimate?
    /// Sorted by id.
    public let work: WorkSchedule
    public let sprawl: Sprawl
    /// Systems every data path into the pilot's needed systems passes through, by id.
    public let dominators: [String]
    /// The share of the duration's critical-path days that rest on estimated efforts.
    public let estimatedShare: Double
    /// With a start date: when the P85 duration (or the duration) ends, in working days.
    public let finishDate: CalendarDate?
    /// Item indices of its work and of its critical path, for the bottleneck analysis.
    let workItems: [UInt32]
    let criticalItems: [UInt32]
}
