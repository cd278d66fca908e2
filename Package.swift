// swift-tools-version:6.0
import PackageDescription

// The engine and the bindings touch class-held flat arrays in their hot loops; runtime exclusivity
// checks there cost more than the work itself. Debug builds keep them.
let hotLoopSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

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
        .target(name: "SimCore", swiftSettings: hotLoopSettings),
        // Lua files of LuaBridge (the sandbox prelude) are compiled into it as strings at build time.
        .executableTarget(name: "EmbedLua"),
        .plugin(name: "EmbedLuaPlugin", capability: .buildTool(), dependencies: ["EmbedLua"]),
        .target(name: "LuaBridge", dependencies: ["SimCore", "CLua", "CLuaShim"], swiftSettings: hotLoopSettings,
                plugins: ["EmbedLuaPlugin"]),
        .executableTarget(name: "simrun", dependencies: ["SimCore", "LuaBridge"]),
        // The ghadames scenario written directly in Swift: the floor simrun is measured against.
        .executableTarget(name: "simrun-floor", dependencies: ["SimCore"], path: "bench/floor",
                          exclude: ["README.md"], swiftSettings: hotLoopSettings),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore"]),
        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "SimCore"]),
        .testTarget(name: "simrunTests", dependencies: ["simrun"]),
        .testTarget(name: "ValidationTests", dependencies: ["LuaBridge", "SimCore"]),
    ]
)
