package io.pgtrickle.jdbc.wrapper;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * Forwards the methods that {@link CallableStatement} adds to {@link PreparedStatement} to
 * {@link #callableDelegate()}. A class mixes it in next to a prepared-statement superclass; its own
 * overrides win over these defaults.
 */
public interface CallableStatementForwarding extends CallableStatement {

  /** The object every method of this interface forwards to. */
  CallableStatement callableDelegate();

  default Array getArray(String parameterName) throws SQLException {
    return callableDelegate().getArray(parameterName);
  }

  default Array getArray(int parameterIndex) throws SQLException {
    return callableDelegate().getArray(parameterIndex);
  }

  default BigDecimal getBigDecimal(String parameterName) throws SQLException {
    return callableDelegate().getBigDecimal(parameterName);
  }

  default BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
    return callableDelegate().getBigDecimal(parameterIndex);
  }

  @Deprecated
  @SuppressWarnings("deprecation")
  default BigDecimal getBigDecimal(int parameterIndex, int scale) throws SQLException {
    return callableDelegate().getBigDecimal(parameterIndex, scale);
  }

  default Blob getBlob(String parameterName) throws SQLException {
    return callableDelegate().getBlob(parameterName);
  }

  default Blob getBlob(int parameterIndex) throws SQLException {
    return callableDelegate().getBlob(parameterIndex);
  }

  default boolean getBoolean(String parameterName) throws SQLException {
    return callableDelegate().getBoolean(parameterName);
  }

  default boolean getBoolean(int parameterIndex) throws SQLException {
    return callableDelegate().getBoolean(parameterIndex);
  }

  default byte getByte(String parameterName) throws SQLException {
    return callableDelegate().getByte(parameterName);
  }

  default byte getByte(int parameterIndex) throws SQLException {
    return callableDelegate().getByte(parameterIndex);
  }

  default byte[] getBytes(String parameterName) throws SQLException {
    return callableDelegate().getBytes(parameterName);
  }

  default byte[] getBytes(int parameterIndex) throws SQLException {
    return callableDelegate().getBytes(parameterIndex);
  }

  default Reader getCharacterStream(String parameterName) throws SQLException {
    return callableDelegate().getCharacterStream(parameterName);
  }

  default Reader getCharacterStream(int parameterIndex) throws SQLException {
    return callableDelegate().getCharacterStream(parameterIndex);
  }

  default Clob getClob(String parameterName) throws SQLException {
    return callableDelegate().getClob(parameterName);
  }

  default Clob getClob(int parameterIndex) throws SQLException {
    return callableDelegate().getClob(parameterIndex);
  }

  default Date getDate(String parameterName) throws SQLException {
    return callableDelegate().getDate(parameterName);
  }

  default Date getDate(int parameterIndex) throws SQLException {
    return callableDelegate().getDate(parameterIndex);
  }

  default Date getDate(String parameterName, Calendar cal) throws SQLException {
    return callableDelegate().getDate(parameterName, cal);
  }

  default Date getDate(int parameterIndex, Calendar cal) throws SQLException {
    return callableDelegate().getDate(parameterIndex, cal);
  }

  default double getDouble(String parameterName) throws SQLException {
    return callableDelegate().getDouble(parameterName);
  }

  default double getDouble(int parameterIndex) throws SQLException {
    return callableDelegate().getDouble(parameterIndex);
  }

  default float getFloat(String parameterName) throws SQLException {
    return callableDelegate().getFloat(parameterName);
  }

  default float getFloat(int parameterIndex) throws SQLException {
    return callableDelegate().getFloat(parameterIndex);
  }

  default int getInt(String parameterName) throws SQLException {
    return callableDelegate().getInt(parameterName);
  }

  default int getInt(int parameterIndex) throws SQLException {
    return callableDelegate().getInt(parameterIndex);
  }

  default long getLong(String parameterName) throws SQLException {
    return callableDelegate().getLong(parameterName);
  }

  default long getLong(int parameterIndex) throws SQLException {
    return callableDelegate().getLong(parameterIndex);
  }

  default Reader getNCharacterStream(String parameterName) throws SQLException {
    return callableDelegate().getNCharacterStream(parameterName);
  }

  default Reader getNCharacterStream(int parameterIndex) throws SQLException {
    return callableDelegate().getNCharacterStream(parameterIndex);
  }

  default NClob getNClob(String parameterName) throws SQLException {
    return callableDelegate().getNClob(parameterName);
  }

  default NClob getNClob(int parameterIndex) throws SQLException {
    return callableDelegate().getNClob(parameterIndex);
  }

  default String getNString(String parameterName) throws SQLException {
    return callableDelegate().getNString(parameterName);
  }

  default String getNString(int parameterIndex) throws SQLException {
    return callableDelegate().getNString(parameterIndex);
  }

  default Object getObject(String parameterName) throws SQLException {
    return callableDelegate().getObject(parameterName);
  }

  default Object getObject(int parameterIndex) throws SQLException {
    return callableDelegate().getObject(parameterIndex);
  }

  default <T> T getObject(String parameterName, Class<T> type) throws SQLException {
    return callableDelegate().getObject(parameterName, type);
  }

  default Object getObject(String parameterName, Map<String, Class<?>> map) throws SQLException {
    return callableDelegate().getObject(parameterName, map);
  }

  default <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
    return callableDelegate().getObject(parameterIndex, type);
  }

  default Object getObject(int parameterIndex, Map<String, Class<?>> map) throws SQLException {
    return callableDelegate().getObject(parameterIndex, map);
  }

  default Ref getRef(String parameterName) throws SQLException {
    return callableDelegate().getRef(parameterName);
  }

  default Ref getRef(int parameterIndex) throws SQLException {
    return callableDelegate().getRef(parameterIndex);
  }

  default RowId getRowId(String parameterName) throws SQLException {
    return callableDelegate().getRowId(parameterName);
  }

  default RowId getRowId(int parameterIndex) throws SQLException {
    return callableDelegate().getRowId(parameterIndex);
  }

  default SQLXML getSQLXML(String parameterName) throws SQLException {
    return callableDelegate().getSQLXML(parameterName);
  }

  default SQLXML getSQLXML(int parameterIndex) throws SQLException {
    return callableDelegate().getSQLXML(parameterIndex);
  }

  default short getShort(String parameterName) throws SQLException {
    return callableDelegate().getShort(parameterName);
  }

  default short getShort(int parameterIndex) throws SQLException {
    return callableDelegate().getShort(parameterIndex);
  }

  default String getString(String parameterName) throws SQLException {
    return callableDelegate().getString(parameterName);
  }

  default String getString(int parameterIndex) throws SQLException {
    return callableDelegate().getString(parameterIndex);
  }

  default Time getTime(String parameterName) throws SQLException {
    return callableDelegate().getTime(parameterName);
  }

  default Time getTime(int parameterIndex) throws SQLException {
    return callableDelegate().getTime(parameterIndex);
  }

  default Time getTime(String parameterName, Calendar cal) throws SQLException {
    return callableDelegate().getTime(parameterName, cal);
  }

  default Time getTime(int parameterIndex, Calendar cal) throws SQLException {
    return callableDelegate().getTime(parameterIndex, cal);
  }

  default Timestamp getTimestamp(String parameterName) throws SQLException {
    return callableDelegate().getTimestamp(parameterName);
  }

  default Timestamp getTimestamp(int parameterIndex) throws SQLException {
    return callableDelegate().getTimestamp(parameterIndex);
  }

  default Timestamp getTimestamp(String parameterName, Calendar cal) throws SQLException {
    return callableDelegate().getTimestamp(parameterName, cal);
  }

  default Timestamp getTimestamp(int parameterIndex, Calendar cal) throws SQLException {
    return callableDelegate().getTimestamp(parameterIndex, cal);
  }

  default URL getURL(String parameterName) throws SQLException {
    return callableDelegate().getURL(parameterName);
  }

  default URL getURL(int parameterIndex) throws SQLException {
    return callableDelegate().getURL(parameterIndex);
  }

  default void registerOutParameter(String parameterName, int sqlType) throws SQLException {
    callableDelegate().registerOutParameter(parameterName, sqlType);
  }

  default void registerOutParameter(
      String parameterName, SQLType targetSqlType) throws SQLException {
    callableDelegate().registerOutParameter(parameterName, targetSqlType);
  }

  default void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
    callableDelegate().registerOutParameter(parameterIndex, sqlType);
  }

  default void registerOutParameter(int parameterIndex, SQLType targetSqlType) throws SQLException {
    callableDelegate().registerOutParameter(parameterIndex, targetSqlType);
  }

  default void registerOutParameter(
      String parameterName, int sqlType, String typeName) throws SQLException {
    callableDelegate().registerOutParameter(parameterName, sqlType, typeName);
  }

  default void registerOutParameter(
      String parameterName, int sqlType, int scale) throws SQLException {
    callableDelegate().registerOutParameter(parameterName, sqlType, scale);
  }

  default void registerOutParameter(
      String parameterName, SQLType targetSqlType, String typeName) throws SQLException {
    callableDelegate().registerOutParameter(parameterName, targetSqlType, typeName);
  }

  default void registerOutParameter(
      String parameterName, SQLType targetSqlType, int scale) throws SQLException {
    callableDelegate().registerOutParameter(parameterName, targetSqlType, scale);
  }

  default void registerOutParameter(
      int parameterIndex, int sqlType, String typeName) throws SQLException {
    callableDelegate().registerOutParameter(parameterIndex, sqlType, typeName);
  }

  default void registerOutParameter(
      int parameterIndex, int sqlType, int scale) throws SQLException {
    callableDelegate().registerOutParameter(parameterIndex, sqlType, scale);
  }

  default void registerOutParameter(
      int parameterIndex, SQLType targetSqlType, String typeName) throws SQLException {
    callableDelegate().registerOutParameter(parameterIndex, targetSqlType, typeName);
  }

  default void registerOutParameter(
      int parameterIndex, SQLType targetSqlType, int scale) throws SQLException {
    callableDelegate().registerOutParameter(parameterIndex, targetSqlType, scale);
  }

  default void setAsciiStream(String parameterName, InputStream x) throws SQLException {
    callableDelegate().setAsciiStream(parameterName, x);
  }

  default void setAsciiStream(String parameterName, InputStream x, int length) throws SQLException {
    callableDelegate().setAsciiStream(parameterName, x, length);
  }

  default void setAsciiStream(
      String parameterName, InputStream x, long length) throws SQLException {
    callableDelegate().setAsciiStream(parameterName, x, length);
  }

  default void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
    callableDelegate().setBigDecimal(parameterName, x);
  }

  default void setBinaryStream(String parameterName, InputStream x) throws SQLException {
    callableDelegate().setBinaryStream(parameterName, x);
  }

  default void setBinaryStream(
      String parameterName, InputStream x, int length) throws SQLException {
    callableDelegate().setBinaryStream(parameterName, x, length);
  }

  default void setBinaryStream(
      String parameterName, InputStream x, long length) throws SQLException {
    callableDelegate().setBinaryStream(parameterName, x, length);
  }

  default void setBlob(String parameterName, InputStream x) throws SQLException {
    callableDelegate().setBlob(parameterName, x);
  }

  default void setBlob(String parameterName, Blob x) throws SQLException {
    callableDelegate().setBlob(parameterName, x);
  }

  default void setBlob(String parameterName, InputStream x, long length) throws SQLException {
    callableDelegate().setBlob(parameterName, x, length);
  }

  default void setBoolean(String parameterName, boolean x) throws SQLException {
    callableDelegate().setBoolean(parameterName, x);
  }

  default void setByte(String parameterName, byte x) throws SQLException {
    callableDelegate().setByte(parameterName, x);
  }

  default void setBytes(String parameterName, byte[] x) throws SQLException {
    callableDelegate().setBytes(parameterName, x);
  }

  default void setCharacterStream(String parameterName, Reader reader) throws SQLException {
    callableDelegate().setCharacterStream(parameterName, reader);
  }

  default void setCharacterStream(
      String parameterName, Reader reader, int length) throws SQLException {
    callableDelegate().setCharacterStream(parameterName, reader, length);
  }

  default void setCharacterStream(
      String parameterName, Reader reader, long length) throws SQLException {
    callableDelegate().setCharacterStream(parameterName, reader, length);
  }

  default void setClob(String parameterName, Reader reader) throws SQLException {
    callableDelegate().setClob(parameterName, reader);
  }

  default void setClob(String parameterName, Clob x) throws SQLException {
    callableDelegate().setClob(parameterName, x);
  }

  default void setClob(String parameterName, Reader reader, long length) throws SQLException {
    callableDelegate().setClob(parameterName, reader, length);
  }

  default void setDate(String parameterName, Date x) throws SQLException {
    callableDelegate().setDate(parameterName, x);
  }

  default void setDate(String parameterName, Date x, Calendar cal) throws SQLException {
    callableDelegate().setDate(parameterName, x, cal);
  }

  default void setDouble(String parameterName, double x) throws SQLException {
    callableDelegate().setDouble(parameterName, x);
  }

  default void setFloat(String parameterName, float x) throws SQLException {
    callableDelegate().setFloat(parameterName, x);
  }

  default void setInt(String parameterName, int x) throws SQLException {
    callableDelegate().setInt(parameterName, x);
  }

  default void setLong(String parameterName, long x) throws SQLException {
    callableDelegate().setLong(parameterName, x);
  }

  default void setNCharacterStream(String parameterName, Reader reader) throws SQLException {
    callableDelegate().setNCharacterStream(parameterName, reader);
  }

  default void setNCharacterStream(
      String parameterName, Reader reader, long length) throws SQLException {
    callableDelegate().setNCharacterStream(parameterName, reader, length);
  }

  default void setNClob(String parameterName, Reader reader) throws SQLException {
    callableDelegate().setNClob(parameterName, reader);
  }

  default void setNClob(String parameterName, NClob x) throws SQLException {
    callableDelegate().setNClob(parameterName, x);
  }

  default void setNClob(String parameterName, Reader reader, long length) throws SQLException {
    callableDelegate().setNClob(parameterName, reader, length);
  }

  default void setNString(String parameterName, String x) throws SQLException {
    callableDelegate().setNString(parameterName, x);
  }

  default void setNull(String parameterName, int sqlType) throws SQLException {
    callableDelegate().setNull(parameterName, sqlType);
  }

  default void setNull(String parameterName, int sqlType, String typeName) throws SQLException {
    callableDelegate().setNull(parameterName, sqlType, typeName);
  }

  default void setObject(String parameterName, Object x) throws SQLException {
    callableDelegate().setObject(parameterName, x);
  }

  default void setObject(String parameterName, Object x, int targetSqlType) throws SQLException {
    callableDelegate().setObject(parameterName, x, targetSqlType);
  }

  default void setObject(
      String parameterName, Object x, SQLType targetSqlType) throws SQLException {
    callableDelegate().setObject(parameterName, x, targetSqlType);
  }

  default void setObject(
      String parameterName, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    callableDelegate().setObject(parameterName, x, targetSqlType, scaleOrLength);
  }

  default void setObject(
      String parameterName,
      Object x,
      SQLType targetSqlType,
      int scaleOrLength) throws SQLException {
    callableDelegate().setObject(parameterName, x, targetSqlType, scaleOrLength);
  }

  default void setRowId(String parameterName, RowId x) throws SQLException {
    callableDelegate().setRowId(parameterName, x);
  }

  default void setSQLXML(String parameterName, SQLXML x) throws SQLException {
    callableDelegate().setSQLXML(parameterName, x);
  }

  default void setShort(String parameterName, short x) throws SQLException {
    callableDelegate().setShort(parameterName, x);
  }

  default void setString(String parameterName, String x) throws SQLException {
    callableDelegate().setString(parameterName, x);
  }

  default void setTime(String parameterName, Time x) throws SQLException {
    callableDelegate().setTime(parameterName, x);
  }

  default void setTime(String parameterName, Time x, Calendar cal) throws SQLException {
    callableDelegate().setTime(parameterName, x, cal);
  }

  default void setTimestamp(String parameterName, Timestamp x) throws SQLException {
    callableDelegate().setTimestamp(parameterName, x);
  }

  default void setTimestamp(String parameterName, Timestamp x, Calendar cal) throws SQLException {
    callableDelegate().setTimestamp(parameterName, x, cal);
  }

  default void setURL(String parameterName, URL x) throws SQLException {
    callableDelegate().setURL(parameterName, x);
  }

  default boolean wasNull() throws SQLException {
    return callableDelegate().wasNull();
  }
}
