// LuaThread: runs a closure on a thread with a large stack and waits for it. Lua's C stack use
// (nested calls, the pattern matcher, the parser) must never meet the small default stack.
import Foundation

enum LuaThread {
    /// Stack size of every thread that runs Lua: deep enough for LUAI_MAXCCALLS nested C calls
    /// with Swift frames between them.
    static let stackSize = 64 << 20

    /// Runs `body` on a new thread with a `stackSize` stack and returns its result.
    static func run<T>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.value!
    }
}

extension LuaThread {
    /// Runs `body(worker)` for workers 0 ..< count on as many large-stack threads, calling `tick`
    /// on the calling thread about every `interval` seconds until all have returned.
    static func runAll(count: Int, interval: Double, tick: () -> Void, _ body: @escaping @Sendable (Int) -> Void) {
        let done = DispatchSemaphore(value: 0)
        for worker in 0..<count {
            let thread = Thread {
                body(worker)
                done.signal()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        var finished = 0
        while finished < count {
            if done.wait(timeout: .now() + interval) == .success {
                finished += 1
            } else {
                tick()
            }
        }
    }
}

/// Hands a value from the worker thread to the waiting one; the semaphore orders the accesses.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
