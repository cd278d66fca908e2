// EmbedLuaPlugin: a build-tool plugin that embeds a target's `.lua` files into its code at build
// time (through the EmbedLua tool), so the Lua stays a real file — read, linted and tested as Lua —
// and the statically linked binary still carries it wherever it goes.
import Foundation
import PackagePlugin

@main
struct EmbedLuaPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let tool = try context.tool(named: "EmbedLua")
        return target.sourceFiles.filter { $0.url.pathExtension == "lua" }.map { file in
            let output = context.pluginWorkDirectoryURL
                .appendingPathComponent(file.url.deletingPathExtension().lastPathComponent + ".lua.swift")
            return .buildCommand(
                displayName: "Embedding \(file.url.lastPathComponent)", executable: tool.url,
                arguments: [file.url.path, output.path], inputFiles: [file.url],
                outputFiles: [output])
        }
    }
}
