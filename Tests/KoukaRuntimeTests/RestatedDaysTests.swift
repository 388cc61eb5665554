import Foundation
@testable import Kouka
import Testing

/// `RestatedDays`: a file read again whole whose days it counted give other figures (helper-89's
/// log-edited-in-place-rewrites-closed-year.sh: 100 items edited to 900, read again with exit 0).
struct RestatedDaysTests {
    static let may1 = LocalDate(year: 2024, month: 5, day: 1), may2 = LocalDate(year: 2024, month: 5, day: 2)
    static let ok = RestatedDays.Key(task: "T1", department: "税務課", outcome: "success", unit: "items")
    static let failed = RestatedDays.Key(task: "T1", department: "税務課", outcome: "failure", unit: "items")

    static func sums(_ events: Int, _ quantity: Double) -> RestatedDays.Sums { .init(events: events, quantity: quantity) }

    @Test func asManyRunsWithOtherUnitsAreRestated() {
        let days = RestatedDays.days(before: [Self.may1: [Self.ok: Self.sums(1, 100)]], after: [Self.may1: [Self.ok: Self.sums(1, 900)]])
        #expect(days == [.init(day: Self.may1, key: Self.ok, before: Self.sums(1, 100), after: Self.sums(1, 900))])
        #expect(RestatedDays.reason(days).contains("2024-05-01 T1 success items: 1 run(s), 100 → 1 run(s), 900"))
    }

    @Test func aRunWhoseOutcomeChangedIsRestated() {
        let days = RestatedDays.days(before: [Self.may1: [Self.ok: Self.sums(1, 10), Self.failed: Self.sums(1, 5)]],
                                     after: [Self.may1: [Self.ok: Self.sums(2, 15)]])
        #expect(days.map(\.key) == [Self.failed])
    }

    @Test func runsAddedDaysLostAndNewDaysAreNot() {
        // More runs on a day (a log gathered after its robot wrote on), fewer in all (`RunsLost`'s), a day it did not hold.
        let before = [Self.may1: [Self.ok: Self.sums(1, 10)], Self.may2: [Self.ok: Self.sums(3, 30)]]
        let after = [Self.may1: [Self.ok: Self.sums(2, 25)], Self.may2: [Self.ok: Self.sums(2, 20)], LocalDate(year: 2024, month: 5, day: 3): [Self.ok: Self.sums(1, 1)]]
        #expect(RestatedDays.days(before: before, after: after).isEmpty)
        #expect(RestatedDays.days(before: before, after: before).isEmpty)
    }

    /// A day the last reading held whole (before `settledBefore`) must not change at all: an edit hidden by a run added
    /// beside it, or runs added in the middle of it, are named (helper-90's restate-hidden-by-added-run.sh).
    @Test func aSettledDayChangesNotEvenByARunAdded() {
        let before = [Self.may1: [Self.ok: Self.sums(1, 100)]]
        let after = [Self.may1: [Self.ok: Self.sums(2, 901)]]
        #expect(RestatedDays.days(before: before, after: after).isEmpty)
        #expect(RestatedDays.days(before: before, after: after, settledBefore: Self.may2).map(\.day) == [Self.may1])
        #expect(RestatedDays.days(before: before, after: after, settledBefore: Self.may1).isEmpty)
    }

    /// A run counted unfinished that a later export holds ended is the run going on, by rule, not the past rewritten
    /// (helper-90's restating-false-alarm-run-ended-later.sh).
    @Test func aRunCountedUnfinishedThatEndedIsNot() {
        let unfinished = RestatedDays.Key(task: "T1", department: "税務課", outcome: "unfinished", unit: "items")
        let before = [Self.may1: [unfinished: Self.sums(1, 1), Self.ok: Self.sums(2, 20)]]
        let after = [Self.may1: [Self.failed: Self.sums(1, 1), Self.ok: Self.sums(2, 20)]]
        #expect(RestatedDays.days(before: before, after: after, settledBefore: Self.may2).isEmpty)
    }

    /// Runs added beside one that ended are not the ending's doing: the day is named (helper-91's
    /// restate-hidden-by-unfinished-run.sh: 40 runs added to a day that held a run counted unfinished).
    @Test func runsAddedBesideOneThatEndedAreNamed() {
        let unfinished = RestatedDays.Key(task: "T1", department: "税務課", outcome: "unfinished", unit: "items")
        let before = [Self.may1: [unfinished: Self.sums(1, 1), Self.ok: Self.sums(2, 20)]]
        let after = [Self.may1: [Self.failed: Self.sums(1, 1), Self.ok: Self.sums(42, 420)]]
        #expect(RestatedDays.days(before: before, after: after, settledBefore: Self.may2).map(\.key).contains(Self.ok))
    }
}
