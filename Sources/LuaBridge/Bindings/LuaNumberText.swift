// LuaNumberText: a float written as Lua's `tostring` writes it, so that `sim.log` lines read like
// `print` would have printed them.
import Foundation

/// Writes floats the way Lua's `tostring` does (`%.14g`), so `sim.log` reads like `print`.
enum LuaNumberText {
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e14 { return String(format: "%.1f", value) }
        return String(format: "%.14g", value)
    }
}
