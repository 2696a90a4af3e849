import Foundation
import Integraph

/// Times `integraph import backstage` on generated catalogs of N components (`--import
/// 10000`): one file of multi-document YAML with a Domain and a System per 100 components, a
/// Group per 50, an API provided by every fifth component and consumed by the next four, and
/// a dependsOn to the component before. Reads, imports, checks and writes the model.
func benchmarkImports(sizes: [Int], seed: UInt64) {
    print("| components | catalog (MB) | import (read + build) | check of the model | write YAML | systems | flows |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes {
        var random = SeededRandom(seed: seed)
        var catalog = ""
        for group in 0..<max(1, size / 50) { catalog += "---\nkind: Group\nmetadata: {name: team-\(group)}\nspec: {type: team}\n" }
        for system in 0..<max(1, size / 100) {
            catalog += "---\nkind: Domain\nmetadata: {name: domain-\(system)}\n"
            catalog += "---\nkind: System\nmetadata: {name: system-\(system)}\nspec: {domain: domain-\(system)}\n"
        }
        for number in 0..<size {
            let provider = number / 5 * 5
            let owner = Int(random.next() % UInt64(max(1, size / 50)))
            catalog += "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: component-\(number)}\n"
            catalog += "spec: {type: service, lifecycle: production, owner: team-\(owner), system: system-\(number / 100)"
            catalog += number == provider ? ", providesApis: [api-\(number)]" : ", consumesApis: [api-\(provider)]"
            catalog += number > 0 ? ", dependsOn: [component:component-\(number - 1)]}\n" : "}\n"
            if number == provider { catalog += "---\nkind: API\nmetadata: {name: api-\(number)}\nspec: {type: openapi}\n" }
        }
        let (result, importing) = time { () -> ImportResult in
            var builder = ImportBuilder(source: "backstage")
            BackstageImporter().read([ImportSource(name: "catalog.yaml", text: catalog)], into: &builder)
            return builder.finish(direction: .data)
        }
        let (text, writing) = time { LandscapeWriter(syntax: .yaml).write(result.landscape) }
        let (report, checking) = time { LandscapeReader().read(bytes: Array(text.utf8), source: .file("catalog-model.yaml")) }
        guard !report.hasErrors else { fatalError("the imported catalog does not check: \(report.errors.prefix(3))") }
        print(
            "| \(size) | \(catalog.utf8.count / 1_000_000) | \(format(importing)) | \(format(checking)) | \(format(writing)) | "
                + "\(result.landscape.systems.count) | \(result.landscape.flows.count) |")
    }
}

/// Times `integraph import dependencies` on generated Jaeger dependency lists of N services
/// (`--dependencies 10000`): `/api/dependencies`' `{"data": […]}` with five links a service,
/// each from a seeded random service to another, a call count up to a million. Reads,
/// imports, checks and writes the model.
func benchmarkDependencies(sizes: [Int], seed: UInt64) {
    print("| services | links | file (MB) | import (read + build) | check of the model | write YAML | systems | flows |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes {
        var random = SeededRandom(seed: seed)
        let count = UInt64(max(2, size))
        var links: [String] = []
        for _ in 0..<(5 * size) {
            let parent = random.next() % count
            let child = (parent + 1 + random.next() % (count - 1)) % count
            links.append(#"{"parent": "service-\#(parent)", "child": "service-\#(child)", "callCount": \#(random.next() % 1_000_000)}"#)
        }
        let text = #"{"data": ["# + links.joined(separator: ",\n") + "], \"total\": \(links.count)}"
        let (result, importing) = time { () -> ImportResult in
            var builder = ImportBuilder(source: "dependencies")
            DependenciesImporter().read([ImportSource(name: "dependencies.json", text: text)], into: &builder)
            return builder.finish(direction: .data)
        }
        let (model, writing) = time { LandscapeWriter(syntax: .yaml).write(result.landscape) }
        let (report, checking) = time { LandscapeReader().read(bytes: Array(model.utf8), source: .file("dependencies-model.yaml")) }
        guard !report.hasErrors else { fatalError("the imported dependencies do not check: \(report.errors.prefix(3))") }
        print(
            "| \(size) | \(links.count) | \(text.utf8.count / 1_000_000) | \(format(importing)) | \(format(checking)) | \(format(writing)) | "
                + "\(result.landscape.systems.count) | \(result.landscape.flows.count) |")
    }
}
