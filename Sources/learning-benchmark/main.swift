// Filled in by the benchmark work: trains the three workloads with Learning and prints timings.
print("learning-benchmark: workloads not written yet")
