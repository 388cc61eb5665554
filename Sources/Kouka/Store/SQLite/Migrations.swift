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
        // A run is recorded when it starts, so that one killed part-way still shows (with no end and no exit
        // code), and what it wrote carries its id: its rejected rows and the files it read are stated by the
        // next run to finish, until then `notices_reported` is 0. Rebuilt because SQLite cannot drop NOT NULL.
        ("v5", """
        CREATE TABLE job_runs_v5 (
            id INTEGER PRIMARY KEY,
            job TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            files_read INTEGER NOT NULL,
            rows_read INTEGER NOT NULL,
            rows_rejected INTEGER NOT NULL,
            exit_code INTEGER,
            interrupted INTEGER NOT NULL,
            state TEXT NOT NULL,
            notices_reported INTEGER NOT NULL
        );
        INSERT INTO job_runs_v5 SELECT id, job, started_at, ended_at, files_read, rows_read, rows_rejected, exit_code, interrupted,
            'finished', 1 FROM job_runs;
        DROP TABLE job_runs;
        ALTER TABLE job_runs_v5 RENAME TO job_runs;
        ALTER TABLE rejects ADD COLUMN job_run_id INTEGER;
        ALTER TABLE source_files ADD COLUMN job_run_id INTEGER;
        """),
        // Whether the file at a path is still the one read there: its inode's change time, which cannot be set
        // back, and its birth time where the filesystem keeps one. 0 and NULL in lines written before.
        ("v6", """
        ALTER TABLE source_files ADD COLUMN changed_at REAL NOT NULL DEFAULT 0;
        ALTER TABLE source_files ADD COLUMN born_at REAL;
        """),
        // The office hours a file's chatbot answers were judged by when it was read (`mon-fri 08:30-17:15`),
        // so that a change of `[office_hours]` reads the file again; NULL for a file with no chatbot answers.
        // A line written before with chatbot answers gets `unknown`: read again by the next nightly run.
        ("v7", """
        ALTER TABLE source_files ADD COLUMN office_hours TEXT;
        UPDATE source_files SET office_hours = 'unknown' WHERE id IN (SELECT DISTINCT source_id FROM rollups WHERE family = 'chatbot');
        """),
        // A rollup that is a snapshot of a running total (DeepL's usage count of a billing period): of the
        // same key, the largest across files counts, not their sum. Only `deepl-usage` files write such rollups.
        ("v8", """
        ALTER TABLE rollups ADD COLUMN cumulative INTEGER NOT NULL DEFAULT 0;
        UPDATE rollups SET cumulative = 1 WHERE source_id IN (SELECT id FROM source_files WHERE format = 'deepl-usage');
        """),
        // The SHA-256 of each file's rollups as committed, so that verification finds them changed behind Kouka's
        // back also for a file no longer on disk. NULL in lines written before; the nightly job records them.
        ("v9", "ALTER TABLE source_files ADD COLUMN rollups_sha256 TEXT;"),
        // Every query the nightly job makes for each file finds its rows through an index, so that a file costs
        // the same whether the store holds ten files or a city's five years of daily logs: the counted files
        // with a file's bytes by their SHA-256, and the run-key sets that overlap a file's days by span class
        // and first day (`RunKeySpan`); the index by (first_day, last_day) left every earlier set to be scanned.
        ("v10", """
        CREATE INDEX source_files_by_sha256 ON source_files (sha256);
        ALTER TABLE run_key_sets ADD COLUMN span_class INTEGER NOT NULL DEFAULT \(RunKeySpan.classes.upperBound);
        UPDATE run_key_sets SET span_class = \(RunKeySpan.spanClassSQL);
        CREATE INDEX run_key_sets_by_span ON run_key_sets (span_class, first_day);
        DROP INDEX IF EXISTS run_key_sets_days;
        """),
        // What the logs say about the quality of the work, per rollup (fields corrected, inquiries unanswered…), for
        // the tool reviews: one row per measure a rollup has, keyed like the rollup; a measure without a row was not
        // measured. `quality_kept` is 1 on the lines of files read since: NULL on a line written before, whose
        // missing measures were never read (not measured), and whose rollup digest is the one recorded then.
        ("v11", """
        CREATE TABLE rollup_quality (
            source_id INTEGER NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            department TEXT NOT NULL,
            family TEXT NOT NULL,
            task_name TEXT NOT NULL,
            outcome TEXT NOT NULL,
            unit TEXT NOT NULL,
            off_hours INTEGER NOT NULL,
            measure TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (source_id, day, department, family, task_name, outcome, unit, off_hours, measure)
        ) WITHOUT ROWID;
        ALTER TABLE source_files ADD COLUMN quality_kept INTEGER;
        """),
        // From the mark on, a counted line without a rollup digest had it removed behind Kouka's back: the nightly job no
        // longer records one for it (which would make changed rollups look committed) but names it. A store none of
        // whose counted lines lacks one (a new store), or some of whose lines have one (a nightly run since v9 recorded
        // the rest as it started), is marked now; one never written since v9 is marked by the run that records them.
        ("v12", """
        INSERT INTO migrations (name) SELECT '\(rollupDigestsKept)'
        WHERE NOT EXISTS (SELECT 1 FROM source_files WHERE rollups_sha256 IS NULL AND status IN ('present', 'gone'))
        OR EXISTS (SELECT 1 FROM source_files WHERE rollups_sha256 IS NOT NULL);
        """),
        // The time zone a file was read in (`Asia/Tokyo`): it dates the runs of logs that write local times, so a
        // change of `timezone` reads the file again. NULL in lines written before: their files are read once again.
        ("v13", "ALTER TABLE source_files ADD COLUMN time_zone TEXT;"),
        // The run ids a file counted as unfinished (no end past the allowed age), as sorted hashes; NULL when none. A
        // later export that holds such a run ended takes it over, and the file is read again without it. The files that
        // counted a run unfinished, or left one out as counted elsewhere, before Kouka kept this are read whole once more
        // (a line without a change time is, and says it was written by an earlier Kouka), so a run one export left out
        // for another that counted it unfinished is settled as it is now.
        ("v14", """
        ALTER TABLE run_key_sets ADD COLUMN unfinished BLOB;
        UPDATE source_files SET changed_at = 0 WHERE status = 'present' AND (
            id IN (SELECT source_id FROM rollups WHERE outcome = 'unfinished') OR id IN (SELECT source_id FROM rejects WHERE repeated_run = 1));
        """),
        // The files that counted runs unfinished, found whatever their days: a run's day can change when it ends (an
        // Orchestrator job still pending is dated by its CreationTime, once started by its StartTime, maybe the next day),
        // so a later export holding it ended must find it outside its own days. Orchestrator exports read before are read
        // once again when one of them counted a run unfinished: a later one may count that run a second time.
        ("v15", """
        CREATE INDEX run_key_sets_unfinished ON run_key_sets (span_class) WHERE unfinished IS NOT NULL;
        UPDATE source_files SET changed_at = 0 WHERE status = 'present' AND format = 'uipath-orchestrator' AND EXISTS (
            SELECT 1 FROM run_key_sets k JOIN source_files o ON o.id = k.source_id WHERE k.unfinished IS NOT NULL AND o.format = 'uipath-orchestrator');
        """),
        // The seal of the ledger and the quarantine (`KoukaStore.ledgerSeal()`) each nightly run found as it started and
        // left as it ended: a change between two runs is one made outside kouka-nightly. NULL in runs before. A later
        // migration that changes a sealed column must leave the seals as they were true (or verification names it).
        ("v16", """
        ALTER TABLE job_runs ADD COLUMN seal_found TEXT;
        ALTER TABLE job_runs ADD COLUMN seal_left TEXT;
        ALTER TABLE job_runs ADD COLUMN seal_accepted INTEGER NOT NULL DEFAULT 0;
        """),
        // The SHA-256 of each file's run-key set as committed (`RunKeySetDigest`): the run ids decide which later file
        // leaves a run out, so a set changed behind Kouka's back — also for a file no longer on disk, which cannot be
        // read again — makes runs count twice or nowhere; verification compares it with the set. NULL for a file without
        // run ids, and in lines written before: the next nightly run records theirs and marks the store. A store without
        // run ids is marked now. The ledger's seal covers the column only where it holds a digest, so the seals recorded
        // before stay true.
        ("v17", """
        ALTER TABLE source_files ADD COLUMN run_keys_sha256 TEXT;
        INSERT INTO migrations (name) SELECT '\(runKeyDigestsKept)' WHERE NOT EXISTS (SELECT 1 FROM run_key_sets) AND NOT EXISTS (SELECT 1 FROM run_keys);
        """),
        // The files that hold lines of runs another file counts — a robot's log of the day after, with the end of a run
        // its start's log counts — by that file: a report lists them among its sources, as its figures rest on their
        // lines too. Empty in stores written before: a file read again since records its own.
        ("v18", """
        CREATE TABLE run_parts (
            source_id INTEGER NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
            counted_in INTEGER NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
            PRIMARY KEY (source_id, counted_in)
        ) WITHOUT ROWID;
        CREATE INDEX run_parts_by_counting_file ON run_parts (counted_in);
        """),
        // The seal as a sum of one digest per sealed row (`SealSum`), which each commit of a nightly run records with the
        // run, so that a run killed mid-way leaves the seal of its last commit (v16's seal is read from the whole ledger
        // once the run ends, and a killed run left none, so the store could be edited after one unseen). The runs after
        // `seal_sums_since.run` record it; the seals recorded before stay as they were. And each file's rows counted that are
        // identical to another row (no run id tells whether they are one run exported twice), which the nightly run flagged
        // only on the night it read them: a report states them among its sources. 0 in files read before.
        ("v19", """
        ALTER TABLE job_runs ADD COLUMN seal_sum_found TEXT;
        ALTER TABLE job_runs ADD COLUMN seal_sum_left TEXT;
        CREATE TABLE seal_sums_since (run INTEGER NOT NULL);
        ALTER TABLE source_files ADD COLUMN rows_identical INTEGER NOT NULL DEFAULT 0;
        INSERT INTO seal_sums_since SELECT coalesce(max(id), 0) FROM job_runs;
        """),
        // Of the runs a file counted unfinished, a chatbot's questions last in their conversation that no answer followed
        // yet, as sorted hashes; NULL when none. A later export that holds one answered, still last or not, takes it over
        // (where before only one holding what followed did, and which copy was read first decided the outcome). The
        // transcripts that counted a last question, or left one out as counted in another, are read whole once more (no
        // change time; `changed_at` is not sealed), so that theirs are known and the copy further on counts it; a file
        // gone from the sources keeps what it counted. And the WinActor exports that rejected a row for its empty 開始日時:
        // a task never started, waiting past the allowed age, is an unfinished run of its scheduled day now.
        ("v20", """
        ALTER TABLE run_key_sets ADD COLUMN unanswered BLOB;
        UPDATE source_files SET changed_at = 0 WHERE status = 'present' AND format = 'bot-framework-transcript' AND (
            id IN (SELECT source_id FROM run_key_sets WHERE unfinished IS NOT NULL) OR id IN (SELECT source_id FROM rejects WHERE repeated_run = 1));
        UPDATE source_files SET changed_at = 0 WHERE status = 'present' AND format = 'winactor-task-csv'
            AND id IN (SELECT source_id FROM rejects WHERE reason = 'column 開始日時 is empty');
        """),
        // Of the runs a file holds, with the one rollup each makes (`RunRollup`): those it left out because another file
        // counts them (`counted` 0) and those it counts before their end (`counted` 1: unfinished, or a chatbot's last questions). When
        // the file is deleted, it takes back a run the other file no longer counts, where the run counted nowhere, and
        // gives up a run a later export holds further on (ended, answered), where its outcome stood. The files on disk that
        // left runs out so, or count a run before its end, are read whole once more (no change time), so that theirs are
        // kept before routine retention deletes them. And a run's start to the sub-second (`started_at` keeps whole
        // seconds), so that verification leaves out a file changed in the second the run started, after it listed its files.
        ("v21", """
        CREATE TABLE run_rollups (
            source_id INTEGER NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
            counted INTEGER NOT NULL,
            line INTEGER NOT NULL,
            run_hash INTEGER NOT NULL,
            unfinished INTEGER NOT NULL,
            unanswered INTEGER NOT NULL,
            day TEXT NOT NULL,
            department TEXT NOT NULL,
            family TEXT NOT NULL,
            task_name TEXT NOT NULL,
            outcome TEXT NOT NULL,
            unit TEXT NOT NULL,
            off_hours INTEGER NOT NULL,
            cumulative INTEGER NOT NULL,
            events INTEGER NOT NULL,
            quantity REAL NOT NULL,
            machine_seconds REAL NOT NULL,
            human_seconds REAL NOT NULL,
            human_quantity REAL NOT NULL,
            quality TEXT
        );
        CREATE INDEX run_rollups_by_source ON run_rollups(source_id, counted, line);
        CREATE INDEX run_rollups_by_run ON run_rollups(run_hash);
        ALTER TABLE job_runs ADD COLUMN started_instant REAL;
        UPDATE source_files SET changed_at = 0 WHERE status = 'present'
            AND id IN (SELECT source_id FROM rejects WHERE repeated_run = 1 AND instr(reason, 'is already counted in another file: ') > 0);
        UPDATE source_files SET changed_at = 0 WHERE status = 'present' AND id IN (SELECT source_id FROM run_key_sets WHERE unfinished IS NOT NULL);
        """),
        // The runs still running when a file was read (`counted` 2, `RunRollupRole.waiting`, with the time they wait since), found every night among the
        // deleted files' without reading every kept run: a deleted file counts such a run as unfinished once it is past the
        // allowed age, unless a file Kouka reads holds it. And the runs on the first and last days of a file's run-key set
        // (`RunDayEdges`), by which it is compared with the files of the days next to its own: the files of the formats read
        // through a column mapping that are on disk are read whole once more (no change time), so that theirs are kept.
        ("v22", """
        ALTER TABLE run_rollups ADD COLUMN since REAL;
        ALTER TABLE run_key_sets ADD COLUMN first_day_runs BLOB;
        ALTER TABLE run_key_sets ADD COLUMN last_day_runs BLOB;
        UPDATE source_files SET changed_at = 0 WHERE status = 'present'
            AND format IN ('rpa-csv', 'ai-ocr-csv', 'minutes-session-csv', 'translation-usage', 'chatbot-csv')
            AND id IN (SELECT source_id FROM run_key_sets);
        CREATE INDEX run_rollups_waiting ON run_rollups(source_id) WHERE counted = 2;
        """),
        // A counted file on disk that holds, byte for byte, a deleted file's bytes (saved over with them) is a copy of it from
        // 0.5.3 (`SourceIngestor.counted`): before, it counted them again, or took the deleted file's line in place of its own.
        // Read whole once more (no change time), it is found so.
        ("v23", """
        UPDATE source_files SET changed_at = 0 WHERE status = 'present' AND sha256 != ''
            AND sha256 IN (SELECT sha256 FROM source_files WHERE status = 'gone' AND sha256 != '');
        """),
        // The losses a nightly run finds as it records each file, kept with the file's commit until its summary states them
        // (`KoukaStore.noteLoss`): a run killed before that leaves them for the next run to state.
        ("v24", """
        CREATE TABLE loss_notices (
            job_run_id INTEGER NOT NULL,
            path TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX loss_notices_by_run ON loss_notices(job_run_id);
        """),
        // A CSV row wider than its header (an unquoted `1,200` read as 1 and 200) is rejected from 0.5.4 (`CSVRow.checkWidth`),
        // and so is a conversation-log row short of its header; a transcript's spoken text holding an arrow is no cue end:
        // before, they counted (1 item; 630 audio minutes for 5). The files of those formats that are on disk are read whole
        // once more (no change time), so that such rows leave the figures.
        ("v25", """
        UPDATE source_files SET changed_at = 0 WHERE status = 'present'
            AND format IN ('rpa-csv', 'ai-ocr-csv', 'minutes-session-csv', 'translation-usage', 'chatbot-csv', 'winactor-task-csv',
                           'power-automate-flowsession', 'power-automate-flowrun', 'uipath-orchestrator', 'minutes-transcript');
        """),
        // 0.5.5 counts one recording's transcripts in several formats once, reads a name's date whole (`2024-7-19`), a
        // translation count's comma as a thousands separator only, refuses a saved OData answer that is one page of several,
        // and reads a robot's next-day log's last line without a newline once that day is over: before, they counted the
        // meeting again, dated the 1st, counted 12 for `1,2`, counted a page as the whole, or left a run unfinished. The
        // files of those formats that are on disk are read whole once more.
        ("v26", """
        UPDATE source_files SET changed_at = 0 WHERE status = 'present'
            AND format IN ('minutes-transcript', 'deepl-usage', 'translation-usage', 'power-automate-flowsession', 'power-automate-flowrun',
                           'uipath-orchestrator', 'uipath-execution-log');
        """),
        // The task catalog as each nightly run found it (`CatalogHistory`): a row changed in place for days already counted
        // is named, and the store keeps what the baselines were.
        ("v27", """
        CREATE TABLE catalog_versions (
            id INTEGER PRIMARY KEY,
            digest TEXT NOT NULL,
            first_run INTEGER,
            rows TEXT NOT NULL
        );
        """),
        // The catalog's versions join the seal from 0.5.6 (`KoukaStore.sealSum`): a version removed or rewritten outside Kouka
        // would let a baseline changed for days already counted pass unnamed (helper-91's catalog-tamper-unnamed.sh). A run
        // says whether the seals it recorded cover them, so that the first run of 0.5.6 is held to what 0.5.5 left.
        ("v28", """
        ALTER TABLE job_runs ADD COLUMN seal_covers_catalog INTEGER NOT NULL DEFAULT 0;
        """),
        // The paths ledger lines were moved from (`renameSource`), every path and SHA-256 a line has held (`read_digests`, kept
        // by triggers on the ledger), and since when both are kept: with them, a counted file a report set lists is always in
        // the ledger by path or old path, with bytes the store has read, and a store that lacks one is not the store the set
        // was made from — one restored from an older backup included (helper-93's store-rollback.sh, helper-94's
        // rollback-bypass.sh: a backup made before an export grew).
        ("v29", """
        CREATE TABLE renamed_paths (
            old_path TEXT NOT NULL,
            new_path TEXT NOT NULL
        );
        CREATE TABLE renames_kept_since (at REAL NOT NULL);
        INSERT INTO renames_kept_since VALUES ((julianday('now') - 2440587.5) * 86400.0);
        CREATE TABLE read_digests (
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            PRIMARY KEY (sha256, path)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO read_digests SELECT path, sha256 FROM source_files WHERE sha256 != '';
        CREATE TRIGGER read_digest_added AFTER INSERT ON source_files WHEN NEW.sha256 != '' BEGIN
            INSERT OR IGNORE INTO read_digests VALUES (NEW.path, NEW.sha256);
        END;
        CREATE TRIGGER read_digest_changed AFTER UPDATE OF path, sha256 ON source_files WHEN NEW.sha256 != '' BEGIN
            INSERT OR IGNORE INTO read_digests VALUES (NEW.path, NEW.sha256);
        END;
        """),
        // 0.5.6 quarantines a translation count written with a point (`12.500` counted 12.5 characters) and a time at second
        // 60 (read as the next minute, across a fiscal year's end), which any format may hold: the files on disk are read
        // whole once more (no change time), so that such rows leave the figures and are named under `rejections`.
        ("v30", """
        UPDATE source_files SET changed_at = 0 WHERE status = 'present';
        """),
        // 0.5.7 quarantines a number written in E notation in a CSV cell (`1E+04` items, which a spreadsheet writes for a cell
        // formatted as 指数, the digits it rounded away lost) and a translation count so written: before, they counted 10,000.
        // The files of the formats that read such cells that are on disk are read whole once more.
        ("v31", """
        UPDATE source_files SET changed_at = 0 WHERE status = 'present'
            AND format IN ('rpa-csv', 'ai-ocr-csv', 'minutes-session-csv', 'translation-usage', 'deepl-usage', 'chatbot-csv',
                           'power-automate-flowsession', 'power-automate-flowrun', 'uipath-orchestrator', 'winactor-task-csv');
        """),
        // Since when each Kouka version has read the store (`KoukaStore.readBySince`): an earlier one refuses a store its
        // successor migrated, so a report set stating an earlier version, made after, was relabelled (helper-100 #2). 0.5.6
        // began keeping renamed paths; each later version that migrates the store adds its own row.
        ("v32", """
        CREATE TABLE read_by_since (version TEXT PRIMARY KEY, at REAL NOT NULL);
        INSERT INTO read_by_since SELECT '0.5.6', at FROM renames_kept_since;
        INSERT INTO read_by_since VALUES ('0.5.7', (julianday('now') - 2440587.5) * 86400.0);
        """),
        // 0.5.10: the repeated runs a file left out, alone. A file back from away (its line gone, the file there again) and a
        // file renamed search them for the runs counted in it by their reason's text, which no index can find. Without this
        // the first went through every ledger line and the second through every reject: at 18,260 lines a robot's folder of
        // 1,826 files back took 16.8 s, and takes 1.1 s with it (stop 51). A store with no repeated run has an empty index:
        // nothing to search.
        ("v33", """
        CREATE INDEX rejects_repeated_by_source ON rejects(source_id) WHERE repeated_run = 1;
        """),
        // 0.5.11 rejects every run open at a UiPath log's line that cannot be read and names no legible job: before, only the
        // job of the line before it, when not ended, so a run whose Error line was cut after another job's line (a background
        // process beside the foreground one) counted as a success (helper-117), and so did lines of a rejected run copied into
        // the robot's next log (seed 44). It reads a DeepL snapshot's `date` as the day it was polled, not a billing period's
        // start, which added up every day's running total (helper-122). It reads Dataverse records saved one a line (their
        // first key `@odata.etag`) as records, not as answers holding none, a `parentrunid` of the text `null` as no parent,
        // and refuses a file of several Document Intelligence results (helper-127). The files of those formats on disk are
        // read whole once more, grown since or not (`IngestPlan.doubt`); a deleted one keeps its figures, as no reading of it
        // can be made again.
        ("v34", """
        UPDATE source_files SET changed_at = 0 WHERE status = 'present' AND format IN ('uipath-execution-log', 'deepl-usage',
            'power-automate-flowsession', 'power-automate-flowrun', 'uipath-orchestrator', 'translation-usage', 'azure-document-intelligence',
            'bot-framework-transcript');
        """),
        // 0.5.12 takes DeepL snapshots of the same bytes named by other days (a quiet weekend, a counter back at an earlier
        // day's count) for each their day's count, not copies, and a Bot Framework question the channel delivered twice for
        // one question, answered as the second copy was (helper-132). It reads JSON records saved one a line whose write was
        // cut off (Dataverse records opening with `@odata.etag`, cut at the end; any, cut in the middle with records after)
        // for their whole records, where every record of the file was lost (helper-131), and Buzz's exports of one recording,
        // each named by the moment it was written, as one recording, and a Rasa intent a citizen typed after `/` under no
        // name of theirs (helper-137). The files of those formats on disk,
        // counted or held as copies, are read whole once more.
        ("v35", """
        UPDATE source_files SET changed_at = 0 WHERE status IN ('present', 'duplicate') AND format IN ('deepl-usage', 'bot-framework-transcript',
            'translation-usage', 'power-automate-flowsession', 'power-automate-flowrun', 'uipath-orchestrator', 'minutes-transcript',
            'rasa-tracker', 'azure-document-intelligence');
        """),
        // 0.5.13 reads an export Excel for Mac saved ("CSV (Macintosh)": rows ending in a carriage return, a line break typed
        // in a cell a line feed inside quotes) whole, where the rows before the first such cell were never read (helper-147:
        // 50 of 300 runs counted), and counts a WinActor task cancelled before its scheduled day, where it was rejected as a
        // clock out of time (helper-144). The files of the formats read so, counted or held as copies, are read whole once
        // more, and so are the files of the formats read through a column mapping, whose rejected rows were named by a line
        // one short. A notice a killed run kept with a file's commit says under which list it belongs (helper-145: a file that
        // gained runs was named as losing them, and a robot's log changed was not kept at all).
        ("v36", """
        ALTER TABLE loss_notices ADD COLUMN kind TEXT NOT NULL DEFAULT 'losing';
        UPDATE source_files SET changed_at = 0 WHERE status IN ('present', 'duplicate') AND format IN ('winactor-task-csv',
            'power-automate-flowsession', 'power-automate-flowrun', 'uipath-orchestrator', 'rpa-csv', 'chatbot-csv', 'ai-ocr-csv',
            'minutes-session-csv', 'translation-usage');
        """),
        // The sources a nightly run found no file at while the store counted files of theirs, one display path a line
        // (`SourcesUnread`): the days since the last run that read them are not complete (helper-158 #1).
        ("v37", """
        ALTER TABLE job_runs ADD COLUMN sources_unread TEXT;
        """),
        // 0.5.14 reads no line inside a quote as a row in the exports that hold what citizens wrote (helper-160 #1: a row
        // pasted into a question was read as one, its category, the citizen's words, stored and printed as a name): their
        // files are read again once, so that what such a reading stored is replaced. A gone file's line loses its change time
        // too: put back, it is read by the new rule without being held to what the old one counted (helper-165 #3).
        ("v38", """
        UPDATE source_files SET changed_at = 0 WHERE status IN ('present', 'duplicate', 'gone') AND format IN ('chatbot-csv',
            'translation-usage', 'minutes-session-csv');
        """),
        // 0.5.14 does not count a UiPath run started from Studio (`initiatedBy` Studio, StudioX, StudioPro: a developer trying a
        // process out), which every earlier version counted as a production run, its hours saved with it (helper-160 #2: five
        // 20-second test runs beside one job made 5.40 h of 0.90 h). The robots' logs on disk, counted or held as copies, are
        // read whole once more (`IngestPlan.doubt`): their figures fall by such runs, named under `filesLosingRuns`; a deleted
        // log keeps what it counted, as no reading of it can be made again; put back, it is read by the new rule without being
        // held to what the old one counted (helper-165 #3).
        ("v39", """
        UPDATE source_files SET changed_at = 0 WHERE status IN ('present', 'duplicate', 'gone') AND format = 'uipath-execution-log';
        """),
        // 0.5.16 reads a robot's log whose last line it rejected as cut off whole once it grows, where earlier versions read
        // on from after the cut: the line's rest, read alone, was no line, and the run it ended stayed unfinished (helper-190
        // #1). A log read so before the upgrade would never be read again, unchanged since (helper-193 #2: February 28.33 h for
        // 30.00, exit 0): the robots' logs on disk that hold a line rejected as cut off or as no Execution.log line are read
        // whole once more.
        ("v40", """
        UPDATE source_files SET changed_at = 0 WHERE status IN ('present', 'duplicate') AND format = 'uipath-execution-log'
            AND id IN (SELECT source_id FROM rejects WHERE reason LIKE 'last line is cut off%' OR reason LIKE 'not an Execution.log line%');
        """),
    ]

    /// The mark, in `migrations`, of a store whose every counted ledger line has had its rollup digest since
    /// (`KoukaStore.keepsEveryRollupDigest`). Not a schema change: never applied by `apply`, only known to it.
    static let rollupDigestsKept = "rollup digests kept"

    /// The mark of a store whose every file with run ids has had its run-key digest since
    /// (`KoukaStore.keepsEveryRunKeyDigest`).
    static let runKeyDigestsKept = "run-key digests kept"

    /// Names `migrations` may hold besides the migrations': marks of what a store has been through.
    static let marks: Set<String> = [rollupDigestsKept, runKeyDigestsKept]

    static func apply(to db: SQLiteConnection) throws {
        try db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)")
        var applied = Set<String>()
        try db.prepare("SELECT name FROM migrations").query { applied.insert(try $0.text(0)) }
        if let unknown = applied.subtracting(all.map(\.name)).subtracting(marks).sorted().first {
            throw StoreError.newerSchema(path: db.path, migration: unknown)
        }
        for migration in all where !applied.contains(migration.name) {
            do {
                try db.transaction {
                    try db.execute(migration.sql)
                    try db.prepare("INSERT INTO migrations (name) VALUES (?)").run([.text(migration.name)])
                }
            } catch let StoreError.sqlite(_, message, _) where !applied.isEmpty && (message.contains("already exists") || message.contains("duplicate column name")) {
                // Not a full or read-only disk: a migration's row removed from a store that has what it made.
                throw StoreError.schemaMismatch(path: db.path, table: "migrations",
                                                problem: "it lacks \(migration.name), yet what \(migration.name) makes is there (\(message))")
            }
        }
    }
}
