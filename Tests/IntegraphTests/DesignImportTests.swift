import Foundation
import Testing

@testable import Integraph

/// Readers of designs: Structurizr workspaces, AsyncAPI documents, Backstage's AI entities.
@Suite struct DesignImportTests {
    static func read(_ importer: (([ImportSource], inout ImportBuilder) -> Void), _ files: [ImportSource], source: String, direction: ImportDirection)
        -> ImportResult
    {
        var builder = ImportBuilder(source: source)
        importer(files, &builder)
        return builder.finish(direction: direction)
    }

    static func structurizr(_ files: [ImportSource], direction: ImportDirection = .calls) -> ImportResult {
        read(StructurizrImporter().read, files, source: "structurizr", direction: direction)
    }

    static func asyncapi(_ files: [ImportSource]) -> ImportResult {
        read(AsyncAPIImporter().read, files, source: "asyncapi", direction: .data)
    }

    static let fixtures = packageRoot.appendingPathComponent("Tests/IntegraphTests/Fixtures/import")

    /// A workspace as the DSL exports it, worked through by hand: the Shop's containers are
    /// systems and the Shop is not (its one relationship, 14, is implied from 13); the
    /// Controller's relationship rolls up to Web; the Warehouse has containers but Payments
    /// uses it as a whole (16), so it is a system too; two containers named Database are
    /// qualified by their software system; 15 names no element.
    @Test func structurizrWorkspace() {
        let workspace = """
            {"name": "Shop", "model": {
              "people": [{"id": "1", "name": "User", "tags": "Element,Person", "relationships": [
                {"id": "10", "sourceId": "1", "destinationId": "3", "description": "Uses"},
                {"id": "11", "sourceId": "1", "destinationId": "2", "linkedRelationshipId": "10"}]}],
              "softwareSystems": [
                {"id": "2", "name": "Shop", "containers": [
                  {"id": "3", "name": "Web", "technology": "Swift", "components": [
                    {"id": "4", "name": "Controller", "relationships": [
                      {"id": "12", "sourceId": "4", "destinationId": "5", "description": "Reads", "technology": "JDBC"}]}],
                   "relationships": [
                    {"id": "13", "sourceId": "3", "destinationId": "6", "description": "Charges cards using", "technology": "HTTPS"}]},
                  {"id": "5", "name": "Database", "tags": "Element,Container,Database"}],
                 "relationships": [{"id": "14", "sourceId": "2", "destinationId": "6", "linkedRelationshipId": "13"}]},
                {"id": "6", "name": "Payments", "location": "External", "group": "Partners",
                 "tags": "Element,Software System,External", "relationships": [
                  {"id": "15", "sourceId": "6", "destinationId": "99"},
                  {"id": "16", "sourceId": "6", "destinationId": "7", "description": "Notifies"}]},
                {"id": "7", "name": "Warehouse", "containers": [{"id": "8", "name": "Database"}]}]}}
            """
        let result = Self.structurizr([ImportSource(name: "shop.json", text: workspace)])
        let systems = result.landscape.systems
        #expect(systems.map(\.id) == ["Payments", "Warehouse", "Web", "Database (Shop)", "Database (Warehouse)"])
        #expect(systems.map(\.kind) == ["software-system", "software-system", "container", "container", "container"])
        #expect(systems[0].domain == "Partners" && systems[2].domain == "Shop" && systems[3].name == "Database")
        #expect(systems[0].attributes["structurizr/location"] == "External" && systems[0].attributes["structurizr/tags"] == "External")
        #expect(systems[2].attributes["structurizr/technology"] == "Swift" && systems[3].attributes["structurizr/tags"] == "Database")
        // Source uses destination: with --direction calls the flows keep that direction.
        #expect(ImportTests.flows(result) == ["Payments->Warehouse", "Web->Database (Shop)", "Web->Payments"])
        let database = result.landscape.flows.first { $0.to.id == "Database (Shop)" }
        #expect(database?.attributes["structurizr/technology"] == "JDBC" && database?.attributes["structurizr/description"] == "Reads")
        #expect(result.warnings.map(\.description) == ["shop.json:16:7: skipped relationship '15': it names an element the workspace does not declare"])
        // Each where it stands: the person as the walk meets it, then the relationships in the
        // order they are collected (the person's 10 and 11, the Shop's 14).
        #expect(
            result.skipped.map(\.description) == [
                "shop.json:2:14: skipped person 'User': people are not systems",
                "shop.json:3:5: skipped relationship '10': it is with a person",
                "shop.json:4:5: skipped relationship '11': Structurizr implied it from others (linkedRelationshipId)",
                "shop.json:13:24: skipped relationship '14': Structurizr implied it from others (linkedRelationshipId)"
            ])
        // By default data moves from the destination to its user.
        let data = Self.structurizr([ImportSource(name: "shop.json", text: workspace)], direction: .data)
        #expect(ImportTests.flows(data) == ["Database (Shop)->Web", "Payments->Web", "Warehouse->Payments"])
    }

    /// Names that clash, worked through by hand. Two software systems named Billing (1, 2)
    /// and two containers API of two software systems named Shop (4 in 3, 6 in 5) would be
    /// one system each: they take their Structurizr id. A second element with id 2 (Ledger)
    /// is dropped with its container Books (8), so Mail's relationship to 8 names nothing;
    /// an element whose name is blank (7) is skipped. Before, Billing's relationship was a
    /// call from Billing to itself and the two APIs one `API (Shop)`.
    @Test func structurizrNamesThatClash() {
        let workspace = """
            {"model": {"softwareSystems": [
              {"id": "1", "name": "Billing", "relationships": [{"sourceId": "1", "destinationId": "2"}]},
              {"id": "2", "name": "Billing"},
              {"id": "3", "name": "Shop", "containers": [{"id": "4", "name": "API"}]},
              {"id": "5", "name": "Shop", "containers": [{"id": "6", "name": "API", "relationships": [{"id": "61", "sourceId": "6", "destinationId": "4"}]}]},
              {"id": "2", "name": "Ledger", "containers": [{"id": "8", "name": "Books"}]},
              {"id": "7", "name": " "},
              {"id": "9", "name": "Mail", "relationships": [{"sourceId": "9", "destinationId": "8"}]}]}}
            """
        let result = Self.structurizr([ImportSource(name: "clash.json", text: workspace)])
        let systems = result.landscape.systems
        #expect(
            systems.map(\.id) == [
                "Billing (structurizr id 1)", "Billing (structurizr id 2)", "Mail", "API (structurizr id 4)", "API (structurizr id 6)"
            ])
        #expect(systems.map { $0.name ?? "-" } == ["Billing", "Billing", "-", "API", "API"])
        #expect(systems[3].domain == "Shop" && systems[4].domain == "Shop")
        #expect(ImportTests.flows(result) == ["API (structurizr id 6)->API (structurizr id 4)", "Billing (structurizr id 1)->Billing (structurizr id 2)"])
        #expect(
            result.warnings.map(\.description) == [
                "clash.json:6:3: skipped element 'Ledger' and what it contains: 'Billing' has the same id '2', and relationships naming it are read as Billing's",
                "clash.json:8:49: skipped a relationship without an id: it names an element the workspace does not declare"
            ])
        #expect(result.skipped.map(\.description) == ["clash.json:7:3: skipped element '7': it has no name"])
    }

    @Test(arguments: [
        ("{\"model\": ", "bad.json:1:11: skipped the file: invalid JSON"),
        ("{\"name\": \"no model\"}", "bad.json:1:1: skipped the file: not a Structurizr workspace, it has no 'model'"),
        ("", "bad.json:1:1: skipped the file: it is empty"),
        ("[1, 2]", "bad.json:1:1: skipped the file: not a Structurizr workspace, it has no 'model'")
    ])
    func structurizrRefusesWhatIsNoWorkspace(text: String, note: String) {
        let result = Self.structurizr([ImportSource(name: "bad.json", text: text)])
        #expect(result.landscape.systems.isEmpty)
        #expect(result.unreadable.count == 1)
        #expect(result.unreadable.first?.description.hasPrefix(note) == true, "\(result.unreadable)")
    }

    /// Keys of the wrong type are read as absent: nothing traps, what has no name is noted.
    @Test func wrongTypesAreAbsent() {
        let workspace = Self.structurizr([
            ImportSource(
                name: "odd.json",
                text: #"{"model": {"people": [1, null], "softwareSystems": [{"id": "1", "name": "A", "containers": "x", "relationships": [7]}]}}"#)
        ])
        #expect(workspace.landscape.systems.map(\.id) == ["A"])
        #expect(workspace.skipped.map(\.message) == ["skipped an element without an id", "skipped an element without an id"])
        #expect(workspace.warnings.count == 1)
        let documents = Self.asyncapi([
            ImportSource(
                name: "odd.yaml",
                text:
                    "asyncapi: 3.0.0\ninfo: {title: A}\nchannels: x\noperations: [1, 2]\n---\nasyncapi: 2.0.0\ninfo: {title: B}\nchannels: {a: [1], b: {subscribe: 3}}\n"
            )
        ])
        #expect(documents.landscape.systems.map(\.id) == ["A", "B"] && documents.landscape.flows.isEmpty)
        #expect(documents.warnings.isEmpty && documents.skipped.map(\.message) == ["skipped subscribe on 'b': it is '3', not a mapping"])
    }

    /// The streetlights written both ways, worked through by hand. In 2.x `publish` is what the
    /// application receives and `subscribe` what it sends; in 3.x `action` says it and a
    /// reply runs the other way. The API receives measurements and status questions, and sends
    /// turn-on commands and status reports; the light sends measurements and questions,
    /// receives commands and (by its reply) status reports, and also sends alarms nobody
    /// receives and receives dimming nobody sends.
    @Test func asyncapiSendersToReceivers() {
        let api = """
            asyncapi: 2.6.0
            id: urn:example:streetlights
            info: {title: Streetlights API, version: 1.0.0}
            channels:
              light/measured:
                publish: {message: {$ref: '#/components/messages/lightMeasured'}}
              light/turn-on:
                subscribe: {message: {name: turnOn}}
              light/status/ask:
                publish: {message: {oneOf: [{messageId: statusAsk}]}}
              light/status/reply:
                subscribe: {message: {messageId: statusReport}}
            """
        let light = """
            {"asyncapi": "3.0.0", "info": {"title": "Streetlight", "version": "2"},
             "channels": {
               "measured": {"address": "light/measured", "messages": {"lightMeasured": {}}},
               "turnOn": {"address": "light/turn-on"},
               "status": {"address": "light/status/ask"},
               "statusReply": {"address": "light/status/reply"},
               "alarm": {"address": "light/alarm"},
               "dim": {}},
             "operations": {
               "sendMeasurement": {"action": "send", "channel": {"$ref": "#/channels/measured"}},
               "receiveTurnOn": {"action": "receive", "channel": {"$ref": "#/channels/turnOn"}},
               "askStatus": {"action": "send", "channel": {"$ref": "#/channels/status"},
                             "reply": {"channel": {"$ref": "#/channels/statusReply"}}},
               "raiseAlarm": {"action": "send", "channel": {"$ref": "#/channels/alarm"}},
               "receiveDim": {"action": "receive", "channel": {"$ref": "#/channels/dim"}},
               "broken": {"action": "publish", "channel": {"$ref": "#/channels/dim"}}}}
            """
        let result = Self.asyncapi([
            ImportSource(name: "api.yaml", text: api), ImportSource(name: "light.json", text: light),
            ImportSource(name: "old.yaml", text: "asyncapi: 1.2.0\ninfo: {title: Old}\n"),
            ImportSource(name: "untitled.yaml", text: "asyncapi: 3.0.0\ninfo: {version: 1.0.0}\n"),
            ImportSource(name: "broken.yaml", text: "asyncapi: [3.0.0\n"), ImportSource(name: "empty.json", text: " ")
        ])
        #expect(result.landscape.systems.map(\.id) == ["Streetlights API", "Streetlight"])
        #expect(result.landscape.systems[0].attributes["asyncapi/id"] == "urn:example:streetlights")
        #expect(ImportTests.flows(result) == ["Streetlight->Streetlights API", "Streetlights API->Streetlight"])
        let toAPI = result.landscape.flows.first { $0.to.id == "Streetlights API" }
        // The status channel names no message: its address labels the data.
        #expect(toAPI?.data == ["light/status/ask", "lightMeasured"])
        #expect(toAPI?.attributes["asyncapi/channels"] == "light/measured, light/status/ask")
        #expect(result.landscape.flows.first { $0.to.id == "Streetlight" }?.data == ["statusReport", "turnOn"])
        #expect(
            result.warnings.map(\.description) == [
                "light.json:14:18: 'Streetlight' sends on 'light/alarm', which no other service receives",
                "light.json:15:18: 'Streetlight' receives on 'dim', which no other service sends on"
            ])
        #expect(
            result.skipped.map(\.description) == [
                "light.json:16:14: skipped operation 'broken': it needs action send or receive and a channel of this document",
                "old.yaml:1:11: skipped an AsyncAPI 1.2.0 document: only versions 2 and 3 are read",
                "untitled.yaml:2:7: skipped an AsyncAPI document without info.title: it names the service",
                "broken.yaml:2:1: skipped the file: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at 1:11)",
                "empty.json:1:1: skipped the file: it is empty"
            ])
        #expect(result.unreadable.map(\.file) == ["broken.yaml", "empty.json"])
    }

    /// A title met twice is one service described twice: read as one, with a warning at the
    /// second. A channel reference is a JSON pointer in a URI fragment, percent-decoded
    /// before `~1` is read as `/`: `a%7E1b` and `a~1b` both name the channel `a/b`. Orders
    /// sends on `a/b` twice (3.x, no message: the address labels it; 2.x: `placed`), Billing
    /// receives there: one flow Orders → Billing with both labels. Before, `a%7E1b` read as
    /// `a~1b`, a channel that is not there.
    @Test func asyncapiSameTitleAndEscapedPointers() {
        let orders = "asyncapi: 3.0.0\ninfo: {title: Orders}\nchannels: {a/b: {}}\noperations: {place: {action: send, channel: {$ref: '#/channels/a%7E1b'}}}\n"
        let billing =
            "asyncapi: 3.0.0\ninfo: {title: Billing}\nchannels: {a/b: {}}\noperations: {take: {action: receive, channel: {$ref: '#/channels/a~1b'}}}\n"
        let again = "asyncapi: 2.6.0\ninfo: {title: Orders}\nchannels: {a/b: {subscribe: {message: {name: placed}}}}\n"
        let result = Self.asyncapi([
            ImportSource(name: "orders.yaml", text: orders), ImportSource(name: "billing.yaml", text: billing),
            ImportSource(name: "again.yaml", text: again)
        ])
        #expect(result.landscape.systems.map(\.id) == ["Orders", "Billing"])
        #expect(ImportTests.flows(result) == ["Orders->Billing"])
        #expect(result.landscape.flows.first?.data == ["a/b", "placed"])
        #expect(
            result.warnings.map(\.description) == [
                "again.yaml:2:15: the title 'Orders' is also that of the document at orders.yaml:2: both are read as one service"
            ])
        #expect(result.skipped.isEmpty)
    }

    /// AsyncAPI says where data goes, so `--direction` does not apply; a Structurizr
    /// relationship is a use, a call, and it does.
    @Test func whichKindsReadCalls() {
        #expect(ImportKind.structurizr.readsCalls && !ImportKind.asyncapi.readsCalls)
        let social = ImportKind.asyncapi.read(paths: [Self.fixtures.appendingPathComponent("asyncapi/social-media").path], direction: .calls)
        #expect(ImportTests.flows(social).contains("Website Backend->Comments Service"))
    }

    /// A catalog worked through by hand: the MCP server and the model server are systems
    /// between the component that provides one and the agent that consumes both; the skill the
    /// agent depends on is a system; an ordinary API stays a label on its provider's flow; the
    /// model server names the desk among its consumers itself (`apiConsumedBy`).
    @Test func backstageAIEntitiesAreSystems() {
        let catalog = """
            kind: Component
            metadata: {name: agent}
            spec: {type: service, owner: ai-team, consumesApis: [tools-mcp, llm], dependsOn: ["airesource:review-skill"]}
            ---
            kind: Component
            metadata: {name: tickets}
            spec: {type: service, owner: ops, providesApis: [tools-mcp, tickets-api]}
            ---
            kind: API
            metadata: {name: tools-mcp, title: Ticket tools}
            spec: {type: mcp-server, owner: ops, lifecycle: experimental, remotes: [{type: streamable-http, url: "http://tickets/mcp"}]}
            ---
            kind: API
            metadata: {name: llm}
            spec: {type: ai-model-server, owner: ml, serverUrl: "http://llm:11434/v1", models: {available: [llama3, mistral]},
                   apiConsumedBy: [desk]}
            ---
            kind: API
            metadata: {name: tickets-api}
            spec: {type: openapi, owner: ops}
            ---
            kind: AiResource
            metadata: {name: review-skill}
            spec: {type: skill, owner: ai-team, system: tooling}
            ---
            kind: Component
            metadata: {name: desk}
            spec: {type: website, owner: ops, consumesApis: [tickets-api]}
            """
        let result = Self.read(
            BackstageImporter().read, [ImportSource(name: "catalog.yaml", text: catalog)], source: "backstage", direction: .data)
        let systems = result.landscape.systems
        #expect(systems.map(\.id) == ["agent", "tickets", "tools-mcp", "llm", "review-skill", "desk"])
        #expect(systems.map(\.kind) == ["service", "service", "mcp-server", "ai-model-server", "skill", "website"])
        #expect(systems[2].name == "Ticket tools" && systems[2].status == .planned && systems[2].attributes["backstage/remotes"] == "http://tickets/mcp")
        #expect(systems[3].attributes["backstage/models"] == "llama3,mistral" && systems[3].attributes["backstage/server-url"] == "http://llm:11434/v1")
        #expect(systems[4].domain == "tooling" && systems[4].owner?.id == "ai-team")
        #expect(
            ImportTests.flows(result) == [
                "llm->agent", "llm->desk", "review-skill->agent", "tickets->desk", "tickets->tools-mcp", "tools-mcp->agent"
            ])
        #expect(result.landscape.flows.first { $0.to.id == "desk" && $0.from.id == "llm" }?.data == ["llm"])
        #expect(result.landscape.flows.filter { $0.data == ["tools-mcp"] }.count == 2)
        #expect(result.landscape.flows.first { $0.to.id == "desk" && $0.from.id == "tickets" }?.data == ["tickets-api"])
        #expect(result.warnings.isEmpty && result.skipped.isEmpty)
    }
}

