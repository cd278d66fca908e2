// SimDate: calendar days without time zones. A run's dates are civil dates counted in days from
// 1970-01-01, so no locale, time zone or clock of the machine can reach a report.

/// A civil date (proleptic Gregorian), stored as days since 1970-01-01.
package struct SimDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let daysSinceEpoch: Int

    package init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real day.
    package init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= SimDate.daysInMonth(year: y, month: m)
        else { return nil }
        self.daysSinceEpoch = SimDate.days(year: y, month: m, day: d)
    }

    package static func < (a: SimDate, b: SimDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    package func adding(days: Int) -> SimDate { SimDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The date `ticks` ticks of `tickDays` days after this one, the days rounded down.
    package func adding(ticks: Int, of tickDays: Double) -> SimDate {
        adding(days: Int((Double(ticks) * tickDays).rounded(.down)))
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        let (y, m, d) = SimDate.civil(daysSinceEpoch)
        guard (0...9999).contains(y) else {
            return "\(y)-" + (m < 10 ? "0" : "") + "\(m)-" + (d < 10 ? "0" : "") + "\(d)"
        }
        // Written digit by digit: dates are formatted for every event handed to a handler.
        let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
        let bytes: [UInt8] = [
            zero + UInt8(y / 1000), zero + UInt8(y / 100 % 10), zero + UInt8(y / 10 % 10), zero + UInt8(y % 10), dash,
            zero + UInt8(m / 10), zero + UInt8(m % 10), dash, zero + UInt8(d / 10), zero + UInt8(d % 10),
        ]
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    // Howard Hinnant's days_from_civil and civil_from_days.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
