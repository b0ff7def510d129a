package cn.gongjiang.console;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import cn.gongjiang.catalogue.CodeLists;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Role;

/**
 * {@code #names} in every template: the name of a code from the reference data (regions, occupations, grades,
 * certificate types, person groups, industry fields, roles) in the page's language, so no page prints a code where
 * a name belongs. Organisations are named by the queries that list them, not here.
 */
@Component
class NamesDialect extends AbstractDialect implements IExpressionObjectDialect {

	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;
	private final CodeLists codeLists;

	NamesDialect(RegionDirectory regions, OccupationCatalogue occupations, CodeLists codeLists) {
		super("gongjiang-names");
		this.regions = regions;
		this.occupations = occupations;
		this.codeLists = codeLists;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("names");
			}

			@Override
			public Object buildObject(IExpressionContext context, String name) {
				return new Names(context.getLocale());
			}

			@Override
			public boolean isCacheable(String name) {
				return true;
			}
		};
	}

	/** The look-ups, bound to one page's language. */
	public final class Names {

		private final Locale locale;

		Names(Locale locale) {
			this.locale = locale;
		}

		/** 柯桥区 */
		public String region(String code) {
			return regions.nameOf(code);
		}

		/** 绍兴市柯桥区 */
		public String place(String code) {
			return regions.placeOf(code);
		}

		/** 车工 */
		public String occupation(String code) {
			return occupations.nameOf(code);
		}

		/** 车工 6-18-01-01 */
		public String occupationWithCode(String code) {
			var name = occupations.nameOf(code);
			return name == null || name.equals(code) ? name : name + " " + code;
		}

		/** 高级工(三级); the code when it is none of the eight grades. */
		public String grade(String code) {
			return SkillGrade.labelOf(code, locale);
		}

		public String certificateType(String code) {
			if (code == null || code.isBlank()) {
				return null;
			}
			try {
				return CertificateType.fromCode(code).name(locale);
			}
			catch (RuntimeException unknown) {
				return code;
			}
		}

		/** 农村转移劳动者 */
		public String group(String code) {
			return codeLists.nameOf("person-group", code, locale);
		}

		/** Several groups: 农村转移劳动者、退役军人 */
		public String groups(Collection<String> codes) {
			if (codes == null || codes.isEmpty()) {
				return null;
			}
			return codes.stream().map(this::group).collect(Collectors.joining("en".equals(locale.getLanguage()) ? ", " : "、"));
		}

		/** 先进制造业(415X集群) */
		public String field(String code) {
			return codeLists.nameOf("industry-field", code, locale);
		}

		public String role(Object role) {
			if (role == null) {
				return null;
			}
			var value = role instanceof Role r ? r : Role.valueOf(role.toString());
			return value.displayName(locale);
		}
	}
}
