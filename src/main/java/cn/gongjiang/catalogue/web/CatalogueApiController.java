package cn.gongjiang.catalogue.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.catalogue.CodeItem;
import cn.gongjiang.catalogue.CodeLists;
import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.SkillGrade;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data")
class CatalogueApiController {

	private final CodeLists lists;

	CatalogueApiController(CodeLists lists) {
		this.lists = lists;
	}

	record SkillGradeView(String code, int rank, String nameZh, String nameEn, Integer nationalLevel,
			String nationalLabel, boolean highSkilled) {
	}

	record CertificateTypeView(String code, String nameZh, String nameEn) {
	}

	@Operation(summary = "The eight skill grades, lowest first (REF-3); highSkilled from 高级工 up")
	@GetMapping("/skill-grades")
	List<SkillGradeView> skillGrades() {
		return Arrays.stream(SkillGrade.values())
				.map(g -> new SkillGradeView(g.code(), g.rank(), g.nameZh(), g.nameEn(), g.nationalLevel(),
						g.nationalLabelZh(), g.highSkilled()))
				.toList();
	}

	@Operation(summary = "The four certificate types (REF-4)")
	@GetMapping("/certificate-types")
	List<CertificateTypeView> certificateTypes() {
		return Arrays.stream(CertificateType.values())
				.map(t -> new CertificateTypeView(t.code(), t.nameZh(), t.nameEn()))
				.toList();
	}

	@Operation(summary = "A code list: person-group (REF-5) or industry-field (REF-6)")
	@GetMapping("/catalogues/{list}")
	List<CodeItem> codeList(@PathVariable String list) {
		return lists.list(list);
	}
}
