// World+StreamsTests: the script's stream switched for the length of a body — a policy's draws come
// from its agent's stream, and the script's stream is back afterwards, even when the body throws.
import Testing

@testable import SimCore

struct WorldStreamsTests {
    @Test("the script draws from the stream given while the body runs, then from its own again")
    func switchesAndRestores() {
        let world = World(seed: 9)
        world.addAgent(Agent(id: "a", name: "A", kind: "state"))
        var policyStream = RandomSource(seed: 9, stream: "policy:a")
        var scriptStream = RandomSource(seed: 9, stream: "script")
        var drawn: UInt64 = 0
        try? world.withScriptStream(RandomStream.policy(of: 0)) { () throws(RunFailure) in
            #expect(world.scriptStream == RandomStream.policy(of: 0))
            drawn = world.drawScript { $0.next() }
        }
        #expect(drawn == policyStream.next())
        #expect(world.scriptStream == RandomStream.script)
        #expect(world.drawScript { $0.next() } == scriptStream.next())
    }

    @Test("a body that throws still gives the script its own stream back")
    func restoresOnThrow() {
        let world = World(seed: 9)
        world.addAgent(Agent(id: "a", name: "A", kind: "state"))
        #expect(throws: RunFailure.self) {
            try world.withScriptStream(RandomStream.policy(of: 0)) { () throws(RunFailure) in
                throw RunFailure(.error, "boom")
            }
        }
        #expect(world.scriptStream == RandomStream.script)
    }
}
