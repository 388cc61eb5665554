
/// SQL that makes a store look as one a Kouka before 0.4.3 wrote, which kept no seals of its ledger (`job_runs.seal_found`,
/// `seal_left`, and from 0.4.8 `seal_sum_found`, `seal_sum_left`): the next opening adds the columns empty, as it does to
/// such a store. A test that makes a store look older by editing it is making a change outside Kouka, which the seals
/// would otherwise name.
let storeBeforeSealsSQL = """
    DELETE FROM migrations WHERE name IN ('v16', 'v19');
    ALTER TABLE job_runs DROP COLUMN seal_found; ALTER TABLE job_runs DROP COLUMN seal_left; ALTER TABLE job_runs DROP COLUMN seal_accepted;
    ALTER TABLE job_runs DROP COLUMN seal_sum_found; ALTER TABLE job_runs DROP COLUMN seal_sum_left; DROP TABLE seal_sums_since;
    ALTER TABLE source_files DROP COLUMN rows_identical;
    """
