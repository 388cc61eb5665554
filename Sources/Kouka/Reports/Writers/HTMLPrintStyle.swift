/// The HTML report's print stylesheet, so that 印刷 → PDF gives a document fit for a council committee: A4
/// portrait with margins, the report's title and fiscal year at the top of every page and the page number and
/// generation time at the bottom (CSS page-margin boxes, which Chromium prints from version 131), no chart or
/// table row split across pages, table headers repeated, and the folded list of source files printed in full
/// as an appendix on its own pages.
enum HTMLPrintStyle {
    static func css(title: String, generatedAt: String) -> String {
        let margin = "font-family:\"Noto Sans CJK JP\",sans-serif;font-size:8pt;color:#555"
        return """
            @page{size:A4 portrait;margin:16mm 13mm 16mm 13mm;\
            @top-left{content:"\(string(title))";\(margin)}\
            @bottom-left{content:"作成 \(string(generatedAt))";\(margin)}\
            @bottom-right{content:counter(page) " / " counter(pages);\(margin)}}\
            @media print{body{margin:0;max-width:none;font-size:9.5pt;line-height:1.4}\
            h1{font-size:15pt;margin-top:0}h2{font-size:12pt;margin-top:1.2em}h2,h3{break-after:avoid}\
            table{font-size:8pt;width:100%}thead{display:table-header-group}tr,svg,.chart,p.note{break-inside:avoid}\
            svg{max-width:100%;height:auto}table.compact,.keep{break-inside:avoid}\
            section.appendix{break-before:page}table.sources{table-layout:fixed;font-size:7pt}table.sources td{overflow-wrap:anywhere}\
            table.sources code.sha{font-size:6.6pt}details.sources>summary{list-style:none;font-weight:bold;color:#1f5fa8}\
            details.sources::details-content{content-visibility:visible;display:block;height:auto}\
            .screen-only{display:none}}
            """
    }

    /// Text as a CSS string's content: a quote, a backslash or a `<` (which could end the `<style>`) escaped.
    private static func string(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "<": out += "\\3C "
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
