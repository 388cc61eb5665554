#!/usr/bin/env bash
# Fuzzes every parser with libFuzzer and AddressSanitizer (Swift's -sanitize=fuzzer,address), seeded with
# the sample logs and the real-world samples. Crashing inputs are kept in Fuzz/crashes/<target>/; turn
# each into a regression test. Exit 1 when any target crashed, hung or ran out of memory.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
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

# target NAME FORMAT SUFFIX SEED_FILES...
failed=0
target() {
  local name=$1 format=$2 suffix=$3; shift 3
  local corpus=Fuzz/corpus/$name crashes=Fuzz/crashes/$name
  seed "$corpus" "$@"
  mkdir -p "$crashes"
  if ! KOUKA_FUZZ_FORMAT=$format KOUKA_FUZZ_SUFFIX=$suffix "$fuzz" "$corpus" -max_total_time="$seconds" -max_len=65536 \
      -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$crashes/" -print_final_stats=1 > "Fuzz/corpus/$name.log" 2>&1; then
    echo "fuzz $name: FAILED — see Fuzz/corpus/$name.log and $crashes/" >&2
    failed=1
  else
    echo "fuzz $name: $(grep -o 'stat::number_of_executed_units: [0-9]*' "Fuzz/corpus/$name.log" | awk '{print $2}') inputs, no crash" >&2
  fi
}

printf 'task,start,end,status,items\nx,2024/05/01 10:00:00,2024/05/01 10:05:00,FINISH,3\n' > /tmp/kouka-seed-rpa.csv
printf 'form,time,sheets,minutes,status\n申請書,2024/05/01 10:00,3,2.5,完了\n' > /tmp/kouka-seed-ocr.csv
printf 'meeting,time,audio,editing\n本会議,2024-05-01 10:00,120,30\n' > /tmp/kouka-seed-minutes.csv
printf 'time,category,answered,escalated\n2024/05/01 10:00:00,税金,回答済,なし\n' > /tmp/kouka-seed-chat.csv
printf 'time,chars,post\n2024-05-01 10:00:00,1200,5\n' > /tmp/kouka-seed-translation.csv
printf '[{"type":"message","from":{"role":"user"},"conversation":{"id":"c"},"timestamp":"2024-05-01T01:00:00Z"},{"type":"message","from":{"role":"bot"},"conversation":{"id":"c"},"timestamp":"2024-05-01T01:00:01Z"}]' > /tmp/kouka-seed.transcript

target uipath uipath-execution-log .log SampleLogs/uipath/2024-05-0*_Execution.log $shared/uipath/*
target winactor winactor-task-csv .csv SampleLogs/winactor/tasks_FY2021.csv
target power-automate power-automate-flowsession .log SampleLogs/power-automate/*
target rpa-csv rpa-csv .csv /tmp/kouka-seed-rpa.csv SampleLogs/bizrobo/bizrobo_runs.csv
target ai-ocr-csv ai-ocr-csv .csv /tmp/kouka-seed-ocr.csv
target azure azure-document-intelligence .json SampleLogs/ai-ocr/azure/analyze_2024041*
target minutes-csv minutes-session-csv .csv /tmp/kouka-seed-minutes.csv
target whisper minutes-transcript .json $shared/whisper/*.json
target subtitles minutes-transcript .vtt $shared/whisper/*.vtt $shared/whisper/*.srt
target chatbot-csv chatbot-csv .csv /tmp/kouka-seed-chat.csv
target rasa rasa-tracker .json $shared/rasa/*.json
target bot-framework bot-framework-transcript .transcript /tmp/kouka-seed.transcript
target translation translation-usage .csv /tmp/kouka-seed-translation.csv
target deepl deepl-usage .jsonl SampleLogs/translation/deepl_usage.jsonl
exit $failed
