// XMLWellFormedness: checks that text parses as XML with Foundation's own parser (FoundationXML on
// Linux), for the HTML pages, which simrun writes as well-formed XML, and each SVG chart in them.
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

package enum XMLWellFormedness {
    /// nil when the text is well-formed XML, else the parser's complaint with its line.
    package static func problem(in text: String) -> String? {
        let parser = XMLParser(data: Data(text.utf8))
        if parser.parse() { return nil }
        return "line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "unknown error")"
    }

    /// Every `<svg …>…</svg>` element of a page, in order.
    package static func svgElements(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest[start.lowerBound...].range(of: "</svg>") {
            found.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// The value of each `attribute="…"` in the text, in order (entities left as written).
    package static func attributeValues(_ attribute: String, in text: String) -> [String] {
        text.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}
