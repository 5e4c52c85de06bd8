package io.pgtrickle.jdbc.wrapper;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/** Forwards the {@code update…} methods of {@link ResultSet} to {@link #resultSetDelegate()}. */
public interface ResultSetUpdateForwarding extends ResultSet {

  /** The object every method of this interface forwards to. */
  ResultSet resultSetDelegate();

  default void updateArray(String columnLabel, Array x) throws SQLException {
    resultSetDelegate().updateArray(columnLabel, x);
  }

  default void updateArray(int columnIndex, Array x) throws SQLException {
    resultSetDelegate().updateArray(columnIndex, x);
  }

  default void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
    resultSetDelegate().updateAsciiStream(columnLabel, x);
  }

  default void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
    resultSetDelegate().updateAsciiStream(columnIndex, x);
  }

  default void updateAsciiStream(
      String columnLabel, InputStream x, int length) throws SQLException {
    resultSetDelegate().updateAsciiStream(columnLabel, x, length);
  }

  default void updateAsciiStream(
      String columnLabel, InputStream x, long length) throws SQLException {
    resultSetDelegate().updateAsciiStream(columnLabel, x, length);
  }

  default void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException {
    resultSetDelegate().updateAsciiStream(columnIndex, x, length);
  }

  default void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
    resultSetDelegate().updateAsciiStream(columnIndex, x, length);
  }

  default void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    resultSetDelegate().updateBigDecimal(columnLabel, x);
  }

  default void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
    resultSetDelegate().updateBigDecimal(columnIndex, x);
  }

  default void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
    resultSetDelegate().updateBinaryStream(columnLabel, x);
  }

  default void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
    resultSetDelegate().updateBinaryStream(columnIndex, x);
  }

  default void updateBinaryStream(
      String columnLabel, InputStream x, int length) throws SQLException {
    resultSetDelegate().updateBinaryStream(columnLabel, x, length);
  }

  default void updateBinaryStream(
      String columnLabel, InputStream x, long length) throws SQLException {
    resultSetDelegate().updateBinaryStream(columnLabel, x, length);
  }

  default void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException {
    resultSetDelegate().updateBinaryStream(columnIndex, x, length);
  }

  default void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
    resultSetDelegate().updateBinaryStream(columnIndex, x, length);
  }

  default void updateBlob(String columnLabel, InputStream x) throws SQLException {
    resultSetDelegate().updateBlob(columnLabel, x);
  }

  default void updateBlob(String columnLabel, Blob x) throws SQLException {
    resultSetDelegate().updateBlob(columnLabel, x);
  }

  default void updateBlob(int columnIndex, InputStream x) throws SQLException {
    resultSetDelegate().updateBlob(columnIndex, x);
  }

  default void updateBlob(int columnIndex, Blob x) throws SQLException {
    resultSetDelegate().updateBlob(columnIndex, x);
  }

  default void updateBlob(String columnLabel, InputStream x, long length) throws SQLException {
    resultSetDelegate().updateBlob(columnLabel, x, length);
  }

  default void updateBlob(int columnIndex, InputStream x, long length) throws SQLException {
    resultSetDelegate().updateBlob(columnIndex, x, length);
  }

  default void updateBoolean(String columnLabel, boolean x) throws SQLException {
    resultSetDelegate().updateBoolean(columnLabel, x);
  }

  default void updateBoolean(int columnIndex, boolean x) throws SQLException {
    resultSetDelegate().updateBoolean(columnIndex, x);
  }

  default void updateByte(String columnLabel, byte x) throws SQLException {
    resultSetDelegate().updateByte(columnLabel, x);
  }

  default void updateByte(int columnIndex, byte x) throws SQLException {
    resultSetDelegate().updateByte(columnIndex, x);
  }

  default void updateBytes(String columnLabel, byte[] x) throws SQLException {
    resultSetDelegate().updateBytes(columnLabel, x);
  }

  default void updateBytes(int columnIndex, byte[] x) throws SQLException {
    resultSetDelegate().updateBytes(columnIndex, x);
  }

  default void updateCharacterStream(String columnLabel, Reader reader) throws SQLException {
    resultSetDelegate().updateCharacterStream(columnLabel, reader);
  }

  default void updateCharacterStream(int columnIndex, Reader reader) throws SQLException {
    resultSetDelegate().updateCharacterStream(columnIndex, reader);
  }

  default void updateCharacterStream(
      String columnLabel, Reader reader, int length) throws SQLException {
    resultSetDelegate().updateCharacterStream(columnLabel, reader, length);
  }

  default void updateCharacterStream(
      String columnLabel, Reader reader, long length) throws SQLException {
    resultSetDelegate().updateCharacterStream(columnLabel, reader, length);
  }

  default void updateCharacterStream(
      int columnIndex, Reader reader, int length) throws SQLException {
    resultSetDelegate().updateCharacterStream(columnIndex, reader, length);
  }

  default void updateCharacterStream(
      int columnIndex, Reader reader, long length) throws SQLException {
    resultSetDelegate().updateCharacterStream(columnIndex, reader, length);
  }

  default void updateClob(String columnLabel, Reader reader) throws SQLException {
    resultSetDelegate().updateClob(columnLabel, reader);
  }

  default void updateClob(String columnLabel, Clob x) throws SQLException {
    resultSetDelegate().updateClob(columnLabel, x);
  }

  default void updateClob(int columnIndex, Reader reader) throws SQLException {
    resultSetDelegate().updateClob(columnIndex, reader);
  }

  default void updateClob(int columnIndex, Clob x) throws SQLException {
    resultSetDelegate().updateClob(columnIndex, x);
  }

  default void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
    resultSetDelegate().updateClob(columnLabel, reader, length);
  }

  default void updateClob(int columnIndex, Reader reader, long length) throws SQLException {
    resultSetDelegate().updateClob(columnIndex, reader, length);
  }

  default void updateDate(String columnLabel, Date x) throws SQLException {
    resultSetDelegate().updateDate(columnLabel, x);
  }

  default void updateDate(int columnIndex, Date x) throws SQLException {
    resultSetDelegate().updateDate(columnIndex, x);
  }

  default void updateDouble(String columnLabel, double x) throws SQLException {
    resultSetDelegate().updateDouble(columnLabel, x);
  }

  default void updateDouble(int columnIndex, double x) throws SQLException {
    resultSetDelegate().updateDouble(columnIndex, x);
  }

  default void updateFloat(String columnLabel, float x) throws SQLException {
    resultSetDelegate().updateFloat(columnLabel, x);
  }

  default void updateFloat(int columnIndex, float x) throws SQLException {
    resultSetDelegate().updateFloat(columnIndex, x);
  }

  default void updateInt(String columnLabel, int x) throws SQLException {
    resultSetDelegate().updateInt(columnLabel, x);
  }

  default void updateInt(int columnIndex, int x) throws SQLException {
    resultSetDelegate().updateInt(columnIndex, x);
  }

  default void updateLong(String columnLabel, long x) throws SQLException {
    resultSetDelegate().updateLong(columnLabel, x);
  }

  default void updateLong(int columnIndex, long x) throws SQLException {
    resultSetDelegate().updateLong(columnIndex, x);
  }

  default void updateNCharacterStream(String columnLabel, Reader reader) throws SQLException {
    resultSetDelegate().updateNCharacterStream(columnLabel, reader);
  }

  default void updateNCharacterStream(int columnIndex, Reader reader) throws SQLException {
    resultSetDelegate().updateNCharacterStream(columnIndex, reader);
  }

  default void updateNCharacterStream(
      String columnLabel, Reader reader, long length) throws SQLException {
    resultSetDelegate().updateNCharacterStream(columnLabel, reader, length);
  }

  default void updateNCharacterStream(
      int columnIndex, Reader reader, long length) throws SQLException {
    resultSetDelegate().updateNCharacterStream(columnIndex, reader, length);
  }

  default void updateNClob(String columnLabel, Reader reader) throws SQLException {
    resultSetDelegate().updateNClob(columnLabel, reader);
  }

  default void updateNClob(String columnLabel, NClob x) throws SQLException {
    resultSetDelegate().updateNClob(columnLabel, x);
  }

  default void updateNClob(int columnIndex, Reader reader) throws SQLException {
    resultSetDelegate().updateNClob(columnIndex, reader);
  }

  default void updateNClob(int columnIndex, NClob x) throws SQLException {
    resultSetDelegate().updateNClob(columnIndex, x);
  }

  default void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
    resultSetDelegate().updateNClob(columnLabel, reader, length);
  }

  default void updateNClob(int columnIndex, Reader reader, long length) throws SQLException {
    resultSetDelegate().updateNClob(columnIndex, reader, length);
  }

  default void updateNString(String columnLabel, String x) throws SQLException {
    resultSetDelegate().updateNString(columnLabel, x);
  }

  default void updateNString(int columnIndex, String x) throws SQLException {
    resultSetDelegate().updateNString(columnIndex, x);
  }

  default void updateNull(String columnLabel) throws SQLException {
    resultSetDelegate().updateNull(columnLabel);
  }

  default void updateNull(int columnIndex) throws SQLException {
    resultSetDelegate().updateNull(columnIndex);
  }

  default void updateObject(String columnLabel, Object x) throws SQLException {
    resultSetDelegate().updateObject(columnLabel, x);
  }

  default void updateObject(int columnIndex, Object x) throws SQLException {
    resultSetDelegate().updateObject(columnIndex, x);
  }

  default void updateObject(String columnLabel, Object x, int targetSqlType) throws SQLException {
    resultSetDelegate().updateObject(columnLabel, x, targetSqlType);
  }

  default void updateObject(
      String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
    resultSetDelegate().updateObject(columnLabel, x, targetSqlType);
  }

  default void updateObject(int columnIndex, Object x, int targetSqlType) throws SQLException {
    resultSetDelegate().updateObject(columnIndex, x, targetSqlType);
  }

  default void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
    resultSetDelegate().updateObject(columnIndex, x, targetSqlType);
  }

  default void updateObject(
      String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    resultSetDelegate().updateObject(columnLabel, x, targetSqlType, scaleOrLength);
  }

  default void updateObject(
      int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    resultSetDelegate().updateObject(columnIndex, x, targetSqlType, scaleOrLength);
  }

  default void updateRef(String columnLabel, Ref x) throws SQLException {
    resultSetDelegate().updateRef(columnLabel, x);
  }

  default void updateRef(int columnIndex, Ref x) throws SQLException {
    resultSetDelegate().updateRef(columnIndex, x);
  }

  default void updateRowId(String columnLabel, RowId x) throws SQLException {
    resultSetDelegate().updateRowId(columnLabel, x);
  }

  default void updateRowId(int columnIndex, RowId x) throws SQLException {
    resultSetDelegate().updateRowId(columnIndex, x);
  }

  default void updateSQLXML(String columnLabel, SQLXML x) throws SQLException {
    resultSetDelegate().updateSQLXML(columnLabel, x);
  }

  default void updateSQLXML(int columnIndex, SQLXML x) throws SQLException {
    resultSetDelegate().updateSQLXML(columnIndex, x);
  }

  default void updateShort(String columnLabel, short x) throws SQLException {
    resultSetDelegate().updateShort(columnLabel, x);
  }

  default void updateShort(int columnIndex, short x) throws SQLException {
    resultSetDelegate().updateShort(columnIndex, x);
  }

  default void updateString(String columnLabel, String x) throws SQLException {
    resultSetDelegate().updateString(columnLabel, x);
  }

  default void updateString(int columnIndex, String x) throws SQLException {
    resultSetDelegate().updateString(columnIndex, x);
  }

  default void updateTime(String columnLabel, Time x) throws SQLException {
    resultSetDelegate().updateTime(columnLabel, x);
  }

  default void updateTime(int columnIndex, Time x) throws SQLException {
    resultSetDelegate().updateTime(columnIndex, x);
  }

  default void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
    resultSetDelegate().updateTimestamp(columnLabel, x);
  }

  default void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
    resultSetDelegate().updateTimestamp(columnIndex, x);
  }
}
