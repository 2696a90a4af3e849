import Foundation
import Testing

@testable import Integraph

@Suite struct FingerprintTests {
    /// FIPS 180-4 examples, and a message that needs a second padding block: the digest
    /// (swift-crypto) and its hex spelling (ours, leading zeros kept).
    @Test func fipsTestVectors() {
        #expect(Fingerprint.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Fingerprint.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Fingerprint.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            Fingerprint.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The same digests in base64, as a Content-Security-Policy hash source spells them.
    @Test func base64OfKnownDigests() {
        #expect(Fingerprint.base64([]) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        #expect(Fingerprint.base64(Array("abc".utf8)) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    }
}
