/**
 * Measurements of Oficio's hot paths: JMH benchmarks (the fee resolver, the reliability scorer; run
 * with {@code java -jar benchmarks/target/benchmarks.jar}) and the persistence benchmark main
 * {@link dev.oficio.benchmarks.PersistenceBenchmark}.
 */
package dev.oficio.benchmarks;
