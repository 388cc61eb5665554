extension HTMLReportWriter {
    /// The tool review (ツール評価): per tool its tables, the periods side by side, and the verdict with the
    /// rules that gave it.
    static func writeReview(_ review: ToolReview?, to out: inout some TextOutputStream) {
        guard let review else { return }
        func w(_ text: String) { out.write(text); out.write("\n") }
        let e = HTMLText.escape
        w(#"<section class="review"><h2>ツール評価</h2>"#)
        w(#"<p class="note">判定は [review] の規則と閾値をそのまま当てはめたもの（判定の対象: \#(e(review.judged))）。「未測定」はログに分母がないことを示し、0% ではない。</p>"#)
        for section in review.sections {
            w(#"<h3>\#(e(section.title))</h3>"#)
            let v = section.verdict
            w(#"<p class="verdict v-\#(e(v.code))"><b>判定: \#(e(v.label))</b>\#(v.reasons.isEmpty ? "" : "（" + e(v.reasons.joined(separator: "、")) + "）")</p>"#)
            // Printed beside the verdict, never folded away: the verdict is the city's rule applied, not Kouka's judgement.
            w(#"<ul class="rules">"# + v.rules.map { "<li>\(e($0))</li>" }.joined()
              + v.notApplied.map { "<li>適用できなかった規則: \(e($0))</li>" }.joined() + "</ul>")
            for table in section.tables {
                w(#"<h4>\#(e(table.title))</h4><table><thead><tr><th></th>"# + table.columns.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>")
                for row in table.rows {
                    let cells = row.values.map { value in
                        value == nil ? #"<td class="n nm">\#(ReviewText.notMeasured)</td>"# : #"<td class="n">\#(e(ReviewText.value(value, row: row)))</td>"#
                    }.joined()
                    w("<tr><td>\(e(ReviewText.label(row)))</td>\(cells)</tr>")
                }
                w("</tbody></table>")
                if let note = table.note { w(#"<p class="note">\#(e(note))</p>"#) }
            }
        }
        w("</section>")
    }

    static let reviewStyle = """
        .verdict{padding:.3em .6em;border-left:5px solid #888;background:#f6f6f6}.v-continue{border-color:#116611}.v-improve{border-color:#c77700}\
        .v-review{border-color:#b00020}td.nm{color:#888}h4{font-size:1em;margin:1em 0 .2em}.rules{font-size:.85em;color:#444;margin:.2em 0 .6em}
        """
}
