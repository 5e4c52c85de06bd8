/**
 * IMMEDIATE maintenance: generated statement-level triggers on every source keep a stream table up to
 * date inside the writing transaction, with the same delta rules as differential refreshes. See
 * {@link io.pgtrickle.refresh.immediate.ImmediateSetup} and {@code docs/immediate.md}.
 */
package io.pgtrickle.refresh.immediate;
