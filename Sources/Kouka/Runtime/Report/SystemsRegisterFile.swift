import Foundation

/// Loads the configured systems register with its display path and SHA-256; nil when none is configured.
enum SystemsRegisterFile {
    static func load(_ configuration: Configuration) throws -> SystemsRegister? {
        guard let path = configuration.systemsPath else { return nil }
        var register = try SystemsRegisterLoader.load(path: path, displayPath: DisplayPath.of(path, base: DisplayPath.base(ofConfiguration: configuration.path)))
        register.sha256 = try ReportedFileDigest.sha256(of: path)
        return register
    }
}
