/**
 * pgtrickle's operator tree: immutable records, one per operator
 * ({@link io.pgtrickle.dvm.plan.Scan}, {@link io.pgtrickle.dvm.plan.Filter}, {@link io.pgtrickle.dvm.plan.Project},
 * {@link io.pgtrickle.dvm.plan.Join}, {@link io.pgtrickle.dvm.plan.SemiJoin}, {@link io.pgtrickle.dvm.plan.AntiJoin},
 * {@link io.pgtrickle.dvm.plan.Aggregate}, {@link io.pgtrickle.dvm.plan.Distinct}, {@link io.pgtrickle.dvm.plan.SetOp},
 * and {@link io.pgtrickle.dvm.plan.FullRefreshOnly} markers). Expressions are positional
 * ({@link io.pgtrickle.dvm.plan.ScalarExpression}) and render to PostgreSQL over any input names.
 */
package io.pgtrickle.dvm.plan;
