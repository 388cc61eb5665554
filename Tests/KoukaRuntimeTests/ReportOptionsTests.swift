import Foundation
@testable import Kouka
import Testing

/// The generation time a report states is whole seconds: its text rounds a fraction, the workbook cuts it off, and
/// verify renders the workbook again from the text's time.
struct ReportOptionsTests {
    @Test(arguments: [0.0, 0.4, 0.9996])
    func theGenerationTimeIsWholeSeconds(fraction: Double) {
        var options = ReportOptions(period: .fiscalYear(FiscalYear(2024)), generatedAt: Date(timeIntervalSince1970: 1_764_745_160 + fraction))
        #expect(options.generatedAt.timeIntervalSince1970 == 1_764_745_160)
        options.generatedAt = Date(timeIntervalSince1970: 1_764_745_161 + fraction)
        #expect(options.generatedAt.timeIntervalSince1970 == 1_764_745_161)
    }
}