/// The real designs kept under Fixtures/import (each count derived by hand in its
/// PROVENANCE.md) and the Backstage demo catalog of ../shared/datasets.
@Suite struct DesignImportFileTests {
    /// Big Bank plc, exported in 2020 and in 2025: 3 software systems and 5 containers; of 31
    /// relationships 9 are with people, 4 inside the API Application, 2 said in more detail
    /// by containers, and in 2025 5 implied; the rest make the same 7 pairs.
    @Test(arguments: [
        ("big-bank-plc-2020.json", 16, 0, ["16", "13", "3", "23", "22", "24", "11", "14", "8"]),
        ("big-bank-plc-2025.json", 11, 5, ["19", "22", "23", "24", "25", "27", "28", "29", "30"])
    ])
    func bigBankPlc(file: String, relationships: Int, implied: Int, withPeople: [String]) {
        let result = ImportKind.structurizr.read(
            paths: [DesignImportTests.fixtures.appendingPathComponent("structurizr/\(file)").path], direction: .calls)
        #expect(result.landscape.systems.count == 8 && result.landscape.flows.count == 7)
        #expect(!result.landscape.systems.contains { $0.id == "Internet Banking System" })
        #expect(result.landscape.systems.filter { $0.domain == "Internet Banking System" }.count == 5)
        // Only the 2025 export puts the bank's software systems in a group.
        #expect(result.landscape.systems.first { $0.id == "ATM" }?.domain == (implied > 0 ? "Big Bank plc" : nil))
        #expect(
            Set(ImportTests.flows(result)) == [
                "ATM->Mainframe Banking System", "API Application->Database", "API Application->Mainframe Banking System",
                "API Application->E-mail System", "Mobile App->API Application", "Single-Page Application->API Application",
                "Web Application->Single-Page Application"
            ])
        let counted = result.landscape.flows.compactMap { Int($0.attributes["structurizr/relationships"] ?? "") }
        #expect(counted.reduce(0, +) == relationships)
        // Each person and skipped relationship is noted on its own: 3 people; 9 relationships
        // with them (the ids the PROVENANCE lists), 4 inside, 2 said in more detail.
        let reasons = Dictionary(grouping: result.skipped.compactMap { $0.message.split(separator: ": ", maxSplits: 1).last }, by: { $0 }).mapValues(\.count)
        #expect(reasons["people are not systems"] == 3 && reasons["it stays inside one container"] == 4)
        let people = result.skipped.filter { $0.message.hasSuffix(": it is with a person") }.compactMap { $0.message.split(separator: "'").dropFirst().first }
        #expect(Set(people.map(String.init)) == Set(withPeople) && people.count == 9)
        #expect(reasons["it is of a software system whose containers' relationships say it in more detail"] == 2)
        #expect(reasons["Structurizr implied it from others (linkedRelationshipId)"] == (implied > 0 ? implied : nil))
        #expect(result.warnings.isEmpty && result.unreadable.isEmpty)
    }

    /// AsyncAPI's social media example: 5 services, 6 flows sender → receiver; the 4 shared
    /// files of `common/` are no AsyncAPI documents.
    @Test func asyncapiSocialMedia() {
        let result = ImportKind.asyncapi.read(paths: [DesignImportTests.fixtures.appendingPathComponent("asyncapi/social-media").path], direction: .data)
        #expect(result.landscape.systems.count == 5 && result.landscape.flows.count == 6)
        #expect(
            Set(ImportTests.flows(result)) == [
                "Website Backend->Comments Service", "Website Backend->Notifications Service", "Website Backend->Public API",
                "Website WebSocket Client->Website Backend", "Comments Service->Website Backend", "Website Backend->Website WebSocket Client"
            ])
        #expect(result.landscape.flows.first { $0.to.id == "Public API" }?.data == ["commentLiked"])
        #expect(result.warnings.isEmpty && result.skipped.count == 4)
    }

    /// AsyncAPI 2.6's RPC example: the client subscribes (sends) on rpc_queue and publishes
    /// (receives) on {queue}, the server the other way round.
    @Test func asyncapiVersion2RPC() {
        let result = ImportKind.asyncapi.read(paths: [DesignImportTests.fixtures.appendingPathComponent("asyncapi/rpc-v2").path], direction: .data)
        #expect(ImportTests.flows(result) == ["RPC Client Example->RPC Server Example", "RPC Server Example->RPC Client Example"])
        #expect(result.landscape.flows.first { $0.from.id == "RPC Client Example" }?.data == ["rpc_queue"])
        #expect(result.landscape.flows.first { $0.from.id == "RPC Server Example" }?.data == ["{queue}"])
        #expect(result.warnings.isEmpty && result.skipped.isEmpty)
    }

    /// backstage/demo's own catalog: a component, six skills (AiResource) and GitHub's MCP
    /// server (an API of type mcp-server) are 8 systems; the component consumes a GraphQL API
    /// nothing provides.
    @Test(.enabled(if: sharedDatasets != nil, "needs ../shared/datasets beside the checkout"))
    func backstageDemoCatalog() throws {
        let root = try #require(sharedDatasets)
        let result = ImportKind.backstage.read(
            paths: [root.appendingPathComponent("backstage-catalog-examples/backstage-demo").path], direction: .data)
        #expect(result.landscape.systems.count == 8 && result.landscape.flows.isEmpty)
        #expect(result.landscape.systems.filter { $0.kind == "skill" }.count == 6)
        #expect(result.landscape.systems.last?.id == "github-mcp-server" && result.landscape.systems.last?.kind == "mcp-server")
        #expect(result.warnings.count == 1 && result.skipped.isEmpty)
    }
}
