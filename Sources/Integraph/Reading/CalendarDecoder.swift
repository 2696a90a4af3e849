/// Reads a model's `calendar: {workdays: [mon, tue, wed, thu, fri], holidays: [2026-12-25]}`,
/// reporting every problem with its line and column: an unknown key, a wrong type, a word
/// that is no weekday (with the closest one), a weekday or holiday written twice, no
/// workday at all, a bad date, more than ``WorkingCalendar/maximumHolidays`` holidays.
///
/// Weekdays are `mon` … `sun` or `monday` … `sunday`, in any case. A missing key keeps
/// its default: Monday to Friday, no holidays.
struct CalendarDecoder {
    static let keys = ["workdays", "holidays"]
    private static let subject = "calendar"

    /// The calendar `node` describes; ``WorkingCalendar/standard`` where it has errors, which
    /// are reported (the model is then refused, so no date is computed on it).
    static func decode(_ node: DocumentNode, findings: inout FindingCollector) -> WorkingCalendar {
        guard let fields = EntityFields(node, subject: subject, allowed: keys, findings: &findings) else { return .standard }
        fields.reportUnknownKeys(&findings)
        let workdays = fields.node("workdays").map { weekdays($0, fields: fields, findings: &findings) } ?? WorkingCalendar.standard.workdays
        let holidays = fields.node("holidays").map { dates($0, fields: fields, findings: &findings) } ?? []
        return WorkingCalendar(workdays: workdays, holidays: holidays) ?? .standard
    }

    /// The weekdays of `workdays`; none when the list has errors (all reported).
    private static func weekdays(_ node: DocumentNode, fields: EntityFields, findings: inout FindingCollector) -> [Weekday] {
        guard case .sequence(let items) = node.value else {
            fields.wrongType("workdays", expected: "a list of weekdays (mon … sun)", found: node, findings: &findings)
            return []
        }
        guard !items.isEmpty else {
            findings.error("\(subject): 'workdays' is empty: there is no day to work on, so no work could ever finish", at: node.position)
            return []
        }
        var days: [Weekday] = [], valid = true
        for item in items {
            guard case .scalar(let scalar) = item.value, scalar.style != .null else {
                findings.error("\(subject): each entry of 'workdays' must be a weekday, found \(item.kindDescription)", at: item.position)
                valid = false
                continue
            }
            guard let day = Weekday(word: scalar.text) else {
                findings.error(
                    "\(subject): 'workdays' names '\(scalar.text)', which is no weekday (mon … sun or monday … sunday)"
                        + suggestion(for: scalar.text), at: item.position)
                valid = false
                continue
            }
            guard !days.contains(day) else {
                findings.error("\(subject): 'workdays' names \(day.fullName) twice", at: item.position)
                valid = false
                continue
            }
            days.append(day)
        }
        return valid ? days : []
    }

    /// " (did you mean 'thu'?)": the closest spelling, or the day a longer abbreviation
    /// (`thurs`, `wednes`) starts.
    private static func suggestion(for word: String) -> String {
        let lowered = word.lowercased()
        let prefixed = lowered.count >= 2 ? Weekday.allCases.first(where: { $0.fullName.hasPrefix(lowered) })?.shortName : nil
        return Suggestion.phrase(suggesting: Suggestion.closest(to: lowered, among: Weekday.spellings) ?? prefixed)
    }

    /// The dates of `holidays`, those with errors left out.
    private static func dates(_ node: DocumentNode, fields: EntityFields, findings: inout FindingCollector) -> [CalendarDate] {
        guard case .sequence(let items) = node.value else {
            fields.wrongType("holidays", expected: "a list of dates written YYYY-MM-DD", found: node, findings: &findings)
            return []
        }
        // Checked before reading them: the bound keeps every date computation cheap.
        guard items.count <= WorkingCalendar.maximumHolidays else {
            findings.error(
                "\(subject): 'holidays' lists \(items.count) days, more than the \(WorkingCalendar.maximumHolidays) a calendar may have",
                at: node.position)
            return []
        }
        var dates: [CalendarDate] = [], seen: Set<CalendarDate> = []
        for item in items {
            guard let date = EntityFields.date(item, describedAs: "'holidays' entry", subject: subject, id: nil, findings: &findings) else {
                continue
            }
            guard seen.insert(date).inserted else {
                findings.error("\(subject): 'holidays' lists \(date) twice", at: item.position)
                continue
            }
            dates.append(date)
        }
        return dates
    }
}
