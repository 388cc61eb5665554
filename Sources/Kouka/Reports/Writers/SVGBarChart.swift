/// A bar chart as inline SVG: no script, no external file, the same bytes for the same figures.
struct SVGBarChart {
    struct Bar {
        var label: String
        var value: Double
        /// An optional second value drawn as a marker (a target, the year before).
        var marker: Double? = nil
    }

    var bars: [Bar]
    var unit: String
    var width = 720
    var barHeight = 22

    /// Horizontal bars, one per row, labels on the left.
    func horizontal() -> String {
        // Wide enough for the longest label (the new-systems target's is 18 full-width characters), so none is cut.
        let labelWidth = min(320, max(170, (bars.map { Self.textWidth($0.label) }.max() ?? 0) + 16)), valueWidth = 110
        let plot = Double(width - labelWidth - valueWidth)
        let top = max(bars.map { max($0.value, $0.marker ?? 0) }.max() ?? 0, 1)
        let height = bars.count * (barHeight + 8) + 8
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)">"#
        for (i, bar) in bars.enumerated() {
            let y = 8 + i * (barHeight + 8)
            let length = max(0, bar.value) / top * plot
            svg += #"<text x="\#(labelWidth - 8)" y="\#(y + barHeight - 6)" text-anchor="end" class="label">\#(HTMLText.escape(bar.label))</text>"#
            svg += #"<rect x="\#(labelWidth)" y="\#(y)" width="\#(Self.fixed(length))" height="\#(barHeight)" class="bar"/>"#
            var end = length
            if let marker = bar.marker {
                let x = max(0, marker) / top * plot
                svg += #"<line x1="\#(Self.fixed(Double(labelWidth) + x))" x2="\#(Self.fixed(Double(labelWidth) + x))" y1="\#(y - 3)" y2="\#(y + barHeight + 3)" class="marker"/>"#
                end = max(end, x + 1.5)
            }
            // The value starts past the bar and past the marker (whose stroke is 3 wide), so no mark covers it.
            svg += #"<text x="\#(Self.fixed(Double(labelWidth) + end + Self.labelGap))" y="\#(y + barHeight - 6)" class="value">\#(NumberText.grouped(bar.value)) \#(unit)</text>"#
        }
        return svg + "</svg>"
    }

    /// The width of `text` at the charts' 12 px: a full-width character is 12 px, any other about 7.
    static func textWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 12 : 7) }
    }

    /// Vertical bars, labels below: the months of a year. Values are shown to 0.01 h, as in the tables, so a
    /// small month does not read as 0.
    func vertical(height: Int = 220) -> String {
        let bottom = 30, left = 10
        let plotHeight = Double(height - bottom - 24)
        let top = max(bars.map(\.value).max() ?? 0, 1)
        let slot = Double(width - 2 * left) / Double(max(bars.count, 1))
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)">"#
        for (i, bar) in bars.enumerated() {
            let h = max(0, bar.value) / top * plotHeight
            let x = Double(left) + Double(i) * slot + slot * 0.15
            let y = Double(height - bottom) - h
            svg += #"<rect x="\#(Self.fixed(x))" y="\#(Self.fixed(y))" width="\#(Self.fixed(slot * 0.7))" height="\#(Self.fixed(h))" class="bar"/>"#
            svg += #"<text x="\#(Self.fixed(x + slot * 0.35))" y="\#(Self.fixed(y - 4))" text-anchor="middle" font-size="11" class="value">\#(NumberText.grouped(bar.value))</text>"#
            svg += #"<text x="\#(Self.fixed(x + slot * 0.35))" y="\#(height - bottom + 16)" text-anchor="middle" class="label">\#(HTMLText.escape(bar.label))</text>"#
        }
        return svg + "</svg>"
    }

    /// Space between a bar's end (or its marker) and its value.
    static let labelGap = 6.0

    private static func fixed(_ value: Double) -> String { NumberText.plain(value, decimals: 1) }
}
