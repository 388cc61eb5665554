@testable import Kouka
import Testing

/// A job's man page, from the same description as its `--help`.
@Suite struct JobManualPageTests {
    @Test func thePageNamesEveryShownOptionAndSubcommandAsRoffReadsIt() {
        let page = JobManualPage.render(JobCommandLineTests.audit, date: "2026-12-06")
        #expect(page.hasPrefix(".TH KOUKA\\-CHECK 1 \"2026-12-06\" \"Kouka \(KoukaVersion.current)\" \"Kouka Manual\"\n.SH NAME\nkouka\\-check \\- Checks.\n"))
        #expect(page.contains("\n.TP\n.B targets (default)\nTargets.\n"))
        #expect(page.contains("\n.SS \"kouka\\-check verify\"\n"))
        #expect(page.contains("\n.TP\n\\fB\\-\\-fiscal\\-year\\fR \\fIfiscal\\-year\\fR\nOnly this year.\n"))
        let job = JobManualPage.render(JobCommandLineTests.job, date: "2026-12-06")
        #expect(job.contains("\n.TP\n\\fB\\-c\\fR, \\fB\\-\\-config\\fR \\fIconfig\\fR\nThe configuration file (TOML). (default: kouka.toml)\n"))
        #expect(!job.contains("today"), "a hidden option stays out of the page")
        #expect(job.contains("\n.SH \"EXIT STATUS\"\n.TP\n.B 0\ndone\n"))
        #expect(job.contains("\n.SH DESCRIPTION\nA job.\n.PP\nIt prints its summary on standard output as JSON"))
    }

    @Test func textCannotStartARequestOrHideABackslash() {
        #expect(JobManualPage.escape(".hidden") == "\\&.hidden")
        #expect(JobManualPage.escape("'quoted") == "\\&'quoted")
        #expect(JobManualPage.escape("a\\b-c") == "a\\eb\\-c")
    }
}
