// swift-tools-version:6.0
import PackageDescription
#if os(Linux)
import Glibc
#endif

/// The jobs' release builds are linked by lld with packed relative relocations (DT_RELR), where the C library reads them
/// (glibc 2.36, Debian 12) and `ld.lld` is on the PATH. The Swift runtime linked in gives each job some 84,000 relative
/// relocations: packed, their table is 16 KB instead of 2 MB, paged in at every start. Alternated with the default
/// linker's build, a start took 6.9 ms against 7.7, a night with nothing new on a 170 MB export 13.5 ms against 14.8
/// (medians of 150, docs/benchmarks.md, stop 48). The jobs stay position-independent; elsewhere the default linker.
let packedRelocations: [LinkerSetting] = {
    #if os(Linux)
    // "glibc 2.36"
    var text = [CChar](repeating: 0, count: 64)
    _ = confstr(Int32(_CS_GNU_LIBC_VERSION), &text, text.count)
    let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let version = name.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    let readsRELR = version.count >= 2 && (version[0], version[1]) >= (2, 36)
    let path = getenv("PATH").map { String(cString: $0) }?.split(separator: ":") ?? []
    let hasLLD = path.contains { access("\($0)/ld.lld", X_OK) == 0 }
    guard readsRELR, hasLLD else { return [] }
    return [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                         .when(platforms: [.linux], configuration: .release))]
    #else
    return []
    #endif
}()

let package = Package(
    name: "Kouka",
    platforms: [.macOS(.v15)],
    products: [
        // The library: read logs, roll them up and compute a fiscal year's figures, by the code the jobs use.
        .library(name: "Kouka", targets: ["Kouka"]),
        .executable(name: "kouka-nightly", targets: ["kouka-nightly"]),
        .executable(name: "kouka-report", targets: ["kouka-report"]),
        .executable(name: "kouka-audit", targets: ["kouka-audit"]),
    ],
    dependencies: [
        // Structured log lines on stderr; libraries take a Logger and never print.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // A real TOML parser for the configuration IT staff edit by hand (about 20 s of build time).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // `swift package generate-documentation`: the DocC catalog built in CI, with warnings as errors.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CCSV", path: "Sources/CCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CXLSX", path: "Sources/CXLSX", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", providers: [.apt(["libssl-dev"])]),
        // A file's birth time (`statx`), which tells a file deleted and created again from one rewritten.
        .target(name: "CFileTimes", path: "Sources/CFileTimes"),
        // Where libcsv's per-field callbacks put a reader's fields: called directly by libcsv, without a Swift thunk.
        .target(name: "CCSVFields", path: "Sources/CCSVFields"),
        // One module: what a client sees is `public`; what the jobs and tests share beyond that is `package`.
        .target(name: "Kouka", dependencies: [
            "CCSV", "CCSVFields", "CSQLite", "CCrypto", "CXLSX", "CFileTimes",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .executableTarget(name: "kouka-nightly", dependencies: [
            "Kouka",
            .product(name: "Logging", package: "swift-log"),
        ], path: "Jobs/kouka-nightly", linkerSettings: packedRelocations),
        .executableTarget(name: "kouka-report", dependencies: [
            "Kouka",
            .product(name: "Logging", package: "swift-log"),
        ], path: "Jobs/kouka-report", linkerSettings: packedRelocations),
        .executableTarget(name: "kouka-audit", dependencies: [
            "Kouka",
            .product(name: "Logging", package: "swift-log"),
        ], path: "Jobs/kouka-audit", linkerSettings: packedRelocations),
        .testTarget(name: "KoukaCoreTests", dependencies: ["Kouka"]),
        .testTarget(name: "KoukaParsersTests", dependencies: ["Kouka"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KoukaStoreTests", dependencies: ["Kouka"]),
        .testTarget(name: "KoukaRuntimeTests", dependencies: ["Kouka"]),
        // The library as a client uses it: only what `Kouka` makes public, and swift-log.
        .testTarget(name: "KoukaLibraryTests", dependencies: ["Kouka", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "JobTests", dependencies: ["kouka-nightly", "kouka-report", "kouka-audit"], exclude: ["Support/read_xlsx.py"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("ExistentialAny")]
}
