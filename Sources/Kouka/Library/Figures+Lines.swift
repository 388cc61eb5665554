extension Figures {
    /// One task (業務) in one department, with one system and unit: a line of the report's task table.
    ///
    /// A task that several systems support, or whose unit changed between baseline versions, has a line for
    /// each system and unit; only their hours may be added up.
    public struct Task: Sendable, Hashable, Codable {
        /// The catalog's `task_id` (業務ID).
        public var task: String
        /// The task's name (業務名), from the catalog.
        public var name: String
        /// The system family (`rpa`, `ai-ocr`, `minutes`, `chatbot`, `translation`): a ``SystemFamily`` raw value.
        public var system: String
        /// The department (担当課): the one the log names, else the catalog row's.
        public var department: String
        /// The unit of ``units`` (`runs`, `items`, `sheets`, `audio-minutes`, `inquiries`, `characters`):
        /// an ``EffectUnit`` raw value, the catalog row's.
        public var unit: String
        /// Successful runs or uses (成功), on a line in items those that handled none and those in another unit among them
        /// (``Figures/Excluded/unitMismatchRuns`` counts the latter again).
        public var successes: Int
        /// Failures (失敗) in what rework is charged on: failed items on a line in items, failed runs, jobs or
        /// uses otherwise. Unfinished runs are among them.
        public var failures: Int
        /// Cancelled runs: they neither save nor cost.
        public var cancelled: Int
        /// Units handled by successful runs, in ``unit`` (処理量).
        public var units: Double
        /// Hours saved, rounded once to 0.01 h from the line's unrounded minutes; negative when rework
        /// outweighs what was saved.
        public var hoursSaved: Double
        /// `estimate`, `measured` or `partly-measured`: whether person-time came from the catalog or the logs.
        public var basis: String
        /// The lines of the task catalog whose rows this line used (a baseline change gives more than one).
        public var catalogLines: [Int]
        /// The files the line's runs came from, as ``Figures/Source/path`` names them.
        public var sources: [String]
    }

    /// One department's hours saved.
    public struct Department: Sendable, Hashable, Codable {
        /// The department (担当課).
        public var department: String
        /// 1 for the department that saved the most; ties are ranked in name order.
        public var rank: Int
        /// Hours saved by every system together, rounded once from the department's unrounded minutes.
        public var hoursSaved: Double
        /// Hours saved by system family, each rounded once on its own.
        public var hoursSavedBySystem: [String: Double]
    }

    /// An AI task and whether it counts as AI-supported (AIを活用した業務).
    public struct AITask: Sendable, Hashable, Codable {
        /// The catalog's `task_id`.
        public var task: String
        /// The task's name, from the catalog.
        public var name: String
        /// The AI systems that supported it.
        public var systems: [String]
        /// Successful uses in the year, from the task's production start.
        public var uses: Int
        /// Whether the task counts towards the AI-supported tasks metric: at least
        /// ``MeasureRules/minimumAIUses`` successful uses on or after its `production_from`.
        public var counted: Bool
        /// Why it counts or does not, in Japanese as the report states it, with the uses left out and why.
        public var reason: String
    }

    /// One metric of the DX policy against its target.
    public struct Target: Sendable, Hashable, Codable {
        /// `rpa-hours`, `ai-tasks` or `new-systems`.
        public var metric: String
        /// The label the report shows, such as RPAによる削減時間（時間）.
        public var label: String
        /// The year's target, in hours or in tasks or systems.
        public var target: Double
        /// The year's figure: rounded hours, or a count. Nil when the year's logs hold no record at all of the
        /// metric's tools: the figure is unknown (記録なし), not 0.
        public var actual: Double?
        /// Whether ``actual`` reaches ``target``; without an actual, only a target of 0 or less is met.
        public var met: Bool

        private enum CodingKeys: String, CodingKey { case metric, label, target, actual, met }

        /// Encodes an unknown ``actual`` as null, as the report's JSON does, rather than leaving it out.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(metric, forKey: .metric)
            try container.encode(label, forKey: .label)
            try container.encode(target, forKey: .target)
            try container.encode(actual, forKey: .actual)
            try container.encode(met, forKey: .met)
        }
    }

    /// What saved nothing, by why.
    public struct Excluded: Sendable, Hashable, Codable {
        /// Runs counted as failures: reported failures and unfinished runs.
        public var failedRuns: Int
        /// Of ``failedRuns``, those that never reported their end (``Outcome/unfinished``).
        public var unfinishedRuns: Int
        /// Cancelled runs.
        public var cancelledRuns: Int
        /// Runs whose name no catalog row in force maps.
        public var unmappedRuns: Int
        /// Successful runs counted in another unit than their catalog row's (items against runs).
        public var unitMismatchRuns: Int
        /// Chatbot answers outside office hours, left out by the rules.
        public var offHoursAnswers: Int
        /// Rows that could not be read, dated in this year, not counting repeated runs.
        public var rejectedRows: Int
        /// Rows that could not be read and have no date a run can be counted on — none that could be read, or one before 2000
        /// or in the future (a clock or export error): stated in every year, claimed by none.
        public var rejectedRowsDateUnknown: Int
        /// Runs read twice (in one file or in two), counted once.
        public var repeatedRuns: Int
        /// Files that are byte-for-byte copies of another, counted once.
        public var duplicateFiles: Int
    }

    /// One file the figures came from.
    public struct Source: Sendable, Hashable, Codable {
        /// The file's path, relative to the folder of the configuration (or of the logs and catalog given to
        /// ``Kouka/measure(logs:catalog:fiscalYear:timeZone:rules:formats:now:)``).
        public var path: String
        /// The SHA-256 of the file's bytes as they were read, 64 hexadecimal digits.
        public var sha256: String
        /// The file's format identifier.
        public var format: String
        /// Records read from the whole file.
        public var rows: Int
        /// Records of the whole file that were counted.
        public var accepted: Int
        /// Records rejected whose date falls in this year.
        public var rejected: Int
        /// `read`, `appended`, `duplicate`, `rejected` (not its format) or `unreadable`.
        public var status: String
    }
}
