import ArgumentParser
import Integraph

/// `--start` and the other date options, parsed the same way by every command.
enum DateOption {
    static func parse(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw ValidationError("--start must be a date written YYYY-MM-DD, not '\(text)'.")
        }
        return date
    }
}
