package io.pgtrickle.cdc.trigger;

/**
 * A table by OID and its current quoted, qualified name.
 *
 * @param oid the table's OID
 * @param qualifiedName e.g. {@code "public"."orders"}
 */
record TableRef(long oid, String qualifiedName) {}
