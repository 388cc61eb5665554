#!/usr/bin/env python3
"""Synthetic logs for the ingest benchmark, at a given size, with a fixed seed (same bytes every time).

  python3 Benchmarks/generate.py --out DIR --winactor-mb 170 --uipath-mb 170 [--seed 7]
  python3 Benchmarks/generate.py --more-of DIR/uipath/LAST_Execution.log --lines N > more.log
  python3 Benchmarks/generate.py --out DIR --robots 10 --days 1826 [--jobs-per-day 50]
  python3 Benchmarks/generate.py --out DIR --robots 10 --days 1826 --next-day   (one more day of every robot)

Writes DIR/winactor/tasks.csv (WinActor Manager task export: Shift_JIS, CRLF, the vendor's 31 columns),
DIR/uipath/YYYY-MM-DD_Execution.log (UiPath Robot logs, UTF-8 with BOM, one file per day) and
DIR/catalog.csv and DIR/kouka.toml for kouka-nightly. With --robots and --days it writes the shape of a
city's real history instead: every robot's own daily files, DIR/uipath/robotNN/YYYY-MM-DD_Execution.log
and DIR/winactor/robotNN/YYYY-MM-DD_tasks.csv (UTF-8, as a scheduled export writes it: DuckDB's best case),
--jobs-per-day runs a day each, from the first day of fiscal 2021. Names, departments, failures and cancellations
are realistic; every run is a separate row/job so all contenders count the same rollups.
"""
import argparse
import datetime as dt
import json
import os
import random

HEADER = ("タスクID,名前,シナリオID,シナリオ名,状態,タスク確認状態,データ一覧ファイルID,データ一覧ファイル名,アーカイブ,ログ,異常発生時,"
          "メール送信,メール送信日時,アーカイブファイルID,生成日時,開始日時,終了日時,更新日時,実行時間（秒）,実行予定WinActorID,"
          "実行予定WinActor名,WinActorID,WinActor名,スケジュールID,スケジュール名,実行予定日時,エラー,エラーコード,スケジュール登録者,"
          "リトライカウント,個別ステージID")
# The department that owns each scenario's task (the catalog's 担当課), in the same order as SCENARIOS.
DEPARTMENTS = ["税務課", "税務課", "市民課", "子育て支援課", "介護保険課", "会計課", "保険年金課", "企画課", "生活福祉課", "市民課",
               "上下水道課", "人事課", "税務課", "選挙管理委員会事務局", "子育て支援課", "情報政策課"]
SCENARIOS = ["住民税_課税資料取込", "軽自動車税_納付確認", "転入届入力", "児童手当_現況確認", "介護認定_結果通知", "会計伝票チェック",
             "国保資格確認", "ふるさと納税_受付", "生活保護_支給データ作成", "住民票郵送請求", "水道開閉栓受付入力", "時間外勤務集計",
             "固定資産税_異動入力", "選挙人名簿_照合", "保育所入所_点数計算", "テスト用シナリオ"]


def winactor(path, target_bytes, rng):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    start = dt.datetime(2021, 4, 1, 8, 0, 0)
    # Larger files hold more runs a day, not more days: every size spans the same months, all in the past.
    scale = max(1.0, target_bytes / 170e6)
    spacing, jitter = 37 / scale, max(1, int(30 / scale))
    written, n = 0, 0
    with open(path, "wb") as f:
        f.write((HEADER + "\r\n").encode("cp932"))
        while written < target_bytes:
            n += 1
            t = start + dt.timedelta(seconds=int(n * spacing) + rng.randrange(jitter))
            seconds = rng.randrange(30, 3600)
            r = rng.random()
            state = "FINISH" if r < 0.93 else ("ERROR" if r < 0.97 else ("HALT" if r < 0.98 else "CANCEL"))
            scenario = SCENARIOS[rng.randrange(len(SCENARIOS))]
            s, e = t.strftime("%Y/%m/%d %H:%M:%S"), (t + dt.timedelta(seconds=seconds)).strftime("%Y/%m/%d %H:%M:%S")
            row = (f"t{n:09d},{scenario}_定期,sc{n % 97:03d},{scenario},{state},確認済,,,なし,あり,停止,しない,,,{s},{s},{e},{e},{seconds},"
                   f"wa-01,WinActor01,wa-01,WinActor01,sch-01,定期実行,{s},{'エラー' if state == 'ERROR' else ''},,情報政策課,0,\r\n")
            data = row.encode("cp932")
            f.write(data)
            written += len(data)
    return n


