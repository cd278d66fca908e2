// OutcomeKind: what an outcome's values are — numbers, booleans or category names — as the summary's
// "type" field, the comparisons and the batch page name it.

/// The kind of an outcome's values. The order of the cases breaks ties between kinds in a summary.
package enum OutcomeKind: String, CaseIterable, Sendable {
    case number, boolean, category

    /// The summary's and comparisons' "type" text: the kind, or "none" for an outcome with no value.
    package static func name(_ kind: OutcomeKind?) -> String { kind?.rawValue ?? "none" }

}
