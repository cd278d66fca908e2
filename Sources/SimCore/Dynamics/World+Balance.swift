// World+Balance: dynamic 4 — structural balance (the friend of my enemy becomes my enemy) and the
// decay of every alignment toward its baseline — and the balance index that measures the first.

extension World {
    /// Largest change of one alignment in one Euler substep: small enough that the update stays stable.
    private static let balanceStepLimit = 0.05

    /// Euler substeps structural balance takes this tick: enough that no alignment moves more than
    /// `balanceStepLimit` in one. A pair's drive Σ_k A_ik·A_kj is at most row i's Σ_k |A_ik|, so the
    /// largest row sum bounds every drive; an agent with no relations adds nothing to it.
    var balanceSubsteps: Int {
        let n = agentCount
        var largest = 0.0
        alignment.withUnsafeBufferPointer { a in
            guard var row = a.baseAddress else { return }
            for _ in 0..<n {
                var sum = 0.0
                for j in 0..<n { sum += abs(row[j]) }
                largest = max(largest, sum)
                row += n
            }
        }
        return max(1, Int((abs(dynamics.balance) * tickDays * largest / World.balanceStepLimit).rounded(.up)))
    }

    /// Dynamic 4a: dA_ij/dt = balance·(1 − A_ij²)·Σ_{k≠i,j} A_ik·A_kj for i ≠ j — each triad pulls
    /// at the same rate however many agents the world declares — by explicit Euler substeps over
    /// the tick, clamped to [−1, 1].
    func applyStructuralBalance() {
        let n = agentCount
        let rate = dynamics.balance
        guard n >= 3, rate != 0, tickDays > 0 else { return }
        let substeps = balanceSubsteps
        balanceSubstepsLastTick = substeps
        let gain = rate * (tickDays / Double(substeps))
        if pairScratch.count != n * n { pairScratch = [Double](repeating: 0, count: n * n) }
        alignment.withUnsafeMutableBufferPointer { a in
            pairScratch.withUnsafeMutableBufferPointer { p in
                for _ in 0..<substeps {
                    // With a zero diagonal, (A·A)_ij is exactly the sum over k ≠ i, j.
                    World.square(a, into: p, n)
                    for i in 0..<n {
                        let row = i * n
                        for j in 0..<n where j != i {
                            let v = a[row + j]
                            a[row + j] = min(1, max(-1, v + gain * (1 - v * v) * p[row + j]))
                        }
                    }
                }
            }
        }
    }

    /// Dynamic 4b: every alignment moves toward its baseline by the share 1 − exp(−decay·dt).
    func applyDecay() {
        let rate = dynamics.decay
        guard rate != 0 else { return }
        let pull = -PortableMath.expm1(-rate * tickDays)
        // The diagonal is 0 in both matrices, so it stays 0.
        baseline.withUnsafeBufferPointer { target in
            alignment.withUnsafeMutableBufferPointer { a in
                for p in a.indices { a[p] += (target[p] - a[p]) * pull }
            }
        }
    }

    /// Share of balanced triads, each triad {i, j, k} weighted by |p_ij·p_jk·p_ik| with the
    /// symmetrised p_ij = (A_ij + A_ji)/2; balanced when that product is positive. 1 when no
    /// triad has weight.
    package func balanceIndex() -> Double {
        let n = agentCount
        guard n >= 3 else { return 1 }
        if pairScratch.count != n * n { pairScratch = [Double](repeating: 0, count: n * n) }
        var balanced = 0.0, total = 0.0
        alignment.withUnsafeBufferPointer { a in
            pairScratch.withUnsafeMutableBufferPointer { p in
                guard let a = a.baseAddress, let p = p.baseAddress else { return }
                // The upper triangle of the symmetrised matrix is all the triads read: row i of A
                // from i + 1 on, and column i of A (how each j stands toward i) by pointer.
                for i in 0..<n {
                    let row = a + i * n, out = p + i * n
                    var column = a + (i + 1) * n + i
                    for j in (i + 1)..<n {
                        out[j] = (row[j] + column.pointee) / 2
                        column += n
                    }
                }
                for i in 0..<n {
                    let rowI = p + i * n
                    for j in (i + 1)..<n where rowI[j] != 0 {
                        let pij = rowI[j], rowJ = p + j * n
                        for k in (j + 1)..<n {
                            let product = pij * rowJ[k] * rowI[k]
                            total += abs(product)
                            // Adding 0 leaves a non-negative sum as it was: a select, not a branch.
                            balanced += product > 0 ? product : 0
                        }
                    }
                }
            }
        }
        return total > 0 ? balanced / total : 1
    }

