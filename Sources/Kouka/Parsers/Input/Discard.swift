import Foundation

/// Letting go of what Kouka made or opened only to read: a temporary copy or folder, a file handle read from.
/// Neither can change a figure — everything was read from it before, or the error that ended the reading is
/// already being thrown — so a failure here is not the job's: a copy left behind costs space in the temporary
/// folder, a read handle that fails to close has lost nothing. A handle written to is closed with `try`, where
/// a failed close means a copy that may be short.
enum Discard {
    /// Removes a temporary file or folder Kouka made.
    static func temporary(_ url: URL) {
        do { try FileManager.default.removeItem(at: url) } catch {}
    }

    /// Closes a handle that was only read from (or whose output is being thrown away).
    static func handle(_ handle: FileHandle) {
        do { try handle.close() } catch {}
    }
}
