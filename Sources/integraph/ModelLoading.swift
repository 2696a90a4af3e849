import ArgumentParser
import Integraph

/// Reads a model for a command that needs a valid one: errors go to stderr with the exit
/// status the tool documents, warnings are counted.
enum ModelLoading {
    static func validLandscape(_ argument: String) throws -> Landscape {
        let source = ModelSource(argument: argument)
        let report: ModelReport
        do {
            report = try LandscapeReader().read(source)
        } catch {
            Console.error("error: \(error)")
            throw ExitStatus.unreadableInput
        }
        guard let landscape = report.validLandscape else {
            Console.error(FindingFormatter.text(report.errors))
            Console.error("\(source.displayName): the model has \(report.errors.count) error(s); 'integraph check \(argument)' lists them")
            throw ExitStatus.modelHasErrors
        }
        if !report.warnings.isEmpty {
            Console.error("note: \(source.displayName) has \(report.warnings.count) warning(s); 'integraph check \(argument)' lists them")
        }
        return landscape
    }
}
