/**
 * Plugin interfaces of differential view maintenance (JDK-only).
 *
 * <p>The analysis (module {@code pgtrickle-dvm}) turns a stream table's query into a tree of
 * {@link io.pgtrickle.spi.dvm.Operator}s. Differentiation walks the tree bottom-up; for every operator
 * it picks a {@link io.pgtrickle.spi.dvm.DeltaRule} that handles it, and the rule emits SQL common
 * table expressions computing the operator's delta as a <em>Z-set</em>: the operator's output columns
 * plus an integer weight column ({@value io.pgtrickle.spi.dvm.DeltaContext#WEIGHT_COLUMN}), positive
 * for rows that appear, negative for rows that disappear. Aggregates are maintained through
 * {@link io.pgtrickle.spi.dvm.AggregateStrategy}s.
 */
package io.pgtrickle.spi.dvm;
