<#--
  pgtrickle additions to Calcite's Parser.jj (see config.fmpp).

  PgInfixCast: PostgreSQL's "expr::type" binds tighter than every binary and unary operator, so it
  is reduced eagerly: the operand parsed just before "::" is replaced by CAST(operand AS type) before
  the flat operator list is turned into a tree. "a = b::int" is therefore "a = CAST(b AS INTEGER)".
  A trailing "[]" makes the target an array type ("x::int[]"); "::interval" is accepted too, so
  PostgreSQL's "'1 day'::interval" works (the bare literal form "interval '1 day'" does not, see
  PgSqlParser).

  PgBinaryOperator: pgvector's <-> <=> <#> and jsonb's -> ->> @> <@ at PostgreSQL's "any other
  operator" level: tighter than comparison, looser than + and - (precedence set in PgOperators).
-->

void PgInfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    SqlDataTypeSpec dt;
    final SqlParserPos pos;
}
{
    <PG_INFIX_CAST> {
        checkNonQueryExpression(exprContext);
        pos = getPos();
    }
    (
        // "::interval": INTERVAL is a keyword Calcite's DataType() does not accept; it resolves
        // through the catalog's built-in "interval" type, which renders back as interval.
        <INTERVAL> {
            dt = new SqlDataTypeSpec(
                new SqlUserDefinedTypeNameSpec("interval", getPos()), getPos());
        }
    |
        dt = DataType()
    )
    [
        LOOKAHEAD(2)
        <LBRACKET> <RBRACKET> {
            dt = new SqlDataTypeSpec(
                new SqlCollectionTypeNameSpec(dt.getTypeNameSpec(), SqlTypeName.ARRAY, getPos()),
                getPos());
        }
    ]
    {
        final int last = list.size() - 1;
        if (last < 0 || !(list.get(last) instanceof SqlNode)) {
            throw SqlUtil.newContextException(pos,
                RESOURCE.illegalNonQueryExpression());
        }
        final SqlNode operand = (SqlNode) list.get(last);
        list.set(last,
            SqlStdOperatorTable.CAST.createCall(operand.getParserPosition().plus(getPos()), operand, dt));
    }
}

void PgBinaryOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    (
        <PG_L2_DISTANCE> { op = PgOperators.L2_DISTANCE; }
    |
        <PG_COSINE_DISTANCE> { op = PgOperators.COSINE_DISTANCE; }
    |
        <PG_NEG_INNER_PRODUCT> { op = PgOperators.NEGATIVE_INNER_PRODUCT; }
    |
        <PG_JSON_GET_TEXT> { op = PgOperators.JSON_GET_TEXT; }
    |
        <LAMBDA> { op = PgOperators.JSON_GET; }
    |
        <PG_CONTAINS> { op = PgOperators.CONTAINS; }
    |
        <PG_CONTAINED_BY> { op = PgOperators.CONTAINED_BY; }
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}
