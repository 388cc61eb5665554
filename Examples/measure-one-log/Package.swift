// swift-tools-version:6.0
// A client of the Kouka library: one log, one catalog, one fiscal year's figures. Depends on Kouka by path, as
// a city's own tool would on a checkout of it.
import PackageDescription

let package = Package(
    name: "measure-one-log",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Kouka", path: "../..")],
    targets: [
        .executableTarget(name: "measure-one-log", dependencies: [.product(name: "Kouka", package: "Kouka")]),
    ]
)
