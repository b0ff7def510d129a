package cn.gongjiang.recruitment;

import java.time.Instant;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.recruitment.matching.Component.Grade;
import cn.gongjiang.recruitment.matching.Component.Occupation;
import cn.gongjiang.recruitment.matching.Component.Place;
import cn.gongjiang.recruitment.matching.Component.Yuan;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.web.Formats;

/**
 * A match component's reason as a sentence in the reader's language (REC-2, X-4): codes become names (occupations,
 * grades, places), amounts become yuan, moments Beijing dates.
 */
@Component
public class Explanations {

	private final MessageSource messages;
	private final OccupationCatalogue occupations;
	private final RegionDirectory regions;

	Explanations(MessageSource messages, OccupationCatalogue occupations, RegionDirectory regions) {
		this.messages = messages;
		this.occupations = occupations;
		this.regions = regions;
	}

	public String reason(cn.gongjiang.recruitment.matching.Component component, Locale locale) {
		var formats = new Formats(locale);
		var arguments = component.arguments().stream().map(a -> shown(a, locale, formats)).toArray();
		return messages.getMessage(component.reason(), arguments, component.reason(), locale);
	}

	public String name(cn.gongjiang.recruitment.matching.Component component, Locale locale) {
		var key = "recruitment.match.component." + component.name().name();
		return messages.getMessage(key, null, key, locale);
	}

	private Object shown(Object argument, Locale locale, Formats formats) {
		if (argument instanceof Occupation o) {
			return occupations.nameOf(o.code());
		}
		if (argument instanceof Grade g) {
			var grade = SkillGrade.values()[Math.max(0, g.rank() - 1)];
			return g.rank() == 0 ? messages.getMessage("recruitment.match.grade.ungraded", null, locale)
					: grade.label(locale);
		}
		if (argument instanceof Place p) {
			return regions.placeOf(RegionPath.of(p.path()).code().value());
		}
		if (argument instanceof Yuan y) {
			return formats.money(y.amount());
		}
		if (argument instanceof Instant i) {
			return formats.date(i);
		}
		return argument;
	}
}
