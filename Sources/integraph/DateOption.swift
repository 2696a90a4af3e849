import ArgumentParser
import Foundation
import Integraph

/// `--start` and the other date options, parsed the same way by every command.
enum DateOption {
    static func parse(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw ValidationError("--start must be a date written YYYY-MM-DD, not '\(text)'.")
        }
        return date
    }

    /// The calendar day of `date` in UTC: today for `check` and `diff`, a file's last change
    /// for map titles.
    static func day(of date: Date) -> CalendarDate? {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    static func today() -> CalendarDate? { day(of: Date()) }
}
