package cn.gongjiang.subsidy;

import java.time.LocalDate;
import java.util.List;

import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.PersonId;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What became of persons' subsidies (SUB-3): decided, released from waiting, reversed, paid. One event for many (a
 * chunk of the bulk decision carries one outcome per certificate), published in the transaction that made them; the
 * lifelong archive records each (REG-4) as codes it renders in the reader's language.
 */
public record SubsidyOutcomesRecorded(List<Outcome> outcomes) {

	/**
	 * One person's outcome: {@code outcome} GRANTED, DENIED, WAITING, REVERSED or PAID; the amount in yuan (null when
	 * none); the scheme's code; the reason as a message key with its arguments.
	 */
	@JsonSerialize(using = OutcomeJson.class)
	public record Outcome(PersonId personId, LocalDate on, String certificate, String scheme, String outcome,
			Money amount, String reason, List<Object> reasonArguments) {
	}

	/**
	 * An outcome as the event publication stores it, field by field: the JSON data binding writes of the record
	 * (read back by it, SubsidyOutcomesRecordedTests), without its reflection, five thousand times per bulk chunk.
	 */
	public static final class OutcomeJson extends ValueSerializer<Outcome> {

		@Override
		public void serialize(Outcome o, JsonGenerator g, SerializationContext context) {
			g.writeStartObject();
			g.writeName("personId");
			if (o.personId() == null) {
				g.writeNull();
			}
			else {
				g.writeNumber(o.personId().value());
			}
			g.writeStringProperty("on", o.on() == null ? null : o.on().toString());
			g.writeStringProperty("certificate", o.certificate());
			g.writeStringProperty("scheme", o.scheme());
			g.writeStringProperty("outcome", o.outcome());
			g.writeName("amount");
			if (o.amount() == null) {
				g.writeNull();
			}
			else {
				g.writeNumber(o.amount().json());
			}
			g.writeStringProperty("reason", o.reason());
			g.writeName("reasonArguments");
			if (o.reasonArguments() == null) {
				g.writeNull();
			}
			else {
				g.writeStartArray();
				for (var argument : o.reasonArguments()) {
					if (argument instanceof String text) {
						g.writeString(text);
					}
					else {
						g.writePOJO(argument);
					}
				}
				g.writeEndArray();
			}
			g.writeEndObject();
		}
	}
}
