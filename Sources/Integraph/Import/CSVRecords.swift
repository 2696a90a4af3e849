/// The records of a CSV text as RFC 4180 writes them (fields separated by commas, a field
/// in double quotes may hold commas, line breaks and `""` for a quote), each with the line
/// it starts on, and whether the text stops inside a quoted field. Spreadsheet exports are
/// often cut short by a copy or a download; a reader that does not say where a record
/// starts cannot name the line of a bad cell, and one that closes an open quote at the end
/// of the file silently imports half a row. O(bytes), one pass.
///
/// ```swift
/// let table = CSVRecords("id,name\ncrm,\"CRM, sales\"\n")
/// table.records[1].fields // ["crm", "CRM, sales"]
/// table.records[1].line   // 2
/// ```
struct CSVRecords {
    struct Record {
        /// The line the record starts on (1-based).
        let line: Int
        let fields: [String]
        /// Whether a line break ends it, as every record but a file's last one has.
        let isTerminated: Bool
    }

    private(set) var records: [Record] = []
    /// Where a quoted field opens that the text never closes: that record is cut off.
    private(set) var unclosedQuote: SourcePosition?

    init(_ text: String) {
        var bytes = Array(text.utf8)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var fields: [String] = [], field: [UInt8] = []
        var line = 1, recordLine = 1, column = 1
        var inQuotes = false, quoteOpened = SourcePosition.start, index = bytes.startIndex
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord(terminated: Bool) {
            endField()
            // A blank line is no record.
            if fields.count > 1 || !fields[0].isEmpty { records.append(Record(line: recordLine, fields: fields, isTerminated: terminated)) }
            fields.removeAll(keepingCapacity: true)
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.endIndex, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
                // A line break in a cell still moves the line: LF, CRLF, or a CR alone (Excel for Mac).
                let breaksLine = byte == newline || (byte == cr && (index == bytes.endIndex || bytes[index] != newline))
                if breaksLine { (line, column) = (line + 1, 1) } else { column += 1 }
                continue
            }
            switch byte {
            case quote where field.isEmpty:
                inQuotes = true
                quoteOpened = SourcePosition(line: line, column: column)
            case comma: endField()
            case cr, newline:
                if byte == cr, index < bytes.endIndex, bytes[index] == newline { index += 1 }
                endRecord(terminated: true)
                line += 1
                column = 0
                recordLine = line
            default: field.append(byte)
            }
            column += 1
        }
        if inQuotes {
            unclosedQuote = quoteOpened
        } else if !field.isEmpty || !fields.isEmpty {
            endRecord(terminated: false)
        }
    }
}
