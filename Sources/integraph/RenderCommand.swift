import ArgumentParser
import Integraph
import IntegraphGraphviz

/// `integraph render MODEL -o FILE`: draws the landscape map through libgvc.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a landscape map with Graphviz (in-process).",
        discussion: """
            Systems are clustered by domain, flows are styled by status (live grey, in-progress \
            blue, backlog dashed orange, blocked bold red with its reason), and pilots are purple \
            hexagons linked from the systems they need. The format follows the output's \
            extension (.svg, .png, .pdf, .dot) unless --format says otherwise; '-o -' writes to \
            standard output. The file is written atomically: a failed run leaves no partial file.

            Exit codes: 0 written; 1 the model has errors; 2 the model could not be read or the \
            command line is wrong; 3 Graphviz or the file system failed.
            """)

    @Argument(help: "The model file (.yaml, .yml or .json), or - for standard input.")
    var model: String

    @Option(name: .shortAndLong, help: "Where to write the map; - for standard output.")
    var output: String

    @Option(help: "Output format: svg, png, pdf or dot (default: from the output's extension).")
    var format: MapFormat?

    @Option(help: "Graphviz layout engine: dot, neato, fdp, sfdp, circo or twopi.")
    var engine = "dot"

    func validate() throws {
        if format == nil, output == "-" || MapFormat(path: output) == nil {
            throw ValidationError("Cannot tell the format from '\(output)': use a .svg, .png, .pdf or .dot file, or --format.")
        }
    }

    func run() throws {
        let landscape = try ModelLoading.validLandscape(model)
        do {
            let rendering = try MapRenderer(engine: engine).render(landscape, as: format ?? MapFormat(path: output) ?? .svg)
            for warning in rendering.warnings { Console.error("warning: graphviz: \(warning)") }
            try OutputDestination.write(rendering.data, to: output)
        } catch let error as GraphvizError {
            Console.error("error: \(error)")
            throw ExitStatus.outputFailed
        }
    }
}

extension MapFormat: ExpressibleByArgument {}
