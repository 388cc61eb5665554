import Foundation
import Logging

/// The store verification expects: the configuration's sources read again from scratch into a new store in a
/// temporary folder, by the nightly job's own code — the same run-once rule across files, the same copies,
/// the same runs past midnight — as of the last nightly run's time, so that a run it found still waiting is
/// still waiting here.
///
/// The files whose figures cannot be read again are then given the contribution the store has for them, so
/// that the two stores differ only where the logs and the store disagree: files gone from disk, and files
/// that grew or changed since the nightly run read them (those are named as such by the ledger checks).
struct VerifyReplay {
    let folder: URL
    let store: KoukaStore
    let configuration: Configuration

    /// Reads every source into a new store as of `now`, the run ids of `gone` files given to it first, the files in the
    /// order of `order` (the store's ledger ids by path: the order it first recorded them), leaving out the files
    /// `leavingOut` (by display path: files that arrived after `now`).
    init(configuration source: Configuration, now: Date, gone: [GoneFileRunKeys] = [], order: [String: Int64] = [:],
         leavingOut: Set<String> = []) throws {
        VerifyTemporaries.removeLeftovers()
        folder = VerifyTemporaries.path()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw OutputError(path: folder.path, reason: "cannot create a temporary folder for the logs read again")
        }
        var configuration = source
        configuration.databasePath = folder.appendingPathComponent("replay.sqlite").path
        if !gone.isEmpty {
            let seeded = try KoukaStore(path: configuration.databasePath)
            for file in gone { try file.give(to: seeded) }
        }
        var options = NightlyOptions(today: configuration.clock.localDate(of: now), now: now)
        options.order = order
        options.leavingOut = leavingOut
        options.scratchStore = true
        let silent = Logger(label: "kouka-audit-verify-replay", factory: { _ in SwiftLogNoOpLogHandler() })
        _ = try NightlyJob(configuration: configuration, logger: silent,
                           options: options).run()
        self.configuration = configuration
        store = try KoukaStore(path: configuration.databasePath)
    }

    /// The SHA-256 of each file the reading took whole (a counted file or a copy), by display path, from its ledger: the bytes
    /// its figures come from, so the ledger's check compares the stored digest with what was read again.
    static func digestsOfFilesReadWhole(_ ledger: [SourceFileRecord]) -> [String: String] {
        var digests: [String: String] = [:]
        for line in ledger where (line.status == .present || line.status == .duplicate) && !line.sha256.isEmpty {
            digests[line.path] = line.sha256
        }
        return digests
    }

    /// Gives `record` the contribution `rollups` and `rejections` in the replayed store, as the store being
    /// verified has it.
    func takeAsStored(_ record: SourceFileRecord, rollups: [DailyRollup], rejections: [Rejection]) throws {
        var kept = record
        kept.id = 0
        try store.replaceContribution(of: kept, orderedRollups: rollups.map { ($0.key, $0.totals) }, rejections: rejections)
    }

    /// Removes the temporary folder; one left behind (a full /tmp) costs space, never a figure.
    func remove() {
        Discard.temporary(folder)
    }
}
