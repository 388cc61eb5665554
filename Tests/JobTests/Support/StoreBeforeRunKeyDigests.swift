
/// SQL that makes a store look as one a Kouka before 0.4.7 wrote, which kept no digest of each file's run-key set
/// (`source_files.run_keys_sha256`): the next opening adds the column empty and leaves the store unmarked, as it does to
/// such a store, and the next nightly run records them. Without it, a store made to look older by editing its run ids
/// has sets that no longer give their recorded digests, which verification names.
let storeBeforeRunKeyDigestsSQL = """
    DELETE FROM migrations WHERE name IN ('v17', 'run-key digests kept');
    ALTER TABLE source_files DROP COLUMN run_keys_sha256;
    """
