// OptionSection: flags a command's help shows together, under a title when they serve one use of
// the command only (compare's "Paired runs of two scenarios").

struct OptionSection<Values> {
    var title: String?
    var options: [Option<Values>]

    init(_ options: [Option<Values>]) {
        self.options = options
    }

    init(_ title: String, _ options: [Option<Values>]) {
        self.title = title
        self.options = options
    }

    /// Every spelling of its flags.
    var names: Set<String> { Set(options.flatMap(\.names)) }
}
