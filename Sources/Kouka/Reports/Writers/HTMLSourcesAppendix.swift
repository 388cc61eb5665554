/// The list of source files (one row per daily log, so long), closing the report's appendix section: folded
/// in a `<details>` on screen, printed in full (the print stylesheet shows the folded content), with whole
/// SHA-256 values, since an auditor compares them with the files.
enum HTMLSourcesAppendix {
    static func write(_ sources: [SourceLine], missing: [MissingSourceLine], to out: inout some TextOutputStream) {
        let e = HTMLText.escape
        out.write(#"<h3>根拠となったログ</h3><details class="sources"><summary>ログ \#(NumberText.count(sources.count)) 件の一覧（クリックで開く。印刷時はすべて印刷）</summary>"#)
        // Fixed column widths keep each row to two printed lines: the path and the 64-digit SHA-256 wrap once.
        out.write(#"<table class="sources"><colgroup><col style="width:29%"><col style="width:12%"><col style="width:6%"><col style="width:5.5%"><col style="width:5.5%"><col style="width:5.5%"><col style="width:5.5%"><col style="width:31%"></colgroup>"#)
        out.write("<thead><tr><th>ファイル</th><th>形式</th><th>状態</th><th>行数</th><th>採用</th><th>除外（この年度）</th><th>除外（日付不明）</th><th>SHA-256</th></tr></thead><tbody>\n")
        for s in sources {
            out.write(#"<tr><td>\#(e(s.path))</td><td>\#(e(s.format))</td><td class="nw">\#(s.statusLabel)</td><td class="n">\#(NumberText.count(s.rows))</td><td class="n">\#(NumberText.count(s.accepted))</td><td class="n">\#(NumberText.count(s.rejected))</td><td class="n">\#(NumberText.count(s.rejectedDateUnknown))</td><td><code class="sha">\#(e(s.sha256))</code></td></tr>"# + "\n")
        }
        // A source that matched no file when the report was made: its files' figures may stop short.
        for m in missing {
            out.write(#"<tr><td>\#(e(m.path))</td><td>—</td><td class="nw">ファイルなし（作成時）</td><td colspan="5">\#(e(m.reason))</td></tr>"# + "\n")
        }
        out.write("</tbody></table></details></section>\n")
    }
}
