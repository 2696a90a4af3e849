import Foundation

/// A host name read from a configuration value: `cart`, `cart:7070`, `redis://cache:6379/0`,
/// `http://user@api.example.com/v1`. Values that cannot be a host (numbers, words with
/// spaces, paths) give `nil`.
///
/// ```swift
/// HostReference("cartservice:7070")?.host // "cartservice"
/// HostReference("8080") // nil
/// ```
struct HostReference: Equatable {
    /// Lower-cased, as DNS compares names.
    let host: String
    /// Whether the value had a port or a scheme: written as an address, not just a word.
    let isAddress: Bool

    init?(_ value: String) {
        var rest = Substring(value.trimmingCharacters(in: .whitespaces))
        var isAddress = false
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            isAddress = true
            if let end = rest.firstIndex(where: { "/?#".contains($0) }) { rest = rest[..<end] }
            if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        }
        if let colon = rest.lastIndex(of: ":") {
            let port = rest[rest.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isASCIIDigit) else { return nil }
            rest = rest[..<colon]
            isAddress = true
        }
        let host = rest.lowercased()
        guard let first = host.unicodeScalars.first, ("a"..."z").contains(first),
            host.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }),
            !host.hasSuffix("."), !host.contains("..")
        else { return nil }
        self.host = host
        self.isAddress = isAddress
    }

    /// Whether a variable of this name holds an address, by the words such names use.
    static func namesAnAddress(_ variable: String) -> Bool {
        let upper = variable.uppercased()
        return ["ADDR", "HOST", "URL", "URI", "ENDPOINT", "SERVICE"].contains { upper.contains($0) }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
