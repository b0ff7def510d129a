package cn.gongjiang.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Chinese by default, English on request: in the console {@code ?lang=en} sets a cookie (a browser's own
 * language does not switch it: officials share machines set up in many ways); API clients may send
 * {@code Accept-Language}. Only the two supported languages are ever chosen.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
	static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

	/**
	 * One bundle per module, {@code i18n/<module>_zh_CN.properties} and {@code _en}: a module's words live beside
	 * its name, and two people changing two modules never touch the same file.
	 */
	@Bean
	MessageSource messageSource() throws IOException {
		var source = new ReloadableResourceBundleMessageSource();
		var bundles = new TreeSet<String>();
		for (var resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:i18n/*_zh_CN.properties")) {
			bundles.add("classpath:i18n/" + resource.getFilename().replace("_zh_CN.properties", ""));
		}
		source.setBasenames(bundles.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setDefaultLocale(CHINESE);
		return source;
	}

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("gongjiang-lang");
		resolver.setDefaultLocaleFunction(LocaleConfiguration::fromHeader);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	private static Locale fromHeader(HttpServletRequest request) {
		var header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank() || !request.getRequestURI().startsWith("/api/")) {
			return CHINESE;
		}
		try {
			var match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return match == null ? CHINESE : match;
		}
		catch (IllegalArgumentException malformed) {
			return CHINESE;
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		registry.addInterceptor(change);
	}
}