    /// `p[i * n + j]` = (A_ij + A_ji)/2: how a pair stands, whoever looks.
    func symmetrizedAlignment() -> [Double] {
        let n = agentCount
        var p = [Double](repeating: 0, count: n * n)
        alignment.withUnsafeBufferPointer { a in
            p.withUnsafeMutableBufferPointer { p in
                for i in 0..<n {
                    for j in (i + 1)..<n {
                        let pair = (a[i * n + j] + a[j * n + i]) / 2
                        p[i * n + j] = pair
                        p[j * n + i] = pair
                    }
                }
            }
        }
        return p
    }

    /// p = a·a for n×n row-major matrices. Blocks of 4 rows × 4 columns of p accumulate in
    /// registers over the whole sum, so the loop over k loads two vectors of a row of a and four
    /// scalars per 16 multiply-adds instead of loading and storing p each time; the edges that do
    /// not fill a block keep their sums in registers too.
    private static func square(
        _ a: UnsafeMutableBufferPointer<Double>,
        into p: UnsafeMutableBufferPointer<Double>, _ n: Int
    ) {
        guard let a = UnsafePointer(a.baseAddress), let p = p.baseAddress else { return }
        let blocked = n - n % 4
        for i in stride(from: 0, to: blocked, by: 4) {
            let r0 = a + i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n
            for j in stride(from: 0, to: blocked, by: 4) {
                var c00 = SIMD2<Double>(), c01 = SIMD2<Double>(), c10 = SIMD2<Double>(), c11 = SIMD2<Double>()
                var c20 = SIMD2<Double>(), c21 = SIMD2<Double>(), c30 = SIMD2<Double>(), c31 = SIMD2<Double>()
                // Row k of the block's columns, stepped by a pointer: no index product per k.
                var b = a + j
                for k in 0..<n {
                    let b0 = SIMD2(b[0], b[1]), b1 = SIMD2(b[2], b[3])
                    b += n
                    let x0 = SIMD2(repeating: r0[k]), x1 = SIMD2(repeating: r1[k])
                    let x2 = SIMD2(repeating: r2[k]), x3 = SIMD2(repeating: r3[k])
                    c00 += x0 * b0; c01 += x0 * b1
                    c10 += x1 * b0; c11 += x1 * b1
                    c20 += x2 * b0; c21 += x2 * b1
                    c30 += x3 * b0; c31 += x3 * b1
                }
                // Stored row by row without an array of the four rows, which would be allocated per block.
                let out = p + i * n + j
                (out + 0 * n).storeBlockRow(c00, c01)
                (out + 1 * n).storeBlockRow(c10, c11)
                (out + 2 * n).storeBlockRow(c20, c21)
                (out + 3 * n).storeBlockRow(c30, c31)
            }
        }
        // Edges: the last n % 4 columns of the blocked rows, one sum at a time held in a register,
        // then the last n % 4 rows, two columns at a time. Each sum runs over k in order from 0, as
        // in the blocks, so every entry is the same sum to the last bit.
        for i in 0..<blocked {
            for j in blocked..<n {
                p[i * n + j] = dot(row: a + i * n, column: a + j, n)
            }
        }
        for i in blocked..<n {
            var j = 0
            while j + 2 <= n {
                var sum = SIMD2<Double>()
                var b = a + j
                for k in 0..<n {
                    sum += SIMD2(repeating: a[i * n + k]) * SIMD2(b[0], b[1])
                    b += n
                }
                p[i * n + j] = sum[0]
                p[i * n + j + 1] = sum[1]
                j += 2
            }
            if j < n { p[i * n + j] = dot(row: a + i * n, column: a + j, n) }
        }
    }

    /// Σ_k row[k]·column[k·n], summed over k in order from 0.
    private static func dot(row: UnsafePointer<Double>, column: UnsafePointer<Double>, _ n: Int) -> Double {
        var sum = 0.0
        var b = column
        for k in 0..<n {
            sum += row[k] * b[0]
            b += n
        }
        return sum
    }
}

extension UnsafeMutablePointer<Double> {
    /// Writes four consecutive values: the two halves of one row of a 4×4 block.
    fileprivate func storeBlockRow(_ left: SIMD2<Double>, _ right: SIMD2<Double>) {
        self[0] = left[0]; self[1] = left[1]; self[2] = right[0]; self[3] = right[1]
    }
}
