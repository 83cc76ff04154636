// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "isp-wizard",
    products: [
        .executable(name: "isp-wizard", targets: ["isp-wizard"]),
        .executable(name: "isp-ballot", targets: ["isp-ballot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The ballot server's sockets: only its FlyingSocks layer, on FoundationEssentials (the HTTP is isp-ballot's
        // own). Only isp-ballot links it, so the wizard's binary stays as it is.
        .package(url: "https://github.com/swhitty/FlyingFox", .upToNextMinor(from: "0.27.1")),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            path: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            path: "CQRencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(name: "DisplayWidth"),
        .target(name: "Messages"),
        .target(name: "CatalogTools", dependencies: ["Messages"]),
        .executableTarget(name: "isp-catalog", dependencies: ["CatalogTools"]),
        .target(name: "ISPCore", dependencies: ["DisplayWidth", "Messages"]),
        .target(name: "ISPFiles", dependencies: ["ISPCore", "Messages"]),
        .target(name: "TerminalUI", dependencies: ["DisplayWidth"]),
        .target(name: "NcursesBackend", dependencies: ["CNcurses", "TerminalUI"]),
        .target(name: "Wizard", dependencies: ["BallotWire", "ISPCore", "ISPFiles", "Messages", "TerminalUI"]),
        .executableTarget(
            name: "isp-wizard",
            dependencies: [
                "ISPCore", "ISPFiles", "Messages", "TerminalUI", "NcursesBackend", "Wizard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "BallotWire", dependencies: ["Messages"]),
        .target(
            name: "BallotServer",
            dependencies: [
                "BallotWire", "Messages", "CQRencode", .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(name: "isp-ballot", dependencies: ["BallotServer"]),
        .testTarget(name: "DisplayWidthTests", dependencies: ["DisplayWidth"]),
        .target(
            name: "ISPTestSupport", dependencies: ["ISPCore", "ISPFiles"], path: "Tests/ISPTestSupport",
            exclude: ["Fixtures"]),
        .testTarget(name: "ISPCoreTests", dependencies: ["ISPCore", "ISPFiles", "ISPTestSupport", "DisplayWidth"]),
        .testTarget(name: "ISPFilesTests", dependencies: ["ISPCore", "ISPFiles", "ISPTestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "WizardTests",
            dependencies: ["BallotWire", "Wizard", "ISPCore", "ISPFiles", "ISPTestSupport", "Messages", "TerminalUI"],
            exclude: ["Golden"]),
        .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend", "TerminalUI", "CNcurses"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ISPCore", "ISPFiles"]),
        .testTarget(name: "MessagesTests", dependencies: ["Messages", "CatalogTools"]),
        .testTarget(
            name: "BallotTests",
            dependencies: ["BallotWire", "BallotServer", "Messages", "ISPCore", "ISPFiles", "TerminalUI", "Wizard"]),
    ],
    swiftLanguageModes: [.v6]
)
