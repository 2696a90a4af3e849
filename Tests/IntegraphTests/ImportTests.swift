import Foundation
import Testing

@testable import Integraph

@Suite struct ImportTests {
    static func flows(_ result: ImportResult) -> [String] {
        result.landscape.flows.map { "\($0.from.id)->\($0.to.id)" }.sorted()
    }

    static let manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec:
              initContainers:
                - name: wait
                  env: [{name: CART_ADDR, value: "cart:7070"}]
              containers:
                - name: web
                  image: web:1.0
                  env:
                    - {name: CART_ADDR, value: "cart:7070"}
                    - {name: USERS_URL, value: "http://users.accounts.svc.cluster.local:8080/v1"}
                    - {name: LEDGER, value: ledger.accounts}
                    - {name: PORT, value: "8080"}
                    - {name: CURRENCY, value: USD}
                    - {name: PAYMENTS_ADDR, value: "payments:443"}
                    - {name: FROM_SECRET, valueFrom: {secretKeyRef: {name: s, key: k}}}
        ---
        kind: Deployment
        metadata: {name: cart-v2, namespace: shop}
        spec: {template: {metadata: {labels: {app: cart, track: v2}}, spec: {containers: [{name: c}]}}}
        ---
        kind: Service
        metadata: {name: cart, namespace: shop}
        spec: {selector: {app: cart}}
        ---
        kind: StatefulSet
        metadata: {name: users, namespace: accounts}
        spec: {template: {metadata: {labels: {app: users}}, spec: {containers: [{name: u}]}}}
        ---
        kind: Service
        metadata: {name: users, namespace: accounts}
        spec: {selector: {app: users}}
        ---
        kind: CronJob
        metadata: {name: ledger, namespace: accounts}
        spec: {jobTemplate: {spec: {template: {metadata: {labels: {app: ledger}}, spec: {containers: [{name: l}]}}}}}
        ---
        kind: Service
        metadata: {name: ledger, namespace: accounts}
        spec: {selector: {app: ledger}}
        ---
        kind: Deployment
        metadata: {name: web, namespace: accounts}
        spec: {template: {metadata: {labels: {app: admin}}, spec: {containers: [{name: a}]}}}
        ---
        kind: ConfigMap
        metadata: {name: settings}
        """

    /// Worked out by reading the manifests above: web calls cart (twice, one flow) through
    /// the Service that selects cart-v2, users across namespaces by its full DNS name,
    /// ledger by `name.namespace`, and payments, which nothing declares; PORT, CURRENCY and a
    /// secret reference name nothing.
    @Test func kubernetesServicesResolveAsClusterDNSDoes() {
        var builder = ImportBuilder(source: "kubernetes")
        KubernetesImporter().read(
            [
                ImportSource(name: "shop.yaml", text: Self.manifests),
                ImportSource(name: "broken.yaml", text: "kind: [unclosed\n")
            ], into: &builder)
        let result = builder.finish(direction: .calls)
        #expect(result.landscape.systems.map(\.id) == ["web.shop", "cart-v2", "users", "ledger", "web.accounts", "payments"])
        #expect(Self.flows(result) == ["web.shop->cart-v2", "web.shop->ledger", "web.shop->payments", "web.shop->users"])
        #expect(result.landscape.systems.first?.domain == "shop")
        #expect(result.landscape.systems.first?.attributes["k8s/image"] == "web:1.0")
        #expect(result.landscape.systems.last?.status == .planned && result.landscape.systems.last?.kind == "unknown")
        #expect(
            result.warnings.map(\.description)
                == ["shop.yaml:20:44: 'payments' is named but declared nowhere: added as a planned placeholder system"])
        #expect(
            result.skipped.map(\.description).sorted() == [
                "broken.yaml:2:1: skipped the file: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at 1:7)",
                "shop.yaml:51:1: skipped ConfigMap 'settings': not a workload or a Service"
            ])
        // By default flows run the way data moves: from the service called to its caller.
        var again = ImportBuilder(source: "kubernetes")
        KubernetesImporter().read([ImportSource(name: "shop.yaml", text: Self.manifests)], into: &again)
        #expect(Self.flows(again.finish(direction: .data)).contains("cart-v2->web.shop"))
    }

    /// Two versions of web (labels `app.kubernetes.io/name` and `…/version`) are one system
    /// whose calls merge; a readiness and a metrics URL are counted, not called; the
    /// collector (an address on port 4317 in another namespace) and zipkin (port 9411) are
    /// placeholders that are sinks, and tracer, called on OTLP's 4318, is one too; Prometheus, known by its image, scrapes cart, and the
    /// flow runs from cart into it whatever the direction.
    @Test func kubernetesVersionsHealthAndTelemetry() throws {
        let manifests = """
            kind: Deployment
            metadata: {name: web-v1}
            spec:
              template:
                metadata: {labels: {app.kubernetes.io/name: web, app.kubernetes.io/version: "1"}}
                spec:
                  containers:
                    - name: w
                      image: web:1
                      env:
                        - {name: CART_ADDR, value: "cart:7070"}
                        - {name: CART_READY, value: "http://cart:7070/readyz"}
                        - {name: OTEL_EXPORTER_OTLP_ENDPOINT, value: "http://otel-collector.observability:4317"}
            ---
            kind: Deployment
            metadata: {name: web-v2}
            spec:
              template:
                metadata: {labels: {app.kubernetes.io/name: web, app.kubernetes.io/version: "2"}}
                spec:
                  containers:
                    - name: w
                      image: "web:2"
                      env: [{name: CART_URL, value: "http://cart:7070/api/metrics"}, {name: TRACES_URL, value: "http://tracer:4318"}]
            ---
            kind: Deployment
            metadata: {name: cart}
            spec: {template: {metadata: {labels: {app: cart}}, spec: {containers: [{name: c, env: [{name: TRACES, value: "zipkin:9411"}]}]}}}
            ---
            kind: Service
            metadata: {name: cart}
            spec: {selector: {app: cart}}
            ---
            kind: Deployment
            metadata: {name: tracer}
            spec: {template: {metadata: {labels: {app: tracer}}, spec: {containers: [{name: t, image: "acme/gateway:1"}]}}}
            ---
            kind: Service
            metadata: {name: tracer}
            spec: {selector: {app: tracer}}
            ---
            kind: Deployment
            metadata: {name: monitor}
            spec: {template: {spec: {containers: [{name: p, image: "prom/prometheus:v2", env: [{name: TARGET, value: "http://cart:7070"}]}]}}}
            """
        func read(_ direction: ImportDirection, keepVersions: Bool = false) -> ImportResult {
            var builder = ImportBuilder(source: "kubernetes")
            KubernetesImporter(keepVersions: keepVersions).read([ImportSource(name: "k8s.yaml", text: manifests)], into: &builder)
            return builder.finish(direction: direction)
        }
        let result = read(.calls)
        #expect(result.landscape.systems.map(\.id) == ["web", "cart", "tracer", "monitor", "otel-collector.observability", "zipkin"])
        #expect(result.landscape.systems.map(\.kind) == ["deployment", "deployment", "telemetry", "telemetry", "telemetry", "telemetry"])
        let web = try #require(result.landscape.systems.first)
        #expect(web.attributes["versions"] == "1, 2" && web.attributes["k8s/workloads"] == "web-v1, web-v2")
        #expect(web.attributes["k8s/image"] == "web:1, web:2")
        #expect(Self.flows(result) == ["cart->monitor", "cart->zipkin", "web->cart", "web->otel-collector.observability", "web->tracer"])
        #expect(result.skipped.map(\.category) == [.healthCall, .healthCall])
        #expect(result.warnings.count == 2)
        let data = read(.data)
        #expect(Self.flows(data) == ["cart->monitor", "cart->web", "cart->zipkin", "web->otel-collector.observability", "web->tracer"])
        #expect(data.landscape.flows.filter { $0.attributes["telemetry"] == "true" }.count == 4)
        #expect(read(.calls, keepVersions: true).landscape.systems.prefix(2).map(\.id) == ["web-v1", "web-v2"])
    }

    @Test func composeReadsDependsOnLinksAndEnvironment() {
        let compose = """
            version: "3.9"
            services:
              api:
                image: api:2
                depends_on: [db]
                links: ["cache:redis"]
                environment: ["SEARCH_URL=http://search:9200", "MODE=fast"]
              worker:
                depends_on: {db: {condition: service_healthy}, api: {condition: service_started}}
                environment: {QUEUE: "queue:5672"}
              db: {image: postgres}
              cache: {image: redis}
              search: {image: elastic}
            """
        var builder = ImportBuilder(source: "compose")
        ComposeImporter().read([ImportSource(name: "app/docker-compose.yml", text: compose)], into: &builder)
        let result = builder.finish(direction: .calls)
        // QUEUE is an address (a port) that names no service: a placeholder, with a warning.
        #expect(result.landscape.systems.map(\.id) == ["api", "worker", "db", "cache", "search", "queue"])
        #expect(result.landscape.systems.first?.domain == "app")
        #expect(Self.flows(result) == ["api->cache", "api->db", "api->search", "worker->api", "worker->db", "worker->queue"])
        #expect(
            result.warnings.map(\.description) == ["app/docker-compose.yml:10:26: 'queue' is named but declared nowhere: added as a planned placeholder system"]
        )
        #expect(result.landscape.flows.first { $0.to.id == "search" }?.attributes["compose"] == "environment SEARCH_URL")
    }

    /// A project read as `docker compose` reads it, worked through by hand: `.env` gives
    /// CART_ADDR (over web.env's, as `environment` beats `env_file`), the tag and the
    /// collector's host; `${BUS:-rabbitmq}` falls back to its default; `$$` is a literal `$`,
    /// so PRICE_URL names nothing; the health URL and the service's own name are counted, not
    /// called; CATALOG_HOST (required) and FROM_SHELL are set nowhere; the collector, known by
    /// its image, is fed by cart whatever the direction.
    static let composeProject: [String: String] = [
        "app/docker-compose.yml": """
        x-telemetry: &telemetry
          OTEL_EXPORTER_OTLP_ENDPOINT: http://${COLLECTOR_HOST}:4318
        services:
          web:
            image: ${REGISTRY:-shop}/web:${TAG}
            env_file: [web.env, {path: missing.env, required: false}]
            environment:
              - CART_ADDR
              - QUEUE=${BUS:-rabbitmq}
              - PRICE_URL=http://$${PRICE_HOST}:80
              - STATUS_URL=http://cart:7070/healthz
              - OTEL_SERVICE_NAME=web
              - CATALOG=${CATALOG_HOST?set the catalog host}
              - FROM_SHELL
          cart:
            environment: *telemetry
          rabbitmq: {image: "rabbitmq:3"}
          search: {image: elasticsearch}
          collector: {image: "otel/opentelemetry-collector-contrib:0.100.0"}
        """,
        "app/.env": """
        # ports
        CART_PORT=7070
        CART_ADDR=cart:${CART_PORT}   # the cart
        export TAG='1.0'
        COLLECTOR_HOST="collector"
        not a variable line
        """,
        "app/web.env": "SEARCH_URL=http://search:9200/items\nCART_ADDR=elsewhere:1\n"
    ]

    static func composeProjectResult(_ direction: ImportDirection) -> ImportResult {
        let files = composeProject
        var builder = ImportBuilder(source: "compose")
        ComposeImporter { path in files[path].map { .success($0) } }
            .read([ImportSource(name: "app/docker-compose.yml", text: files["app/docker-compose.yml"] ?? "")], into: &builder)
        return builder.finish(direction: direction)
    }

    @Test func composeReadsItsEnvFilesAndSubstitutesAsComposeDoes() throws {
        let result = Self.composeProjectResult(.calls)
        #expect(result.landscape.systems.map(\.id) == ["web", "cart", "rabbitmq", "search", "collector"])
        #expect(result.landscape.systems.first?.attributes["compose/image"] == "shop/web:1.0")
        #expect(Self.flows(result) == ["cart->collector", "web->cart", "web->rabbitmq", "web->search"])
        #expect(result.warnings.isEmpty)
        #expect(result.landscape.flows.first { $0.to.id == "search" }?.attributes["compose"] == "environment SEARCH_URL")
        let collector = try #require(result.landscape.systems.last)
        #expect(collector.kind == "telemetry" && collector.attributes["kind"] == "service")
        #expect(
            result.skipped.map(\.description) == [
                "app/.env:6:1: skipped a line that is not NAME=value",
                "app/docker-compose.yml:11:9: skipped a call from 'web' to 'cart' (STATUS_URL): a health or metrics endpoint moves no business data",
                "app/docker-compose.yml:12:9: skipped a call from 'web' to itself: a flow joins two different systems",
                "app/docker-compose.yml:13:17: variable 'CATALOG_HOST' is not set (the process environment is not read): read as empty; Compose would stop: set the catalog host",
                "app/docker-compose.yml:14:9: variable 'FROM_SHELL' takes its value from the shell, which is not read: left out"
            ])
        #expect(
            ImportNote.summary(of: result.skipped)
                == "skipped 1 health and metrics call, 1 self-reference and 1 other entry; 2 variables unresolved")
        // The data direction turns the service calls; the flow into the collector stays.
        let data = Self.composeProjectResult(.data)
        #expect(Self.flows(data) == ["cart->collector", "cart->web", "rabbitmq->web", "search->web"])
        #expect(data.landscape.flows.first { $0.to.id == "collector" }?.attributes["telemetry"] == "true")
    }

    /// Lineage runs upstream from what a pilot needs: a sink that every service feeds adds
    /// nothing to a pilot that does not need it, and brings its feeders to one that does.
    @Test func aTelemetrySinkStaysOutOfLineageUnlessNeeded() throws {
        let landscape = Self.composeProjectResult(.data).landscape
        let index = LandscapeIndex(landscape)
        func lineage(_ need: String) -> [String] {
            let pilot = Pilot(id: "p", needs: [PilotNeed(system: Reference(need, at: .start))])
            return Lineage(of: pilot, in: index).systems.map { landscape.systems[Int($0)].id }.sorted()
        }
        #expect(lineage("web") == ["cart", "rabbitmq", "search", "web"])
        #expect(lineage("collector") == ["cart", "collector"])
    }

    @Test(arguments: [
        ("${A}-$A-${A:-d}-${A-d}", "x-x-x-x", []), ("${E:-d}|${E-d}|${E:+p}|${E+p}", "d|||p", []),
        ("${U:-${A}}/${U-$U}", "x/", ["U"]), ("$$A $${A} $", "$A ${A} $", []), ("${U:?no}${A:?}", "x", ["U"]),
        ("${", "${", []), ("${A", "${A", []), ("${1}", "${1}", []), ("{$A}", "{x}", [])
    ])
    func composeSubstitution(text: String, expected: String, unresolved: [String]) {
        let result = ComposeInterpolation.interpolate(text) { ["A": "x", "E": ""][$0] }
        #expect(result.text == expected)
        #expect(result.unresolved.map(\.name) == unresolved)
    }

    /// Environment files as Compose reads them: a quoted value over two lines with an
    /// escape, a literal single-quoted one, a comment only after a space, a name without a
    /// value (the shell's, never read), and substitution from the lines above and then outside.
    @Test func environmentFilesReadAsComposeDoes() {
        let text = "export A=1\nB=\"two\nlines \\\"${A}\\\"\"\nC='$A'\nD=x#y # z\nE\n\nF=${A}${OUT}${NONE}\n# G=no\n"
        let file = EnvironmentFile(name: ".env", text: text) { $0 == "OUT" ? "o" : nil }
        #expect(file.values == ["A": "1", "B": "two\nlines \"1\"", "C": "$A", "D": "x#y", "F": "1o"])
        #expect(file.variables.map(\.name) == ["A", "B", "C", "D", "E", "F"] && file.variables[4].value == nil)
        #expect(file.unset.map(\.note.description) == [".env:8:13: variable 'NONE' is not set (the process environment is not read): read as empty"])
    }

    /// A catalog worked through by hand: a Component and a Resource share a name, so both
    /// are qualified; the API's name labels the flow from its provider to its consumer; a
    /// dependsOn to nothing in the catalog leaves a placeholder; owners are a Group and a User.
    @Test func backstageRefsFollowBackstagesRules() {
        let catalog = """
            apiVersion: backstage.io/v1alpha1
            kind: Domain
            metadata: {name: music}
            ---
            kind: System
            metadata: {name: player}
            spec: {domain: music, owner: team-a}
            ---
            kind: Component
            metadata: {name: tracks, namespace: media, description: Track service}
            spec: {type: service, lifecycle: production, owner: group:default/team-a, system: default/player,
                   providesApis: [tracks-api], dependsOn: ["resource:tracks"]}
            ---
            kind: Resource
            metadata: {name: tracks, namespace: media}
            spec: {type: database, owner: user:ann, lifecycle: deprecated}
            ---
            kind: API
            metadata: {name: tracks-api, namespace: media}
            spec: {type: openapi, owner: team-a}
            ---
            kind: Component
            metadata: {name: web, namespace: media}
            spec: {type: website, lifecycle: experimental, owner: team-a, consumesApis: [tracks-api],
                   dependsOn: ["component:payments"]}
            ---
            kind: Group
            metadata: {name: team-a}
            spec: {type: team, profile: {displayName: Team A}}
            ---
            kind: Location
            metadata: {name: all}
            spec: {targets: [./x.yaml]}
            """
        var builder = ImportBuilder(source: "backstage")
        BackstageImporter().read([ImportSource(name: "catalog.yaml", text: catalog)], into: &builder)
        let result = builder.finish(direction: .data)
        let systems = result.landscape.systems
        #expect(systems.map(\.id) == ["component:media/tracks", "resource:media/tracks", "web", "payments"])
        #expect(systems[0].domain == "music" && systems[0].owner?.id == "team-a" && systems[0].status == .live)
        #expect(systems[1].owner?.id == "ann" && systems[1].status == .deprecated && systems[1].kind == "database")
        #expect(systems[2].status == .planned && systems[3].status == .planned && systems[3].kind == "unknown")
        #expect(result.landscape.teams.map(\.id) == ["team-a", "ann"])
        #expect(result.landscape.teams.first?.name == "Team A")
        #expect(Self.flows(result) == ["component:media/tracks->web", "payments->web", "resource:media/tracks->component:media/tracks"])
        #expect(result.landscape.flows.first { $0.to.id == "web" && $0.from.id.hasPrefix("component") }?.data == ["tracks-api"])
        #expect(result.skipped.map(\.message) == ["skipped Location 'all': not a part of the landscape"])
        #expect(BackstageImporter.ref("user:guest", defaultKind: "group", namespace: "dev") == "user:dev/guest")
        #expect(BackstageImporter.ref("default/team-a", defaultKind: "group", namespace: "dev") == "group:default/team-a")
    }

    /// Spreadsheet rows read by the model decoder: quoted commas, `;` lists, a three-point
    /// effort, `derives.` and `attributes.` columns, other columns kept as attributes, a bad
    /// value located by file, line and column.
    @Test func spreadsheetsFillEveryModelKey() {
        let systems = """
            id,name,owner,status,effort,cost centre,derives.features
            crm,"Salesforce, EU",crm-team,live,,CC-12,
            dwh,Snowflake,data,planned,3;5;12,CC-40,clicks;orders
            bad,Bad,data,planned,lots,,
            """
        let flows = "from,to,data,status,effort,after,attributes.ticket\ncrm,dwh,accounts;opportunities,backlog,5,review,JIRA-1\n"
        var builder = ImportBuilder(source: "csv")
        SpreadsheetImporter().read(
            [
                ImportSource(name: "in/systems.csv", text: systems), ImportSource(name: "in/flows.csv", text: flows),
                ImportSource(name: "in/gates.csv", text: "id,kind,effort\nreview,security-review,10\n"),
                ImportSource(name: "in/notes.csv", text: "a,b\n")
            ], into: &builder)
        let result = builder.finish(direction: .data)
        let landscape = result.landscape
        #expect(landscape.systems.map(\.id) == ["crm", "dwh", "bad"])
        #expect(landscape.systems[0].name == "Salesforce, EU" && landscape.systems[0].attributes["cost centre"] == "CC-12")
        #expect(landscape.systems[1].effort == .estimate(optimistic: 3, likely: 5, pessimistic: 12))
        #expect(landscape.systems[1].derives == ["features": ["clicks", "orders"]])
        #expect(landscape.flows.first?.data == ["accounts", "opportunities"] && landscape.flows.first?.after.map(\.id) == ["review"])
        #expect(landscape.flows.first?.attributes["ticket"] == "JIRA-1")
        #expect(landscape.gates.map(\.id) == ["review"] && landscape.teams.map(\.id) == ["crm-team", "data"])
        #expect(result.warnings.map(\.description) == ["in/systems.csv:4:5: system 'bad': 'effort' must be a number, found 'lots'"])
        #expect(result.skipped.map(\.message) == ["skipped: not one of teams.csv, systems.csv, flows.csv, gates.csv, pilots.csv"])
    }

    /// Re-importing keeps hand work: efforts, pending statuses, data labels, pilots, gates
    /// and estimates stay; what the source now says is updated; what it dropped is kept as
    /// deprecated, or removed with its flows when pruning.
    @Test func reimportKeepsHandWork() throws {
        let model = try #require(
            readModel(
                """
                integraph: 1
                teams: [{id: t1}]
                systems:
                  - {id: a, name: Old name, owner: t1, attributes: {source: backstage}}
                  - {id: b, status: planned, effort: 5, owner: t1, attributes: {source: backstage}}
                  - {id: c, owner: t1}
                  - {id: gone, owner: t1, attributes: {source: backstage}}
                flows:
                  - {from: a, to: b, data: [x], status: backlog, effort: 2, attributes: {source: backstage}}
                  - {from: gone, to: c, attributes: {source: backstage}}
                gates: [{id: g, owner: t1, effort: 3}]
                pilots: [{id: p, champion: C, needs: [b], after: [g]}]
                estimates: [{match: {kind: flow}, effort: 4}]
                """
            ).validLandscape
        ).landscape
        var imported = Landscape(
            teams: [Team(id: "t2")],
            systems: [
                System(id: "a", name: "New name", owner: Reference("t2", at: .start)),
                System(id: "b", kind: "database"), System(id: "new")
            ],
            flows: [
                Flow(id: "a->b", hasExplicitID: false, from: Reference("a", at: .start), to: Reference("b", at: .start)),
                Flow(id: "b->new", hasExplicitID: false, from: Reference("b", at: .start), to: Reference("new", at: .start))
            ])
        for index in imported.systems.indices { imported.systems[index].attributes["source"] = "backstage" }
        let kept = ImportMerge.merge(imported, into: model, source: "backstage", prune: false, file: "m.yaml")
        let systems = kept.landscape.systems
        #expect(systems.map(\.id) == ["a", "b", "c", "gone", "new"])
        #expect(systems[0].name == "New name" && systems[0].owner?.id == "t2")
        #expect(systems[1].status == .planned && systems[1].effort == .days(5) && systems[1].kind == "database")
        #expect(systems[3].status == .deprecated)
        #expect(kept.landscape.flows.map(\.id) == ["a->b", "gone->c", "b->new"])
        #expect(kept.landscape.flows[0].data == ["x"] && kept.landscape.flows[0].status == .backlog)
        #expect(kept.landscape.pilots == model.pilots && kept.landscape.gates == model.gates && kept.landscape.estimates == model.estimates)
        #expect(kept.landscape.teams.map(\.id) == ["t1", "t2"])
        #expect(
            kept.notes.map(\.message) == [
                "system 'gone' is no longer in the backstage source: kept as deprecated",
                "flow 'gone->c' is no longer in the backstage source: kept"
            ])
        let pruned = ImportMerge.merge(imported, into: model, source: "backstage", prune: true)
        #expect(pruned.landscape.systems.map(\.id) == ["a", "b", "c", "new"])
        #expect(pruned.landscape.flows.map(\.id) == ["a->b", "b->new"])
        #expect((try? ValidatedLandscape(validating: pruned.landscape)) != nil)
    }

    /// An OEF model worked through by hand: a Serving from the CRM to the portal, an Access
    /// that reads the customer data (data moves from the object), a grouping that gives a
    /// domain, an assigned role that owns the CRM; the process and its triggering are not
    /// systems. Malformed XML is skipped with its line.
    @Test func archimateOpenExchangeFormat() {
        let model = """
            <?xml version="1.0" encoding="UTF-8"?>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
              <name>Shop</name>
              <elements>
                <element identifier="e1" xsi:type="ApplicationComponent"><name xml:lang="en">CRM</name></element>
                <element identifier="e2" xsi:type="ApplicationComponent"><name>Portal</name></element>
                <element identifier="e3" xsi:type="DataObject"><name>Customer</name></element>
                <element identifier="e4" xsi:type="BusinessRole"><name>Sales ops</name></element>
                <element identifier="e5" xsi:type="Grouping"><name>Front office</name></element>
                <element identifier="e6" xsi:type="BusinessProcess"><name>Sell</name></element>
              </elements>
              <relationships>
                <relationship identifier="r1" source="e1" target="e2" xsi:type="Serving"><name>serves</name></relationship>
                <relationship identifier="r2" source="e2" target="e3" xsi:type="Access" accessType="Read"/>
                <relationship identifier="r3" source="e4" target="e1" xsi:type="Assignment"/>
                <relationship identifier="r4" source="e5" target="e2" xsi:type="Composition"/>
                <relationship identifier="r5" source="e6" target="e2" xsi:type="Triggering"/>
              </relationships>
            </model>
            """
        var builder = ImportBuilder(source: "archimate")
        ArchiMateImporter().read(
            [
                ImportSource(name: "shop.xml", text: model),
                ImportSource(name: "bad.xml", text: "garbage <<<")
            ], into: &builder)
        let result = builder.finish(direction: .data)
        #expect(result.landscape.systems.map(\.id) == ["CRM", "Portal", "Customer"])
        #expect(result.landscape.systems[0].owner?.id == "Sales ops" && result.landscape.systems[1].domain == "Front office")
        #expect(result.landscape.systems[0].kind == "application-component")
        #expect(Self.flows(result) == ["CRM->Portal", "Customer->Portal"])
        #expect(result.unreadable.first?.description.hasPrefix("bad.xml:1:1: skipped the file: malformed XML: there is no XML document in the file") == true)
        #expect(result.skipped.contains { $0.message == "skipped 3 relationships: only Flow, Serving, Triggering and Access between systems become flows" })
    }

    static func traces(_ json: String) -> ImportResult {
        var builder = ImportBuilder(source: "traces")
        TracesImporter().read([ImportSource(name: "trace.json", text: json)], into: &builder)
        return builder.finish(direction: .calls)
    }

    /// Zipkin v2: the gateway's server span parents a client span to orders, whose server
    /// half shares the client's id; orders calls a database only named as a remote endpoint,
    /// twice, once failing; a span with no service is skipped.
    @Test func zipkinV2CallsAreCountedPerPair() {
        let result = Self.traces(
            """
            [{"traceId": "t", "id": "1", "kind": "SERVER", "localEndpoint": {"serviceName": "Gateway"}},
             {"traceId": "t", "id": "2", "parentId": "1", "kind": "CLIENT", "localEndpoint": {"serviceName": "gateway"},
              "remoteEndpoint": {"serviceName": "orders"}},
             {"traceId": "t", "id": "2", "parentId": "1", "kind": "SERVER", "shared": true, "localEndpoint": {"serviceName": "orders"}},
             {"traceId": "t", "id": "3", "parentId": "2", "kind": "CLIENT", "localEndpoint": {"serviceName": "orders"},
              "remoteEndpoint": {"serviceName": "db"}},
             {"traceId": "t", "id": "4", "parentId": "2", "kind": "CLIENT", "localEndpoint": {"serviceName": "orders"},
              "remoteEndpoint": {"serviceName": "db"}, "tags": {"error": "timeout"}},
             {"traceId": "t", "id": "5", "parentId": "9"}]
            """)
        #expect(result.landscape.systems.map(\.id) == ["gateway", "orders", "db"])
        #expect(Self.flows(result) == ["gateway->orders", "orders->db"])
        let db = result.landscape.flows.first { $0.to.id == "db" }
        #expect(db?.attributes["calls"] == "2" && db?.attributes["errors"] == "1")
        #expect(result.skipped.map(\.description) == ["trace.json:9:2: skipped a span without a service name"])
    }

    /// Zipkin v1 spans carry both sides in annotations; OTLP names services per resource.
    @Test func zipkinV1AndOpenTelemetry() {
        let v1 = Self.traces(
            """
            [{"traceId": "a", "id": "a", "annotations": [{"value": "sr", "endpoint": {"serviceName": "ts-preserve-service"}}]},
             {"traceId": "a", "id": "b", "parentId": "a", "annotations": [
                {"value": "cs", "endpoint": {"serviceName": "ts-preserve-service"}},
                {"value": "sr", "endpoint": {"serviceName": "ts-seat-service"}}]},
             {"traceId": "a", "id": "c", "parentId": "b", "annotations": [{"value": "cs", "endpoint": {"serviceName": "ts-seat-service"}}],
              "binaryAnnotations": [{"key": "sa", "endpoint": {"serviceName": "mysql"}}, {"key": "error", "value": "500"}]}]
            """)
        #expect(Self.flows(v1) == ["ts-preserve-service->ts-seat-service", "ts-seat-service->mysql"])
        #expect(v1.landscape.flows.first { $0.to.id == "mysql" }?.attributes["errors"] == "1")
        let otlp = Self.traces(
            """
            {"resourceSpans": [
              {"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "checkout"}}]},
               "scopeSpans": [{"spans": [
                 {"spanId": "s1", "kind": 2},
                 {"spanId": "s2", "parentSpanId": "s1", "kind": 3,
                  "attributes": [{"key": "peer.service", "value": {"stringValue": "payments"}}]}]}]},
              {"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "cart"}}]},
               "scopeSpans": [{"spans": [{"spanId": "s3", "parentSpanId": "s1", "kind": "SPAN_KIND_SERVER",
                                          "status": {"code": 2}}]}]}]}
            """)
        #expect(Self.flows(otlp) == ["checkout->cart", "checkout->payments"])
        #expect(otlp.landscape.flows.first { $0.to.id == "cart" }?.attributes["errors"] == "1")
    }

    @Test func importedModelsPassCheckAndReadBack() throws {
        var builder = ImportBuilder(source: "kubernetes")
        KubernetesImporter().read([ImportSource(name: "shop.yaml", text: Self.manifests)], into: &builder)
        let landscape = builder.finish(direction: .data, name: "Shop").landscape
        for syntax in [ModelSyntax.yaml, .json] {
            let text = LandscapeWriter(syntax: syntax).write(landscape)
            let report = LandscapeReader().read(bytes: Array(text.utf8), source: .file("shop.\(syntax.rawValue)"))
            #expect(!report.hasErrors, "\(located(report))")
            #expect(report.landscape?.withoutPositions == landscape.withoutPositions)
        }
    }

    @Test(arguments: [
        ("cart", "cart", false), ("cart:7070", "cart", true), ("redis://u@Cache:6379/0", "cache", true),
        ("api.example.com", "api.example.com", false)
    ])
    func hostsAreReadFromValues(value: String, host: String, isAddress: Bool) {
        #expect(HostReference(value)?.host == host && HostReference(value)?.isAddress == isAddress)
    }

    /// A health or metrics endpoint by its last segment, or under a health root; a business
    /// path that merely holds such a word is a call.
    @Test(arguments: [
        ("http://catalog-api/hc", true), ("http://cart:8080/readyz", true), ("http://api/health/ready", true),
        ("http://api/actuator/health/liveness", true), ("http://api/health/db", true), ("http://app:9000/metrics", true),
        ("http://scores:80/api/live/events", false), ("http://shop/ready-meals/list", false), ("http://shop/api/orders", false)
    ])
    func healthEndpointsByTheirLastSegments(value: String, isHealth: Bool) throws {
        #expect(try #require(HostReference(value)).isHealthCheck == isHealth)
    }

    @Test(arguments: ["8080", "a b", "/var/run", "http://", "cart:http", "-x", "a..b", ""])
    func valuesThatAreNoHost(value: String) {
        #expect(HostReference(value) == nil)
    }
}

/// The real manifests and compose files of ../shared/datasets; each count below is the one
/// its PROVENANCE.md derives by reading the files.
@Suite(.enabled(if: sharedDatasets != nil, "needs ../shared/datasets beside the checkout"))
struct ImportDatasetTests {
    static func read(_ kind: ImportKind, _ path: String) throws -> ImportResult {
        let root = try #require(sharedDatasets)
        return kind.read(paths: [root.appendingPathComponent(path).path], direction: .calls)
    }

    @Test func onlineBoutique() throws {
        for path in ["online-boutique-k8s/kubernetes-manifests", "online-boutique-k8s/release/kubernetes-manifests.yaml"] {
            let result = try Self.read(.kubernetes, path)
            // 12 Deployments and the undeclared shopping assistant; 17 distinct calls.
            #expect(result.landscape.systems.count == 13, "\(path)")
            #expect(result.landscape.flows.count == 17, "\(path)")
            #expect(result.landscape.systems.last?.id == "shoppingassistantservice")
            #expect(result.landscape.flows.filter { $0.from.id == "frontend" }.count == 8)
            #expect(result.landscape.flows.filter { $0.from.id == "checkoutservice" }.count == 6)
            #expect(result.warnings.count == 1)
        }
    }

    /// Graphs/online-boutique.yaml is that import with hand work on top: every imported
    /// system and flow is in it.
    @Test func theShippedOnlineBoutiqueHoldsItsImport() throws {
        let imported = try Self.read(.kubernetes, "online-boutique-k8s/kubernetes-manifests").landscape
        let shipped = try #require(
            try LandscapeReader().read(.file(packageRoot.appendingPathComponent("Graphs/online-boutique.yaml").path))
                .validLandscape
        ).landscape
        let systems = Set(shipped.systems.map(\.id)), flows = Set(shipped.flows.map { "\($0.from.id)->\($0.to.id)" })
        #expect(Set(imported.systems.map(\.id)).isSubset(of: systems))
        // The import above keeps the call direction; the shipped model, the data direction.
        #expect(Set(imported.flows.map { "\($0.to.id)->\($0.from.id)" }).isSubset(of: flows))
    }

    /// The telemetry flows are the depends_on pairs with a Jaeger service (jaeger-agent; in
    /// the swarm file also jaeger-collector, jaeger-query and the jaegertracing
    /// cassandra-schema job), counted with PyYAML over the same files: 13 and 55.
    @Test(arguments: [
        ("deathstarbench/socialNetwork/docker-compose.yml", 27, 19, 13),
        ("deathstarbench/socialNetwork/docker-compose-swarm.yml", 31, 61, 55),
        ("deathstarbench/hotelReservation/docker-compose.yml", 24, 22, 0),
        ("deathstarbench/mediaMicroservices/docker-compose.yml", 33, 0, 0),
        ("train-ticket/docker-compose.yml", 68, 1, 0)
    ])
    func composeFiles(path: String, systems: Int, flows: Int, telemetry: Int) throws {
        let result = try Self.read(.compose, path)
        #expect(result.landscape.systems.count == systems && result.landscape.flows.count == flows)
        #expect(result.landscape.flows.filter { $0.attributes["telemetry"] == "true" }.count == telemetry)
        #expect(result.warnings.isEmpty)
    }

    /// Services and distinct calls between two services (self-calls left out) as each
    /// file's PROVENANCE counts them: SmartThings' 30 and 10 edges hold 2 and 1 self-loops.
    @Test(arguments: [
        ("yelp.json", 10, 12), ("messaging-kafka.json", 3, 4), ("messaging.json", 3, 3),
        ("messaging2.json", 5, 3), ("ascend.json", 3, 2), ("simple-db-p6.json", 2, 1), ("skew.json", 2, 1),
        ("smartthings-mobile-web-install.json", 16, 28), ("smartthings-oauth-authorization.json", 8, 9),
        ("envoy.json", 0, 0)
    ])
    func zipkinTraces(file: String, systems: Int, flows: Int) throws {
        let result = try Self.read(.traces, "zipkin-real-traces/zipkin-lens/testdata/\(file)")
        #expect(result.landscape.systems.count == systems && result.landscape.flows.count == flows)
    }

    /// Train-Ticket's seven Zipkin v1 captures: 21 services, 34 calls, the seat ⇄ travel cycle.
    @Test func trainTicketTraces() throws {
        let result = try Self.read(.traces, "train-ticket/old-docs/Json2Shiviz")
        #expect(result.landscape.systems.count == 21 && result.landscape.flows.count == 34)
        let pairs = Set(result.landscape.flows.map { "\($0.from.id)->\($0.to.id)" })
        #expect(pairs.isSuperset(of: ["ts-seat-service->ts-travel-service", "ts-travel-service->ts-seat-service"]))
    }

    /// Backstage's example catalog: 13 Components and 1 Resource; the three dependency
    /// edges between them (artist-lookup on artists-db, www-artist consuming artist-lookup,
    /// wayback-search consuming the wayback-archive API); 8 Groups and the User 'guest' as owners.
    @Test func backstageExamples() throws {
        let result = try Self.read(.backstage, "backstage-catalog-examples/examples")
        #expect(result.landscape.systems.count == 14 && result.landscape.flows.count == 3)
        #expect(result.landscape.teams.count == 9)
        #expect(
            Set(result.landscape.flows.map { "\($0.from.id)->\($0.to.id)" })
                == ["artists-db->artist-lookup", "artist-lookup->www-artist", "wayback-archive->wayback-search"])
        #expect(result.warnings.isEmpty)
    }

    /// The ArchiMate 3 case studies; counts recomputed with Python's ElementTree over the
    /// same rule (systems by type and name, Flow/Serving/Triggering/Access pairs between them).
    @Test(arguments: [("ArchiSurance V3.xml", 25, 10), ("ArchiMetal V3.xml", 97, 35), ("everything.xml", 5, 0)])
    func archimateCaseStudies(file: String, systems: Int, flows: Int) throws {
        let result = try Self.read(.archimate, "archimate-archi-tools-rb/test/examples/\(file)")
        #expect(result.landscape.systems.count == systems && result.landscape.flows.count == flows)
    }

    @Test func trainTicketKubernetesDeclaresNoCalls() throws {
        let result = try Self.read(.kubernetes, "train-ticket/deployment")
        #expect(result.landscape.systems.count == 64 && result.landscape.flows.isEmpty)
    }
}
