/**
 * JMH measurements of Oficio's hot paths (the fee resolver, the reliability scorer). Run with
 * {@code java -jar benchmarks/target/benchmarks.jar}.
 */
package dev.oficio.benchmarks;
