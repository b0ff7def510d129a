package cn.gongjiang.certification.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.certification.Certificate;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.certification.CertificateRequest;
import cn.gongjiang.certification.Verification;
import cn.gongjiang.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/certificates")
@Tag(name = "Certificates")
class CertificateApiController {

	private final CertificateRegister register;

	CertificateApiController(CertificateRegister register) {
		this.register = register;
	}

	record Revocation(String reason) {
	}

	@Operation(summary = "Verify a certificate by number and holder name; public, rate-limited per client address",
			description = "Answers 404 whenever number and name do not match, whether the number exists or not.")
	@SecurityRequirements // public (CRT-2)
	@GetMapping("/verify")
	Verification verify(@RequestParam String number, @RequestParam String name) {
		return register.verify(number, name);
	}

	@Operation(summary = "Issue a certificate (evaluation bodies and officers)")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Certificate issue(@RequestBody CertificateRequest request, @AuthenticationPrincipal Actor actor) {
		return register.issue(actor, request);
	}

	@Operation(summary = "Revoke a certificate with a reason (officers)")
	@PostMapping("/{number}/revocation")
	Certificate revoke(@PathVariable String number, @RequestBody Revocation revocation,
			@AuthenticationPrincipal Actor actor) {
		return register.revoke(actor, number, revocation.reason());
	}
}
