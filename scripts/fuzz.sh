#!/usr/bin/env bash
# Fuzzes every parser with libFuzzer and AddressSanitizer (Swift's -sanitize=fuzzer,address), seeded with
# the sample logs and the real-world samples, and with every input that once crashed it (kept in
# Fuzz/regressions/<target>/, so each run tries them first). A new crashing input is kept in
# Fuzz/crashes/<target>/: fix the bug, then move the input to Fuzz/regressions/<target>/ and add a test.
# Exit 1 when any target crashed, hung or ran out of memory. libFuzzer uses one core: the targets run as many at
# a time as the machine has cores (KOUKA_FUZZ_JOBS to choose), each for SECONDS_PER_TARGET.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
parallel=${KOUKA_FUZZ_JOBS:-$(nproc)}
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
scripts/ensure-deps.sh
swift build --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
fuzz=Fuzz/.build/debug/kouka-fuzz
shared=../shared/realworld

# seed DIR FILE...: the first 16 KiB of each file, as the corpus of one target.
seed() {
  local dir=$1; shift
  mkdir -p "$dir"
  for file in "$@"; do
    [ -f "$file" ] && head -c 16384 "$file" > "$dir/$(basename "$file" | tr -c 'A-Za-z0-9._-' '_')"
  done
  return 0
}

# target NAME FORMAT SUFFIX SEED_FILES...   ($extra_env, when set, is passed to the fuzzer's environment)
# Starts the target once fewer than $parallel are running; a failure leaves $results/NAME.failed.
target() {
  local name=$1 format=$2 suffix=$3; shift 3
  local corpus=Fuzz/corpus/$name crashes=Fuzz/crashes/$name
  seed "$corpus" "$@"
  mkdir -p "$crashes" "Fuzz/regressions/$name"
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || true; done
  (
    if ! env ${extra_env:-} KOUKA_FUZZ_FORMAT=$format KOUKA_FUZZ_SUFFIX=$suffix "$fuzz" "$corpus" Fuzz/regressions/$name -max_total_time="$seconds" -max_len=65536 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$crashes/" -print_final_stats=1 > "Fuzz/corpus/$name.log" 2>&1; then
      echo "fuzz $name: FAILED — see Fuzz/corpus/$name.log and $crashes/" >&2
      touch "$results/$name.failed"
    else
      echo "fuzz $name: $(grep -o 'stat::number_of_executed_units: [0-9]*' "Fuzz/corpus/$name.log" | awk '{print $2}') inputs, no crash" >&2
    fi
  ) &
}

# Targets that no sample log seeds get a line or two of their shape.
printf '[{"type":"message","from":{"role":"user"},"conversation":{"id":"c"},"timestamp":"2024-05-01T01:00:00Z"},{"type":"message","from":{"role":"bot"},"conversation":{"id":"c"},"timestamp":"2024-05-01T01:00:01Z"}]' > "$results"/seed.transcript
printf 'Key,ReleaseName,State,StartTime,EndTime,HostMachineName\nj1,住民票_集計,Successful,2024-05-01T00:00:00Z,2024-05-01T00:10:00.5Z,SV01\nj2,住民票_集計,Pending,,,\n' > "$results"/seed-orchestrator.csv
printf '{"@odata.context":"x","value":[{"Key":"j1","ReleaseName":"A","State":"Faulted","StartTime":"2024-05-01T00:00:00Z","EndTime":"2024-05-01T00:01:00Z"},{"Key":"q1","QueueDefinitionId":12,"Status":"Retried","StartProcessing":"2024-05-01T00:00:00Z","EndProcessing":null}]}' > "$results"/seed-orchestrator.json
printf 'Name,Workflow name,Start time,End time,Status,Parent run id\nr1,住民税_送付,2024-05-01T00:00:00Z,2024-05-01T00:02:00Z,Succeeded,\nr2,子フロー,2024-05-01T00:00:10Z,,Running,r1\n' > "$results"/seed-flowrun.csv
printf '{"@odata.context":"x","value":[{"name":"r1","workflowname":"A","starttime":"2024-05-01T00:00:00Z","endtime":"2024-05-01T00:01:00Z","status":"Failed","parentrunid":null}]}' > "$results"/seed-flowrun.json
printf '{"日時":"2024-05-01T10:00:00+09:00","文字数":1200,"所属":"国際交流課","後編集（分）":5}\n{"日時":"2024-05-02 10:00:00","文字数":"800"}\n' > "$results"/seed-translation.jsonl

target uipath uipath-execution-log .log SampleLogs/uipath/2024-05-0*_Execution.log $shared/uipath/*
target winactor winactor-task-csv .csv SampleLogs/winactor/tasks_FY2021.csv
extra_env=KOUKA_FUZZ_SPLIT_BYTES=1 target winactor-split winactor-task-csv .csv SampleLogs/winactor/tasks_FY2021.csv
target power-automate-csv power-automate-flowsession .csv SampleLogs/power-automate/*.csv
target power-automate-json power-automate-flowsession .json SampleLogs/power-automate/*.json
target orchestrator-csv uipath-orchestrator .csv "$results"/seed-orchestrator.csv
target orchestrator-json uipath-orchestrator .json "$results"/seed-orchestrator.json
target flowrun-csv power-automate-flowrun .csv "$results"/seed-flowrun.csv
target flowrun-json power-automate-flowrun .json "$results"/seed-flowrun.json
target rpa-csv rpa-csv .csv SampleLogs/bizrobo/bizrobo_runs.csv
target ai-ocr-csv ai-ocr-csv .csv SampleLogs/ai-ocr/dxsuite_jobs.csv
target azure azure-document-intelligence .json SampleLogs/ai-ocr/azure/analyze_2024041*
target minutes-csv minutes-session-csv .csv SampleLogs/minutes/amivoice_sessions.csv
target whisper minutes-transcript .json $shared/whisper/*.json SampleLogs/minutes/transcripts/*/*.json
target subtitles minutes-transcript .vtt $shared/whisper/*.vtt $shared/whisper/*.srt SampleLogs/minutes/transcripts/*/*.vtt SampleLogs/minutes/transcripts/*/*.srt
target chatbot-csv chatbot-csv .csv SampleLogs/chatbot/faq_conversations.csv
target rasa rasa-tracker .json $shared/rasa/*.json
target bot-framework bot-framework-transcript .transcript "$results"/seed.transcript
target translation-csv translation-usage .csv SampleLogs/translation/translation_requests.csv
target translation-json translation-usage .jsonl "$results"/seed-translation.jsonl
target deepl deepl-usage .jsonl SampleLogs/translation/deepl_usage.jsonl
target catalog catalog .csv SampleLogs/catalog.csv
wait
failed=$(find "$results" -name '*.failed' | wc -l)
[ "$failed" -eq 0 ] || { echo "fuzz: $failed target(s) failed" >&2; exit 1; }
