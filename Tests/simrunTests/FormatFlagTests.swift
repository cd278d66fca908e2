// FormatFlagTests: one `--format` for every command — each spells its formats as OutputFormat does,
// refuses another naming the flag and listing its own (64), and docs/formats.md's table is the one
// the declarations make; simrun.1 (`simrun help --man`) has every section, command and flag.
// Parsed in process, no binary.
import Foundation
import Testing

@testable import simrun

@Suite("--format and the man page")
struct FormatFlagTests {
    @Test("every command spells its formats as OutputFormat does, and has text or a file format")
    func spellings() {
        let known = Set(OutputFormat.allCases.map(\.rawValue))
        for command in Simrun.subcommands {
            #expect(Set(command.formats).isSubset(of: known), "\(command.name): \(command.formats)")
        }
        #expect(!Simrun.subcommands.flatMap { $0.formats }.contains("markdown"))
    }

    @Test("a format a command lacks is refused, naming --format and listing the command's formats")
    func refusals() {
        for (command, arguments) in OptionTableTests.minimal where !command.formats.isEmpty {
            check(command, arguments)
        }
        func check<C: Command>(_: C.Type, _ minimal: [String]) {
            let formats = C.formats
            let listed = formats.dropLast().joined(separator: ", ") + " or " + formats[formats.count - 1]
            let lacking = OutputFormat.allCases.map(\.rawValue).filter { !formats.contains($0) } + ["markdown", "pdf"]
            for format in lacking {
                let error = refusal(C.self, minimal + ["--format", format])
                #expect(error?.message == "--format takes \(listed), got '\(format)'", "\(C.name) \(format)")
                #expect(error?.exitCode == .usage)
            }
        }
    }

    /// The table docs/formats.md must hold: a row per command, a column per format.
    static var formatTable: [String] {
        let formats = OutputFormat.allCases.map(\.rawValue)
        var lines = [
            "| command | " + formats.map { "`\($0)`" }.joined(separator: " | ") + " |",
            "| --- |" + String(repeating: " :-: |", count: formats.count),
        ]
        for command in Simrun.subcommands {
            let marks = formats.map { command.formats.contains($0) ? "✓" : " " }
            lines.append("| `simrun \(command.name)` | " + marks.joined(separator: " | ") + " |")
        }
        return lines
    }

    @Test("docs/formats.md's table is the declarations'")
    func docsTable() throws {
        let text = try String(
            contentsOf: SimrunCLI.root.appendingPathComponent("docs/formats.md"), encoding: .utf8)
        let rows = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| ") }
        #expect(Array(rows.prefix(Self.formatTable.count)) == Self.formatTable)
    }

    @Test("simrun.1 has every section, every command with each of its flags, every exit code")
    func manPage() {
        let roff = ManPage.roff
        let lines = roff.split(separator: "\n").map(String.init)
        let sections = lines.filter { $0.hasPrefix(".SH ") }
        #expect(
            sections
                == [
                    "NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "FORMATS", "EXIT STATUS", "ENVIRONMENT", "FILES",
                    "SEE ALSO",
                ].map { ".SH " + $0 })
        #expect(lines.first?.hasPrefix(".TH SIMRUN 1 ") == true)
        // Every line is a request man(7) knows, or text that cannot be read as one.
        let requests: Set<String> = [".TH", ".SH", ".SS", ".TP", ".PP", ".br", ".I", ".nf", ".fi"]
        for line in lines where line.hasPrefix(".") || line.hasPrefix("'") {
            #expect(requests.contains(String(line.prefix { $0 != " " })), "\(line)")
        }
        for command in Simrun.subcommands { check(command) }
        func check<C: Command>(_: C.Type) {
            #expect(lines.contains(".SS " + ManPage.escaped("simrun " + C.synopsis)), "\(C.name)")
            for option in C.declaration.options {
                for name in option.names {
                    #expect(roff.contains("\\fB" + ManPage.escaped(name) + "\\fR"), "\(C.name) \(name)")
                }
            }
        }
        for code in ExitCode.allCases {
            #expect(roff.contains(".TP\n\\fB\(code.rawValue)\\fR\n" + ManPage.paragraph(code.meaning)), "\(code)")
        }
        #expect(roff.contains("\\fBSIMRUN_PATH\\fR"))
    }
}
