import ArgumentParser
import Foundation
import Integraph

/// `--start` and "today", the same for every command: a command that dates anything counts
/// from `--start`, or from today in UTC, or from SOURCE_DATE_EPOCH when it is set (the
/// reproducible-builds convention), so pinned outputs stay the same from day to day.
enum DateOption {
    static let help = "The day the outlook counts from (YYYY-MM-DD; default: today, UTC, or SOURCE_DATE_EPOCH's day)."

    static func parse(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw ValidationError("--start must be a date written YYYY-MM-DD, not '\(text)'.")
        }
        return date
    }

    /// The calendar day of `date` in UTC: today, or a file's last change.
    static func day(of date: Date) -> CalendarDate? {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Now, or SOURCE_DATE_EPOCH's time when it is set; a malformed one stops the command
    /// (exit 2), as the convention asks, rather than silently using the clock.
    static func now() throws -> Date {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] else { return Date() }
        // Whole seconds from 1970 up to the last day a CalendarDate holds.
        guard let seconds = Int64(text.trimmingCharacters(in: .whitespaces)), (0...253_402_300_799).contains(seconds) else {
            Console.error("error: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (UTC), not '\(text)'")
            throw ExitStatus.unreadableInput
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `--start` when given, else today (UTC) or SOURCE_DATE_EPOCH's day.
    static func asOf(_ start: CalendarDate?) throws -> CalendarDate {
        if let start { return start }
        guard let today = day(of: try now()) else {
            Console.error("error: cannot tell today's date; give --start YYYY-MM-DD")
            throw ExitStatus.unreadableInput
        }
        return today
    }
}
