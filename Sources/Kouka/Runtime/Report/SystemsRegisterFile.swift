import Foundation

/// Loads the configured systems register with its display path and SHA-256; nil when none is configured.
enum SystemsRegisterFile {
    static func load(_ configuration: Configuration) throws -> SystemsRegister? {
        guard let path = configuration.systemsPath else { return nil }
        let loaded = try ReportedFileDigest.loading(path) {
            try SystemsRegisterLoader.load(path: $0, displayPath: DisplayPath.of($0, base: DisplayPath.base(ofConfiguration: configuration.path)))
        }
        var register = loaded.value
        register.sha256 = loaded.sha256
        return register
    }
}
