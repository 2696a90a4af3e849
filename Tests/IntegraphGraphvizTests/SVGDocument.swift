import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A rendered SVG parsed as XML, to assert what a map shows rather than its pixels.
struct SVGDocument {
    let document: XMLDocument

    init(_ data: [UInt8]) throws {
        document = try XMLDocument(data: Data(data), options: [])
    }

    /// Graphviz's `<g>` groups of one class (`node`, `edge`, `cluster`).
    func groups(ofClass name: String) throws -> [XMLElement] {
        try document.nodes(forXPath: "//*[local-name()='g'][@class='\(name)']").compactMap { $0 as? XMLElement }
    }

    func group(ofClass name: String, id: String) throws -> XMLElement? {
        try groups(ofClass: name).first { $0.value(of: "id") == id }
    }

    func elements(named name: String) throws -> [XMLElement] {
        try document.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
    }
}

extension XMLElement {
    /// An attribute's value. (`attribute(forName:)` misses unprefixed attributes in
    /// swift-corelibs-foundation when the document has a default namespace.)
    func value(of name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }

    /// Descendant elements with this local name.
    func descendants(named name: String) -> [XMLElement] {
        var result: [XMLElement] = []
        var stack: [XMLNode] = children ?? []
        while let node = stack.popLast() {
            if let element = node as? XMLElement {
                if element.localName == name { result.append(element) }
                stack.append(contentsOf: element.children ?? [])
            }
        }
        return result
    }

    /// The fill of a node's shape (the first outline drawn with one).
    var shapeFill: String? {
        (descendants(named: "path") + descendants(named: "polygon"))
            .compactMap { $0.value(of: "fill") }.first { $0 != "none" && $0 != "transparent" }
    }

    /// How many outlines a node has: two for `peripheries=2`.
    var outlineCount: Int { descendants(named: "path").count + descendants(named: "polygon").count }

    /// The box around every point of its outlines (polygons, paths, ellipses): x, y, width
    /// and height in SVG units; `nil` when it draws none.
    var outlineBox: (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        var xs: [Double] = [], ys: [Double] = []
        for element in descendants(named: "polygon") + descendants(named: "path") {
            let text = element.value(of: "points") ?? element.value(of: "d") ?? ""
            let numbers = text.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
            for pair in stride(from: 0, to: numbers.count - 1, by: 2) {
                xs.append(numbers[pair])
                ys.append(numbers[pair + 1])
            }
        }
        for ellipse in descendants(named: "ellipse") {
            guard let cx = ellipse.value(of: "cx").flatMap(Double.init), let cy = ellipse.value(of: "cy").flatMap(Double.init),
                let rx = ellipse.value(of: "rx").flatMap(Double.init), let ry = ellipse.value(of: "ry").flatMap(Double.init)
            else { continue }
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        return (minX...maxX, minY...maxY)
    }

    /// Where its first `<text>` is anchored.
    var textAnchor: (x: Double, y: Double)? {
        guard let text = descendants(named: "text").first, let x = text.value(of: "x").flatMap(Double.init),
            let y = text.value(of: "y").flatMap(Double.init)
        else { return nil }
        return (x, y)
    }

    /// The text of its `<text>` descendants, top to bottom.
    var texts: [String] {
        descendants(named: "text")
            .sorted { (Double($0.value(of: "y") ?? "") ?? 0) < (Double($1.value(of: "y") ?? "") ?? 0) }
            .map { $0.stringValue ?? "" }
    }
}
