package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Refusal;
import cn.gongjiang.shared.security.Role;

/** Issue 17, X-1: the one test for "an officer acting in scope", and the refusal it throws naming the action. */
class OfficerGuardTests {

	static final Actor SHAOXING = actor(Role.CITY_OFFICER, DataScope.region(RegionCode.of("330600"), "/330000/330600/"));

	static final Actor PROVINCE = actor(Role.PROVINCE_OFFICER, DataScope.region(RegionCode.ZHEJIANG, "/330000/"));

	static final Actor DEPARTMENT = actor(Role.DEPARTMENT_OFFICER, DataScope.department("省经信厅"));

	static final Actor ENTERPRISE = actor(Role.ENTERPRISE, DataScope.organisation("91330602MA2BXXXX0X"));

	@Test
	void onlyAnOfficerOfARegionIsARegionalOfficer() {
		assertThat(SHAOXING.regionalOfficer()).isTrue();
		assertThat(PROVINCE.regionalOfficer()).isTrue();
		assertThat(DEPARTMENT.regionalOfficer()).isFalse();
		assertThat(ENTERPRISE.regionalOfficer()).isFalse();
	}

	@Test
	void aRefusalNamesTheActionAndTargetRefused() {
		assertThatCode(() -> SHAOXING.requireRegionalOfficer("certificate.revoke", "C-1")).doesNotThrowAnyException();
		assertThatThrownBy(() -> DEPARTMENT.requireRegionalOfficer("certificate.revoke", "C-1"))
				.isInstanceOfSatisfying(Refusal.class, r -> {
					assertThat(r.action()).isEqualTo("certificate.revoke");
					assertThat(r.target()).isEqualTo("C-1");
				});
		assertThatThrownBy(ENTERPRISE::requireRegionalOfficer)
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.action()).isNull());
	}

	@Test
	void anOfficerCoversOnlyWhatLiesInTheirRegion() {
		assertThatCode(() -> SHAOXING.requireOfficerCovering("x", "t", "/330000/330600/330603/"))
				.doesNotThrowAnyException();
		assertThatThrownBy(() -> SHAOXING.requireOfficerCovering("x", "t", "/330000/330100/"))
				.isInstanceOf(Refusal.class);
		// what the platform cannot place is the province's
		assertThat(SHAOXING.officerCovering((String) null)).isFalse();
		assertThat(PROVINCE.officerCovering((String) null)).isTrue();
		assertThat(DEPARTMENT.officerCovering("/330000/")).isFalse();
	}

	private static Actor actor(Role role, DataScope scope) {
		return new Actor(1, "test", "测试", role, scope, false);
	}
}
