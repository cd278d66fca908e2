// FlagValue: what a flag reads — the value's name in help and how its text becomes a value, with a
// message that names the flag when it cannot. The kinds (FlagValue+Kinds) are shared by every flag
// of their sort, so `--seed` and `--runs` refuse a bad number in the same words.

struct FlagValue<T> {
    /// The value as help names it: `N`, `SIZE`, `NAME=VALUE`.
    var name: String
    /// The value of `text`, given to `flag`.
    var parse: (_ text: String, _ flag: String) throws(CLIError) -> T

    /// The same text read as another type.
    func map<U>(_ transform: @escaping (T) -> U) -> FlagValue<U> {
        let parse = self.parse
        return FlagValue<U>(name: name) { text, flag throws(CLIError) in transform(try parse(text, flag)) }
    }
}
