/**
 * Post-refresh actions: what runs after a stream table's refresh commits (ANALYZE, REINDEX, keeping
 * an ANN index of pgvector embeddings in shape, …), plugged in with {@link java.util.ServiceLoader}.
 */
package io.pgtrickle.spi.action;