def uipath(folder, target_bytes, rng):
    os.makedirs(folder, exist_ok=True)
    written, jobs = 0, 0
    day = dt.date(2021, 4, 1)
    # Larger sizes have more robots, each with 400 jobs a day, so that every size spans the same days.
    robots = max(1, round(target_bytes / 170e6))
    while written < target_bytes:
        lines = []
        cursors = [dt.datetime(day.year, day.month, day.day, 7, 0, 0)] * robots
        for k in range(400 * robots):
            jobs += 1
            robot = k % robots
            t = cursors[robot]
            process = SCENARIOS[rng.randrange(len(SCENARIOS))]
            job = f"{day:%Y%m%d}-{k:05d}-4d54-abaa-af960a2c4314"
            base = {"level": "Information", "logType": "Default", "fingerprint": f"f{jobs}", "windowsIdentity": f"CITY\\\\robot{robot + 1:02d}",
                    "machineName": "RPA-SV01", "fileName": "Main", "initiatedBy": "Orchestrator", "processName": process,
                    "processVersion": "1.4.2", "jobId": job, "robotName": f"robot{robot + 1:02d}", "machineId": 4711, "organizationUnitId": 12}
            seconds = rng.randrange(20, 600)
            end = t + dt.timedelta(seconds=seconds)
            failed = rng.random() < 0.05

            def line(at, word, message, extra=None, level="Information"):
                entry = {"message": message, **base, "level": level,
                         "timeStamp": f"{at:%Y-%m-%dT%H:%M:%S}.0000000+09:00"}
                if extra:
                    entry.update(extra)
                lines.append(f"{at:%H:%M:%S}.0000 {word} " + json.dumps(entry, ensure_ascii=False))

            line(t, "Info", f"{process} execution started")
            line(t + dt.timedelta(seconds=1), "Info", "処理を開始します")
            if failed:
                line(end, "Error", "画面要素が見つかりません", level="Error")
            line(end, "Info", f"{process} execution ended", {"totalExecutionTimeInSeconds": seconds, "totalExecutionTime": "00:00:00"})
            cursors[robot] = end + dt.timedelta(seconds=rng.randrange(1, 60))
        data = ("\r\n".join(lines) + "\r\n").encode("utf-8")
        with open(os.path.join(folder, f"{day:%Y-%m-%d}_Execution.log"), "wb") as f:
            f.write(b"\xef\xbb\xbf" + data)
        written += len(data) + 3
        day += dt.timedelta(days=1)
    return jobs


