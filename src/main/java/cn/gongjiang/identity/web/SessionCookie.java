package cn.gongjiang.identity.web;

import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import cn.gongjiang.shared.DemoMode;

/**
 * the session cookie travels over HTTPS only, unless demo mode is on (a laptop on http://localhost) or
 * {@code GONGJIANG_SECURE_COOKIE} says otherwise. Runs after Spring Boot's own session settings, so it has the last word.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookie {

	static boolean secure(String setting, boolean demo) {
		return StringUtils.hasText(setting) ? Boolean.parseBoolean(setting.strip()) : !demo;
	}

	@Bean
	ServletContextInitializer secureSessionCookie(Environment environment, DemoMode demo) {
		var secure = secure(environment.getProperty("gongjiang.secure-cookie"), demo.enabled());
		return servletContext -> servletContext.getSessionCookieConfig().setSecure(secure);
	}
}
