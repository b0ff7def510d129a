package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 17: a region path's parts are read by one type, not by counting slashes (X-1, REF-1). */
class RegionPathTests {

	static final RegionPath KEQIAO = RegionPath.of("/330000/330600/330603/");

	@Test
	void aCountysPathKnowsItsDepthItsCityAndItsOwnCode() {
		assertThat(KEQIAO.depth()).isEqualTo(RegionPath.COUNTY);
		assertThat(KEQIAO.codes()).containsExactly("330000", "330600", "330603");
		assertThat(KEQIAO.code()).isEqualTo(RegionCode.of("330603"));
		assertThat(KEQIAO.upTo(RegionPath.CITY)).isEqualTo(RegionPath.of("/330000/330600/"));
		assertThat(KEQIAO.codeAt(RegionPath.CITY)).contains(RegionCode.of("330600"));
		assertThat(KEQIAO.codeAt(RegionPath.TOWNSHIP)).isEmpty();
		assertThat(RegionPath.ZHEJIANG.depth()).isEqualTo(RegionPath.PROVINCE);
		assertThat(RegionPath.ZHEJIANG.upTo(RegionPath.CITY)).isEqualTo(RegionPath.ZHEJIANG);
	}

	@Test
	void aPathCoversWhatLiesInsideItOnly() {
		assertThat(RegionPath.of("/330000/330600/").covers(KEQIAO)).isTrue();
		assertThat(KEQIAO.covers(KEQIAO)).isTrue();
		assertThat(KEQIAO.covers(RegionPath.of("/330000/330600/"))).isFalse();
		assertThat(RegionPath.of("/330000/330100/").covers(KEQIAO)).isFalse();
		assertThat(KEQIAO.covers(null)).isFalse();
	}

	@Test
	void anythingButASlashedListOfCodesIsRefusedByName() {
		for (var bad : new String[] { "330000/330600/", "/330000/330600", "/33/", "", "/330000//330600/" }) {
			assertThatThrownBy(() -> RegionPath.of(bad)).as(bad).isInstanceOf(InvalidValueException.class)
					.hasMessageContaining("region.path.format");
			assertThat(RegionPath.parse(bad)).as(bad).isEmpty();
		}
		assertThat(RegionPath.parse(null)).isEmpty();
	}
}
