import Foundation

/// Reads spreadsheet exports: `systems.csv`, `flows.csv` and optional `teams.csv`,
/// `gates.csv`, `pilots.csv`, each with a header row of model keys (docs/model.md). A cell
/// of a list key (`data`, `after`, `needs`, `flows`) holds its items separated by `;`; an
/// `effort` of `3;5;12` is a three-point estimate; a header `attributes.NAME` or
/// `derives.LABEL` fills that entry of the mapping. Other headers of systems and flows go to
/// `attributes`, so nothing is lost. Each row is read by the same decoder as a model file,
/// so a bad value is reported with its file, line and column, and the row is left out.
/// O(cells).
///
/// ```swift
/// var builder = ImportBuilder(source: "csv")
/// SpreadsheetImporter().read(files, into: &builder)
/// ```
package struct SpreadsheetImporter: Sendable {
    /// The files it reads, by base name, with the model key they fill.
    static let tables = ["teams": "teams", "systems": "systems", "flows": "flows", "gates": "gates", "pilots": "pilots"]
    static let listKeys: Set<String> = ["data", "after", "needs", "flows"]

    public init() {}

    public func read(_ files: [ImportSource], into builder: inout ImportBuilder) {
        for file in files {
            let base = ((file.name as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
            guard let key = Self.tables[base] else {
                builder.skip(
                    ImportNote(
                        file: file.name, position: .start,
                        message: "skipped: not one of teams.csv, systems.csv, flows.csv, gates.csv, pilots.csv"))
                continue
            }
            let table = CSVRecords(file.text)
            guard let header = table.records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
                if let quote = table.unclosedQuote { builder.skipFile(Self.unclosed(quote, in: file.name)) }
                continue
            }
            if let quote = table.unclosedQuote { builder.readPartly(Self.unclosed(quote, in: file.name)) }
            var rows: [(line: Int, fields: [String])] = []
            for record in table.records.dropFirst() {
                let position = SourcePosition(line: record.line, column: 1)
                if record.fields.count < header.count {
                    let shortBy = "has \(Wording.counted(record.fields.count, "field")) where the header has \(header.count)"
                    // A last row without its line break was cut off mid-field: its last cell is not what was meant.
                    guard record.isTerminated else {
                        builder.readPartly(
                            ImportNote(file: file.name, position: position, message: "the last row \(shortBy) and no line end (cut off?): left out"))
                        continue
                    }
                    builder.readPartly(ImportNote(file: file.name, position: position, message: "the row \(shortBy): its missing cells are read as empty"))
                } else if record.fields.count > header.count {
                    builder.warn(
                        ImportNote(
                            file: file.name, position: SourcePosition(line: record.line, column: header.count + 1),
                            message: "the row has \(record.fields.count) fields where the header has \(header.count): the extra cells are left out"))
                }
                rows.append((record.line, record.fields))
            }
            let known = Set(LandscapeDecoder.keys(of: key))
            let entities = rows.map { row in
                Self.mapping(header: header, row: row.fields, line: row.line, known: known, extrasToAttributes: key == "systems" || key == "flows")
            }
            let root = DocumentNode(
                .mapping([
                    DocumentNode.MappingEntry(key: "integraph", keyPosition: .start, value: DocumentNode(.scalar(.init(text: "1", style: .plain)), at: .start)),
                    DocumentNode.MappingEntry(key: key, keyPosition: .start, value: DocumentNode(.sequence(entities), at: .start))
                ]), at: .start)
            var decoder = LandscapeDecoder(file: file.name)
            guard let landscape = decoder.decode(root) else { continue }
            // A row without what identifies it is left out; a bad value is read as absent.
            for finding in decoder.findings.findings {
                builder.warn(ImportNote(file: file.name, position: finding.position, message: finding.message))
            }
            for team in landscape.teams { builder.addTeam(team) }
            for system in landscape.systems { builder.addSystem(system) }
            for flow in landscape.flows { builder.addFlow(flow, at: ImportNote(file: file.name, position: flow.position, message: flow.id)) }
            for gate in landscape.gates { builder.addGate(gate) }
            for pilot in landscape.pilots { builder.addPilot(pilot) }
        }
    }

    private static func unclosed(_ quote: SourcePosition, in file: String) -> ImportNote {
        ImportNote(
            file: file, position: quote,
            message: "a quoted cell opens here and the file ends before it closes (cut off?): the rest of the file from this row is left out")
    }

    /// One row as the mapping a model file would hold, each value at its cell's line and column.
    private static func mapping(
        header: [String], row: [String], line: Int, known: Set<String>,
        extrasToAttributes: Bool
    ) -> DocumentNode {
        var entries: [DocumentNode.MappingEntry] = []
        var nested: [String: [DocumentNode.MappingEntry]] = [:]
        for (column, name) in header.enumerated() where column < row.count {
            let cell = row[column].trimmingCharacters(in: .whitespaces)
            guard !cell.isEmpty, !name.isEmpty else { continue }
            let position = SourcePosition(line: line, column: column + 1)
            let items = cell.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            func scalar(_ text: String) -> DocumentNode { DocumentNode(.scalar(.init(text: text, style: .plain)), at: position) }
            func list() -> DocumentNode { DocumentNode(.sequence(items.map(scalar)), at: position) }
            let value: DocumentNode
            if let dot = name.firstIndex(of: "."), ["attributes", "derives"].contains(String(name[..<dot])) {
                let outer = String(name[..<dot]), inner = String(name[name.index(after: dot)...])
                nested[outer, default: []].append(.init(key: inner, keyPosition: position, value: outer == "derives" ? list() : scalar(cell)))
                continue
            } else if listKeys.contains(name) {
                value = list()
            } else if name == "effort", items.count == 3 {
                value = DocumentNode(
                    .mapping(
                        zip(["optimistic", "likely", "pessimistic"], items).map {
                            .init(key: $0.0, keyPosition: position, value: scalar($0.1))
                        }), at: position)
            } else if !known.contains(name) && extrasToAttributes {
                nested["attributes", default: []].append(.init(key: name, keyPosition: position, value: scalar(cell)))
                continue
            } else {
                value = scalar(cell)
            }
            entries.append(.init(key: name, keyPosition: position, value: value))
        }
        for (key, inner) in nested.sorted(by: { $0.key < $1.key }) {
            entries.append(.init(key: key, keyPosition: inner[0].keyPosition, value: DocumentNode(.mapping(inner), at: inner[0].keyPosition)))
        }
        return DocumentNode(.mapping(entries), at: SourcePosition(line: line, column: 1))
    }
}
