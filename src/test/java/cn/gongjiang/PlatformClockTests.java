package cn.gongjiang;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/**
 * The platform's day is Beijing's on any host: a UTC server read "today" as yesterday until 08:00 in Zhejiang (a
 * pension recorded "as of today" from the form was refused as future). Tests run on their own clock in Beijing's
 * zone, so only the bean itself shows what production gets.
 */
class PlatformClockTests {

	@Test
	void theClockKeepsBeijingTimeWhateverTheServersZone() {
		assertThat(new GongjiangApplication().clock().getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
	}
}
