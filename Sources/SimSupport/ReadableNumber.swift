// ReadableNumber: numbers as the text reports show them to a person — about four significant
// digits, no exponent for everyday sizes — where the JSON keeps every bit.
import Foundation

package enum ReadableNumber {
    /// About four significant digits, no exponent for everyday sizes, trailing zeros dropped.
    package static func text(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : x > 0 ? "inf" : "-inf" }
        let size = abs(x)
        if size != 0, size < 0.001 { return String(format: "%.2e", x) }
        let decimals = size >= 1000 ? 0 : size >= 100 ? 1 : size >= 1 ? 2 : 3
        var text = String(format: "%.\(decimals)f", x)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// An alignment with its sign and two decimals, with no -0.00.
    package static func signed(_ x: Double) -> String {
        let hundredths = (x * 100).rounded()
        return String(format: "%+.2f", hundredths == 0 ? 0 : hundredths / 100)
    }
}
