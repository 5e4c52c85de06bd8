/**
 * FULL maintenance: recompute through the definition view and apply only the difference to the stored
 * rows ({@link io.pgtrickle.refresh.full.FullRefresher}), with column comparability decided from
 * {@code pg_catalog} ({@link io.pgtrickle.refresh.full.ColumnComparability}); one refresh including
 * catalog state and history is {@link io.pgtrickle.refresh.full.RefreshExecutor}.
 */
package io.pgtrickle.refresh.full;
