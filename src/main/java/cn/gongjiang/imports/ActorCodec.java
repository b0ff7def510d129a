package cn.gongjiang.imports;

import org.springframework.stereotype.Component;

import cn.gongjiang.shared.security.Actor;
import tools.jackson.databind.json.JsonMapper;

/** Keeps the uploader with the job, so that a job resumed after a restart runs with the same role and scope. */
@Component
class ActorCodec {

	private final JsonMapper json;

	ActorCodec(JsonMapper json) {
		this.json = json;
	}

	String encode(Actor actor) {
		return json.writeValueAsString(actor);
	}

	Actor decode(String encoded) {
		return json.readValue(encoded, Actor.class);
	}
}
