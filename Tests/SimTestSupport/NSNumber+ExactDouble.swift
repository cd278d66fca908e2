// NSNumber+ExactDouble: the double a JSON number holds, read exactly, for tests that parse reports with
// Foundation's JSONSerialization.
import Foundation

extension NSNumber {
    /// The double JSONSerialization read. On Linux it hands long numbers over as NSDecimalNumber,
    /// whose `doubleValue` can be off by an ulp, so those are read back from their exact digits.
    package var exactDouble: Double {
        self is NSDecimalNumber ? Double(stringValue)! : doubleValue
    }
}
