@testable import Kouka
import Testing

/// Issue 16 item 5: no mark covers a value label, and small values keep their decimals.
@Suite struct ChartLabelTests {
    /// The x of each `<line class="marker">` and each value `<text>` of a horizontal chart, row by row.
    static func positions(_ svg: String) -> (markers: [Double], labels: [Double], bars: [Double]) {
        let markers = svg.matches(of: /<line x1="([0-9.]+)"[^>]*class="marker"/).map { Double($0.1)! }
        let labels = svg.matches(of: /<text x="([0-9.]+)" y="[0-9]+" class="value">/).map { Double($0.1)! }
        let bars = svg.matches(of: /<rect x="([0-9.]+)" y="[0-9]+" width="([0-9.]+)"/).map { Double($0.1)! + Double($0.2)! }
        return (markers, labels, bars)
    }

    @Test func aLabelStartsPastItsBarAndItsYearBeforeMarker() {
        // 子育て支援課 fell below its year before (the marker was over "186.24"); 税務課's marker sat just
        // past its bar, over "67.27 時間".
        let chart = SVGBarChart(bars: [.init(label: "税務課", value: 790.94, marker: 766.88), .init(label: "子育て支援課", value: 186.24, marker: 206.61),
                                       .init(label: "課", value: 67.27, marker: 67.5)], unit: "時間").horizontal()
        let p = Self.positions(chart)
        #expect(p.markers.count == 3 && p.labels.count == 3 && p.bars.count == 3)
        for i in 0..<3 {
            // The marker's stroke is 3 wide: its right edge is x + 1.5.
            #expect(p.labels[i] >= p.markers[i] + 1.5 + SVGBarChart.labelGap - 0.05, "row \(i)")
            #expect(p.labels[i] >= p.bars[i] + SVGBarChart.labelGap - 0.05, "row \(i)")
        }
        #expect(chart.contains(">186.24 時間</text>"))
    }

    @Test func aMonthOfLittleShowsItsDecimals() {
        let chart = SVGBarChart(bars: [.init(label: "04月", value: 0.27), .init(label: "05月", value: 1234.5)], unit: "時間").vertical()
        #expect(chart.contains(">0.27</text>"))
        #expect(chart.contains(">1,234.50</text>"))
        #expect(!chart.contains(">0</text>"))
    }
}
