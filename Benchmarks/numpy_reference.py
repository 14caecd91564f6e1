#!/usr/bin/env python3
"""The NumPy side of Benchmarks/learning.sh: the three trainings of learning-benchmark.

Same networks, same data, same starting weights (drawn from the same SplitMix64 streams
as Learning's `SplitMix64.uniform()`), same update rules, same number of steps; only the
training loop is timed. Written the way a NumPy user would write it: one array expression
per formula, no gradient for the input of the first layer (nothing uses it).

Usage: numpy_reference.py DIGITS_CSV [--repeat N] [wide|tiny|digits ...]
Prints one line per workload: `<name> seconds=<s> loss=<final cost>`, the time being the
fastest of N runs (default 1).
"""
import sys
import time

import numpy as np

MASK = (1 << 64) - 1


class SplitMix64:
    """Steele, Lea and Flood's SplitMix64, as in Sources/Learning/SplitMix64.swift."""

    GAMMA = 0x9E3779B97F4A7C15

    def __init__(self, seed):
        self.state = seed & MASK

    @staticmethod
    def mix(z):
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next(self):
        self.state = (self.state + self.GAMMA) & MASK
        return self.mix(self.state)

    def uniform_array(self, count):
        """`count` draws of uniform() at once: output i mixes state + (i + 1) * gamma."""
        steps = np.arange(1, count + 1, dtype=np.uint64)
        z = np.uint64(self.state) + steps * np.uint64(self.GAMMA)  # wraps modulo 2^64
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
        self.state = (self.state + count * self.GAMMA) & MASK
        return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53

    def uniform_matrix(self, rows, columns, low, high):
        """Row by row, low + (high - low) u: Learning's `uniform(in:)` and `.uniform(scale:)`."""
        return low + (high - low) * self.uniform_array(rows * columns).reshape(rows, columns)

    def index_below(self, n):
        """Uniform in 0..<n by rejection, as `SplitMix64.index(below:)`."""
        limit = MASK - ((MASK % n) + 1) % n
        while True:
            draw = self.next()
            if draw <= limit:
                return draw % n

    def permutation(self, count):
        """Fisher-Yates from the top, as `SplitMix64.permutation(_:)`."""
        order = list(range(count))
        for i in range(count - 1, 0, -1):
            j = self.index_below(i + 1)
            order[i], order[j] = order[j], order[i]
        return np.array(order)


