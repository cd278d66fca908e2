// HTMLPage: one self-contained HTML page of the reports — headings, paragraphs, tables and inline
// SVG figures with every text escaped, one inline stylesheet, no font or link to fetch, no script
// but the run map's inline one — and written as well-formed XML, so that a test can parse the whole
// page and every chart in it.

/// An HTML page under construction; `html` is its finished text.
package struct HTMLPage {
    package let title: String
    private var parts: [String] = []

    package init(title: String) { self.title = title }

    package mutating func heading(_ text: String, level: Int = 2) {
        parts.append("<h\(level)>\(SVGDocument.escaped(text))</h\(level)>")
    }

    package mutating func paragraph(_ text: String, note: Bool = false) {
        parts.append("<p\(note ? " class=\"note\"" : "")>\(SVGDocument.escaped(text))</p>")
    }

    /// A table with a header row; the columns in `numeric` are right-aligned.
    package mutating func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) {
        let cell = { (tag: String, c: Int, text: String) in
            "<\(tag)\(numeric.contains(c) ? " class=\"num\"" : "")>\(SVGDocument.escaped(text))</\(tag)>"
        }
        var html =
            "<table>\n<thead><tr>" + header.enumerated().map { cell("th", $0, $1) }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>" + row.enumerated().map { cell("td", $0, $1) }.joined() + "</tr>\n" }
        parts.append(html + "</tbody>\n</table>")
    }

    /// Label–value rows, for a page's provenance.
    package mutating func facts(_ rows: [(String, String)]) {
        let items = rows.map { "<dt>\(SVGDocument.escaped($0.0))</dt><dd>\(SVGDocument.escaped($0.1))</dd>" }
        parts.append("<dl>\n" + items.joined(separator: "\n") + "\n</dl>")
    }

    /// Figures side by side where the page is wide enough; each is an SVG (already escaped) and a caption.
    package mutating func figures(_ figures: [(svg: String, caption: String)], wide: Bool = false) {
        let items = figures.map {
            "<figure>\n\($0.svg)\n<figcaption>\(SVGDocument.escaped($0.caption))</figcaption>\n</figure>"
        }
        parts.append("<div class=\"\(wide ? "wide" : "grid")\">\n" + items.joined(separator: "\n") + "\n</div>")
    }

    /// A figure of markup a chart built, already escaped and well-formed (the map with its slider
    /// and script), and its caption.
    package mutating func block(_ markup: String, caption: String) {
        parts.append(
            "<figure class=\"wide\">\n\(markup)\n<figcaption>\(SVGDocument.escaped(caption))</figcaption>\n</figure>")
    }

    /// The whole document, ending with a newline.
    package var html: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(SVGDocument.escaped(title))</title>
        <style>\(HTMLPage.style)</style>
        </head>
        <body>
        <h1>\(SVGDocument.escaped(title))</h1>
        \(parts.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    /// Readable at 1200 px and on paper; system fonts only, nothing fetched.
    private static let style = """

        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #222;
               max-width: 1140px; margin: 24px auto; padding: 0 20px; line-height: 1.45; }
        h1 { font-size: 28px; margin: 0 0 6px; }
        h2 { font-size: 21px; margin: 34px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #ddd; }
        h3 { font-size: 16px; margin: 20px 0 6px; }
        p.note { color: #555; font-size: 14px; margin: 4px 0 10px; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 3px 18px; margin: 10px 0; font-size: 14px; }
        dt { color: #555; font-weight: 600; }
        dd { margin: 0; overflow-wrap: anywhere; }
        table { border-collapse: collapse; font-size: 13.5px; margin: 8px 0 12px; }
        th, td { border-bottom: 1px solid #e2e2e2; padding: 4px 12px 4px 0; text-align: left; vertical-align: top; }
        th { border-bottom: 2px solid #bbb; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(540px, 1fr)); gap: 10px 20px; }
        figure { margin: 6px 0 12px; }
        figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { font-size: 13px; color: #444; margin-top: 2px; }
        .map-controls { display: flex; align-items: center; gap: 12px; margin: 6px 0; font-size: 14px; }
        .map-controls[hidden] { display: none; }
        .map-controls input { flex: 1; }
        .map-controls button { min-width: 64px; }
        .map-controls output { min-width: 190px; font-variant-numeric: tabular-nums; }

        """
}
