import Testing

@testable import Integraph

/// Files cut short (a download or a copy that stopped) and malformed ones: what came before
/// the cut is imported with a located warning that `--strict` turns into a refusal
/// (`ImportResult.unreadable`), and XML errors are told in words, not parser codes.
@Suite struct ImportTruncationTests {
    static func spreadsheet(_ name: String, _ text: String) -> ImportResult {
        var builder = ImportBuilder(source: "csv")
        SpreadsheetImporter().read([ImportSource(name: name, text: text)], into: &builder)
        return builder.finish(direction: .data)
    }

    static func archimate(_ text: String) -> ImportResult {
        var builder = ImportBuilder(source: "archimate")
        ArchiMateImporter().read([ImportSource(name: "m.xml", text: text)], into: &builder)
        return builder.finish(direction: .data)
    }

    /// RFC 4180 by hand: a quoted cell holds a comma, a doubled quote and a line break, so the
    /// third record starts on line 4; CRLF ends records as LF does; a byte-order mark and a
    /// blank line are no part of any record.
    @Test func csvRecordsKeepTheLineEachStartsOn() {
        let table = CSVRecords("\u{FEFF}id,name\r\ncrm,\"CRM, \"\"EU\"\"\nsales\"\n\ndwh,Snowflake")
        #expect(table.records.map(\.line) == [1, 2, 5])
        #expect(table.records[1].fields == ["crm", "CRM, \"EU\"\nsales"])
        #expect(table.records.map(\.isTerminated) == [true, true, false])
        #expect(table.unclosedQuote == nil)
        let open = CSVRecords("id,name\ncrm,\"CRM\nsales,x\n")
        #expect(open.records.count == 1 && open.unclosedQuote == SourcePosition(line: 2, column: 5))
    }

    /// Excel for Mac ends lines with a CR alone, inside quoted cells too: the record after a
    /// two-line cell starts on line 4, and a quote left open on line 5 is reported there.
    @Test func aCarriageReturnAloneEndsALineInAndOutOfQuotes() {
        let table = CSVRecords("id,name\rcrm,\"CRM\rsales\"\rdwh,DWH\rbi,BI\rml,\"open")
        #expect(table.records.map(\.line) == [1, 2, 4, 5])
        #expect(table.unclosedQuote == SourcePosition(line: 6, column: 4))
    }

