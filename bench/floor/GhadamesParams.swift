// GhadamesParams: ghadames.lua's params for the floor (and world.lua's W.claims params), with the
// scenario's defaults and ranges.
import SimCore

/// ghadames.lua's params (sim.param), then those W.claims declares, with the same defaults and ranges.
struct GhadamesParams {
    var haftarDay = 7
    var lnaForce = 1500
    var algeriaAlert = 0.6
    var russianBacking = 0.5
    var gnuResolve = 0.5
    var restraint = 0.9
    var ruptureAt = 0.0
    // W.claims (world.lua).
    var algeriaComplicity = false
    var algeriaSheltersJnim = false
    var hurHelpedJnim = true
    var algeriaKnew = 0.5

    static let names = [
        "haftar_day", "lna_force", "algeria_alert", "russian_backing", "gnu_resolve", "restraint", "rupture_at",
        "algeria_complicity", "algeria_shelters_jnim", "hur_helped_jnim", "algeria_knew",
    ]

    /// Ticks the scenario declares.
    static let steps = 120

    /// The params as simrun reports them (declaration order; integers stay integers).
    var reported: [(String, ScalarValue)] {
        [
            ("haftar_day", .integer(haftarDay)), ("lna_force", .integer(lnaForce)),
            ("algeria_alert", .number(algeriaAlert)), ("russian_backing", .number(russianBacking)),
            ("gnu_resolve", .number(gnuResolve)), ("restraint", .number(restraint)),
            ("rupture_at", .number(ruptureAt)), ("algeria_complicity", .boolean(algeriaComplicity)),
            ("algeria_shelters_jnim", .boolean(algeriaSheltersJnim)), ("hur_helped_jnim", .boolean(hurHelpedJnim)),
            ("algeria_knew", .number(algeriaKnew)),
        ]
    }

    /// Sets one param from `--param NAME=VALUE`; a message when the name or value does not fit.
    mutating func set(_ name: String, _ text: String) -> String? {
        func number(_ lo: Double, _ hi: Double) -> Double? {
            guard let v = Double(text), v >= lo, v <= hi else { return nil }
            return v
        }
        func boolean() -> Bool? { text == "true" ? true : text == "false" ? false : nil }
        switch name {
        case "haftar_day":
            guard let v = Int(text), (0...121).contains(v) else { return "haftar_day: an integer in [0, 121]" }
            haftarDay = v
        case "lna_force":
            guard let v = Int(text), (100...4000).contains(v) else { return "lna_force: an integer in [100, 4000]" }
            lnaForce = v
        case "algeria_alert":
            guard let v = number(0, 1) else { return "algeria_alert: a number in [0, 1]" }
            algeriaAlert = v
        case "russian_backing":
            guard let v = number(0, 1) else { return "russian_backing: a number in [0, 1]" }
            russianBacking = v
        case "gnu_resolve":
            guard let v = number(0, 1) else { return "gnu_resolve: a number in [0, 1]" }
            gnuResolve = v
        case "restraint":
            guard let v = number(0, 1) else { return "restraint: a number in [0, 1]" }
            restraint = v
        case "rupture_at":
            guard let v = number(-1, 1) else { return "rupture_at: a number in [-1, 1]" }
            ruptureAt = v
        case "algeria_complicity":
            guard let v = boolean() else { return "algeria_complicity: true or false" }
            algeriaComplicity = v
        case "algeria_shelters_jnim":
            guard let v = boolean() else { return "algeria_shelters_jnim: true or false" }
            algeriaSheltersJnim = v
        case "hur_helped_jnim":
            guard let v = boolean() else { return "hur_helped_jnim: true or false" }
            hurHelpedJnim = v
        case "algeria_knew":
            guard let v = number(0, 1) else { return "algeria_knew: a number in [0, 1]" }
            algeriaKnew = v
        default:
            return "no param '\(name)' (known: \(Self.names.joined(separator: ", ")))"
        }
        return nil
    }
}
