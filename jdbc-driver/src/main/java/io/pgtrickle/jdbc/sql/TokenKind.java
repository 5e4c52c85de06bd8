package io.pgtrickle.jdbc.sql;

/** The kinds of token {@link SqlLexer} produces. Comments and whitespace produce no token. */
public enum TokenKind {
  /** A word in {@link Keywords}, e.g. {@code CREATE}, {@code MATERIALIZED}, {@code select}. */
  KEYWORD,
  /** Any other unquoted word, e.g. {@code orders} or {@code refresh_mode}. */
  IDENTIFIER,
  /** {@code "Mixed Case"} or {@code U&"d\0061ta"}. */
  QUOTED_IDENTIFIER,
  /** {@code 'x'}, {@code E'x'}, {@code U&'x'}, {@code B'1'}, {@code X'1f'}, {@code N'x'}, {@code $tag$x$tag$}. */
  STRING,
  /** {@code 42}, {@code 1.5}, {@code .5e3}. */
  NUMBER,
  /** A positional parameter {@code $1}. */
  PARAMETER,
  /** A run of operator characters, e.g. {@code =}, {@code <->}, {@code ::}, {@code ?}. */
  OPERATOR,
  /** One of {@code ( ) [ ] , ; : .} or any other single character the lexer does not otherwise know. */
  PUNCTUATION
}
