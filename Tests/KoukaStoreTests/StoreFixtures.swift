import Foundation
import Kouka

/// Records and rollups the store tests write.
enum StoreFixtures {
    static let april1 = LocalDate(year: 2024, month: 4, day: 1)
    static let march31 = LocalDate(year: 2024, month: 3, day: 31)

    static func record(_ path: String, status: SourceFileRecord.Status = .present, reason: String? = nil, rows: Int = 10) -> SourceFileRecord {
        SourceFileRecord(path: path, format: "uipath-execution-log", size: 12_345, sha256: String(repeating: "ab", count: 32),
                         rowsRead: rows, rowsAccepted: rows - 1, rowsRejected: 1, pendingRuns: 2, byteOffset: 12_345,
                         status: status, rejectReason: reason)
    }

    static func key(_ date: LocalDate, task: String = "住民票発行_RPA", department: String = "市民課", family: SystemFamily = .rpa,
                    outcome: Outcome = .success, unit: EffectUnit = .runs, offHours: Bool = false) -> RollupKey {
        RollupKey(date: date, department: department, family: family, taskName: task, outcome: outcome, unit: unit, offHours: offHours)
    }

    static func totals(_ events: Int, quantity: Double? = nil, machine: Double = 0, human: Double = 0, humanQuantity: Double = 0) -> RollupTotals {
        RollupTotals(events: events, quantity: quantity ?? Double(events), machineSeconds: machine, humanSeconds: human,
                     humanMeasuredQuantity: humanQuantity)
    }

    /// A fresh file path for a database in the temporary directory.
    static func temporaryDatabasePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kouka-store-\(UUID().uuidString).sqlite").path
    }

    static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
