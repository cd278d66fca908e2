// ReadableNumber+Signed: an alignment as the reports show it — sign always, two decimals — shared
// by the text report and the HTML charts so both print the same value the same way.
import Foundation

extension ReadableNumber {
    /// An alignment with its sign and two decimals, with no -0.00.
    package static func signed(_ x: Double) -> String {
        let hundredths = (x * 100).rounded()
        return String(format: "%+.2f", hundredths == 0 ? 0 : hundredths / 100)
    }
}
