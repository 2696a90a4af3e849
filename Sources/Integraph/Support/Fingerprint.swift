import Crypto
import Foundation

/// SHA-256 digests as reports print them: the model file's fingerprint (hex) and the hash of
/// the report's own script in its Content-Security-Policy (base64). Computed by swift-crypto.
///
/// ```swift
/// Fingerprint.hex(Array("abc".utf8)) // "ba7816bf…f20015ad"
/// ```
package enum Fingerprint {
    public static func hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    public static func base64(_ bytes: [UInt8]) -> String {
        Data(SHA256.hash(data: bytes)).base64EncodedString()
    }
}
