// ChartPalette: the colours of the report's charts — a categorical set that colour-blind readers
// can tell apart (Okabe and Ito) and the diverging red–white–blue scale of alignments (ColorBrewer
// RdBu), so hostile and friendly read the same way in every chart.
import Foundation

package enum ChartPalette {
    /// Series and bloc colours, in order of use; yellow is left out, it vanishes on white.
    package static let categorical = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999",
    ]

    /// The colour of the n-th series, repeating past the end of the set.
    package static func series(_ n: Int) -> String { categorical[n % categorical.count] }

    /// Bloc colours: neither blue nor red, which mean friendly and hostile.
    package static let blocs = ["#009E73", "#E69F00", "#CC79A7", "#56B4E9"]

    /// The colour of the n-th bloc.
    package static func bloc(_ n: Int) -> String { blocs[n % blocs.count] }

    /// Friendly edges and positive alignments; hostile ones.
    package static let friendly = "#2166ac"
    package static let hostile = "#b2182b"

    /// RdBu from −1 (dark red) through white at 0 to +1 (dark blue).
    private static let diverging: [(Double, Double, Double)] = [
        (103, 0, 31), (178, 24, 43), (214, 96, 77), (244, 165, 130), (253, 219, 199), (247, 247, 247),
        (209, 229, 240), (146, 197, 222), (67, 147, 195), (33, 102, 172), (5, 48, 97),
    ]

    /// The colour of a value in [−1, 1] on the diverging scale (values outside are clamped).
    package static func diverging(_ value: Double) -> String {
        let v = value.isFinite ? min(max(value, -1), 1) : 0
        let position = (v + 1) / 2 * Double(diverging.count - 1)
        let i = min(Int(position), diverging.count - 2)
        let t = position - Double(i)
        let (a, b) = (diverging[i], diverging[i + 1])
        let mix = { (p: Double, q: Double) in Int((p + (q - p) * t).rounded()) }
        return String(format: "#%02x%02x%02x", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    /// Text colour that stays readable on a diverging cell: white on the dark ends.
    package static func textOnDiverging(_ value: Double) -> String {
        abs(value) > 0.55 ? "#ffffff" : "#222222"
    }
}
