/// The schema, as named migrations applied in order. A migration that has shipped is never edited:
/// a change is a new one at the end.
enum Migrations {
    static let all: [(name: String, sql: String)] = [
        ("v1", """
        CREATE TABLE source_files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            format TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            rows_read INTEGER NOT NULL,
            rows_accepted INTEGER NOT NULL,
            rows_rejected INTEGER NOT NULL,
            pending_runs INTEGER NOT NULL,
            byte_offset INTEGER NOT NULL,
            status TEXT NOT NULL,
            reject_reason TEXT,
            modified_at REAL NOT NULL,
            inode INTEGER NOT NULL,
            prefix_fingerprint TEXT NOT NULL,
            resume_line INTEGER NOT NULL,
            resume_state TEXT,
            hash_state TEXT
        );
        CREATE TABLE rollups (
            source_id INTEGER NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            department TEXT NOT NULL,
            family TEXT NOT NULL,
            task_name TEXT NOT NULL,
            outcome TEXT NOT NULL,
            unit TEXT NOT NULL,
            off_hours INTEGER NOT NULL,
            events INTEGER NOT NULL,
            quantity REAL NOT NULL,
            machine_seconds REAL NOT NULL,
            human_seconds REAL NOT NULL,
            human_quantity REAL NOT NULL,
            PRIMARY KEY (source_id, day, department, family, task_name, outcome, unit, off_hours)
        ) WITHOUT ROWID;
        CREATE INDEX rollups_by_day ON rollups(day);
        CREATE TABLE rejects (
            source_id INTEGER NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
            line INTEGER NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX rejects_by_source ON rejects(source_id);
        CREATE TABLE job_runs (
            id INTEGER PRIMARY KEY,
            job TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            files_read INTEGER NOT NULL,
            rows_read INTEGER NOT NULL,
            rows_rejected INTEGER NOT NULL,
            exit_code INTEGER NOT NULL,
            interrupted INTEGER NOT NULL
        );
        """),
        ("v2", """
        ALTER TABLE source_files ADD COLUMN rows_repeated INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE run_key_sets (
            source_id INTEGER PRIMARY KEY REFERENCES source_files(id),
            first_day TEXT NOT NULL,
            last_day TEXT NOT NULL
        );
        CREATE INDEX run_key_sets_days ON run_key_sets (first_day, last_day);
        CREATE TABLE run_keys (
            source_id INTEGER NOT NULL REFERENCES source_files(id),
            chunk INTEGER NOT NULL,
            hashes BLOB NOT NULL,
            PRIMARY KEY (source_id, chunk)
        ) WITHOUT ROWID;
        """),
        // Rollups by day are found through each file's primary key; a second index only slowed every ingest.
        ("v3", "DROP INDEX IF EXISTS rollups_by_day;"),
        // A quarantined row that is a run already counted elsewhere, told apart from a row that is wrong, with
        // the day it started so that each report counts the repeats of its own period.
        ("v4", """
        ALTER TABLE rejects ADD COLUMN repeated_run INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE rejects ADD COLUMN day TEXT;
        """),
    ]

    static func apply(to db: SQLiteConnection) throws {
        try db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)")
        var applied = Set<String>()
        try db.prepare("SELECT name FROM migrations").query { applied.insert(try $0.text(0)) }
        if let unknown = applied.subtracting(all.map(\.name)).sorted().first {
            throw StoreError.newerSchema(path: db.path, migration: unknown)
        }
        for migration in all where !applied.contains(migration.name) {
            try db.transaction {
                try db.execute(migration.sql)
                try db.prepare("INSERT INTO migrations (name) VALUES (?)").run([.text(migration.name)])
            }
        }
    }
}
