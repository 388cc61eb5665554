extension Figures {
    /// One task (業務) in one department, with one system and unit.
    public struct Task: Sendable, Hashable, Codable {
        /// The catalog's `task_id`, and the task's name.
        public var task: String
        public var name: String
        /// The system family (`rpa`, `ai-ocr`, …), the department and the unit of `units` (`runs`, `items`, …).
        public var system: String
        public var department: String
        public var unit: String
        /// Successful runs or uses, and those counted as failures (the unfinished among them).
        public var successes: Int
        public var failures: Int
        public var cancelled: Int
        /// Units handled by successful runs, in `unit`.
        public var units: Double
        public var hoursSaved: Double
        /// `estimate`, `measured` or `partly-measured`: whether person-time came from the catalog or the logs.
        public var basis: String
        /// The catalog lines of the rows used, and the files the task's runs came from.
        public var catalogLines: [Int]
        public var sources: [String]
    }

    /// One department's hours saved.
    public struct Department: Sendable, Hashable, Codable {
        public var department: String
        /// 1 for the department that saved the most.
        public var rank: Int
        public var hoursSaved: Double
        /// Hours saved by system family.
        public var hoursSavedBySystem: [String: Double]
    }

    /// An AI task and whether it counts as AI-supported.
    public struct AITask: Sendable, Hashable, Codable {
        public var task: String
        public var name: String
        /// The AI systems that supported it.
        public var systems: [String]
        /// Successful uses in the year, from the task's production start.
        public var uses: Int
        public var counted: Bool
        /// Why it counts or does not.
        public var reason: String
    }

    /// One metric of the DX policy against its target.
    public struct Target: Sendable, Hashable, Codable {
        /// `rpa_hours`, `ai_tasks` or `new_systems`, and the label the report shows.
        public var metric: String
        public var label: String
        public var target: Double
        public var actual: Double
        public var met: Bool
    }

    /// What saved nothing, by why.
    public struct Excluded: Sendable, Hashable, Codable {
        /// Runs counted as failures (reported, and unfinished), of which unfinished; cancelled runs.
        public var failedRuns: Int
        public var unfinishedRuns: Int
        public var cancelledRuns: Int
        /// Runs whose name no catalog row maps, and runs whose unit is not their catalog row's.
        public var unmappedRuns: Int
        public var unitMismatchRuns: Int
        /// Chatbot answers outside office hours, left out by the rules.
        public var offHoursAnswers: Int
        /// Rows that could not be read (of this year, and of no known date), and runs read twice, counted once.
        public var rejectedRows: Int
        public var rejectedRowsDateUnknown: Int
        public var repeatedRuns: Int
        /// Files that are byte-for-byte copies of another, counted once.
        public var duplicateFiles: Int
    }

    /// One file the figures came from.
    public struct Source: Sendable, Hashable, Codable {
        public var path: String
        public var sha256: String
        public var format: String
        /// Records read, counted, and rejected (in this year).
        public var rows: Int
        public var accepted: Int
        public var rejected: Int
        /// `read`, `appended`, `duplicate`, `rejected` (not its format) or `unreadable`.
        public var status: String
    }
}