def uipath_day(path, robot, day, jobs, rng):
    """One robot's Execution.log of one day: `jobs` runs of the sample city's shape (start, a message, an
    error for one in twenty, the end line with the run's seconds), job ids unique across robots and days."""
    lines = []
    t = dt.datetime(day.year, day.month, day.day, 7, 0, 0)
    for k in range(jobs):
        process = SCENARIOS[rng.randrange(len(SCENARIOS))]
        job = f"{day:%Y%m%d}-{k:05d}-4d54-abaa-{robot:012d}"
        base = {"level": "Information", "logType": "Default", "fingerprint": f"f{robot}-{day:%Y%m%d}-{k}",
                "windowsIdentity": f"CITY\\\\robot{robot:02d}", "machineName": f"RPA-SV{robot:02d}", "fileName": "Main",
                "initiatedBy": "Orchestrator", "processName": process, "processVersion": "1.4.2", "jobId": job,
                "robotName": f"robot{robot:02d}", "machineId": 4700 + robot, "organizationUnitId": 12}
        seconds = rng.randrange(20, 600)
        end = t + dt.timedelta(seconds=seconds)

        def line(at, word, message, extra=None, level="Information"):
            entry = {"message": message, **base, "level": level, "timeStamp": f"{at:%Y-%m-%dT%H:%M:%S}.0000000+09:00"}
            if extra:
                entry.update(extra)
            lines.append(f"{at:%H:%M:%S}.0000 {word} " + json.dumps(entry, ensure_ascii=False))

        line(t, "Info", f"{process} execution started")
        line(t + dt.timedelta(seconds=1), "Info", "処理を開始します")
        if rng.random() < 0.05:
            line(end, "Error", "画面要素が見つかりません", level="Error")
        line(end, "Info", f"{process} execution ended", {"totalExecutionTimeInSeconds": seconds, "totalExecutionTime": "00:00:00"})
        t = end + dt.timedelta(seconds=rng.randrange(1, 60))
    with open(path, "wb") as f:
        f.write(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8"))


def winactor_day(path, robot, day, jobs, rng):
    """One robot's WinActor Manager export of one day, in UTF-8 (the vendor's 31 columns, CRLF)."""
    rows = [HEADER]
    t = dt.datetime(day.year, day.month, day.day, 8, 0, 0)
    for k in range(jobs):
        seconds = rng.randrange(30, 3600)
        r = rng.random()
        state = "FINISH" if r < 0.93 else ("ERROR" if r < 0.97 else ("HALT" if r < 0.98 else "CANCEL"))
        scenario = SCENARIOS[rng.randrange(len(SCENARIOS))]
        s, e = t.strftime("%Y/%m/%d %H:%M:%S"), (t + dt.timedelta(seconds=seconds)).strftime("%Y/%m/%d %H:%M:%S")
        rows.append(f"t{robot:02d}{day:%Y%m%d}{k:05d},{scenario}_定期,sc{k % 97:03d},{scenario},{state},確認済,,,なし,あり,停止,しない,,,{s},{s},{e},"
                    f"{e},{seconds},wa-{robot:02d},WinActor{robot:02d},wa-{robot:02d},WinActor{robot:02d},sch-01,定期実行,{s},"
                    f"{'エラー' if state == 'ERROR' else ''},,情報政策課,0,")
        t += dt.timedelta(seconds=seconds + rng.randrange(1, 60))
    with open(path, "wb") as f:
        f.write(("\r\n".join(rows) + "\r\n").encode("utf-8"))


def history(out, robots, days, jobs, next_day, seed):
    """Every robot's daily files over `days` days (or, with `next_day`, only the day after them). Each file's
    runs come from a generator seeded by robot and day, so a file's bytes never depend on the others."""
    first = dt.date(2021, 4, 1)
    count = 0
    for robot in range(1, robots + 1):
        for folder in ("uipath", "winactor"):
            os.makedirs(os.path.join(out, folder, f"robot{robot:02d}"), exist_ok=True)
        for d in ([days] if next_day else range(days)):
            day = first + dt.timedelta(days=d)
            rng = random.Random(seed * 1_000_003 + robot * 10_007 + d)
            uipath_day(os.path.join(out, "uipath", f"robot{robot:02d}", f"{day:%Y-%m-%d}_Execution.log"), robot, day, jobs, rng)
            winactor_day(os.path.join(out, "winactor", f"robot{robot:02d}", f"{day:%Y-%m-%d}_tasks.csv"), robot, day, jobs, rng)
            count += 1
    return count


def write_catalog(out):
    """The task catalog: every scenario but the test one is a task of its department."""
    with open(os.path.join(out, "catalog.csv"), "w", encoding="utf-8") as f:
        f.write("task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\n")
        for i, (s, department) in enumerate(zip(SCENARIOS[:-1], DEPARTMENTS)):
            f.write(f"T{i:02d},{s},{department},rpa,runs,{30 + i},{5},2020-04-01,{s}\n")


def more_of(path, count):
    """`count` lines of new jobs for the day of the UiPath log at `path`: its own lines again, each copy under
    other job ids, written as the robot appends them (CRLF, no BOM)."""
    with open(path, encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    out, copy = [], 0
    while len(out) < count:
        copy += 1
        out += [line.replace("-4d54-abaa-", f"-4d54-{copy:04x}-") for line in lines[:count - len(out)]]
    return "".join(line + "\r\n" for line in out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out")
    p.add_argument("--winactor-mb", type=float, default=170)
    p.add_argument("--uipath-mb", type=float, default=170)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--more-of", help="print --lines lines of new jobs for the day of this UiPath log, and nothing else")
    p.add_argument("--lines", type=int, default=0)
    p.add_argument("--robots", type=int, help="write daily files of this many robots (with --days) instead of the two large files")
    p.add_argument("--days", type=int, default=1826)
    p.add_argument("--jobs-per-day", type=int, default=50)
    p.add_argument("--next-day", action="store_true", help="with --robots: write only the day after --days, for every robot")
    a = p.parse_args()
    if a.more_of:
        os.write(1, more_of(a.more_of, a.lines).encode("utf-8"))
        return
    if not a.out:
        p.error("--out is required")
    if a.robots:
        files = history(a.out, a.robots, a.days, a.jobs_per_day, a.next_day, a.seed)
        if not a.next_day:
            write_catalog(a.out)
            for name, fmt, path in (("winactor", "winactor-task-csv", "winactor/*/*_tasks.csv"),
                                    ("uipath", "uipath-execution-log", "uipath/*/*_Execution.log")):
                with open(os.path.join(a.out, f"kouka-{name}.toml"), "w", encoding="utf-8") as f:
                    f.write(f'catalog = "catalog.csv"\ndatabase = "kouka-{name}.sqlite"\n[[source]]\nformat = "{fmt}"\npath = "{path}"\n'
                            f'encoding = "utf-8"\n[output]\npath = "reports-{name}"\n')
        print(json.dumps({"filesPerSource": files}))
        return
    rng = random.Random(a.seed)
    runs = winactor(os.path.join(a.out, "winactor", "tasks.csv"), a.winactor_mb * 1e6, rng) if a.winactor_mb > 0 else 0
    jobs = uipath(os.path.join(a.out, "uipath"), a.uipath_mb * 1e6, rng) if a.uipath_mb > 0 else 0
    write_catalog(a.out)
    for name, fmt, path, enc in (("winactor", "winactor-task-csv", "winactor/*.csv", "shift_jis"),
                                 ("uipath", "uipath-execution-log", "uipath/*_Execution.log", "utf-8")):
        with open(os.path.join(a.out, f"kouka-{name}.toml"), "w", encoding="utf-8") as f:
            f.write(f'catalog = "catalog.csv"\ndatabase = "kouka-{name}.sqlite"\n[[source]]\nformat = "{fmt}"\npath = "{path}"\nencoding = "{enc}"\n'
                    f'[output]\npath = "reports-{name}"\n')
    print(json.dumps({"winactorRuns": runs, "uipathJobs": jobs}))


if __name__ == "__main__":
    main()