    @Test func aLastRowCutMidFieldIsLeftOutWithItsLine() {
        let result = Self.spreadsheet("systems.csv", "id,name,owner,status\ncrm,CRM,sales,live\ndwh,Snowfl")
        #expect(result.landscape.systems.map(\.id) == ["crm"])
        #expect(
            result.unreadable.map(\.description) == [
                "systems.csv:3:1: the last row has 2 fields where the header has 4 and no line end (cut off?): left out"
            ])
        #expect(result.warnings == result.unreadable)
    }

    @Test func aShortRowInsideTheFileIsReadWithEmptyCellsAndWarned() {
        let result = Self.spreadsheet("systems.csv", "id,name,owner\ncrm,CRM\ndwh,Snowflake,data,extra\n")
        #expect(result.landscape.systems.map(\.id) == ["crm", "dwh"])
        #expect(result.landscape.systems[0].owner == nil && result.landscape.systems[1].owner?.id == "data")
        #expect(result.unreadable.map(\.description) == ["systems.csv:2:1: the row has 2 fields where the header has 3: its missing cells are read as empty"])
        #expect(result.warnings.last?.description == "systems.csv:3:4: the row has 4 fields where the header has 3: the extra cells are left out")
    }

    @Test func anUnclosedQuoteLeavesOutTheRestOfTheFile() {
        let result = Self.spreadsheet("flows.csv", "from,to,data\ncrm,dwh,accounts\ndwh,bi,\"orders;\nrefunds\n")
        #expect(Self.flowIDs(result) == ["crm->dwh"])
        #expect(result.unreadable.map(\.description).first?.hasPrefix("flows.csv:3:8: a quoted cell opens here and the file ends before it closes") == true)
    }

    /// ArchiSurance-shaped: the file stops inside a relationship's tag; libxml2 reports
    /// success, so the innermost element left open is what shows the cut. What came before
    /// it is read; the half-written relationship (no target) is not.
    @Test func anXMLDocumentThatEndsEarlyIsReadUpToTheCut() {
        let model = """
            <?xml version="1.0" encoding="UTF-8"?>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <elements>
                <element identifier="e1" xsi:type="ApplicationComponent"><name>CRM</name></element>
                <element identifier="e2" xsi:type="ApplicationComponent"><name>Portal</name></element>
              </elements>
              <relationships>
                <relationship identifier="r1" source="e1" target="e2" xsi:type="Serving"/>
                <relationship identifier="r2" source="e2" tar
            """
        let result = Self.archimate(model)
        #expect(result.landscape.systems.map(\.id) == ["CRM", "Portal"] && Self.flowIDs(result) == ["CRM->Portal"])
        let note = try? #require(result.unreadable.first)
        #expect(note?.position.line == 9)
        #expect(
            note?.message
                == "the file ends before its XML does (cut off?): <relationship> opened at line 9 is never closed; "
                + "read 2 elements and 1 relationship before the end")
        #expect(result.warnings == result.unreadable)
    }

    /// An element without a name keeps its identifier: the next `<name>` in the file (here a
    /// relationship's) is not its own.
    @Test func anUnnamedElementDoesNotTakeTheNextName() {
        let model = """
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <elements>
                <element identifier="a" xsi:type="ApplicationComponent"><name>CRM</name></element>
                <element identifier="b" xsi:type="ApplicationComponent"/>
              </elements>
              <relationships>
                <relationship identifier="r" source="a" target="b" xsi:type="Flow"><name>nightly export</name></relationship>
              </relationships>
            </model>
            """
        let result = Self.archimate(model)
        #expect(result.landscape.systems.map(\.id) == ["CRM", "b"] && Self.flowIDs(result) == ["CRM->b"])
    }

    /// Each malformed document as libxml2 numbers its error (76: a tag mismatch, 73: a
    /// missing '>', 26: an undeclared entity), told in words.
    @Test(arguments: [
        ("<model><a></b></model>", "a closing tag does not match the element it closes"),
        ("<model a=1></model>", "a '<' or '>' is missing or out of place (a literal one is written &lt; or &gt;)"),
        ("<model>Fish &nbsp; chips</model>", "an '&' starts an entity that is not one (a literal '&' is written &amp;)")
    ])
    func xmlErrorsAreToldInWords(text: String, words: String) {
        let result = Self.archimate(text)
        #expect(result.unreadable.first?.message == "skipped the file: malformed XML: \(words)")
        #expect(!(result.unreadable.first?.message.contains("Error") ?? true))
    }

    /// A name too long for an id (a compose value, a span's service) is left out with its
    /// calls, located at the first call that names it, instead of failing the model's check.
    @Test func anIdTooLongIsLeftOutWhereItWasFirstNamed() {
        let long = String(repeating: "a", count: ModelLimits.maximumIDLength + 1)
        var builder = ImportBuilder(source: "compose")
        builder.addSystem(System(id: "web"))
        builder.addSystem(System(id: "api"))
        builder.addCall(caller: "web", callee: long, at: ImportNote(file: "c.yml", position: SourcePosition(line: 5, column: 9), message: ""))
        builder.addCall(caller: "web", callee: "api", at: ImportNote(file: "c.yml", position: SourcePosition(line: 6, column: 9), message: ""))
        let result = builder.finish(direction: .calls)
        #expect(result.landscape.systems.map(\.id) == ["web", "api"] && Self.flowIDs(result) == ["web->api"])
        #expect(
            result.skipped.map(\.description) == [
                "c.yml:5:9: skipped '\(long.prefix(60))…' (513 characters) and its calls: an id has at most 512 characters"
            ])
    }

    static func flowIDs(_ result: ImportResult) -> [String] {
        result.landscape.flows.map { "\($0.from.id)->\($0.to.id)" }
    }
}
