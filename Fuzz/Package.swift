// swift-tools-version:6.0
// libFuzzer targets for Kouka's parsers, kept out of the main package so its build and tests never pay
// for sanitizers. Build and run with scripts/fuzz.sh.
import PackageDescription

let package = Package(
    name: "KoukaFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Kouka", path: "..")],
    targets: [
        .executableTarget(name: "kouka-fuzz", dependencies: [
            .product(name: "Kouka", package: "Kouka"),
        ]),
    ]
)
