package cn.gongjiang.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.springframework.jdbc.core.SqlTypeValue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A person of the registry (人员库), by its id: what the other modules hold of a person beside the keyed ID-number
 * index, so that a person's id cannot be passed where a class's or an order's is meant. Binds as a {@code bigint}
 * when passed to a statement as it is; in JSON (an event, an API body) it is the number.
 */
public record PersonId(long value) implements SqlTypeValue {

	@JsonCreator
	public static PersonId of(long value) {
		return new PersonId(value);
	}

	/** From a nullable {@code bigint} column: null stays null (a decision for an organisation names no person). */
	public static PersonId ofNullable(Long value) {
		return value == null ? null : new PersonId(value);
	}

	@JsonValue
	@Override
	public long value() {
		return value;
	}

	@Override
	public void setTypeValue(PreparedStatement statement, int index, int sqlType, String typeName) throws SQLException {
		statement.setLong(index, value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
