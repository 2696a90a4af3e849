import Foundation

/// A host name read from a configuration value: `cart`, `cart:7070`, `redis://cache:6379/0`,
/// `http://user@api.example.com/v1`. Values that cannot be a host (numbers, words with
/// spaces, paths) give `nil`. A URL's path is kept, so that calls to health and metrics
/// endpoints can be told from calls that move business data.
///
/// ```swift
/// HostReference("cartservice:7070")?.host // "cartservice"
/// HostReference("http://catalog-api/hc")?.isHealthCheck // true
/// HostReference("8080") // nil
/// ```
struct HostReference: Equatable {
    /// Lower-cased, as DNS compares names.
    let host: String
    /// Whether the value had a port or a scheme: written as an address, not just a word.
    let isAddress: Bool
    /// The port written, when it is one (1 to 65535).
    let port: Int?
    /// A URL's path (`/api/hc`), without its query; empty for anything else.
    let path: String

    init?(_ value: String) {
        var rest = Substring(value.trimmingCharacters(in: .whitespaces))
        var isAddress = false
        var path = Substring("")
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            isAddress = true
            if let end = rest.firstIndex(where: { "/?#".contains($0) }) {
                path = rest[end...].prefix { $0 != "?" && $0 != "#" }
                rest = rest[..<end]
            }
            if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        }
        var port: Int?
        if let colon = rest.lastIndex(of: ":") {
            let digits = rest[rest.index(after: colon)...]
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
            // Bounded before the conversion: a port has at most five digits.
            if digits.count <= 5, let number = Int(digits), (1...65535).contains(number) { port = number }
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
        self.port = port
        self.path = String(path)
    }

    /// The path segments that name a health, readiness, liveness or metrics endpoint:
    /// `/hc`, `/health`, `/healthz`, `/health/ready`, `/readyz`, `/livez`, `/metrics`.
    static let healthSegments: Set<String> = [
        "hc", "health", "healthz", "healthcheck", "health-check", "healthcheckz", "ready", "readyz", "readiness",
        "live", "livez", "liveness", "alive", "metrics"
    ]

    /// The segments under which a whole path is about health (`/health/db`,
    /// `/actuator/prometheus`), wherever its last segment points.
    static let healthRoots: Set<String> = ["hc", "health", "healthz", "healthcheck", "health-check", "actuator"]

    /// Whether the URL calls a health or metrics endpoint, which carries no business data:
    /// its last segment is one (`/hc`, `/readyz`, `/metrics`), or one of the last two is a
    /// health root (`/health/ready`, `/actuator/health/liveness`). A business path that
    /// merely holds such a word (`/api/live/events`) is a call.
    var isHealthCheck: Bool {
        let segments = path.split(separator: "/").map { $0.lowercased() }
        guard let last = segments.last else { return false }
        return Self.healthSegments.contains(last) || segments.suffix(3).contains { Self.healthRoots.contains($0) }
    }

    /// Whether it names the machine the caller runs on, which is no other system.
    var isThisMachine: Bool {
        ["localhost", "host.docker.internal", "gateway.docker.internal"].contains(host) || host.hasSuffix(".localhost")
    }

    /// Whether a variable of this name holds an address, by how such names end
    /// (`CART_ADDR`, `REDIS_HOST`, `USERS_URL`, `PAYMENT_SERVICE`).
    static func namesAnAddress(_ variable: String) -> Bool {
        let upper = variable.uppercased()
        return ["HOST", "HOSTNAME", "ADDR", "ADDRESS", "URL", "URI", "ENDPOINT", "SERVICE"].contains { upper.hasSuffix($0) }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
