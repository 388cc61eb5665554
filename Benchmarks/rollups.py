#!/usr/bin/env python3
"""The competitors: DuckDB and pandas computing the same daily rollups as kouka-nightly, and the check
that every contender agrees. Usage:
  rollups.py duckdb-winactor FILE_UTF8 THREADS            DuckDB on a UTF-8 copy made beforehand (not timed)
           | duckdb-winactor-converted FILE_SJIS THREADS  iconv to UTF-8, then DuckDB: the export as it comes
           | duckdb-winactor-encodings FILE_SJIS THREADS  DuckDB reading Shift_JIS itself (its encodings extension)
           | pandas-winactor FILE_SJIS                    pandas' default (C) reader, one thread
           | pandas-winactor-pyarrow FILE_SJIS            pandas with the pyarrow reader, on every core
           | duckdb-uipath GLOB THREADS | pandas-uipath GLOB | kouka DB
Each prints {"success": [runs, seconds], "failure": [...], "cancelled": [...], "days": N} on stdout."""
import glob
import json
import os
import subprocess
import sys
import tempfile

OUTCOME_SQL = "CASE \"状態\" WHEN 'FINISH' THEN 'success' WHEN 'ERROR' THEN 'failure' WHEN 'HALT' THEN 'failure' WHEN 'CANCEL' THEN 'cancelled' END"


def totals(rows):
    out = {"success": [0, 0.0], "failure": [0, 0.0], "cancelled": [0, 0.0]}
    days = set()
    for day, outcome, runs, seconds in rows:
        if outcome in out:
            out[outcome][0] += int(runs)
            out[outcome][1] = round(out[outcome][1] + float(seconds or 0), 3)
            days.add(str(day))
    out["days"] = len(days)
    return out


def duckdb_winactor(path, threads, encoding=None):
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads = {int(threads)}")
    if encoding:
        # The extension ships as a wheel for one DuckDB version (run.sh pins both); it is loaded from there.
        from duckdb_extensions import import_extension
        import_extension("encodings")
        con.execute("LOAD encodings")
    options = f", encoding = '{encoding}'" if encoding else ""
    rows = con.execute(f"""
        SELECT CAST(strptime("開始日時", '%Y/%m/%d %H:%M:%S') AS DATE) AS day, {OUTCOME_SQL} AS outcome, "シナリオ名" AS name,
               count(*) AS runs, sum(CAST("実行時間（秒）" AS DOUBLE)) AS seconds
        FROM read_csv('{path}', header = true, all_varchar = true{options})
        WHERE "状態" IN ('FINISH', 'ERROR', 'HALT', 'CANCEL')
        GROUP BY ALL""").fetchall()
    return totals((r[0], r[1], r[3], r[4]) for r in rows)


def duckdb_winactor_converted(path, threads):
    # DuckDB cannot read Shift_JIS without an extension: convert the export first, as a script would.
    fd, utf8 = tempfile.mkstemp(suffix=".csv", dir=os.path.dirname(path))
    try:
        with os.fdopen(fd, "wb") as out:
            subprocess.run(["iconv", "-f", "CP932", "-t", "UTF-8", path], stdout=out, check=True)
        return duckdb_winactor(utf8, threads)
    finally:
        os.unlink(utf8)


def duckdb_winactor_encodings(path, threads):
    return duckdb_winactor(path, threads, encoding="shift_jis")


def pandas_winactor(path, engine="c"):
    import pandas as pd
    df = pd.read_csv(path, encoding="cp932", dtype=str, usecols=["開始日時", "状態", "シナリオ名", "実行時間（秒）"], engine=engine)
    df = df[df["状態"].isin(["FINISH", "ERROR", "HALT", "CANCEL"])]
    df["day"] = pd.to_datetime(df["開始日時"], format="%Y/%m/%d %H:%M:%S").dt.date
    df["outcome"] = df["状態"].map({"FINISH": "success", "ERROR": "failure", "HALT": "failure", "CANCEL": "cancelled"})
    df["seconds"] = df["実行時間（秒）"].astype(float)
    g = df.groupby(["day", "outcome", "シナリオ名"]).agg(runs=("seconds", "size"), seconds=("seconds", "sum")).reset_index()
    return totals(zip(g["day"], g["outcome"], g["runs"], g["seconds"]))


UIPATH_SQL = """
    WITH lines AS (
        SELECT CAST(substr(line, strpos(line, '{{')) AS JSON) AS j
        FROM read_csv('{files}', header = false, delim = '{delim}', quote = '', escape = '', columns = {{'line': 'VARCHAR'}})
        WHERE strpos(line, '{{') > 0),
    events AS (
        SELECT j->>'jobId' AS job, j->>'processName' AS process, j->>'timeStamp' AS ts, j->>'message' AS message,
               j->>'level' AS level, j->>'logType' AS log_type, CAST(j->>'totalExecutionTimeInSeconds' AS DOUBLE) AS seconds
        FROM lines),
    runs AS (
        SELECT job, any_value(process) AS process, substr(min(ts), 1, 10) AS day,
               bool_or(message = process || ' execution ended') AS ended,
               bool_or(log_type = 'Default' AND level IN ('Error', 'Fatal')) AS errored, max(seconds) AS seconds
        FROM events GROUP BY job)
    SELECT day, CASE WHEN ended AND NOT errored THEN 'success' ELSE 'failure' END AS outcome, process, count(*) AS runs, sum(seconds) AS seconds
    FROM runs GROUP BY ALL"""


def duckdb_uipath(pattern, threads):
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads = {int(threads)}")
    rows = con.execute(UIPATH_SQL.format(files=pattern, delim=chr(1))).fetchall()
    return totals((r[0], r[1], r[3], r[4]) for r in rows)


def pandas_uipath(pattern):
    import pandas as pd
    records = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8-sig") as f:
            for line in f:
                i = line.find("{")
                if i >= 0:
                    records.append(json.loads(line[i:]))
    df = pd.DataFrame.from_records(records, columns=["jobId", "processName", "timeStamp", "message", "level", "logType", "totalExecutionTimeInSeconds"])
    df["ended"] = df["message"] == df["processName"] + " execution ended"
    df["errored"] = (df["logType"] == "Default") & df["level"].isin(["Error", "Fatal"])
    runs = df.groupby("jobId").agg(process=("processName", "first"), ts=("timeStamp", "min"), ended=("ended", "any"),
                                   errored=("errored", "any"), seconds=("totalExecutionTimeInSeconds", "max")).reset_index()
    runs["day"] = runs["ts"].str[:10]
    runs["outcome"] = (runs["ended"] & ~runs["errored"]).map({True: "success", False: "failure"})
    g = runs.groupby(["day", "outcome", "process"]).agg(runs=("jobId", "size"), seconds=("seconds", "sum")).reset_index()
    return totals(zip(g["day"], g["outcome"], g["runs"], g["seconds"]))


def kouka(db):
    import sqlite3
    con = sqlite3.connect(db)
    rows = con.execute("SELECT day, outcome, sum(events), sum(machine_seconds) FROM rollups GROUP BY day, outcome").fetchall()
    return totals(rows)


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    result = {"duckdb-winactor": duckdb_winactor, "duckdb-winactor-converted": duckdb_winactor_converted,
              "duckdb-winactor-encodings": duckdb_winactor_encodings, "pandas-winactor": pandas_winactor,
              "pandas-winactor-pyarrow": lambda path: pandas_winactor(path, engine="pyarrow"), "duckdb-uipath": duckdb_uipath,
              "pandas-uipath": pandas_uipath, "kouka": kouka}[kind](*args)
    print(json.dumps(result, sort_keys=True))
