import Foundation
import Kouka
import Testing

/// The digest a report states for its catalog is of the bytes whose baselines it used: a catalog saved again while it
/// is read (or while a report waited for the nightly run, before this) stops the job.
@Suite struct ReportedFileDigestTests {
    @Test func theDigestIsOfTheBytesRead() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let path = city.root.appendingPathComponent("catalog.csv").path
        let (catalog, sha256) = try ReportedFileDigest.loading(path) { try TaskCatalogLoader.load(path: $0) }
        #expect(catalog.entries.count == 3)
        #expect(sha256 == SHA256.hexDigest(ofFile: path))
    }

    @Test func aCatalogReplacedWhileItIsReadStopsTheJob() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let path = city.root.appendingPathComponent("catalog.csv").path
        let error = #expect(throws: ReportedFileUnreadable.self) {
            try ReportedFileDigest.loading(path) { path in
                let catalog = try TaskCatalogLoader.load(path: path)
                try city.write("catalog.csv", TemporaryCity.catalog.replacingOccurrences(of: ",180,15,", with: ",200,15,"))
                return catalog
            }
        }
        #expect(error?.reason.contains("changed while it was read") == true)
        // Not a log's read failure, which says the file is skipped and read again next run.
        #expect(error?.description.contains("skipped") == false)
    }
}
