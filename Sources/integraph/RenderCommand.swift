import ArgumentParser
import Integraph
import IntegraphGraphviz

/// `integraph render MODEL --view VIEW -o FILE`: draws a map through libgvc.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a map of the landscape with Graphviz (in-process).",
        discussion: """
            Views: 'landscape' (default) clusters systems by domain (--cluster) and fills them \
            by backlog pressure; 'pilot:ID' draws one pilot's lineage with its critical path in \
            bold red, effort and slack on pending items, gates as diamonds and dominators \
            outlined; 'backlog' shows only pending work, grouped by owner team; 'domains' draws \
            one node per domain, for big landscapes; 'focus:SYSTEM[:DEPTH]' one system and its \
            neighbours up to DEPTH flows away; 'diff' the union of the model and an earlier one \
            (--against OLD: a file or git:REVISION:PATH), added green, removed red and dashed, \
            changed amber. Every map has a title and a legend.

            The engine is chosen from the graph's size and shape (dot for small or layered \
            maps, sfdp with overlap removal for big tangled ones) and a notice says so; \
            --engine forces one. The format follows the output's extension (.svg, .png, .pdf, \
            .json, .dot/.gv, .mmd for Mermaid) unless --format says otherwise; '-o -' writes to \
            standard output. The file is written atomically: a failed run leaves no partial file.

            Exit codes: 0 written; 1 the model has errors; 2 the model could not be read or the \
            command line is wrong (including an unknown view or pilot); 3 Graphviz or the file \
            system failed.
            """)

    @Argument(help: "The model file (.yaml, .yml or .json), or - for standard input.")
    var model: String

    @Option(
        help: ArgumentHelp("What to draw: \(MapView.names.joined(separator: ", ")).", valueName: "view"),
        transform: { argument in
            do { return try MapView(argument: argument) } catch { throw ValidationError("\(error)") }
        })
    var view: MapView = .landscape

    @Option(name: .shortAndLong, help: "Where to write the map; - for standard output.")
    var output: String

    @Option(help: "Output format: svg, png, pdf, json, dot or mermaid (default: from the output's extension).")
    var format: MapFormat?

    @Option(help: "Graphviz layout engine: dot, neato, fdp, sfdp, circo or twopi (default: chosen from the graph).")
    var engine: String?

    @Option(help: "How the landscape view groups systems: domain, team or none.")
    var cluster: MapClustering = .domain

    @Option(help: "The earlier model the diff view compares with: a file or git:REVISION:PATH.")
    var against: String?

    @Option(help: ArgumentHelp(DateOption.help), transform: DateOption.parse)
    var start: CalendarDate?

    func validate() throws {
        if format == nil, output == "-" || MapFormat(path: output) == nil {
            throw ValidationError("Cannot tell the format from '\(output)': use a .svg, .png, .pdf, .json, .dot or .mmd file, or --format.")
        }
        if (view == .diff) != (against != nil) {
            throw ValidationError("--view diff and --against OLD go together: the diff view draws what changed since OLD.")
        }
        if let engine, !LayoutPlan.engines.contains(engine) {
            throw ValidationError("Unknown engine '\(engine)'; engines are \(LayoutPlan.engines.joined(separator: ", ")).")
        }
    }

    func run() throws {
        let pipeline = Pipeline(options: AnalysisOptions(start: try DateOption.asOf(start)))
        let outlook = try ModelLoading.outlook(model, pipeline, for: .schedules).outlook
        var subject = MapSubject(outlook)
        if let against { subject.comparison = MapSubject.Comparison(old: try ModelLoading.snapshot(against, pipeline), new: outlook) }
        do {
            let renderer = MapRenderer(view: view, clustering: cluster, engine: engine)
            let rendering = try renderer.render(subject, as: format ?? MapFormat(path: output) ?? .svg) { plan in
                Console.error("note: laying out \(plan.nodeCount) nodes and \(plan.edgeCount) edges with \(plan.engine)…")
            }
            if let notice = rendering.plan.notice { Console.error("note: \(notice)") }
            if let notice = rendering.notice { Console.error("note: \(notice)") }
            for warning in rendering.warnings { Console.error("warning: graphviz: \(warning)") }
            try OutputDestination.write(rendering.data, to: output)
        } catch let error as MapViewError {
            Console.error("error: \(model): \(error)")
            throw ExitStatus.unreadableInput
        } catch let error as GraphvizError {
            Console.error("error: \(model): \(error)")
            throw ExitStatus.outputFailed
        }
    }
}

extension MapFormat: ExpressibleByArgument {}
extension MapClustering: ExpressibleByArgument {}
