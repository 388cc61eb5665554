import Foundation

/// The instants a run can be counted at: from 2000 (midnight in the configured zone, as logs' wall-clock
/// times are read there) to a day after now. A run outside them is a clock or export error, and a rejected
/// row dated outside them credits no year.
package struct EventWindow: Sendable {
    private let earliest: Date
    private let latest: Date
    /// The latest a task cancelled before its scheduled day may be booked for: a schedule a year and a month ahead is the
    /// furthest a city books a robot; a year mistyped (2052) is an error.
    private let latestBooking: Date
    private let days: ClosedRange<LocalDate>

    package init(clock: LocalClock, now: Date) {
        earliest = clock.startOfDay(LocalDate(year: 2000, month: 1, day: 1))
        latest = now.addingTimeInterval(86_400)
        latestBooking = now.addingTimeInterval(400 * 86_400)
        days = clock.localDate(of: earliest)...clock.localDate(of: latest)
    }

    /// Whether a run at `instant` may be counted.
    package func admits(_ instant: Date) -> Bool { instant >= earliest && instant <= latest }

    /// Nil when `event` may be counted, else its rejection.
    /// A task cancelled before its scheduled day is dated by that day, up to 400 days ahead (helper-144: a run booked for the
    /// week after, cancelled, was rejected every night as "in the future; check the robot's clock").
    package func rejection(of event: UsageEvent) -> Rejection? {
        let last = event.cancelledBeforeItsDay ? latestBooking : latest
        guard event.occurredAt < earliest || event.occurredAt > last else { return nil }
        guard event.occurredAt > last else {
            return Rejection(file: event.source.file, line: event.source.line, reason: "the run's time is before 2000; check the robot's clock or the export")
        }
        return Rejection(file: event.source.file, line: event.source.line,
                         reason: Self.futureReason + "; check the robot's clock or the export, or this server's clock if it was set back: the file is read again each night until that time has come")
    }

    /// How the rejection of a run in the future begins, in every version that wrote one: the nightly job reads such a row's
    /// file again each night (`KoukaStore.sourcePathsWithRunsInTheFuture`), since what is in the future tonight may be a day
    /// of the past once the server's clock, set back, is right again (helper-188 #1: four hours of a closed year lost for good).
    package static let futureReason = "the run's time is in the future"

    /// `rejection` with its day kept only when a run could be counted on it.
    package func dated(_ rejection: Rejection) -> Rejection {
        var kept = rejection
        if let day = kept.day, !kept.isRepeatedRun, !days.contains(day) { kept.day = nil }
        return kept
    }
}
