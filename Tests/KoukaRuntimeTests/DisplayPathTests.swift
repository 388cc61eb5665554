@testable import Kouka
import Testing

/// `DisplayPath`: a path inside the configuration's folder is shown relative to it, whatever the folder's
/// spelling; one outside it, or one that only looks inside it, is shown whole.
struct DisplayPathTests {
    @Test(arguments: ["/srv/kouka", "/srv/kouka/"])
    func pathsInsideTheFolderAreShownRelative(base: String) {
        let folder = DisplayPath.Folder(base)
        #expect(folder.display("/srv/kouka/logs/robot01/2024-04-01_Execution.log") == "logs/robot01/2024-04-01_Execution.log")
        #expect(folder.display("/srv/kouka/市民課/申請.csv") == "市民課/申請.csv")
        #expect(folder.display("/srv/kouka/a") == "a")
        #expect(DisplayPath.of("/srv/kouka/a", base: base) == "a")
    }

    @Test func pathsOutsideTheFolderAreShownWhole() {
        let folder = DisplayPath.Folder("/srv/kouka")
        #expect(folder.display("/srv/kouka") == "/srv/kouka", "the folder itself is not inside it")
        #expect(folder.display("/srv/koukas/a.log") == "/srv/koukas/a.log", "a folder whose name only begins the same")
        #expect(folder.display("/other/kouka/a.log") == "/other/kouka/a.log")
        #expect(folder.display("logs/a.log") == "logs/a.log")
    }

    /// A folder or file named in another Unicode normalization is compared as text: the bytes differ, the names do not.
    @Test func aNameInAnotherNormalizationIsComparedAsText() {
        let composed = "/srv/\u{30AC}ラス"          // ガ as one scalar
        let decomposed = "/srv/\u{30AB}\u{3099}ラス" // カ + combining voiced mark
        #expect(DisplayPath.Folder(composed).display(decomposed + "/a.log") == "a.log")
        #expect(DisplayPath.Folder(decomposed).display(composed + "/a.log") == "a.log")
        // A combining mark right after the folder's slash joins it into one character: the bytes are not cut
        // there, and as text the path does not begin with the folder, so it is shown whole.
        let joined = "/srv/kouka/\u{3099}x.log"
        #expect(DisplayPath.Folder("/srv/kouka").display(joined) == joined)
    }
}
