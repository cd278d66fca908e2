/* kernel: the dense arithmetic of one ghadames run, repeated for N runs, and nothing else: the
 * bound below which no engine running the model can go on this machine (README.md).
 *
 *   cc -O2 -o kernel bench/kernel/kernel.c -lm && ./kernel [runs]
 *
 * Per run, on 13 agents: the balance index of the starting alignments (tick 0's metric), then 120
 * ticks of structural balance (the largest row sum of |A| for the substep count, A·A, the update
 * a + gain·(1 − a²)·p clamped to [−1, 1] off the diagonal), decay toward the baselines and the balance
 * index over the 286 triads (the tick's metric); then RK4_STEPS steps of the two-sided square law
 * under step-doubling error control, as World+Combat.swift. Each run starts from different
 * alignments so that no run can be computed once for all; the checksum it prints keeps the compiler
 * from removing any of it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N 13
#define TICKS 120
/* RK4 steps of combat in a ghadames run: counted in simrun (README.md). */
#define RK4_STEPS 27

static const double balance_rate = 0.001, decay_rate = 0.01, tick_days = 1.0, step_limit = 0.05;

/* Largest row sum of |A|: Euler substeps of structural balance this tick. */
static int substeps(const double *a) {
    double largest = 0;
    for (int i = 0; i < N; i++) {
        double sum = 0;
        for (int j = 0; j < N; j++) sum += fabs(a[i * N + j]);
        if (sum > largest) largest = sum;
    }
    int s = (int)ceil(fabs(balance_rate) * tick_days * largest / step_limit);
    return s < 1 ? 1 : s;
}

/* Dynamic 4a: p = a·a, then a_ij += gain·(1 − a_ij²)·p_ij for i ≠ j, clamped. */
static void structural_balance(double *a) {
    double p[N * N];
    int steps = substeps(a);
    double gain = balance_rate * (tick_days / steps);
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) p[i * N + j] = 0;
            for (int k = 0; k < N; k++) {
                double aik = a[i * N + k];
                /* The last column apart: GCC's -O2 vectorizes only loops that need no remainder,
                 * so the first 12 go in pairs. The same operations on every element either way. */
                for (int j = 0; j < N - 1; j++) p[i * N + j] += aik * a[k * N + j];
                p[i * N + N - 1] += aik * a[k * N + N - 1];
            }
        }
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                if (j == i) continue;
                double v = a[i * N + j];
                double w = v + gain * (1 - v * v) * p[i * N + j];
                a[i * N + j] = w < -1 ? -1 : w > 1 ? 1 : w;
            }
    }
}

/* Dynamic 4b: every alignment moves toward its baseline by 1 − exp(−decay·dt). */
static void decay(double *a, const double *baseline, double pull) {
    for (int q = 0; q < N * N; q++) a[q] += (baseline[q] - a[q]) * pull;
}

/* Share of balanced triads, weighted by |p_ij·p_jk·p_ik| with p = (A + A')/2. */
static double balance_index(const double *a) {
    double p[N * N];
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++) p[i * N + j] = p[j * N + i] = (a[i * N + j] + a[j * N + i]) / 2;
    double balanced = 0, total = 0;
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++) {
            double pij = p[i * N + j];
            if (pij == 0) continue;
            for (int k = j + 1; k < N; k++) {
                double product = pij * p[j * N + k] * p[i * N + k];
                total += fabs(product);
                if (product > 0) balanced += product;
            }
        }
    return total > 0 ? balanced / total : 1;
}

/* One RK4 step of x0' = −e1·x1, x1' = −e0·x0; d01, d10: what each side took from the other. */
static void rk4(double e0, double e1, double x0, double x1, double h, double *y0, double *y1, double *d01,
                double *d10) {
    double half = h / 2;
    double a01 = e0 * x0, a10 = e1 * x1;
    double b01 = e0 * (x0 - half * a10), b10 = e1 * (x1 - half * a01);
    double c01 = e0 * (x0 - half * b10), c10 = e1 * (x1 - half * b01);
    double f01 = e0 * (x0 - h * c10), f10 = e1 * (x1 - h * c01);
    *d01 = h / 6 * (a01 + 2 * b01 + 2 * c01 + f01);
    *d10 = h / 6 * (a10 + 2 * b10 + 2 * c10 + f10);
    *y0 = x0 - *d10;
    *y1 = x1 - *d01;
}

/* `steps` RK4 steps of a two-sided battle under step doubling (a whole step and two half steps
 * per attempt, the step length adapted to the error), fresh forces whenever one side is spent. */
static double combat(int steps, double seed) {
    const double e0 = 0.045, e1 = 0.04, relative = 1e-9, absolute = 1e-12;
    double x0 = 1500 + seed, x1 = 300 + seed, h = 1, sum = 0;
    while (steps >= 3) {
        double w0, w1, s0, s1, t0, t1, u01, u10, v01, v10;
        rk4(e0, e1, x0, x1, h, &w0, &w1, &u01, &u10);
        rk4(e0, e1, x0, x1, h / 2, &s0, &s1, &u01, &u10);
        rk4(e0, e1, s0, s1, h / 2, &t0, &t1, &v01, &v10);
        steps -= 3;
        double floor = absolute * (x0 + x1);
        double e = fmax(fabs(t0 - w0) / (relative * x0 + floor), fabs(t1 - w1) / (relative * x1 + floor));
        h = e > 0 ? fmin(5 * h, 0.9 * h * pow(e, -0.2)) : 5 * h;
        if (h > 1) h = 1;
        sum += u01 + v01 + u10 + v10;
        x0 = t0;
        x1 = t1;
        if (x0 <= 1 || x1 <= 1) {
            x0 = 1500 + seed;
            x1 = 300 + seed;
        }
    }
    return sum + x0 + x1;
}

int main(int argc, char **argv) {
    int runs = argc > 1 ? atoi(argv[1]) : 1000;
    double pull = -expm1(-decay_rate * tick_days);
    double a[N * N], baseline[N * N];
    double checksum = 0;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int run = 0; run < runs; run++) {
        /* Alignments in [−0.8, 0.8] that differ from run to run, a zero diagonal. */
        unsigned state = 2654435761u * (unsigned)(run + 1);
        for (int q = 0; q < N * N; q++) {
            state = state * 1664525u + 1013904223u;
            a[q] = q % (N + 1) == 0 ? 0 : ((double)(state >> 8) / (1u << 24) - 0.5) * 1.6;
            baseline[q] = a[q];
        }
        checksum += balance_index(a);
        for (int tick = 0; tick < TICKS; tick++) {
            structural_balance(a);
            decay(a, baseline, pull);
            checksum += balance_index(a);
        }
        checksum += combat(RK4_STEPS, run % 7);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("runs %d  seconds %.6f  ms/run %.5f  checksum %.17g\n", runs, seconds, 1000 * seconds / runs, checksum);
    return 0;
}
