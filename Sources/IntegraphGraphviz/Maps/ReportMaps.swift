import Integraph

/// The maps of a leaders' report: an overview (the `landscape` view, or the `domains` view
/// when the landscape is too big to read as one map) and a `pilot:ID` map for each pilot
/// (its critical path only when its lineage is too big to read), each with its own id prefix so they can share one page, and
/// links from the overview's pilot nodes to the pilots' maps.
///
/// ```swift
/// let maps = try ReportMaps(subject).maps
/// ```
package struct ReportMaps: Sendable {
    /// Pilot maps with more nodes than this show the critical path only: a bigger one is
    /// unreadable, and twenty of them would make a page of tens of megabytes.
    public static let pilotNodeLimit = 300

    public let maps: [ReportMap]
    public let notice: String?

    /// How many of the systems with the most pressure get a focus map.
    public static let focusCount = 5

    /// Focus maps of the systems with the most backlog pressure, one flow around each, for
    /// the report's bottleneck tables to link to.
    private static func focusMaps(_ subject: MapSubject, of focused: [Bottleneck], progress: (String) -> Void) throws -> [ReportMap] {
        var maps: [ReportMap] = []
        for (number, bottleneck) in focused.enumerated() {
            progress("\(bottleneck.id) and its neighbours")
            // Bounded by FocusMap.systemLimit, nearest first, and says what it left out.
            let drawing = try FocusMap(bottleneck.id).drawing(for: subject)
            let prefix = "f\(number + 1)-"
            let svg = String(decoding: try MapRenderer().render(drawing.prefixingIDs(prefix), as: .svg).data, as: UTF8.self)
            maps.append(
                ReportMap(
                    sectionID: "focus-\(number + 1)", title: "\(bottleneck.id) and its neighbours",
                    svg: svg, system: bottleneck.id))
        }
        return maps
    }

    /// `progress` is told the title of each map before it is drawn, counted: "map 3 of 27: …".
    public init(_ subject: MapSubject, progress: ((String) -> Void)? = nil) throws {
        let landscape = subject.landscape
        let pilots = subject.analysis.pilots
        // Only systems with pressure get a focus map: counted from the same list that draws them.
        let focused = subject.analysis.bottlenecks.systems.top(Self.focusCount)
        let total = pilots.count + 1 + focused.count
        var drawn = 0
        func next(_ title: String) {
            drawn += 1
            progress?("map \(drawn) of \(total): \(title)")
        }
        var sections: [String: String] = [:]
        for (number, pilot) in pilots.enumerated() { sections[pilot.pilot.id] = "pilot-\(number + 1)" }
        var pilotMaps: [ReportMap] = []
        for (number, pilot) in pilots.enumerated() {
            let prefix = "p\(number + 1)-"
            let name = pilot.pilot.name ?? pilot.pilot.id
            next(name)
            // Its lineage's systems and its gates are most of a pilot map's nodes.
            let small = pilot.sprawl.systems + pilot.sprawl.gates <= Self.pilotNodeLimit
            let drawing = try PilotMap(pilot: pilot.pilot.id, criticalPathOnly: !small).drawing(for: subject)
            let title =
                small
                ? "\(name) — what it waits for"
                : "\(name) — its critical path (its whole lineage, \(pilot.sprawl.systems) systems, is too big to draw)"
            let svg = String(decoding: try MapRenderer().render(drawing.prefixingIDs(prefix), as: .svg).data, as: UTF8.self)
            pilotMaps.append(ReportMap(sectionID: "pilot-\(number + 1)", title: title, svg: svg, pilot: pilot.pilot.id))
        }
        // The landscape view decides itself when it is too big and draws the domains.
        let big = LandscapeMap.drawsDomains(landscape)
        let overview = MapRenderer(view: .landscape, idPrefix: "o-")
        var links: [String: String] = [:]
        if !big {
            for pilot in pilots { if let section = sections[pilot.pilot.id] { links["o-" + pilot.pilot.id] = section } }
        }
        next(big ? "domains" : "landscape")
        let svg = String(decoding: try overview.render(subject, as: .svg).data, as: UTF8.self)
        maps =
            [ReportMap(sectionID: "overview", title: big ? "Domains" : "Landscape, by backlog pressure", svg: svg, links: links)]
            + pilotMaps + (try Self.focusMaps(subject, of: focused, progress: next))
        notice =
            big
            ? "This landscape has \(landscape.systems.count) systems, too many to read on one map: the overview shows its domains, "
                + "and each pilot has its own map."
            : nil
    }
}
