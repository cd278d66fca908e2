// ExactKey: a string that compares, orders and hashes by its UTF-8 bytes. Swift's String treats
// canonically equivalent strings ("\u{C5}" and "A\u{30A}") as equal; Lua, where ids, names and keys
// come from, treats them as the distinct byte strings they are. Keying by bytes keeps two such
// names apart and puts them in the same order in every process.

/// A string keyed, compared and ordered by its UTF-8 bytes, as Lua keys its strings.
package struct ExactKey: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    package let text: String

    package init(_ text: String) { self.text = text }

    package init(stringLiteral text: String) { self.text = text }

    package var description: String { text }

    package static func == (a: ExactKey, b: ExactKey) -> Bool { a.text.isBytewise(b.text) }

    package static func < (a: ExactKey, b: ExactKey) -> Bool { a.text.precedesBytewise(b.text) }

    package func hash(into hasher: inout Hasher) {
        let utf8 = text.utf8
        hasher.combine(utf8.count)
        if utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
    }
}

extension String {
    /// Whether the string sorts before `other` byte by byte (a prefix first), as Lua's `pairs`
    /// order and C's `memcmp` put them; `<` would compare them as Unicode text instead.
    package func precedesBytewise(_ other: String) -> Bool {
        utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// Whether the two strings are the same bytes; `==` would also match canonically equivalent text.
    /// Native strings are compared over their contiguous bytes: `elementsEqual` over the two
    /// UTF-8 views goes byte by byte through the generic iterator, hundreds of instructions per id.
    package func isBytewise(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        let same = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y in
                for i in 0..<x.count where x[i] != y[i] { return false }
                return true
            }
        }
        return (same ?? nil) ?? a.elementsEqual(b)
    }
}