def sigmoid(z):
    """1 / (1 + e^-z) for z >= 0 and e^z / (1 + e^z) below, as Learning's `Sigmoid`."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def binary_cross_entropy(a, y):
    a = np.clip(a, 1e-12, 1 - 1e-12)
    return np.mean(np.sum(-(y * np.log(a) + (1 - y) * np.log(1 - a)), axis=0))


def cross_entropy(a, y):
    return np.mean(np.sum(-y * np.log(np.maximum(a, 1e-12)), axis=0))


def wide_data():
    """12288 inputs, 209 examples, labels 0/1 (positives 0.1 brighter), as learning-benchmark."""
    g = SplitMix64(1)
    y = (np.array([g.next() >> 63 for _ in range(209)], dtype=np.float64)).reshape(1, 209)
    x = g.uniform_matrix(12288, 209, 0.0, 1.0) + 0.1 * y
    return x, y


def wide(iterations=500, learning_rate=0.01):
    """12288-8-1, ReLU then sigmoid, binary cross-entropy, full-batch gradient descent.

    Like `Network.train(inputs:expected:loss:optimizer:iterations:)`: the cost of every
    forward pass is computed (to stop on NaN), and a last forward pass gives the final cost.
    """
    x, y = wide_data()
    g = SplitMix64(2)
    w1, b1 = g.uniform_matrix(8, 12288, -0.01, 0.01), np.zeros((8, 1))
    w2, b2 = g.uniform_matrix(1, 8, -0.01, 0.01), np.zeros((1, 1))
    m = x.shape[1]
    start = time.perf_counter()
    for iteration in range(iterations + 1):
        a1 = np.maximum(w1 @ x + b1, 0)
        a2 = sigmoid(w2 @ a1 + b2)
        cost = binary_cross_entropy(a2, y)
        if not np.isfinite(cost):
            sys.exit(f"wide: cost became {cost} at iteration {iteration}")
        if iteration == iterations:
            break
        dz2 = (a2 - y) / m
        dw2, db2 = dz2 @ a1.T, dz2.sum(axis=1, keepdims=True)
        dz1 = (w2.T @ dz2) * (a1 > 0)
        dw1, db1 = dz1 @ x.T, dz1.sum(axis=1, keepdims=True)
        w1 -= learning_rate * dw1
        b1 -= learning_rate * db1
        w2 -= learning_rate * dw2
        b2 -= learning_rate * db2
    return time.perf_counter() - start, cost


def tiny(steps=100_000, learning_rate=0.5):
    """2-2-2 sigmoid network on one example, mean squared error, gradient descent (as `wide`)."""
    x, y = np.array([[0.05], [0.10]]), np.array([[0.01], [0.99]])
    w1, b1 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.35], [0.35]])
    w2, b2 = np.array([[0.40, 0.45], [0.50, 0.55]]), np.array([[0.60], [0.60]])
    m = x.shape[1]
    start = time.perf_counter()
    for step in range(steps + 1):
        a1 = sigmoid(w1 @ x + b1)
        a2 = sigmoid(w2 @ a1 + b2)
        cost = np.mean(np.sum(0.5 * (a2 - y) ** 2, axis=0))
        if not np.isfinite(cost):
            sys.exit(f"tiny: cost became {cost} at step {step}")
        if step == steps:
            break
        dz2 = (a2 - y) / m * (a2 * (1 - a2))
        dw2, db2 = dz2 @ a1.T, dz2.sum(axis=1, keepdims=True)
        dz1 = (w2.T @ dz2) * (a1 * (1 - a1))
        dw1, db1 = dz1 @ x.T, dz1.sum(axis=1, keepdims=True)
        w1 -= learning_rate * dw1
        b1 -= learning_rate * db1
        w2 -= learning_rate * dw2
        b2 -= learning_rate * db2
    return time.perf_counter() - start, cost


def digits(path, epochs=20, batch=32, learning_rate=0.05, momentum=0.9):
    """64-32-10, tanh then softmax, cross-entropy, mini-batch SGD with momentum.

    Like the mini-batch `Network.train`: each batch's cost is computed (to stop on NaN), and
    the cost on the whole set before training and after every epoch.
    """
    table = np.loadtxt(path, delimiter=",")
    x = table[:, :64].T / 16
    y = np.eye(10)[table[:, 64].astype(int)].T
    g = SplitMix64(3)
    w1, b1 = g.uniform_matrix(32, 64, -0.1, 0.1), np.zeros((32, 1))
    w2, b2 = g.uniform_matrix(10, 32, -0.1, 0.1), np.zeros((10, 1))
    parameters = [w1, b1, w2, b2]
    velocities = [np.zeros_like(p) for p in parameters]
    shuffle = SplitMix64(4)
    orders = [shuffle.permutation(x.shape[1]) for _ in range(epochs)]  # drawn before timing

    def whole_set_cost():
        return cross_entropy(softmax(w2 @ np.tanh(w1 @ x + b1) + b2), y)

    start = time.perf_counter()
    cost = whole_set_cost()
    for epoch, order in enumerate(orders, start=1):
        for first in range(0, len(order), batch):
            columns = order[first:first + batch]
            xb, yb = x[:, columns], y[:, columns]
            a1 = np.tanh(w1 @ xb + b1)
            a2 = softmax(w2 @ a1 + b2)
            batch_cost = cross_entropy(a2, yb)
            if not np.isfinite(batch_cost):
                sys.exit(f"digits: cost became {batch_cost} in epoch {epoch}")
            dz2 = (a2 - yb) / xb.shape[1]
            dw2, db2 = dz2 @ a1.T, dz2.sum(axis=1, keepdims=True)
            dz1 = (w2.T @ dz2) * (1 - a1 * a1)
            dw1, db1 = dz1 @ xb.T, dz1.sum(axis=1, keepdims=True)
            for p, v, d in zip(parameters, velocities, [dw1, db1, dw2, db2]):
                v *= momentum
                v -= learning_rate * d
                p += v
        cost = whole_set_cost()
    return time.perf_counter() - start, cost


def formatted(cost):
    """10 decimals, or scientific notation below 1e-3, like learning-benchmark's output."""
    return f"{cost:.10e}" if 0 < abs(cost) < 1e-3 else f"{cost:.10f}"


def main():
    usage = "usage: numpy_reference.py DIGITS_CSV [--repeat N] [wide|tiny|digits ...]"
    arguments = sys.argv[1:]
    if not arguments:
        sys.exit(usage)
    path = arguments.pop(0)
    repeats = 1
    if arguments[:1] == ["--repeat"]:
        if len(arguments) < 2 or not arguments[1].isdigit() or int(arguments[1]) < 1:
            sys.exit("--repeat needs a positive number; " + usage)
        repeats = int(arguments[1])
        arguments = arguments[2:]
    workloads = {"wide": wide, "tiny": tiny, "digits": lambda: digits(path)}
    for name in arguments or ["wide", "tiny", "digits"]:
        if name not in workloads:
            sys.exit(f"unknown workload '{name}': use wide, tiny or digits")
        seconds, loss = min(workloads[name]() for _ in range(repeats))
        print(f"{name} seconds={seconds:.4f} loss={formatted(loss)}", flush=True)


if __name__ == "__main__":
    main()
