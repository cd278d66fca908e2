// swift-tools-version:6.0
import PackageDescription

// The engine and the bindings touch class-held flat arrays in their hot loops; runtime exclusivity
// checks there cost more than the work itself. Debug builds keep them.
let hotLoopSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

// Modules, each allowed to import only those below it (docs/architecture.md):
//   simrun      the command line
//   LuaBridge   the Lua state, the sandbox and the sim.* bindings (the only code that touches Lua)
//   SimBatch    (over SimReports) params, designs, run records and runs files, summaries, statistics, batch comparisons
//   SimReports  the run report as a value, its JSON/text/HTML writers, run-vs-run comparison
//   SimCharts   SVG documents, scales, axes and charts over plain arrays
//   SimCore     the engine: world, dynamics, random streams, portable maths; imports nothing
//   SimSupport  JSON, SHA-256, text formatting, round steps
let package = Package(
    name: "simrun",
    products: [
        .executable(name: "simrun", targets: ["simrun"])
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
        .target(name: "SimSupport"),
        .target(name: "SimCharts", dependencies: ["SimCore", "SimSupport"]),
        .target(name: "SimReports", dependencies: ["SimCore", "SimCharts", "SimSupport"]),
        .target(name: "SimBatch", dependencies: ["SimReports", "SimCore", "SimCharts", "SimSupport"]),
        // Lua files of LuaBridge (the sandbox prelude) are compiled into it as strings at build time.
        .executableTarget(name: "EmbedLua"),
        .plugin(name: "EmbedLuaPlugin", capability: .buildTool(), dependencies: ["EmbedLua"]),
        .target(
            name: "LuaBridge",
            dependencies: ["SimCore", "SimBatch", "SimReports", "SimSupport", "CLua", "CLuaShim"],
            swiftSettings: hotLoopSettings, plugins: ["EmbedLuaPlugin"]),
        .executableTarget(
            name: "simrun",
            dependencies: ["LuaBridge", "SimBatch", "SimReports", "SimCharts", "SimSupport", "SimCore"]),
        // The ghadames scenario written directly in Swift: the floor simrun is measured against.
        .executableTarget(
            name: "simrun-floor", dependencies: ["SimCore", "SimBatch", "SimReports"], path: "bench/floor",
            exclude: ["README.md"], swiftSettings: hotLoopSettings),
        // Closed forms, fixtures and checks shared by the test targets.
        .target(name: "SimTestSupport", dependencies: ["SimCore"], path: "Tests/SimTestSupport"),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore", "SimTestSupport"]),
        .testTarget(name: "SimChartsTests", dependencies: ["SimCharts", "SimTestSupport"]),
        .testTarget(name: "SimSupportTests", dependencies: ["SimSupport", "SimCore", "SimTestSupport"]),
        .testTarget(name: "SimReportsTests", dependencies: ["SimReports", "SimCore", "SimSupport", "SimTestSupport"]),
        .testTarget(name: "SimBatchTests", dependencies: ["SimBatch", "SimCore", "SimSupport", "SimTestSupport"]),
        .testTarget(
            name: "LuaBridgeTests",
            dependencies: ["LuaBridge", "SimCore", "SimBatch", "SimReports", "SimSupport", "SimTestSupport"]),
        .testTarget(name: "simrunTests", dependencies: ["simrun", "SimSupport", "SimTestSupport"]),
        .testTarget(
            name: "FuzzTests",
            dependencies: ["LuaBridge", "SimBatch", "SimReports", "SimCore", "SimSupport"]),
        .testTarget(
            name: "ValidationTests",
            dependencies: ["LuaBridge", "SimCore", "SimReports", "SimTestSupport"]),
    ]
)
