package io.pgtrickle.jdbc.wrapper;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * Forwards the methods that {@link PreparedStatement} adds to {@link java.sql.Statement} to
 * {@link #preparedDelegate()}. A class mixes it in next to a {@link ForwardingStatement} superclass; its
 * own overrides win over these defaults.
 */
public interface PreparedStatementForwarding extends PreparedStatement {

  /** The object every method of this interface forwards to. */
  PreparedStatement preparedDelegate();

  default void addBatch() throws SQLException {
    preparedDelegate().addBatch();
  }

  default void clearParameters() throws SQLException {
    preparedDelegate().clearParameters();
  }

  default boolean execute() throws SQLException {
    return preparedDelegate().execute();
  }

  default long executeLargeUpdate() throws SQLException {
    return preparedDelegate().executeLargeUpdate();
  }

  default ResultSet executeQuery() throws SQLException {
    return preparedDelegate().executeQuery();
  }

  default int executeUpdate() throws SQLException {
    return preparedDelegate().executeUpdate();
  }

  default ResultSetMetaData getMetaData() throws SQLException {
    return preparedDelegate().getMetaData();
  }

  default ParameterMetaData getParameterMetaData() throws SQLException {
    return preparedDelegate().getParameterMetaData();
  }

  default void setArray(int parameterIndex, Array x) throws SQLException {
    preparedDelegate().setArray(parameterIndex, x);
  }

  default void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    preparedDelegate().setAsciiStream(parameterIndex, x);
  }

  default void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    preparedDelegate().setAsciiStream(parameterIndex, x, length);
  }

  default void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    preparedDelegate().setAsciiStream(parameterIndex, x, length);
  }

  default void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    preparedDelegate().setBigDecimal(parameterIndex, x);
  }

  default void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    preparedDelegate().setBinaryStream(parameterIndex, x);
  }

  default void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    preparedDelegate().setBinaryStream(parameterIndex, x, length);
  }

  default void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    preparedDelegate().setBinaryStream(parameterIndex, x, length);
  }

  default void setBlob(int parameterIndex, InputStream x) throws SQLException {
    preparedDelegate().setBlob(parameterIndex, x);
  }

  default void setBlob(int parameterIndex, Blob x) throws SQLException {
    preparedDelegate().setBlob(parameterIndex, x);
  }

  default void setBlob(int parameterIndex, InputStream x, long length) throws SQLException {
    preparedDelegate().setBlob(parameterIndex, x, length);
  }

  default void setBoolean(int parameterIndex, boolean x) throws SQLException {
    preparedDelegate().setBoolean(parameterIndex, x);
  }

  default void setByte(int parameterIndex, byte x) throws SQLException {
    preparedDelegate().setByte(parameterIndex, x);
  }

  default void setBytes(int parameterIndex, byte[] x) throws SQLException {
    preparedDelegate().setBytes(parameterIndex, x);
  }

  default void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    preparedDelegate().setCharacterStream(parameterIndex, reader);
  }

  default void setCharacterStream(
      int parameterIndex, Reader reader, int length) throws SQLException {
    preparedDelegate().setCharacterStream(parameterIndex, reader, length);
  }

  default void setCharacterStream(
      int parameterIndex, Reader reader, long length) throws SQLException {
    preparedDelegate().setCharacterStream(parameterIndex, reader, length);
  }

  default void setClob(int parameterIndex, Reader reader) throws SQLException {
    preparedDelegate().setClob(parameterIndex, reader);
  }

  default void setClob(int parameterIndex, Clob x) throws SQLException {
    preparedDelegate().setClob(parameterIndex, x);
  }

  default void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    preparedDelegate().setClob(parameterIndex, reader, length);
  }

  default void setDate(int parameterIndex, Date x) throws SQLException {
    preparedDelegate().setDate(parameterIndex, x);
  }

  default void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    preparedDelegate().setDate(parameterIndex, x, cal);
  }

  default void setDouble(int parameterIndex, double x) throws SQLException {
    preparedDelegate().setDouble(parameterIndex, x);
  }

  default void setFloat(int parameterIndex, float x) throws SQLException {
    preparedDelegate().setFloat(parameterIndex, x);
  }

  default void setInt(int parameterIndex, int x) throws SQLException {
    preparedDelegate().setInt(parameterIndex, x);
  }

  default void setLong(int parameterIndex, long x) throws SQLException {
    preparedDelegate().setLong(parameterIndex, x);
  }

  default void setNCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    preparedDelegate().setNCharacterStream(parameterIndex, reader);
  }

  default void setNCharacterStream(
      int parameterIndex, Reader reader, long length) throws SQLException {
    preparedDelegate().setNCharacterStream(parameterIndex, reader, length);
  }

  default void setNClob(int parameterIndex, Reader reader) throws SQLException {
    preparedDelegate().setNClob(parameterIndex, reader);
  }

  default void setNClob(int parameterIndex, NClob x) throws SQLException {
    preparedDelegate().setNClob(parameterIndex, x);
  }

  default void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    preparedDelegate().setNClob(parameterIndex, reader, length);
  }

  default void setNString(int parameterIndex, String x) throws SQLException {
    preparedDelegate().setNString(parameterIndex, x);
  }

  default void setNull(int parameterIndex, int sqlType) throws SQLException {
    preparedDelegate().setNull(parameterIndex, sqlType);
  }

  default void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    preparedDelegate().setNull(parameterIndex, sqlType, typeName);
  }

  default void setObject(int parameterIndex, Object x) throws SQLException {
    preparedDelegate().setObject(parameterIndex, x);
  }

  default void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    preparedDelegate().setObject(parameterIndex, x, targetSqlType);
  }

  default void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    preparedDelegate().setObject(parameterIndex, x, targetSqlType);
  }

  default void setObject(
      int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    preparedDelegate().setObject(parameterIndex, x, targetSqlType, scaleOrLength);
  }

  default void setObject(
      int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    preparedDelegate().setObject(parameterIndex, x, targetSqlType, scaleOrLength);
  }

  default void setRef(int parameterIndex, Ref x) throws SQLException {
    preparedDelegate().setRef(parameterIndex, x);
  }

  default void setRowId(int parameterIndex, RowId x) throws SQLException {
    preparedDelegate().setRowId(parameterIndex, x);
  }

  default void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
    preparedDelegate().setSQLXML(parameterIndex, x);
  }

  default void setShort(int parameterIndex, short x) throws SQLException {
    preparedDelegate().setShort(parameterIndex, x);
  }

  default void setString(int parameterIndex, String x) throws SQLException {
    preparedDelegate().setString(parameterIndex, x);
  }

  default void setTime(int parameterIndex, Time x) throws SQLException {
    preparedDelegate().setTime(parameterIndex, x);
  }

  default void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    preparedDelegate().setTime(parameterIndex, x, cal);
  }

  default void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    preparedDelegate().setTimestamp(parameterIndex, x);
  }

  default void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    preparedDelegate().setTimestamp(parameterIndex, x, cal);
  }

  default void setURL(int parameterIndex, URL x) throws SQLException {
    preparedDelegate().setURL(parameterIndex, x);
  }

  @Deprecated
  @SuppressWarnings("deprecation")
  default void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    preparedDelegate().setUnicodeStream(parameterIndex, x, length);
  }
}
