import Foundation
@testable import Kouka
import Testing

/// A source's `department` and `task` are refused where its format does not read them: ignored, they would seem to have
/// applied (helper-181 #1: WinActor and UiPath sources given a department counted every run under the catalog's, exit 0).
struct UnreadSourceNamesTests {
    static func message(_ format: String, _ options: SourceOptions) throws -> String? {
        let make = try #require(FormatRegistry.factories[format])
        do {
            _ = try make(options)
            return nil
        } catch {
            return error.message
        }
    }

    @Test(arguments: ["uipath-execution-log", "winactor-task-csv", "uipath-orchestrator", "power-automate-flowsession", "power-automate-flowrun"])
    func aRobotLogThatNamesNoDepartmentRefusesTheSourcesDepartment(format: String) throws {
        let message = try #require(try Self.message(format, SourceOptions(department: "子育て支援課")))
        #expect(message.hasPrefix("department is read only by rpa-csv, ai-ocr-csv,"), "\(message)")
        #expect(message.contains("give the task its own catalog row (task_id) for each department"))
        #expect(try Self.message(format, SourceOptions()) == nil)
    }

    @Test func aTaskIsRefusedWhereEveryLineNamesOne() throws {
        let message = try #require(try Self.message("winactor-task-csv", SourceOptions(task: "住民票")))
        #expect(message.hasPrefix("task is read only by azure-document-intelligence,"), "\(message)")
        let chatbot = try Self.message("chatbot-csv", SourceOptions(columns: ["task": "カテゴリ", "time": "日時"], task: "FAQ"))
        #expect(chatbot?.hasPrefix("task is read only by") == true, "\(String(describing: chatbot))")
    }

    @Test(arguments: ["azure-document-intelligence", "minutes-transcript", "bot-framework-transcript", "deepl-usage"])
    func aFormatThatReadsThemTakesBoth(format: String) throws {
        #expect(try Self.message(format, SourceOptions(task: "庁議", department: "総務課")) == nil)
    }
}
