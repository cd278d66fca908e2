// SVGDocument: an SVG image built as text for the HTML reports — elements with escaped attributes
// and text, coordinates written the same way on every machine, and the markup escaping that the
// HTML pages share, since names in a chart come from scenarios that may come from strangers.
import Foundation
import SimSupport

/// An SVG image under construction; `markup` is its finished text.
package struct SVGDocument {
    package let width: Double
    package let height: Double
    /// What the image shows, for screen readers (`aria-label`).
    package let label: String
    /// The `class` of the `<svg>` element, for pages that style or script it.
    package var cssClass: String?
    private var elements: [String] = []

    package init(width: Double, height: Double, label: String) {
        self.width = width
        self.height = height
        self.label = label
    }

    /// Appends `<name attributes>text</name>` (or `<name attributes/>` without text or tooltip);
    /// `tooltip` becomes a `<title>` child, which browsers show on hover.
    package mutating func element(
        _ name: String, _ attributes: [(String, String)], text: String? = nil,
        tooltip: String? = nil
    ) {
        var tag = "<" + name
        for (key, value) in attributes { tag += " \(key)=\"\(SVGDocument.escaped(value))\"" }
        guard text != nil || tooltip != nil else {
            elements.append(tag + "/>")
            return
        }
        tag += ">"
        if let tooltip { tag += "<title>\(SVGDocument.escaped(tooltip))</title>" }
        if let text { tag += SVGDocument.escaped(text) }
        elements.append(tag + "</\(name)>")
    }

    /// Opens `<name attributes>` (a group, say): what is added until `end(name)` goes inside it.
    package mutating func begin(_ name: String, _ attributes: [(String, String)]) {
        elements.append(
            "<" + name + attributes.map { " \($0.0)=\"\(SVGDocument.escaped($0.1))\"" }.joined() + ">")
    }

    /// Closes the element `begin(name, ...)` opened.
    package mutating func end(_ name: String) { elements.append("</\(name)>") }

    package mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
        width: Double = 1, dash: String? = nil
    ) {
        var attributes = [
            ("x1", SVGDocument.number(x1)), ("y1", SVGDocument.number(y1)),
            ("x2", SVGDocument.number(x2)), ("y2", SVGDocument.number(y2)),
            ("stroke", stroke), ("stroke-width", SVGDocument.number(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("line", attributes)
    }

    package mutating func rect(
        _ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String,
        stroke: String? = nil, tooltip: String? = nil
    ) {
        var attributes = [
            ("x", SVGDocument.number(x)), ("y", SVGDocument.number(y)),
            ("width", SVGDocument.number(max(w, 0))), ("height", SVGDocument.number(max(h, 0))),
            ("fill", fill),
        ]
        if let stroke { attributes.append(("stroke", stroke)) }
        element("rect", attributes, tooltip: tooltip)
    }

    package mutating func circle(
        _ cx: Double, _ cy: Double, radius: Double, fill: String, stroke: String? = nil,
        tooltip: String? = nil
    ) {
        var attributes = [
            ("cx", SVGDocument.number(cx)), ("cy", SVGDocument.number(cy)),
            ("r", SVGDocument.number(radius)), ("fill", fill),
        ]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1.5")] }
        element("circle", attributes, tooltip: tooltip)
    }

    /// Text whose anchor point is (x, y): `anchor` is start, middle or end; `rotation` in degrees
    /// about the anchor point.
    package mutating func text(
        _ text: String, _ x: Double, _ y: Double, anchor: String = "start", size: Double = 12,
        fill: String = "#333", bold: Bool = false, rotation: Double? = nil
    ) {
        var attributes = [
            ("x", SVGDocument.number(x)), ("y", SVGDocument.number(y)), ("font-size", SVGDocument.number(size)),
            ("text-anchor", anchor), ("fill", fill),
        ]
        if bold { attributes.append(("font-weight", "bold")) }
        if let rotation {
            attributes.append(
                (
                    "transform",
                    "rotate(\(SVGDocument.number(rotation)) \(SVGDocument.number(x)) \(SVGDocument.number(y)))"
                ))
        }
        element("text", attributes, text: text)
    }

    /// The finished `<svg>` element, sized in CSS pixels and scaling down with its container.
    package var markup: String {
        let w = SVGDocument.number(width), h = SVGDocument.number(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" "
            + (cssClass.map { "class=\"\(SVGDocument.escaped($0))\" " } ?? "")
            + "role=\"img\" aria-label=\"\(SVGDocument.escaped(label))\" font-family=\"sans-serif\">\n"
            + elements.joined(separator: "\n") + "\n</svg>"
    }

    // MARK: Text

    /// A coordinate with at most two decimals, no trailing zeros, no `-0`: short, and the same on
    /// every machine.
    package static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        var text = String(format: "%.2f", x)
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Text safe inside XML and HTML, as element content or a quoted attribute: markup characters
    /// as entities, and characters XML forbids (controls, U+FFFE, U+FFFF) shown as `\u{…}`, as the
    /// terminal report shows controls, so a hostile name comes out inert and the page stays parseable.
    package static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in TerminalText.safe(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{FFFE}", "\u{FFFF}": out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
