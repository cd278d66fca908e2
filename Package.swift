// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "simrun",
    products: [
        .executable(name: "simrun", targets: ["simrun"]),
    ],
    targets: [
        .systemLibrary(
            name: "CLua",
            path: "Sources/CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .target(name: "CLuaShim", dependencies: ["CLua"], path: "Sources/CLuaShim"),
        .target(name: "SimCore"),
        .target(name: "LuaBridge", dependencies: ["SimCore", "CLua", "CLuaShim"]),
        .executableTarget(name: "simrun", dependencies: ["SimCore", "LuaBridge"]),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore"]),
        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "SimCore"]),
        .testTarget(name: "simrunTests", dependencies: ["simrun"]),
    ]
)
