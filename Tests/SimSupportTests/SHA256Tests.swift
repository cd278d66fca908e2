import Testing

@testable import SimSupport

/// FIPS 180-4 example vectors, padding boundaries, and streaming in pieces.
struct SHA256Tests {
    @Test func emptyMessage() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abc() {
        #expect(
            SHA256.hex(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func twoBlockMessage() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(
            SHA256.hex(Array(message.utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func oneMillionA() {
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around 56 and 64 bytes, where the padding needs one more block or not.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    ])
    func paddingBoundaries(length: Int, expected: String) {
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: length)) == expected)
    }

    @Test func nonASCIIBytes() {
        #expect(
            SHA256.hex(Array("Tinzaouatène → Ghadamès".utf8))
                == "4ad77f87007fc5fa34fbef86a7d1913654ec319179961998e6292e6a01c2bd57")
    }

    /// Feeding the bytes in pieces of any size gives the one-shot digest.
    @Test(arguments: [1, 3, 63, 64, 65, 200])
    func streamingMatchesOneShot(piece: Int) {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + piece, bytes.count)
            hasher.update(Array(bytes[offset..<end]))
            offset = end
        }
        #expect(hasher.hexDigest() == SHA256.hex(bytes))
        #expect(hasher.digest().count == 32)
    }

    /// Reading the digest does not end the message.
    @Test func digestThenContinue() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        _ = hasher.digest()
        hasher.update(Array("c".utf8))
        #expect(hasher.hexDigest() == SHA256.hex(Array("abc".utf8)))
    }
}
