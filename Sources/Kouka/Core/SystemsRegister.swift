/// One system in the register the DX office keeps: a digital system put into service, with the decision or
/// contract that proves it (the policy's デジタル技術を活用したシステム導入数).
package struct RegisteredSystem: Sendable, Hashable, Codable {
    package var name: String
    package var department: String
    /// What kind of system it is (電子申請, AI-OCR, …), as the register writes it.
    package var kind: String
    /// The first day in service: the system counts in the fiscal year of this day.
    package var goLive: LocalDate
    /// The contract or decision number that proves the go-live.
    package var evidence: String
    /// The day it was retired, if it was; it still counts in its go-live year.
    package var retired: LocalDate?
    /// The register's line, so a figure can be traced to its row.
    package var line: Int

    package init(name: String, department: String, kind: String, goLive: LocalDate, evidence: String, retired: LocalDate? = nil, line: Int) {
        self.name = name
        self.department = department
        self.kind = kind
        self.goLive = goLive
        self.evidence = evidence
        self.retired = retired
        self.line = line
    }
}

/// The systems register (`systems = "systems.csv"`): new systems are counted by the fiscal year of their
/// go-live date, and only once that date is not after the as-of day.
package struct SystemsRegister: Sendable, Hashable {
    package var systems: [RegisteredSystem]
    /// The register's path as the reports show it, and its SHA-256.
    package var path: String
    package var sha256: String

    package init(systems: [RegisteredSystem], path: String, sha256: String) {
        self.systems = systems
        self.path = path
        self.sha256 = sha256
    }

    /// The systems that went live in `year` on or before `asOf` (counted), and those whose go-live in `year`
    /// is still ahead (見込み, never counted).
    package func goLives(in year: FiscalYear, asOf: LocalDate) -> (live: [RegisteredSystem], planned: [RegisteredSystem]) {
        let inYear = systems.filter { year.contains($0.goLive) }.sorted { ($0.goLive, $0.line) < ($1.goLive, $1.line) }
        return (inYear.filter { $0.goLive <= asOf }, inYear.filter { $0.goLive > asOf })
    }
}
